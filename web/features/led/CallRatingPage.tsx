import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconFileTypePdf, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { SCORE_MAX, SCORE_MIN, type RatingBoard, type RunDetail, type SelectionOutcome } from '../../../contracts/led-rating.js';
import { formatDateTime } from '../../app/format.js';
import { formatMoney } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { InlineForm } from '../../ui/InlineForm.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCriterionName } from './criterion-name.js';
import { addReviewer, declareConflict, fetchBoard, fetchPeopleForPanel, fetchRun, measureFromApplication, ratingKeys, removeReviewer, runPdfUrl, runSelection, saveScore } from './rating-api.js';

type Criterion = RatingBoard['criteria'][number];
const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => String(SCORE_MIN + i));


/** Adds a person of the organisation to the panel. */
function ReviewerForm({ board, onDone }: { board: RatingBoard; onDone(b?: RatingBoard): void }) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState<string | null>(null);
  const people = useQuery({ queryKey: ratingKeys.people, queryFn: fetchPeopleForPanel });
  const save = useMutation({ mutationFn: () => addReviewer(board.callId, userId ?? ''), onSuccess: (b) => onDone(b) });
  const seated = new Set(board.reviewers.map((r) => r.userId));
  return (
    <InlineForm onSubmit={() => save.mutate()} onCancel={() => onDone()} saving={save.isPending} error={save.error ?? people.error}>
      <Select label={t('led.selection.person')} required searchable value={userId} onChange={setUserId} nothingFoundMessage={t('led.noneFound')}
        data={(people.data?.items ?? []).filter((p) => !seated.has(p.userId)).map((p) => ({ value: p.userId, label: `${p.name} · ${p.email}` }))} />
    </InlineForm>
  );
}

/** One criterion scored 0–5 with a comment; saving writes a new score (the earlier one stays in the history). */
function CriterionScore({ board, applicationId, criterion, onSaved }: { board: RatingBoard; applicationId: string; criterion: Criterion; onSaved(b: RatingBoard): void }) {
  const { t } = useTranslation();
  const label = useCriterionName();
  const mine = board.myScores.find((s) => s.applicationId === applicationId && s.criterionId === criterion.id);
  const [score, setScore] = useState(mine ? String(mine.score) : '');
  const [comment, setComment] = useState(mine?.comment ?? '');
  const save = useMutation({
    mutationFn: () => saveScore(board.callId, { applicationId, criterionId: criterion.id, score: Number(score), comment }),
    onSuccess: (b) => { onSaved(b); notify(t('led.selection.scoreSaved')); },
  });
  const changed = score !== (mine ? String(mine.score) : '') || comment !== (mine?.comment ?? '');
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>{label(criterion)} <Text span size="xs" c="dimmed">× {criterion.weight}</Text></Text>
      <SegmentedControl fullWidth data={SCORES} value={score} onChange={setScore} aria-label={`${label(criterion)}: ${t('led.selection.score')}`} styles={{ label: { minHeight: 36, display: 'flex', alignItems: 'center', justifyContent: 'center' } }} />
      <Textarea aria-label={t('led.selection.comment')} placeholder={t('led.selection.comment')} autosize minRows={1} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
      <ProblemAlert error={save.error} />
      {changed && score !== '' && <Button size="sm" mih={44} onClick={() => save.mutate()} loading={save.isPending}>{t('led.selection.saveScore')}</Button>}
    </Stack>
  );
}

function ApplicationCard({ board, application, onChange }: { board: RatingBoard; application: RatingBoard['applications'][number]; onChange(b: RatingBoard): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const conflicts = board.conflicts.filter((c) => c.applicationId === application.id);
  const mineConflicted = board.onPanel && conflicts.some((c) => c.userId === board.me);
  const causesOf = (c: (typeof conflicts)[number]) => c.causes.map((x) => (x.kind === 'declared' ? t('led.selection.declared') : t('led.selection.contactOfFirm'))).join(', ');
  const reviewerName = (id: string) => board.reviewers.find((r) => r.userId === id)?.name ?? '';
  const declare = useMutation({ mutationFn: () => declareConflict(board.callId, { applicationId: application.id }), onSuccess: onChange });
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{application.title || application.leadName}</Text>
            <Text size="sm" c="dimmed">{application.leadName} · {formatMoney(application.amount, board.currency)}</Text>
          </Stack>
          <Badge variant="light">{t('led.selection.scoredBy', { count: board.scored[application.id] ?? 0 })}</Badge>
        </Group>
        {conflicts.map((c) => <Text key={c.userId} size="xs" c="orange">{reviewerName(c.userId)}: {causesOf(c)}</Text>)}
        {board.onPanel && (mineConflicted
          ? <Text size="sm" c="orange">{t('led.selection.conflicted')}</Text>
          : (
            <Group gap="xs">
              <Button size="sm" mih={44} variant={open ? 'light' : 'filled'} onClick={() => setOpen((o) => !o)}>{t('led.selection.yourScores')}</Button>
              <ConfirmButton label={t('led.selection.declareConflict')} question={t('led.selection.declareConflictQuestion')} color="orange" mih={44} onConfirm={() => declare.mutateAsync()} />
            </Group>
          ))}
        <ProblemAlert error={declare.error} />
        {open && !mineConflicted && board.criteria.filter((c) => c.weight > 0).map((c) => (
          <CriterionScore key={c.id} board={board} applicationId={application.id} criterion={c} onSaved={onChange} />
        ))}
      </Stack>
    </Paper>
  );
}

/** `/led/calls/:id/rating`: the panel, scoring each application, conflicts, and the selection runs. */
export function CallRatingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [normalised, setNormalised] = useState(true);
  const board = useQuery({ queryKey: ratingKeys.board(id), queryFn: () => fetchBoard(id) });
  const refresh = (b?: RatingBoard) => { if (b) queryClient.setQueryData(ratingKeys.board(id), b); };
  const run = useMutation({
    mutationFn: () => runSelection(id, normalised),
    onSuccess: (r) => { queryClient.setQueryData(ratingKeys.run(id, r.id), r); void queryClient.invalidateQueries({ queryKey: ratingKeys.board(id) }); void navigate(`/led/calls/${id}/selections/${r.id}`); },
  });
  if (board.isPending) return <Loading />;
  if (board.error) return <ProblemAlert error={board.error} />;
  const b = board.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/led/calls/${id}`} size="sm" mih={44} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}><IconArrowLeft size={16} />{b.callTitle}</Anchor>
      <PageHeader title={t('led.selection.title')} />
      <Text size="sm" c="dimmed">{t('led.selection.budget')}: {formatMoney(b.budget, b.currency)}</Text>

      <Stack gap="xs">
        <Title order={2} size="h4">{t('led.selection.panel')}</Title>
        <Text size="sm" c="dimmed">{t('led.selection.panelHelp')}</Text>
        {!b.reviewers.length && <EmptyState>{t('led.selection.noReviewers')}</EmptyState>}
        {b.reviewers.map((r) => (
          <Group key={r.userId} justify="space-between" wrap="nowrap">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{r.name} <Text span size="xs" c="dimmed">{r.email}</Text></Text>
            {can('led.manage') && (
              <ConfirmButton icon={<IconTrash size={18} />} label={t('ui.remove')} question={t('led.selection.removeReviewerQuestion', { name: r.name })}
                onConfirm={async () => refresh(await removeReviewer(id, r.userId).catch((e: unknown) => { notify(e instanceof Error ? e.message : String(e), 'red'); return undefined; }))} />
            )}
          </Group>
        ))}
        {can('led.manage') && (adding
          ? <ReviewerForm board={b} onDone={(nb) => { refresh(nb); setAdding(false); }} />
          : <Button variant="light" mih={44} onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }}>{t('led.selection.addReviewer')}</Button>)}
      </Stack>

      <Stack gap="xs">
        <Title order={2} size="h4">{t('led.selection.application')}</Title>
        {!b.onPanel && <Text size="sm" c="dimmed">{t('led.selection.notOnPanel')}</Text>}
        {!b.applications.length && <EmptyState>{t('led.selection.noApplications')}</EmptyState>}
        {b.applications.map((a) => <ApplicationCard key={a.id} board={b} application={a} onChange={refresh} />)}
      </Stack>

      <Stack gap="xs">
        <Title order={2} size="h4">{t('led.selection.runs')}</Title>
        {can('led.manage') && (
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Switch checked={normalised} onChange={(e) => setNormalised(e.currentTarget.checked)} label={t('led.selection.normalise')} description={t('led.selection.normaliseHelp')} />
              <ProblemAlert error={run.error} />
              <Button mih={44} onClick={() => run.mutate()} loading={run.isPending} disabled={!b.applications.length}>{t('led.selection.runSelection')}</Button>
            </Stack>
          </Paper>
        )}
        {!b.runs.length && <EmptyState>{t('led.selection.noRuns')}</EmptyState>}
        {b.runs.map((r) => (
          <Anchor key={r.id} component={Link} to={`/led/calls/${id}/selections/${r.id}`} mih={44} style={{ display: 'flex', alignItems: 'center' }}>
            {t('led.selection.runOf', { seq: r.seq })} · {formatDateTime(r.at)} · {r.normalised ? t('led.selection.basisNormalised') : t('led.selection.basisRaw')} · {t('led.selection.selectedCount', { count: r.selected })} · {formatMoney(r.spent, b.currency)}
          </Anchor>
        ))}
      </Stack>
    </Stack>
  );
}

function OutcomeCard({ run, o, onChange }: { run: RunDetail; o: SelectionOutcome; onChange(r: RunDetail): void }) {
  const { t } = useTranslation();
  const can = useCan();
  const score = (n: number | null) => (n === null ? '—' : n.toFixed(2));
  const measureId = run.measures[o.id];
  const make = useMutation({ mutationFn: () => measureFromApplication(run.callId, run.id, o.id), onSuccess: onChange });
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{o.title || o.leadName}</Text>
          <Badge color={o.selected ? 'teal' : 'gray'}>{o.selected ? t('led.selection.reasons.selected') : formatMoney(o.amount, run.currency)}</Badge>
        </Group>
        <Text size="sm">{t('led.selection.requested')}: {formatMoney(o.amount, run.currency)}</Text>
        <Text size="sm">{t('led.selection.rawScore')}: {score(o.rawScore)} (#{o.rawRank ?? '—'}) · {t('led.selection.normalisedScore')}: {score(o.normalisedScore)} (#{o.normalisedRank ?? '—'})</Text>
        {!o.selected && <Text size="sm" c="dimmed">{t(`led.selection.reasons.${o.reason.code}`, { remaining: formatMoney(o.reason.remaining ?? 0, run.currency), count: o.reason.missing?.length ?? 0 })}</Text>}
        <ProblemAlert error={make.error} />
        {o.selected && (measureId
          ? <Anchor component={Link} to={`/led/measures/${measureId}`} mih={44} style={{ display: 'inline-flex', alignItems: 'center' }}>{t('led.selection.openMeasure')}</Anchor>
          : can('led.manage') && <ConfirmButton label={t('led.selection.toMeasure')} question={t('led.selection.toMeasureQuestion', { title: o.title || o.leadName })} color="teal" mih={44} onConfirm={() => make.mutateAsync()} />)}
      </Stack>
    </Paper>
  );
}

/** `/led/calls/:id/selections/:runId`: one run's report — raw and normalised ranks, reasons, and the ±10 % sensitivity. */
export function SelectionRunPage() {
  const { t } = useTranslation();
  const { id = '', runId = '' } = useParams();
  const queryClient = useQueryClient();
  const label = useCriterionName();
  const run = useQuery({ queryKey: ratingKeys.run(id, runId), queryFn: () => fetchRun(id, runId) });
  if (run.isPending) return <Loading />;
  if (run.error) return <ProblemAlert error={run.error} />;
  const r = run.data;
  const basis = (o: SelectionOutcome) => (r.normalised ? o.normalisedRank : o.rawRank) ?? Number.MAX_SAFE_INTEGER;
  const names = new Map(r.results.map((o) => [o.id, o.title || o.leadName]));
  const criteria = new Map(r.inputs.criteria.map((c) => [c.id, c]));
  const changes = r.sensitivity.filter((s) => s.entering.length || s.leaving.length);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/led/calls/${id}/rating`} size="sm" mih={44} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}><IconArrowLeft size={16} />{t('led.selection.title')}</Anchor>
      <PageHeader title={`${t('led.selection.reportTitle')}: ${r.callTitle}`}>
        <Button size="sm" variant="default" component="a" href={runPdfUrl(id, runId)} leftSection={<IconFileTypePdf size={14} />} mih={44}>{t('led.selection.downloadPdf')}</Button>
      </PageHeader>
      <Text size="sm" c="dimmed">{t('led.selection.runOf', { seq: r.seq })} · {formatDateTime(r.at)}{r.byName ? ` · ${r.byName}` : ''} · {r.normalised ? t('led.selection.basisNormalised') : t('led.selection.basisRaw')}</Text>
      <Text size="sm">{t('led.selection.budget')} {formatMoney(r.budget, r.currency)} · {t('led.selection.spent')} {formatMoney(r.spent, r.currency)} · {t('led.selection.remaining')} {formatMoney(r.budget - r.spent, r.currency)}</Text>
      {!r.inputs.optimal && <Text c="red" fw={600}>{t('led.selection.notProven')}</Text>}
      {!r.results.length && <EmptyState>{t('led.selection.noApplications')}</EmptyState>}
      {[...r.results].sort((a, b) => basis(a) - basis(b)).map((o) => (
        <OutcomeCard key={o.id} run={r} o={o} onChange={(nr) => { queryClient.setQueryData(ratingKeys.run(id, runId), nr); notify(t('ui.saved')); }} />
      ))}
      <Title order={2} size="h4">{t('led.selection.sensitivity')}</Title>
      <Text size="sm" c="dimmed">{t('led.selection.sensitivityHelp')}</Text>
      {!changes.length && <EmptyState>{t('led.selection.stable')}</EmptyState>}
      {changes.map((s) => (
        <Paper key={`${s.criterionId}${s.change}`} withBorder p="sm">
          <Text fw={500}>{label(criteria.get(s.criterionId) ?? { key: '?', label: '' })} {s.change > 0 ? '+10 %' : '−10 %'}</Text>
          {s.entering.length > 0 && <Text size="sm">{t('led.selection.entering')}: {s.entering.map((x) => names.get(x) ?? x).join(', ')}</Text>}
          {s.leaving.length > 0 && <Text size="sm">{t('led.selection.leaving')}: {s.leaving.map((x) => names.get(x) ?? x).join(', ')}</Text>}
        </Paper>
      ))}
    </Stack>
  );
}
