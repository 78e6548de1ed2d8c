import { Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { lazy, Suspense, useEffect, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WhenNearScreen } from '../../ui/WhenNearScreen.js';
import type { MemberForm } from './member-form.js';

const MoreMemberFields = lazy(() => import('./MoreMemberFields.js'));

type Option = { value: string; label: string };
let sectorOptions: Option[] | null = null;

/**
 * The sector picker. ISIC's classes with their titles (about 8 kB compressed)
 * are not part of the form's code (issue 14: "my firm" on a phone): they come
 * after the form is on screen when a sector is chosen (a person reads its
 * title, not its code), else when the field gets focus or opens.
 */
function SectorSelect({ label, description, inputProps }: { label: string; description: string; inputProps: any }) {
  const [options, setOptions] = useState(sectorOptions);
  const load = () => {
    if (!options) void import('./isic-options.js').then((m) => setOptions((sectorOptions = m.isicClassOptions)), () => undefined);
  };
  const value: string | null = inputProps.value ?? null;
  // Once, for the sector the firm had when the form opened.
  useEffect(() => void (value && load()), []);
  const data = options ?? (value ? [{ value, label: value }] : []);
  return (
    <Select
      label={label}
      description={description}
      searchable
      clearable
      limit={50}
      data={data}
      {...inputProps}
      onFocus={(e: FocusEvent<HTMLInputElement>) => {
        load();
        inputProps.onFocus?.(e);
      }}
      onDropdownOpen={load}
    />
  );
}


/**
 * The fields of a member firm, shared by the new-member form, the profile tab
 * and the member portal. All but the identity and sector come in a second file
 * (MoreMemberFields.tsx: number inputs, selects, tags, the map); with `later`
 * (the member's own "my firm", issue 14) only once they come on screen.
 */
export function MemberFields({ form, withTier = true, later = false }: { form: MemberForm; withTier?: boolean; later?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={2} size="h5">{t('members.identity')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('members.legalName')} required {...form.getInputProps('legalName')} />
        <TextInput label={t('members.tradeName')} {...form.getInputProps('tradeName')} />
        <TextInput label={t('members.registrationNumber')} {...form.getInputProps('registrationNumber')} />
        <TextInput label={t('members.taxNumber')} {...form.getInputProps('taxNumber')} />
      </SimpleGrid>
      <SectorSelect label={t('members.sector')} description={t('members.sectorHelp')} inputProps={form.getInputProps('isicClass')} />
      {later ? (
        <WhenNearScreen margin="0px">
          <Suspense fallback={<div style={{ height: 260 }} />}>
            <MoreMemberFields form={form} withTier={withTier} />
          </Suspense>
        </WhenNearScreen>
      ) : (
        <Suspense fallback={<div style={{ height: 260 }} />}>
          <MoreMemberFields form={form} withTier={withTier} />
        </Suspense>
      )}
    </Stack>
  );
}

// Text fields hold '' (the contract reads it as "none"); numbers and choices hold null.
export const emptyMember = {
  legalName: '',
  tradeName: '',
  registrationNumber: '',
  taxNumber: '',
  isicClass: null,
  region: null,
  district: '',
  address: '',
  latitude: null,
  longitude: null,
  employeesFemale: null,
  employeesMale: null,
  turnover: null,
  formality: 'formal' as const,
  womenLed: false,
  youthLed: false,
  ownerSex: null,
  foundedYear: null,
  products: '',
  exportStatus: 'none' as const,
  email: '',
  phone: '',
  website: '',
  tags: [] as string[],
  tierId: null,
};
