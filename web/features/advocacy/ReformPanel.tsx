import { Anchor, Badge, Button, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Stepper, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OUTCOMES, PPD_STEPS, type AdvocacyIssueDetail, type Outcome, type PpdStep } from '../../../contracts/advocacy.js';
import { ApiError } from '../../app/api.js';
import { formatDate, formatDateTime } from '../../app/format.js';
import { useCan, useSession } from '../../app/session.js';
import { DataTable } from '../../ui/DataTable.js';
import { notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { advocacyKeys, changeIssue } from './api.js';
import { ScrollTable } from '../../ui/ScrollTable.js';

function useIssueChange(issue: AdvocacyIssueDetail, path: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => changeIssue(issue.id, path, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(advocacyKeys.one(issue.id), updated);
      void queryClient.invalidateQueries({ queryKey: advocacyKeys.all });
      notify(t('ui.saved'));
    },
  });
}

function StepScore({ issue, step }: { issue: AdvocacyIssueDetail; step: PpdStep }) {
  const { t } = useTranslation();
  const can = useCan();
  const current = issue.scores.find((s) => s.step === step);
  const [score, setScore] = useState(String(current?.score ?? ''));
  const [note, setNote] = useState('');
  const save = useIssueChange(issue, '/scores');
  return (
    <Table.Tr>
      <Table.Td>{t(`advocacy.steps.${step}`)}</Table.Td>
      <Table.Td>
        {can('advocacy.manage') ? (
          <SegmentedControl size="xs" value={score} onChange={setScore} data={['0', '1', '2', '3']} aria-label={t('advocacy.reform.scoreOf', { step: t(`advocacy.steps.${step}`) })} />
        ) : <Text size="sm">{current ? current.score : '—'}</Text>}
        {current && <Text size="xs" c="dimmed">{[formatDateTime(current.at), current.actor, current.note].filter(Boolean).join(' · ')}</Text>}
      </Table.Td>
      {can('advocacy.manage') && (
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <TextInput size="xs" placeholder={t('advocacy.reform.scoreNote')} aria-label={t('advocacy.reform.scoreNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Button size="xs" variant="light" disabled={score === '' || (String(current?.score) === score && !note)} loading={save.isPending} onClick={() => save.mutate({ step, score: Number(score), note }, { onSuccess: () => setNote('') })}>{t('ui.save')}</Button>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function OutcomeForm({ issue }: { issue: AdvocacyIssueDetail }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | null>(issue.outcome);
  const [evidence, setEvidence] = useState(issue.outcomeEvidence);
  const [savingShare, setSavingShare] = useState<number>(issue.savingShare);
  const save = useIssueChange(issue, '/outcome');
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Stack gap="xs">
      <Select label={t('advocacy.reform.outcome')} clearable placeholder={t('advocacy.reform.noOutcome')} value={outcome} onChange={(v) => setOutcome(v as Outcome | null)} data={OUTCOMES.map((o) => ({ value: o, label: t(`advocacy.outcomes.${o}`) }))} />
      {outcome && <Textarea label={t('advocacy.reform.outcomeEvidence')} description={t('advocacy.reform.outcomeEvidenceHelp')} required autosize minRows={2} value={evidence} error={errors.evidence} onChange={(e) => setEvidence(e.currentTarget.value)} />}
      {(outcome === 'adopted' || outcome === 'implemented') && (
        <NumberInput label={t('advocacy.reform.savingShare')} description={t('advocacy.reform.savingShareHelp')} min={0} max={100} suffix=" %" value={savingShare} onChange={(v) => setSavingShare(Number(v) || 0)} />
      )}
      <ProblemAlert error={save.error} />
      <Group><Button size="xs" onClick={() => save.mutate({ outcome, evidence, savingShare })} loading={save.isPending}>{t('advocacy.reform.saveOutcome')}</Button></Group>
    </Stack>
  );
}

/** The issue's course through the five steps of dialogue, the scores, the outcome, and where it was discussed. */
export function ReformPanel({ issue }: { issue: AdvocacyIssueDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const { data: session } = useSession();
  const [note, setNote] = useState('');
  const move = useIssueChange(issue, '/step');
  const publish = useIssueChange(issue, '/publication');
  const manage = can('advocacy.manage');
  const active = PPD_STEPS.indexOf(issue.step);
  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="sm">{t('advocacy.reform.steps')}</Title>
        <Stepper active={active} size="xs" allowNextStepsSelect={false} onStepClick={manage ? (i) => move.mutate({ step: PPD_STEPS[i], note }) : undefined}>
          {PPD_STEPS.map((s) => <Stepper.Step key={s} label={t(`advocacy.steps.${s}`)} />)}
        </Stepper>
        {manage && (
          <Group mt="sm" align="flex-end">
            <TextInput style={{ flex: 1 }} label={t('advocacy.reform.stepNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Button size="xs" variant="light" disabled={active >= PPD_STEPS.length - 1} loading={move.isPending} onClick={() => move.mutate({ step: PPD_STEPS[active + 1], note }, { onSuccess: () => setNote('') })}>
              {active < PPD_STEPS.length - 1 ? t('advocacy.reform.nextStep', { step: t(`advocacy.steps.${PPD_STEPS[active + 1]}`) }) : t(`advocacy.steps.${issue.step}`)}
            </Button>
          </Group>
        )}
        <ProblemAlert error={move.error} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb={4}>{t('advocacy.reform.scores')}</Title>
        <Text size="xs" c="dimmed" mb="sm">{t('advocacy.reform.scoresHelp')}</Text>
        <ScrollTable minWidth={560}>
          <Table>
            <Table.Tbody>{PPD_STEPS.map((s) => <StepScore key={`${s}-${issue.scores.find((x) => x.step === s)?.at ?? ''}`} issue={issue} step={s} />)}</Table.Tbody>
          </Table>
        </ScrollTable>
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="sm">{t('advocacy.reform.outcome')}</Title>
        {manage ? <OutcomeForm key={issue.updatedAt} issue={issue} /> : (
          <Text size="sm">{issue.outcome ? `${t(`advocacy.outcomes.${issue.outcome}`)} — ${issue.outcomeEvidence}` : t('advocacy.reform.noOutcome')}</Text>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="sm">{t('advocacy.reform.publicTracker')}</Title>
        {manage && <Switch checked={issue.published} label={t('advocacy.reform.publish')} onChange={(e) => publish.mutate({ published: e.currentTarget.checked })} disabled={publish.isPending} />}
        <ProblemAlert error={publish.error} />
        <Text size="xs" c="dimmed" mt={4}>
          {t('advocacy.reform.publishHelp')}{' '}
          {session?.org && <Anchor href={`/reforms/${session.org.id}`} target="_blank" rel="noopener">{t('advocacy.reform.openTracker')}</Anchor>}
        </Text>
      </Paper>
    </Stack>
  );
}

/** Meetings that discussed the issue and what they decided: the chain, walked forward from here. */
export function IssueDialoguePanel({ issue }: { issue: AdvocacyIssueDetail }) {
  const { t } = useTranslation();
  const { meetings, decisions } = issue.dialogue;
  return (
    <Stack>
      <Title order={3} size="h5">{t('advocacy.dialogue.meetings')}</Title>
      <DataTable pending={false} empty={meetings.length === 0} emptyText={t('advocacy.dialogue.noMeetings')} minWidth={560} headers={[t('dialogue.meeting'), t('dialogue.forum'), t('dialogue.agendaItem')]}>
        {meetings.map((m) => (
          <Table.Tr key={`${m.meetingId}-${m.item}`}>
            <Table.Td><Anchor component={Link} to={`/dialogue/meetings/${m.meetingId}`}>{m.meetingTitle}</Anchor><Text size="xs" c="dimmed">{formatDateTime(m.startsAt)} · {t(`dialogue.meetingStatuses.${m.status}`)}</Text></Table.Td>
            <Table.Td><Anchor component={Link} to={`/dialogue/forums/${m.forumId}`}>{m.forumName}</Anchor></Table.Td>
            <Table.Td>{m.item}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Title order={3} size="h5">{t('advocacy.dialogue.decisions')}</Title>
      <DataTable pending={false} empty={decisions.length === 0} emptyText={t('advocacy.dialogue.noDecisions')} minWidth={560} headers={[t('dialogue.decision'), t('dialogue.owner'), t('dialogue.due'), t('dialogue.status')]}>
        {decisions.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>{d.text}<Text size="xs" c="dimmed"><Anchor component={Link} size="xs" to={`/dialogue/meetings/${d.meeting.id}`}>{d.meeting.title}</Anchor>{d.followUps.length > 0 && ` · ${d.followUps.at(-1)!.note}`}</Text></Table.Td>
            <Table.Td>{d.owner}</Table.Td>
            <Table.Td>{d.dueOn ? formatDate(d.dueOn) : '—'}</Table.Td>
            <Table.Td><Badge variant="light" color={d.overdue ? 'red' : d.status === 'done' ? 'teal' : 'gray'}>{d.overdue ? t('dialogue.overdue') : t(`dialogue.decisionStatuses.${d.status}`)}</Badge></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}
