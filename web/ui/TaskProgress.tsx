import { Button, Group, Paper, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../contracts/tasks.js';
import { TaskCancelledError } from '../app/tasks.js';

/** How far long work got, with a way to stop it; nothing once it has ended. */
export function TaskProgress({ task, onCancel, cancelling }: { task: Task | null; onCancel: () => void; cancelling: boolean }) {
  const { t, i18n } = useTranslation();
  if (!task || (task.state !== 'queued' && task.state !== 'running')) return null;
  const number = new Intl.NumberFormat(i18n.language);
  const share = task.total > 0 ? Math.min(100, Math.round((task.done * 100) / task.total)) : null;
  const label = task.state === 'queued' ? t('tasks.queued') : t(`tasks.phase.${task.phase}`, { defaultValue: t('tasks.phase.starting') });
  return (
    <Paper withBorder p="sm" mt="sm" role="status" aria-live="polite">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">{label}</Text>
        {share !== null && (
          <Text size="sm" c="dimmed">
            {t('tasks.progress', { done: number.format(task.done), total: number.format(task.total) })}
          </Text>
        )}
      </Group>
      <Progress mt="xs" value={share ?? 100} striped animated={share === null} aria-label={label} />
      <Button mt="xs" size="xs" variant="subtle" color="red" onClick={onCancel} loading={cancelling} disabled={cancelling}>
        {cancelling ? t('tasks.cancelling') : t('tasks.cancel')}
      </Button>
    </Paper>
  );
}

/** Said where the work's result would have been, once the person stopped it. */
export function TaskCancelledNote({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof TaskCancelledError)) return null;
  return (
    <Text size="sm" mt="xs" role="status">
      {t('tasks.cancelled')}
    </Text>
  );
}
