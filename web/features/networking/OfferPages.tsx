import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { OFFER_KINDS, OFFER_SIDES, OFFER_SORTS, OFFER_STATES, type Offer } from '../../../contracts/networking.js';
import { ApiError } from '../../app/api.js';
import { useCan } from '../../app/session.js';
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
import { useTabParam } from '../../ui/use-tab-param.js';
import { createIntroduction, fetchInterests, fetchOffer, moveOffer, networkingKeys, offersPath, returnOffer } from './api.js';
import { FederationOffersTab } from './FederationOffers.js';
import { IntroductionList } from './IntroductionList.js';
import { Matches } from './Matches.js';
import { linkStyle, OfferCard, stateColor } from './parts.js';
import { NewOfferForFirm } from './StaffForms.js';

/**
 * Cooperation offers and requests: the review queue first (submitted), then
 * any state; a second tab holds those the federation's other organisations share.
 */
export function OffersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const tabs = useTabParam('ours');
  return (
    <>
      <PageHeader title={t('nav.networkingOffers')}>
        {can('networking.manage') && !adding && tabs.value === 'ours' && <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>{t('networking.enterOffer')}</Button>}
      </PageHeader>
      <Tabs {...tabs} keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          <Tabs.Tab value="ours" mih={44}>{t('networking.ourOffers')}</Tabs.Tab>
          <Tabs.Tab value="federation" mih={44}>{t('networking.federation')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="ours" pt="sm"><OwnOffers adding={adding} onClose={() => setAdding(false)} /></Tabs.Panel>
        <Tabs.Panel value="federation" pt="sm"><FederationOffersTab /></Tabs.Panel>
      </Tabs>
    </>
  );
}

function OwnOffers({ adding, onClose }: { adding: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const list = useListParams({ state: 'submitted', side: '', kind: '', sort: '-updated' });
  const offers = useCursorPages<Offer>(networkingKeys.offers, offersPath, list.query);
  const interests = useQuery({ queryKey: networkingKeys.interests, queryFn: fetchInterests });
  return (
    <>
      <Stack>
        <Group justify="flex-end"><ExportMenu path={offersPath} query={list.query} /></Group>
        <Text size="sm" c="dimmed">{t('networking.offersIntro')}</Text>
        {adding && <NewOfferForFirm onCancel={onClose} />}
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
