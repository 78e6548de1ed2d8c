import { ActionIcon, Anchor, Badge, Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Switch, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  hsChapter, OFFER_KINDS, OFFER_SIDES, PUBLIC_FIELDS, type Match, type MatchReason, type Offer, type OfferInput, type OfferState, type Profile, type ProfileInput, type PublicField, type SharedBy,
} from '../../../contracts/networking.js';
import { ApiError } from '../../app/api.js';
import { countryName, formatDate } from '../../app/format.js';
import { formatNumber } from '../../app/money.js';
import { useCountryOptions, useLanguageName, useRegionName } from '../../app/reference.js';
import { sectorLabel } from '../../app/sectors.js';
import { Form } from '../../ui/Form.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { pickMembers } from '../members/api.js';
import { networkingKeys } from './api.js';

export const stateColor: Record<OfferState, string> = { draft: 'gray', submitted: 'yellow', returned: 'orange', published: 'teal', expired: 'red', withdrawn: 'gray' };
export const linkStyle = { minHeight: 44, display: 'inline-flex', alignItems: 'center' } as const;

/** Languages a firm may name: common ones of trade and the region's, with any it named already. */
const LANGUAGES = ['en', 'fr', 'es', 'ru', 'ar', 'pt', 'zh', 'de', 'ha', 'tw', 'ee', 'dag', 'yo', 'sw'];

const hsText = (code: string, t: (k: string, o?: Record<string, string>) => string) => t('networking.hsWithChapter', { code, chapter: hsChapter(code) });

/** A firm picker over the registry (the members module's search). */
export function FirmPicker({ label, value, onChange, error }: { label: string; value: string; onChange: (id: string) => void; error?: string }) {
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: networkingKeys.pickFirm(q), queryFn: () => pickMembers(q, undefined) });
  return (
    <Select label={label} searchable clearable value={value || null} onChange={(v) => onChange(v ?? '')} onSearchChange={setQ} error={error}
      data={(found.data?.items ?? []).map((m) => ({ value: m.id, label: m.legalName }))} nothingFoundMessage={q ? undefined : null} />
  );
}

/** One reason of a match, in words: the rule and what it found. */
export function ReasonText({ reason }: { reason: MatchReason }) {
  const { t } = useTranslation();
  const region = useRegionName([reason.params.region]);
  const language = useLanguageName(reason.params.language ? [reason.params.language] : []);
  const p = reason.params;
  const params: Record<string, string> = {
    kind: p.kind ? t(`networking.kinds.${p.kind}`) : '', a: p.a ? t(`networking.kinds.${p.a}`) : '', b: p.b ? t(`networking.kinds.${p.b}`) : '',
    code: p.code ?? '', from: p.from ?? '', to: p.to ?? '', fromName: p.from ? sectorLabel(p.from) : '', toName: p.to ? sectorLabel(p.to) : '',
    region: p.region ? region(p.region) : '', country: p.country ? countryName(p.country) : '', language: p.language ? language(p.language) : '',
    size: p.size ? t(`members.sizes.${p.size}`) : '', certification: p.certification ?? '',
  };
  if (reason.rule === 'size' && p.a) Object.assign(params, { a: t(`members.sizes.${p.a}`), b: t(`members.sizes.${p.b}`) });
  return <>{t(`networking.reasons.${reason.code}`, params)} <Text span c="dimmed" size="xs">+{formatNumber(reason.points)}</Text></>;
}

/**
 * Where a shared offer comes from and whom to call about it: its firm is not
 * named across organisations, so the chamber that owns it makes the introduction.
 */
export function SharedByNote({ sharedBy }: { sharedBy: SharedBy }) {
  const { t } = useTranslation();
  return (
    <>
      <Group gap={4} wrap="wrap"><Badge variant="outline" color="grape" style={{ textTransform: 'none' }}>{t('networking.fromOrg', { org: sharedBy.orgName })}</Badge></Group>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {sharedBy.contact ? t('networking.contactOrg', { org: sharedBy.orgName, contact: sharedBy.contact }) : t('networking.contactOrgNoContact', { org: sharedBy.orgName })}
      </Text>
    </>
  );
}

export function MatchCard({ match, extra }: { match: Match; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0} miw={0}>
            {match.sharedBy ? <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{match.offer?.title}</Text> : (
              <>
                <Text fw={600}>{match.firmName}</Text>
                {match.offer ? <Anchor component={Link} to={`/networking/offers/${match.offer.id}`} size="sm" style={linkStyle}>{match.offer.title}</Anchor> : <Text size="sm" c="dimmed">{t('networking.firmProfile')}</Text>}
              </>
            )}
          </Stack>
          <Badge variant="light" size="lg">{t('networking.score', { score: formatNumber(match.score) })}</Badge>
        </Group>
        <ul style={{ margin: 0, paddingInlineStart: '1.1rem' }}>
          {match.reasons.map((r) => <li key={r.rule}><Text size="sm" span><ReasonText reason={r} /></Text></li>)}
        </ul>
        {match.sharedBy && <SharedByNote sharedBy={match.sharedBy} />}
        {extra}
      </Stack>
    </Paper>
  );
}

export function OfferCard({ offer, to }: { offer: Offer; to: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={to} fw={600} style={linkStyle}>{offer.title}</Anchor>
          <Badge color={stateColor[offer.state]} variant="light">{t(`networking.states.${offer.state}`)}</Badge>
        </Group>
        <Text size="sm">{[offer.firmName, t(`networking.kinds.${offer.kind}`), t(`networking.sides.${offer.side}`)].join(' · ')}</Text>
        {offer.hsCodes.length > 0 && <Text size="sm" c="dimmed">{offer.hsCodes.map((c) => hsText(c, t)).join(', ')}</Text>}
        {offer.state === 'returned' && offer.returnReason && <Text size="sm" c="orange.9">{t('networking.returnedBecause', { reason: offer.returnReason })}</Text>}
        {offer.expiresAt && <Text size="sm" c="dimmed">{t('networking.expiresOn', { date: formatDate(offer.expiresAt) })}</Text>}
        {offer.interests > 0 && <Text size="sm">{t('networking.interestCount', { count: offer.interests })}</Text>}
      </Stack>
    </Paper>
  );
}

/** A profile as staff and the firm see it: every field, with which of them are public. */
export function ProfileSummary({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const region = useRegionName([profile.region]);
  const language = useLanguageName(profile.languages);
  const pub = new Set(profile.publicFields);
  const row = (field: PublicField | null, label: string, value: React.ReactNode) => (
    <div key={label}>
      <Text size="xs" c="dimmed">{label}{field && pub.has(field) ? ` · ${t('networking.publicMark')}` : ''}</Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
      {row('sector', t('networking.sector'), profile.sector ? sectorLabel(profile.sector) : '')}
      {row('region', t('networking.region'), profile.region ? region(profile.region) : '')}
      {row('size', t('networking.size'), profile.size ? t(`members.sizes.${profile.size}`) : '')}
      {row('summary', t('networking.summary'), profile.summary)}
      {row('offerings', t('networking.offerings'), profile.offerings.map((o) => (o.hsCode ? `${o.name} (${hsText(o.hsCode, t)})` : o.name)).join('; '))}
      {row('exportMarkets', t('networking.exportMarkets'), profile.exportMarkets.map(countryName).join(', '))}
      {row('certifications', t('networking.certifications'), profile.certifications.join(', '))}
      {row('languages', t('networking.languages'), profile.languages.map(language).join(', '))}
      {row('contacts', t('networking.contacts'), [profile.contacts.email, profile.contacts.phone, profile.contacts.website].filter(Boolean).join(' · '))}
    </SimpleGrid>
  );
}

const profileInput = (p: Profile): ProfileInput => ({
  optedIn: p.optedIn, summary: p.summary, offerings: p.offerings, exportMarkets: p.exportMarkets, certifications: p.certifications, languages: p.languages, publicFields: p.publicFields,
});

/** The profile form: what the firm offers, where it sells, and a public switch for each field. */
export function ProfileForm({ profile, saving, error, onSave }: { profile: Profile; saving: boolean; error: unknown; onSave: (input: ProfileInput) => void }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<ProfileInput>(profileInput(profile));
  const countries = useCountryOptions(i18n.language);
  const language = useLanguageName([...LANGUAGES, ...values.languages]);
  const errors = error instanceof ApiError ? error.fieldErrors : {};
  const set = <K extends keyof ProfileInput>(key: K, value: ProfileInput[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setOffering = (i: number, patch: Partial<ProfileInput['offerings'][number]>) => set('offerings', values.offerings.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const isPublic = (f: PublicField) => values.publicFields.includes(f);
  const toggle = (f: PublicField, on: boolean) => set('publicFields', on ? [...values.publicFields, f] : values.publicFields.filter((x) => x !== f));
  const publicSwitch = (f: PublicField) => (
    <Switch label={t('networking.showPublicly')} checked={isPublic(f)} onChange={(e) => toggle(f, e.currentTarget.checked)} disabled={!values.optedIn} />
  );
  return (
    <Form onSubmit={() => onSave(values)} gap="sm" maw={720}>
      <Switch label={t('networking.optedIn')} description={t('networking.optedInHelp')} checked={values.optedIn} onChange={(e) => set('optedIn', e.currentTarget.checked)} />
      <Textarea label={t('networking.summary')} autosize minRows={3} value={values.summary} error={errors.summary} onChange={(e) => set('summary', e.currentTarget.value)} />
      {publicSwitch('summary')}
      <Text fw={600} size="sm">{t('networking.offerings')}</Text>
      <Text size="xs" c="dimmed">{t('networking.hsHelp')}</Text>
      {values.offerings.map((o, i) => (
        <Paper key={i} withBorder p="xs">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <TextInput label={t('networking.offeringName')} required value={o.name} error={errors[`offerings.${i}.name`]} onChange={(e) => setOffering(i, { name: e.currentTarget.value })} />
            <Select label={t('networking.offeringKind')} allowDeselect={false} value={o.kind} onChange={(v) => setOffering(i, { kind: (v ?? 'product') as 'product' | 'service' })}
              data={[{ value: 'product', label: t('networking.product') }, { value: 'service', label: t('networking.service') }]} />
            <Group align="flex-end" wrap="nowrap" gap="xs">
              <TextInput label={t('networking.hsCode')} inputMode="numeric" value={o.hsCode} error={errors[`offerings.${i}.hsCode`]} onChange={(e) => setOffering(i, { hsCode: e.currentTarget.value.trim() })} style={{ flex: 1 }} />
              <ActionIcon size={44} variant="subtle" color="red" aria-label={t('networking.removeOffering')} onClick={() => set('offerings', values.offerings.filter((_, j) => j !== i))}><IconTrash size={18} /></ActionIcon>
            </Group>
          </SimpleGrid>
        </Paper>
      ))}
      <Group><Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => set('offerings', [...values.offerings, { name: '', kind: 'product', hsCode: '' }])}>{t('networking.addOffering')}</Button></Group>
      {publicSwitch('offerings')}
      <MultiSelect label={t('networking.exportMarkets')} searchable data={countries.data ?? []} value={values.exportMarkets} error={errors.exportMarkets} onChange={(v) => set('exportMarkets', v)} />
      {publicSwitch('exportMarkets')}
      <TagsInput label={t('networking.certifications')} description={t('networking.certificationsHelp')} value={values.certifications} onChange={(v) => set('certifications', v)} error={errors.certifications} />
      {publicSwitch('certifications')}
      <MultiSelect label={t('networking.languages')} searchable data={[...new Set([...LANGUAGES, ...values.languages])].map((c) => ({ value: c, label: language(c) }))} value={values.languages} onChange={(v) => set('languages', v)} />
      {publicSwitch('languages')}
      <Paper withBorder p="xs">
        <Text size="sm" fw={600}>{t('networking.fromMemberRecord')}</Text>
        <Text size="xs" c="dimmed">{t('networking.fromMemberRecordHelp')}</Text>
        <Stack gap={4} mt="xs">
          {(['sector', 'region', 'size', 'contacts'] as const).map((f) => (
            <Switch key={f} label={t(`networking.publicFields.${f}`)} checked={isPublic(f)} onChange={(e) => toggle(f, e.currentTarget.checked)} disabled={!values.optedIn} />
          ))}
        </Stack>
      </Paper>
      <Text size="xs" c="dimmed">{t('networking.publicNow', { fields: values.optedIn && values.publicFields.length ? PUBLIC_FIELDS.filter(isPublic).map((f) => t(`networking.publicFields.${f}`)).join(', ') : t('networking.nothingPublic') })}</Text>
      <ProblemAlert error={error} />
      <Group justify="flex-end"><Button type="submit" loading={saving}>{t('ui.save')}</Button></Group>
    </Form>
  );
}

export const emptyOffer: OfferInput = { kind: 'supplier', side: 'offer', title: '', offered: '', sought: '', hsCodes: [], sectors: [], countries: [] };

/** An offer or request: its type and side, what is offered and sought, products (HS), sectors (ISIC), countries. */
export function OfferForm({ initial, saving, error, onSave, onCancel, children }: { initial: OfferInput; saving: boolean; error: unknown; onSave: (input: OfferInput) => void; onCancel?: () => void; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<OfferInput>(initial);
  const countries = useCountryOptions(i18n.language);
  const errors = error instanceof ApiError ? error.fieldErrors : {};
  const set = <K extends keyof OfferInput>(key: K, value: OfferInput[K]) => setValues((v) => ({ ...v, [key]: value }));
  const listError = (field: string) => errors[field] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1];
  return (
    <Form onSubmit={() => onSave(values)} gap="sm" maw={720}>
      {children}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('networking.kind')} allowDeselect={false} value={values.kind} onChange={(v) => set('kind', (v ?? 'supplier') as OfferInput['kind'])} data={OFFER_KINDS.map((k) => ({ value: k, label: t(`networking.kinds.${k}`) }))} />
        <Select label={t('networking.side')} allowDeselect={false} value={values.side} onChange={(v) => set('side', (v ?? 'offer') as OfferInput['side'])} data={OFFER_SIDES.map((s) => ({ value: s, label: t(`networking.sides.${s}`) }))} />
      </SimpleGrid>
      <TextInput label={t('networking.offerTitle')} required value={values.title} error={errors.title} onChange={(e) => set('title', e.currentTarget.value)} />
      <Textarea label={t('networking.offered')} autosize minRows={2} value={values.offered} error={errors.offered} onChange={(e) => set('offered', e.currentTarget.value)} />
      <Textarea label={t('networking.sought')} autosize minRows={2} value={values.sought} error={errors.sought} onChange={(e) => set('sought', e.currentTarget.value)} />
      <TagsInput label={t('networking.hsCodes')} description={t('networking.hsHelp')} value={values.hsCodes} onChange={(v) => set('hsCodes', v)} error={listError('hsCodes')} />
      <TagsInput label={t('networking.sectors')} description={t('networking.sectorsHelp')} value={values.sectors} onChange={(v) => set('sectors', v)} error={listError('sectors')} />
      <MultiSelect label={t('networking.countries')} searchable data={countries.data ?? []} value={values.countries} onChange={(v) => set('countries', v)} error={listError('countries')} />
      <ProblemAlert error={error} />
      <Group justify="flex-end">
        {onCancel && <Button variant="default" onClick={onCancel}>{t('ui.confirm.cancel')}</Button>}
        <Button type="submit" loading={saving}>{t('ui.save')}</Button>
      </Group>
    </Form>
  );
}
