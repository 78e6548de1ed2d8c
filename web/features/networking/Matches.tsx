import { Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { createIntroduction, fetchMatches, fetchWhyNot, networkingKeys } from './api.js';
import { FirmPicker, MatchCard, ReasonText } from './parts.js';

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
/** The firms that match an offer or a firm, best first, each with its reasons; staff introduce one from an offer. */
export function Matches({ kind, id, introduceFrom }: { kind: 'offer' | 'firm'; id: string; introduceFrom?: { firmA: string; offerId: string | null } }) {
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
            <MatchCard key={`${m.memberId}-${m.offer?.id ?? ''}`} match={m} extra={introduceFrom && !m.sharedBy && can('networking.manage') && (
              <Group><Button size="sm" variant="light" loading={introduce.isPending && introduce.variables === m.memberId} onClick={() => introduce.mutate(m.memberId)}>{t('networking.introduce')}</Button></Group>
            )} />
          ))}
        </SimpleGrid>
      )}
      <WhyNotBox kind={kind} id={id} />
    </Stack>
  );
}
