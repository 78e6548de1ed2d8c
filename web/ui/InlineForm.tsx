import { Button, Group, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from './Form.js';
import { ProblemAlert } from './ProblemAlert.js';

/**
 * A record edited in place, inside its list (an LED bottleneck, measure, team member, key figure,
 * assessment): its fields, then the server's problem if it refused, then Cancel and Save.
 */
export function InlineForm({ onSubmit, onCancel, saving, error, children }: { onSubmit(): void; onCancel(): void; saving: boolean; error: unknown; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Form onSubmit={onSubmit} gap="sm">
        {children}
        <ProblemAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('ui.confirm.cancel')}</Button>
          <Button type="submit" loading={saving}>{t('ui.save')}</Button>
        </Group>
      </Form>
    </Paper>
  );
}
