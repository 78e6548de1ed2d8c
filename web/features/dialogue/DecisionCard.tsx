import { Anchor, Badge, Button, Group, Paper, Radio, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DECISION_STATUSES, type Decision } from '../../../contracts/dialogue.js';
import { ApiError } from '../../app/api.js';
import { formatDate, formatDateTime } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { advocacyKeys } from '../advocacy/api.js';
import { addFollowUp, dialogueKeys } from './api.js';

export function DecisionBadge({ decision }: { decision: Pick<Decision, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={decision.overdue ? 'red' : decision.status === 'done' ? 'teal' : 'gray'}>{decision.overdue ? t('dialogue.overdue') : t(`dialogue.decisionStatuses.${decision.status}`)}</Badge>;
}

/** A decision, its follow-ups so far, and the form to add the next one (which may close it). */
export function DecisionCard({ decision, showMeeting = false }: { decision: Decision; showMeeting?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const save = useMutation({
    mutationFn: () => addFollowUp(decision.id, { note, status: status ?? undefined }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: dialogueKeys.all });
      await queryClient.invalidateQueries({ queryKey: advocacyKeys.all });
      setNote('');
      setStatus(null);
      setOpen(false);
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Paper withBorder p="sm" component="article">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
          <Text fw={600} size="sm">{decision.text}</Text>
          <Text size="xs" c="dimmed">
            {[t('dialogue.ownerIs', { owner: decision.owner }), decision.dueOn && t('dialogue.dueOn', { date: formatDate(decision.dueOn) })].filter(Boolean).join(' · ')}
          </Text>
          {decision.issue && (can('advocacy.read')
            ? <Anchor component={Link} to={`/advocacy/${decision.issue.id}`} size="xs">{decision.issue.title}</Anchor>
            : <Text size="xs" c="dimmed">{decision.issue.title}</Text>)}
          {showMeeting && <Anchor component={Link} to={`/dialogue/meetings/${decision.meeting.id}`} size="xs">{decision.meeting.forumName} · {decision.meeting.title} · {formatDate(decision.meeting.startsAt)}</Anchor>}
        </Stack>
        <DecisionBadge decision={decision} />
      </Group>
      {decision.followUps.length > 0 && (
        <Timeline bulletSize={10} lineWidth={1} mt="sm">
          {decision.followUps.map((f, i) => (
            <Timeline.Item key={i} title={<Text size="sm">{f.note}</Text>}>
              <Text size="xs" c="dimmed">{[formatDateTime(f.at), f.actor, f.status && t(`dialogue.decisionStatuses.${f.status}`)].filter(Boolean).join(' · ')}</Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {can('dialogue.follow_up') && (open ? (
        <Stack gap="xs" mt="sm">
          <Textarea label={t('dialogue.followUp')} required autosize minRows={2} value={note} error={errors.note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
          {/* Radios, not a drop-down: two or three choices read at once on a phone, and nothing opens over the note as it grows. */}
          <Radio.Group label={t('dialogue.newStatus')} value={status ?? ''} onChange={(v) => setStatus(v || null)}>
            <Group gap="md" mt={4}>
              <Radio value="" label={t('dialogue.keepStatus')} />
              {DECISION_STATUSES.filter((s) => s !== decision.status).map((s) => <Radio key={s} value={s} label={t(`dialogue.decisionStatuses.${s}`)} />)}
            </Group>
          </Radio.Group>
          <ProblemAlert error={save.error} />
          <Group>
            <Button size="xs" onClick={() => save.mutate()} loading={save.isPending}>{t('dialogue.addFollowUp')}</Button>
            <Button size="xs" variant="default" onClick={() => setOpen(false)}>{t('ui.confirm.cancel')}</Button>
          </Group>
        </Stack>
      ) : <Button size="xs" variant="subtle" mt="xs" onClick={() => setOpen(true)}>{t('dialogue.addFollowUp')}</Button>)}
    </Paper>
  );
}
