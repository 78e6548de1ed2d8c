import { Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hsChapter, OFFER_KINDS, OFFER_SIDES, type FederationOffer } from '../../../contracts/networking.js';
import { countryName, formatDate } from '../../app/format.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { federationOffersPath, networkingKeys } from './api.js';
import { SharedByNote } from './parts.js';

/** An offer or request another organisation shares: what it says, read-only, and whom to call. */
function SharedOfferCard({ offer }: { offer: FederationOffer }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{offer.title}</Text>
        <Text size="sm">{[t(`networking.kinds.${offer.kind}`), t(`networking.sides.${offer.side}`)].join(' · ')}</Text>
        {offer.hsCodes.length > 0 && <Text size="sm" c="dimmed">{offer.hsCodes.map((code) => t('networking.hsWithChapter', { code, chapter: hsChapter(code) })).join(', ')}</Text>}
        {offer.countries.length > 0 && <Text size="sm" c="dimmed">{offer.countries.map(countryName).join(', ')}</Text>}
        {offer.offered && <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{offer.offered}</Text>}
        {offer.sought && <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{offer.sought}</Text>}
        {offer.expiresAt && <Text size="sm" c="dimmed">{t('networking.expiresOn', { date: formatDate(offer.expiresAt) })}</Text>}
        <SharedByNote sharedBy={offer.sharedBy} />
      </Stack>
    </Paper>
  );
}

/** What the umbrella and its branches share with this organisation (issue 18.8): their listed offers and requests, read-only. */
export function FederationOffersTab() {
  const { t } = useTranslation();
  const list = useListParams({ q: '', side: '', kind: '' });
  const offers = useCursorPages<FederationOffer>(networkingKeys.federationOffers, federationOffersPath, list.query);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">{t('networking.federationOffersHelp')}</Text>
      <Group gap="xs" wrap="wrap" align="flex-end">
        <TextInput w={{ base: '100%', sm: 240 }} label={t('networking.search')} value={list.values.q} onChange={(e) => list.set('q', e.currentTarget.value)} />
        <Select w={{ base: '100%', sm: 180 }} label={t('networking.side')} clearable data={OFFER_SIDES.map((s) => ({ value: s, label: t(`networking.sides.${s}`) }))} value={list.values.side || null} onChange={(v) => list.set('side', v ?? '')} />
        <Select w={{ base: '100%', sm: 220 }} label={t('networking.kind')} clearable data={OFFER_KINDS.map((k) => ({ value: k, label: t(`networking.kinds.${k}`) }))} value={list.values.kind || null} onChange={(v) => list.set('kind', v ?? '')} />
      </Group>
      <ProblemAlert error={offers.error} />
      {offers.isPending ? <Loading /> : !offers.items.length && <EmptyState>{t('networking.noFederationOffers')}</EmptyState>}
      {offers.items.map((o) => <SharedOfferCard key={`${o.sharedBy.orgId}:${o.id}`} offer={o} />)}
      <LoadMore hasMore={Boolean(offers.hasNextPage)} loading={offers.isFetchingNextPage} onLoad={() => void offers.fetchNextPage()} />
    </Stack>
  );
}
