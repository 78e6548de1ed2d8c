import { ActionIcon, Anchor, Badge, Button, Group, List, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { COURSE_COMPLETIONS, type CourseDetail, type CourseModule, type CourseParticipant } from '../../../contracts/training.js';
import { wallTimeToInstant } from '../../../contracts/time.js';
import { ApiError } from '../../app/api.js';
import { formatDate, orgTimeZone, orgToday } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { DataTable } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { Form } from '../../ui/Form.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { useListParams } from '../../ui/use-list-params.js';
import { eventWhen, SeatLine } from '../events/EventsPage.js';
import { addModule, addSession, addTrainer, certifyTrainer, fetchCertificates, fetchCourse, participantsPath, removeModule, removeTrainer, trainingKeys, updateModule } from './api.js';
import { CertificateCell } from './CertificateCell.js';
import { IssueAllCertificates } from './IssueAllCertificates.js';
import { CourseCapacityGap } from './CourseCapacityGap.js';
import { CourseEvaluationSection } from './CourseEvaluation.js';
import { kindColor } from './CoursesPage.js';
import { PersonPicker } from './PersonPicker.js';

/** Puts the course as the server answered it in the cache, and refreshes the lists that show it. */
function useCourseChange<A>(courseId: string, change: (a: A) => Promise<CourseDetail>, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: async (course) => {
      queryClient.setQueryData(trainingKeys.course(courseId), course);
      await queryClient.invalidateQueries({ queryKey: trainingKeys.participants(courseId) });
      await queryClient.invalidateQueries({ queryKey: trainingKeys.courses });
      await queryClient.invalidateQueries({ queryKey: trainingKeys.lineage });
      onDone?.();
    },
  });
}

interface ModuleValues { title: string; objectives: string; hours: string; materials: Array<{ title: string; url: string }> }

function ModuleForm({ courseId, module, onDone }: { courseId: string; module: CourseModule | null; onDone(): void }) {
  const { t } = useTranslation();
  const initial: ModuleValues = { title: module?.title ?? '', objectives: module?.objectives ?? '', hours: module ? String(module.hours) : '', materials: module?.materials ?? [] };
  const [v, setV] = useState(initial);
  const guard = useLeaveGuard(JSON.stringify(v) !== JSON.stringify(initial));
  const input = () => ({
    title: v.title, objectives: v.objectives, materials: v.materials.filter((m) => m.title.trim() || m.url.trim()).map((m) => ({ title: m.title, url: m.url.trim() })),
    hours: v.hours.trim() === '' ? 0 : /^\d+(\.\d+)?$/.test(v.hours.trim()) ? Number(v.hours) : (v.hours as unknown as number),
  });
  const save = useCourseChange(courseId, () => (module ? updateModule(courseId, module.id, input()) : addModule(courseId, input())), () => { guard.release(); notify(t('ui.saved')); onDone(); });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const setMaterial = (i: number, patch: Partial<{ title: string; url: string }>) => setV((s) => ({ ...s, materials: s.materials.map((m, j) => (j === i ? { ...m, ...patch } : m)) }));
  return (
    <Form onSubmit={() => save.mutate(undefined)} gap="sm">
      <TextInput label={t('training.moduleTitle')} required data-autofocus value={v.title} error={errors.title} onChange={(e) => { const title = e.currentTarget.value; setV((s) => ({ ...s, title })); }} />
      <Textarea label={t('training.objectives')} description={t('training.objectivesHelp')} autosize minRows={3} value={v.objectives} error={errors.objectives}
        onChange={(e) => { const objectives = e.currentTarget.value; setV((s) => ({ ...s, objectives })); }} />
      <TextInput label={t('training.hours')} inputMode="decimal" w={160} value={v.hours} error={errors.hours} onChange={(e) => { const hours = e.currentTarget.value; setV((s) => ({ ...s, hours })); }} />
      <Text size="sm" fw={500}>{t('training.materials')}</Text>
      {v.materials.map((m, i) => (
        <Group key={i} align="flex-end" wrap="nowrap" gap="xs">
          <TextInput style={{ flex: 1 }} label={t('training.materialTitle')} value={m.title} error={errors[`materials.${i}.title`]} onChange={(e) => setMaterial(i, { title: e.currentTarget.value })} />
          <TextInput style={{ flex: 1 }} type="url" label={t('training.materialUrl')} placeholder="https://" value={m.url} error={errors[`materials.${i}.url`]} onChange={(e) => setMaterial(i, { url: e.currentTarget.value })} />
          <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('training.removeMaterial')} onClick={() => setV((s) => ({ ...s, materials: s.materials.filter((_, j) => j !== i) }))}><IconTrash size={16} /></ActionIcon>
        </Group>
      ))}
      <Group><Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setV((s) => ({ ...s, materials: [...s.materials, { title: '', url: '' }] }))}>{t('training.addMaterial')}</Button></Group>
      <ProblemAlert error={save.error} />
      <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('ui.save')}</Button></Group>
      {guard.dialog}
    </Form>
  );
}

function Curriculum({ course, manage }: { course: CourseDetail; manage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<CourseModule | 'new' | null>(null);
  const remove = useCourseChange(course.id, (moduleId: string) => removeModule(course.id, moduleId));
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">{t('training.curriculum')}</Title>
        {manage && <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>{t('training.addModule')}</Button>}
      </Group>
      <ProblemAlert error={remove.error} />
      {course.modules.length === 0 ? <EmptyState>{t('training.noModules')}</EmptyState> : course.modules.map((m, i) => (
        <Paper key={m.id} withBorder p="sm">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text fw={600}>{`${i + 1}. ${m.title}`}</Text>
              {m.hours ? <Text size="sm" c="dimmed">{t('training.hoursCount', { count: m.hours })}</Text> : null}
            </div>
            {manage && (
              <Group gap={4} wrap="nowrap">
                <ActionIcon variant="subtle" size="lg" aria-label={t('ui.edit')} onClick={() => setEditing(m)}><IconPencil size={16} /></ActionIcon>
                <ConfirmButton size="xs" label={t('training.removeModule')} question={t('training.removeModuleQuestion', { title: m.title })} onConfirm={() => remove.mutateAsync(m.id)} />
              </Group>
            )}
          </Group>
          {m.objectives.trim() && (
            <List size="sm" mt={4}>{m.objectives.split('\n').filter((o) => o.trim()).map((o, j) => <List.Item key={j}>{o}</List.Item>)}</List>
          )}
          {m.materials.length > 0 && (
            <Group gap="xs" mt={4}>
              {m.materials.map((x, j) => (x.url ? <Anchor key={j} href={x.url} target="_blank" rel="noreferrer" size="sm">{x.title}</Anchor> : <Text key={j} size="sm">{x.title}</Text>))}
            </Group>
          )}
        </Paper>
      ))}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('training.addModule') : t('ui.edit')} size="lg">
        {editing !== null && <ModuleForm courseId={course.id} module={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

const instant = (local: string) => (/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(local) ? wallTimeToInstant(local, orgTimeZone()) : local);

function SessionForm({ course, onDone }: { course: CourseDetail; onDone(): void }) {
  const { t } = useTranslation();
  const initial = { title: `${course.title} — ${t('training.sessionNumber', { n: course.sessionList.length + 1 })}`, startsAt: '', endsAt: '', venue: '', onlineUrl: '', capacity: '', audience: 'members' as 'members' | 'public' };
  const [v, setV] = useState(initial);
  const guard = useLeaveGuard(JSON.stringify(v) !== JSON.stringify(initial));
  const save = useCourseChange(course.id, () => addSession(course.id, {
    title: v.title, startsAt: instant(v.startsAt), endsAt: instant(v.endsAt), venue: v.venue, onlineUrl: v.onlineUrl.trim(), audience: v.audience,
    capacity: v.capacity.trim() ? (/^\d+$/.test(v.capacity.trim()) ? Number(v.capacity) : (v.capacity as unknown as number)) : null,
  }), () => { guard.release(); notify(t('training.sessionAdded')); onDone(); });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const text = (key: 'title' | 'startsAt' | 'endsAt' | 'venue' | 'onlineUrl' | 'capacity') => ({
    value: v[key], error: errors[key], onChange: (e: { currentTarget: { value: string } }) => { const value = e.currentTarget.value; setV((s) => ({ ...s, [key]: value })); },
  });
  return (
    <Form onSubmit={() => save.mutate(undefined)} gap="sm">
      <Text size="sm" c="dimmed">{t('training.sessionHelp')}</Text>
      <TextInput label={t('events.title')} required data-autofocus {...text('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="datetime-local" label={t('events.startsAt')} description={t('events.timesIn', { zone: orgTimeZone() })} required {...text('startsAt')}
          onChange={(e) => { const value = e.currentTarget.value; setV((s) => ({ ...s, startsAt: value, endsAt: s.endsAt || value })); }} />
        <TextInput type="datetime-local" label={t('events.endsAt')} required {...text('endsAt')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('events.venue')} {...text('venue')} />
        <TextInput type="url" label={t('events.onlineUrl')} placeholder="https://" {...text('onlineUrl')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('events.capacity')} description={t('events.capacityHelp')} inputMode="numeric" {...text('capacity')} />
        <Select label={t('events.audience')} allowDeselect={false} value={v.audience} onChange={(a) => a && setV((s) => ({ ...s, audience: a as 'members' | 'public' }))}
          data={(['members', 'public'] as const).map((a) => ({ value: a, label: t(`events.audiences.${a}`) }))} />
      </SimpleGrid>
      <ProblemAlert error={save.error} />
      <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('ui.save')}</Button></Group>
      {guard.dialog}
    </Form>
  );
}

function Sessions({ course, manage }: { course: CourseDetail; manage: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">{t('training.sessions')}</Title>
        {manage && <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>{t('training.addSession')}</Button>}
      </Group>
      {course.sessionList.length === 0 ? <EmptyState>{t('training.noSessions')}</EmptyState> : course.sessionList.map((s) => (
        <Paper key={s.id} withBorder p="sm">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Anchor component={Link} to={`/events/${s.id}`} fw={600} style={{ minHeight: 44, display: 'inline-flex', alignItems: 'center' }}>{s.title}</Anchor>
            <Badge variant="light" color={s.state === 'published' ? 'teal' : s.state === 'cancelled' ? 'red' : 'gray'}>{t(`events.states.${s.state}`)}</Badge>
          </Group>
          <Text size="sm">{eventWhen(s)}</Text>
          {s.venue && <Text size="sm" c="dimmed">{s.venue}</Text>}
          <SeatLine event={s} />
        </Paper>
      ))}
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('training.addSession')} size="lg">
        {adding && <SessionForm course={course} onDone={() => setAdding(false)} />}
      </Modal>
    </Stack>
  );
}

function Trainers({ course, manage }: { course: CourseDetail; manage: boolean }) {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState<string | null>(null);
  const add = useCourseChange(course.id, (id: string) => addTrainer(course.id, id), () => setPersonId(null));
  const remove = useCourseChange(course.id, (id: string) => removeTrainer(course.id, id));
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">{t('training.trainers')}</Title>
      {course.trainers.length === 0 ? <EmptyState>{t('training.noTrainers')}</EmptyState> : (
        <Stack gap={4}>
          {course.trainers.map((tr) => (
            <Group key={tr.personId} justify="space-between" wrap="nowrap">
              <Group gap="xs">
                <Anchor component={Link} to={`/people-reached/${tr.personId}`} size="sm">{tr.name}</Anchor>
                {tr.certified && <Badge size="sm" color="grape" variant="light">{t('training.certified')}</Badge>}
              </Group>
              {manage && <ConfirmButton size="xs" label={t('training.removeTrainer')} question={t('training.removeTrainerQuestion', { name: tr.name })} onConfirm={() => remove.mutateAsync(tr.personId)} />}
            </Group>
          ))}
        </Stack>
      )}
      <ProblemAlert error={remove.error} />
      {manage && (
        <Form onSubmit={() => personId && add.mutate(personId)} gap="xs">
          <Group align="flex-end" wrap="wrap">
            <PersonPicker label={t('training.addTrainer')} value={personId} onChange={setPersonId} />
            <Button type="submit" variant="light" disabled={!personId} loading={add.isPending} leftSection={<IconPlus size={14} />}>{t('training.addTrainerButton')}</Button>
          </Group>
          <Text size="xs" c="dimmed">{t('training.trainerHelp')}</Text>
          <ProblemAlert error={add.error} />
        </Form>
      )}
    </Stack>
  );
}

function CertifyForm({ course, participant, onDone }: { course: CourseDetail; participant: CourseParticipant; onDone(): void }) {
  const { t } = useTranslation();
  const initial = { certifiedOn: orgToday(), teachBack: '' };
  const [v, setV] = useState(initial);
  const guard = useLeaveGuard(JSON.stringify(v) !== JSON.stringify(initial));
  const save = useCourseChange(course.id, () => certifyTrainer(course.id, { personId: participant.personId, ...v }), () => {
    guard.release(); notify(t('training.certifiedDone', { name: participant.name })); onDone();
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Form onSubmit={() => save.mutate(undefined)} gap="sm">
      <Text size="sm">{t('training.certifyHelp', { name: participant.name })}</Text>
      <TextInput type="date" label={t('training.certifiedOn')} required w={200} value={v.certifiedOn} error={errors.certifiedOn} onChange={(e) => { const certifiedOn = e.currentTarget.value; setV((s) => ({ ...s, certifiedOn })); }} />
      <Textarea label={t('training.teachBack')} description={t('training.teachBackHelp')} required autosize minRows={3} data-autofocus value={v.teachBack} error={errors.teachBack}
        onChange={(e) => { const teachBack = e.currentTarget.value; setV((s) => ({ ...s, teachBack })); }} />
      <ProblemAlert error={save.error} />
      <Group justify="flex-end"><Button type="submit" loading={save.isPending}>{t('training.certify')}</Button></Group>
      {guard.dialog}
    </Form>
  );
}

/** Who attended: searched, completed or not, sorted by name, attendance or score, paged, in the address and downloaded by staff. */
function Participants({ course, manage }: { course: CourseDetail; manage: boolean }) {
  const { t } = useTranslation();
  const [certifying, setCertifying] = useState<CourseParticipant | null>(null);
  const completed = course.participants.filter((p) => p.completed).length;
  const certificates = useQuery({ queryKey: trainingKeys.certificates(course.id), queryFn: () => fetchCertificates(course.id), enabled: course.participants.length > 0 });
  const certificateOf = new Map((certificates.data?.items ?? []).map((c) => [c.personId, c]));
  const list = useListParams({ pq: '', completion: '', psort: 'name' }, ['pq']);
  const { pq, completion, psort } = list.values;
  const query = { q: list.query.pq, completion: list.query.completion, sort: list.query.psort };
  const path = participantsPath(course.id);
  const pages = useCursorPages<CourseParticipant>(trainingKeys.participants(course.id), path, query);
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start">
        <Title order={2} size="h4">{t('training.participants')}</Title>
        {manage && course.participants.length > 0 && (
          <Group gap="xs" align="flex-start">
            <IssueAllCertificates course={course} certificates={certificates.data?.items} />
            <ExportMenu path={path} query={query} />
          </Group>
        )}
      </Group>
      {course.participants.length > 0 && <Text size="sm" c="dimmed">{t('training.completedSummary', { completed, count: course.participants.length, share: course.completionShare })}</Text>}
      {course.participants.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput leftSection={<IconSearch size={16} />} label={t('training.searchParticipants')} value={pq} onChange={(e) => list.set('pq', e.currentTarget.value)} />
          <Select label={t('training.completion')} placeholder={t('training.anyCompletion')} clearable value={completion || null} onChange={(v) => list.set('completion', v ?? '')}
            data={COURSE_COMPLETIONS.map((c) => ({ value: c, label: t(`training.completions.${c}`) }))} />
        </SimpleGrid>
      )}
      <ProblemAlert error={pages.error} />
      <DataTable pending={pages.isPending} empty={pages.items.length === 0} emptyText={pq || completion ? t('training.noParticipantsMatch') : t('training.noParticipants')} minWidth={720}
        sort={{ value: psort, onChange: (v) => list.set('psort', v) }}
        headers={[
          { label: t('events.name'), sort: 'name' }, { label: t('training.attendance'), sort: 'attended', firstDescending: true }, t('training.completion'),
          { label: t('training.participantColumns.postScore'), sort: 'score', firstDescending: true }, ...(course.kind === 'tot' ? [t('training.certification')] : []), t('training.certificates.column'),
        ]}>
        {pages.items.map((p) => (
          <Table.Tr key={p.personId}>
            <Table.Td>
              <Anchor component={Link} to={`/people-reached/${p.personId}`} size="sm" fw={500}>{p.name}</Anchor>
              <Text size="xs" c="dimmed">{[p.firm, t(`peopleReached.sexes.${p.sex}`), p.ageBand !== 'unknown' ? t(`peopleReached.bands.${p.ageBand}`) : null].filter(Boolean).join(' · ')}</Text>
            </Table.Td>
            <Table.Td><Text size="sm">{t('training.attendedOf', { attended: p.attended, sessions: p.sessions, share: p.share })}</Text></Table.Td>
            <Table.Td><Badge variant="light" color={p.completed ? 'teal' : 'gray'}>{p.completed ? t('training.completed') : t('training.notCompleted')}</Badge></Table.Td>
            <Table.Td><Text size="sm">{p.postScore ?? '—'}</Text></Table.Td>
            {course.kind === 'tot' && (
              <Table.Td>
                {p.certification ? <Text size="sm">{t('training.certifiedOnBy', { on: formatDate(p.certification.certifiedOn), by: p.certification.certifiedBy })}</Text>
                  : manage && p.completed ? <Button size="xs" variant="light" onClick={() => setCertifying(p)}>{t('training.certify')}</Button> : '—'}
              </Table.Td>
            )}
            <Table.Td><CertificateCell course={course} participant={p} certificate={certificateOf.get(p.personId)} manage={manage} /></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={!!pages.hasNextPage} loading={pages.isFetchingNextPage} onLoad={() => void pages.fetchNextPage()} />
      <Modal opened={certifying !== null} onClose={() => setCertifying(null)} title={t('training.certify')} size="lg">
        {certifying && <CertifyForm course={course} participant={certifying} onDone={() => setCertifying(null)} />}
      </Modal>
    </Stack>
  );
}

/** A course: what it teaches, its sessions (events), its trainers, and who attended against the completion rule. */
export function CoursePage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  const can = useCan();
  const course = useQuery({ queryKey: trainingKeys.course(id), queryFn: () => fetchCourse(id) });
  if (course.isPending) return <Loading />;
  if (course.error) return <ProblemAlert error={course.error} />;
  const c = course.data;
  const manage = can('training.manage');
  return (
    <Stack>
      <PageHeader title={c.title}>
        <Badge color={kindColor[c.kind]} variant="light">{t(`training.kinds.${c.kind}`)}</Badge>
        {manage && <Button component={Link} to={`/training/${c.id}/edit`} variant="default" size="xs" leftSection={<IconPencil size={14} />}>{t('ui.edit')}</Button>}
      </PageHeader>
      <CourseCapacityGap courseId={c.id} />
      <Paper withBorder p="md">
        <Stack gap={6}>
          {c.audience && <Text size="sm"><Text span fw={600}>{t('training.audience')}: </Text>{c.audience}</Text>}
          <Text size="sm">{[c.hours ? t('training.hoursCount', { count: c.hours }) : null, t('training.completionRule', { share: c.completionShare })].filter(Boolean).join(' · ')}</Text>
          {c.description && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Text>}
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Curriculum course={c} manage={manage} />
        <Stack>
          <Sessions course={c} manage={manage} />
          <Trainers course={c} manage={manage} />
        </Stack>
      </SimpleGrid>
      <Participants course={c} manage={manage} />
      <CourseEvaluationSection course={c} manage={manage} />
    </Stack>
  );
}
