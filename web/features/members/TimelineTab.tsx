import { Button, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { INTERACTION_KINDS, InteractionInput } from '../../../contracts/members.js';
import { formatDate, orgToday } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { applyServerErrors, useContractForm } from '../../ui/use-contract-form.js';
import { addInteraction, fetchInteractions, memberKeys } from './api.js';

export function TimelineTab({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const items = useQuery({ queryKey: memberKeys.timeline(memberId), queryFn: () => fetchInteractions(memberId) });
  const form = useContractForm(InteractionInput, { kind: 'call' as const, occurredOn: orgToday(), summary: '', service: '' });
  const add = useMutation({
    mutationFn: (values: typeof form.values) => addInteraction(memberId, values),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: memberKeys.timeline(memberId) });
    },
    onError: (error) => applyServerErrors(form, error),
  });
  return (
    <Stack maw={900}>
      {can('members.write') && (
        <Paper withBorder p="md">
          <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate>
            <Stack>
              <ProblemAlert error={add.error} />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select label={t('members.timeline.kind')} allowDeselect={false} data={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`members.timeline.kinds.${k}`) }))} {...form.getInputProps('kind')} />
                <TextInput label={t('members.timeline.date')} type="date" required {...form.getInputProps('occurredOn')} />
                <TextInput label={t('members.timeline.service')} {...form.getInputProps('service')} />
              </SimpleGrid>
              <Textarea label={t('members.timeline.summary')} required autosize minRows={2} {...form.getInputProps('summary')} />
              <Button type="submit" loading={add.isPending} w="fit-content">{t('members.timeline.add')}</Button>
            </Stack>
          </form>
        </Paper>
      )}
      <ProblemAlert error={items.error} />
      {items.isPending ? (
        <Loading />
      ) : !items.data?.items.length ? (
        <EmptyState>{t('members.timeline.empty')}</EmptyState>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {items.data.items.map((i) => (
            <Timeline.Item key={i.id} title={`${formatDate(i.occurredOn)} · ${t(`members.timeline.kinds.${i.kind}`)}${i.service ? ` · ${i.service}` : ''}`}>
              <Text size="sm">{i.summary}</Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
