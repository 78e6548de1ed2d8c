import { Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TRIAGE_STATUSES, type MemberIssueDetail } from '../../../contracts/intake.js';
import { ApiError } from '../../app/api.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchMergeCandidates, intakeKeys, mergeIssue, setIssueStatus } from './api.js';

/** Staff decide what happens to an issue; what they write here is what members read. */
export function TriagePanel({ issue }: { issue: MemberIssueDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string>(issue.status === 'merged' ? 'triaged' : issue.status);
  const [note, setNote] = useState(issue.responseNote);
  const [mergeSearch, setMergeSearch] = useState('');
  const [q] = useDebouncedValue(mergeSearch, 300);
  const [into, setInto] = useState<string | null>(null);
  const candidates = useQuery({
    queryKey: intakeKeys.mergeCandidates(q),
    queryFn: () => fetchMergeCandidates(q),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: intakeKeys.all });
  const change = useMutation({
    mutationFn: () => setIssueStatus(issue.id, status, note),
    onSuccess: async () => {
      notify(t('intake.statusSaved'));
      await refresh();
    },
  });
  const merge = useMutation({
    mutationFn: () => mergeIssue(issue.id, into, note),
    onSuccess: async (target) => {
      notify(t('intake.mergedNotice'));
      await refresh();
      void navigate(`/issues/${target.id}`);
    },
  });
  const errors = change.error instanceof ApiError ? change.error.fieldErrors : {};
  const target = candidates.data?.items.find((c) => c.id === into);
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">{t('intake.triage')}</Title>
        <Group align="flex-end">
          <Select label={t('intake.status')} allowDeselect={false} data={TRIAGE_STATUSES.map((s) => ({ value: s, label: t(`intake.statuses.${s}`) }))} value={status} onChange={(v) => v && setStatus(v)} w={200} />
          <Text size="sm" c="dimmed" maw={420}>{t(`intake.statusHelp.${status}`)}</Text>
        </Group>
        <Textarea label={t('intake.responseNote')} description={t('intake.responseNoteHelp')} autosize minRows={2} value={note} error={errors.note} onChange={(e) => setNote(e.currentTarget.value)} />
        <ProblemAlert error={change.error} />
        <Group>
          <Button onClick={() => change.mutate()} loading={change.isPending}>{t('intake.saveStatus')}</Button>
        </Group>
        <Title order={3} size="h5">{t('intake.mergeTitle')}</Title>
        <Text size="sm" c="dimmed">{t('intake.mergeHelp')}</Text>
        <Group align="flex-end">
          <Select
            label={t('intake.mergeInto')}
            searchable
            clearable
            filter={({ options }) => options}
            searchValue={mergeSearch}
            onSearchChange={setMergeSearch}
            data={(candidates.data?.items ?? []).filter((c) => c.id !== issue.id).map((c) => ({ value: c.id, label: `${c.title} (${c.affectedFirms})` }))}
            value={into}
            onChange={setInto}
            w={320}
          />
          <ConfirmButton
            variant="light"
            size="sm"
            disabled={!into}
            label={t('intake.merge')}
            question={t('intake.mergeQuestion', { source: issue.title, target: target?.title ?? '' })}
            onConfirm={() => merge.mutateAsync()}
            loading={merge.isPending}
          />
        </Group>
        <ProblemAlert error={merge.error} />
      </Stack>
    </Paper>
  );
}
