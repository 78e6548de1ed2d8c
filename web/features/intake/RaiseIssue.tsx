import { Anchor, Button, Group, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ISSUE_CATEGORIES, type MemberIssueInput } from '../../../contracts/intake.js';
import { ApiError } from '../../app/api.js';
import { useCan } from '../../app/session.js';
import { notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { MemberPicker } from '../members/MemberPicker.js';
import { fetchSimilarIssues, intakeKeys, raiseIssue, setAffectsUs } from './api.js';
import { isOffline, newClientKey, queueIssue } from './queued-issues.js';

/**
 * Raising a problem. While the firm types, issues already raised that read
 * alike are offered, so it can join one instead of starting a duplicate.
 * Without a connection the issue waits on the device (queued-issues.ts).
 */
export function RaiseIssue({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const isMember = useCan()('members.self');
  const [input, setInput] = useState<MemberIssueInput>({ title: '', description: '', category: 'regulation' });
  // One key per issue written here, sent with every attempt: it is made once however often it is sent.
  const [clientKey] = useState(newClientKey);
  const [text] = useDebouncedValue(input.title, 400);
  const similar = useQuery({
    queryKey: intakeKeys.similar(text),
    queryFn: () => fetchSimilarIssues(text),
    enabled: text.trim().length >= 3,
  });
  const raise = useMutation({
    mutationFn: () => raiseIssue({ ...input, clientKey }),
    // Not paused while offline (the query library's default): it fails at once and waits in
    // the device's storage instead, where a reload does not lose it.
    networkMode: 'always',
    onSuccess: async (issue) => {
      await queryClient.invalidateQueries({ queryKey: intakeKeys.all });
      notify(t('intake.raised'));
      void navigate(`/issues/${issue.id}`);
    },
    onError: (e) => {
      if (!isOffline(e)) return;
      queueIssue({ ...input, clientKey });
      notify(t('intake.queuedOffline'), 'yellow');
      onClose();
    },
  });
  const join = useMutation({
    mutationFn: (id: string) => setAffectsUs(id, true),
    onSuccess: async (_r, id) => {
      await queryClient.invalidateQueries({ queryKey: intakeKeys.all });
      notify(t('intake.joined'));
      void navigate(`/issues/${id}`);
    },
  });
  const errors = raise.error instanceof ApiError ? raise.error.fieldErrors : {};
  const matches = similar.data?.items ?? [];
  return (
    <Stack>
      {!isMember && <MemberPicker label={t('intake.raisedFor')} value={input.memberId ?? null} onChange={(id) => setInput({ ...input, memberId: id ?? undefined })} error={errors.memberId} />}
      <TextInput label={t('intake.title')} description={t('intake.titleHelp')} required value={input.title} error={errors.title} onChange={(e) => setInput({ ...input, title: e.currentTarget.value })} data-autofocus />
      {matches.length > 0 && (
        <Paper withBorder p="sm" bg="var(--mantine-color-yellow-light)">
          <Text size="sm" fw={600} mb={4}>{t('intake.similarTitle')}</Text>
          <Stack gap={4}>
            {matches.map((m) => (
              <Group key={m.id} justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={`/issues/${m.id}`} size="sm">{m.title}</Anchor>
                <Group gap="xs" wrap="nowrap">
                  <Text size="xs" c="dimmed">{t('intake.firmsAffected', { count: m.affectedFirms })}</Text>
                  {isMember && !m.affectsUs && <Button size="compact-xs" onClick={() => join.mutate(m.id)} loading={join.isPending && join.variables === m.id}>{t('intake.affectsUsToo')}</Button>}
                </Group>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
      <Select
        label={t('intake.category')}
        required
        allowDeselect={false}
        data={ISSUE_CATEGORIES.map((c) => ({ value: c, label: t(`intake.categories.${c}`) }))}
        value={input.category}
        error={errors.category}
        onChange={(v) => v && setInput({ ...input, category: v as MemberIssueInput['category'] })}
      />
      <Textarea label={t('intake.description')} description={t('intake.descriptionHelp')} required autosize minRows={4} value={input.description} error={errors.description} onChange={(e) => setInput({ ...input, description: e.currentTarget.value })} />
      <ProblemAlert error={raise.error ?? join.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>{t('ui.confirm.cancel')}</Button>
        <Button onClick={() => raise.mutate()} loading={raise.isPending}>{t('intake.raise')}</Button>
      </Group>
    </Stack>
  );
}
