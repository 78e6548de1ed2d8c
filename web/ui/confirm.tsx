import { Button, Group, Modal, Text } from '@mantine/core';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmQuestion {
  /** What will happen, in a sentence naming the record. */
  question: ReactNode;
  /** The confirming button says what it does ("Remove", "Change the role"), never just "OK". */
  confirmLabel: ReactNode;
  /** Red for what destroys; another colour for what changes. */
  color?: string;
}

/**
 * Asks before a destructive or privilege-changing action: `ask` resolves to
 * true once the person confirms, false if they cancel or close. The one dialog
 * every such action of the app uses; render `dialog` once in the component.
 */
export function useConfirm() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<ConfirmQuestion | null>(null);
  const [opened, setOpened] = useState(false);
  const pending = useRef<((ok: boolean) => void) | null>(null);
  const ask = useCallback((question: ConfirmQuestion) => {
    pending.current?.(false);
    setShown(question);
    setOpened(true);
    return new Promise<boolean>((resolve) => {
      pending.current = resolve;
    });
  }, []);
  const answer = (ok: boolean) => {
    pending.current?.(ok);
    pending.current = null;
    setOpened(false);
  };
  const dialog = (
    <QuestionDialog
      opened={opened}
      title={t('ui.confirm.title')}
      question={shown?.question}
      cancelLabel={t('ui.confirm.cancel')}
      confirmLabel={shown?.confirmLabel}
      color={shown?.color ?? 'red'}
      focus="confirm"
      onAnswer={answer}
    />
  );
  return [ask, dialog] as const;
}

/**
 * The dialog of a question with two answers, as the app asks every one (before
 * a destructive change, before leaving unsaved changes): closing it is the
 * cancelling answer. `focus` says which answer Enter gives at once.
 */
export function QuestionDialog(props: {
  opened: boolean;
  title: ReactNode;
  question: ReactNode;
  cancelLabel: ReactNode;
  confirmLabel: ReactNode;
  color: string;
  focus: 'cancel' | 'confirm';
  onAnswer: (confirmed: boolean) => void;
}) {
  return (
    <Modal opened={props.opened} onClose={() => props.onAnswer(false)} title={props.title} centered>
      <Text mb="lg">{props.question}</Text>
      <Group justify="flex-end">
        <Button variant="default" data-autofocus={props.focus === 'cancel' || undefined} onClick={() => props.onAnswer(false)}>
          {props.cancelLabel}
        </Button>
        <Button color={props.color} data-autofocus={props.focus === 'confirm' || undefined} onClick={() => props.onAnswer(true)}>
          {props.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
