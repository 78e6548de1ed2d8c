import { Anchor, Badge, Button, Checkbox, Group, MultiSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { B2bMine, B2bRequest } from '../../../contracts/b2b.js';
import { ApiError } from '../../app/api.js';
import { currentFormat, formatDateTime } from '../../app/format.js';
import { sectorTitle } from '../../app/sectors.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { agendaPdfUrl, answerRequest, b2bKeys, cancelRequest, fetchMine, requestMeeting, saveProfile } from './api.js';
import { Side, stateColor } from './B2bPage.js';

/** ISIC sections, A to U. */
const SECTIONS = 'ABCDEFGHIJKLMNOPQRSTU'.split('');

function Agenda({ mine, eventId, registrationId }: { mine: B2bMine; eventId: string; registrationId: string }) {
  const { t } = useTranslation();
  const a = mine.agenda;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4">{t('b2b.myAgenda')}</Title>
          {a.version > 0 && <Badge variant="light" color={a.changed ? 'red' : 'teal'}>{a.changed ? t('b2b.versionChanged', { version: a.version }) : t('b2b.version', { version: a.version })}</Badge>}
        </Group>
        {a.version === 0 ? <Text size="sm" c="dimmed">{t('b2b.agendaNotYet')}</Text> : (
          <>
            <Text size="xs" c="dimmed">{t('b2b.issuedAt', { date: formatDateTime(a.issuedAt) })}</Text>
            {a.items.length === 0 ? <Text size="sm">{t('b2b.noMeetings')}</Text> : (
              <Stack gap={6}>
                {a.items.map((i) => (
                  <Group key={i.requestId} gap="sm" wrap="nowrap" align="flex-start">
                    <Text fw={700} size="sm" miw={96}>{currentFormat().time(i.startsAt)}–{currentFormat().time(i.endsAt)}</Text>
                    <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}><Text size="sm" fw={500}>{i.with}{i.firm ? ` · ${i.firm}` : ''}</Text><Text size="xs" c="dimmed">{t('b2b.tableName', { name: i.table })}</Text></div>
                  </Group>
                ))}
              </Stack>
            )}
            <Group gap="xs"><Button component="a" href={agendaPdfUrl(eventId, registrationId)} variant="default" leftSection={<IconDownload size={16} />}>{t('b2b.downloadPdf')}</Button></Group>
            {a.sms.length > 0 && (
              <Stack gap={4}>
                <Text size="xs" fw={600}>{t('b2b.smsText')}</Text>
                {a.sms.map((part, i) => <Text key={i} size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>{part}</Text>)}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function RequestCard({ r, incoming, mine, act }: { r: B2bRequest; incoming: boolean; mine: B2bMine; act: { answer(id: string, accept: boolean): Promise<unknown>; cancel(id: string): Promise<unknown>; busy: boolean } }) {
  const { t } = useTranslation();
  const other = incoming ? r.from : r.to;
  const slot = r.slot !== null && mine.settings ? mine.settings.slots[r.slot] : null;
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" fw={500} style={{ minWidth: 0, overflowWrap: 'anywhere' }}><Side side={other} /></Text>
          <Badge variant="light" color={stateColor[r.state]}>{t(`b2b.states.${r.state}`)}</Badge>
        </Group>
        {r.message && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.message}</Text>}
        {slot && <Text size="xs" c="dimmed">{currentFormat().time(slot.startsAt)} · {t('b2b.tableName', { name: mine.settings!.tables[r.table!] })}</Text>}
        <Group gap="xs">
          {incoming && r.state === 'pending' && (
            <>
              <Button size="xs" loading={act.busy} onClick={() => void act.answer(r.id, true)}>{t('b2b.accept')}</Button>
              <Button size="xs" variant="default" loading={act.busy} onClick={() => void act.answer(r.id, false)}>{t('b2b.decline')}</Button>
            </>
          )}
          {(r.state === 'accepted' || (!incoming && r.state === 'pending')) && (
            <ConfirmButton size="xs" label={r.state === 'accepted' ? t('b2b.callOff') : t('b2b.withdraw')} question={r.state === 'accepted' ? t('b2b.callOffQuestion', { name: other.name }) : t('b2b.withdrawQuestion', { name: other.name })} onConfirm={() => act.cancel(r.id)} />
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function ProfileForm({ mine, save }: { mine: B2bMine; save: ReturnType<typeof useProfileSave> }) {
  const { t } = useTranslation();
  const [offer, setOffer] = useState(mine.me.offer);
  const [seek, setSeek] = useState(mine.me.seek);
  const [sectors, setSectors] = useState<string[]>(mine.me.sectors);
  const slots = mine.settings?.slots ?? [];
  const [available, setAvailable] = useState<string[]>(() => (mine.me.available ?? slots.map((s) => s.index)).map(String));
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Form onSubmit={() => save.mutate({ offer, seek, sectors, available: available.length === slots.length ? null : available.map(Number) })} gap="sm">
      <Title order={2} size="h4">{t('b2b.myProfile')}</Title>
      <Textarea label={t('b2b.offer')} description={t('b2b.offerHelp')} autosize minRows={2} value={offer} error={errors.offer} onChange={(e) => setOffer(e.currentTarget.value)} />
      <Textarea label={t('b2b.seek')} description={t('b2b.seekHelp')} autosize minRows={2} value={seek} error={errors.seek} onChange={(e) => setSeek(e.currentTarget.value)} />
      <MultiSelect label={t('b2b.sectors')} searchable maxValues={10} value={sectors} onChange={setSectors} error={errors.sectors}
        data={SECTIONS.map((c) => ({ value: c, label: `${c} — ${sectorTitle(c)}` }))} />
      {slots.length > 0 && (
        <Checkbox.Group label={t('b2b.availability')} description={t('b2b.availabilityHelp')} value={available} onChange={setAvailable} error={errors.available}>
          <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs" spacing="xs">
            {slots.map((s) => <Checkbox key={s.index} value={String(s.index)} label={`${currentFormat().time(s.startsAt)}–${currentFormat().time(s.endsAt)}`} />)}
          </SimpleGrid>
        </Checkbox.Group>
      )}
      <ProblemAlert error={save.error} />
      <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('ui.save')}</Button></Group>
    </Form>
  );
}

function useProfileSave(eventId: string, registrationId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Parameters<typeof saveProfile>[2]) => saveProfile(eventId, registrationId, input),
    onSuccess: (m) => { queryClient.setQueryData(b2bKeys.mine(eventId, registrationId), m); notify(t('ui.saved')); },
  });
}

function Others({ mine, eventId, registrationId }: { mine: B2bMine; eventId: string; registrationId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [asking, setAsking] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const ask = useMutation({
    mutationFn: (to: string) => requestMeeting(eventId, registrationId, { toRegistrationId: to, message }),
    onSuccess: (m) => { queryClient.setQueryData(b2bKeys.mine(eventId, registrationId), m); setAsking(null); setMessage(''); notify(t('b2b.requested')); },
  });
  const asked = new Set([...mine.outgoing, ...mine.incoming].filter((r) => r.state === 'pending' || r.state === 'accepted').flatMap((r) => [r.from.registrationId, r.to.registrationId]));
  const q = search.trim().toLowerCase();
  const shown = mine.others.filter((o) => !q || [o.name, o.firm ?? '', o.offer, o.seek, ...o.sectors.map(sectorTitle)].join(' ').toLowerCase().includes(q));
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t('b2b.others')}</Title>
      {mine.deadlinePassed && <Text size="sm" c="dimmed">{t('b2b.deadlinePassed')}</Text>}
      <TextInput leftSection={<IconSearch size={16} />} aria-label={t('b2b.searchOthers')} placeholder={t('b2b.searchOthers')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
      {mine.others.length === 0 ? <EmptyState>{t('b2b.noOthers')}</EmptyState> : shown.length === 0 ? <EmptyState>{t('b2b.noneMatch')}</EmptyState> : shown.map((o) => (
        <Paper key={o.registrationId} withBorder p="sm">
          <Stack gap={4}>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>{o.name}{o.firm ? ` · ${o.firm}` : ''}</Text>
            {o.offer && <Text size="sm"><b>{t('b2b.offers')}</b> {o.offer}</Text>}
            {o.seek && <Text size="sm"><b>{t('b2b.seeks')}</b> {o.seek}</Text>}
            {!o.offer && !o.seek && <Text size="xs" c="dimmed">{t('b2b.noProfile')}</Text>}
            {o.sectors.length > 0 && <Group gap={4}>{o.sectors.map((s) => <Badge key={s} size="sm" variant="outline" title={sectorTitle(s)}>{s}</Badge>)}</Group>}
            {asking === o.registrationId ? (
              <Form onSubmit={() => ask.mutate(o.registrationId)} gap="xs">
                <Textarea label={t('b2b.message')} autosize minRows={2} maxLength={500} value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
                <ProblemAlert error={ask.error} />
                <Group gap="xs"><Button type="submit" size="xs" loading={ask.isPending}>{t('b2b.send')}</Button><Button size="xs" variant="default" onClick={() => setAsking(null)}>{t('ui.confirm.cancel')}</Button></Group>
              </Form>
            ) : !asked.has(o.registrationId) && !mine.deadlinePassed && (
              <Group><Button size="xs" variant="light" onClick={() => { ask.reset(); setAsking(o.registrationId); }}>{t('b2b.ask')}</Button></Group>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** A participant's matchmaking on a phone: the agenda first, then requests to answer, own requests, others to ask, and what they offer and seek. */
export function B2bParticipantPage() {
  const { id, registrationId } = useParams() as { id: string; registrationId: string };
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: b2bKeys.mine(id, registrationId), queryFn: () => fetchMine(id, registrationId) });
  const save = useProfileSave(id, registrationId);
  const done = (m: B2bMine) => queryClient.setQueryData(b2bKeys.mine(id, registrationId), m);
  const answer = useMutation({ mutationFn: ({ requestId, accept }: { requestId: string; accept: boolean }) => answerRequest(id, registrationId, requestId, accept), onSuccess: done });
  const cancel = useMutation({ mutationFn: (requestId: string) => cancelRequest(id, registrationId, requestId), onSuccess: done });
  if (mine.isPending) return <Loading />;
  if (mine.error) return <ProblemAlert error={mine.error} />;
  const m = mine.data;
  const act = { answer: (requestId: string, accept: boolean) => answer.mutateAsync({ requestId, accept }), cancel: (requestId: string) => cancel.mutateAsync(requestId), busy: answer.isPending };
  return (
    <Stack>
      <PageHeader title={m.me.name}>
        <Anchor component={Link} to={`/events/${id}`} size="sm">{m.title}</Anchor>
      </PageHeader>
      {!m.settings ? <EmptyState>{t('b2b.notOpen')}</EmptyState> : (
        <>
          <Text size="sm" c="dimmed">{t('b2b.deadline', { date: formatDateTime(m.settings.requestDeadline) })}</Text>
          <Agenda mine={m} eventId={id} registrationId={registrationId} />
          <ProblemAlert error={answer.error ?? cancel.error} />
          <Stack gap="xs">
            <Title order={2} size="h4">{t('b2b.incoming')}</Title>
            {m.incoming.length === 0 ? <EmptyState>{t('b2b.noIncoming')}</EmptyState> : m.incoming.map((r) => <RequestCard key={r.id} r={r} incoming mine={m} act={act} />)}
          </Stack>
          <Stack gap="xs">
            <Title order={2} size="h4">{t('b2b.outgoing')}</Title>
            {m.outgoing.length === 0 ? <EmptyState>{t('b2b.noOutgoing')}</EmptyState> : m.outgoing.map((r) => <RequestCard key={r.id} r={r} incoming={false} mine={m} act={act} />)}
          </Stack>
          <Others mine={m} eventId={id} registrationId={registrationId} />
          <Paper withBorder p="md"><ProfileForm key={m.me.registrationId} mine={m} save={save} /></Paper>
        </>
      )}
    </Stack>
  );
}
