import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { IconExternalLink, IconSettings } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DIRECTORY_SORTS, PROFILE_STATES, SIZE_CLASSES, type Profile } from '../../../contracts/networking.js';
import { formatDate } from '../../app/format.js';
import { useRegionChoices, useRegionName } from '../../app/reference.js';
import { useCan, useSession } from '../../app/session.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { useTabParam } from '../../ui/use-tab-param.js';
import { fetchOrg, orgKeys } from '../orgs/api.js';
import { fetchProfile, networkingKeys, profilesPath, saveProfile } from './api.js';
import { Matches } from './Matches.js';
import { linkStyle, ProfileForm, ProfileSummary } from './parts.js';

/** The directory of member firms' profiles for staff, and one firm's profile. */

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
