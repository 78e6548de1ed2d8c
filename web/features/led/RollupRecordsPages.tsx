import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { RollupMeasures, UmbrellaRollupMeasures } from '../../../contracts/led-rollup.js';
import { MEASURE_ROLES, type MeasureRole } from '../../../contracts/led-implementation.js';
import { formatDate } from '../../app/format.js';
import { formatMoney, formatNumber } from '../../app/money.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { ScrollTable } from '../../ui/ScrollTable.js';
import { fetchBranchMeasures, fetchBranchPeople, fetchRollupMeasures, fetchRollupPeople, rollupKeys } from './rollup-api.js';

function useScope() {
  const [params] = useSearchParams();
  // umbrellaBranch: the records of a branch (an organisation of its own) that shares upward, read by its umbrella.
  return { regionId: params.get('regionId') ?? '', branchId: params.get('branchId') ?? '', role: params.get('role') ?? '', umbrellaBranch: params.get('umbrellaBranch') ?? '' };
}

const back = (branchId: string) => (branchId ? `/led/rollup?branchId=${branchId}` : '/led/rollup');

/**
 * The measures behind a roll-up figure (a region's, or all): each with its
 * budget, planned and actual, its people per role and whether it is still
 * effective; their columns add up to the roll-up's sums.
 */
export function RollupMeasuresPage() {
  const { t } = useTranslation();
  const { regionId, branchId, umbrellaBranch } = useScope();
  const q = useQuery<RollupMeasures | UmbrellaRollupMeasures>({
    queryKey: umbrellaBranch ? rollupKeys.branchMeasures(umbrellaBranch, regionId) : rollupKeys.measures(regionId, branchId),
    queryFn: () => (umbrellaBranch ? fetchBranchMeasures(umbrellaBranch, regionId) : fetchRollupMeasures(regionId, branchId)),
  });
  const items = q.data?.items ?? [];
  const branchName = q.data && 'branch' in q.data ? q.data.branch.name : null;
  const money = (n: number) => formatMoney(n, q.data?.currency ?? 'USD');
  const sum = (f: (m: (typeof items)[number]) => number) => items.reduce((s, m) => s + f(m), 0);
  const title = (regionId && items[0] ? t('led.rollup.measuresOf', { region: items[0].regionName }) : t('led.rollup.allMeasures')) + (branchName ? ` — ${branchName}` : '');
  // A branch's records are its own: the umbrella reads them here, not on the branch's pages.
  const own = !umbrellaBranch;
  return (
    <>
      <PageHeader title={title} />
      <Stack>
        <Anchor component={Link} to={back(branchId)} size="sm">{t('led.rollup.back')}</Anchor>
        <Text size="sm" c="dimmed">{t('led.rollup.measuresHelp')}</Text>
        <ProblemAlert error={q.error} />
        {q.isPending ? <Loading /> : !items.length ? <EmptyState>{t('led.noMeasures')}</EmptyState> : (
          <ScrollTable minWidth={1000}>
            <Table striped fz="sm" verticalSpacing={6}>
              <Table.Caption>{title}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('led.measureTitle')}</Table.Th>
                  <Table.Th scope="col">{t('led.region')}</Table.Th>
                  <Table.Th scope="col">{t('led.status')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('led.budget')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('led.rollup.planned')}</Table.Th>
                  <Table.Th scope="col" ta="right">{t('led.rollup.actual')}</Table.Th>
                  {MEASURE_ROLES.map((role) => <Table.Th key={role} scope="col" ta="right">{t(`led.rollup.roles.${role}`)}</Table.Th>)}
                  <Table.Th scope="col">{t('led.impl.effectiveShare')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Th scope="row" fw={400}>{own ? <Anchor component={Link} to={`/led/measures/${m.id}`}>{m.title}</Anchor> : m.title}<Text size="xs" c="dimmed">{formatDate(m.startsOn)} – {formatDate(m.endsOn)}</Text></Table.Th>
                    <Table.Td>{own ? <Anchor component={Link} to={`/led/${m.regionId}`}>{m.regionName}</Anchor> : m.regionName}</Table.Td>
                    <Table.Td>{t(`led.statuses.${m.status}`)}</Table.Td>
                    <Table.Td ta="right">{money(m.budget)}</Table.Td>
                    <Table.Td ta="right">{money(m.planned)}</Table.Td>
                    <Table.Td ta="right">{money(m.actual)}</Table.Td>
                    {MEASURE_ROLES.map((role) => <Table.Td key={role} ta="right">{formatNumber(m.people[role])}</Table.Td>)}
                    <Table.Td>{!m.followedUp ? '—' : m.effective ? t('led.rollup.stillEffective') : t('led.rollup.notEffective')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row" colSpan={3}>{t('led.rollup.sumOfMeasures', { n: formatNumber(items.length) })}</Table.Th>
                  <Table.Td ta="right" fw={600}>{money(sum((m) => m.budget))}</Table.Td>
                  <Table.Td ta="right" fw={600}>{money(sum((m) => m.planned))}</Table.Td>
                  <Table.Td ta="right" fw={600}>{money(sum((m) => m.actual))}</Table.Td>
                  {MEASURE_ROLES.map((role) => <Table.Td key={role} ta="right" fw={600}>{formatNumber(sum((m) => m.people[role]))}</Table.Td>)}
                  <Table.Td fw={600}>{t('led.impl.effectiveOf', { num: items.filter((m) => m.effective).length, den: items.filter((m) => m.followedUp).length })}</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </ScrollTable>
        )}
      </Stack>
    </>
  );
}

/** The people behind a roll-up figure: each once, with the measures they were recorded on; a hundred at a time. */
export function RollupPeoplePage() {
  const { t } = useTranslation();
  const { regionId, branchId, role: asked, umbrellaBranch } = useScope();
  const role = (MEASURE_ROLES as readonly string[]).includes(asked) ? (asked as MeasureRole) : 'participant';
  const own = !umbrellaBranch;
  const q = useInfiniteQuery({
    queryKey: umbrellaBranch ? rollupKeys.branchPeople(umbrellaBranch, role, regionId) : rollupKeys.people(role, regionId, branchId),
    queryFn: ({ pageParam }) => (umbrellaBranch ? fetchBranchPeople(umbrellaBranch, role, regionId, pageParam) : fetchRollupPeople(role, regionId, branchId, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  const total = q.data?.pages[0]?.total ?? 0;
  return (
    <>
      <PageHeader title={t(`led.rollup.roles.${role}`)} />
      <Stack>
        <Anchor component={Link} to={back(branchId)} size="sm">{t('led.rollup.back')}</Anchor>
        {!q.isPending && <Text size="sm">{t('led.rollup.peopleShown', { shown: formatNumber(items.length), n: formatNumber(total) })}</Text>}
        <ProblemAlert error={q.error} />
        {q.isPending ? <Loading /> : !items.length ? <EmptyState>{t('led.rollup.noPeople')}</EmptyState> : (
          <ScrollTable minWidth={560}>
            <Table striped fz="sm" verticalSpacing={6}>
              <Table.Caption>{t(`led.rollup.roles.${role}`)}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('led.personName')}</Table.Th>
                  <Table.Th scope="col">{t('peopleReached.sex')}</Table.Th>
                  <Table.Th scope="col">{t('led.measures')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Th scope="row" fw={400}>{own ? <Anchor component={Link} to={`/people-reached/${p.id}`}>{p.name}</Anchor> : p.name}</Table.Th>
                    <Table.Td>{t(`peopleReached.sexes.${p.sex}`)}</Table.Td>
                    <Table.Td>
                      {p.measures.map((m, i) => (
                        <span key={m.id}>{i > 0 && '; '}{own ? <Anchor component={Link} to={`/led/measures/${m.id}`}>{m.title}</Anchor> : m.title} ({m.regionName})</span>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        <LoadMore hasMore={!!q.hasNextPage} loading={q.isFetchingNextPage} onLoad={() => void q.fetchNextPage()} />
      </Stack>
    </>
  );
}
