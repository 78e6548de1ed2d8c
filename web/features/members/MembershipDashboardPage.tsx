import { Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, formatMonth } from '../../app/format.js';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../../app/money.js';
import { useCan, useSession } from '../../app/session.js';
import { Chart } from '../../ui/Chart.js';
import { DataTable } from '../../ui/DataTable.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { Stat } from '../../ui/Stat.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchArrears, fetchDashboard, fetchFederation, memberKeys } from './api.js';
import { FederationTable } from './FederationTable.js';
import { sectorLabel } from '../../app/sectors.js';
import { useRegionName } from '../../app/reference.js';

type Count = { key: string | null; count: number };
interface Dashboard {
  statuses: Record<string, number>;
  series: Array<{ month: string; active: number; joins: number; lapses: number; income: number }>;
  arrears: { amount: number; firms: number };
  bySector: Count[];
  byRegion: Count[];
  bySize: Count[];
  byOwnership: Count[];
  byFormality: Count[];
}

/** Firms counted by region, each named (GH-AH → Ashanti). */
function RegionBreakdown({ rows }: { rows: Count[] }) {
  const { t } = useTranslation();
  const regionName = useRegionName(rows.map((r) => r.key));
  return <Breakdown title={t('members.region')} rows={rows} label={(k) => (k ? regionName(k) : t('members.dashboard.unknown'))} />;
}

function Breakdown({ title, rows, label }: { title: string; rows: Count[]; label: (k: string | null) => string }) {
  const total = rows.reduce((s, r) => s + r.count, 0) || 1;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">{title}</Title>
      <Table>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={String(r.key)}>
              <Table.Td>{label(r.key)}</Table.Td>
              <Table.Td ta="right">{formatNumber(r.count)}</Table.Td>
              <Table.Td ta="right" c="dimmed">{Math.round((r.count / total) * 100)} %</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function MembershipDashboardPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { data: session } = useSession();
  const currency = session?.org?.currency ?? 'GHS';
  const d = useQuery({ queryKey: memberKeys.dashboard, queryFn: () => fetchDashboard<Dashboard>() });
  const branches = useQuery({
    queryKey: memberKeys.federation,
    queryFn: fetchFederation,
    enabled: can('branches.read'),
  });
  // An umbrella's headline is its whole federation; its own firms are one row of the table below.
  const federation = branches.data && branches.data.items.length > 0 ? branches.data : null;
  const arrears = useQuery({
    queryKey: memberKeys.arrears,
    queryFn: fetchArrears,
  });
  if (d.isPending) return <Loading />;
  if (d.error) return <ProblemAlert error={d.error} />;
  const s = d.data;
  const income = s.series.reduce((sum, m) => sum + m.income, 0);
  return (
    <Stack>
      <PageHeader title={t('nav.membershipDashboard')} />
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        {federation ? (
          <>
            <Stat label={t('members.dashboard.federationStat', { status: t('members.statuses.active') })} value={formatNumber(federation.total.active)} />
            <Stat label={t('members.dashboard.federationStat', { status: t('members.statuses.applicant') })} value={formatNumber(federation.total.applicants)} />
            <Stat label={t('members.dashboard.federationStat', { status: t('members.statuses.lapsed') })} value={formatNumber(federation.total.lapsed)} />
          </>
        ) : (
          <>
            <Stat label={t('members.statuses.active')} value={formatNumber(s.statuses.active ?? 0)} />
            <Stat label={t('members.statuses.applicant')} value={formatNumber(s.statuses.applicant ?? 0)} />
            <Stat label={t('members.statuses.lapsed')} value={formatNumber(s.statuses.lapsed ?? 0)} />
          </>
        )}
        <Stat label={t('members.dashboard.income12')} value={formatMoney(income, currency)} />
        <Stat label={t('members.dashboard.arrears')} value={`${formatMoney(s.arrears.amount, currency)} (${formatNumber(s.arrears.firms)})`} />
      </SimpleGrid>
      <ProblemAlert error={branches.error} />
      {federation && <FederationTable federation={federation} />}
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">{t('members.dashboard.overTime')}</Title>
        <Stack gap="lg">
          <Chart
            title={t('members.dashboard.activeByMonth')}
            layout="columns"
            categories={s.series.map((m) => formatMonth(m.month))}
            categoryLabel={t('members.dashboard.month')}
            valueLabel={t('members.dashboard.firms')}
            series={[{ key: 'active', label: t('members.statuses.active'), values: s.series.map((m) => m.active) }]}
            tableMode="beside"
            table={<DataTable bordered={false} pending={false} empty={false} emptyText="" minWidth={420} headers={[t('members.dashboard.month'), t('members.statuses.active'), t('members.dashboard.joins'), t('members.dashboard.lapses'), t('members.dashboard.income')]}>
            {s.series.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td>{formatMonth(m.month, 'long')}</Table.Td>
                <Table.Td>{formatNumber(m.active)}</Table.Td>
                <Table.Td>{formatNumber(m.joins)}</Table.Td>
                <Table.Td>{formatNumber(m.lapses)}</Table.Td>
                <Table.Td>{formatMoney(m.income, currency)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>}
          />
          <Chart
            title={t('members.dashboard.joinsLapsesByMonth')}
            layout="columns"
            categories={s.series.map((m) => formatMonth(m.month))}
            categoryLabel={t('members.dashboard.month')}
            valueLabel={t('members.dashboard.firms')}
            series={[
              { key: 'joins', label: t('members.dashboard.joins'), values: s.series.map((m) => m.joins) },
              { key: 'lapses', label: t('members.dashboard.lapses'), values: s.series.map((m) => m.lapses) },
            ]}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h5" mb="xs">{t('members.dashboard.inArrears')}</Title>
        <ProblemAlert error={arrears.error} />
        <DataTable bordered={false} pending={arrears.isPending} empty={!arrears.data?.items.length} emptyText={t('members.dashboard.noArrears')} minWidth={480} headers={[t('members.legalName'), t('members.dashboard.owed'), t('members.dashboard.oldestDue')]}>
          {arrears.data?.items.map((a) => (
            <Table.Tr key={a.memberId}>
              <Table.Td><Anchor component={Link} to={`/members/${a.memberId}`}>{a.legalName}</Anchor></Table.Td>
              <Table.Td>{formatMoney(a.amount, currency)}</Table.Td>
              <Table.Td>{formatDate(a.oldestDue)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Paper>
      <Text size="sm" c="dimmed">{t('members.dashboard.activeOnly')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
        <Breakdown title={t('members.sector')} rows={s.bySector} label={(k) => (k ? sectorLabel(k) : t('members.dashboard.unknown'))} />
        <RegionBreakdown rows={s.byRegion} />
        <Breakdown title={t('members.size')} rows={s.bySize} label={(k) => (k ? t(`members.sizes.${k}`) : t('members.dashboard.unknown'))} />
        <Breakdown title={t('members.dashboard.ownership')} rows={s.byOwnership} label={(k) => t(`members.dashboard.ownerships.${k}`)} />
        <Breakdown title={t('members.formality')} rows={s.byFormality} label={(k) => t(`members.formalities.${k}`)} />
      </SimpleGrid>
    </Stack>
  );
}
