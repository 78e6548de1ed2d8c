import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  FUNDING_SOURCES, MEASURE_ROLES, type BudgetLine, type FollowUp, type FundingSource, type MeasureDetail, type MeasureRole, type Milestone, type ProgressReport,
} from '../../../contracts/led.js';
import { AGE_BAND_NAMES, AGE_BANDS_AND_UNKNOWN, PERSON_SEXES, type PersonSex, type UniqueCount } from '../../../contracts/people.js';
import { ApiError } from '../../app/api.js';
import { formatDate, orgToday } from '../../app/format.js';
import { formatMoney, formatNumber, toMajor, toMinor } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { EditRemove } from '../../ui/EditRemove.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { InlineForm } from '../../ui/InlineForm.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { MemberPicker } from '../members/MemberPicker.js';
import { addMeasurePart, addMeasurePerson, answerFollowUp, fetchMeasure, ledKeys, removeMeasurePart, removeMeasurePerson, saveClosing, updateMeasurePart } from './api.js';
import { useTabParam } from '../../ui/use-tab-param.js';

const statusColor = { planned: 'gray', running: 'blue', done: 'teal', effective: 'green' } as const;
const wrap = { overflowWrap: 'anywhere' as const, minWidth: 0 };

/** Every change answers the measure as it now is: it replaces what is shown. */
function useMeasureChange<A extends unknown[]>(measureId: string, change: (...args: A) => Promise<MeasureDetail>, after?: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: A) => change(...args),
    onSuccess: (saved) => {
      queryClient.setQueryData(ledKeys.measure(measureId), saved);
      void queryClient.invalidateQueries({ queryKey: ledKeys.region(saved.regionId) });
      notify(t('ui.saved'));
      after?.();
    },
  });
}

// ---- results, counted from the records ----

function CountCard({ role, count }: { role: MeasureRole; count: UniqueCount }) {
  const { t } = useTranslation();
  const bands = AGE_BANDS_AND_UNKNOWN.filter((b) => b !== 'unknown' || count.byAgeBand.unknown > 0);
  return (
    <Paper withBorder p="sm">
      <Text fw={600}>{t(`led.impl.roles.${role}`)}</Text>
      <Text size="xl" fw={700}>{formatNumber(count.people)}</Text>
      <Table fz="sm" verticalSpacing={2} mt="xs">
        <Table.Caption>{t('led.impl.bySex')}</Table.Caption>
        <Table.Tbody>
          {PERSON_SEXES.map((s) => (
            <Table.Tr key={s}><Table.Th scope="row" fw={400}>{t(`peopleReached.sexes.${s}`)}</Table.Th><Table.Td ta="right">{formatNumber(count.bySex[s])}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table fz="sm" verticalSpacing={2} mt="xs">
        <Table.Caption>{t('led.impl.byAgeBand')}</Table.Caption>
        <Table.Tbody>
          {bands.map((b) => (
            <Table.Tr key={b}><Table.Th scope="row" fw={400}>{t(`peopleReached.bands.${b}`)}</Table.Th><Table.Td ta="right">{formatNumber(count.byAgeBand[b] ?? 0)}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function ResultsPanel({ measure }: { measure: MeasureDetail }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('led.impl.resultsIntro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {MEASURE_ROLES.map((role) => <CountCard key={role} role={role} count={measure.results[role]} />)}
      </SimpleGrid>
      {measure.newJobsByFirm.length > 0 && (
        <Paper withBorder p="sm">
          <Table fz="sm" verticalSpacing={4}>
            <Table.Caption>{t('led.impl.jobsByFirm')}</Table.Caption>
            <Table.Tbody>
              {measure.newJobsByFirm.map((f) => (
                <Table.Tr key={f.memberId ?? ''}>
                  <Table.Th scope="row" fw={400} style={wrap}>{f.memberId ? <Anchor component={Link} to={`/members/${f.memberId}`}>{f.name}</Anchor> : t('led.impl.noFirm')}</Table.Th>
                  <Table.Td ta="right">{formatNumber(f.people)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

// ---- people ----

interface PersonValues { role: MeasureRole; name: string; sex: PersonSex; birthYear: string; ageBand: string; phone: string; email: string; memberId: string; on: string }

function PersonForm({ measure, onDone }: { measure: MeasureDetail; onDone(): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<PersonValues>({ role: 'participant', name: '', sex: 'not_stated', birthYear: '', ageBand: '', phone: '', email: '', memberId: '', on: orgToday() });
  const set = <K extends keyof PersonValues>(key: K, value: PersonValues[K]) => setV((x) => ({ ...x, [key]: value }));
  const save = useMeasureChange(measure.id, () => addMeasurePerson(measure.id, {
    role: v.role, on: v.on,
    person: {
      name: v.name, sex: v.sex, birthYear: v.birthYear.trim() ? Number(v.birthYear) : null, ageBand: v.birthYear.trim() ? null : ((v.ageBand || null) as never),
      phone: v.phone, email: v.email, memberId: v.memberId || null,
    },
  }), onDone);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <InlineForm onSubmit={() => save.mutate([])} onCancel={onDone} saving={save.isPending} error={save.error}>
      <Text size="sm" c="dimmed">{t('led.impl.personHelp')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('led.impl.role')} allowDeselect={false} value={v.role} onChange={(x) => x && set('role', x as MeasureRole)}
          data={MEASURE_ROLES.map((r) => ({ value: r, label: t(`led.impl.roles.${r}`) }))} />
        <TextInput label={t('led.impl.on')} type="date" required value={v.on} error={errors.on} onChange={(e) => set('on', e.currentTarget.value)} />
        <TextInput label={t('peopleReached.name')} required value={v.name} error={errors['person.name']} onChange={(e) => set('name', e.currentTarget.value)} />
        <Select label={t('peopleReached.sex')} allowDeselect={false} value={v.sex} onChange={(x) => x && set('sex', x as PersonSex)}
          data={PERSON_SEXES.map((s) => ({ value: s, label: t(`peopleReached.sexes.${s}`) }))} />
        <TextInput label={t('peopleReached.birthYear')} description={t('peopleReached.birthYearHint')} inputMode="numeric" value={v.birthYear} error={errors['person.birthYear']}
          onChange={(e) => set('birthYear', e.currentTarget.value)} />
        <Select label={t('peopleReached.ageBand')} description={t('peopleReached.ageBandHint')} clearable disabled={!!v.birthYear.trim()} value={v.ageBand || null}
          error={errors['person.ageBand']} onChange={(x) => set('ageBand', x ?? '')} data={AGE_BAND_NAMES.map((b) => ({ value: b, label: t(`peopleReached.bands.${b}`) }))} />
        <TextInput label={t('peopleReached.phone')} type="tel" value={v.phone} error={errors['person.phone']} onChange={(e) => set('phone', e.currentTarget.value)} />
        <TextInput label={t('peopleReached.email')} type="email" value={v.email} error={errors['person.email']} onChange={(e) => set('email', e.currentTarget.value)} />
      </SimpleGrid>
      <MemberPicker label={t('peopleReached.firm')} value={v.memberId || null} onChange={(id) => set('memberId', id ?? '')} error={errors['person.memberId']} />
    </InlineForm>
  );
}

function PeoplePanel({ measure }: { measure: MeasureDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const remove = async (personId: string, role: MeasureRole) => queryClient.setQueryData(ledKeys.measure(measure.id), await removeMeasurePerson(measure.id, personId, role));
  return (
    <Stack>
      {can('led.manage') && !adding && <Group><Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{t('led.impl.addPerson')}</Button></Group>}
      {adding && <PersonForm measure={measure} onDone={() => setAdding(false)} />}
      {!measure.people.length && !adding && <EmptyState>{t('led.impl.noPeople')}</EmptyState>}
      {measure.people.map((p) => (
        <Paper key={`${p.role}-${p.personId}`} withBorder p="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ ...wrap, flex: '1 1 200px' }}>
              <Group gap="xs">
                <Anchor component={Link} to={`/people-reached/${p.personId}`} fw={600} style={wrap}>{p.name}</Anchor>
                <Badge variant="light">{t(`led.impl.roles.${p.role}`)}</Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {[t(`peopleReached.sexes.${p.sex}`), t(`peopleReached.bands.${p.ageBand}`), p.firm?.name, formatDate(p.on)].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
            {can('led.manage') && (
              <ConfirmButton label={t('ui.remove')} question={t('led.impl.removePersonQuestion', { name: p.name, role: t(`led.impl.roles.${p.role}`) })} onConfirm={() => remove(p.personId, p.role)} />
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

// ---- milestones ----

function MilestoneForm({ measure, milestone, onDone }: { measure: MeasureDetail; milestone: Milestone | null; onDone(): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ title: milestone?.title ?? '', dueOn: milestone?.dueOn ?? '', doneOn: milestone?.doneOn ?? '', note: milestone?.note ?? '' });
  const input = () => ({ title: v.title, dueOn: v.dueOn, doneOn: v.doneOn || null, note: v.note });
  const save = useMeasureChange(measure.id, () => (milestone ? updateMeasurePart(measure.id, 'milestones', milestone.id, input()) : addMeasurePart(measure.id, 'milestones', input())), onDone);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <InlineForm onSubmit={() => save.mutate([])} onCancel={onDone} saving={save.isPending} error={save.error}>
      <TextInput label={t('led.impl.milestone')} required value={v.title} error={errors.title} onChange={(e) => setV({ ...v, title: e.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('led.impl.dueOn')} type="date" required value={v.dueOn} error={errors.dueOn} onChange={(e) => setV({ ...v, dueOn: e.currentTarget.value })} />
        <TextInput label={t('led.impl.doneOn')} type="date" value={v.doneOn} error={errors.doneOn} onChange={(e) => setV({ ...v, doneOn: e.currentTarget.value })} />
      </SimpleGrid>
      <Textarea label={t('led.impl.note')} autosize minRows={2} value={v.note} error={errors.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} />
    </InlineForm>
  );
}

function MilestonesPanel({ measure }: { measure: MeasureDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null);
  const remove = async (m: Milestone) => queryClient.setQueryData(ledKeys.measure(measure.id), await removeMeasurePart(measure.id, 'milestones', m.id));
  return (
    <Stack>
      {can('led.manage') && editing === null && <Group><Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('led.impl.addMilestone')}</Button></Group>}
      {editing === 'new' && <MilestoneForm measure={measure} milestone={null} onDone={() => setEditing(null)} />}
      {!measure.milestones.length && editing === null && <EmptyState>{t('led.impl.noMilestones')}</EmptyState>}
      {measure.milestones.map((m) => (editing !== 'new' && editing?.id === m.id ? <MilestoneForm key={m.id} measure={measure} milestone={m} onDone={() => setEditing(null)} /> : (
        <Paper key={m.id} withBorder p="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ ...wrap, flex: '1 1 200px' }}>
              <Group gap="xs"><Text fw={600} style={wrap}>{m.title}</Text><Badge color={m.doneOn ? 'teal' : 'gray'} variant="light">{m.doneOn ? `${t('led.impl.doneOn')} ${formatDate(m.doneOn)}` : t('led.impl.notDone')}</Badge></Group>
              <Text size="sm" c="dimmed">{t('led.impl.dueOn')}: {formatDate(m.dueOn)}</Text>
              {m.note && <Text size="sm" style={{ ...wrap, whiteSpace: 'pre-wrap' }}>{m.note}</Text>}
            </Stack>
            {can('led.manage') && <EditRemove onEdit={() => setEditing(m)} question={t('led.impl.removeMilestoneQuestion', { title: m.title })} onRemove={() => remove(m)} />}
          </Group>
        </Paper>
      )))}
    </Stack>
  );
}

// ---- budget ----

const amountOrText = (s: string, currency: string) => (/^\d+(\.\d+)?$/.test(s.trim()) ? toMinor(s.trim(), currency)! : (s as unknown as number));

function BudgetLineForm({ measure, line, onDone }: { measure: MeasureDetail; line: BudgetLine | null; onDone(): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ label: line?.label ?? '', source: line?.source ?? ('led_fund' as FundingSource), planned: line ? String(toMajor(line.planned, measure.currency)) : '', actual: line ? String(toMajor(line.actual, measure.currency)) : '' });
  const input = () => ({ label: v.label, source: v.source, planned: amountOrText(v.planned, measure.currency), actual: v.actual.trim() ? amountOrText(v.actual, measure.currency) : 0 });
  const save = useMeasureChange(measure.id, () => (line ? updateMeasurePart(measure.id, 'budget-lines', line.id, input()) : addMeasurePart(measure.id, 'budget-lines', input())), onDone);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const currency = <Text size="xs">{measure.currency}</Text>;
  return (
    <InlineForm onSubmit={() => save.mutate([])} onCancel={onDone} saving={save.isPending} error={save.error}>
      <TextInput label={t('led.impl.line')} required value={v.label} error={errors.label} onChange={(e) => setV({ ...v, label: e.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select label={t('led.impl.source')} allowDeselect={false} value={v.source} onChange={(x) => x && setV({ ...v, source: x as FundingSource })}
          data={FUNDING_SOURCES.map((s) => ({ value: s, label: t(`led.impl.sources.${s}`) }))} />
        <TextInput label={t('led.impl.planned')} inputMode="decimal" required rightSection={currency} rightSectionWidth={48} value={v.planned} error={errors.planned} onChange={(e) => setV({ ...v, planned: e.currentTarget.value })} />
        <TextInput label={t('led.impl.actual')} inputMode="decimal" rightSection={currency} rightSectionWidth={48} value={v.actual} error={errors.actual} onChange={(e) => setV({ ...v, actual: e.currentTarget.value })} />
      </SimpleGrid>
    </InlineForm>
  );
}

function BudgetPanel({ measure }: { measure: MeasureDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<BudgetLine | 'new' | null>(null);
  const remove = async (l: BudgetLine) => queryClient.setQueryData(ledKeys.measure(measure.id), await removeMeasurePart(measure.id, 'budget-lines', l.id));
  const money = (n: number) => formatMoney(n, measure.currency);
  const total = (key: 'planned' | 'actual') => measure.budgetLines.reduce((s, l) => s + l[key], 0);
  return (
    <Stack>
      {can('led.manage') && editing === null && <Group><Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('led.impl.addLine')}</Button></Group>}
      {editing === 'new' && <BudgetLineForm measure={measure} line={null} onDone={() => setEditing(null)} />}
      {!measure.budgetLines.length && editing === null && <EmptyState>{t('led.impl.noLines')}</EmptyState>}
      {measure.budgetLines.map((l) => (editing !== 'new' && editing?.id === l.id ? <BudgetLineForm key={l.id} measure={measure} line={l} onDone={() => setEditing(null)} /> : (
        <Paper key={l.id} withBorder p="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ ...wrap, flex: '1 1 200px' }}>
              <Group gap="xs"><Text fw={600} style={wrap}>{l.label}</Text><Badge variant="outline">{t(`led.impl.sources.${l.source}`)}</Badge></Group>
              <Text size="sm">{t('led.impl.planned')}: {money(l.planned)} · {t('led.impl.actual')}: {money(l.actual)}</Text>
            </Stack>
            {can('led.manage') && <EditRemove onEdit={() => setEditing(l)} question={t('led.impl.removeLineQuestion', { label: l.label })} onRemove={() => remove(l)} />}
          </Group>
        </Paper>
      )))}
      {measure.budgetBySource.length > 0 && (
        <Paper withBorder p="sm">
          <Table fz="sm" verticalSpacing={4}>
            <Table.Caption>{t('led.impl.bySource')}</Table.Caption>
            <Table.Thead><Table.Tr><Table.Th scope="col">{t('led.impl.source')}</Table.Th><Table.Th scope="col" ta="right">{t('led.impl.planned')}</Table.Th><Table.Th scope="col" ta="right">{t('led.impl.actual')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {measure.budgetBySource.map((s) => (
                <Table.Tr key={s.source}><Table.Th scope="row" fw={400}>{t(`led.impl.sources.${s.source}`)}</Table.Th><Table.Td ta="right">{money(s.planned)}</Table.Td><Table.Td ta="right">{money(s.actual)}</Table.Td></Table.Tr>
              ))}
              <Table.Tr><Table.Th scope="row">{t('led.impl.total')}</Table.Th><Table.Td ta="right" fw={600}>{money(total('planned'))}</Table.Td><Table.Td ta="right" fw={600}>{money(total('actual'))}</Table.Td></Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

// ---- progress reports ----

function ReportForm({ measure, report, onDone }: { measure: MeasureDetail; report: ProgressReport | null; onDone(): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ reportedOn: report?.reportedOn ?? orgToday(), text: report?.text ?? '' });
  const save = useMeasureChange(measure.id, () => (report ? updateMeasurePart(measure.id, 'reports', report.id, v) : addMeasurePart(measure.id, 'reports', v)), onDone);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <InlineForm onSubmit={() => save.mutate([])} onCancel={onDone} saving={save.isPending} error={save.error}>
      <TextInput label={t('led.impl.reportedOn')} type="date" required value={v.reportedOn} error={errors.reportedOn} onChange={(e) => setV({ ...v, reportedOn: e.currentTarget.value })} />
      <Textarea label={t('led.impl.reportText')} required autosize minRows={3} value={v.text} error={errors.text} onChange={(e) => setV({ ...v, text: e.currentTarget.value })} />
    </InlineForm>
  );
}

function ReportsPanel({ measure }: { measure: MeasureDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<ProgressReport | 'new' | null>(null);
  const remove = async (r: ProgressReport) => queryClient.setQueryData(ledKeys.measure(measure.id), await removeMeasurePart(measure.id, 'reports', r.id));
  return (
    <Stack>
      {can('led.manage') && editing === null && <Group><Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('led.impl.addReport')}</Button></Group>}
      {editing === 'new' && <ReportForm measure={measure} report={null} onDone={() => setEditing(null)} />}
      {!measure.reports.length && editing === null && <EmptyState>{t('led.impl.noReports')}</EmptyState>}
      {measure.reports.map((r) => (editing !== 'new' && editing?.id === r.id ? <ReportForm key={r.id} measure={measure} report={r} onDone={() => setEditing(null)} /> : (
        <Paper key={r.id} withBorder p="sm">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ ...wrap, flex: '1 1 200px' }}>
              <Text fw={600}>{formatDate(r.reportedOn)}</Text>
              <Text size="sm" style={{ ...wrap, whiteSpace: 'pre-wrap' }}>{r.text}</Text>
            </Stack>
            {can('led.manage') && <EditRemove onEdit={() => setEditing(r)} question={t('led.impl.removeReportQuestion', { date: formatDate(r.reportedOn) })} onRemove={() => remove(r)} />}
          </Group>
        </Paper>
      )))}
    </Stack>
  );
}

// ---- closing evaluation and follow-ups ----

function ClosingForm({ measure, onDone }: { measure: MeasureDetail; onDone(): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ evaluation: measure.closingEvaluation, closedOn: measure.closedOn ?? '' });
  const save = useMeasureChange(measure.id, () => saveClosing(measure.id, { evaluation: v.evaluation, closedOn: v.closedOn || null }), onDone);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <InlineForm onSubmit={() => save.mutate([])} onCancel={onDone} saving={save.isPending} error={save.error}>
      <TextInput label={t('led.impl.closedOn')} type="date" value={v.closedOn} error={errors.closedOn} onChange={(e) => setV({ ...v, closedOn: e.currentTarget.value })} />
      <Textarea label={t('led.impl.evaluation')} autosize minRows={4} value={v.evaluation} error={errors.evaluation} onChange={(e) => setV({ ...v, evaluation: e.currentTarget.value })} />
    </InlineForm>
  );
}

function AnswerForm({ measure, followUp, onDone }: { measure: MeasureDetail; followUp: FollowUp; onDone(): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ stillEffective: followUp.stillEffective === false ? 'no' : 'yes', jobsKept: followUp.jobsKept === null ? '' : String(followUp.jobsKept), whoPays: followUp.whoPays, note: followUp.note });
  const save = useMeasureChange(measure.id, () => answerFollowUp(measure.id, followUp.months, {
    stillEffective: v.stillEffective === 'yes', jobsKept: v.jobsKept.trim() ? Number(v.jobsKept) : null, whoPays: v.whoPays, note: v.note,
  }), onDone);
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <InlineForm onSubmit={() => save.mutate([])} onCancel={onDone} saving={save.isPending} error={save.error}>
      <Select label={t('led.impl.stillEffectiveQuestion')} allowDeselect={false} value={v.stillEffective} onChange={(x) => x && setV({ ...v, stillEffective: x })}
        data={[{ value: 'yes', label: t('led.impl.yes') }, { value: 'no', label: t('led.impl.no') }]} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('led.impl.jobsKept')} inputMode="numeric" value={v.jobsKept} error={errors.jobsKept} onChange={(e) => setV({ ...v, jobsKept: e.currentTarget.value })} />
        <TextInput label={t('led.impl.whoPays')} value={v.whoPays} error={errors.whoPays} onChange={(e) => setV({ ...v, whoPays: e.currentTarget.value })} />
      </SimpleGrid>
      <Textarea label={t('led.impl.note')} autosize minRows={2} value={v.note} error={errors.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} />
    </InlineForm>
  );
}

function FollowUpPanel({ measure }: { measure: MeasureDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const [closing, setClosing] = useState(false);
  const [answering, setAnswering] = useState<number | null>(null);
  const today = orgToday();
  const followed = measure.status === 'done' || measure.status === 'effective';
  return (
    <Stack>
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap">
            <Text fw={600}>{t('led.impl.closing')}</Text>
            {can('led.manage') && !closing && <Button size="xs" variant="default" onClick={() => setClosing(true)}>{t('ui.edit')}</Button>}
          </Group>
          <Text size="sm" c="dimmed">{t('led.impl.closingHelp')}</Text>
          {closing ? <ClosingForm measure={measure} onDone={() => setClosing(false)} /> : (
            <>
              {measure.closedOn && <Text size="sm">{t('led.impl.closedOn')}: {formatDate(measure.closedOn)}</Text>}
              <Text size="sm" style={{ ...wrap, whiteSpace: 'pre-wrap' }}>{measure.closingEvaluation || t('led.impl.noEvaluation')}</Text>
            </>
          )}
        </Stack>
      </Paper>
      <Text size="sm" c="dimmed">{t('led.impl.followUpsIntro')}</Text>
      {measure.followUps.map((f) => (
        <Paper key={f.months} withBorder p="sm">
          <Stack gap={4}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Group gap="xs">
                <Text fw={600}>{t('led.impl.followUpTitle', { months: f.months })}</Text>
                {f.answeredAt && <Badge color={f.stillEffective ? 'green' : 'red'} variant="light">{f.stillEffective ? t('led.impl.effective') : t('led.impl.notEffective')}</Badge>}
                {!f.answeredAt && f.dueOn > today && <Badge color="gray" variant="light">{t('led.impl.notDueYet')}</Badge>}
              </Group>
              {can('led.manage') && followed && f.dueOn <= today && answering !== f.months && (
                <Button size="xs" variant="default" onClick={() => setAnswering(f.months)}>{t('led.impl.enterAnswer')}</Button>
              )}
            </Group>
            <Text size="sm" c="dimmed">{t('led.impl.due', { date: formatDate(f.dueOn) })} · {f.sentAt ? t('led.impl.sent', { to: f.sentTo, date: formatDate(f.sentAt) }) : t('led.impl.notSent')}</Text>
            {f.answeredAt && (
              <>
                <Text size="sm">{t('led.impl.answered', { date: formatDate(f.answeredAt), by: t(`led.impl.by.${f.answeredBy ?? 'staff'}`) })}</Text>
                <Text size="sm" style={wrap}>
                  {[f.jobsKept !== null ? `${t('led.impl.jobsKept')}: ${formatNumber(f.jobsKept)}` : null, f.whoPays ? `${t('led.impl.whoPays')}: ${f.whoPays}` : null].filter(Boolean).join(' · ')}
                </Text>
                {f.note && <Text size="sm" style={{ ...wrap, whiteSpace: 'pre-wrap' }}>{f.note}</Text>}
              </>
            )}
            {answering === f.months && <AnswerForm measure={measure} followUp={f} onDone={() => setAnswering(null)} />}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

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
