import { Badge, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text, Timeline, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { AdvocacyEvent, AdvocacyIssueDetail, AdvocacyIssueInput } from '../../../contracts/advocacy.js';
import { formatDateTime } from '../../app/format.js';
import { formatMoney } from '../../app/money.js';
import { sectorTitle } from '../../app/sectors.js';
import { useRegionName } from '../../app/reference.js';
import { useCan } from '../../app/session.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { changedFrom } from '../../ui/leave-guard.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { Stat } from '../../ui/Stat.js';
import { advocacyKeys, fetchAdvocacyIssue, outcomeColor, stepColor, updateAdvocacyIssue } from './api.js';
import { CostPanel } from './CostPanel.js';
import { DocumentsPanel } from './DocumentsPanel.js';
import { EvidencePanel } from './EvidencePanel.js';
import { IssueForm } from './IssueForm.js';
import { PapersPanel } from './PapersPanel.js';
import { PlanPanel } from './PlanPanel.js';
import { StakeholderPanel } from './StakeholderPanel.js';
import { IssueDialoguePanel, ReformPanel } from './ReformPanel.js';
import { useTabParam } from '../../ui/use-tab-param.js';

/** One step of the history in words: values that are codes (steps, outcomes, money) are translated. */
function EventText({ event, currency }: { event: AdvocacyEvent; currency: string }) {
  const { t } = useTranslation();
  const step = (v: string | null) => (v ? t(`advocacy.steps.${v}`) : '—');
  const outcome = (v: string | null) => (v ? t(`advocacy.outcomes.${v}`) : t('advocacy.reform.noOutcome'));
  const score = (v: string | null) => (v ? `${step(v.split(':')[0]!)} ${v.split(':')[1]}/3` : '—');
  const money = (v: string | null) => formatMoney(Number(v ?? 0), currency);
  // A place on the decision-makers' map, stored as "stance:influence".
  const position = (v: string | null) => {
    const [stance, influence] = (v ?? '0:2').split(':');
    return `${t(`decisionMakers.stances.${stance}`)}, ${t(`decisionMakers.influences.${influence}`).toLowerCase()}`;
  };
  const text: Record<string, () => string> = {
    step: () => t('advocacy.events.step', { from: step(event.from), to: step(event.to) }),
    outcome: () => t('advocacy.events.outcome', { to: outcome(event.to) }),
    score: () => t('advocacy.events.score', { to: score(event.to) }),
    cost: () => t('advocacy.events.cost', { from: money(event.from), to: money(event.to) }),
    severity: () => t('advocacy.events.severity', { from: event.from, to: event.to }),
    feasibility: () => t('advocacy.events.feasibility', { from: event.from, to: event.to }),
    evidence_added: () => t('advocacy.events.evidence_added', { what: event.to }),
    agenda: () => t('advocacy.events.agenda', { meeting: event.to }),
    decision: () => t('advocacy.events.decision', { meeting: event.to }),
    decision_status: () => t('advocacy.events.decision_status', { to: t(`dialogue.decisionStatuses.${event.to}`) }),
    action_status: () => t('advocacy.events.action_status', { to: t(`advocacy.plan.statuses.${event.to}`) }),
    objective_removed: () => t('advocacy.events.objective_removed', { to: event.from }),
    action_rescheduled: () => t('advocacy.events.action_rescheduled', { from: event.from, to: event.to }),
    stakeholder_added: () => t('advocacy.events.stakeholder_added', { name: event.note, to: position(event.to) }),
    stakeholder_moved: () => t('advocacy.events.stakeholder_moved', { from: position(event.from), to: position(event.to) }),
    stakeholder_removed: () => t('advocacy.events.stakeholder_removed', { name: event.from }),
    stakeholder_note: () => t('advocacy.events.stakeholder_note', { name: event.note, to: event.to }),
    document_added: () => t('advocacy.events.document_added', { name: event.to }),
    document_removed: () => t('advocacy.events.document_removed', { name: event.from }),
  };
  return <>{text[event.action]?.() ?? t(`advocacy.events.${event.action}`, { to: event.to ?? '' })}</>;
}

// A sector's or region's name is never cut: the badge grows to a second line.
const wrapped = { root: { height: 'auto', maxWidth: '100%' }, label: { whiteSpace: 'normal' as const } };

export function AdvocacyIssuePage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const tabs = useTabParam('case');
  const [editing, setEditing] = useState<AdvocacyIssueInput | null>(null);
  const issue = useQuery({ queryKey: advocacyKeys.one(id), queryFn: () => fetchAdvocacyIssue(id) });
  const regionName = useRegionName(issue.data?.regions ?? []);
  const save = useMutation({
    mutationFn: (input: AdvocacyIssueInput) => updateAdvocacyIssue(id, input),
    onSuccess: (updated) => {
      queryClient.setQueryData(advocacyKeys.one(id), updated);
      void queryClient.invalidateQueries({ queryKey: advocacyKeys.all });
      notify(t('ui.saved'));
      setEditing(null);
    },
  });
  const saved = (x: AdvocacyIssueDetail): AdvocacyIssueInput => ({ title: x.title, problem: x.problem, category: x.category, sectors: x.sectors, regions: x.regions, severity: x.priority.severity, feasibility: x.priority.feasibility });
  const guard = useLeaveGuard(editing !== null && !!issue.data && changedFrom(saved(issue.data), editing));
  if (issue.isPending) return <Loading />;
  if (issue.error) return <ProblemAlert error={issue.error} />;
  const x = issue.data;
  return (
    <Stack>
      {guard.dialog}
      <PageHeader title={x.title}>
        <Badge variant="light" color={stepColor[x.step]}>{t(`advocacy.steps.${x.step}`)}</Badge>
        {x.outcome && <Badge variant="filled" color={outcomeColor[x.outcome]}>{t(`advocacy.outcomes.${x.outcome}`)}</Badge>}
        <Badge variant="default">{t(`advocacy.categories.${x.category}`)}</Badge>
        {can('advocacy.manage') && !editing && (
          <Button size="xs" variant="default" onClick={() => setEditing(saved(x))}>{t('ui.edit')}</Button>
        )}
      </PageHeader>
      {editing ? (
        <Paper withBorder p="md">
          <IssueForm value={editing} onChange={setEditing} onSubmit={() => save.mutate(editing)} onCancel={() => setEditing(null)} pending={save.isPending} error={save.error} submitLabel={t('ui.save')} />
        </Paper>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Stat label={t('advocacy.priority')} value={`${x.priority.score} / 100`} />
          <Stat label={t('advocacy.firms')} value={String(x.priority.firms)} />
          <Stat label={t('advocacy.severityFeasibility')} value={`${x.priority.severity} · ${x.priority.feasibility}`} />
          <Stat label={t('advocacy.yearlyCost')} value={formatMoney(x.costs.yearlyCost, x.costs.currency)} />
        </SimpleGrid>
      )}
      <Tabs {...tabs} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="case">{t('advocacy.tabs.case')}</Tabs.Tab>
          <Tabs.Tab value="cost">{t('advocacy.tabs.cost')}</Tabs.Tab>
          <Tabs.Tab value="papers">{t('advocacy.tabs.papers')}</Tabs.Tab>
          <Tabs.Tab value="map">{t('advocacy.tabs.map')}</Tabs.Tab>
          <Tabs.Tab value="plan">{t('advocacy.tabs.plan')}</Tabs.Tab>
          <Tabs.Tab value="reform">{t('advocacy.tabs.reform')}</Tabs.Tab>
          <Tabs.Tab value="dialogue">{t('advocacy.tabs.dialogue')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('advocacy.tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="case" pt="md">
          <Stack>
            <Paper withBorder p="md">
              <Text style={{ whiteSpace: 'pre-wrap' }}>{x.problem}</Text>
              <Group gap={4} mt="sm">
                {x.sectors.map((s) => <Badge key={s} size="xs" variant="outline" tt="none" styles={wrapped} title={t('advocacy.sectorBadge', { code: s })}>{sectorTitle(s)}</Badge>)}
                {x.regions.map((r) => <Badge key={r} size="xs" variant="outline" color="gray" tt="none" styles={wrapped} title={r}>{regionName(r)}</Badge>)}
              </Group>
            </Paper>
            <Title order={2} size="h4">{t('advocacy.evidence.title')}</Title>
            <EvidencePanel issue={x} />
            <Title order={2} size="h4">{t('advocacy.documents.title')}</Title>
            <DocumentsPanel issue={x} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="cost" pt="md"><CostPanel issue={x} /></Tabs.Panel>
        <Tabs.Panel value="papers" pt="md"><PapersPanel issue={x} /></Tabs.Panel>
        <Tabs.Panel value="map" pt="md"><StakeholderPanel issue={x} /></Tabs.Panel>
        <Tabs.Panel value="plan" pt="md"><PlanPanel issue={x} /></Tabs.Panel>
        <Tabs.Panel value="reform" pt="md"><ReformPanel issue={x} /></Tabs.Panel>
        <Tabs.Panel value="dialogue" pt="md"><IssueDialoguePanel issue={x} /></Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <Timeline bulletSize={14} lineWidth={2}>
            {x.history.map((e, i) => (
              <Timeline.Item key={i} title={<EventText event={e} currency={x.costs.currency} />}>
                <Text size="xs" c="dimmed">{[formatDateTime(e.at), e.actor].filter(Boolean).join(' · ')}</Text>
                {e.note && e.action !== 'stakeholder_added' && e.action !== 'stakeholder_note' && <Text size="sm">{e.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
