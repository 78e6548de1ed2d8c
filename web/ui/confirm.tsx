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
    <Modal opened={opened} onClose={() => answer(false)} title={t('ui.confirm.title')} centered>
      <Text mb="lg">{shown?.question}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => answer(false)}>
          {t('ui.confirm.cancel')}
        </Button>
        <Button color={shown?.color ?? 'red'} data-autofocus onClick={() => answer(true)}>
          {shown?.confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
  return [ask, dialog] as const;
}
