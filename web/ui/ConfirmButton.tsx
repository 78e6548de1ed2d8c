import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A button that asks before it destroys or changes something that cannot be undone. */
export function ConfirmButton({ label, question, onConfirm, loading, ...props }: ButtonProps & { label: ReactNode; question: ReactNode; onConfirm: () => void | Promise<unknown> }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="subtle" color="red" size="xs" onClick={open} loading={loading} {...props}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={t('ui.confirm.title')} centered>
        <Text mb="lg">{question}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('ui.confirm.cancel')}
          </Button>
          <Button
            color="red"
            data-autofocus
            onClick={async () => {
              close();
              await onConfirm();
            }}
          >
            {label}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
