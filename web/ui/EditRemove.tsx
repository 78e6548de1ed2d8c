import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from './ConfirmButton.js';

/** A table row's "Edit" and "Remove", the removal asked for confirmation first. */
export function EditRemove({ onEdit, question, onRemove }: { onEdit(): void; question: ReactNode; onRemove(): Promise<unknown> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="xs" variant="subtle" onClick={onEdit}>{t('ui.edit')}</Button>
      <ConfirmButton label={t('ui.remove')} question={question} onConfirm={onRemove} />
    </Group>
  );
}
