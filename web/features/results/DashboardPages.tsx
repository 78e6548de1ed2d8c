import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardPeriod, DashboardProgramme } from '../../../contracts/results-dashboard.js';
import { ApiError } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { formatNumber } from '../../app/money.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { ScrollTable } from '../../ui/ScrollTable.js';
import { dashboardKeys, fetchDonorDashboard, fetchOrgDashboard } from './dashboard-api.js';
import { formatFigure, formatTarget, progressText } from './figure.js';
import { towardsTarget } from './target-progress.js';
import { UmbrellaDashboard } from './UmbrellaDashboard.js';

type Line = DashboardPeriod['indicators'][number];

/** On a phone, each indicator is a card: its name, then what was reported, its target and the records counted. */
function IndicatorCard({ period, line }: { period: DashboardPeriod; line: Line }) {
  const { t } = useTranslation();
  const progress = towardsTarget(line.total, line.target);
  return (
    <Paper withBorder p="xs" component="li">
      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {line.name}
        {line.unit && <Text span size="xs" c="dimmed"> ({line.unit})</Text>}
      </Text>
      <SimpleGrid cols={3} spacing="xs" mt={4}>
        <div>
          <Text size="xs" c="dimmed">{t('resultsDashboard.total')}</Text>
          <Text fw={700} style={{ overflowWrap: 'anywhere' }} data-testid={`dashboard-total-${period.id}-${line.indicatorId}`}>{formatFigure(t, line.total)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">{t('resultsDashboard.target')}</Text>
          <Text>{formatTarget(line.total, line.target)}</Text>
          {progress !== null && <Text size="xs" c="dimmed">{progressText(t, progress)}</Text>}
        </div>
        <div>
          <Text size="xs" c="dimmed">{t('resultsDashboard.records')}</Text>
          <Text>{formatNumber(line.records)}</Text>
        </div>
      </SimpleGrid>
    </Paper>
  );
}

/** One approved report: each indicator's figure as reported, its target and how far towards it; a table, or cards on a phone. */
function PeriodFigures({ period, linkReport }: { period: DashboardPeriod; linkReport: boolean }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
          {linkReport ? <Anchor component={Link} to={`/results/periods/${period.id}`}>{period.label}</Anchor> : period.label}
        </Title>
        <Text size="xs" c="dimmed">{formatDate(period.startsOn)} – {formatDate(period.endsOn)} · {t('resultsDashboard.approvedOn', { date: formatDate(period.approvedAt) })}</Text>
      </Group>
      {phone ? (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {period.indicators.map((i) => <IndicatorCard key={i.indicatorId} period={period} line={i} />)}
        </Stack>
      ) : (
        <ScrollTable minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('resultsDashboard.indicator')}</Table.Th>
                <Table.Th ta="right">{t('resultsDashboard.total')}</Table.Th>
                <Table.Th ta="right">{t('resultsDashboard.target')}</Table.Th>
                <Table.Th ta="right">{t('resultsDashboard.records')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {period.indicators.map((i) => {
                const progress = towardsTarget(i.total, i.target);
                return (
                  <Table.Tr key={i.indicatorId}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {i.name}
                      {i.unit && <Text span size="xs" c="dimmed"> ({i.unit})</Text>}
                    </Table.Td>
                    <Table.Td ta="right" fw={600} data-testid={`dashboard-total-${period.id}-${i.indicatorId}`}>{formatFigure(t, i.total)}</Table.Td>
                    <Table.Td ta="right">
                      {formatTarget(i.total, i.target)}
                      {progress !== null && <Text size="xs" c="dimmed">{progressText(t, progress)}</Text>}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(i.records)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}

/** A programme (framework) with its approved reports, newest first; the organisation's name for a donor. */
function ProgrammeCard({ programme, own }: { programme: DashboardProgramme; own: boolean }) {
  const { t } = useTranslation();
  const periods = [...programme.periods].reverse();
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="sm">
        <div>
          {!own && <Text size="xs" c="dimmed" tt="uppercase" fw={700} style={{ overflowWrap: 'anywhere' }}>{programme.orgName}</Text>}
          <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
            {own ? <Anchor component={Link} to={`/results/${programme.frameworkId}`} inherit>{programme.name}</Anchor> : programme.name}
          </Title>
        </div>
        {periods.length ? periods.map((p) => <PeriodFigures key={p.id} period={p} linkReport={own} />) : <Text size="sm" c="dimmed">{t('resultsDashboard.noReport')}</Text>}
      </Stack>
    </Paper>
  );
}

/** The organisation's results dashboard: every framework's approved reports, as reported (stored figures). */
export function ResultsDashboardPage() {
  const { t } = useTranslation();
  const dashboard = useQuery({ queryKey: dashboardKeys.org, queryFn: fetchOrgDashboard });
  return (
    <>
      <PageHeader title={t('resultsDashboard.orgTitle')} />
      <Stack>
        <Anchor component={Link} to="/results" size="sm">← {t('nav.results')}</Anchor>
        <Text size="sm" c="dimmed">{t('resultsDashboard.orgIntro')}</Text>
        <ProblemAlert error={dashboard.error} />
        {dashboard.isPending ? <Loading /> : dashboard.data && (
          dashboard.data.programmes.length ? dashboard.data.programmes.map((p) => <ProgrammeCard key={p.frameworkId} programme={p} own />) : <EmptyState>{t('results.noFrameworks')}</EmptyState>
        )}
        {/* An umbrella's own frameworks over its branches, each person once (shown only with branches). */}
        {dashboard.data?.programmes.length ? <UmbrellaDashboard /> : null}
      </Stack>
    </>
  );
}

/**
 * A donor's dashboard, for a person who signs in for a donor and has no organisation: the programmes
 * partner organisations share with it, their approved reports' figures only. An account that is not
 * a donor's is told so plainly.
 */
export function DonorDashboardPage() {
  const { t } = useTranslation();
  const dashboard = useQuery({ queryKey: dashboardKeys.donor, queryFn: fetchDonorDashboard, retry: false });
  if (dashboard.isPending) return <Loading />;
  if (dashboard.error instanceof ApiError && dashboard.error.code === 'results.not_a_donor') {
    return (
      <Alert color="gray" variant="light" title={t('errors.results.not_a_donor')} role="status">
        {t('resultsDashboard.notDonorHelp')}
      </Alert>
    );
  }
  if (!dashboard.data) return <ProblemAlert error={dashboard.error} />;
  const { donors, programmes } = dashboard.data;
  return (
    <>
      <PageHeader title={t('resultsDashboard.title')} />
      <Stack>
        <Text size="sm" c="dimmed">{t('resultsDashboard.intro', { donors: donors.join(', ') })}</Text>
        {programmes.length ? programmes.map((p) => <ProgrammeCard key={`${p.orgId}:${p.frameworkId}`} programme={p} own={false} />) : <EmptyState>{t('resultsDashboard.none')}</EmptyState>}
      </Stack>
    </>
  );
}
