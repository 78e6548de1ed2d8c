import { ActionIcon, Anchor, Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EVALUATION_KINDS, type CourseDetail, type CourseEvaluation, type EvaluationKind } from '../../../contracts/training.js';
import { ApiError } from '../../app/api.js';
import { currentFormat } from '../../app/format.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { DataTable } from '../../ui/DataTable.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { fetchFormsForPicker, surveyKeys } from '../surveys/api.js';
import { evaluationAnswerUrl, evaluationCorrectionUrl, fetchEvaluation, removeEvaluationAnswer, setEvaluation, trainingKeys } from './api.js';
import { EvaluationLinks } from './EvaluationLinks.js';
import { PersonPicker } from './PersonPicker.js';

const FIELD = { pre: 'preFormId', post: 'postFormId', satisfaction: 'satisfactionFormId' } as const;
const number = (n: number | null) => (n === null ? '—' : currentFormat().number(n, { maximumFractionDigits: 1 }));
const signed = (n: number | null) => (n === null ? '—' : currentFormat().number(n, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }));

/** Chooses the course's pre-test, post-test and satisfaction form (published forms) and the least post-test score. */
function SettingsForm({ courseId, evaluation, onDone }: { courseId: string; evaluation: CourseEvaluation; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const forms = useQuery({ queryKey: surveyKeys.formPicker('published-evaluation'), queryFn: () => fetchFormsForPicker('published', 'evaluation') });
  const initial = {
    preFormId: evaluation.forms.pre?.formId ?? null, postFormId: evaluation.forms.post?.formId ?? null, satisfactionFormId: evaluation.forms.satisfaction?.formId ?? null,
    minPostScore: evaluation.minPostScore === null ? '' : String(evaluation.minPostScore),
  };
  const [v, setV] = useState(initial);
  const guard = useLeaveGuard(JSON.stringify(v) !== JSON.stringify(initial));
  const save = useMutation({
    mutationFn: () => setEvaluation(courseId, {
      preFormId: v.preFormId, postFormId: v.postFormId, satisfactionFormId: v.satisfactionFormId,
      minPostScore: v.minPostScore.trim() === '' ? null : /^\d+(\.\d+)?$/.test(v.minPostScore.trim()) ? Number(v.minPostScore) : (v.minPostScore as unknown as number),
    }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(trainingKeys.evaluation(courseId), saved);
      // The score rule changes who completed the course.
      await queryClient.invalidateQueries({ queryKey: trainingKeys.course(courseId) });
      guard.release();
      notify(t('ui.saved'));
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  // Only published forms can be answered.
  // The course's own forms stay choosable even when older than the picker's 200.
  const chosen = EVALUATION_KINDS.flatMap((k) => (evaluation.forms[k] ? [{ id: evaluation.forms[k].formId, title: evaluation.forms[k].title }] : []));
  const options = [...new Map([...chosen, ...(forms.data?.items ?? [])].map((f) => [f.id, { value: f.id, label: f.title }])).values()];
  return (
    <Form onSubmit={() => save.mutate()} gap="sm">
      <Text size="sm">{t('training.evaluation.formsHelp')}</Text>
      {EVALUATION_KINDS.map((kind) => (
        <Select key={kind} label={t(`training.evaluation.kinds.${kind}`)} searchable clearable data={options} value={v[FIELD[kind]]} error={errors[FIELD[kind]]}
          description={kind === 'satisfaction' ? t('training.evaluation.satisfactionHelp') : t('training.evaluation.scoreHelp')}
          onChange={(id) => setV((s) => ({ ...s, [FIELD[kind]]: id }))} />
      ))}
      <TextInput label={t('training.evaluation.minPostScore')} description={t('training.evaluation.minPostScoreHelp')} inputMode="decimal" w={220}
        value={v.minPostScore} error={errors.minPostScore} onChange={(e) => { const minPostScore = e.currentTarget.value; setV((s) => ({ ...s, minPostScore })); }} />
      <ProblemAlert error={save.error ?? forms.error} />
      <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('ui.save')}</Button></Group>
      {guard.dialog}
    </Form>
  );
}

/** Staff open the respondent page for a person and one of the course's forms (before the course, a pre-test may be anyone's). */
function EnterAnswers({ courseId, evaluation }: { courseId: string; evaluation: CourseEvaluation }) {
  const { t } = useTranslation();
  const kinds = EVALUATION_KINDS.filter((k) => evaluation.forms[k]);
  const [personId, setPersonId] = useState<string | null>(null);
  const [kind, setKind] = useState<EvaluationKind>(kinds[0] ?? 'pre');
  if (!kinds.length) return null;
  return (
    <Group align="flex-end" wrap="wrap">
      <PersonPicker label={t('training.evaluation.enterFor')} value={personId} onChange={setPersonId} />
      <Select label={t('training.evaluation.form')} allowDeselect={false} value={kinds.includes(kind) ? kind : kinds[0]!} onChange={(k) => k && setKind(k as EvaluationKind)}
        data={kinds.map((k) => ({ value: k, label: t(`training.evaluation.kinds.${k}`) }))} w={200} />
      {/* A link once someone is chosen; before, a disabled button (a link cannot be disabled for assistive technology). */}
      {personId ? (
        <Button component="a" href={evaluationAnswerUrl(courseId, kinds.includes(kind) ? kind : kinds[0]!, personId)} variant="light">{t('training.evaluation.enter')}</Button>
      ) : <Button variant="light" disabled>{t('training.evaluation.enter')}</Button>}
    </Group>
  );
}

/** Takes back answers entered for the wrong person or from the wrong sheet, after asking: a test's score decides completion. */
function RemoveAnswer({ courseId, kind, personId, name }: { courseId: string; kind: EvaluationKind; personId: string; name: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => removeEvaluationAnswer(courseId, kind, personId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.course(courseId) });
      notify(t('training.evaluation.answerRemoved'));
    },
  });
  const form = t(`training.evaluation.kinds.${kind}`);
  return (
    <ConfirmButton size="xs" icon={<IconTrash size={14} />} label={t('training.evaluation.removeAnswer', { name, form })}
      question={t('training.evaluation.removeAnswerQuestion', { name, form })} onConfirm={() => remove.mutateAsync()} loading={remove.isPending} />
  );
}

function Stat({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fz={28} fw={700} lh={1.2}>{value}</Text>
      <Text size="xs" c="dimmed">{detail}</Text>
    </Paper>
  );
}

/**
 * A course's evaluation: its forms (surveys' form engine), knowledge gain
 * (post − pre over the people with both tests), satisfaction, each person's
 * scores against the completion rule, and the gain of its trainers over all
 * the courses they ran.
 */
export function CourseEvaluationSection({ course, manage }: { course: CourseDetail; manage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const query = useQuery({ queryKey: trainingKeys.evaluation(course.id), queryFn: () => fetchEvaluation(course.id) });
  if (query.isPending) return <Loading />;
  if (query.error) return <ProblemAlert error={query.error} />;
  const e = query.data;
  const answerLink = (kind: EvaluationKind, personId: string, done: boolean, text: string, name: string) => {
    if (!manage || !e.forms[kind]) return text;
    if (!done) return <Anchor href={evaluationAnswerUrl(course.id, kind, personId)} size="sm">{t('training.evaluation.enterShort')}</Anchor>;
    const form = t(`training.evaluation.kinds.${kind}`);
    return (
      <Group gap={4} wrap="nowrap">
        {text}
        <ActionIcon component="a" href={evaluationCorrectionUrl(course.id, kind, personId)} variant="subtle" size="sm" aria-label={t('training.evaluation.correctAnswer', { form, name })} title={t('training.evaluation.correctAnswer', { form, name })}>
          <IconPencil size={14} />
        </ActionIcon>
        <RemoveAnswer courseId={course.id} kind={kind} personId={personId} name={name} />
      </Group>
    );
  };
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">{t('training.evaluation.title')}</Title>
        {manage && <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>{t('training.evaluation.choose')}</Button>}
      </Group>
      <Text size="sm">
        {EVALUATION_KINDS.map((k) => {
          const form = e.forms[k];
          return `${t(`training.evaluation.kinds.${k}`)}: ${form ? `${form.title} (v${form.version})` : '—'}`;
        }).join(' · ')}
      </Text>
      <Text size="sm" c="dimmed">
        {e.minPostScore === null ? t('training.completionRule', { share: course.completionShare }) : t('training.evaluation.rule', { share: course.completionShare, score: number(e.minPostScore) })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Stat label={t('training.evaluation.gain')} value={signed(e.gain.meanGain)} detail={t('training.evaluation.withBoth', { count: e.gain.withBoth })} />
        <Stat label={t('training.evaluation.prePost')} value={`${number(e.gain.meanPre)} → ${number(e.gain.meanPost)}`} detail={t('training.evaluation.prePostHelp')} />
        <Stat label={t('training.evaluation.satisfaction')} value={number(e.satisfaction.mean)} detail={t('training.evaluation.responses', { count: e.satisfaction.responses })} />
      </SimpleGrid>
      <DataTable pending={false} empty={e.people.length === 0} emptyText={t('training.evaluation.nobody')} minWidth={600}
        headers={[t('events.name'), t('training.evaluation.kinds.pre'), t('training.evaluation.kinds.post'), t('training.evaluation.gainColumn'), t('training.evaluation.kinds.satisfaction'), t('training.completion')]}>
        {e.people.map((p) => (
          <Table.Tr key={p.personId}>
            <Table.Td><Anchor component={Link} to={`/people-reached/${p.personId}`} size="sm" fw={500}>{p.name}</Anchor></Table.Td>
            <Table.Td>{answerLink('pre', p.personId, p.preAnswered, number(p.pre), p.name)}</Table.Td>
            <Table.Td>{answerLink('post', p.personId, p.postAnswered, number(p.post), p.name)}</Table.Td>
            <Table.Td>{signed(p.gain)}</Table.Td>
            <Table.Td>{answerLink('satisfaction', p.personId, p.satisfaction, p.satisfaction ? t('training.evaluation.answered') : '—', p.name)}</Table.Td>
            <Table.Td><Badge variant="light" color={p.completed ? 'teal' : 'gray'}>{p.completed ? t('training.completed') : t('training.notCompleted')}</Badge></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {manage && <EnterAnswers courseId={course.id} evaluation={e} />}
      {manage && <EvaluationLinks courseId={course.id} evaluation={e} />}
      {e.satisfaction.questions.length > 0 && (
        <DataTable pending={false} empty={false} emptyText="" minWidth={420}
          headers={[t('training.evaluation.question'), t('training.evaluation.answeredCount'), t('training.evaluation.mean')]}>
          {e.satisfaction.questions.map((q) => (
            <Table.Tr key={q.name}>
              <Table.Td>{q.label}</Table.Td>
              <Table.Td>{q.answered}</Table.Td>
              <Table.Td>{t('training.evaluation.meanOf', { mean: number(q.mean), min: q.min, max: q.max })}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {e.trainers.length > 0 && (
        <>
          <Title order={3} size="h5">{t('training.evaluation.trainers')}</Title>
          <DataTable pending={false} empty={false} emptyText="" minWidth={480}
            headers={[t('training.trainers'), t('training.evaluation.courses'), t('training.evaluation.withBothColumn'), t('training.evaluation.gainColumn')]}>
            {e.trainers.map((tr) => (
              <Table.Tr key={tr.personId}>
                <Table.Td>{tr.name}</Table.Td>
                <Table.Td>{tr.courses}</Table.Td>
                <Table.Td>{tr.withBoth}</Table.Td>
                <Table.Td>{signed(tr.meanGain)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('training.evaluation.choose')} size="lg">
        {editing && <SettingsForm courseId={course.id} evaluation={e} onDone={() => setEditing(false)} />}
      </Modal>
    </Stack>
  );
}
