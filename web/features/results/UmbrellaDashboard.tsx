import { Anchor, Badge, Box, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PeopleBreakdown, UmbrellaIndicator, UmbrellaPeriod, UmbrellaProgramme } from '../../../contracts/results-dashboard.js';
import { formatDate } from '../../app/format.js';
import { formatNumber } from '../../app/money.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { dashboardKeys, fetchUmbrellaDashboard } from './dashboard-api.js';
import { PeopleBreakdownLine, type BreakdownView } from './PeopleBreakdownLine.js';

/** A line of a part: its name and its people (none: not counted), the name wrapping on a phone; under it, its breakdown when one is shown. */
function PartLine({ name, people, by, view, testId }: { name: string; people: number | null; by: PeopleBreakdown | null; view: BreakdownView; testId: string }) {
  const { t } = useTranslation();
  return (
    <Box component="li">
      <Box style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 'var(--mantine-spacing-xs)' }}>
        <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>{name}</Text>
        {people === null ? <Text size="xs" c="dimmed" data-testid={testId}>{t('resultsDashboard.umbrella.notCounted')}</Text> : <Text size="sm" fw={500} data-testid={testId}>{formatNumber(people)}</Text>}
      </Box>
      <PeopleBreakdownLine by={by} view={view} testId={`${testId}-by`} />
    </Box>
  );
}

/**
 * One indicator: the total of our records with each person once, then the branch that ran each activity
 * and what they add up to; then each branch's own records (organisations of their own) and all together.
 * A toggle shows every one of these by sex or by age band instead of only in total, one line under each.
 */
function IndicatorCard({ period, line }: { period: UmbrellaPeriod; line: UmbrellaIndicator }) {
  const { t } = useTranslation();
  const key = `${period.id}-${line.indicatorId}`;
  const sum = line.branches.reduce((s, b) => s + b.people, line.own);
  const [view, setView] = useState<BreakdownView>('total');
  return (
    <Paper withBorder p="xs">
      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>{line.name}</Text>
      <SegmentedControl
        size="xs"
        fullWidth
        mt={4}
        value={view}
        onChange={(v) => setView(v as BreakdownView)}
        aria-label={t('resultsDashboard.umbrella.view', { name: line.name })}
        data={[
          { value: 'total', label: t('resultsDashboard.umbrella.viewTotal') },
          { value: 'sex', label: t('resultsDashboard.umbrella.viewSex') },
          { value: 'age', label: t('resultsDashboard.umbrella.viewAge') },
        ]}
      />
      <Group gap="xs" align="baseline" wrap="wrap" mt={4}>
        <Text fw={700} size="lg" data-testid={`umbrella-total-${key}`}>{formatNumber(line.total)}</Text>
        <Text size="xs" c="dimmed">{t('resultsDashboard.umbrella.total')}</Text>
        {line.target !== null && <Text size="xs" c="dimmed">· {t('resultsDashboard.umbrella.target', { target: formatNumber(line.target) })}</Text>}
      </Group>
      <PeopleBreakdownLine by={line.totalBy} view={view} testId={`umbrella-total-${key}-by`} />
      <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0, marginTop: 4 }}>
        {line.branches.map((b) => <PartLine key={b.id} name={b.name} people={b.people} by={b.peopleBy} view={view} testId={`umbrella-branch-${key}-${b.id}`} />)}
        <PartLine name={t('resultsDashboard.umbrella.own')} people={line.own} by={line.ownBy} view={view} testId={`umbrella-own-${key}`} />
      </Stack>
      <Text size="xs" c="dimmed" mt={4}>{t('resultsDashboard.umbrella.addedUp', { sum: formatNumber(sum), overlap: formatNumber(line.overlap) })}</Text>
      <Text size="xs" fw={500} mt="xs">{t('resultsDashboard.umbrella.branchRecords')}</Text>
      <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0, marginTop: 4 }}>
        {line.branches.map((b) => <PartLine key={b.id} name={b.name} people={b.recorded} by={b.recordedBy} view={view} testId={`umbrella-recorded-${key}-${b.id}`} />)}
      </Stack>
      {line.together !== null && <Text size="sm" fw={600} mt={4} data-testid={`umbrella-together-${key}`}>{t('resultsDashboard.umbrella.together', { n: formatNumber(line.together) })}</Text>}
      <PeopleBreakdownLine by={line.togetherBy} view={view} testId={`umbrella-together-${key}-by`} />
    </Paper>
  );
}

function ProgrammeCard({ programme }: { programme: UmbrellaProgramme }) {
  const { t } = useTranslation();
  const periods = [...programme.periods].reverse();
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="sm">
        <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={`/results/${programme.frameworkId}`} inherit>{programme.name}</Anchor>
        </Title>
        {!periods.length && <Text size="sm" c="dimmed">{t('resultsDashboard.umbrella.noPeriod')}</Text>}
        {periods.map((p) => (
          <Stack key={p.id} gap={4}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Title order={4} size="h5" style={{ overflowWrap: 'anywhere' }}>
                <Anchor component={Link} to={`/results/periods/${p.id}`}>{p.label}</Anchor>
              </Title>
              <Group gap="xs" wrap="wrap">
                <Text size="xs" c="dimmed">{formatDate(p.startsOn)} – {formatDate(p.endsOn)}</Text>
                <Badge size="sm" variant="light" color={p.state === 'approved' ? 'green' : 'gray'}>{t(`results.states.${p.state}`)}</Badge>
              </Group>
            </Group>
            {p.indicators.length ? (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
                {p.indicators.map((i) => <IndicatorCard key={i.indicatorId} period={p} line={i} />)}
              </SimpleGrid>
            ) : (
              <Text size="sm" c="dimmed">{t('resultsDashboard.umbrella.noIndicator')}</Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

/**
 * The umbrella's section of the results dashboard (umbrella-dashboard-service.ts): its frameworks'
 * indicators of people counted once, counted now over its records, in total and by the branch that ran
 * each activity, so a reader sees the total of unique people is at most the branches added up; beside
 * them each branch's own records, which add up with it. Shown only to an organisation with branches.
 */
export function UmbrellaDashboard() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: dashboardKeys.umbrella, queryFn: fetchUmbrellaDashboard });
  if (q.isPending) return <Loading />;
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data?.branches.length || !q.data.programmes.length) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="umbrella-dashboard-title">
      <Title order={2} size="h3" id="umbrella-dashboard-title">{t('resultsDashboard.umbrella.title')}</Title>
      <Text size="sm" c="dimmed">{t('resultsDashboard.umbrella.intro')}</Text>
      <Text size="xs" c="dimmed">{t('resultsDashboard.umbrella.scope')}</Text>
      {/* Across organisations unique counts add up: a person is recorded in one (umbrella-dashboard-service.ts). */}
      <Text size="xs" c="dimmed">{t('resultsDashboard.umbrella.addsUp')}</Text>
      <Text size="xs" c="dimmed">{t('resultsDashboard.umbrella.breakdown')}</Text>
      {q.data.programmes.map((p) => <ProgrammeCard key={p.frameworkId} programme={p} />)}
    </Stack>
  );
}
