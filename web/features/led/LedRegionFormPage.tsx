import { Button, Group, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { LedRegionDetail } from '../../../contracts/led.js';
import { ApiError } from '../../app/api.js';
import { useRegionOptions } from '../../app/reference.js';
import { useCan } from '../../app/session.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { fetchSettings, memberKeys } from '../members/api.js';
import { fetchBranches, fetchOrg, orgKeys } from '../orgs/api.js';
import { createRegion, fetchRegion, ledKeys, updateRegion } from './api.js';

interface RegionFormValues { name: string; region: string; district: string; branchId: string; narrative: string }

const formOf = (r: LedRegionDetail | null): RegionFormValues => ({
  name: r?.name ?? '', region: r?.region ?? '', district: r?.district ?? '', branchId: r?.branchId ?? '', narrative: r?.narrative ?? '',
});

function RegionForm({ region }: { region: LedRegionDetail | null }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const initial = formOf(region);
  const [values, setValues] = useState(initial);
  const guard = useLeaveGuard(JSON.stringify(values) !== JSON.stringify(initial));
  const set = <K extends keyof RegionFormValues>(key: K, value: RegionFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const org = useQuery({ queryKey: orgKeys.org, queryFn: fetchOrg });
  const subdivisions = useRegionOptions(org.data?.country ?? '');
  const settings = useQuery({ queryKey: memberKeys.settings, queryFn: fetchSettings, enabled: can('members.read') });
  const branches = useQuery({ queryKey: orgKeys.branches, queryFn: fetchBranches, enabled: can('branches.read') });
  const districts = (settings.data?.districts ?? []).filter((d) => d.region === values.region).map((d) => d.name);
  const input = () => ({ name: values.name, region: values.region, district: values.district || null, branchId: values.branchId || null, narrative: values.narrative });
  const save = useMutation({
    mutationFn: () => (region ? updateRegion(region.id, input()) : createRegion(input())),
    onSuccess: async (saved) => {
      guard.release();
      await queryClient.invalidateQueries({ queryKey: ledKeys.all });
      notify(region ? t('ui.saved') : t('led.regionCreated'));
      void navigate(`/led/${saved.id}`);
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Form onSubmit={() => save.mutate()} gap="sm" maw={720}>
      <TextInput label={t('led.regionName')} required data-autofocus value={values.name} error={errors.name} onChange={(e) => set('name', e.currentTarget.value)} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('led.subdivision')} description={t('led.subdivisionHelp')} required searchable data={subdivisions.data ?? []} value={values.region || null}
          onChange={(v) => setValues((old) => ({ ...old, region: v ?? '', district: '' }))} error={errors.region} />
        <Select label={t('led.district')} description={t('led.districtHelp')} clearable searchable data={districts} value={values.district || null}
          placeholder={t('led.wholeSubdivision')} onChange={(v) => set('district', v ?? '')} error={errors.district} />
      </SimpleGrid>
      <Select label={t('led.branch')} clearable data={(branches.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))} value={values.branchId || null}
        placeholder={t('led.noBranch')} onChange={(v) => set('branchId', v ?? '')} error={errors.branchId} />
      <Textarea label={t('led.narrative')} description={t('led.narrativeHelp')} autosize minRows={4} value={values.narrative} error={errors.narrative} onChange={(e) => set('narrative', e.currentTarget.value)} />
      <ProblemAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" component={Link} to={region ? `/led/${region.id}` : '/led'}>{t('ui.confirm.cancel')}</Button>
        <Button type="submit" loading={save.isPending}>{t('ui.save')}</Button>
      </Group>
    </Form>
  );
}

/** A new LED region, or one changed: `/led/new`, `/led/:id/edit`. */
export function LedRegionFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const region = useQuery({ queryKey: ledKeys.region(id ?? ''), queryFn: () => fetchRegion(id!), enabled: !!id });
  if (id && region.isPending) return <Loading />;
  if (id && !region.data) return <ProblemAlert error={region.error} />;
  return (
    <>
      <PageHeader title={id ? t('led.editRegion') : t('led.addRegion')} />
      <RegionForm key={region.data?.updatedAt ?? 'new'} region={region.data ?? null} />
    </>
  );
}
