import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, type EventSharing, type FederationEvent } from '../../../contracts/events.js';
import { ApiError } from '../../app/api.js';
import { currentFormat, orgToday } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Form } from '../../ui/Form.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { eventKeys, federationEventsPath, fetchEventSharing, saveEventSharing } from './api.js';

/** When an event runs, on this organisation's clock: its day and hours, or its first and last day. */
function when(e: FederationEvent) {
  const f = currentFormat();
  const [from, to] = [f.date(e.startsAt), f.date(e.endsAt)];
  return from === to ? `${from}, ${f.time(e.startsAt)}–${f.time(e.endsAt)}` : `${from} – ${to}`;
}

/** How to register for a shared event: there is no public registration page, so the owner's own link or contact, else its name. */
function HowToRegister({ event }: { event: FederationEvent }) {
  const { t } = useTranslation();
  const contact = event.registrationContact.trim();
  if (/^https?:\/\/\S+$/.test(contact)) {
    return <Anchor href={contact} target="_blank" rel="noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>{t('events.registerWithOrg', { org: event.orgName })}</Anchor>;
  }
  return <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{contact ? t('events.howToRegister', { org: event.orgName, contact }) : t('events.howToRegisterOrg', { org: event.orgName })}</Text>;
}

/** An event another organisation of the federation shares: read-only, no registration here. */
function SharedEventCard({ event }: { event: FederationEvent }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{event.title}</Text>
        <Group gap={4} wrap="wrap">
          <Badge variant="outline" color="grape" style={{ textTransform: 'none' }}>{t('events.fromOrg', { org: event.orgName })}</Badge>
          {event.external && <Badge variant="outline">{t('events.external')}</Badge>}
          <Badge variant="light">{t(`events.audiences.${event.audience}`)}</Badge>
        </Group>
        <Text size="sm">{when(event)}</Text>
        <Text size="sm" c="dimmed">{[t(`events.kinds.${event.kind}`), event.venue, event.external && event.organiser ? t('events.organisedBy', { organiser: event.organiser }) : ''].filter(Boolean).join(' · ')}</Text>
        {event.onlineUrl && <Anchor href={event.onlineUrl} target="_blank" rel="noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>{t('events.onlineUrl')}</Anchor>}
        {event.description && <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>{event.description}</Text>}
        {!event.external && <HowToRegister event={event} />}
      </Stack>
    </Paper>
  );
}

/** How the others register for our shared events: typed, then saved by its own button. */
function RegistrationContactForm({ saved }: { saved: EventSharing }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [contact, setContact] = useState(saved.registrationContact);
  const save = useMutation({ mutationFn: saveEventSharing, onSuccess: (done) => { queryClient.setQueryData(eventKeys.sharing, done); notify(t('ui.saved')); } });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Form onSubmit={() => save.mutate({ shareWithFederation: saved.shareWithFederation, registrationContact: contact })} gap="xs" maw={720}>
      <TextInput label={t('events.registrationContact')} description={t('events.registrationContactHelp')} maxLength={300} value={contact}
        error={errors.registrationContact} onChange={(e) => setContact(e.currentTarget.value)} />
      <Group justify="flex-end"><Button type="submit" variant="light" loading={save.isPending} disabled={contact === saved.registrationContact}>{t('ui.save')}</Button></Group>
      <ProblemAlert error={save.error} />
    </Form>
  );
}

/** Whether our published events are shown to the umbrella and its branches, and how they register (staff who run events change it). */
function SharingSwitch() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sharing = useQuery({ queryKey: eventKeys.sharing, queryFn: fetchEventSharing });
  const save = useMutation({ mutationFn: saveEventSharing, onSuccess: (saved) => queryClient.setQueryData(eventKeys.sharing, saved) });
  if (!sharing.data) return <ProblemAlert error={sharing.error} />;
  return (
    <>
      <Switch mih={44} label={t('events.shareWithFederation')} checked={sharing.data.shareWithFederation} disabled={save.isPending}
        onChange={(e) => save.mutate({ shareWithFederation: e.currentTarget.checked })} />
      <ProblemAlert error={save.error} />
      {sharing.data.shareWithFederation && <RegistrationContactForm saved={sharing.data} />}
    </>
  );
}

/** The federation's calendar: published events the umbrella and its branches share with this organisation, by start. */
export function FederationEventsTab() {
  const { t } = useTranslation();
  const params = useListParams({ when: 'upcoming', kind: '' }, []);
  const { when: upcoming, kind } = params.values;
  const query = { kind: kind || undefined, from: upcoming === 'upcoming' ? orgToday() : undefined };
  const list = useCursorPages<FederationEvent>([...eventKeys.federation], federationEventsPath, query);
  const can = useCan();
  return (
    <Stack>
      {/* The organisation's choice, for those who run its events; a member reads the calendar only. */}
      {can('events.manage') && <SharingSwitch />}
      <Text size="sm" c="dimmed">{t('events.federationHelp')}</Text>
      <Group align="flex-end">
        <SegmentedControl value={upcoming} onChange={(v) => params.set('when', v)} data={[{ value: 'upcoming', label: t('events.upcoming') }, { value: 'all', label: t('events.all') }]} />
        <Select aria-label={t('events.kind')} placeholder={t('events.anyKind')} clearable value={kind || null} onChange={(v) => params.set('kind', v ?? '')} data={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))} />
      </Group>
      <ProblemAlert error={list.error} />
      {list.isPending ? <Loading /> : list.items.length === 0 ? <EmptyState>{t('events.noFederationEvents')}</EmptyState> : list.items.map((e) => <SharedEventCard key={`${e.orgId}:${e.id}`} event={e} />)}
      <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
    </Stack>
  );
}
