import { Button, Group, MultiSelect, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { CallDetail } from '../../../contracts/led-calls.js';
import { ApiError } from '../../app/api.js';
import { toMajor, toMinor } from '../../app/money.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { fetchOrg, orgKeys } from '../orgs/api.js';
import { fetchRegionsForPicker, ledKeys } from './api.js';
import { callKeys, createCall, fetchCall, updateCall } from './calls-api.js';

interface CallFormValues { title: string; description: string; budget: string; deadlineOn: string; regionIds: string[] }

function CallForm({ call }: { call: CallDetail | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const org = useQuery({ queryKey: orgKeys.org, queryFn: fetchOrg });
  const currency = call?.currency ?? org.data?.currency ?? 'USD';
  const regions = useQuery({ queryKey: ledKeys.regionPicker, queryFn: fetchRegionsForPicker });
  const initial: CallFormValues = {
    title: call?.title ?? '', description: call?.description ?? '', budget: call ? String(toMajor(call.budget, currency)) : '',
    deadlineOn: call?.deadlineOn ?? '', regionIds: call?.regions.map((r) => r.id) ?? [],
  };
  const [values, setValues] = useState(initial);
  const guard = useLeaveGuard(JSON.stringify(values) !== JSON.stringify(initial));
  const set = <K extends keyof CallFormValues>(key: K, value: CallFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  // A budget that is no number goes to the server as typed, so its message comes back on the field.
  const budget = /^\d+(\.\d+)?$/.test(values.budget.trim()) ? toMinor(values.budget.trim(), currency) : (values.budget as unknown as number);
  const input = () => ({ title: values.title, description: values.description, budget: budget as number, deadlineOn: values.deadlineOn, regionIds: values.regionIds });
  const save = useMutation({
    mutationFn: () => (call ? updateCall(call.id, input()) : createCall(input())),
    onSuccess: async (saved) => {
      guard.release();
      await queryClient.invalidateQueries({ queryKey: ledKeys.all });
      notify(call ? t('ui.saved') : t('ledCalls.callCreated'));
      void navigate(`/led/calls/${saved.id}`);
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Form onSubmit={() => save.mutate()} gap="sm" maw={720}>
      <TextInput label={t('ledCalls.callTitle')} required data-autofocus value={values.title} error={errors.title} onChange={(e) => set('title', e.currentTarget.value)} />
      <MultiSelect label={t('ledCalls.regions')} required searchable maxValues={30} value={values.regionIds} error={errors.regionIds} onChange={(v) => set('regionIds', v)}
        data={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))} nothingFoundMessage={t('led.noneFound')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('ledCalls.budget')} description={t('ledCalls.budgetHelp', { currency })} inputMode="decimal" required rightSection={<Text size="xs">{currency}</Text>} rightSectionWidth={48}
          value={values.budget} error={errors.budget} onChange={(e) => set('budget', e.currentTarget.value)} />
        <TextInput label={t('ledCalls.deadline')} description={t('ledCalls.deadlineHelp')} type="date" required value={values.deadlineOn} error={errors.deadlineOn} onChange={(e) => set('deadlineOn', e.currentTarget.value)} />
      </SimpleGrid>
      <Textarea label={t('ledCalls.description')} autosize minRows={4} value={values.description} error={errors.description} onChange={(e) => set('description', e.currentTarget.value)} />
      <ProblemAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" component={Link} to={call ? `/led/calls/${call.id}` : '/led/calls'}>{t('ui.confirm.cancel')}</Button>
        <Button type="submit" loading={save.isPending}>{t('ui.save')}</Button>
      </Group>
    </Form>
  );
}

/** A new call for measures, or one changed: `/led/calls/new`, `/led/calls/:id/edit`. */
export function LedCallFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const call = useQuery({ queryKey: callKeys.call(id ?? ''), queryFn: () => fetchCall(id!), enabled: !!id });
  if (id && call.isPending) return <Loading />;
  if (id && !call.data) return <ProblemAlert error={call.error} />;
  return (
    <>
      <PageHeader title={id ? t('ledCalls.editCall') : t('ledCalls.newCall')} />
      <CallForm key={call.data?.updatedAt ?? 'new'} call={call.data ?? null} />
    </>
  );
}
