import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoardHome, FigureMonth } from '../../../contracts/home.js';
import { formatDate, formatMonth } from '../../app/format.js';
import { formatMoney, formatNumber } from '../../app/money.js';
import { useCan, useSession } from '../../app/session.js';
import { Chart } from '../../ui/Chart.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchBoardHome, homeKeys } from './api.js';

/** A headline figure that opens the records it counts. */
function Figure({ label, value, to, note }: { label: string; value: string; to: string; note?: string }) {
  return (
    <Paper withBorder p="md">
      <Anchor component={Link} to={to} size="xs" c="dimmed" tt="uppercase" fw={700} style={{ overflowWrap: 'anywhere' }}>{label}</Anchor>
      <Text fz={{ base: 'lg', sm: 'xl' }} fw={700} style={{ overflowWrap: 'anywhere' }}>{value}</Text>
      {note && <Text size="xs" c="dimmed">{note}</Text>}
    </Paper>
  );
}

function ChartCard({ title, link, children }: { title: string; link: { to: string; label: string }; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Title order={3} size="h5">{title}</Title>
        <Anchor component={Link} to={link.to} size="sm">{link.label}</Anchor>
      </Group>
      {children}
    </Paper>
  );
}

const sum = (months: FigureMonth[], key: keyof Omit<FigureMonth, 'month'>) => months.reduce((s, m) => s + m[key], 0);

function Figures({ d, currency }: { d: BoardHome; currency: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const months = d.months.map((m) => formatMonth(m.month));
  const monthly = (title: string, series: Array<{ key: keyof Omit<FigureMonth, 'month'>; label: string }>, valueLabel: string) => (
    <Chart
      title={title}
      layout="columns"
      categories={months}
      categoryLabel={t('home.figures.month')}
      valueLabel={valueLabel}
      series={series.map((s) => ({ key: s.key, label: s.label, values: d.months.map((m) => m[s.key]) }))}
    />
  );
  const open = d.issuesByStep.reduce((s, x) => s + x.count, 0);
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('home.figures.period', { from: formatDate(d.from), to: formatDate(d.to) })}</Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <Figure label={t('home.figures.activeMembers')} value={formatNumber(d.activeMembers)} to={can('members.read') ? '/membership' : '/results'} />
        <Figure label={t('home.figures.newMembers')} value={formatNumber(sum(d.months, 'newMembers'))} to={can('members.read') ? '/members?sort=-created' : '/results'} />
        <Figure label={t('home.figures.answers')} value={formatNumber(sum(d.months, 'answers'))} to="/consultations" />
        <Figure label={t('home.figures.reforms')} value={formatNumber(sum(d.months, 'reforms'))} to="/advocacy" note={d.yearlySaving ? t('home.figures.saving', { amount: formatMoney(d.yearlySaving, currency) }) : undefined} />
        <Figure label={t('home.figures.meetings')} value={formatNumber(sum(d.months, 'meetings'))} to="/dialogue" />
        <Figure label={t('home.figures.openDecisions')} value={formatNumber(d.openDecisions)} to="/dialogue" note={d.overdueDecisions ? t('home.figures.overdue', { n: formatNumber(d.overdueDecisions) }) : undefined} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartCard title={t('home.figures.membersTitle')} link={{ to: can('members.read') ? '/membership' : '/results', label: t('home.figures.openMembership') }}>
          {monthly(t('home.figures.membersChart'), [{ key: 'newMembers', label: t('home.figures.newMembersSeries') }], t('home.figures.firms'))}
        </ChartCard>
        <ChartCard title={t('home.figures.consultationsTitle')} link={{ to: '/consultations', label: t('home.figures.openConsultations') }}>
          {monthly(t('home.figures.answersChart'), [{ key: 'answers', label: t('home.figures.answersSeries') }], t('home.figures.answersAxis'))}
        </ChartCard>
        <ChartCard title={t('home.figures.advocacyTitle')} link={{ to: '/advocacy', label: t('home.figures.openAdvocacy') }}>
          {open ? (
            <Chart
              title={t('home.figures.stepsChart')}
              layout="bars"
              categories={d.issuesByStep.map((s) => t(`advocacy.steps.${s.step}`))}
              categoryLabel={t('home.figures.step')}
              valueLabel={t('home.figures.issuesAxis')}
              series={[{ key: 'open', label: t('home.figures.openIssues'), values: d.issuesByStep.map((s) => s.count) }]}
            />
          ) : <Text size="sm" c="dimmed">{t('home.figures.noOpenIssues')}</Text>}
        </ChartCard>
        <ChartCard title={t('home.figures.dialogueTitle')} link={{ to: '/dialogue', label: t('home.openDialogue') }}>
          {monthly(t('home.figures.dialogueChart'), [
            { key: 'meetings', label: t('home.figures.meetingsSeries') },
            { key: 'decisionsDone', label: t('home.figures.decisionsSeries') },
          ], t('home.figures.countAxis'))}
        </ChartCard>
      </SimpleGrid>
      {can('results.read') && (
        <Text size="sm">
          <Anchor component={Link} to="/results">{t('home.figures.openResults')}</Anchor>
        </Text>
      )}
    </Stack>
  );
}

/** The state of the organisation in numbers and charts, each with its table: the board's and donors' view. */
export function BoardFigures() {
  const { data: session } = useSession();
  const home = useQuery({ queryKey: homeKeys.figures, queryFn: fetchBoardHome });
  if (home.isPending) return <Loading />;
  if (home.error) return <ProblemAlert error={home.error} />;
  return <Figures d={home.data} currency={session?.org?.currency ?? 'GHS'} />;
}
