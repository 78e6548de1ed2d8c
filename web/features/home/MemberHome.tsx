import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FirmConsultation, MemberHome as MemberHomeData } from '../../../contracts/home.js';
import { formatDate, formatDateTime, orgToday } from '../../app/format.js';
import { formatMoney, formatNumber } from '../../app/money.js';
import { useCan, useSession } from '../../app/session.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { StatusBadge } from '../members/StatusBadge.js';
import { fetchMemberHome, homeKeys, openConsultationAnswer } from './api.js';

/** A card of a home page: a title, a link to the whole list, and what to say when there is nothing. */
export function HomeCard({ title, link, count, children }: { title: string; link?: { to: string; label: string }; count?: number; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Title order={2} size="h4">{title}</Title>
          {count !== undefined && count > 0 && <Badge variant="light">{formatNumber(count)}</Badge>}
        </Group>
        {link && <Anchor component={Link} to={link.to} size="sm">{link.label}</Anchor>}
      </Group>
      {children}
    </Paper>
  );
}

export function Nothing({ children }: { children: ReactNode }) {
  return <Text size="sm" c="dimmed">{children}</Text>;
}

function ConsultationLine({ consultation }: { consultation: FirmConsultation }) {
  const { t } = useTranslation();
  const open = useMutation({
    mutationFn: () => openConsultationAnswer(consultation.id),
    // The respondent page is its own light app (/r/…): the browser goes there.
    onSuccess: ({ url }) => window.location.assign(url),
  });
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0} style={{ minWidth: 0, flex: '1 1 12rem' }}>
          <Text size="sm" fw={600}>{consultation.title}</Text>
          <Text size="xs" c="dimmed">
            {consultation.closesOn ? t('home.member.closesOn', { date: formatDate(consultation.closesOn) }) : t('home.member.noClosingDate')}
            {' · '}
            {t(`home.member.answerStates.${consultation.answer}`)}
          </Text>
        </Stack>
        <Button size="xs" onClick={() => open.mutate()} loading={open.isPending}>
          {consultation.answer === 'draft' ? t('home.member.continueAnswer') : t('home.member.answer')}
        </Button>
      </Group>
      <ProblemAlert error={open.error} />
    </Stack>
  );
}

function Membership({ data, currency }: { data: MemberHomeData; currency: string }) {
  const { t } = useTranslation();
  const today = orgToday();
  const renewal = data.firm.renewalDueOn;
  const owed = data.invoicesDue.reduce((sum, i) => sum + i.amount - i.paid, 0);
  return (
    <HomeCard title={t('home.member.membership')} link={{ to: '/my-firm', label: t('home.member.openFirm') }} count={data.invoicesDue.length}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <StatusBadge status={data.firm.status} />
          {data.firm.joinedOn && <Text size="sm">{t('home.member.memberSince', { date: formatDate(data.firm.joinedOn) })}</Text>}
        </Group>
        {renewal && (
          <Text size="sm" c={renewal < today ? 'red.8' : undefined}>
            {renewal < today ? t('home.member.renewalPast', { date: formatDate(renewal) }) : t('home.member.renewalOn', { date: formatDate(renewal) })}
          </Text>
        )}
        {data.invoicesDue.length ? (
          <>
            <Text size="sm" fw={600}>{t('home.member.toPay', { amount: formatMoney(owed, data.invoicesDue[0]?.currency ?? currency) })}</Text>
            {data.invoicesDue.map((i) => (
              <Group key={i.id} justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm">{t('home.member.invoice', { number: i.number })} · {formatMoney(i.amount - i.paid, i.currency)}</Text>
                <Badge variant="light" color={i.dueOn < today ? 'red' : 'gray'}>
                  {i.dueOn < today ? t('home.member.overdueSince', { date: formatDate(i.dueOn) }) : t('home.dueOn', { date: formatDate(i.dueOn) })}
                </Badge>
              </Group>
            ))}
            <Text size="xs" c="dimmed">{t('home.member.howToPay')}</Text>
          </>
        ) : <Nothing>{t('home.member.nothingToPay')}</Nothing>}
      </Stack>
    </HomeCard>
  );
}

function Issues({ data }: { data: MemberHomeData }) {
  const { t } = useTranslation();
  return (
    <HomeCard title={t('home.member.issues')} link={{ to: '/issues', label: t('home.member.raiseOrJoin') }}>
      {data.issues.length ? (
        <Stack gap="sm">
          {data.issues.map((i) => (
            <Stack key={i.id} gap={2}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Anchor component={Link} to={`/issues/${i.id}`} size="sm" fw={600} style={{ minWidth: 0, flex: '1 1 12rem' }}>{i.title}</Anchor>
                <Badge variant="light" color={i.status === 'forwarded' ? 'teal' : i.status === 'declined' ? 'gray' : 'blue'}>{t(`intake.statuses.${i.status}`)}</Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {t('home.member.firmsShare', { count: i.affectedFirms })} · {t('home.member.updated', { date: formatDate(i.updatedAt) })}
              </Text>
              {i.mergedInto && (
                <Text size="xs">{t('home.member.mergedInto')} <Anchor component={Link} to={`/issues/${i.mergedInto.id}`} size="xs">{i.mergedInto.title}</Anchor></Text>
              )}
              {i.responseNote && <Text size="xs">{t('intake.responseFromChamber')}: {i.responseNote}</Text>}
            </Stack>
          ))}
        </Stack>
      ) : <Nothing>{t('home.member.noIssues')}</Nothing>}
    </HomeCard>
  );
}

/** What comes next: the events the firm's people hold a seat or wait for, then a few it may register for. */
function ComingEvents({ data }: { data: MemberHomeData }) {
  const { t } = useTranslation();
  return (
    <HomeCard title={t('home.member.events')} link={{ to: '/events', label: t('home.member.allEvents') }}>
      {data.events.length ? (
        <Stack gap="xs">
          {data.events.map((e) => (
            <Group key={e.id} justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                <Anchor component={Link} to={`/events/${e.id}`} size="sm" fw={600}>{e.title}</Anchor>
                <Text size="xs" c="dimmed">{[formatDateTime(e.startsAt), e.venue].filter(Boolean).join(' · ')}</Text>
              </Stack>
              {e.registered > 0 && <Badge variant="light" color="teal">{t('home.member.seats', { count: e.registered })}</Badge>}
              {e.waiting > 0 && <Badge variant="light" color="yellow">{t('home.member.waiting', { count: e.waiting })}</Badge>}
              {e.registered + e.waiting === 0 && <Badge variant="light" color="gray">{t('home.member.openToRegister')}</Badge>}
            </Group>
          ))}
        </Stack>
      ) : <Nothing>{t('home.member.noEvents')}</Nothing>}
    </HomeCard>
  );
}

/** A member firm's home: what is asked of it, what it owes, what became of the issues it raised, what comes next. */
export function MemberHome() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const can = useCan();
  // Fetched ahead with the session on a first load (home-choice.ts): a few seconds' old answer is not fetched again on mount.
  const home = useQuery({ queryKey: homeKeys.member, queryFn: fetchMemberHome, retry: false, staleTime: 5_000 });
  if (home.isPending) return <Loading />;
  if (home.error) return <ProblemAlert error={home.error} />;
  const d = home.data;
  return (
    <Stack>
      <PageHeader title={d.firm.legalName}>
        <Text size="sm" c="dimmed">{session?.org?.name}</Text>
      </PageHeader>
      <HomeCard title={t('home.member.askedOfYou')} count={d.consultations.length}>
        {d.consultations.length ? (
          <Stack gap="sm">{d.consultations.map((c) => <ConsultationLine key={c.id} consultation={c} />)}</Stack>
        ) : <Nothing>{t('home.member.noConsultations')}</Nothing>}
        {d.answered > 0 && <Text size="xs" c="dimmed" mt="xs">{t('home.member.answered', { count: d.answered })}</Text>}
      </HomeCard>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Membership data={d} currency={session?.org?.currency ?? ''} />
        <Issues data={d} />
      </SimpleGrid>
      {can('events.read') && <ComingEvents data={d} />}
    </Stack>
  );
}
