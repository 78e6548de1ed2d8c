import { Anchor, Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../app/format.js';
import { formatMoney } from '../../app/money.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useTabParam } from '../../ui/use-tab-param.js';
import { wrap } from '../../ui/wrap.js';
import { fetchMeasure, ledKeys } from './api.js';
import { BudgetPanel } from './BudgetPanel.js';
import { FollowUpPanel } from './FollowUpPanel.js';
import { MilestonesPanel } from './MilestonesPanel.js';
import { PeoplePanel } from './PeoplePanel.js';
import { ReportsPanel } from './ReportsPanel.js';
import { ResultsPanel } from './ResultsPanel.js';

const statusColor = { planned: 'gray', running: 'blue', done: 'teal', effective: 'green' } as const;

/** An LED measure as carried out: results counted from its people, who they are, milestones, budget, progress, the closing and the follow-ups. */
export function MeasurePage() {
  const { t } = useTranslation();
  const tabs = useTabParam('results');
  const { id } = useParams();
  const measure = useQuery({ queryKey: ledKeys.measure(id!), queryFn: () => fetchMeasure(id!) });
  if (measure.isPending) return <Loading />;
  if (!measure.data) return <ProblemAlert error={measure.error} />;
  const m = measure.data;
  return (
    <>
      <PageHeader title={<span style={wrap}>{m.title}</span>} />
      <Stack>
        <Anchor component={Link} to={`/led/${m.regionId}`} size="sm">{t('led.impl.back', { name: m.regionName })}</Anchor>
        <Group gap="xs">
          <Badge color={statusColor[m.status]} variant="light">{t(`led.statuses.${m.status}`)}</Badge>
          <Text size="sm">{formatDate(m.startsOn)} – {formatDate(m.endsOn)} · {formatMoney(m.budget, m.currency)}</Text>
        </Group>
        {m.bottleneckTitle && <Text size="sm" c="dimmed" style={wrap}>{t('led.addresses', { title: m.bottleneckTitle })}</Text>}
        {m.leadEmail && <Text size="sm" c="dimmed" style={wrap}>{t('led.impl.leadEmail')}: {m.leadEmail}</Text>}
        <Tabs {...tabs} keepMounted={false}>
          <Tabs.List style={{ flexWrap: 'wrap' }}>
            {(['results', 'people', 'milestones', 'budget', 'reports', 'followUps'] as const).map((tab) => <Tabs.Tab key={tab} value={tab} mih={44}>{t(`led.impl.tabs.${tab}`)}</Tabs.Tab>)}
          </Tabs.List>
          <Tabs.Panel value="results" pt="md"><ResultsPanel measure={m} /></Tabs.Panel>
          <Tabs.Panel value="people" pt="md"><PeoplePanel measure={m} /></Tabs.Panel>
          <Tabs.Panel value="milestones" pt="md"><MilestonesPanel measure={m} /></Tabs.Panel>
          <Tabs.Panel value="budget" pt="md"><BudgetPanel measure={m} /></Tabs.Panel>
          <Tabs.Panel value="reports" pt="md"><ReportsPanel measure={m} /></Tabs.Panel>
          <Tabs.Panel value="followUps" pt="md"><FollowUpPanel measure={m} /></Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
