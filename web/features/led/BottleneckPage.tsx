import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowLeft, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { BottleneckEvidence } from '../../../contracts/led-interviews.js';
import { formatDate } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { InlineForm } from '../../ui/InlineForm.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { codeEvidence, fetchConsultationsFor, fetchEvidence, fetchMemberIssuesFor, fetchQuestionsOf, fetchTextAnswersOf, interviewKeys, removeCode } from './interview-api.js';
import { sectorColor } from './TeamTab.js';
import { ToAdvocacyButton } from './ToAdvocacyButton.js';

type Refresh = (evidence: BottleneckEvidence) => void;

/** One piece of evidence: what it says, where it comes from (a link back), the note, and for staff the code taken back. */
function EvidenceCard({ title, quote, meta, note, to, bottleneck, codeId, onChange }: {
  title: ReactNode; quote?: string; meta: ReactNode; note: string; to: string; bottleneck: BottleneckEvidence; codeId: string; onChange: Refresh;
}) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Anchor component={Link} to={to} size="sm" mih={44} style={{ display: 'inline-flex', alignItems: 'center', overflowWrap: 'anywhere' }}>{title}</Anchor>
          {quote && <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>“{quote}”</Text>}
          <Group gap={4}>{meta}</Group>
          {note && <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{note}</Text>}
        </Stack>
        {can('led.manage') && (
          <ConfirmButton icon={<IconTrash size={18} />} label={t('led.interview.uncode')} question={t('led.interview.uncodeQuestion', { title: bottleneck.title })}
            onConfirm={async () => onChange(await removeCode(bottleneck.regionId, bottleneck.id, codeId))} />
        )}
      </Group>
    </Paper>
  );
}

/** Codes a member issue found by part of its title. */
function MemberIssueForm({ bottleneck, onDone }: { bottleneck: BottleneckEvidence; onDone: (e?: BottleneckEvidence) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [chosen, setChosen] = useState<string | null>(null);
  const issues = useQuery({ queryKey: interviewKeys.memberIssues(q), queryFn: () => fetchMemberIssuesFor(q) });
  const save = useMutation({ mutationFn: () => codeEvidence(bottleneck.regionId, bottleneck.id, { source: 'member_issue', memberIssueId: chosen ?? '' }), onSuccess: (e) => onDone(e) });
  const coded = new Set(bottleneck.memberIssues.map((m) => m.memberIssueId));
  return (
    <InlineForm onSubmit={() => save.mutate()} onCancel={() => onDone()} saving={save.isPending} error={save.error ?? issues.error}>
      <Select label={t('led.interview.memberIssue')} placeholder={t('led.interview.searchIssues')} required searchable filter={({ options }) => options}
        searchValue={search} onSearchChange={setSearch} value={chosen} onChange={setChosen} nothingFoundMessage={t('led.noneFound')}
        data={(issues.data?.items ?? []).filter((i) => !coded.has(i.id)).map((i) => ({ value: i.id, label: i.title }))} />
    </InlineForm>
  );
}

/** Codes a written answer of a consultation: the consultation, its question (by name), then one firm's answer. */
function SurveyAnswerForm({ bottleneck, onDone }: { bottleneck: BottleneckEvidence; onDone: (e?: BottleneckEvidence) => void }) {
  const { t } = useTranslation();
  const [consultationId, setConsultationId] = useState<string | null>(null);
  const [question, setQuestion] = useState<string | null>(null);
  const consultations = useQuery({ queryKey: interviewKeys.consultations, queryFn: fetchConsultationsFor });
  const analysis = useQuery({ queryKey: interviewKeys.questions(consultationId ?? ''), enabled: !!consultationId, queryFn: () => fetchQuestionsOf(consultationId!) });
  const answers = useQuery({
    queryKey: interviewKeys.textAnswers(consultationId ?? '', question ?? ''), enabled: !!consultationId && !!question,
    queryFn: () => fetchTextAnswersOf(consultationId!, question!),
  });
  const code = useMutation({ mutationFn: (responseId: string) => codeEvidence(bottleneck.regionId, bottleneck.id, { source: 'survey', responseId, question: question ?? '' }), onSuccess: (e) => onDone(e) });
  const coded = new Set(bottleneck.surveys.filter((s) => s.question === question).map((s) => s.responseId));
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Select label={t('led.interview.consultation')} searchable value={consultationId} onChange={(v) => { setConsultationId(v); setQuestion(null); }}
          data={(consultations.data?.items ?? []).filter((c) => c.status !== 'draft').map((c) => ({ value: c.id, label: c.title }))} />
        {consultationId && (
          <Select label={t('led.interview.question')} value={question} onChange={setQuestion}
            data={(analysis.data?.questions ?? []).filter((q) => q.type === 'text' && q.answered > 0).map((q) => ({ value: q.name, label: q.name }))} />
        )}
        {answers.data && !answers.data.items.length && <Text size="sm" c="dimmed">{t('led.interview.noTextAnswers')}</Text>}
        {answers.data?.items.filter((a) => !coded.has(a.responseId)).map((a) => (
          <Group key={a.responseId} justify="space-between" wrap="nowrap" gap="xs">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>“{a.text}”</Text>
              <Text size="xs" c="dimmed">{a.firmName ?? t('led.interview.anonymous')}</Text>
            </Stack>
            <Button size="xs" variant="light" mih={44} loading={code.isPending && code.variables === a.responseId} onClick={() => code.mutate(a.responseId)}>{t('led.interview.code')}</Button>
          </Group>
        ))}
        <ProblemAlert error={code.error ?? consultations.error ?? analysis.error ?? answers.error} />
        <Group justify="flex-end"><Button variant="default" onClick={() => onDone()}>{t('ui.confirm.cancel')}</Button></Group>
      </Stack>
    </Paper>
  );
}

/**
 * A bottleneck of a region with the evidence behind it: interview answers,
 * survey answers and member issues coded to it, each linking back to its
 * source, and the advocacy issue it was taken to.
 */
export function BottleneckPage() {
  const { t } = useTranslation();
  const { id, bottleneckId } = useParams();
  const can = useCan();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState<'member_issue' | 'survey' | null>(null);
  const key = interviewKeys.evidence(id!, bottleneckId!);
  const evidence = useQuery({ queryKey: key, queryFn: () => fetchEvidence(id!, bottleneckId!) });
  if (evidence.isPending) return <Loading />;
  if (!evidence.data) return <ProblemAlert error={evidence.error} />;
  const b = evidence.data;
  const refresh = (updated?: BottleneckEvidence) => {
    if (updated) {
      queryClient.setQueryData(key, updated);
      notify(t('ui.saved'));
    }
    setAdding(null);
    void queryClient.invalidateQueries({ queryKey: interviewKeys.interviews });
  };
  return (
    <>
      <Anchor component={Link} to={`/led/${b.regionId}?tab=bottlenecks`} size="sm" mih={44} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={16} />{t('led.interview.back')} ({b.regionName})
      </Anchor>
      <PageHeader title={b.title} />
      <Stack>
        <Group gap={4}>
          <Badge variant="light" color={b.kind === 'regulatory' ? 'grape' : 'blue'}>{t(`led.bottleneckKinds.${b.kind}`)}</Badge>
        </Group>
        {b.description && <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{b.description}</Text>}
        {b.evidence && <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{t('led.evidenceIs', { evidence: b.evidence })}</Text>}
        {b.advocacyIssueId && <Anchor component={Link} to={`/advocacy/${b.advocacyIssueId}`} mih={44} style={{ display: 'inline-flex', alignItems: 'center' }}>{t('led.inAdvocacy')} →</Anchor>}
        {/* Taken with the evidence listed below, as it stands when sent. */}
        {b.kind === 'regulatory' && !b.advocacyIssueId && can('advocacy.manage') && <ToAdvocacyButton regionId={b.regionId} bottleneck={b} />}

        <Title order={2} size="h4">{t('led.interview.evidenceTitle')}</Title>
        <Text size="sm" c="dimmed">{t('led.interview.counts', b.counts)}</Text>
        {can('led.manage') && adding === null && (
          <Group gap="xs">
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding('survey')}>{t('led.interview.addSurveyAnswer')}</Button>
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setAdding('member_issue')}>{t('led.interview.addMemberIssue')}</Button>
          </Group>
        )}
        {adding === 'survey' && <SurveyAnswerForm bottleneck={b} onDone={refresh} />}
        {adding === 'member_issue' && <MemberIssueForm bottleneck={b} onDone={refresh} />}
        {b.counts.total === 0 && adding === null && <EmptyState>{t('led.interview.noEvidence')}</EmptyState>}

        {b.interviews.length > 0 && <Title order={3} size="h5">{t('led.interview.fromInterviews')}</Title>}
        {b.interviews.map((e) => (
          <EvidenceCard key={e.codeId} bottleneck={b} codeId={e.codeId} onChange={refresh} to={`/led/interviews/${e.interviewId}`} note={e.note} quote={e.text}
            title={[e.interviewee, e.organisation].filter(Boolean).join(', ')}
            meta={<>
              <Badge variant="light" color={sectorColor[e.sector]}>{t(`led.sectors.${e.sector}`)}</Badge>
              <Text size="xs" c="dimmed">{e.label} · {formatDate(e.interviewedOn)}</Text>
            </>} />
        ))}
        {b.surveys.length > 0 && <Title order={3} size="h5">{t('led.interview.fromSurveys')}</Title>}
        {b.surveys.map((e) => (
          <EvidenceCard key={e.codeId} bottleneck={b} codeId={e.codeId} onChange={refresh} to={`/consultations/${e.consultationId}`} note={e.note} quote={e.text}
            title={e.consultationTitle}
            meta={<Text size="xs" c="dimmed">{[e.label, e.firmName ?? t('led.interview.anonymous'), e.submittedAt && formatDate(e.submittedAt)].filter(Boolean).join(' · ')}</Text>} />
        ))}
        {b.memberIssues.length > 0 && <Title order={3} size="h5">{t('led.interview.fromMemberIssues')}</Title>}
        {b.memberIssues.map((e) => (
          <EvidenceCard key={e.codeId} bottleneck={b} codeId={e.codeId} onChange={refresh} to={`/issues/${e.memberIssueId}`} note={e.note} title={e.title}
            meta={<>
              <Badge variant="light" color="gray">{t(`intake.statuses.${e.status}`)}</Badge>
              <Text size="xs" c="dimmed">{t('led.interview.firmsAffected', { count: e.affectedFirms })}</Text>
            </>} />
        ))}
      </Stack>
    </>
  );
}
