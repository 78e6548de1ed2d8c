import { Anchor, Badge, Button, Group, Modal, Progress, SegmentedControl, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ADVOCACY_SORTS, PPD_STEPS, type AdvocacyIssue, type AdvocacyIssueInput } from '../../../contracts/advocacy.js';
import { formatMoney } from '../../app/money.js';
import { useCan, useSession } from '../../app/session.js';
import { DataTable } from '../../ui/DataTable.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { fetchIssue, intakeKeys } from '../intake/api.js';
import { advocacyIssuesPath, advocacyKeys, createAdvocacyIssue, outcomeColor, stepColor } from './api.js';
import { emptyIssue, IssueForm } from './IssueForm.js';

/** A new issue, blank or started from a member issue (`?from=<member issue>`), which becomes its first evidence. */
function NewIssue({ fromMemberIssue, onClose }: { fromMemberIssue: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [input, setInput] = useState<AdvocacyIssueInput>(emptyIssue());
  const source = useQuery({ queryKey: intakeKeys.one(fromMemberIssue!), queryFn: () => fetchIssue(fromMemberIssue!), enabled: !!fromMemberIssue });
  useEffect(() => {
    if (source.data) setInput((i) => ({ ...i, title: source.data.title, problem: source.data.description, category: source.data.category }));
  }, [source.data]);
  const create = useMutation({
    mutationFn: () => createAdvocacyIssue({ ...input, fromMemberIssueId: fromMemberIssue ?? undefined }),
    onSuccess: async (issue) => {
      await queryClient.invalidateQueries({ queryKey: advocacyKeys.all });
      await queryClient.invalidateQueries({ queryKey: intakeKeys.all });
      notify(t('advocacy.created'));
      void navigate(`/advocacy/${issue.id}`);
    },
  });
  return (
    <>
      {source.data && <Text size="sm" c="dimmed" mb="sm">{t('advocacy.fromMemberIssue', { title: source.data.title, firms: source.data.affectedFirms })}</Text>}
      <IssueForm value={input} onChange={setInput} onSubmit={() => create.mutate()} onCancel={onClose} pending={create.isPending} error={create.error} submitLabel={t('advocacy.create')} />
    </>
  );
}

export function AdvocacyPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { data: session } = useSession();
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const [creating, setCreating] = useState(!!from);
  const list = useListParams({ q: '', step: '', state: 'open', sort: '-priority' });
  const { q, step, state } = list.values;
  const pages = useCursorPages<AdvocacyIssue>(advocacyKeys.list, advocacyIssuesPath, list.query);
  const items = pages.items;
  const close = () => {
    setCreating(false);
    if (from) setParams({});
  };
  return (
    <>
      <PageHeader title={t('nav.advocacy')}>
        {can('advocacy.manage') && <ExportMenu path={advocacyIssuesPath} query={list.query} />}
        {can('advocacy.manage') && <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t('advocacy.new')}</Button>}
      </PageHeader>
      <Text size="sm" c="dimmed" mb="md">{t('advocacy.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} mb="md">
        <TextInput leftSection={<IconSearch size={16} />} label={t('advocacy.search')} value={q} onChange={(e) => list.set('q', e.currentTarget.value)} />
        <Select label={t('advocacy.step')} clearable data={PPD_STEPS.map((s) => ({ value: s, label: t(`advocacy.steps.${s}`) }))} value={step || null} onChange={(v) => list.set('step', v ?? '')} />
        <div>
          <Text size="sm" fw={500} mb={4}>{t('advocacy.state')}</Text>
          <SegmentedControl fullWidth value={state} onChange={(v) => list.set('state', v)} data={(['open', 'closed', 'all'] as const).map((s) => ({ value: s, label: t(`advocacy.states.${s}`) }))} />
        </div>
        <Select label={t('advocacy.sort')} allowDeselect={false} data={ADVOCACY_SORTS.flatMap((c) => [`-${c}`, c]).map((v) => ({ value: v, label: t(`advocacy.sorts.${v}`) }))} value={list.values.sort} onChange={(v) => v && list.set('sort', v)} />
      </SimpleGrid>
      <ProblemAlert error={pages.error} />
      <DataTable
        pending={pages.isPending}
        empty={items.length === 0}
        emptyText={q || step || state !== 'all' ? t('advocacy.noMatch') : t('advocacy.none')}
        minWidth={760}
        sort={list.sort}
        headers={[{ label: t('advocacy.fields.title'), sort: 'title' }, t('advocacy.step'), { label: t('advocacy.priority'), sort: 'priority', firstDescending: true }, t('advocacy.firms'), t('advocacy.yearlyCost')]}
      >
        {items.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>
              <Anchor component={Link} to={`/advocacy/${i.id}`} fw={600}>{i.title}</Anchor>
              <Group gap={4} mt={2}>
                <Badge size="xs" variant="default">{t(`advocacy.categories.${i.category}`)}</Badge>
                {i.outcome && <Badge size="xs" variant="light" color={outcomeColor[i.outcome]}>{t(`advocacy.outcomes.${i.outcome}`)}</Badge>}
                {i.published && <Badge size="xs" variant="outline">{t('advocacy.publishedBadge')}</Badge>}
              </Group>
            </Table.Td>
            <Table.Td><Badge variant="light" color={stepColor[i.step]}>{t(`advocacy.steps.${i.step}`)}</Badge></Table.Td>
            <Table.Td w={140}>
              <Text size="sm" fw={600}>{i.priority.score}</Text>
              <Progress value={i.priority.score} size="sm" aria-label={t('advocacy.priority')} />
            </Table.Td>
            <Table.Td>{i.priority.firms}</Table.Td>
            <Table.Td>{i.yearlyCost ? formatMoney(i.yearlyCost, session?.org?.currency ?? 'USD') : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={!!pages.hasNextPage} loading={pages.isFetchingNextPage} onLoad={() => void pages.fetchNextPage()} />
      <Modal opened={creating} onClose={close} title={t('advocacy.new')} size="lg">
        <NewIssue fromMemberIssue={from} onClose={close} />
      </Modal>
    </>
  );
}
