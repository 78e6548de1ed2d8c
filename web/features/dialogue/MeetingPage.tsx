import { ActionIcon, Anchor, Badge, Button, Checkbox, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconCalendarPlus, IconFileTypePdf, IconMail, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MEETING_STATUSES, type MeetingDetail, type MinutesInput } from '../../../contracts/dialogue.js';
import { ApiError } from '../../app/api.js';
import { formatDate, formatDateTime } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { changedFrom } from '../../ui/leave-guard.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { advocacyKeys, fetchAgendaOptions } from '../advocacy/api.js';
import { changeMeeting, dialogueKeys, fetchAgendaPapers, fetchMeeting, meetingStatusColor, sendMeetingInvitations } from './api.js';
import { DecisionCard } from './DecisionCard.js';

function useMeetingChange(id: string, path: string, method = 'POST') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => changeMeeting(id, path, body, method),
    onSuccess: (m) => {
      queryClient.setQueryData(dialogueKeys.meeting(id), m);
      // Not awaited: the form that made the change clears as the change shows, not a refetch later.
      void queryClient.invalidateQueries({ queryKey: advocacyKeys.all });
    },
  });
}

/** The approved position papers behind an agenda item, read in place: officials do not open the advocacy pages. */
function AgendaPapers({ meetingId, itemId, title, onClose }: { meetingId: string; itemId: string; title: string; onClose(): void }) {
  const { t } = useTranslation();
  const papers = useQuery({ queryKey: dialogueKeys.agendaPapers(meetingId, itemId), queryFn: () => fetchAgendaPapers(meetingId, itemId) });
  return (
    <Modal opened onClose={onClose} title={t('dialogue.papersBehind', { title })} size="lg">
      {papers.isPending ? <Loading /> : papers.error ? <ProblemAlert error={papers.error} /> : papers.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">{t('dialogue.noApprovedPaper')}</Text>
      ) : (
        <Stack>
          {papers.data.items.map(({ paperId, shown }) => (
            <Stack key={paperId} gap="xs" component="article">
              <Title order={3} size="h5">{shown.title}</Title>
              <Text size="xs" c="dimmed">{t('dialogue.paperApproved', { version: shown.version, date: formatDate(shown.createdAt) })}</Text>
              {(['problem', 'evidence', 'proposals', 'expectedImpact'] as const).filter((s) => shown[s].trim()).map((s) => (
                <div key={s}>
                  <Text size="sm" fw={600}>{t(`pdf.paper.${s}`)}</Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{shown[s]}</Text>
                </div>
              ))}
            </Stack>
          ))}
        </Stack>
      )}
    </Modal>
  );
}

function Agenda({ meeting, manage }: { meeting: MeetingDetail; manage: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [issueId, setIssueId] = useState<string | null>(null);
  const [reading, setReading] = useState<{ id: string; title: string } | null>(null);
  const issues = useQuery({ queryKey: advocacyKeys.agendaOptions, queryFn: fetchAgendaOptions, enabled: manage });
  const add = useMeetingChange(meeting.id, '/agenda');
  const move = useMutation({
    mutationFn: ({ item, direction }: { item: string; direction: 'up' | 'down' }) => changeMeeting(meeting.id, `/agenda/${item}/move`, { direction }),
    onSuccess: (m) => queryClient.setQueryData(dialogueKeys.meeting(meeting.id), m),
  });
  const remove = useMutation({
    mutationFn: (item: string) => changeMeeting(meeting.id, `/agenda/${item}`, undefined, 'DELETE'),
    onSuccess: (m) => queryClient.setQueryData(dialogueKeys.meeting(meeting.id), m),
  });
  const errors = add.error instanceof ApiError ? add.error.fieldErrors : {};
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">{t('dialogue.agenda')}</Title>
      {meeting.agenda.length === 0 ? <Text c="dimmed" size="sm">{t('dialogue.noAgenda')}</Text> : (
        <Stack gap={6} component="ol" style={{ paddingLeft: '1.2rem', margin: 0 }}>
          {meeting.agenda.map((a, i) => (
            <li key={a.id}>
              <Group justify="space-between" wrap="nowrap">
                <div>
                  <Text size="sm">{a.title}</Text>
                  {a.issueId && (can('advocacy.read')
                    ? <Anchor component={Link} to={`/advocacy/${a.issueId}`} size="xs">{t('dialogue.fromIssue', { title: a.issueTitle })}</Anchor>
                    : <Text size="xs" c="dimmed">{t('dialogue.fromIssue', { title: a.issueTitle })}</Text>)}
                  {a.issueId && (
                    <Anchor component="button" type="button" size="xs" ml={a.issueId && can('advocacy.read') ? 'xs' : 0} onClick={() => setReading({ id: a.id, title: a.title })}>
                      {t('dialogue.readPaper')}
                    </Anchor>
                  )}
                </div>
                {manage && (
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={t('dialogue.moveUp')} disabled={i === 0} onClick={() => move.mutate({ item: a.id, direction: 'up' })}><IconArrowUp size={16} /></ActionIcon>
                    <ActionIcon variant="subtle" aria-label={t('dialogue.moveDown')} disabled={i === meeting.agenda.length - 1} onClick={() => move.mutate({ item: a.id, direction: 'down' })}><IconArrowDown size={16} /></ActionIcon>
                    <ConfirmButton icon={<IconTrash size={16} />} label={t('ui.remove')} question={t('dialogue.removeItemQuestion', { title: a.title })} onConfirm={() => remove.mutateAsync(a.id)} />
                  </Group>
                )}
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {reading && <AgendaPapers meetingId={meeting.id} itemId={reading.id} title={reading.title} onClose={() => setReading(null)} />}
      <ProblemAlert error={move.error ?? remove.error} />
      {manage && (
        <Form mt="sm" onSubmit={() => add.mutate({ title, issueId }, { onSuccess: () => { setTitle(''); setIssueId(null); } })}>
          <Group align="flex-end">
            <Select style={{ flex: 1 }} label={t('dialogue.agendaIssue')} clearable searchable value={issueId} data={(issues.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }))}
              onChange={(v) => { setIssueId(v); if (v && !title) setTitle(issues.data?.items.find((i) => i.id === v)?.title ?? ''); }} />
            <TextInput style={{ flex: 1 }} label={t('dialogue.agendaItem')} value={title} error={errors.title} onChange={(e) => setTitle(e.currentTarget.value)} />
            <Button type="submit" size="sm" loading={add.isPending}>{t('dialogue.addItem')}</Button>
          </Group>
        </Form>
      )}
    </Paper>
  );
}

const minutesOf = (meeting: MeetingDetail): MinutesInput => ({ minutes: meeting.minutes, present: meeting.attendance.filter((a) => a.present).map((a) => a.memberId), status: meeting.status === 'planned' ? 'held' : meeting.status });

function Minutes({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const [input, setInput] = useState<MinutesInput>(() => minutesOf(meeting));
  const save = useMeetingChange(meeting.id, '/minutes', 'PUT');
  // Who was present is a set: ticking someone and unticking them again changes nothing.
  const comparable = (m: MinutesInput) => ({ ...m, present: [...m.present].sort() });
  const guard = useLeaveGuard(changedFrom(comparable(minutesOf(meeting)), comparable(input)));
  return (
    <Paper withBorder p="md">
      {guard.dialog}
      <Title order={2} size="h4" mb="sm">{t('dialogue.minutesAndAttendance')}</Title>
      <Checkbox.Group label={t('dialogue.present')} value={input.present} onChange={(present) => setInput({ ...input, present })}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4}>
          {meeting.attendance.map((a) => <Checkbox key={a.memberId} value={a.memberId} label={`${a.name}${a.affiliation ? ` — ${a.affiliation}` : ''}`} />)}
        </SimpleGrid>
      </Checkbox.Group>
      {meeting.attendance.length === 0 && <Text size="sm" c="dimmed">{t('dialogue.noMembers')}</Text>}
      <Textarea mt="sm" label={t('dialogue.minutes')} autosize minRows={5} value={input.minutes} onChange={(e) => setInput({ ...input, minutes: e.currentTarget.value })} />
      <Select mt="sm" w={220} label={t('dialogue.status')} allowDeselect={false} value={input.status} onChange={(v) => v && setInput({ ...input, status: v as MinutesInput['status'] })} data={MEETING_STATUSES.map((s) => ({ value: s, label: t(`dialogue.meetingStatuses.${s}`) }))} />
      <ProblemAlert error={save.error} />
      <Button mt="sm" onClick={() => save.mutate(input, { onSuccess: () => notify(t('ui.saved')) })} loading={save.isPending}>{t('dialogue.saveMinutes')}</Button>
    </Paper>
  );
}

function NewDecision({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const [input, setInput] = useState({ text: '', owner: '', dueOn: '', agendaItemId: null as string | null });
  const add = useMeetingChange(meeting.id, '/decisions');
  const errors = add.error instanceof ApiError ? add.error.fieldErrors : {};
  return (
    <Paper withBorder p="sm">
      <Title order={3} size="h5" mb="xs">{t('dialogue.recordDecision')}</Title>
      <Form gap="xs" onSubmit={() => add.mutate({ ...input, dueOn: input.dueOn || null }, { onSuccess: () => setInput({ text: '', owner: '', dueOn: '', agendaItemId: null }) })}>
        <Textarea label={t('dialogue.decision')} required autosize minRows={2} value={input.text} error={errors.text} onChange={(e) => setInput({ ...input, text: e.currentTarget.value })} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('dialogue.owner')} required value={input.owner} error={errors.owner} onChange={(e) => setInput({ ...input, owner: e.currentTarget.value })} />
          <TextInput type="date" label={t('dialogue.due')} value={input.dueOn} error={errors.dueOn} onChange={(e) => setInput({ ...input, dueOn: e.currentTarget.value })} />
          <Select label={t('dialogue.underItem')} clearable value={input.agendaItemId} onChange={(agendaItemId) => setInput({ ...input, agendaItemId })} data={meeting.agenda.map((a) => ({ value: a.id, label: a.title }))} />
        </SimpleGrid>
        <ProblemAlert error={add.error} />
        <Group><Button type="submit" size="xs" loading={add.isPending}>{t('dialogue.recordDecision')}</Button></Group>
      </Form>
    </Paper>
  );
}

export function MeetingPage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  const can = useCan();
  const meeting = useQuery({ queryKey: dialogueKeys.meeting(id), queryFn: () => fetchMeeting(id) });
  const queryClient = useQueryClient();
  const invite = useMutation({
    mutationFn: () => sendMeetingInvitations(id),
    onSuccess: async (r) => {
      notify(t('dialogue.invited', { n: r.invited }));
      await queryClient.invalidateQueries({ queryKey: dialogueKeys.meeting(id) });
    },
  });
  if (meeting.isPending) return <Loading />;
  if (meeting.error) return <ProblemAlert error={meeting.error} />;
  const m = meeting.data;
  const manage = can('dialogue.manage');
  return (
    <Stack>
      <PageHeader title={m.title}>
        <Badge variant="light" color={meetingStatusColor[m.status]}>{t(`dialogue.meetingStatuses.${m.status}`)}</Badge>
      </PageHeader>
      <Text size="sm">
        <Anchor component={Link} to={`/dialogue/forums/${m.forumId}`}>{m.forumName}</Anchor> · {formatDateTime(m.startsAt)} – {formatDateTime(m.endsAt)}{m.location && ` · ${m.location}`}
      </Text>
      <Group gap="xs">
        {manage && m.status === 'planned' && (m.invitedAt
          ? <ConfirmButton variant="light" color="blue" size="xs" leftSection={<IconMail size={14} />} label={t('dialogue.resendInvitations')} question={t('dialogue.resendQuestion')} onConfirm={() => invite.mutateAsync()} loading={invite.isPending} />
          : <Button size="xs" leftSection={<IconMail size={14} />} onClick={() => invite.mutate()} loading={invite.isPending}>{t('dialogue.sendInvitations')}</Button>)}
        <Button size="xs" variant="default" component="a" href={`/api/v1/meetings/${id}/calendar.ics`} leftSection={<IconCalendarPlus size={14} />}>{t('dialogue.calendarFile')}</Button>
        <Button size="xs" variant="default" component="a" href={`/api/v1/meetings/${id}/minutes.pdf`} leftSection={<IconFileTypePdf size={14} />}>{t('dialogue.minutesPdf')}</Button>
      </Group>
      {m.invitedAt && <Text size="xs" c="dimmed">{t('dialogue.invitedAt', { date: formatDateTime(m.invitedAt) })}</Text>}
      <ProblemAlert error={invite.error} />
      <Agenda meeting={m} manage={manage} />
      {manage ? <Minutes key={m.id} meeting={m} /> : (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">{t('dialogue.minutes')}</Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{m.minutes || t('dialogue.noMinutes')}</Text>
        </Paper>
      )}
      <Title order={2} size="h4">{t('dialogue.decisions')}</Title>
      {m.decisions.length ? m.decisions.map((d) => <DecisionCard key={d.id} decision={d} />) : <EmptyState>{t('dialogue.noDecisionsYet')}</EmptyState>}
      {manage && <NewDecision meeting={m} />}
    </Stack>
  );
}
