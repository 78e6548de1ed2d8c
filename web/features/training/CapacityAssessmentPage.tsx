import { Anchor, Badge, Button, Group, Paper, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CAPACITY_CATALOGUE, CAPACITY_DOMAINS, CAPACITY_LEVELS, type Assessment } from '../../../contracts/capacity.js';
import { ApiError } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { formatNumber } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { Chart } from '../../ui/Chart.js';
import { useConfirm } from '../../ui/confirm.js';
import { DataTable } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { capacityKeys, fetchAssessment, fetchAssessmentYears, reopenAssessment, saveAssessment, submitAssessment } from './capacity-api.js';
import { shareSeries, statusColor, usePercent } from './CapacityPage.js';

type Values = Record<string, { level: number | null; note: string }>;
const valuesOf = (a: Assessment): Values => Object.fromEntries(a.answers.map((x) => [x.item, { level: x.level, note: x.note }]));
const itemsOf = (domain: string) => CAPACITY_CATALOGUE.filter((i) => i.domain === domain);

/** The form: each item's four levels with their descriptors, a note per item; saved part-way, then submitted. */
function AssessmentForm({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [ask, confirmDialog] = useConfirm();
  const initial = valuesOf(assessment);
  const [values, setValues] = useState(initial);
  const changed = CAPACITY_CATALOGUE.filter((i) => JSON.stringify(values[i.key]) !== JSON.stringify(initial[i.key]));
  const guard = useLeaveGuard(changed.length > 0);
  const set = (item: string, patch: Partial<Values[string]>) => setValues((v) => ({ ...v, [item]: { ...v[item]!, ...patch } }));
  const answered = CAPACITY_CATALOGUE.filter((i) => values[i.key]?.level != null).length;
  const store = async (after: Assessment) => {
    queryClient.setQueryData(capacityKeys.one(assessment.id), after);
    await queryClient.invalidateQueries({ queryKey: capacityKeys.list });
  };
  const saveChanges = () => (changed.length
    ? saveAssessment(assessment.id, { answers: changed.map((i) => ({ item: i.key, level: values[i.key]!.level as 1 | 2 | 3 | 4 | null, note: values[i.key]!.note })) })
    : Promise.resolve(assessment));
  const save = useMutation({
    mutationFn: saveChanges,
    onSuccess: async (after) => {
      guard.release();
      await store(after);
      notify(t('capacity.saved'));
    },
  });
  const submit = useMutation({
    // The changes first, then the submission; what was saved is read again if the submission is refused.
    mutationFn: async () => {
      await saveChanges();
      return submitAssessment(assessment.id);
    },
    onSuccess: async (after) => {
      guard.release();
      await store(after);
      notify(t('capacity.submitted'));
    },
    onError: () => queryClient.invalidateQueries({ queryKey: capacityKeys.one(assessment.id) }),
  });
  const askSubmit = async () => {
    if (await ask({ question: t('capacity.submitQuestion', { year: assessment.year }), confirmLabel: t('capacity.submit'), color: 'teal' })) submit.mutate();
  };
  return (
    <Form onSubmit={() => save.mutate()} gap="lg">
      <Text size="sm" c="dimmed">{t('capacity.formIntro')}</Text>
      {CAPACITY_DOMAINS.map((domain) => (
        <Stack key={domain} gap="sm">
          <Title order={2} size="h4">{t(`capacity.domains.${domain}`)}</Title>
          {itemsOf(domain).map((i) => (
            <Paper key={i.key} withBorder p="sm">
              <Stack gap="xs">
                <Radio.Group label={t(`capacity.items.${i.key}`)} value={values[i.key]?.level ? String(values[i.key]!.level) : null} onChange={(v) => set(i.key, { level: Number(v) })}>
                  <Stack gap={6} mt={6}>
                    {CAPACITY_LEVELS.map((l) => (
                      <Radio.Card key={l} value={String(l)} p="xs" radius="sm" style={{ minHeight: 44 }}>
                        <Group wrap="nowrap" align="flex-start" gap="sm">
                          <Radio.Indicator mt={2} />
                          <span>
                            <Text component="span" display="block" size="sm" fw={600}>{t(`capacity.levelNames.${l}`)}</Text>
                            <Text component="span" display="block" size="sm">{t(`capacity.descriptors.${i.key}.l${l}`)}</Text>
                          </span>
                        </Group>
                      </Radio.Card>
                    ))}
                  </Stack>
                </Radio.Group>
                <Textarea label={t('capacity.note')} description={t('capacity.noteHelp')} autosize minRows={1} maxLength={2000}
                  value={values[i.key]?.note ?? ''} onChange={(e) => set(i.key, { note: e.currentTarget.value })} />
              </Stack>
            </Paper>
          ))}
        </Stack>
      ))}
      <ProblemAlert error={save.error ?? submit.error} />
      <Paper withBorder p="sm" pos="sticky" bottom={0} style={{ zIndex: 2 }}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm">{t('capacity.answeredOf', { answered, items: CAPACITY_CATALOGUE.length })}</Text>
          <Group gap="xs">
            <Button type="submit" variant="default" loading={save.isPending}>{t('capacity.saveDraft')}</Button>
            <Button onClick={() => void askSubmit()} loading={submit.isPending} disabled={answered < CAPACITY_CATALOGUE.length}>{t('capacity.submit')}</Button>
          </Group>
        </Group>
      </Paper>
      {confirmDialog}
    </Form>
  );
}

/** The answers as read once submitted (or by someone who does not fill them). */
function Answers({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const byItem = new Map(assessment.answers.map((a) => [a.item, a]));
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">{t('capacity.answers')}</Title>
      <DataTable pending={false} empty={false} emptyText="" minWidth={300} headers={[t('capacity.item'), t('capacity.level'), t('capacity.note')]}>
        {CAPACITY_CATALOGUE.map((i) => {
          const a = byItem.get(i.key);
          return (
            <Table.Tr key={i.key}>
              <Table.Td><Text size="xs" c="dimmed">{t(`capacity.domains.${i.domain}`)}</Text><Text size="sm">{t(`capacity.items.${i.key}`)}</Text></Table.Td>
              <Table.Td>{a?.level ? <><Text size="sm" fw={600}>{t(`capacity.levelNames.${a.level}`)}</Text><Text size="xs">{t(`capacity.descriptors.${i.key}.l${a.level}`)}</Text></> : '—'}</Table.Td>
              <Table.Td><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a?.note || '—'}</Text></Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
    </Stack>
  );
}

/** Scores per domain, this year beside the organisation's earlier submitted years. */
function Results({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const list = useQuery({ queryKey: capacityKeys.list, queryFn: fetchAssessmentYears });
  const earlier = (list.data?.items ?? []).filter((a) => a.status === 'submitted' && a.year < assessment.year).slice(0, 3).reverse();
  const sets = [...earlier, assessment].map((a) => ({ key: a.id, label: String(a.year), scores: a.scores }));
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t('capacity.results')}</Title>
      {assessment.answered === 0 ? <EmptyState>{t('capacity.noAnswers')}</EmptyState> : (
        <>
          <Chart title={t('capacity.resultsChart', { year: assessment.year })} categoryLabel={t('capacity.domain')} valueLabel={t('capacity.shareOfMax')} integers={false} format={percent} tableMode="toggle"
            categories={CAPACITY_DOMAINS.map((d) => t(`capacity.domains.${d}`))} series={shareSeries(sets)} />
          <DataTable pending={false} empty={false} emptyText="" minWidth={300} headers={[t('capacity.domain'), t('capacity.meanLevel'), t('capacity.shareOfMax'), t('capacity.answered')]}>
            {assessment.scores.map((s) => (
              <Table.Tr key={s.domain}>
                <Table.Td>{t(`capacity.domains.${s.domain}`)}</Table.Td>
                <Table.Td>{s.mean === null ? '—' : formatNumber(s.mean)}</Table.Td>
                <Table.Td>{s.share === null ? '—' : percent(s.share)}</Table.Td>
                <Table.Td>{t('capacity.answeredOf', { answered: s.answered, items: s.items })}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </>
      )}
    </Stack>
  );
}

/** Items at level 1 or 2: training needs, each with the courses planned for it and a way to plan one. */
function Gaps({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const plan = assessment.status === 'submitted' && can('training.manage');
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t('capacity.gaps')}</Title>
      <Text size="sm" c="dimmed">{assessment.status === 'submitted' ? t('capacity.gapsIntro') : t('capacity.gapsDraft')}</Text>
      {assessment.gaps.length === 0 ? <EmptyState>{t('capacity.noGaps')}</EmptyState> : assessment.gaps.map((g) => (
        <Paper key={g.item} withBorder p="sm">
          <Stack gap={4}>
            <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
              <div>
                <Text size="xs" c="dimmed">{t(`capacity.domains.${g.domain}`)}</Text>
                <Text fw={600}>{t(`capacity.items.${g.item}`)}</Text>
              </div>
              <Badge color={g.level === 1 ? 'red' : 'orange'} variant="light">{t(`capacity.levelNames.${g.level}`)}</Badge>
            </Group>
            <Text size="sm">{t(`capacity.descriptors.${g.item}.l${g.level}`)}</Text>
            {g.courses.length > 0 && (
              <Text size="sm">
                {t('capacity.coursesPlanned')}{' '}
                {g.courses.map((c, i) => <span key={c.id}>{i > 0 && ', '}<Anchor component={Link} to={`/training/${c.id}`} size="sm">{c.title}</Anchor></span>)}
              </Text>
            )}
            {plan && (
              <Group>
                <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => void navigate(`/training/new?assessment=${assessment.id}&item=${g.item}`)}>
                  {t('capacity.planCourse')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** An admin opens a submitted self-assessment again, saying why (kept in the audit log). */
function Reopen({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [ask, confirmDialog] = useConfirm();
  const [reason, setReason] = useState('');
  const reopen = useMutation({
    mutationFn: () => reopenAssessment(assessment.id, reason),
    onSuccess: async (after) => {
      setReason('');
      queryClient.setQueryData(capacityKeys.one(assessment.id), after);
      await queryClient.invalidateQueries({ queryKey: capacityKeys.all });
      notify(t('capacity.reopened'));
    },
  });
  const go = async () => {
    if (await ask({ question: t('capacity.reopenQuestion', { year: assessment.year }), confirmLabel: t('capacity.reopen'), color: 'orange' })) reopen.mutate();
  };
  return (
    <Form onSubmit={() => void go()} gap="xs">
      <Title order={2} size="h4">{t('capacity.reopen')}</Title>
      <Textarea label={t('capacity.reopenReason')} description={t('capacity.reopenHelp')} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
        error={reopen.error instanceof ApiError ? reopen.error.fieldErrors.reason : undefined} />
      <ProblemAlert error={reopen.error} />
      <Group><Button type="submit" variant="default" color="orange" loading={reopen.isPending}>{t('capacity.reopen')}</Button></Group>
      {confirmDialog}
    </Form>
  );
}

/** One year's self-assessment: the form while a draft, then its results, its gaps and the courses planned for them. */
export function CapacityAssessmentPage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  const can = useCan();
  const assessment = useQuery({ queryKey: capacityKeys.one(id), queryFn: () => fetchAssessment(id) });
  const back = <Button component={Link} to="/training/capacity" variant="default" leftSection={<IconArrowLeft size={16} />}>{t('capacity.title')}</Button>;
  if (assessment.isPending) return <Loading />;
  if (assessment.error) return <ProblemAlert error={assessment.error} />;
  const a = assessment.data;
  const filling = a.status === 'draft' && can('capacity.fill');
  return (
    <>
      <PageHeader title={t('capacity.yearTitle', { year: a.year })}>
        <Badge color={statusColor[a.status]} variant="light">{t(`capacity.statuses.${a.status}`)}</Badge>
        {back}
      </PageHeader>
      <Stack gap="lg">
        {a.submittedAt && <Text size="sm" c="dimmed">{t('capacity.submittedOnBy', { on: formatDate(a.submittedAt), by: a.submittedBy ?? '' })}</Text>}
        <Results assessment={a} />
        <Gaps assessment={a} />
        {filling ? <AssessmentForm key={a.updatedAt} assessment={a} /> : <Answers assessment={a} />}
        {a.status === 'submitted' && can('capacity.reopen') && <Reopen assessment={a} />}
      </Stack>
    </>
  );
}
