import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { breakdownProblems, budgetTotals, EMPTY_RESULT, EXPECTED_RESULTS, type Application, type CallDetail, type ExpectedResults } from '../../../contracts/led-calls.js';
import { LED_SECTORS, type LedSector } from '../../../contracts/led.js';
import { ApiError } from '../../app/api.js';
import { formatDateTime } from '../../app/format.js';
import { formatMoney, toMajor, toMinor } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { MemberPicker } from '../members/MemberPicker.js';
import { callKeys, createApplication, fetchApplication, fetchCall, updateApplication, withdrawApplication } from './calls-api.js';

const BREAKDOWNS = ['total', 'female', 'male', 'youth', 'adult'] as const;
interface Line { label: string; requested: string; cofundingCash: string; cofundingInKind: string }
interface Values {
  regionId: string; title: string; leadName: string; leadSector: LedSector; leadEmail: string; leadMemberId: string | null;
  partners: Array<{ name: string; sector: LedSector; memberId: string | null }>; bottleneckIds: string[]; activities: string; budgetLines: Line[]; expectedResults: ExpectedResults;
}

const valuesOf = (call: CallDetail, a: Application | null): Values => ({
  regionId: a?.regionId ?? call.regions[0]?.id ?? '', title: a?.title ?? '', leadName: a?.leadName ?? '', leadSector: a?.leadSector ?? 'private', leadEmail: a?.leadEmail ?? '',
  leadMemberId: a?.leadMemberId ?? null, partners: a?.partners.map((p) => ({ ...p, memberId: p.memberId ?? null })) ?? [], bottleneckIds: a?.bottleneckIds ?? [], activities: a?.activities ?? '',
  budgetLines: a?.budgetLines.map((l) => ({ label: l.label, requested: String(toMajor(l.requested, call.currency)), cofundingCash: String(toMajor(l.cofundingCash, call.currency)), cofundingInKind: String(toMajor(l.cofundingInKind, call.currency)) })) ?? [],
  expectedResults: a?.expectedResults ?? { trained: EMPTY_RESULT, jobs: EMPTY_RESULT, higherIncome: EMPTY_RESULT },
});

/** Money typed in major units; what is no number goes as typed, so the server's message comes back on its field. */
const minor = (typed: string, currency: string) => (typed.trim() === '' ? 0 : /^\d+(\.\d+)?$/.test(typed.trim()) ? toMinor(typed.trim(), currency)! : (typed as unknown as number));

/** Staff enter (or correct) a partner's application: saved as a draft, or submitted before the deadline. */
function ApplicationForm({ call, application }: { call: CallDetail; application: Application | null }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const initial = valuesOf(call, application);
  const [values, setValues] = useState(initial);
  const guard = useLeaveGuard(JSON.stringify(values) !== JSON.stringify(initial));
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const input = (submit: boolean) => ({
    ...values, submit,
    budgetLines: values.budgetLines.map((l) => ({ label: l.label, requested: minor(l.requested, call.currency), cofundingCash: minor(l.cofundingCash, call.currency), cofundingInKind: minor(l.cofundingInKind, call.currency) })),
  });
  const save = useMutation({
    mutationFn: (submit: boolean) => (application ? updateApplication(call.id, application.id, input(submit)) : createApplication(call.id, input(submit))),
    onSuccess: async (saved) => {
      guard.release();
      await queryClient.invalidateQueries({ queryKey: callKeys.call(call.id) });
      await queryClient.invalidateQueries({ queryKey: callKeys.applications(call.id) });
      notify(t('ledCalls.saved'));
      void navigate(`/led/calls/${call.id}/applications/${saved.id}`, { replace: true });
    },
  });
  const withdraw = useMutation({
    mutationFn: () => withdrawApplication(call.id, application!.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: callKeys.call(call.id) });
      void navigate(`/led/calls/${call.id}?tab=applications`);
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const readOnly = !can('led.manage') || call.status !== 'open' || application?.status === 'withdrawn';
  const regionBottlenecks = call.bottlenecks;
  const regionName = new Map(call.regions.map((r) => [r.id, r.name]));
  const typedLines = values.budgetLines.map((l) => ({ label: l.label, requested: Number(minor(l.requested, call.currency)) || 0, cofundingCash: Number(minor(l.cofundingCash, call.currency)) || 0, cofundingInKind: Number(minor(l.cofundingInKind, call.currency)) || 0 }));
  const totals = budgetTotals(typedLines);
  // The sums are checked as they are typed, as the server checks them.
  const sums = new Map(breakdownProblems(values.expectedResults).map((p) => [`${p.result}.${p.breakdown}`, t(p.breakdown === 'female' ? 'errors.led.sex_breakdown_sum' : 'errors.led.age_breakdown_sum')]));
  const sectors = LED_SECTORS.map((s) => ({ value: s, label: t(`led.sectors.${s}`) }));
  const setResult = (r: (typeof EXPECTED_RESULTS)[number], b: (typeof BREAKDOWNS)[number], n: number) =>
    set('expectedResults', { ...values.expectedResults, [r]: { ...values.expectedResults[r], [b]: n } });
  return (
    <Form onSubmit={() => save.mutate(false)} gap="sm" maw={820}>
      {application && (
        <Text size="sm" c="dimmed">
          {t(`ledCalls.applicationStatuses.${application.status}`)} · {t(`ledCalls.enteredBy.${application.enteredBy}`)}
          {application.submittedAt ? ` · ${t('ledCalls.submittedOn', { date: formatDateTime(application.submittedAt) })}` : ''}
        </Text>
      )}
      <TextInput label={t('ledCalls.applicationTitle')} data-autofocus readOnly={readOnly} value={values.title} error={errors.title} onChange={(e) => set('title', e.currentTarget.value)} />
      <Select label={t('ledCalls.region')} required readOnly={readOnly} data={call.regions.map((r) => ({ value: r.id, label: r.name }))} value={values.regionId || null}
        error={errors.regionId} onChange={(v) => set('regionId', v ?? '')} />
      <Title order={3} size="h4">{t('ledCalls.leadPartner')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('ledCalls.leadName')} readOnly={readOnly} value={values.leadName} error={errors.leadName} onChange={(e) => set('leadName', e.currentTarget.value)} />
        <Select label={t('ledCalls.sector')} readOnly={readOnly} data={sectors} value={values.leadSector} onChange={(v) => set('leadSector', (v ?? 'private') as LedSector)} />
        <TextInput label={t('ledCalls.leadEmail')} type="email" required readOnly={readOnly} value={values.leadEmail} error={errors.leadEmail} onChange={(e) => set('leadEmail', e.currentTarget.value)} />
        <MemberPicker label={t('ledCalls.leadMember')} value={values.leadMemberId} error={errors.leadMemberId} onChange={(id) => set('leadMemberId', id)} />
      </SimpleGrid>

      <Title order={3} size="h4">{t('ledCalls.partners')}</Title>
      {values.partners.map((p, i) => (
        <Paper key={i} withBorder p="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('ledCalls.partnerName')} required readOnly={readOnly} value={p.name} error={errors[`partners.${i}.name`]}
              onChange={(e) => set('partners', values.partners.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))} />
            <Select label={t('ledCalls.sector')} readOnly={readOnly} data={sectors} value={p.sector} onChange={(v) => set('partners', values.partners.map((x, j) => (j === i ? { ...x, sector: (v ?? 'private') as LedSector } : x)))} />
            <MemberPicker label={t('ledCalls.partnerMember')} value={p.memberId} error={errors[`partners.${i}.memberId`]}
              onChange={(id, name) => set('partners', values.partners.map((x, j) => (j === i ? { ...x, memberId: id, name: x.name || (name ?? '') } : x)))} />
          </SimpleGrid>
          {!readOnly && <Group justify="flex-end"><ActionIcon variant="subtle" color="red" size={44} aria-label={t('ledCalls.removePartner')} onClick={() => set('partners', values.partners.filter((_, j) => j !== i))}><IconTrash size={18} /></ActionIcon></Group>}
        </Paper>
      ))}
      {!readOnly && <Group><Button variant="default" leftSection={<IconPlus size={16} />} disabled={values.partners.length >= 30} onClick={() => set('partners', [...values.partners, { name: '', sector: 'private', memberId: null }])}>{t('ledCalls.addPartner')}</Button></Group>}

      <Checkbox.Group label={t('ledCalls.bottlenecks')} value={values.bottleneckIds} onChange={(v) => !readOnly && set('bottleneckIds', v)} error={errors.bottleneckIds}>
        <Stack gap={4} mt={4}>
          {regionBottlenecks.length === 0 && <Text size="sm" c="dimmed">{t('ledCalls.noBottlenecks')}</Text>}
          {regionBottlenecks.map((b) => <Checkbox key={b.id} value={b.id} label={`${b.title} (${regionName.get(b.regionId) ?? ''})`} styles={{ body: { minHeight: 44, alignItems: 'center' } }} />)}
        </Stack>
      </Checkbox.Group>
      <Textarea label={t('ledCalls.activities')} autosize minRows={4} readOnly={readOnly} value={values.activities} error={errors.activities} onChange={(e) => set('activities', e.currentTarget.value)} />

      <Title order={3} size="h4">{t('ledCalls.budgetLines')}</Title>
      {errors.budgetLines && <Text c="red" size="sm" role="alert">{errors.budgetLines}</Text>}
      {values.budgetLines.map((l, i) => {
        const setLine = (patch: Partial<Line>) => set('budgetLines', values.budgetLines.map((x, j) => (j === i ? { ...x, ...patch } : x)));
        return (
          <Paper key={i} withBorder p="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('ledCalls.lineLabel')} required readOnly={readOnly} value={l.label} error={errors[`budgetLines.${i}.label`]} onChange={(e) => setLine({ label: e.currentTarget.value })} />
              <TextInput label={t('ledCalls.requested', { currency: call.currency })} inputMode="decimal" readOnly={readOnly} value={l.requested} error={errors[`budgetLines.${i}.requested`]} onChange={(e) => setLine({ requested: e.currentTarget.value })} />
              <TextInput label={t('ledCalls.cofundingCash', { currency: call.currency })} inputMode="decimal" readOnly={readOnly} value={l.cofundingCash} error={errors[`budgetLines.${i}.cofundingCash`]} onChange={(e) => setLine({ cofundingCash: e.currentTarget.value })} />
              <TextInput label={t('ledCalls.cofundingInKind', { currency: call.currency })} inputMode="decimal" readOnly={readOnly} value={l.cofundingInKind} error={errors[`budgetLines.${i}.cofundingInKind`]} onChange={(e) => setLine({ cofundingInKind: e.currentTarget.value })} />
            </SimpleGrid>
            {!readOnly && <Group justify="flex-end"><ActionIcon variant="subtle" color="red" size={44} aria-label={t('ledCalls.removeLine')} onClick={() => set('budgetLines', values.budgetLines.filter((_, j) => j !== i))}><IconTrash size={18} /></ActionIcon></Group>}
          </Paper>
        );
      })}
      {!readOnly && <Group><Button variant="default" leftSection={<IconPlus size={16} />} disabled={values.budgetLines.length >= 50} onClick={() => set('budgetLines', [...values.budgetLines, { label: '', requested: '', cofundingCash: '', cofundingInKind: '' }])}>{t('ledCalls.addLine')}</Button></Group>}
      <Text size="sm">{t('ledCalls.requestedTotal')}: <b>{formatMoney(totals.requested, call.currency)}</b> · {t('ledCalls.cofundingTotal')}: <b>{formatMoney(totals.cofunding, call.currency)}</b></Text>

      <Title order={3} size="h4">{t('ledCalls.expectedResults')}</Title>
      <Text size="sm" c="dimmed">{t('ledCalls.resultsHelp')}</Text>
      {EXPECTED_RESULTS.map((r) => (
        <Paper key={r} withBorder p="sm">
          <Text fw={600} size="sm" mb={4}>{t(`ledCalls.results.${r}`)}</Text>
          <SimpleGrid cols={{ base: 3, sm: 5 }} spacing="xs">
            {BREAKDOWNS.map((b) => (
              <NumberInput key={b} label={t(`ledCalls.breakdown.${b}`)} min={0} allowDecimal={false} readOnly={readOnly} value={values.expectedResults[r][b]}
                error={sums.get(`${r}.${b}`) ?? errors[`expectedResults.${r}.${b}`]} onChange={(v) => setResult(r, b, typeof v === 'number' ? v : 0)} />
            ))}
          </SimpleGrid>
        </Paper>
      ))}
      <ProblemAlert error={save.error ?? withdraw.error} />
      <Group justify="flex-end" wrap="wrap">
        <Button variant="default" component={Link} to={`/led/calls/${call.id}?tab=applications`}>{t('ui.confirm.cancel')}</Button>
        {application && application.status !== 'withdrawn' && can('led.manage') && (
          <ConfirmButton color="red" variant="default" label={t('ledCalls.withdraw')} question={t('ledCalls.withdrawQuestion')} onConfirm={() => withdraw.mutateAsync()} />
        )}
        {!readOnly && <Button type="submit" variant={application?.status === 'submitted' ? 'filled' : 'default'} loading={save.isPending && save.variables === false}>{application?.status === 'submitted' ? t('ui.save') : t('ledCalls.saveDraft')}</Button>}
        {!readOnly && application?.status !== 'submitted' && <Button onClick={() => save.mutate(true)} loading={save.isPending && save.variables === true}>{t('ledCalls.submit')}</Button>}
      </Group>
    </Form>
  );
}

/** An application to a call: `/led/calls/:id/applications/new` or `/led/calls/:id/applications/:applicationId`. */
export function ApplicationFormPage() {
  const { t } = useTranslation();
  const { id = '', applicationId } = useParams();
  const call = useQuery({ queryKey: callKeys.call(id), queryFn: () => fetchCall(id) });
  const application = useQuery({ queryKey: callKeys.application(id, applicationId ?? ''), queryFn: () => fetchApplication(id, applicationId!), enabled: !!applicationId });
  if (call.isPending || (applicationId && application.isPending)) return <Loading />;
  if (!call.data) return <ProblemAlert error={call.error} />;
  if (applicationId && !application.data) return <ProblemAlert error={application.error} />;
  return (
    <>
      <PageHeader title={application.data?.title || t('ledCalls.addApplication')}>
        <Button component={Link} to={`/led/calls/${id}?tab=applications`} variant="default">{call.data.title}</Button>
      </PageHeader>
      <ApplicationForm key={application.data?.updatedAt ?? 'new'} call={call.data} application={application.data ?? null} />
    </>
  );
}
