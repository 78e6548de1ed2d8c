import { Anchor, Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconExternalLink, IconPlus, IconSettings } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  DIRECTORY_SORTS, INTRODUCTION_STATES, MATCH_RULES, NEXT_INTRODUCTION_STATES, OFFER_KINDS, OFFER_SIDES, OFFER_SORTS, OFFER_STATES, PROFILE_STATES, SIZE_CLASSES,
  type Introduction, type NetworkingSettings, type Offer, type Profile,
} from '../../../contracts/networking.js';
import { ApiError } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { formatNumber } from '../../app/money.js';
import { useRegionChoices, useRegionName } from '../../app/reference.js';
import { useCan, useSession } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { Form } from '../../ui/Form.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { fetchOrg, orgKeys } from '../orgs/api.js';
import {
  createIntroduction, fetchInterests, fetchMatches, fetchOffer, fetchProfile, fetchSettings, fetchWhyNot, introductionsPath, moveIntroduction, moveOffer, networkingKeys, offersPath,
  profilesPath, returnOffer, saveProfile, saveSettings,
} from './api.js';
import { FirmPicker, linkStyle, MatchCard, OfferCard, ProfileForm, ProfileSummary, ReasonText, stateColor } from './parts.js';
import { useTabParam } from '../../ui/use-tab-param.js';
import { IntroduceTwoFirms, NewOfferForFirm } from './StaffForms.js';

const profileColor = { published: 'teal', expired: 'red', not_listed: 'gray' } as const;

function ProfileCard({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const region = useRegionName([profile.region]);
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/networking/firms/${profile.memberId}`} fw={600} style={linkStyle}>{profile.firmName}</Anchor>
          <Badge color={profileColor[profile.state]} variant="light">{t(`networking.profileStates.${profile.state}`)}</Badge>
        </Group>
        <Text size="sm">{[profile.sector, profile.region ? region(profile.region) : null, profile.size ? t(`members.sizes.${profile.size}`) : null].filter(Boolean).join(' · ')}</Text>
        {profile.offerings.length > 0 && <Text size="sm" c="dimmed">{profile.offerings.map((o) => o.name).join(', ')}</Text>}
        {profile.expiresAt && <Text size="sm" c="dimmed">{t('networking.expiresOn', { date: formatDate(profile.expiresAt) })}</Text>}
      </Stack>
    </Paper>
  );
}

/** The directory of member firms' profiles for staff: search by sector, product (HS), region, export market, certification, size, text. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const can = useCan();
  const session = useSession().data;
  const list = useListParams({ q: '', sector: '', hs: '', region: '', market: '', certification: '', size: '', state: '', sort: '-updated' }, ['q', 'sector', 'hs', 'market', 'certification']);
  const profiles = useCursorPages<Profile>(networkingKeys.profiles, profilesPath, list.query);
  const org = useQuery({ queryKey: orgKeys.org, queryFn: fetchOrg });
  const regions = useRegionChoices(org.data?.regions);
  const orgId = session?.org?.id;
  return (
    <>
      <PageHeader title={t('nav.networkingDirectory')}>
        <ExportMenu path={profilesPath} query={list.query} />
        {orgId && <Button component="a" href={`/directory/${orgId}`} target="_blank" variant="default" leftSection={<IconExternalLink size={16} />}>{t('networking.publicDirectory')}</Button>}
        {can('networking.settings') && <Button component={Link} to="/networking/settings" variant="default" leftSection={<IconSettings size={16} />}>{t('networking.settings')}</Button>}
      </PageHeader>
      <Stack>
        <Text size="sm" c="dimmed">{t('networking.directoryIntro')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <TextInput label={t('networking.search')} value={list.values.q} onChange={(e) => list.set('q', e.currentTarget.value)} />
          <TextInput label={t('networking.sectorFilter')} inputMode="numeric" value={list.values.sector} onChange={(e) => list.set('sector', e.currentTarget.value.trim())} />
          <TextInput label={t('networking.hsFilter')} inputMode="numeric" value={list.values.hs} onChange={(e) => list.set('hs', e.currentTarget.value.trim())} />
          <Select label={t('networking.region')} clearable data={regions} value={list.values.region || null} onChange={(v) => list.set('region', v ?? '')} />
          <TextInput label={t('networking.marketFilter')} maxLength={2} value={list.values.market} onChange={(e) => list.set('market', e.currentTarget.value.toUpperCase())} />
          <TextInput label={t('networking.certifications')} value={list.values.certification} onChange={(e) => list.set('certification', e.currentTarget.value)} />
          <Select label={t('networking.size')} clearable data={SIZE_CLASSES.map((s) => ({ value: s, label: t(`members.sizes.${s}`) }))} value={list.values.size || null} onChange={(v) => list.set('size', v ?? '')} />
          <Select label={t('networking.state')} clearable data={PROFILE_STATES.map((s) => ({ value: s, label: t(`networking.profileStates.${s}`) }))} value={list.values.state || null} onChange={(v) => list.set('state', v ?? '')} />
          <Select label={t('networking.sort')} allowDeselect={false} value={list.values.sort} onChange={(v) => list.set('sort', v ?? '-updated')}
            data={DIRECTORY_SORTS.flatMap((c) => [`-${c}`, c]).map((v) => ({ value: v, label: t(`networking.sorts.${v}`) }))} />
        </SimpleGrid>
        <ProblemAlert error={profiles.error} />
        {profiles.isPending ? <Loading /> : !profiles.items.length ? <EmptyState>{t('networking.noProfiles')}</EmptyState> : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>{profiles.items.map((p) => <ProfileCard key={p.memberId} profile={p} />)}</SimpleGrid>
        )}
        <LoadMore hasMore={!!profiles.hasNextPage} loading={profiles.isFetchingNextPage} onLoad={() => void profiles.fetchNextPage()} />
      </Stack>
    </>
  );
}

/** "Why not" for a named firm: is it among the matches, and if not, what keeps it out. */
function WhyNotBox({ kind, id }: { kind: 'offer' | 'firm'; id: string }) {
  const { t } = useTranslation();
  const [firm, setFirm] = useState('');
  const why = useQuery({ queryKey: networkingKeys.whyNot(kind, id, firm), queryFn: () => fetchWhyNot(kind, id, firm), enabled: !!firm });
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text fw={600} size="sm">{t('networking.whyNotTitle')}</Text>
        <FirmPicker label={t('networking.firm')} value={firm} onChange={setFirm} />
        <ProblemAlert error={why.error} />
        {why.data && (
          <Stack gap={4}>
            <Text size="sm">{why.data.matched ? t('networking.whyNotMatched', { rank: why.data.rank ?? 0 }) : t('networking.whyNotOut')}</Text>
            {why.data.blockers.length > 0 && <ul style={{ margin: 0, paddingInlineStart: '1.1rem' }}>{why.data.blockers.map((b) => <li key={b}><Text size="sm" span>{t(`networking.blockers.${b}`)}</Text></li>)}</ul>}
            {why.data.reasons.length > 0 && <Text size="xs" c="dimmed">{t('networking.whatFits', { score: formatNumber(why.data.score) })}</Text>}
            <ul style={{ margin: 0, paddingInlineStart: '1.1rem' }}>{why.data.reasons.map((r) => <li key={r.rule}><Text size="sm" span><ReasonText reason={r} /></Text></li>)}</ul>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
function Matches({ kind, id, introduceFrom }: { kind: 'offer' | 'firm'; id: string; introduceFrom?: { firmA: string; offerId: string | null } }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const matches = useQuery({ queryKey: networkingKeys.matches(kind, id), queryFn: () => fetchMatches(kind, id) });
  const introduce = useMutation({
    mutationFn: (firmB: string) => createIntroduction({ firmA: introduceFrom!.firmA, firmB, offerId: introduceFrom!.offerId }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: networkingKeys.all });
      notify(t('networking.introduced'));
    },
  });
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('networking.matchesIntro')}</Text>
      <ProblemAlert error={matches.error ?? introduce.error} />
      {matches.isPending ? <Loading /> : !matches.data?.items.length ? <EmptyState>{t('networking.noMatches')}</EmptyState> : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {matches.data.items.map((m) => (
            <MatchCard key={`${m.memberId}-${m.offer?.id ?? ''}`} match={m} extra={introduceFrom && can('networking.manage') && (
              <Group><Button size="sm" variant="light" loading={introduce.isPending && introduce.variables === m.memberId} onClick={() => introduce.mutate(m.memberId)}>{t('networking.introduce')}</Button></Group>
            )} />
          ))}
        </SimpleGrid>
      )}
      <WhyNotBox kind={kind} id={id} />
    </Stack>
  );
}

/** A firm's profile for staff: what it shows, its edit form, its matches. */
export function FirmProfilePage() {
  const { t } = useTranslation();
  const tabs = useTabParam('profile');
  const { id = '' } = useParams();
  const can = useCan();
  const queryClient = useQueryClient();
  const profile = useQuery({ queryKey: networkingKeys.profile(id), queryFn: () => fetchProfile(id) });
  const save = useMutation({
    mutationFn: (input: Parameters<typeof saveProfile>[1]) => saveProfile(id, input),
    onSuccess: async (saved) => {
      queryClient.setQueryData(networkingKeys.profile(id), saved);
      await queryClient.invalidateQueries({ queryKey: networkingKeys.profiles });
      notify(t('ui.saved'));
    },
  });
  if (profile.isPending) return <Loading />;
  if (!profile.data) return <ProblemAlert error={profile.error} />;
  const p = profile.data;
  return (
    <>
      <PageHeader title={p.firmName}>
        <Button component={Link} to={`/members/${p.memberId}`} variant="default">{t('networking.memberRecord')}</Button>
      </PageHeader>
      <Stack>
        <Group gap="xs">
          <Badge color={profileColor[p.state]} variant="light">{t(`networking.profileStates.${p.state}`)}</Badge>
          {p.expiresAt && <Text size="sm" c="dimmed">{t('networking.expiresOn', { date: formatDate(p.expiresAt) })}</Text>}
        </Group>
        <Tabs {...tabs} keepMounted={false}>
          <Tabs.List style={{ flexWrap: 'wrap' }}>
            <Tabs.Tab value="profile">{t('networking.profile')}</Tabs.Tab>
            <Tabs.Tab value="matches">{t('networking.matches')}</Tabs.Tab>
            {can('networking.manage') && <Tabs.Tab value="edit">{t('networking.edit')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="profile" pt="sm"><ProfileSummary profile={p} /></Tabs.Panel>
          <Tabs.Panel value="matches" pt="sm"><Matches kind="firm" id={p.memberId} /></Tabs.Panel>
          {can('networking.manage') && <Tabs.Panel value="edit" pt="sm"><ProfileForm key={p.updatedAt ?? 'new'} profile={p} saving={save.isPending} error={save.error} onSave={(input) => save.mutate(input)} /></Tabs.Panel>}
        </Tabs>
      </Stack>
    </>
  );
}

/** Cooperation offers and requests: the review queue first (submitted), then any state. */
export function OffersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const list = useListParams({ state: 'submitted', side: '', kind: '', sort: '-updated' });
  const offers = useCursorPages<Offer>(networkingKeys.offers, offersPath, list.query);
  const interests = useQuery({ queryKey: networkingKeys.interests, queryFn: fetchInterests });
  return (
    <>
      <PageHeader title={t('nav.networkingOffers')}>
        <ExportMenu path={offersPath} query={list.query} />
        {can('networking.manage') && !adding && <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{t('networking.enterOffer')}</Button>}
      </PageHeader>
      <Stack>
        <Text size="sm" c="dimmed">{t('networking.offersIntro')}</Text>
        {adding && <NewOfferForFirm onCancel={() => setAdding(false)} />}
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Select label={t('networking.state')} clearable placeholder={t('networking.anyState')} data={OFFER_STATES.map((s) => ({ value: s, label: t(`networking.states.${s}`) }))} value={list.values.state || null} onChange={(v) => list.set('state', v ?? '')} />
          <Select label={t('networking.side')} clearable data={OFFER_SIDES.map((s) => ({ value: s, label: t(`networking.sides.${s}`) }))} value={list.values.side || null} onChange={(v) => list.set('side', v ?? '')} />
          <Select label={t('networking.kind')} clearable data={OFFER_KINDS.map((k) => ({ value: k, label: t(`networking.kinds.${k}`) }))} value={list.values.kind || null} onChange={(v) => list.set('kind', v ?? '')} />
          <Select label={t('networking.sort')} allowDeselect={false} value={list.values.sort} onChange={(v) => list.set('sort', v ?? '-updated')}
            data={OFFER_SORTS.flatMap((c) => [`-${c}`, c]).map((v) => ({ value: v, label: t(`networking.sorts.${v}`) }))} />
        </SimpleGrid>
        <ProblemAlert error={offers.error} />
        {offers.isPending ? <Loading /> : !offers.items.length ? <EmptyState>{t('networking.noOffers')}</EmptyState> : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>{offers.items.map((o) => <OfferCard key={o.id} offer={o} to={`/networking/offers/${o.id}`} />)}</SimpleGrid>
        )}
        <LoadMore hasMore={!!offers.hasNextPage} loading={offers.isFetchingNextPage} onLoad={() => void offers.fetchNextPage()} />
        <Title order={2} size="h4">{t('networking.interestsTitle')}</Title>
        {interests.isPending ? <Loading /> : !interests.data?.items.length ? <EmptyState>{t('networking.noInterests')}</EmptyState> : (
          <Stack gap="xs">
            {interests.data.items.map((i) => (
              <Paper key={i.id} withBorder p="sm">
                <Text size="sm"><b>{i.firmName}</b> → <Anchor component={Link} to={`/networking/offers/${i.offerId}`} style={linkStyle}>{i.offerTitle}</Anchor></Text>
                {i.message && <Text size="sm" c="dimmed">{i.message}</Text>}
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}

/** An offer with its review, its matches and reasons, the interest in it and the introductions made on it. */
export function OfferPage() {
  const { t } = useTranslation();
  const tabs = useTabParam('matches');
  const { id = '' } = useParams();
  const can = useCan();
  const queryClient = useQueryClient();
  const offer = useQuery({ queryKey: networkingKeys.offer(id), queryFn: () => fetchOffer(id) });
  const [reason, setReason] = useState('');
  const refresh = async () => queryClient.invalidateQueries({ queryKey: networkingKeys.all });
  const move = useMutation({ mutationFn: (action: 'approve' | 'withdraw' | 'renew') => moveOffer(id, action), onSuccess: refresh });
  const back = useMutation({ mutationFn: () => returnOffer(id, reason), onSuccess: async () => { setReason(''); await refresh(); } });
  const introduce = useMutation({
    mutationFn: (i: { memberId: string; id: string }) => createIntroduction({ firmA: offer.data!.memberId, firmB: i.memberId, offerId: id, interestId: i.id }),
    onSuccess: async () => { await refresh(); notify(t('networking.introduced')); },
  });
  if (offer.isPending) return <Loading />;
  if (!offer.data) return <ProblemAlert error={offer.error} />;
  const o = offer.data;
  const manage = can('networking.manage');
  return (
    <>
      <PageHeader title={o.title} />
      <Stack>
        <Group gap="xs">
          <Badge color={stateColor[o.state]} variant="light">{t(`networking.states.${o.state}`)}</Badge>
          <Text size="sm">{[t(`networking.kinds.${o.kind}`), t(`networking.sides.${o.side}`)].join(' · ')}</Text>
          <Anchor component={Link} to={`/networking/firms/${o.memberId}`} size="sm" style={linkStyle}>{o.firmName}</Anchor>
        </Group>
        <OfferCard offer={o} to={`/networking/offers/${o.id}`} />
        {o.offered && <Text size="sm"><b>{t('networking.offered')}:</b> {o.offered}</Text>}
        {o.sought && <Text size="sm"><b>{t('networking.sought')}:</b> {o.sought}</Text>}
        <ProblemAlert error={move.error ?? back.error ?? introduce.error} />
        {manage && o.state === 'submitted' && (
          <Paper withBorder p="sm">
            <Form onSubmit={() => back.mutate()} gap="xs">
              <Group><Button onClick={() => move.mutate('approve')} loading={move.isPending}>{t('networking.approve')}</Button></Group>
              <Textarea label={t('networking.returnReason')} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
                error={back.error instanceof ApiError ? back.error.fieldErrors.reason : undefined} />
              <Group><Button type="submit" variant="default" loading={back.isPending}>{t('networking.returnOffer')}</Button></Group>
            </Form>
          </Paper>
        )}
        {manage && (o.state === 'published' || o.state === 'expired') && (
          <Group>
            <Button variant="default" onClick={() => move.mutate('renew')} loading={move.isPending}>{t('networking.renew')}</Button>
            <ConfirmButton size="sm" label={t('networking.withdraw')} question={t('networking.withdrawQuestion')} onConfirm={() => move.mutateAsync('withdraw')} loading={move.isPending} />
          </Group>
        )}
        <Tabs {...tabs} keepMounted={false}>
          <Tabs.List style={{ flexWrap: 'wrap' }}>
            <Tabs.Tab value="matches">{t('networking.matches')}</Tabs.Tab>
            <Tabs.Tab value="interest">{t('networking.interestCount', { count: o.interestList.length })}</Tabs.Tab>
            <Tabs.Tab value="introductions">{t('nav.networkingIntroductions')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="matches" pt="sm"><Matches kind="offer" id={o.id} introduceFrom={{ firmA: o.memberId, offerId: o.id }} /></Tabs.Panel>
          <Tabs.Panel value="interest" pt="sm">
            {!o.interestList.length ? <EmptyState>{t('networking.noInterests')}</EmptyState> : (
              <Stack gap="xs">
                {o.interestList.map((i) => (
                  <Paper key={i.id} withBorder p="sm">
                    <Group justify="space-between">
                      <Text size="sm" fw={600}>{i.firmName}</Text>
                      <Badge variant="light">{t(`networking.interestStates.${i.state}`)}</Badge>
                    </Group>
                    {i.message && <Text size="sm" c="dimmed">{i.message}</Text>}
                    {manage && i.state === 'open' && <Button mt="xs" size="sm" variant="light" loading={introduce.isPending} onClick={() => introduce.mutate({ memberId: i.memberId, id: i.id })}>{t('networking.introduce')}</Button>}
                  </Paper>
                ))}
              </Stack>
            )}
          </Tabs.Panel>
          <Tabs.Panel value="introductions" pt="sm"><IntroductionList items={o.introductions} /></Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}

function IntroductionCard({ intro }: { intro: Introduction }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: (state: Introduction['state']) => moveIntroduction(intro.id, state),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: networkingKeys.all }),
  });
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={600}>
            <Anchor component={Link} to={`/networking/firms/${intro.firmA.id}`} style={linkStyle}>{intro.firmA.name}</Anchor>
            {' ↔ '}
            <Anchor component={Link} to={`/networking/firms/${intro.firmB.id}`} style={linkStyle}>{intro.firmB.name}</Anchor>
          </Text>
          <Badge variant="light" color={intro.state === 'deal' ? 'teal' : intro.state === 'no_deal' ? 'gray' : 'blue'}>{t(`networking.introductionStates.${intro.state}`)}</Badge>
        </Group>
        {intro.offer && <Anchor component={Link} to={`/networking/offers/${intro.offer.id}`} size="sm" style={linkStyle}>{intro.offer.title}</Anchor>}
        {intro.note && <Text size="sm" c="dimmed">{intro.note}</Text>}
        <Text size="xs" c="dimmed">{formatDate(intro.updatedAt)}</Text>
        <ProblemAlert error={move.error} />
        {can('networking.manage') && NEXT_INTRODUCTION_STATES[intro.state].length > 0 && (
          <Group gap="xs">
            {NEXT_INTRODUCTION_STATES[intro.state].map((s) => (
              <Button key={s} size="sm" variant={s === 'no_deal' ? 'default' : 'light'} loading={move.isPending && move.variables === s} onClick={() => move.mutate(s)}>{t(`networking.moveTo.${s}`)}</Button>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function IntroductionList({ items }: { items: Introduction[] }) {
  const { t } = useTranslation();
  if (!items.length) return <EmptyState>{t('networking.noIntroductions')}</EmptyState>;
  return <Stack gap="xs">{items.map((i) => <IntroductionCard key={i.id} intro={i} />)}</Stack>;
}

/** Introductions the chamber made, followed from proposed to a deal or none. */
export function IntroductionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const list = useListParams({ state: '', sort: '-updated' });
  const intros = useCursorPages<Introduction>(networkingKeys.introductions, introductionsPath, list.query);
  return (
    <>
      <PageHeader title={t('nav.networkingIntroductions')}>
        {can('networking.manage') && !adding && <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{t('networking.introduceTwo')}</Button>}
      </PageHeader>
      <Stack>
        <Text size="sm" c="dimmed">{t('networking.introductionsIntro')}</Text>
        {adding && <IntroduceTwoFirms onDone={() => setAdding(false)} />}
        <Group align="flex-end">
          <Select label={t('networking.state')} clearable data={INTRODUCTION_STATES.map((s) => ({ value: s, label: t(`networking.introductionStates.${s}`) }))} value={list.values.state || null} onChange={(v) => list.set('state', v ?? '')} />
          <Select label={t('networking.sort')} allowDeselect={false} value={list.values.sort} onChange={(v) => list.set('sort', v ?? '-updated')}
            data={['-updated', 'updated', '-created', 'created'].map((v) => ({ value: v, label: t(`networking.sorts.${v}`) }))} />
        </Group>
        <ProblemAlert error={intros.error} />
        {intros.isPending ? <Loading /> : <IntroductionList items={intros.items} />}
        <LoadMore hasMore={!!intros.hasNextPage} loading={intros.isFetchingNextPage} onLoad={() => void intros.fetchNextPage()} />
      </Stack>
    </>
  );
}

function SettingsForm({ initial }: { initial: NetworkingSettings }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(initial);
  const save = useMutation({
    mutationFn: () => saveSettings(values),
    onSuccess: async (saved) => { queryClient.setQueryData(networkingKeys.settings, saved); await queryClient.invalidateQueries({ queryKey: networkingKeys.all }); notify(t('ui.saved')); },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const num = (v: string | number, fallback: number) => (typeof v === 'number' ? v : Number(v) || fallback);
  return (
    <Form onSubmit={() => save.mutate()} gap="sm" maw={720}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('networking.expiryMonths')} min={1} max={36} value={values.expiryMonths} error={errors.expiryMonths} onChange={(v) => setValues({ ...values, expiryMonths: num(v, 12) })} disabled={!can('networking.settings')} />
        <NumberInput label={t('networking.reminderDays')} min={1} max={90} value={values.reminderDays} error={errors.reminderDays} onChange={(v) => setValues({ ...values, reminderDays: num(v, 30) })} disabled={!can('networking.settings')} />
      </SimpleGrid>
      <Text fw={600} size="sm">{t('networking.weights')}</Text>
      <Text size="xs" c="dimmed">{t('networking.weightsHelp')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {MATCH_RULES.map((r) => (
          <NumberInput key={r} label={t(`networking.rules.${r}`)} min={0} max={100} value={values.weights[r]} error={errors[`weights.${r}`]}
            onChange={(v) => setValues({ ...values, weights: { ...values.weights, [r]: num(v, 0) } })} disabled={!can('networking.settings')} />
        ))}
      </SimpleGrid>
      <ProblemAlert error={save.error} />
      {can('networking.settings') && <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('ui.save')}</Button></Group>}
    </Form>
  );
}

/** How long listings last, when firms are reminded, and the weights of the matching rules. */
export function NetworkingSettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: networkingKeys.settings, queryFn: fetchSettings });
  return (
    <>
      <PageHeader title={t('nav.networkingSettings')} />
      {settings.isPending ? <Loading /> : !settings.data ? <ProblemAlert error={settings.error} /> : <SettingsForm initial={settings.data} />}
    </>
  );
}
