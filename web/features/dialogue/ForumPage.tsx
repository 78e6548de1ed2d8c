import { Anchor, Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FORUM_ROLES, FORUM_SIDES, type ForumMember, type ForumMemberInput } from '../../../contracts/dialogue.js';
import { can as roleCan } from '../../../contracts/permissions.js';
import { wallTimeToInstant } from '../../../contracts/time.js';
import { ApiError } from '../../app/api.js';
import { orgTimeZone } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { EditRemove } from '../../ui/EditRemove.js';
import { changedFrom } from '../../ui/leave-guard.js';
import { DataTable } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { Form } from '../../ui/Form.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchPeopleForPicker, orgKeys } from '../orgs/api.js';
import { createMeeting, dialogueKeys, fetchForum, removeForumMember, saveForumMember } from './api.js';
import { ForumForm } from './DialoguePage.js';
import { MeetingLine } from './MeetingLine.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';

const blankMember = (): ForumMemberInput => ({ side: 'private', name: '', email: '', affiliation: '', role: 'member', userId: null });

function MemberForm({ forumId, member, onDone }: { forumId: string; member: ForumMember | null; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [start] = useState<ForumMemberInput>(member ? { side: member.side, name: member.name, email: member.email, affiliation: member.affiliation, role: member.role, userId: member.userId } : blankMember());
  const [input, setInput] = useState<ForumMemberInput>(start);
  const guard = useLeaveGuard(changedFrom(start, input));
  // Officials with an account see the forums they sit in; only admins and staff list accounts.
  const people = useQuery({ queryKey: orgKeys.peoplePicker('officials'), queryFn: fetchPeopleForPicker });
  const save = useMutation({
    mutationFn: () => saveForumMember(forumId, member?.id, input),
    onSuccess: (forum) => {
      guard.release();
      queryClient.setQueryData(dialogueKeys.forum(forumId), forum);
      onDone();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <Form onSubmit={() => save.mutate()}>
      <TextInput label={t('dialogue.memberName')} required data-autofocus value={input.name} error={errors.name} onChange={(e) => setInput({ ...input, name: e.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('dialogue.side')} allowDeselect={false} value={input.side} onChange={(v) => v && setInput({ ...input, side: v as ForumMemberInput['side'] })} data={FORUM_SIDES.map((s) => ({ value: s, label: t(`dialogue.sides.${s}`) }))} />
        <Select label={t('dialogue.role')} allowDeselect={false} value={input.role} onChange={(v) => v && setInput({ ...input, role: v as ForumMemberInput['role'] })} data={FORUM_ROLES.map((r) => ({ value: r, label: t(`dialogue.roles.${r}`) }))} />
      </SimpleGrid>
      <TextInput label={t('dialogue.affiliation')} description={t('dialogue.affiliationHelp')} value={input.affiliation} onChange={(e) => setInput({ ...input, affiliation: e.currentTarget.value })} />
      <TextInput label={t('dialogue.email')} description={t('dialogue.emailHelp')} type="email" value={input.email} error={errors.email} onChange={(e) => setInput({ ...input, email: e.currentTarget.value })} />
      <Select label={t('dialogue.account')} description={t('dialogue.accountHelp')} clearable searchable value={input.userId} error={errors.userId} onChange={(userId) => setInput({ ...input, userId })}
        data={(people.data?.items ?? []).filter((p) => roleCan(p.role, 'dialogue.own_forums_only') || p.userId === input.userId).map((p) => ({ value: p.userId, label: `${p.name} (${p.email})` }))} nothingFoundMessage={t('dialogue.noOfficials')} />
      <ProblemAlert error={save.error} />
      <Group>
        <Button type="submit" loading={save.isPending}>{t('ui.save')}</Button>
        <Button variant="default" onClick={onDone}>{t('ui.confirm.cancel')}</Button>
      </Group>
    </Form>
  );
}

/** A date and time typed on the organisation's clock (not the browser's), sent as an instant. */
const toIso = (local: string) => wallTimeToInstant(local, orgTimeZone());

function NewMeeting({ forumId, onDone }: { forumId: string; onDone(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [input, setInput] = useState({ title: '', startsAt: '', endsAt: '', location: '' });
  const create = useMutation({
    mutationFn: () => createMeeting(forumId, { ...input, startsAt: toIso(input.startsAt), endsAt: toIso(input.endsAt) }),
    onSuccess: async (m) => {
      await queryClient.invalidateQueries({ queryKey: dialogueKeys.all });
      void navigate(`/dialogue/meetings/${m.id}`);
    },
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  return (
    <Form onSubmit={() => create.mutate()}>
      <TextInput label={t('dialogue.meetingTitle')} required data-autofocus value={input.title} error={errors.title} onChange={(e) => setInput({ ...input, title: e.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="datetime-local" label={t('dialogue.startsAt')} description={t('dialogue.timesIn', { zone: orgTimeZone() })} required value={input.startsAt} error={errors.startsAt} onChange={(e) => setInput({ ...input, startsAt: e.currentTarget.value, endsAt: input.endsAt || e.currentTarget.value })} />
        <TextInput type="datetime-local" label={t('dialogue.endsAt')} required value={input.endsAt} error={errors.endsAt} onChange={(e) => setInput({ ...input, endsAt: e.currentTarget.value })} />
      </SimpleGrid>
      <TextInput label={t('dialogue.location')} value={input.location} onChange={(e) => setInput({ ...input, location: e.currentTarget.value })} />
      <ProblemAlert error={create.error} />
      <Group>
        <Button type="submit" loading={create.isPending}>{t('dialogue.scheduleMeeting')}</Button>
        <Button variant="default" onClick={onDone}>{t('ui.confirm.cancel')}</Button>
      </Group>
    </Form>
  );
}

export function ForumPage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [member, setMember] = useState<ForumMember | 'new' | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const forum = useQuery({ queryKey: dialogueKeys.forum(id), queryFn: () => fetchForum(id) });
  const remove = useMutation({
    mutationFn: (memberId: string) => removeForumMember(id, memberId),
    onSuccess: (f) => {
      queryClient.setQueryData(dialogueKeys.forum(id), f);
      notify(t('dialogue.memberRemoved'));
    },
  });
  if (forum.isPending) return <Loading />;
  if (forum.error) return <ProblemAlert error={forum.error} />;
  const f = forum.data;
  const manage = can('dialogue.manage');
  return (
    <Stack>
      <PageHeader title={f.name}>
        <Badge variant="default">{t(`dialogue.kinds.${f.kind}`)}</Badge>
        {f.isPublic && <Badge variant="outline">{t('dialogue.publicBadge')}</Badge>}
        {manage && !editing && <Button size="xs" variant="default" onClick={() => setEditing(true)}>{t('ui.edit')}</Button>}
      </PageHeader>
      {editing ? (
        <Paper withBorder p="md">
          <ForumForm initial={f} onCancel={() => setEditing(false)} onSaved={(saved) => { queryClient.setQueryData(dialogueKeys.forum(id), saved); void queryClient.invalidateQueries({ queryKey: dialogueKeys.forums }); setEditing(false); }} />
        </Paper>
      ) : f.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{f.description}</Text>}
      <Group justify="space-between">
        <Title order={2} size="h4">{t('dialogue.members')}</Title>
        {manage && <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setMember('new')}>{t('dialogue.addMember')}</Button>}
      </Group>
      <ProblemAlert error={remove.error} />
      <DataTable pending={false} empty={f.memberList.length === 0} emptyText={t('dialogue.noMembers')} minWidth={640} headers={[t('dialogue.memberName'), t('dialogue.side'), t('dialogue.role'), t('dialogue.account'), '']}>
        {f.memberList.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>
              <Text size="sm" fw={500}>{m.decisionMakerId ? <Anchor component={Link} to={`/decision-makers/${m.decisionMakerId}`} inherit title={t('dialogue.inDirectory')}>{m.name}</Anchor> : m.name}</Text>
              <Text size="xs" c="dimmed">{[m.affiliation, m.email].filter(Boolean).join(' · ')}</Text></Table.Td>
            <Table.Td><Badge variant="light" color={m.side === 'public' ? 'grape' : 'blue'}>{t(`dialogue.sides.${m.side}`)}</Badge></Table.Td>
            <Table.Td>{t(`dialogue.roles.${m.role}`)}</Table.Td>
            <Table.Td>{m.userName ?? '—'}</Table.Td>
            <Table.Td>
              {manage && <EditRemove onEdit={() => setMember(m)} question={t('dialogue.removeMemberQuestion', { name: m.name })} onRemove={() => remove.mutateAsync(m.id)} />}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Group justify="space-between">
        <Title order={2} size="h4">{t('dialogue.meetings')}</Title>
        {manage && <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setScheduling(true)}>{t('dialogue.scheduleMeeting')}</Button>}
      </Group>
      {f.meetings.length ? <Paper withBorder p="sm"><Stack gap="xs">{[...f.meetings].reverse().map((m) => <MeetingLine key={m.id} meeting={m} />)}</Stack></Paper> : <EmptyState>{t('dialogue.noMeetings')}</EmptyState>}
      <Modal opened={member !== null} onClose={() => setMember(null)} title={member === 'new' ? t('dialogue.addMember') : t('dialogue.editMember')}>
        {member !== null && <MemberForm forumId={id} member={member === 'new' ? null : member} onDone={() => setMember(null)} />}
      </Modal>
      <Modal opened={scheduling} onClose={() => setScheduling(false)} title={t('dialogue.scheduleMeeting')}>
        <NewMeeting forumId={id} onDone={() => setScheduling(false)} />
      </Modal>
    </Stack>
  );
}
