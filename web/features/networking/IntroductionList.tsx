import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NEXT_INTRODUCTION_STATES, type Introduction } from '../../../contracts/networking.js';
import { formatDate } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { moveIntroduction, networkingKeys } from './api.js';
import { IntroductionFollowUps } from './DealFollowUps.js';
import { linkStyle } from './parts.js';

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
        {/* Planned when the firms met: 3, 6 and 12 months on, each firm is asked whether it led to a deal. */}
        {['met', 'deal', 'no_deal'].includes(intro.state) && <IntroductionFollowUps introductionId={intro.id} />}
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

/** Introductions, newest change first, or that there are none. */
export function IntroductionList({ items }: { items: Introduction[] }) {
  const { t } = useTranslation();
  if (!items.length) return <EmptyState>{t('networking.noIntroductions')}</EmptyState>;
  return <Stack gap="xs">{items.map((i) => <IntroductionCard key={i.id} intro={i} />)}</Stack>;
}
