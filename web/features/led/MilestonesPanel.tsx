import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasureDetail, Milestone } from '../../../contracts/led-implementation.js';
import { ApiError } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { EditRemove } from '../../ui/EditRemove.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { InlineForm } from '../../ui/InlineForm.js';
import { wrap } from '../../ui/wrap.js';
import { addMeasurePart, ledKeys, removeMeasurePart, updateMeasurePart } from './api.js';
import { useMeasureChange } from './use-measure-change.js';

/** A measure's milestones: due, done on, a note; added, edited and removed by staff. */

function MilestoneForm({ measure, milestone, onDone }: { measure: MeasureDetail; milestone: Milestone | null; onDone(): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ title: milestone?.title ?? '', dueOn: milestone?.dueOn ?? '', doneOn: milestone?.doneOn ?? '', note: milestone?.note ?? '' });
  const input = () => ({ title: v.title, dueOn: v.dueOn, doneOn: v.doneOn || null, note: v.note });
  const save = useMeasureChange(measure.id, () => (milestone ? updateMeasurePart(measure.id, 'milestones', milestone.id, input()) : addMeasurePart(measure.id, 'milestones', input())), onDone);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <InlineForm onSubmit={() => save.mutate([])} onCancel={onDone} saving={save.isPending} error={save.error}>
      <TextInput label={t('led.impl.milestone')} required value={v.title} error={errors.title} onChange={(e) => setV({ ...v, title: e.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('led.impl.dueOn')} type="date" required value={v.dueOn} error={errors.dueOn} onChange={(e) => setV({ ...v, dueOn: e.currentTarget.value })} />
        <TextInput label={t('led.impl.doneOn')} type="date" value={v.doneOn} error={errors.doneOn} onChange={(e) => setV({ ...v, doneOn: e.currentTarget.value })} />
      </SimpleGrid>
      <Textarea label={t('led.impl.note')} autosize minRows={2} value={v.note} error={errors.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} />
    </InlineForm>
  );
}

export function MilestonesPanel({ measure }: { measure: MeasureDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null);
  const remove = async (m: Milestone) => queryClient.setQueryData(ledKeys.measure(measure.id), await removeMeasurePart(measure.id, 'milestones', m.id));
  return (
    <Stack>
      {can('led.manage') && editing === null && <Group><Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('led.impl.addMilestone')}</Button></Group>}
      {editing === 'new' && <MilestoneForm measure={measure} milestone={null} onDone={() => setEditing(null)} />}
      {!measure.milestones.length && editing === null && <EmptyState>{t('led.impl.noMilestones')}</EmptyState>}
      {measure.milestones.map((m) => (editing !== 'new' && editing?.id === m.id ? <MilestoneForm key={m.id} measure={measure} milestone={m} onDone={() => setEditing(null)} /> : (
        <Paper key={m.id} withBorder p="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ ...wrap, flex: '1 1 200px' }}>
              <Group gap="xs"><Text fw={600} style={wrap}>{m.title}</Text><Badge color={m.doneOn ? 'teal' : 'gray'} variant="light">{m.doneOn ? `${t('led.impl.doneOn')} ${formatDate(m.doneOn)}` : t('led.impl.notDone')}</Badge></Group>
              <Text size="sm" c="dimmed">{t('led.impl.dueOn')}: {formatDate(m.dueOn)}</Text>
              {m.note && <Text size="sm" style={{ ...wrap, whiteSpace: 'pre-wrap' }}>{m.note}</Text>}
            </Stack>
            {can('led.manage') && <EditRemove onEdit={() => setEditing(m)} question={t('led.impl.removeMilestoneQuestion', { title: m.title })} onRemove={() => remove(m)} />}
          </Group>
        </Paper>
      )))}
    </Stack>
  );
}
