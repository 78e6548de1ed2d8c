import { Anchor, Badge, Button, Group, Paper as Card, Select, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconFileTypePdf, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdvocacyIssueDetail } from '../../../contracts/advocacy.js';
import type { PaperInput } from '../../../contracts/position-papers.js';
import { ApiError } from '../../app/api.js';
import { formatDateTime } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { advocacyKeys, changePaper, createPaper, fetchPaper, fetchPapersOfIssue } from './api.js';
import { changedFrom } from '../../ui/leave-guard.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';

const paperStatusColor = { draft: 'gray', in_review: 'yellow', approved: 'teal' } as const;
const SECTIONS = ['problem', 'evidence', 'proposals', 'expectedImpact'] as const;

function PaperForm({ initial, onSave, onCancel, pending, error }: { initial: PaperInput; onSave(input: PaperInput): void; onCancel(): void; pending: boolean; error: unknown }) {
  const { t } = useTranslation();
  const [input, setInput] = useState(initial);
  useLeaveGuard(changedFrom(initial, input));
  const errors = error instanceof ApiError ? error.fieldErrors : {};
  return (
    <Form onSubmit={() => onSave(input)}>
      <TextInput label={t('advocacy.papers.title')} required data-autofocus value={input.title} error={errors.title} onChange={(e) => setInput({ ...input, title: e.currentTarget.value })} />
      {SECTIONS.map((s) => (
        <Textarea key={s} label={t(`pdf.paper.${s}`)} required={s === 'problem' || s === 'proposals'} autosize minRows={3} value={input[s]} error={errors[s]} onChange={(e) => setInput({ ...input, [s]: e.currentTarget.value })} />
      ))}
      <Text size="xs" c="dimmed">{t('advocacy.papers.versionHelp')}</Text>
      <ProblemAlert error={error} />
      <Group>
        <Button type="submit" loading={pending}>{t('advocacy.papers.saveVersion')}</Button>
        <Button variant="default" onClick={onCancel}>{t('ui.confirm.cancel')}</Button>
      </Group>
    </Form>
  );
}

function PaperView({ id, issueId }: { id: string; issueId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  const key = advocacyKeys.paper(id, version);
  const paper = useQuery({ queryKey: key, queryFn: () => fetchPaper(id, version) });
  const act = useMutation({
    mutationFn: ({ path, body, method = 'POST' }: { path: string; body?: unknown; method?: string }) => changePaper(id, path, body, method),
    onSuccess: async () => {
      setVersion(undefined);
      setEditing(false);
      setNote('');
      notify(t('ui.saved'));
      await queryClient.invalidateQueries({ queryKey: advocacyKeys.papers });
      await queryClient.invalidateQueries({ queryKey: advocacyKeys.one(issueId) });
    },
  });
  if (paper.isPending) return <Loading />;
  if (paper.error) return <ProblemAlert error={paper.error} />;
  const p = paper.data;
  const v = p.shown;
  const manage = can('advocacy.manage');
  if (editing) {
    return <PaperForm initial={{ title: v.title, problem: v.problem, evidence: v.evidence, proposals: v.proposals, expectedImpact: v.expectedImpact }} pending={act.isPending} error={act.error}
      onCancel={() => setEditing(false)} onSave={(input) => act.mutate({ path: '', body: input, method: 'PUT' })} />;
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Badge variant="light" color={paperStatusColor[p.status]}>{t(`advocacy.papers.statuses.${p.status}`)}</Badge>
          {p.approvedVersion && <Badge variant="outline">{t('advocacy.papers.approvedVersion', { version: p.approvedVersion })}</Badge>}
          {p.published && <Badge variant="outline" color="teal">{t('advocacy.publishedBadge')}</Badge>}
        </Group>
        <Select w={260} aria-label={t('advocacy.papers.version')} allowDeselect={false} value={String(v.version)} onChange={(x) => setVersion(Number(x))}
          data={[...p.versions].reverse().map((x) => ({ value: String(x.version), label: t('advocacy.papers.versionLabel', { version: x.version, author: x.author, date: formatDateTime(x.createdAt) }) }))} />
      </Group>
      {v.title !== p.title && <Title order={3} size="h4">{v.title}</Title>}
      {SECTIONS.map((s) => (
        <div key={s}>
          <Title order={4} size="h5">{t(`pdf.paper.${s}`)}</Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{v[s] || '—'}</Text>
        </div>
      ))}
      <Group gap="xs">
        <Button size="xs" variant="default" component="a" href={`/api/v1/position-papers/${id}/pdf?version=${v.version}`} leftSection={<IconFileTypePdf size={14} />}>{t('advocacy.papers.pdf')}</Button>
        {manage && p.status !== 'in_review' && <Button size="xs" variant="default" onClick={() => setEditing(true)}>{t('advocacy.papers.revise')}</Button>}
        {manage && p.status === 'draft' && <Button size="xs" onClick={() => act.mutate({ path: '/submit' })} loading={act.isPending}>{t('advocacy.papers.submit')}</Button>}
      </Group>
      {p.status === 'in_review' && can('advocacy.approve') && (
        <Card withBorder p="sm">
          <Title order={4} size="h5" mb="xs">{t('advocacy.papers.review')}</Title>
          <Textarea label={t('advocacy.papers.reviewNote')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)}
            error={act.error instanceof ApiError ? act.error.fieldErrors.note : undefined} />
          <Group mt="xs">
            <Button size="xs" color="teal" onClick={() => act.mutate({ path: '/review', body: { decision: 'approve', note } })}>{t('advocacy.papers.approve')}</Button>
            <Button size="xs" variant="default" onClick={() => act.mutate({ path: '/review', body: { decision: 'return', note } })}>{t('advocacy.papers.return')}</Button>
          </Group>
        </Card>
      )}
      {p.status === 'in_review' && !can('advocacy.approve') && <Text size="sm" c="dimmed">{t('advocacy.papers.awaitingReview')}</Text>}
      {manage && <Switch checked={p.published} disabled={!p.approvedVersion || act.isPending} label={t('advocacy.papers.publish')} description={t('advocacy.papers.publishHelp')} onChange={(e) => act.mutate({ path: '/publication', body: { published: e.currentTarget.checked } })} />}
      <ProblemAlert error={act.error} />
    </Stack>
  );
}

/** The organisation's written case on the issue, in versions, reviewed before it goes out. */
export function PapersPanel({ issue }: { issue: AdvocacyIssueDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: advocacyKeys.papersOfIssue(issue.id), queryFn: () => fetchPapersOfIssue(issue.id) });
  const create = useMutation({
    mutationFn: (input: PaperInput) => createPaper(issue.id, input),
    onSuccess: async (p) => {
      await queryClient.invalidateQueries({ queryKey: advocacyKeys.papers });
      await queryClient.invalidateQueries({ queryKey: advocacyKeys.one(issue.id) });
      setCreating(false);
      setOpen(p.id);
    },
  });
  const items = list.data?.items ?? [];
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('advocacy.papers.intro')}</Text>
      {creating ? (
        <Card withBorder p="md">
          <PaperForm initial={{ title: issue.title, problem: issue.problem, evidence: '', proposals: '', expectedImpact: '' }} pending={create.isPending} error={create.error} onCancel={() => setCreating(false)} onSave={(input) => create.mutate(input)} />
        </Card>
      ) : can('advocacy.manage') && <Group><Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>{t('advocacy.papers.new')}</Button></Group>}
      {list.isPending ? <Loading /> : items.length === 0 && !creating ? <EmptyState>{t('advocacy.papers.none')}</EmptyState> : items.map((p) => (
        <Card key={p.id} withBorder p="md" component="article">
          <Group justify="space-between">
            <Anchor component="button" type="button" fw={600} onClick={() => setOpen(open === p.id ? null : p.id)} aria-expanded={open === p.id}>{p.title}</Anchor>
            <Text size="xs" c="dimmed">{t('advocacy.papers.versionShort', { version: p.latestVersion })} · {formatDateTime(p.updatedAt)}</Text>
          </Group>
          {open === p.id ? <div style={{ marginTop: 12 }}><PaperView id={p.id} issueId={issue.id} /></div> : (
            <Badge mt={6} variant="light" color={paperStatusColor[p.status]}>{t(`advocacy.papers.statuses.${p.status}`)}</Badge>
          )}
        </Card>
      ))}
    </Stack>
  );
}
