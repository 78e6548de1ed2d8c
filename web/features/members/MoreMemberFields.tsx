import { Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { SEXES, EXPORT_STATUSES } from '../../../contracts/member-lists.js';
import { toMajor, toMinor } from '../../app/money.js';
import { useRegionChoices } from '../../app/reference.js';
import { useSession } from '../../app/session.js';
import { WhenNearScreen } from '../../ui/WhenNearScreen.js';
import { fetchOrg, orgKeys } from '../orgs/api.js';
import { fetchSettings, fetchTiers, memberKeys } from './api.js';
import type { MemberForm } from './member-form.js';

const MapPointPicker = lazy(() => import('./MapPointPicker.js'));

/** A member firm's fields after its identity and sector: location, size and ownership, business (MemberFields.tsx). */
export default function MoreMemberFields({ form, withTier }: { form: MemberForm; withTier: boolean }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const currency = session?.org?.currency ?? 'GHS';
  const org = useQuery({ queryKey: orgKeys.org, queryFn: fetchOrg });
  const settings = useQuery({ queryKey: memberKeys.settings, queryFn: fetchSettings, enabled: withTier });
  const tiers = useQuery({ queryKey: memberKeys.tiers, queryFn: fetchTiers, enabled: withTier });
  const values = form.getValues();
  // The firm's own region stays named even when the organisation no longer lists it.
  const regionChoices = useRegionChoices([...new Set([...(org.data?.regions ?? []), ...(values.region ? [values.region] : [])])]);
  const districts = (settings.data?.districts ?? []).filter((d) => !values.region || d.region === values.region).map((d) => d.name);
  const turnover = form.getInputProps('turnover');
  return (
    <Stack gap="sm">
      <Title order={2} size="h5">{t('members.location')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select label={t('members.region')} clearable searchable data={regionChoices} {...form.getInputProps('region')} />
        <Select label={t('members.district')} clearable searchable data={districts} {...form.getInputProps('district')} />
        <TextInput label={t('members.address')} {...form.getInputProps('address')} />
        <NumberInput label={t('members.latitude')} decimalScale={6} min={-90} max={90} {...form.getInputProps('latitude')} />
        <NumberInput label={t('members.longitude')} decimalScale={6} min={-180} max={180} {...form.getInputProps('longitude')} />
      </SimpleGrid>
      {session?.map && (
        <WhenNearScreen>
          <Suspense fallback={<div style={{ height: 260 }} />}>
            <MapPointPicker
              value={{ latitude: values.latitude, longitude: values.longitude }}
              onChange={(p) => {
                form.setFieldValue('latitude', p.latitude);
                form.setFieldValue('longitude', p.longitude);
              }}
            />
          </Suspense>
        </WhenNearScreen>
      )}
      <Title order={2} size="h5">{t('members.sizeAndOwnership')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput label={t('members.employeesFemale')} min={0} allowDecimal={false} {...form.getInputProps('employeesFemale')} />
        <NumberInput label={t('members.employeesMale')} min={0} allowDecimal={false} {...form.getInputProps('employeesMale')} />
        <NumberInput
          label={t('members.turnover', { currency })}
          min={0}
          thousandSeparator=" "
          error={turnover.error}
          value={toMajor(values.turnover, currency)}
          onChange={(v) => form.setFieldValue('turnover', toMinor(v, currency))}
        />
        <Select label={t('members.formality')} allowDeselect={false} data={(['formal', 'informal'] as const).map((v) => ({ value: v, label: t(`members.formalities.${v}`) }))} {...form.getInputProps('formality')} />
        <Select label={t('members.ownerSex')} clearable data={SEXES.map((v) => ({ value: v, label: t(`members.sexes.${v}`) }))} {...form.getInputProps('ownerSex')} />
        <NumberInput label={t('members.foundedYear')} min={1800} max={2100} allowDecimal={false} {...form.getInputProps('foundedYear')} />
      </SimpleGrid>
      <Group>
        <Checkbox label={t('members.womenLed')} {...form.getInputProps('womenLed', { type: 'checkbox' })} />
        <Checkbox label={t('members.youthLed')} {...form.getInputProps('youthLed', { type: 'checkbox' })} />
      </Group>
      <Title order={2} size="h5">{t('members.business')}</Title>
      <Textarea label={t('members.products')} autosize minRows={2} {...form.getInputProps('products')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select label={t('members.exportStatus')} allowDeselect={false} data={EXPORT_STATUSES.map((v) => ({ value: v, label: t(`members.exports.${v}`) }))} {...form.getInputProps('exportStatus')} />
        <TextInput label={t('auth.email')} type="email" {...form.getInputProps('email')} />
        <TextInput label={t('members.phone')} type="tel" {...form.getInputProps('phone')} />
        <TextInput label={t('members.website')} {...form.getInputProps('website')} />
        {withTier && (
          <Select label={t('members.tier')} clearable data={(tiers.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} {...form.getInputProps('tierId')} />
        )}
      </SimpleGrid>
      <TagsInput label={t('members.tags')} description={t('members.tagsHelp')} {...form.getInputProps('tags')} />
    </Stack>
  );
}
