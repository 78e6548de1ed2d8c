import { Button, Checkbox, Group, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { EVENT_AUDIENCES, EVENT_KINDS, type EventDetail, type EventInput } from '../../../contracts/events.js';
import { instantToWallTime, wallTimeToInstant } from '../../../contracts/time.js';
import { ApiError } from '../../app/api.js';
import { orgTimeZone } from '../../app/format.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { fetchBranches, orgKeys } from '../orgs/api.js';
import { createEvent, eventKeys, fetchEvent, updateEvent } from './api.js';

/** The form's values: times as typed on the organisation's clock, seats as text until sent. */
interface EventFormValues {
  title: string;
  kind: EventInput['kind'];
  startsAt: string;
  endsAt: string;
  venue: string;
  onlineUrl: string;
  description: string;
  capacity: string;
  audience: EventInput['audience'];
  branchId: string | null;
  external: boolean;
  organiser: string;
}

const empty = (): EventFormValues => ({
  title: '', kind: 'workshop', startsAt: '', endsAt: '', venue: '', onlineUrl: '', description: '', capacity: '', audience: 'members', branchId: null, external: false, organiser: '',
});

const formOf = (e: EventDetail): EventFormValues => ({
  title: e.title, kind: e.kind, startsAt: instantToWallTime(e.startsAt, orgTimeZone()), endsAt: instantToWallTime(e.endsAt, orgTimeZone()), venue: e.venue, onlineUrl: e.onlineUrl,
  description: e.description, capacity: e.capacity === null ? '' : String(e.capacity), audience: e.audience, branchId: e.branch?.id ?? null, external: e.external, organiser: e.organiser,
});

/** The end an event gets when its start is typed: two hours later on the same clock (the server wants the end after the start). */
function defaultEnd(start: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)$/.exec(start);
  if (!m) return '';
  const later = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]! + 2, +m[5]!));
  return later.toISOString().slice(0, 16);
}

/** A time typed on the organisation's clock goes as an instant; one not filled in goes as typed, for the server's message. */
const instant = (local: string) => (/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(local) ? wallTimeToInstant(local, orgTimeZone()) : local);

function inputOf(v: EventFormValues) {
  const seats = v.capacity.trim();
  return {
    title: v.title, kind: v.kind, startsAt: instant(v.startsAt), endsAt: instant(v.endsAt), venue: v.venue, onlineUrl: v.onlineUrl.trim(), description: v.description,
    capacity: seats ? (/^\d+$/.test(seats) ? Number(seats) : (seats as unknown as number)) : null,
    audience: v.audience, branchId: v.branchId, external: v.external, organiser: v.organiser,
  };
}

function EventForm({ event }: { event: EventDetail | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const initial = event ? formOf(event) : empty();
  const [values, setValues] = useState<EventFormValues>(initial);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const guard = useLeaveGuard(dirty);
  const branches = useQuery({ queryKey: orgKeys.branches, queryFn: fetchBranches });
  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const save = useMutation({
    mutationFn: () => (event ? updateEvent(event.id, inputOf(values)) : createEvent(inputOf(values))),
    onSuccess: async (saved) => {
      guard.release();
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      notify(event ? t('ui.saved') : t('events.created'));
      void navigate(`/events/${saved.id}`);
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const text = (key: 'title' | 'venue' | 'onlineUrl' | 'description' | 'capacity' | 'organiser' | 'startsAt' | 'endsAt') => ({
    value: values[key], error: errors[key], onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
  });
  return (
    <Form onSubmit={() => save.mutate()} gap="sm" maw={720}>
      <TextInput label={t('events.title')} required data-autofocus {...text('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('events.kind')} allowDeselect={false} value={values.kind} onChange={(v) => v && set('kind', v as EventFormValues['kind'])}
          data={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))} error={errors.kind} />
        <Select label={t('events.audience')} allowDeselect={false} value={values.audience} onChange={(v) => v && set('audience', v as EventFormValues['audience'])} disabled={values.external}
          data={EVENT_AUDIENCES.map((a) => ({ value: a, label: t(`events.audiences.${a}`) }))} error={errors.audience} />
      </SimpleGrid>
      <Checkbox label={t('events.externalLabel')} description={t('events.externalHelp')} checked={values.external} onChange={(e) => set('external', e.currentTarget.checked)} />
      {values.external && <TextInput label={t('events.organiser')} {...text('organiser')} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="datetime-local" label={t('events.startsAt')} description={t('events.timesIn', { zone: orgTimeZone() })} required {...text('startsAt')}
          onChange={(e) => {
            const v = e.currentTarget.value;
            // The end follows the start while it is empty, the default, or no longer after the start.
            setValues((s) => ({ ...s, startsAt: v, endsAt: !s.endsAt || s.endsAt === defaultEnd(s.startsAt) || s.endsAt <= v ? defaultEnd(v) || s.endsAt : s.endsAt }));
          }} />
        <TextInput type="datetime-local" label={t('events.endsAt')} required {...text('endsAt')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('events.venue')} {...text('venue')} />
        <TextInput type="url" label={t('events.onlineUrl')} placeholder="https://" {...text('onlineUrl')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {!values.external && <TextInput label={t('events.capacity')} description={t('events.capacityHelp')} inputMode="numeric" {...text('capacity')} />}
        {(branches.data?.items.length ?? 0) > 0 && (
          <Select label={t('events.branch')} placeholder={t('events.noBranch')} clearable value={values.branchId} onChange={(v) => set('branchId', v)}
            data={branches.data!.items.map((b) => ({ value: b.id, label: b.name }))} error={errors.branchId} />
        )}
      </SimpleGrid>
      <Textarea label={t('events.description')} autosize minRows={3} {...text('description')} />
      <ProblemAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" component={Link} to={event ? `/events/${event.id}` : '/events'}>{t('ui.confirm.cancel')}</Button>
        <Button type="submit" loading={save.isPending}>{t('ui.save')}</Button>
      </Group>
      {guard.dialog}
    </Form>
  );
}

/** A new event, or one changed: `/events/new`, `/events/:id/edit`. */
export function EventFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const event = useQuery({ queryKey: eventKeys.one(id ?? ''), queryFn: () => fetchEvent(id!), enabled: !!id });
  if (id && event.isPending) return <Loading />;
  if (id && !event.data) return <ProblemAlert error={event.error} />;
  return (
    <>
      <PageHeader title={id ? t('events.editTitle') : t('events.add')} />
      <EventForm key={event.data?.updatedAt ?? 'new'} event={event.data ?? null} />
    </>
  );
}
