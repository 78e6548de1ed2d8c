import { Alert, Anchor, Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconCalendarStats, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { B2B_PROFILE_FILTERS, B2B_REQUEST_STATES, type B2bMeeting, type B2bOverview, type B2bParticipantRow, type B2bRequest, type B2bSchedule } from '../../../contracts/b2b.js';
import { instantToWallTime, wallTimeToInstant } from '../../../contracts/time.js';
import { ApiError } from '../../app/api.js';
import { currentFormat, formatDate, formatDateTime, orgTimeZone } from '../../app/format.js';
import { DataTable } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { Form } from '../../ui/Form.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { ScrollTable } from '../../ui/ScrollTable.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { b2bKeys, fetchOverview, fetchSeats, meetingsPath, participantsPath, runScheduler, saveSettings } from './api.js';

export const stateColor = { pending: 'yellow', accepted: 'teal', declined: 'gray', cancelled: 'gray', expired: 'orange' } as const;

const wall = (iso: string) => instantToWallTime(iso, orgTimeZone());
const instant = (local: string) => (/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(local) ? wallTimeToInstant(local, orgTimeZone()) : local);

interface SettingsValues { firstSlotAt: string; slotMinutes: number | string; slotCount: number | string; breaks: string; tableCount: number | string; tableNames: string; requestDeadline: string }

/** Breaks typed one a line as "after slot, minutes": "4, 30". */
const breaksOf = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
  const [after, minutes] = l.split(/[,;\s]+/).map(Number);
  return { afterSlot: after ?? 0, minutes: minutes ?? 0 };
});

function SettingsForm({ overview }: { overview: B2bOverview }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const s = overview.settings;
  const [v, setV] = useState<SettingsValues>(() => ({
    firstSlotAt: s ? wall(s.firstSlotAt) : '', slotMinutes: s?.slotMinutes ?? 20, slotCount: s?.slotCount ?? 12,
    breaks: (s?.breaks ?? []).map((b) => `${b.afterSlot}, ${b.minutes}`).join('\n'), tableCount: s?.tableCount ?? 10,
    tableNames: (s?.tableNames ?? []).join('\n'), requestDeadline: s ? wall(s.requestDeadline) : '',
  }));
  const set = (patch: Partial<SettingsValues>) => setV((old) => ({ ...old, ...patch }));
  const save = useMutation({
    mutationFn: () => saveSettings(overview.eventId, {
      firstSlotAt: instant(v.firstSlotAt), slotMinutes: Number(v.slotMinutes), slotCount: Number(v.slotCount), breaks: breaksOf(v.breaks),
      tableCount: Number(v.tableCount), tableNames: v.tableNames.split('\n').map((n) => n.trim()).filter(Boolean), requestDeadline: instant(v.requestDeadline),
    }),
    onSuccess: (o) => {
      queryClient.setQueryData(b2bKeys.overview(overview.eventId), o);
      // A moved deadline changes which requests read as expired; moved slots or tables, where meetings are.
      void queryClient.invalidateQueries({ queryKey: b2bKeys.meetings(overview.eventId) });
      notify(t('ui.saved'));
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Form onSubmit={() => save.mutate()} gap="sm">
      <Title order={2} size="h4">{t('b2b.settings')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput type="datetime-local" label={t('b2b.firstSlotAt')} description={t('events.timesIn', { zone: orgTimeZone() })} required value={v.firstSlotAt} error={errors.firstSlotAt} onChange={(e) => set({ firstSlotAt: e.currentTarget.value })} />
        <NumberInput label={t('b2b.slotMinutes')} min={5} max={240} required value={v.slotMinutes} error={errors.slotMinutes} onChange={(x) => set({ slotMinutes: x })} />
        <NumberInput label={t('b2b.slotCount')} min={1} max={200} required value={v.slotCount} error={errors.slotCount} onChange={(x) => set({ slotCount: x })} />
      </SimpleGrid>
      <Textarea label={t('b2b.breaks')} description={t('b2b.breaksHelp')} autosize minRows={2} value={v.breaks} error={errors.breaks} onChange={(e) => set({ breaks: e.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('b2b.tableCount')} min={1} max={500} required value={v.tableCount} error={errors.tableCount} onChange={(x) => set({ tableCount: x })} />
        <TextInput type="datetime-local" label={t('b2b.requestDeadline')} required value={v.requestDeadline} error={errors.requestDeadline} onChange={(e) => set({ requestDeadline: e.currentTarget.value })} />
      </SimpleGrid>
      <Textarea label={t('b2b.tableNames')} description={t('b2b.tableNamesHelp')} autosize minRows={2} value={v.tableNames} error={errors.tableNames} onChange={(e) => set({ tableNames: e.currentTarget.value })} />
      <ProblemAlert error={save.error} />
      <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{s ? t('ui.save') : t('b2b.open')}</Button></Group>
    </Form>
  );
}

export function Side({ side }: { side: B2bRequest['from'] }) {
  return <>{side.name}{side.firm && <Text span size="xs" c="dimmed"> · {side.firm}</Text>}</>;
}

/** Every request of the event, a meeting once accepted with its slot and table: searched, one state, sorted, paged, in the address and downloaded. */
function Meetings({ eventId, counts }: { eventId: string; counts: B2bOverview['counts'] }) {
  const { t } = useTranslation();
  const list = useListParams({ mq: '', state: '', msort: '-requested' }, ['mq']);
  const { mq, state, msort } = list.values;
  const query = { q: list.query.mq, state: list.query.state, sort: list.query.msort };
  const path = meetingsPath(eventId);
  const meetings = useCursorPages<B2bMeeting>(b2bKeys.meetings(eventId), path, query);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">{t('b2b.requests')}</Title>
        <ExportMenu path={path} query={query} />
      </Group>
      <Text size="sm">{t('b2b.countsLine', { participants: counts.participants, profiles: counts.profiles, pending: counts.pending, accepted: counts.accepted, declined: counts.declined, expired: counts.expired })}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput leftSection={<IconSearch size={16} />} label={t('b2b.searchMeetings')} value={mq} onChange={(e) => list.set('mq', e.currentTarget.value)} />
        <Select label={t('b2b.state')} placeholder={t('b2b.anyState')} clearable value={state || null} onChange={(v) => list.set('state', v ?? '')} data={B2B_REQUEST_STATES.map((s) => ({ value: s, label: t(`b2b.states.${s}`) }))} />
      </SimpleGrid>
      <ProblemAlert error={meetings.error} />
      <DataTable pending={meetings.isPending} empty={meetings.items.length === 0} emptyText={mq || state ? t('b2b.noRequestsMatch') : t('b2b.noRequests')} minWidth={720}
        sort={{ value: msort, onChange: (v) => list.set('msort', v) }}
        headers={[{ label: t('b2b.from'), sort: 'from' }, t('b2b.to'), { label: t('b2b.state'), sort: 'state' }, { label: t('b2b.when'), sort: 'slot' }, { label: t('b2b.requestedOn'), sort: 'requested', firstDescending: true }]}>
        {meetings.items.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td><Side side={r.from} /></Table.Td>
            <Table.Td><Side side={r.to} /></Table.Td>
            <Table.Td><Badge variant="light" color={stateColor[r.state]}>{t(`b2b.states.${r.state}`)}</Badge></Table.Td>
            <Table.Td><Text size="sm">{r.startsAt ? `${currentFormat().time(r.startsAt)} · ${r.tableName ?? ''}` : '—'}</Text></Table.Td>
            <Table.Td><Text size="sm">{formatDate(r.createdAt)}</Text></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={!!meetings.hasNextPage} loading={meetings.isFetchingNextPage} onLoad={() => void meetings.fetchNextPage()} />
    </Stack>
  );
}

/** Who holds a seat, with their requests and meetings: searched, with or without a profile, sorted, paged, in the address and downloaded. */
function Participants({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const list = useListParams({ pq: '', profile: '', psort: 'name' }, ['pq']);
  const { pq, profile, psort } = list.values;
  const query = { q: list.query.pq, profile: list.query.profile, sort: list.query.psort };
  const path = participantsPath(eventId);
  const participants = useCursorPages<B2bParticipantRow>(b2bKeys.participants(eventId), path, query);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">{t('b2b.participants')}</Title>
        <ExportMenu path={path} query={query} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput leftSection={<IconSearch size={16} />} label={t('b2b.searchParticipants')} value={pq} onChange={(e) => list.set('pq', e.currentTarget.value)} />
        <Select label={t('b2b.profile')} clearable value={profile || null} onChange={(v) => list.set('profile', v ?? '')} data={B2B_PROFILE_FILTERS.map((f) => ({ value: f, label: t(`b2b.profileFilters.${f}`) }))} />
      </SimpleGrid>
      <ProblemAlert error={participants.error} />
      <DataTable pending={participants.isPending} empty={participants.items.length === 0} emptyText={pq || profile ? t('b2b.noParticipantsMatch') : t('b2b.noParticipants')} minWidth={760}
        sort={{ value: psort, onChange: (v) => list.set('psort', v) }}
        headers={[{ label: t('b2b.participantName'), sort: 'name' }, t('b2b.offerHeader'), { label: t('b2b.requests'), sort: 'requests', firstDescending: true }, t('b2b.sent'), t('b2b.received'), { label: t('b2b.meetings'), sort: 'meetings', firstDescending: true }]}>
        {participants.items.map((p) => (
          <Table.Tr key={p.registrationId}>
            <Table.Td><Anchor component={Link} to={`/events/${eventId}/b2b/${p.registrationId}`} size="sm">{p.name}</Anchor>{p.firm && <Text size="xs" c="dimmed">{p.firm}</Text>}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}><Text size="sm" lineClamp={2}>{[p.offer, p.seek].filter(Boolean).join(' · ') || '—'}</Text></Table.Td>
            <Table.Td>{p.sent + p.received}</Table.Td>
            <Table.Td>{p.sent}</Table.Td>
            <Table.Td>{p.received}</Table.Td>
            <Table.Td>{p.meetings}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={!!participants.hasNextPage} loading={participants.isFetchingNextPage} onLoad={() => void participants.fetchNextPage()} />
    </Stack>
  );
}

/** Why a meeting found no place, in words with its figures. */
export function reasonText(t: (k: string, o?: Record<string, unknown>) => string, u: B2bSchedule['unplaced'][number]) {
  return t(`b2b.reasons.${u.reason}`, u.params);
}

function Grid({ overview }: { overview: B2bOverview }) {
  const { t } = useTranslation();
  const s = overview.settings!;
  const sch = overview.schedule;
  const cell = new Map(sch.cells.map((c) => [`${c.slot}/${c.table}`, c]));
  // Tables no meeting uses are left out of the grid: a slot uses at most the even bound.
  const used = [...new Set(sch.cells.map((c) => c.table))].sort((a, b) => a - b);
  return (
    <Stack gap="xs">
      <Text size="sm">{t('b2b.resultLine', { placed: sch.placed, accepted: sch.accepted, max: sch.maxTables, bound: sch.evenBound, tables: s.tableCount })}</Text>
      {sch.cells.length > 0 && (
        <ScrollTable minWidth={160 + used.length * 150}>
          <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={4}>
            <Table.Thead><Table.Tr><Table.Th>{t('b2b.slot')}</Table.Th>{used.map((tb) => <Table.Th key={tb}>{t('b2b.tableName', { name: s.tables[tb] })}</Table.Th>)}</Table.Tr></Table.Thead>
            <Table.Tbody>
              {s.slots.map((slot) => (
                <Table.Tr key={slot.index}>
                  <Table.Th scope="row">{currentFormat().time(slot.startsAt)}</Table.Th>
                  {used.map((tb) => {
                    const c = cell.get(`${slot.index}/${tb}`);
                    return <Table.Td key={tb}>{c ? <><div>{c.a}</div><div>{c.b}</div></> : ''}</Table.Td>;
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <Title order={3} size="h5">{t('b2b.unplaced')}</Title>
      {sch.unplaced.length === 0 ? <Text size="sm" c="dimmed">{t('b2b.noUnplaced')}</Text> : (
        <Stack gap={4} component="ul" style={{ paddingInlineStart: '1.2rem', margin: 0 }}>
          {sch.unplaced.map((u) => <li key={u.requestId}><Text size="sm"><b>{u.a}</b> — <b>{u.b}</b>: {reasonText(t, u)}</Text></li>)}
        </Stack>
      )}
    </Stack>
  );
}

function StaffMatchmaking({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const overview = useQuery({ queryKey: b2bKeys.overview(eventId), queryFn: () => fetchOverview(eventId) });
  const run = useMutation({
    mutationFn: () => runScheduler(eventId),
    onSuccess: async (o) => { queryClient.setQueryData(b2bKeys.overview(eventId), o); await queryClient.invalidateQueries({ queryKey: b2bKeys.all }); notify(t('b2b.scheduled', { placed: o.schedule.placed })); },
  });
  if (overview.isPending) return <Loading />;
  if (overview.error) return <ProblemAlert error={overview.error} />;
  const o = overview.data;
  return (
    <Stack>
      <Paper withBorder p="md"><SettingsForm overview={o} /></Paper>
      {o.settings && (
        <>
          <Meetings eventId={eventId} counts={o.counts} />
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} size="h4">{t('b2b.schedule')}</Title>
                <Button leftSection={<IconCalendarStats size={16} />} loading={run.isPending} onClick={() => run.mutate()} disabled={o.counts.accepted === 0}>{t('b2b.run')}</Button>
              </Group>
              <Text size="sm" c="dimmed">{o.schedule.scheduledAt ? t('b2b.scheduledAt', { date: formatDateTime(o.schedule.scheduledAt) }) : t('b2b.notScheduled')}</Text>
              <ProblemAlert error={run.error} />
              {o.schedule.scheduledAt && <Grid overview={o} />}
            </Stack>
          </Paper>
          <Participants eventId={eventId} />
        </>
      )}
    </Stack>
  );
}

/** An event's B2B meetings: staff run the matchmaking; a member firm's user picks which of the firm's people to act for. */
export function B2bPage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  const seats = useQuery({ queryKey: b2bKeys.seats(id), queryFn: () => fetchSeats(id) });
  if (seats.isPending) return <Loading />;
  if (seats.error) return <ProblemAlert error={seats.error} />;
  const s = seats.data;
  if (!s.manages && s.open && s.items.length === 1) return <Navigate replace to={`/events/${id}/b2b/${s.items[0]!.registrationId}`} />;
  return (
    <Stack>
      <PageHeader title={t('b2b.title', { title: s.title })}>
        <Anchor component={Link} to={`/events/${id}`} size="sm">{t('b2b.backToEvent')}</Anchor>
      </PageHeader>
      {s.manages ? <StaffMatchmaking eventId={id} /> : !s.open ? <EmptyState>{t('b2b.notOpen')}</EmptyState> : s.items.length === 0 ? (
        <EmptyState>{t('b2b.noSeatOfYours')}</EmptyState>
      ) : (
        <Stack gap="xs">
          <Alert variant="light">{t('b2b.chooseSeat')}</Alert>
          {s.items.map((p) => <Button key={p.registrationId} component={Link} to={`/events/${id}/b2b/${p.registrationId}`} variant="default" justify="flex-start">{p.name}</Button>)}
        </Stack>
      )}
    </Stack>
  );
}
