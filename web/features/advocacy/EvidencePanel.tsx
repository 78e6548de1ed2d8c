import { Anchor, Badge, Button, Group, Paper, Progress, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdvocacyIssueDetail, Evidence } from '../../../contracts/advocacy.js';
import { pickLabel, walkQuestions } from '../../../contracts/surveys/form-model.js';
import { currentFormat } from '../../app/format.js';
import { sectorLabel } from '../../app/sectors.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchEvidenceOptions, intakeKeys, statusColor } from '../intake/api.js';
import { fetchConsultationForm, fetchEvidenceConsultations, surveyKeys } from '../surveys/api.js';
import { advocacyKeys, changeIssue } from './api.js';

function Counts({ rows }: { rows: Array<{ label: string; count: number }> }) {
  const total = rows.reduce((n, r) => n + r.count, 0) || 1;
  return (
    <Stack gap={4}>
      {rows.slice(0, 6).map((r) => (
        <div key={r.label}>
          <Group justify="space-between"><Text size="xs">{r.label}</Text><Text size="xs" fw={600}>{r.count}</Text></Group>
          <Progress value={(r.count / total) * 100} size="xs" aria-hidden />
        </div>
      ))}
    </Stack>
  );
}

function EvidenceCard({ issueId, evidence }: { issueId: string; evidence: Evidence }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => changeIssue(issueId, `/evidence/${evidence.id}`, undefined, 'DELETE'),
    onSuccess: (issue) => queryClient.setQueryData(advocacyKeys.one(issueId), issue),
  });
  const m = evidence.memberIssue;
  const q = evidence.question;
  const number = (n: number | null) => (n === null ? '—' : currentFormat().number(n, { maximumFractionDigits: 1 }));
  return (
    <Paper withBorder p="sm" component="article">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ flex: 1 }}>
          {m && (
            <>
              <Group gap={6}>
                <Badge size="xs" variant="default">{t('advocacy.evidence.memberIssue')}</Badge>
                <Anchor component={Link} to={`/issues/${m.id}`} fw={600} size="sm">{m.title}</Anchor>
                <Badge size="xs" variant="light" color={statusColor[m.status]}>{t(`intake.statuses.${m.status}`)}</Badge>
              </Group>
              <Text size="sm">{t('intake.firmsAffected', { count: m.affectedFirms })}</Text>
              <Counts rows={m.breakdown.bySector.map((c) => ({ label: c.key ? sectorLabel(c.key) : t('intake.unknown'), count: c.count }))} />
            </>
          )}
          {q && (
            <>
              <Group gap={6}>
                <Badge size="xs" variant="default">{t('advocacy.evidence.question')}</Badge>
                <Anchor component={Link} to={`/consultations/${q.consultationId}`} fw={600} size="sm">{q.consultationTitle}</Anchor>
              </Group>
              <Text size="sm">{q.label}</Text>
              <Text size="xs" c="dimmed">{t('advocacy.evidence.answered', { answered: q.answered, submitted: q.submitted })}</Text>
              {q.stats && <Text size="sm">{t('advocacy.evidence.stats', { median: number(q.stats.median), mean: number(q.stats.mean), min: number(q.stats.min), max: number(q.stats.max) })}</Text>}
              {q.counts.length > 0 && <Counts rows={q.counts} />}
            </>
          )}
          {!m && !q && <Text size="sm" c="dimmed">{t('advocacy.evidence.unavailable')}</Text>}
          {evidence.note && <Text size="sm" fs="italic">{evidence.note}</Text>}
        </Stack>
        {can('advocacy.manage') && <ConfirmButton label={t('advocacy.evidence.remove')} question={t('advocacy.evidence.removeQuestion')} onConfirm={() => remove.mutateAsync()} loading={remove.isPending} />}
      </Group>
      <ProblemAlert error={remove.error} />
    </Paper>
  );
}

function AddEvidence({ issue }: { issue: AdvocacyIssueDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'member_issue' | 'survey_question'>('member_issue');
  const [memberIssueId, setMemberIssueId] = useState<string | null>(null);
  const [consultationId, setConsultationId] = useState<string | null>(null);
  const [question, setQuestion] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const issues = useQuery({ queryKey: intakeKeys.evidenceOptions, queryFn: fetchEvidenceOptions, enabled: kind === 'member_issue' });
  const consultations = useQuery({ queryKey: surveyKeys.evidenceOptions, queryFn: fetchEvidenceConsultations, enabled: kind === 'survey_question' });
  const form = useQuery({ queryKey: surveyKeys.consultationForm(consultationId), queryFn: () => fetchConsultationForm(consultationId!), enabled: !!consultationId });
  const linked = new Set(issue.evidence.map((e) => e.memberIssue?.id).filter(Boolean));
  const questions = form.data
    ? [...walkQuestions(form.data.questions)].filter((w) => !['group', 'repeat', 'note'].includes(w.question.type)).map((w) => ({ value: w.question.name, label: pickLabel(w.question.label, i18n.language, form.data.languages) || w.question.name }))
    : [];
  const add = useMutation({
    mutationFn: () => changeIssue(issue.id, '/evidence', kind === 'member_issue' ? { memberIssueId, note } : { consultationId, question, note }),
    onSuccess: (updated) => {
      queryClient.setQueryData(advocacyKeys.one(issue.id), updated);
      void queryClient.invalidateQueries({ queryKey: intakeKeys.all });
      notify(t('advocacy.evidence.added'));
      setMemberIssueId(null);
      setQuestion(null);
      setNote('');
    },
  });
  const ready = kind === 'member_issue' ? !!memberIssueId : !!consultationId && !!question;
  return (
    <Paper withBorder p="sm">
      <Title order={3} size="h5" mb="xs">{t('advocacy.evidence.add')}</Title>
      <Stack gap="xs">
        <Select label={t('advocacy.evidence.kind')} allowDeselect={false} value={kind} onChange={(v) => v && setKind(v as typeof kind)} data={[{ value: 'member_issue', label: t('advocacy.evidence.memberIssue') }, { value: 'survey_question', label: t('advocacy.evidence.question') }]} />
        {kind === 'member_issue' ? (
          <Select label={t('advocacy.evidence.pickIssue')} searchable clearable value={memberIssueId} onChange={setMemberIssueId} nothingFoundMessage={t('advocacy.evidence.noneLeft')}
            data={(issues.data?.items ?? []).filter((i) => !linked.has(i.id)).map((i) => ({ value: i.id, label: `${i.title} (${i.affectedFirms})` }))} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('advocacy.evidence.pickConsultation')} searchable clearable value={consultationId} onChange={(v) => { setConsultationId(v); setQuestion(null); }}
              data={(consultations.data?.items ?? []).filter((c) => c.formVersion).map((c) => ({ value: c.id, label: c.title }))} />
            <Select label={t('advocacy.evidence.pickQuestion')} searchable clearable value={question} onChange={setQuestion} data={questions} disabled={!consultationId} />
          </SimpleGrid>
        )}
        <TextInput label={t('advocacy.evidence.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <ProblemAlert error={add.error} />
        <Group><Button size="xs" onClick={() => add.mutate()} disabled={!ready} loading={add.isPending}>{t('advocacy.evidence.link')}</Button></Group>
      </Stack>
    </Paper>
  );
}

/** The case for an issue: what members said and answered, read live. */
export function EvidencePanel({ issue }: { issue: AdvocacyIssueDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('advocacy.evidence.intro')}</Text>
      {issue.evidence.length === 0 ? <EmptyState>{t('advocacy.evidence.none')}</EmptyState> : issue.evidence.map((e) => <EvidenceCard key={e.id} issueId={issue.id} evidence={e} />)}
      {can('advocacy.manage') && <AddEvidence issue={issue} />}
    </Stack>
  );
}
