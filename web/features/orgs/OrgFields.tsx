import { Checkbox, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ORG_KINDS, type OrgInput } from '../../../contracts/orgs.js';
import { LOCALES } from '../../../contracts/roles.js';
import { useCountryOptions, useLanguageName, useRegionOptions } from '../../app/reference.js';
import { currencyOptions, languageCodes, languageOptions, localeOptions, timeZoneOptions } from './org-options.js';

// The part of a Mantine form these fields use; the values may nest the organisation under `prefix`.
interface OrgForm {
  getValues(): any;
  getInputProps(path: string, options?: { type?: 'input' | 'checkbox' }): any;
  setFieldValue(path: string, value: unknown): void;
}

/**
 * The fields of an organisation, used by sign-up, settings and new branches. `prefix` is where they sit in the form values.
 * `withClock` adds time zone and locale; where it is left out (sign-up, branches) the server takes the country's.
 * `branch`: the organisation is (or will be) a branch, so it may show its capacity scores to its sibling branches.
 */
export function OrgFields({ form, prefix = '', readOnly = false, withClock = false, branch = false }: { form: OrgForm; prefix?: string; readOnly?: boolean; withClock?: boolean; branch?: boolean }) {
  const { t, i18n } = useTranslation();
  const p = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const values: OrgInput = prefix ? form.getValues()[prefix] : form.getValues();
  // Countries, regions and rare languages' names come from the server, for this country only.
  const countries = useCountryOptions(i18n.language).data ?? (values.country ? [{ value: values.country, label: values.country }] : []);
  const currencies = useMemo(currencyOptions, [i18n.language]);
  const regions = useRegionOptions(values.country).data ?? values.regions.map((r) => ({ value: r, label: r }));
  const languages = languageCodes(values.languages);
  const languageName = useLanguageName(languages);
  const timeZones = useMemo(() => (withClock ? timeZoneOptions(values.timeZone, i18n.language) : []), [withClock, values.timeZone, i18n.language]);
  return (
    <Stack gap="sm">
      <TextInput label={t('org.name')} required readOnly={readOnly} {...form.getInputProps(p('name'))} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('org.kind')} required readOnly={readOnly} allowDeselect={false} data={ORG_KINDS.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))} {...form.getInputProps(p('kind'))} />
        <Select
          label={t('org.country')}
          required
          searchable
          readOnly={readOnly}
          allowDeselect={false}
          data={countries}
          {...form.getInputProps(p('country'))}
          onChange={(value) => {
            form.setFieldValue(p('country'), value ?? '');
            form.setFieldValue(p('regions'), []);
          }}
        />
      </SimpleGrid>
      <MultiSelect label={t('org.regions')} description={t('org.regionsHelp')} searchable clearable readOnly={readOnly} data={regions} {...form.getInputProps(p('regions'))} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect label={t('org.languages')} required searchable readOnly={readOnly} data={languageOptions(languages, languageName)} {...form.getInputProps(p('languages'))} />
        <Select label={t('org.currency')} required searchable readOnly={readOnly} allowDeselect={false} data={currencies} {...form.getInputProps(p('currency'))} />
      </SimpleGrid>
      {withClock && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('org.timeZone')} description={t('org.timeZoneHelp')} required searchable readOnly={readOnly} allowDeselect={false} data={timeZones} {...form.getInputProps(p('timeZone'))} />
          <Select label={t('org.locale')} description={t('org.localeHelp')} required searchable readOnly={readOnly} allowDeselect={false} data={localeOptions(values.country, values.languages, values.locale, values.currency, LOCALES, i18n.language)} {...form.getInputProps(p('locale'))} />
        </SimpleGrid>
      )}
      <Checkbox label={t('org.shareMemberDataUpward')} disabled={readOnly} {...form.getInputProps(p('shareMemberDataUpward'), { type: 'checkbox' })} />
      {branch && (
        <Checkbox label={t('org.shareCapacityWithSiblings')} description={t('org.shareCapacityWithSiblingsHelp')} disabled={readOnly}
          {...form.getInputProps(p('shareCapacityWithSiblings'), { type: 'checkbox' })} />
      )}
    </Stack>
  );
}

export const emptyOrg = (country = 'GH', currency = 'GHS'): OrgInput => ({
  name: '',
  kind: 'chamber',
  country,
  regions: [],
  languages: ['en'],
  currency,
  shareMemberDataUpward: false,
  shareCapacityWithSiblings: false,
});
