import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/format.js';
import { advocacyKeys, fetchOverdueActions } from '../advocacy/api.js';
import { dialogueKeys, fetchUpcomingMeetings } from '../dialogue/api.js';
import { MeetingLine } from '../dialogue/MeetingLine.js';

const SHOWN = 6;

/** The next meetings of the forums the person sits in or runs: for an official, the way in. */
export function UpcomingMeetingsCard() {
  const { t } = useTranslation();
  const upcoming = useQuery({ queryKey: dialogueKeys.upcoming, queryFn: fetchUpcomingMeetings });
  const items = upcoming.data?.items ?? [];
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">{t('dialogue.upcoming')}</Title>
        <Anchor component={Link} to="/dialogue" size="sm">{t('home.openDialogue')}</Anchor>
      </Group>
      {items.length ? <Stack gap="xs">{items.slice(0, SHOWN).map((m) => <MeetingLine key={m.id} meeting={m} withForum />)}</Stack>
        : <Text size="sm" c="dimmed">{upcoming.isPending ? t('ui.loading') : t('dialogue.noUpcoming')}</Text>}
    </Paper>
  );
}

/** Advocacy work past its deadline, across issues, and the person's own share of it. */
export function OverdueActivitiesCard() {
  const { t } = useTranslation();
  const overdue = useQuery({ queryKey: advocacyKeys.overdueActions, queryFn: fetchOverdueActions });
  const items = overdue.data?.items ?? [];
  // More than a page overdue reads "200+", not a count that stops at the page's size.
  const total = overdue.data?.nextCursor ? `${items.length}+` : String(items.length);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">{t('home.overdueActivities')}</Title>
        {items.length > 0 && <Badge color="red" variant="light">{total}</Badge>}
      </Group>
      {items.length ? (
        <Stack gap="xs">
          {items.slice(0, SHOWN).map((a) => (
            <div key={a.id}>
              <Text size="sm" fw={500}>{a.title}</Text>
              <Text size="xs" c="dimmed">
                {t('home.dueOn', { date: formatDate(a.dueOn) })} · {a.owner?.name ?? t('home.noOwner')} ·{' '}
                <Anchor component={Link} to={`/advocacy/${a.issueId}?tab=plan`} size="xs" underline="always">{a.issueTitle}</Anchor>
              </Text>
            </div>
          ))}
          {items.length > SHOWN && <Text size="xs" c="dimmed">{t('home.andMore', { n: overdue.data?.nextCursor ? `${items.length - SHOWN}+` : items.length - SHOWN })}</Text>}
        </Stack>
      ) : <Text size="sm" c="dimmed">{overdue.isPending ? t('ui.loading') : t('home.nothingOverdue')}</Text>}
    </Paper>
  );
}
