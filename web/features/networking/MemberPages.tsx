import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OFFER_KINDS, type Offer, type OfferDetail } from '../../../contracts/networking.js';
import { formatDate } from '../../app/format.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { createMyOffer, expressInterest, fetchMyInterests, fetchMyProfile, marketPath, moveMyOffer, myOffersPath, networkingKeys, saveMyProfile, updateMyOffer } from './api.js';
import { emptyOffer, OfferForm, ProfileForm, stateColor } from './parts.js';

/** The member firm's own directory profile, with a public switch per field. */
export function MyProfilePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const profile = useQuery({ queryKey: networkingKeys.myProfile, queryFn: fetchMyProfile });
  const save = useMutation({
    mutationFn: saveMyProfile,
    onSuccess: (saved) => { queryClient.setQueryData(networkingKeys.myProfile, saved); notify(t('ui.saved')); },
  });
  return (
    <>
      <PageHeader title={t('nav.networkingMyProfile')} />
      <Stack>
        <Text size="sm" c="dimmed">{t('networking.myProfileIntro')}</Text>
        {profile.isPending ? <Loading /> : !profile.data ? <ProblemAlert error={profile.error} /> : (
          <>
            <Group gap="xs">
              <Badge variant="light" color={profile.data.state === 'published' ? 'teal' : profile.data.state === 'expired' ? 'red' : 'gray'}>{t(`networking.profileStates.${profile.data.state}`)}</Badge>
              {profile.data.expiresAt && <Text size="sm" c="dimmed">{t('networking.expiresOn', { date: formatDate(profile.data.expiresAt) })}</Text>}
            </Group>
            <ProfileForm key={profile.data.updatedAt ?? 'new'} profile={profile.data} saving={save.isPending} error={save.error} onSave={(input) => save.mutate(input)} />
          </>
        )}
      </Stack>
    </>
  );
}

function MyOffer({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refresh = async () => queryClient.invalidateQueries({ queryKey: networkingKeys.all });
  const move = useMutation({ mutationFn: (action: 'submit' | 'withdraw' | 'renew') => moveMyOffer(offer.id, action), onSuccess: refresh });
  const save = useMutation({ mutationFn: (input: Parameters<typeof updateMyOffer>[1]) => updateMyOffer(offer.id, input), onSuccess: async () => { setEditing(false); await refresh(); } });
  const editable = offer.state === 'draft' || offer.state === 'returned';
  if (editing) {
    return (
      <Paper withBorder p="sm">
        <OfferForm initial={offer} saving={save.isPending} error={save.error} onSave={(input) => save.mutate(input)} onCancel={() => setEditing(false)} />
      </Paper>
    );
  }
  return (
    <Stack gap={4}>
      <Paper withBorder p="sm">
        <Stack gap={4}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text fw={600}>{offer.title}</Text>
            <Badge color={stateColor[offer.state]} variant="light">{t(`networking.states.${offer.state}`)}</Badge>
          </Group>
          <Text size="sm">{[t(`networking.kinds.${offer.kind}`), t(`networking.sides.${offer.side}`)].join(' · ')}</Text>
          {offer.state === 'returned' && offer.returnReason && <Text size="sm" c="orange.9">{t('networking.returnedBecause', { reason: offer.returnReason })}</Text>}
          {offer.expiresAt && <Text size="sm" c="dimmed">{t('networking.expiresOn', { date: formatDate(offer.expiresAt) })}</Text>}
          {offer.interests > 0 && <Text size="sm">{t('networking.interestCount', { count: offer.interests })}</Text>}
          <ProblemAlert error={move.error} />
          <Group gap="xs">
            {editable && <Button size="sm" variant="default" onClick={() => setEditing(true)}>{t('networking.edit')}</Button>}
            {editable && <Button size="sm" onClick={() => move.mutate('submit')} loading={move.isPending}>{t('networking.submit')}</Button>}
            {(offer.state === 'published' || offer.state === 'expired') && <Button size="sm" variant="light" onClick={() => move.mutate('renew')} loading={move.isPending}>{t('networking.renew')}</Button>}
            {offer.state !== 'withdrawn' && <ConfirmButton size="sm" label={t('networking.withdraw')} question={t('networking.withdrawQuestion')} onConfirm={() => move.mutateAsync('withdraw')} loading={move.isPending} />}
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** The member firm's own offers and requests: write, submit for review, renew, withdraw. */
export function MyOffersPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const list = useListParams({ sort: '-updated' });
  const offers = useCursorPages<Offer>(networkingKeys.myOffers, myOffersPath, list.query);
  const create = useMutation({
    mutationFn: createMyOffer,
    onSuccess: async (_: OfferDetail) => { setAdding(false); await queryClient.invalidateQueries({ queryKey: networkingKeys.all }); notify(t('networking.offerCreated')); },
  });
  return (
    <>
      <PageHeader title={t('nav.networkingMyOffers')}>
        {!adding && <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{t('networking.addOffer')}</Button>}
      </PageHeader>
      <Stack>
        <Text size="sm" c="dimmed">{t('networking.myOffersIntro')}</Text>
        {adding && <Paper withBorder p="sm"><OfferForm initial={emptyOffer} saving={create.isPending} error={create.error} onSave={(input) => create.mutate(input)} onCancel={() => setAdding(false)} /></Paper>}
        <ProblemAlert error={offers.error} />
        {offers.isPending ? <Loading /> : !offers.items.length ? <EmptyState>{t('networking.noOwnOffers')}</EmptyState> : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>{offers.items.map((o) => <MyOffer key={o.id} offer={o} />)}</SimpleGrid>
        )}
        <LoadMore hasMore={!!offers.hasNextPage} loading={offers.isFetchingNextPage} onLoad={() => void offers.fetchNextPage()} />
      </Stack>
    </>
  );
}

function InterestButton({ offer, done }: { offer: Offer; done: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const send = useMutation({
    mutationFn: () => expressInterest(offer.id, message),
    onSuccess: async () => { setOpen(false); await queryClient.invalidateQueries({ queryKey: networkingKeys.all }); notify(t('networking.interestSent')); },
  });
  if (done) return <Text size="sm" c="teal.9">{t('networking.interestAlready')}</Text>;
  if (!open) return <Group><Button size="sm" variant="light" onClick={() => setOpen(true)}>{t('networking.interested')}</Button></Group>;
  return (
    <Stack gap="xs">
      <Textarea label={t('networking.interestMessage')} autosize minRows={2} value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
      <ProblemAlert error={send.error} />
      <Group gap="xs">
        <Button size="sm" variant="default" onClick={() => setOpen(false)}>{t('ui.confirm.cancel')}</Button>
        <Button size="sm" onClick={() => send.mutate()} loading={send.isPending}>{t('networking.sendInterest')}</Button>
      </Group>
    </Stack>
  );
}

/** Other firms' published offers, the firm's expressions of interest and the introductions the chamber made for it. */
export function MarketPage() {
  const { t } = useTranslation();
  const list = useListParams({ kind: '', sort: '-updated' });
  const offers = useCursorPages<Offer>(networkingKeys.market, marketPath, list.query);
  const mine = useQuery({ queryKey: networkingKeys.myInterests, queryFn: fetchMyInterests });
  const interested = new Set(mine.data?.interests.map((i) => i.offerId));
  return (
    <>
      <PageHeader title={t('nav.networkingMarket')} />
      <Stack>
        <Text size="sm" c="dimmed">{t('networking.marketIntro')}</Text>
        <Group align="flex-end">
          <Select label={t('networking.kind')} clearable data={OFFER_KINDS.map((k) => ({ value: k, label: t(`networking.kinds.${k}`) }))} value={list.values.kind || null} onChange={(v) => list.set('kind', v ?? '')} />
        </Group>
        <ProblemAlert error={offers.error ?? mine.error} />
        {offers.isPending ? <Loading /> : !offers.items.length ? <EmptyState>{t('networking.noMarket')}</EmptyState> : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {offers.items.map((o) => (
              <Paper key={o.id} withBorder p="sm">
                <Stack gap={4}>
                  <Text fw={600}>{o.title}</Text>
                  <Text size="sm">{[o.firmName, t(`networking.kinds.${o.kind}`), t(`networking.sides.${o.side}`)].join(' · ')}</Text>
                  {o.offered && <Text size="sm"><b>{t('networking.offered')}:</b> {o.offered}</Text>}
                  {o.sought && <Text size="sm"><b>{t('networking.sought')}:</b> {o.sought}</Text>}
                  <InterestButton offer={o} done={interested.has(o.id)} />
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        )}
        <LoadMore hasMore={!!offers.hasNextPage} loading={offers.isFetchingNextPage} onLoad={() => void offers.fetchNextPage()} />
        <Title order={2} size="h4">{t('networking.myInterests')}</Title>
        {mine.isPending ? <Loading /> : !mine.data?.interests.length ? <EmptyState>{t('networking.noOwnInterests')}</EmptyState> : (
          <Stack gap="xs">
            {mine.data.interests.map((i) => (
              <Paper key={i.id} withBorder p="sm">
                <Group justify="space-between"><Text size="sm">{i.offerTitle}</Text><Badge variant="light">{t(`networking.interestStates.${i.state}`)}</Badge></Group>
              </Paper>
            ))}
          </Stack>
        )}
        <Title order={2} size="h4">{t('networking.myIntroductions')}</Title>
        {!mine.data?.introductions.length ? <EmptyState>{t('networking.noIntroductions')}</EmptyState> : (
          <Stack gap="xs">
            {mine.data.introductions.map((i) => (
              <Paper key={i.id} withBorder p="sm">
                <Group justify="space-between"><Text size="sm">{i.firmA.name} ↔ {i.firmB.name}</Text><Badge variant="light">{t(`networking.introductionStates.${i.state}`)}</Badge></Group>
                {i.offer && <Text size="sm" c="dimmed">{i.offer.title}</Text>}
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}

