import { Anchor, Badge, Button, Checkbox, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArrowsExchange, IconCalendarPlus, IconCheckbox, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { REGISTRATION_STATUSES, type EventDetail, type Registration, type RegistrationInput } from '../../../contracts/events.js';
import { can as roleCan } from '../../../contracts/permissions.js';
import { AGE_BAND_NAMES, PERSON_SEXES } from '../../../contracts/people.js';
import { ApiError } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { formatMoney, toMajor, toMinor } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { DataTable } from '../../ui/DataTable.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { Form } from '../../ui/Form.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { fetchContacts, memberKeys } from '../members/api.js';
import { MemberPicker } from '../members/MemberPicker.js';
import { fetchPeopleForPicker, orgKeys } from '../orgs/api.js';
import { addTicketType, calendarUrl, cancelRegistration, changeEventState, eventKeys, fetchEvent, register, registrationsPath, removeTicketType } from './api.js';
import { eventWhen, SeatLine } from './EventsPage.js';

type Kind = RegistrationInput['kind'];
type Values = z.input<typeof RegistrationInput> & { memberName?: string | null };

/** Who comes: a member firm's contact or other person, one of the organisation's staff, or someone of the public. */
function RegisterForm({ event, onDone }: { event: EventDetail; onDone(): void }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const staff = can('events.manage');
  const kinds: Kind[] = staff ? ['member_contact', 'member_staff', 'own_staff', ...(event.audience === 'public' ? (['public'] as const) : [])] : ['member_staff'];
  // No ticket is chosen beforehand: the cheapest may be one meant for speakers; whoever registers chooses.
  const [v, setV] = useState<Values>({ kind: kinds[0]!, ticketTypeId: null, memberId: null, contactId: null, userId: null, name: '', email: '', phone: '', sex: 'not_stated', ageBand: null });
  const set = (patch: Partial<Values>) => setV((old) => ({ ...old, ...patch }));
  const contacts = useQuery({ queryKey: memberKeys.contacts(v.memberId ?? ''), queryFn: () => fetchContacts(v.memberId!), enabled: staff && v.kind === 'member_contact' && !!v.memberId });
  const people = useQuery({ queryKey: orgKeys.peoplePicker('staff'), queryFn: fetchPeopleForPicker, enabled: staff && v.kind === 'own_staff' });
  const save = useMutation({
    mutationFn: () => register(event.id, { ...v, memberName: undefined } as z.input<typeof RegistrationInput>),
    onSuccess: async (r: Registration) => {
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      notify(r.status === 'waiting' ? t('events.registeredWaiting', { name: r.name, place: r.waitingPlace }) : t('events.registeredSeat', { name: r.name }));
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const typed = v.kind === 'member_staff' || v.kind === 'public';
  return (
    <Form onSubmit={() => save.mutate()} gap="sm">
      {kinds.length > 1 && (
        <Select label={t('events.registrantKind')} allowDeselect={false} value={v.kind} onChange={(k) => k && set({ kind: k as Kind, contactId: null, userId: null })}
          data={kinds.map((k) => ({ value: k, label: t(`events.registrantKinds.${k}`) }))} error={errors.kind} />
      )}
      {staff && (v.kind === 'member_contact' || v.kind === 'member_staff') && (
        <MemberPicker label={t('events.firm')} value={v.memberId ?? null} error={errors.memberId} onChange={(id, name) => set({ memberId: id, memberName: name, contactId: null })} />
      )}
      {v.kind === 'member_contact' && (
        <Select label={t('events.contact')} required value={v.contactId ?? null} onChange={(id) => set({ contactId: id })} error={errors.contactId} disabled={!v.memberId}
          data={(contacts.data?.items ?? []).filter((c) => !c.erased).map((c) => ({ value: c.id, label: [c.name, c.role].filter(Boolean).join(', ') }))} nothingFoundMessage={t('events.noContacts')} />
      )}
      {v.kind === 'own_staff' && (
        <Select label={t('events.staffMember')} required searchable value={v.userId ?? null} onChange={(id) => set({ userId: id })} error={errors.userId}
          data={(people.data?.items ?? []).filter((p) => roleCan(p.role, 'events.manage')).map((p) => ({ value: p.userId, label: `${p.name} (${p.email})` }))} />
      )}
      {typed && (
        <>
          <TextInput label={t('events.name')} required value={v.name} error={errors.name} onChange={(e) => set({ name: e.currentTarget.value })} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="email" label={t('events.email')} value={v.email} error={errors.email} onChange={(e) => set({ email: e.currentTarget.value })} />
            <TextInput type="tel" label={t('events.phone')} value={v.phone} error={errors.phone} onChange={(e) => set({ phone: e.currentTarget.value })} />
          </SimpleGrid>
        </>
      )}
      {v.kind !== 'member_contact' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('peopleReached.sex')} allowDeselect={false} value={v.sex ?? 'not_stated'} onChange={(s) => s && set({ sex: s as Values['sex'] })}
            data={PERSON_SEXES.map((s) => ({ value: s, label: t(`peopleReached.sexes.${s}`) }))} />
          <Select label={t('peopleReached.ageBand')} clearable value={v.ageBand ?? null} onChange={(b) => set({ ageBand: b as Values['ageBand'] })}
            data={AGE_BAND_NAMES.map((b) => ({ value: b, label: t(`peopleReached.bands.${b}`) }))} error={errors.ageBand} />
        </SimpleGrid>
      )}
      {event.ticketTypes.length > 0 && (
        <Select label={t('events.ticketType')} required placeholder={t('events.chooseTicket')} allowDeselect={false} value={v.ticketTypeId ?? null} onChange={(id) => set({ ticketTypeId: id })} error={errors.ticketTypeId}
          data={event.ticketTypes.filter((tt) => staff || !tt.staffOnly).map((tt) => ({
            value: tt.id, label: `${tt.name} — ${tt.fee ? formatMoney(tt.fee, event.currency) : t('events.free')}${tt.staffOnly ? ` (${t('events.staffOnly')})` : ''}`,
          }))} />
      )}
      <ProblemAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>{t('ui.confirm.cancel')}</Button>
        <Button type="submit" loading={save.isPending}>{t('events.register')}</Button>
      </Group>
    </Form>
  );
}

function TicketTypes({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [fee, setFee] = useState<number | string>('');
  const [staffOnly, setStaffOnly] = useState(false);
  const saved = (e: EventDetail) => queryClient.setQueryData(eventKeys.one(event.id), e);
  const add = useMutation({
    mutationFn: () => addTicketType(event.id, { name, fee: toMinor(fee, event.currency) ?? 0, staffOnly }),
    onSuccess: (e) => { saved(e); setName(''); setFee(''); setStaffOnly(false); },
  });
  const remove = useMutation({ mutationFn: (typeId: string) => removeTicketType(event.id, typeId), onSuccess: saved });
  const errors = add.error instanceof ApiError ? add.error.fieldErrors : {};
  const manage = can('events.manage');
  if (!manage && event.ticketTypes.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t('events.ticketTypes')}</Title>
      {event.ticketTypes.length === 0 ? <Text size="sm" c="dimmed">{t('events.noTicketTypes')}</Text> : event.ticketTypes.map((tt) => (
        <Group key={tt.id} justify="space-between" wrap="nowrap">
          <Text size="sm">{tt.name} — {tt.fee ? formatMoney(tt.fee, event.currency) : t('events.free')}{tt.staffOnly && <Badge ml="xs" size="sm" variant="light" color="gray">{t('events.staffOnly')}</Badge>}</Text>
          {manage && <ConfirmButton icon={<IconTrash size={16} />} label={t('events.removeTicketType')} question={t('events.removeTicketTypeQuestion', { name: tt.name })} onConfirm={() => remove.mutateAsync(tt.id)} />}
        </Group>
      ))}
      <ProblemAlert error={remove.error} />
      {manage && !event.external && (
        <Form onSubmit={() => add.mutate()} gap="xs">
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('events.ticketName')} value={name} error={errors.name} onChange={(e) => setName(e.currentTarget.value)} />
            <NumberInput label={t('events.fee', { currency: event.currency })} min={0} decimalScale={String(toMajor(1, event.currency)).split('.')[1]?.length ?? 0} value={fee} error={errors.fee} onChange={setFee} w={160} />
            <Checkbox label={t('events.staffOnlyLabel')} checked={staffOnly} onChange={(e) => setStaffOnly(e.currentTarget.checked)} mb={8} />
            <Button type="submit" variant="light" leftSection={<IconPlus size={14} />} loading={add.isPending}>{t('events.addTicketType')}</Button>
          </Group>
        </Form>
      )}
    </Stack>
  );
}

const statusColor = { registered: 'teal', waiting: 'yellow', cancelled: 'gray' } as const;

function Registrations({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  // A member firm's user cancels before the event starts and before the person was ticked present (the server says the same).
  const [openedAt] = useState(() => Date.now());
  const mayCancel = (r: Registration) => r.status !== 'cancelled' && (can('events.manage') || (!r.attendedAt && Date.parse(event.startsAt) > openedAt));
  const queryClient = useQueryClient();
  // Who is shown and in what order sit in the address: seats, then the waiting list in its order, then the cancelled, unless chosen otherwise.
  const params = useListParams({ status: '', q: '', sort: 'status' });
  const { status, q } = params.values;
  const path = registrationsPath(event.id);
  const regs = useCursorPages<Registration>(eventKeys.registrations(event.id), path, params.query);
  const cancel = useMutation({
    mutationFn: (id: string) => cancelRegistration(event.id, id),
    onSuccess: async ({ promoted }) => {
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      notify(promoted.length ? t('events.cancelledPromoted', { count: promoted.length }) : t('events.cancelled'));
    },
  });
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">{t('events.registrations')}</Title>
        {can('events.manage') && <ExportMenu path={path} query={params.query} />}
      </Group>
      <Group align="flex-end">
        <TextInput aria-label={t('events.searchRegistrations')} placeholder={t('events.searchRegistrations')} value={q} onChange={(e) => params.set('q', e.currentTarget.value)} />
        <Select aria-label={t('events.status')} placeholder={t('events.anyStatus')} clearable value={status || null} onChange={(v) => params.set('status', v ?? '')}
          data={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`events.statuses.${s}`) }))} />
      </Group>
      <ProblemAlert error={regs.error ?? cancel.error} />
      <DataTable pending={regs.isPending} empty={regs.items.length === 0} emptyText={status === 'cancelled' ? t('events.noCancelled') : t('events.noRegistrations')} minWidth={720} sort={params.sort}
        headers={[{ label: t('events.name'), sort: 'name' }, t('events.firm'), t('events.ticketType'), { label: t('events.status'), sort: 'status' }, t('events.ticketCode'), { label: t('events.registeredAt'), sort: 'registered', firstDescending: true }, '']}>
        {regs.items.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td><Text size="sm" fw={500}>{r.name}</Text><Text size="xs" c="dimmed">{[t(`events.registrantKinds.${r.kind}`), r.email, r.phone].filter(Boolean).join(' · ')}</Text></Table.Td>
            <Table.Td>{r.member ? (can('members.read') ? <Anchor component={Link} to={`/members/${r.member.id}`} size="sm">{r.member.name}</Anchor> : <Text size="sm">{r.member.name}</Text>) : '—'}</Table.Td>
            <Table.Td><Text size="sm">{r.ticketType ? `${r.ticketType.name} (${r.fee ? formatMoney(r.fee, event.currency) : t('events.free')})` : '—'}</Text>{r.invoiceId && <Text size="xs" c="dimmed">{t('events.invoiced')}</Text>}</Table.Td>
            <Table.Td>
              <Badge color={statusColor[r.status]} variant="light">{r.status === 'waiting' ? t('events.waitingPlace', { place: r.waitingPlace }) : t(`events.statuses.${r.status}`)}</Badge>
              {r.attendedAt && <Badge ml={4} color="blue" variant="light">{t('events.present')}</Badge>}
            </Table.Td>
            <Table.Td><Text size="sm" ff="monospace">{r.ticketCode}</Text></Table.Td>
            <Table.Td><Text size="sm">{formatDate(r.createdAt)}</Text></Table.Td>
            <Table.Td>{mayCancel(r) && <ConfirmButton label={t('events.cancelRegistration')} question={t('events.cancelRegistrationQuestion', { name: r.name })} onConfirm={() => cancel.mutateAsync(r.id)} />}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={!!regs.hasNextPage} loading={regs.isFetchingNextPage} onLoad={() => void regs.fetchNextPage()} />
    </Stack>
  );
}

/** An event: what, when and where; its tickets; who registered and who waits; the door's check-in. */
export function EventPage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [registering, setRegistering] = useState(false);
  const event = useQuery({ queryKey: eventKeys.one(id), queryFn: () => fetchEvent(id) });
  const state = useMutation({
    mutationFn: (next: EventDetail['state']) => changeEventState(id, next),
    onSuccess: async (e) => { queryClient.setQueryData(eventKeys.one(id), e); await queryClient.invalidateQueries({ queryKey: eventKeys.list }); },
  });
  if (event.isPending) return <Loading />;
  if (event.error) return <ProblemAlert error={event.error} />;
  const e = event.data;
  const manage = can('events.manage');
  const open = !e.external && e.state !== 'cancelled' && (manage || e.state === 'published');
  return (
    <Stack>
      <PageHeader title={e.title}>
        {e.external && <Badge variant="outline">{t('events.external')}</Badge>}
        <Badge variant="light" color={e.state === 'published' ? 'teal' : e.state === 'cancelled' ? 'red' : 'gray'}>{t(`events.states.${e.state}`)}</Badge>
      </PageHeader>
      <Paper withBorder p="md">
        <Stack gap={6}>
          <Text fw={600}>{eventWhen(e)}</Text>
          <Text size="sm">{[t(`events.kinds.${e.kind}`), t(`events.audiences.${e.audience}`), e.branch?.name].filter(Boolean).join(' · ')}</Text>
          {e.venue && <Text size="sm">{e.venue}</Text>}
          {e.onlineUrl && <Anchor href={e.onlineUrl} target="_blank" rel="noreferrer" size="sm">{e.onlineUrl}</Anchor>}
          <SeatLine event={e} />
          {e.description && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{e.description}</Text>}
          <Group gap="xs" mt="xs">
            <Button component="a" href={calendarUrl(e.id)} variant="default" size="xs" leftSection={<IconCalendarPlus size={14} />}>{t('events.addToCalendar')}</Button>
            {manage && <Button component={Link} to={`/events/${e.id}/edit`} variant="default" size="xs" leftSection={<IconPencil size={14} />}>{t('ui.edit')}</Button>}
            {can('events.check_in') && !e.external && e.state === 'published' && <Button component={Link} to={`/events/${e.id}/check-in`} size="xs" leftSection={<IconCheckbox size={14} />}>{t('events.checkIn')}</Button>}
            {/* B2B meetings (module b2b): staff open them on any event; participants reach them on a B2B day or fair. */}
            {!e.external && e.state !== 'cancelled' && (manage ? can('b2b.manage') : can('b2b.take_part') && (e.kind === 'b2b_day' || e.kind === 'trade_fair')) && <Button component={Link} to={`/events/${e.id}/b2b`} size="xs" variant="light" leftSection={<IconArrowsExchange size={14} />}>{t('events.b2bMeetings')}</Button>}
            {/* A cancelled event stays cancelled: only a draft is published. */}
            {manage && e.state === 'draft' && <Button size="xs" variant="light" loading={state.isPending} onClick={() => state.mutate('published')}>{t('events.publish')}</Button>}
            {manage && e.state === 'published' && <ConfirmButton size="xs" label={t('events.cancelEvent')} question={t('events.cancelEventQuestion')} onConfirm={() => state.mutateAsync('cancelled')} />}
          </Group>
          <ProblemAlert error={state.error} />
        </Stack>
      </Paper>
      {!e.external && <TicketTypes event={e} />}
      {!e.external && can('events.register') && (
        <>
          {open && <Group><Button leftSection={<IconPlus size={16} />} onClick={() => setRegistering(true)}>{t('events.registerSomeone')}</Button></Group>}
          <Registrations event={e} />
        </>
      )}
      <Modal opened={registering} onClose={() => setRegistering(false)} title={t('events.registerSomeone')} size="lg">
        {registering && <RegisterForm event={e} onDone={() => setRegistering(false)} />}
      </Modal>
    </Stack>
  );
}
