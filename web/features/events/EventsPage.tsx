import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Tabs, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EVENT_KINDS, EVENT_SORTS, type EventSummary } from '../../../contracts/events.js';
import { currentFormat, orgToday } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { eventKeys, eventsPath } from './api.js';
import { FederationEventsTab } from './FederationEvents.js';

const stateColor = { draft: 'gray', published: 'teal', cancelled: 'red' } as const;

/** When an event runs, on the organisation's clock: its day and hours, or its first and last day. */
export function eventWhen(e: Pick<EventSummary, 'startsAt' | 'endsAt'>) {
  const f = currentFormat();
  const [from, to] = [f.date(e.startsAt), f.date(e.endsAt)];
  return from === to ? `${from}, ${f.time(e.startsAt)}–${f.time(e.endsAt)}` : `${from} – ${to}`;
}

/** Seats taken and left, and who waits: "12 of 30 seats · 3 waiting". */
export function SeatLine({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  if (event.external) return <Text size="sm" c="dimmed">{event.organiser ? t('events.organisedBy', { organiser: event.organiser }) : t('events.externalHint')}</Text>;
  return (
    <Text size="sm" c="dimmed">
      {event.capacity === null ? t('events.seatsOpen', { count: event.registered }) : t('events.seatsOf', { taken: event.registered, capacity: event.capacity })}
      {event.waiting > 0 && ` · ${t('events.waitingCount', { count: event.waiting })}`}
      {event.attended > 0 && ` · ${t('events.attendedCount', { count: event.attended })}`}
    </Text>
  );
}

function EventCard({ event }: { event: EventSummary }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/events/${event.id}`} fw={600} style={{ minHeight: 44, display: 'inline-flex', alignItems: 'center' }}>{event.title}</Anchor>
          <Group gap={4} wrap="nowrap">
            {event.external && <Badge variant="outline">{t('events.external')}</Badge>}
            {(event.state !== 'published' || can('events.manage')) && <Badge color={stateColor[event.state]} variant="light">{t(`events.states.${event.state}`)}</Badge>}
          </Group>
        </Group>
        <Text size="sm">{eventWhen(event)}</Text>
        <Text size="sm" c="dimmed">{[t(`events.kinds.${event.kind}`), event.venue || (event.onlineUrl ? t('events.online') : ''), event.branch?.name].filter(Boolean).join(' · ')}</Text>
        <SeatLine event={event} />
      </Stack>
    </Paper>
  );
}

/** The calendar: the organisation's events and others' fairs, by date, upcoming first; and a tab of what the federation shares. */
export function EventsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const params = useListParams({ when: 'upcoming', kind: '', sort: 'starts' });
  const { when, kind, sort } = params.values;
  const { when: _when, ...filters } = params.query;
  const query = { ...filters, from: when === 'upcoming' ? orgToday() : undefined };
  const list = useCursorPages<EventSummary>([...eventKeys.list], eventsPath, query);
  // Grouped by month, as a wall calendar reads.
  const months = new Map<string, EventSummary[]>();
  for (const e of list.items) {
    const month = new Intl.DateTimeFormat(currentFormat().locale, { month: 'long', year: 'numeric', timeZone: currentFormat().timeZone }).format(new Date(e.startsAt));
    months.set(month, [...(months.get(month) ?? []), e]);
  }
  return (
    <>
      <PageHeader title={t('nav.events')}>
        {can('events.manage') && <ExportMenu path={eventsPath} query={query} />}
        {can('events.manage') && <Button component={Link} to="/events/new" leftSection={<IconPlus size={16} />}>{t('events.add')}</Button>}
      </PageHeader>
      <Tabs defaultValue="ours" keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="ours" mih={44}>{t('events.ourCalendar')}</Tabs.Tab>
          <Tabs.Tab value="federation" mih={44}>{t('events.federation')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="federation"><FederationEventsTab /></Tabs.Panel>
        <Tabs.Panel value="ours">
          <Stack>
            <Text size="sm" c="dimmed">{t('events.intro')}</Text>
            <Group align="flex-end">
              <SegmentedControl value={when} onChange={(v) => params.set('when', v)} data={[{ value: 'upcoming', label: t('events.upcoming') }, { value: 'all', label: t('events.all') }]} />
              <Select aria-label={t('events.kind')} placeholder={t('events.anyKind')} clearable value={kind || null} onChange={(v) => params.set('kind', v ?? '')} data={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))} />
              <Select aria-label={t('events.sort')} allowDeselect={false} value={sort} onChange={(v) => params.set('sort', v ?? 'starts')} data={EVENT_SORTS.flatMap((c) => [c, `-${c}`]).map((v) => ({ value: v, label: t(`events.sorts.${v}`) }))} />
            </Group>
            <ProblemAlert error={list.error} />
            {list.isPending ? <Loading /> : list.items.length === 0 ? <EmptyState>{can('events.manage') ? t('events.noneStaff') : t('events.none')}</EmptyState> : (
              [...months].map(([month, items]) => (
                <Stack key={month} gap="xs">
                  <Text fw={700} size="sm" tt="uppercase" c="dimmed">{month}</Text>
                  {items.map((e) => <EventCard key={e.id} event={e} />)}
                </Stack>
              ))
            )}
            <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
