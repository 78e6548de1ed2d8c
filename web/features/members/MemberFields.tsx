import { SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { WhenNearScreen } from '../../ui/WhenNearScreen.js';
import type { MemberForm } from './member-form.js';

const MoreMemberFields = lazy(() => import('./MoreMemberFields.js'));
const SectorSelect = lazy(() => import('./SectorSelect.js'));

// The sector picker's height (label, description, input) while its code arrives.
const SECTOR_HEIGHT = 95;

/**
 * The fields of a member firm, shared by the new-member form, the profile tab
 * and the member portal. All but the identity come in other files (SectorSelect.tsx;
 * MoreMemberFields.tsx: number inputs, selects, tags, the map); with `later`
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
      {later ? (
        // Below a phone's first screen: the sector picker and the rest come as they near it.
        <WhenNearScreen margin="0px" afterData>
          <Suspense fallback={<div style={{ height: 260 }} />}>
            <SectorSelect label={t('members.sector')} description={t('members.sectorHelp')} inputProps={form.getInputProps('isicClass')} />
            <MoreMemberFields form={form} withTier={withTier} />
          </Suspense>
        </WhenNearScreen>
      ) : (
        <>
          <Suspense fallback={<div style={{ height: SECTOR_HEIGHT }} />}>
            <SectorSelect label={t('members.sector')} description={t('members.sectorHelp')} inputProps={form.getInputProps('isicClass')} />
          </Suspense>
          <Suspense fallback={<div style={{ height: 260 }} />}>
            <MoreMemberFields form={form} withTier={withTier} />
          </Suspense>
        </>
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
