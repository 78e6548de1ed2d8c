import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CAPACITY_DOMAINS, CAPACITY_STATUSES, type AssessmentSummary, type DomainScore } from '../../../contracts/capacity.js';
import { formatDate } from '../../app/format.js';
import { formatNumber } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { Chart } from '../../ui/Chart.js';
import { DataTable } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { Form } from '../../ui/Form.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { assessmentsPath, capacityKeys, fetchAssessmentYears, fetchBranchCapacity, fetchSiblingCapacity, startAssessment } from './capacity-api.js';

/** A domain's share of the highest level, in the reader's locale ("62.5 %"). */
export function usePercent() {
  const { t } = useTranslation();
  return (n: number) => t('capacity.percent', { value: formatNumber(n) });
}

/** The shares per domain of each set of scores, one series each, in the catalogue's order of domains. */
export function shareSeries(sets: Array<{ key: string; label: string; scores: Array<Pick<DomainScore, 'domain' | 'share'>> }>) {
  return sets.map((s) => ({ key: s.key, label: s.label, values: CAPACITY_DOMAINS.map((d) => s.scores.find((x) => x.domain === d)?.share ?? 0) }));
}

export const statusColor = { draft: 'yellow', submitted: 'teal' } as const;

function StartForm({ taken }: { taken: Set<number> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i).filter((y) => !taken.has(y));
  const [year, setYear] = useState<string | null>(years[0] ? String(years[0]) : null);
  const start = useMutation({
    mutationFn: () => startAssessment(Number(year)),
    onSuccess: async (a) => {
      await queryClient.invalidateQueries({ queryKey: capacityKeys.all });
      void navigate(`/training/capacity/${a.id}`);
    },
  });
  if (!years.length) return null;
  return (
    <Form onSubmit={() => start.mutate()} gap="xs">
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Select label={t('capacity.year')} allowDeselect={false} value={year} onChange={setYear} data={years.map((y) => String(y))} w={140} />
        <Button type="submit" loading={start.isPending} leftSection={<IconPlus size={16} />}>{t('capacity.start')}</Button>
      </Group>
      <ProblemAlert error={start.error} />
    </Form>
  );
}

/** The umbrella's branches side by side for a year: their submitted self-assessments only. */
function Branches({ years }: { years: number[] }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const [year, setYear] = useState(String(years[0] ?? new Date().getFullYear()));
  const branches = useQuery({ queryKey: capacityKeys.branches(Number(year)), queryFn: () => fetchBranchCapacity(Number(year)) });
  if (branches.isPending) return <Loading />;
  if (branches.error) return <ProblemAlert error={branches.error} />;
  const items = branches.data.items;
  if (!items.length) return null;
  const submitted = items.filter((b) => b.submitted);
  const missing = items.filter((b) => !b.submitted);
  const choices = [...new Set([...years, new Date().getFullYear(), Number(year)])].sort((a, b) => b - a).map(String);
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t('capacity.branchesTitle')}</Title>
      <Text size="sm" c="dimmed">{t('capacity.branchesIntro')}</Text>
      <Select label={t('capacity.year')} allowDeselect={false} value={year} onChange={(v) => v && setYear(v)} data={choices} w={140} />
      {submitted.length === 0 ? <EmptyState>{t('capacity.noBranchSubmitted', { year })}</EmptyState> : (
        <Chart title={t('capacity.branchesChart', { year })} categoryLabel={t('capacity.domain')} valueLabel={t('capacity.shareOfMax')} integers={false} format={percent} tableMode="beside"
          categories={CAPACITY_DOMAINS.map((d) => t(`capacity.domains.${d}`))}
          series={shareSeries(submitted.map((b) => ({ key: b.orgId, label: b.name, scores: b.scores })))} />
      )}
      {missing.length > 0 && <Text size="sm">{t('capacity.notSubmitted', { year, names: missing.map((b) => b.name).join(', ') })}</Text>}
    </Stack>
  );
}

/**
 * A branch beside the other branches of its umbrella for a year: its own
 * scores, those of the siblings that submitted and chose to share, and their
 * average, as a chart with its table beside it. Nothing for an organisation
 * that is not a branch (an umbrella sees its branches instead).
 */
function Siblings({ years }: { years: number[] }) {
  const { t } = useTranslation();
  const can = useCan();
  const percent = usePercent();
  const [year, setYear] = useState(String(years[0] ?? new Date().getFullYear()));
  const view = useQuery({ queryKey: capacityKeys.siblings(Number(year)), queryFn: () => fetchSiblingCapacity(Number(year)) });
  if (view.isPending) return <Loading />;
  if (view.error) return <ProblemAlert error={view.error} />;
  const v = view.data;
  if (!v.isBranch) return null;
  const choices = [...new Set([...years, new Date().getFullYear(), Number(year)])].sort((a, b) => b - a).map(String);
  const own = v.own ? [{ key: 'own', label: t(v.own.status === 'submitted' ? 'capacity.yourBranch' : 'capacity.yourBranchDraft'), scores: v.own.scores }] : [];
  const siblings = v.siblings.map((s) => ({ key: s.orgId, label: s.name, scores: s.scores }));
  const average = { key: 'average', label: t('capacity.federationAverage'), scores: v.average };
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t('capacity.siblingsTitle')}</Title>
      <Text size="sm" c="dimmed">{t('capacity.siblingsIntro')}</Text>
      <Text size="sm">
        {t(v.sharing ? 'capacity.youShare' : 'capacity.youDoNotShare')}{' '}
        {can('org.update') && <Anchor component={Link} to="/organisation" size="sm">{t('capacity.sharingSetting')}</Anchor>}
      </Text>
      <Select label={t('capacity.year')} allowDeselect={false} value={year} onChange={(y) => y && setYear(y)} data={choices} w={140} />
      {siblings.length === 0 ? <EmptyState>{t('capacity.noSiblingShares', { year })}</EmptyState> : (
        <>
          <Chart title={t('capacity.siblingsChart', { year })} categoryLabel={t('capacity.domain')} valueLabel={t('capacity.shareOfMax')} integers={false} format={percent} tableMode="beside"
            categories={CAPACITY_DOMAINS.map((d) => t(`capacity.domains.${d}`))}
            series={shareSeries([...own, ...siblings, average])} />
          <Text size="sm" c="dimmed">{t('capacity.averageOver', { count: v.averageOf })}</Text>
        </>
      )}
    </Stack>
  );
}

/** The organisation's capacity self-assessments by year (one status, sorted, paged, in the address and downloaded), compared over the years, its branches side by side, and, for a branch, the sibling branches that share theirs. */
export function CapacityPage() {
  const { t } = useTranslation();
  const can = useCan();
  const percent = usePercent();
  const years = useQuery({ queryKey: capacityKeys.list, queryFn: fetchAssessmentYears });
  const list = useListParams({ status: '', sort: '-year' });
  const { status } = list.values;
  const pages = useCursorPages<AssessmentSummary>(capacityKeys.pages, assessmentsPath, list.query);
  const back = <Button component={Link} to="/training" variant="default" leftSection={<IconArrowLeft size={16} />}>{t('nav.training')}</Button>;
  if (years.isPending) return <Loading />;
  if (years.error) return <ProblemAlert error={years.error} />;
  const items = years.data.items;
  // Oldest first, the last four years submitted: the chart reads left to right as time goes.
  const submitted = items.filter((a) => a.status === 'submitted').slice(0, 4).reverse();
  return (
    <>
      <PageHeader title={t('capacity.title')}>
        {can('capacity.fill') && items.length > 0 && <ExportMenu path={assessmentsPath} query={list.query} />}
        {back}
      </PageHeader>
      <Stack>
        <Text size="sm" c="dimmed">{t('capacity.intro')}</Text>
        {can('capacity.fill') && <StartForm taken={new Set(items.map((a) => a.year))} />}
        {items.length === 0 ? <EmptyState>{t('capacity.none')}</EmptyState> : (
          <>
            <Select label={t('capacity.status')} placeholder={t('capacity.anyStatus')} clearable value={status || null} onChange={(v) => list.set('status', v ?? '')} w={220}
              data={CAPACITY_STATUSES.map((s) => ({ value: s, label: t(`capacity.statuses.${s}`) }))} />
            <ProblemAlert error={pages.error} />
            <DataTable pending={pages.isPending} empty={pages.items.length === 0} emptyText={t('capacity.noneMatch')} minWidth={300} sort={list.sort}
              headers={[{ label: t('capacity.year'), sort: 'year', firstDescending: true }, { label: t('capacity.status'), sort: 'submitted', firstDescending: true }, { label: t('capacity.answered'), sort: 'answered', firstDescending: true }]}>
              {pages.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td><Anchor component={Link} to={`/training/capacity/${a.id}`} fw={600} style={{ minHeight: 44, display: 'inline-flex', alignItems: 'center' }}>{t('capacity.yearTitle', { year: a.year })}</Anchor></Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[a.status]} variant="light">{t(`capacity.statuses.${a.status}`)}</Badge>
                    {a.submittedAt && <Text size="xs" c="dimmed">{formatDate(a.submittedAt)}</Text>}
                  </Table.Td>
                  <Table.Td>{t('capacity.answeredOf', { answered: a.answered, items: a.items })}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <LoadMore hasMore={!!pages.hasNextPage} loading={pages.isFetchingNextPage} onLoad={() => void pages.fetchNextPage()} />
          </>
        )}
        {submitted.length > 0 && (
          <Stack gap="xs">
            <Title order={2} size="h4">{t('capacity.overYears')}</Title>
            <Chart title={t('capacity.overYearsChart')} categoryLabel={t('capacity.domain')} valueLabel={t('capacity.shareOfMax')} integers={false} format={percent} tableMode="beside"
              categories={CAPACITY_DOMAINS.map((d) => t(`capacity.domains.${d}`))}
              series={shareSeries(submitted.map((a) => ({ key: a.id, label: String(a.year), scores: a.scores })))} />
          </Stack>
        )}
        <Branches years={[...new Set(items.map((a) => a.year))]} />
        <Siblings years={[...new Set(items.map((a) => a.year))]} />
      </Stack>
    </>
  );
}
