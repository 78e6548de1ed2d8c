import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgendaPaper } from '../../../contracts/home.js';
import { formatDate, formatDateTime } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { DecisionBadge, DecisionCard } from '../dialogue/DecisionCard.js';
import { MeetingLine } from '../dialogue/MeetingLine.js';
import { fetchOfficialHome, homeKeys } from './api.js';
import { HomeCard, Nothing } from './MemberHome.js';

/** The agenda of coming meetings, meeting by meeting, with the published position papers behind each item. */
function ToRead({ agenda, orgId }: { agenda: AgendaPaper[]; orgId: string }) {
  const { t } = useTranslation();
  const meetings = [...new Map(agenda.map((a) => [a.meeting.id, a.meeting])).values()];
  return (
    <HomeCard title={t('home.official.toRead')}>
      {meetings.length ? (
        <Stack gap="md">
          {meetings.map((m) => (
            <Stack key={m.id} gap={4}>
              <Anchor component={Link} to={`/dialogue/meetings/${m.id}`} size="sm" fw={600}>{m.title}</Anchor>
              <Text size="xs" c="dimmed">{formatDateTime(m.startsAt)} · {m.forumName}</Text>
              <Stack component="ol" gap={4} m={0} pl="md">
                {agenda.filter((a) => a.meeting.id === m.id).map((a) => (
                  <li key={a.item.id}>
                    <Text size="sm">{a.item.title}</Text>
                    {a.item.notes && <Text size="xs" c="dimmed" lineClamp={3} title={a.item.notes}>{a.item.notes}</Text>}
                    {a.papers.map((p) => (
                      // Published papers are public: the tracker serves them as PDF to anyone.
                      <Anchor key={p.id} href={`/reforms/${orgId}/papers/${p.id}`} size="xs" display="block">{t('home.official.paper', { title: p.title })}</Anchor>
                    ))}
                  </li>
                ))}
              </Stack>
            </Stack>
          ))}
        </Stack>
      ) : <Nothing>{t('home.official.nothingToRead')}</Nothing>}
    </HomeCard>
  );
}

/** An official's home, within the forums they sit in: next meetings, decisions they owe, what to read before. */
export function OfficialHome() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const home = useQuery({ queryKey: homeKeys.official, queryFn: fetchOfficialHome });
  if (home.isPending) return <Loading />;
  if (home.error) return <ProblemAlert error={home.error} />;
  const d = home.data;
  return (
    <Stack>
      <PageHeader title={t('home.official.welcome', { name: session?.user.name ?? '' })}>
        <Text size="sm" c="dimmed">{session?.org?.name}</Text>
      </PageHeader>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <HomeCard title={t('dialogue.upcoming')} link={{ to: '/dialogue', label: t('home.official.yourForums') }} count={d.meetings.length}>
          {d.meetings.length ? <Stack gap="xs">{d.meetings.map((m) => <MeetingLine key={m.id} meeting={m} withForum />)}</Stack> : <Nothing>{t('dialogue.noUpcoming')}</Nothing>}
        </HomeCard>
        <ToRead agenda={d.agenda} orgId={session?.org?.id ?? ''} />
      </SimpleGrid>
      <HomeCard title={t('home.official.owed')} count={d.owed.length}>
        {d.owed.length ? (
          <Stack gap="sm">{d.owed.map((decision) => <DecisionCard key={decision.id} decision={decision} showMeeting />)}</Stack>
        ) : <Nothing>{t('home.official.nothingOwed')}</Nothing>}
      </HomeCard>
      <HomeCard title={t('home.official.openInForums')} count={d.openInForums.length}>
        {d.openInForums.length ? (
          <Stack gap="xs">
            {d.openInForums.map((decision) => (
              <Group key={decision.id} justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={0} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                  <Text size="sm">{decision.text}</Text>
                  <Text size="xs" c="dimmed">
                    {t('home.official.owner', { owner: decision.owner })}
                    {decision.dueOn && ` · ${t('home.dueOn', { date: formatDate(decision.dueOn) })}`}
                    {' · '}
                    <Anchor component={Link} to={`/dialogue/meetings/${decision.meeting.id}`} size="xs">{decision.meeting.title}</Anchor>
                  </Text>
                </Stack>
                <DecisionBadge decision={decision} />
              </Group>
            ))}
          </Stack>
        ) : <Nothing>{t('home.official.noOpenDecisions')}</Nothing>}
      </HomeCard>
    </Stack>
  );
}
