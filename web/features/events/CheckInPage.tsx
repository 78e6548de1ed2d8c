import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { IconCheck, IconCloudOff, IconRefresh, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { normaliseTicketCode } from '../../../contracts/events.js';
import { ApiError } from '../../app/api.js';
import { useSession } from '../../app/session.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { loadNotices, notify } from '../../ui/notify.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchCheckInList, sendCheckIns } from './api.js';
import { applyResult, mergeDownload, readCopy, tick, tickCode, unsent, writeCopy, type DoorCopy } from './check-in-store.js';
import { CodeScanner } from './CodeScanner.js';
import { eventWhen } from './EventsPage.js';
import { SelfCheckInPanel } from './SelfCheckInPanel.js';

const offline = (e: unknown) => e instanceof ApiError && e.code === 'network';

/**
 * The door, on a phone: the list is downloaded while there is a connection
 * and kept on the phone; people are ticked by name or by the code on their
 * ticket with or without a connection; ticks go to the server when one
 * returns (sent twice, they count once). Built for 390 px and thumbs.
 */
export function CheckInPage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  // The phone's copy is kept under the organisation (check-in-store.ts).
  const orgId = useSession().data?.org?.id ?? '';
  const [copy, setCopy] = useState<DoorCopy | null>(() => readCopy(orgId, id));
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [q, setQ] = useState('');
  const [code, setCode] = useState('');
  const [online, setOnline] = useState(() => navigator.onLine);
  const sending = useRef(false);
  const current = useRef(copy);

  const keep = useCallback((next: DoorCopy) => {
    current.current = next;
    writeCopy(orgId, id, next);
    setCopy(next);
  }, [orgId, id]);

  // A send asked for while one is on its way runs after it (the connection may have come back meanwhile).
  const again = useRef(false);
  const send = useCallback(async () => {
    if (sending.current) {
      again.current = true;
      return;
    }
    sending.current = true;
    try {
      do {
        again.current = false;
        const from = current.current;
        const waiting = from ? unsent(from) : null;
        if (!from || !waiting?.items.length) return;
        try {
          const result = await sendCheckIns(id, waiting);
          // Ticks made while this was on its way stay unsent in the latest copy.
          keep(applyResult(current.current ?? from, waiting, result, Date.now()));
          setOnline(true);
          setError(null);
        } catch (e) {
          if (!offline(e)) return setError(e);
          setOnline(false);
          if (!again.current) return;
        }
      } while (again.current);
    } finally {
      sending.current = false;
    }
  }, [id, keep]);

  const download = useCallback(async () => {
    setLoading(true);
    try {
      const list = await fetchCheckInList(id);
      keep(mergeDownload(current.current, list, Date.now()));
      setOnline(true);
      setError(null);
      await send();
    } catch (e) {
      if (offline(e)) setOnline(false);
      else setError(e);
    } finally {
      setLoading(false);
    }
  }, [id, keep, send]);

  // Ticks are made without a connection too: the notice that says who was ticked is fetched while there is one.
  useEffect(() => void loadNotices().catch(() => undefined), []);

  // A phone's "online" event is not to be trusted (a captive portal, a weak signal): unsent ticks are tried again every 20 s.
  useEffect(() => {
    const timer = setInterval(() => {
      if (current.current && unsent(current.current).items.length) void send();
    }, 20_000);
    return () => clearInterval(timer);
  }, [send]);

  useEffect(() => {
    void download();
    const back = () => void download();
    const gone = () => setOnline(false);
    addEventListener('online', back);
    addEventListener('offline', gone);
    return () => {
      removeEventListener('online', back);
      removeEventListener('offline', gone);
    };
  }, [download]);

  if (!copy) return loading ? <Loading /> : <Stack p="sm"><ProblemAlert error={error} />{!online && <Alert color="yellow" icon={<IconCloudOff size={18} />}>{t('events.door.noCopy')}</Alert>}</Stack>;

  const ticked = (regId: string) => copy.ticks[regId];
  const present = copy.list.items.filter((i) => ticked(i.id)).length;
  const waiting = unsent(copy).items.length;
  const words = q.trim().toLowerCase();
  const shown = copy.list.items.filter((i) => !words || i.name.toLowerCase().includes(words) || (i.firm ?? '').toLowerCase().includes(words) || i.ticketCode.includes(normaliseTicketCode(words)));

  // The latest copy, not this render's: a scan may come in between renders.
  const tickOne = (regId: string) => {
    keep(tick(current.current ?? copy, regId, Date.now()));
    void send();
  };
  const byCode = (typed: string) => {
    const { copy: next, name } = tickCode(current.current ?? copy, typed, Date.now());
    keep(next);
    notify(name ? t('events.door.tickedName', { name }) : t('events.door.codeKept', { code: normaliseTicketCode(typed) }), name ? 'teal' : 'yellow');
    setCode('');
    void send();
  };

  return (
    <Stack gap="sm" maw={480} mx="auto">
      <div>
        <Title order={1} size="h3">{copy.list.event.title}</Title>
        <Text size="sm" c="dimmed">{eventWhen(copy.list.event)}{copy.list.event.venue ? ` · ${copy.list.event.venue}` : ''}</Text>
      </div>
      <Group justify="space-between" wrap="nowrap">
        <Text fw={700} aria-live="polite">{t('events.door.present', { present, total: copy.list.items.length })}</Text>
        <Button variant="default" size="sm" leftSection={<IconRefresh size={16} />} loading={loading} onClick={() => void download()}>{t('events.door.refresh')}</Button>
      </Group>
      {!online && <Alert color="yellow" icon={<IconCloudOff size={18} />} p="xs">{t('events.door.offline')}</Alert>}
      {waiting > 0 && <Alert color="blue" p="xs">{t('events.door.unsent', { count: waiting })}</Alert>}
      {copy.unknown.length > 0 && <Alert color="red" p="xs">{t('events.door.unknown', { codes: copy.unknown.join(', ') })}</Alert>}
      <ProblemAlert error={error} />
      <SelfCheckInPanel eventId={id} />
      <Form onSubmit={() => byCode(code)} gap="xs">
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput style={{ flex: 1 }} label={t('events.door.code')} autoCapitalize="characters" autoComplete="off" value={code} onChange={(e) => setCode(e.currentTarget.value)} />
          <Button type="submit" disabled={!code.trim()}>{t('events.door.tick')}</Button>
        </Group>
      </Form>
      <CodeScanner onCode={byCode} />
      <TextInput leftSection={<IconSearch size={16} />} type="search" label={t('events.door.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      {shown.length === 0 && <Text c="dimmed" ta="center" p="md">{copy.list.items.length ? t('events.door.noMatch') : t('events.door.empty')}</Text>}
      {shown.map((item) => {
        const mark = ticked(item.id);
        return (
          <UnstyledButton key={item.id} onClick={() => tickOne(item.id)} disabled={!!mark} aria-pressed={!!mark} style={{ minHeight: 56 }}>
            <Paper withBorder p="sm" bg={mark ? 'var(--mantine-color-teal-light)' : undefined}>
              <Group justify="space-between" wrap="nowrap">
                <div>
                  <Text fw={600}>{item.name}</Text>
                  <Text size="xs" c="dimmed">{[item.firm, item.ticketType, item.ticketCode].filter(Boolean).join(' · ')}</Text>
                </div>
                {mark ? (
                  <Badge color={mark.sent ? 'teal' : 'blue'} leftSection={<IconCheck size={12} />}>{mark.sent ? t('events.door.here') : t('events.door.notSent')}</Badge>
                ) : <Text size="sm" c="dimmed">{t('events.door.tapToTick')}</Text>}
              </Group>
            </Paper>
          </UnstyledButton>
        );
      })}
      <Button component={Link} to={`/events/${id}`} variant="subtle">{t('events.door.back')}</Button>
    </Stack>
  );
}
