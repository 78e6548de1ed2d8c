import { Alert, Anchor, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconCalendarStats } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import type { B2bOverview, B2bRequest, B2bSchedule } from '../../../contracts/b2b.js';
import { instantToWallTime, wallTimeToInstant } from '../../../contracts/time.js';
import { ApiError } from '../../app/api.js';
import { currentFormat, formatDateTime, orgTimeZone } from '../../app/format.js';
import { DataTable } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { ScrollTable } from '../../ui/ScrollTable.js';
import { b2bKeys, fetchOverview, fetchSeats, runScheduler, saveSettings } from './api.js';

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
    onSuccess: (o) => { queryClient.setQueryData(b2bKeys.overview(overview.eventId), o); notify(t('ui.saved')); },
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

/** A meeting's slot time and table, or a dash while it has none. */
function whenOf(overview: B2bOverview, r: B2bRequest) {
  const slot = r.slot === null ? undefined : overview.settings?.slots[r.slot];
  return slot ? `${currentFormat().time(slot.startsAt)} · ${overview.settings?.tables[r.table ?? -1] ?? ''}` : '—';
}

function Requests({ overview }: { overview: B2bOverview }) {
  const { t } = useTranslation();
  const c = overview.counts;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t('b2b.requests')}</Title>
      <Text size="sm">{t('b2b.countsLine', { participants: c.participants, profiles: c.profiles, pending: c.pending, accepted: c.accepted, declined: c.declined, expired: c.expired })}</Text>
      <DataTable pending={false} empty={overview.requests.length === 0} emptyText={t('b2b.noRequests')} minWidth={640} headers={[t('b2b.from'), t('b2b.to'), t('b2b.state'), t('b2b.when')]}>
        {overview.requests.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td><Side side={r.from} /></Table.Td>
            <Table.Td><Side side={r.to} /></Table.Td>
            <Table.Td><Badge variant="light" color={stateColor[r.state]}>{t(`b2b.states.${r.state}`)}</Badge></Table.Td>
            <Table.Td><Text size="sm">{whenOf(overview, r)}</Text></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
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

function StaffMatchmaking({ eventId, seats }: { eventId: string; seats: { registrationId: string; name: string; firm: string | null }[] }) {
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
          <Requests overview={o} />
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
          <Stack gap="xs">
            <Title order={2} size="h4">{t('b2b.participants')}</Title>
            {seats.length === 0 ? <EmptyState>{t('b2b.noParticipants')}</EmptyState> : (
              <Group gap="xs">{seats.map((p) => <Anchor key={p.registrationId} component={Link} to={`/events/${eventId}/b2b/${p.registrationId}`} size="sm">{p.firm ? `${p.name} (${p.firm})` : p.name}</Anchor>)}</Group>
            )}
          </Stack>
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
      {s.manages ? <StaffMatchmaking eventId={id} seats={s.items} /> : !s.open ? <EmptyState>{t('b2b.notOpen')}</EmptyState> : s.items.length === 0 ? (
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
