import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { DecisionMakerDetail, DecisionMakerInput, MembershipInput } from '../../../contracts/decision-makers.js';
import { ApiError } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { EditRemove } from '../../ui/EditRemove.js';
import { DataTable } from '../../ui/DataTable.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { changeMemberships, decisionMakerKeys, deleteDecisionMaker, fetchDecisionMaker, fetchForumSeats, fetchPublicBodies, fullName, stanceColor, updateDecisionMaker } from './decision-makers-api.js';
import { PersonForm } from './PersonForm.js';
import { changedFrom } from '../../ui/leave-guard.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';

const blankMembership: MembershipInput = { organizationId: '', postId: null, role: '', startDate: null, endDate: null };

/** The posts a person holds and held: adding one, ending one. */
function Memberships({ person }: { person: DecisionMakerDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const manage = can('advocacy.manage');
  const bodies = useQuery({ queryKey: decisionMakerKeys.bodies, queryFn: fetchPublicBodies, enabled: manage });
  const [input, setInput] = useState<MembershipInput>(blankMembership);
  // The membership being changed (to set the day someone left a post), or null for a new one.
  const [editingId, setEditingId] = useState<string | null>(null);
  const reset = () => {
    setInput(blankMembership);
    setEditingId(null);
  };
  const change = useMutation({
    mutationFn: ({ path, method = 'POST', body }: { path: string; method?: string; body?: unknown }) => changeMemberships(person.id, path, body, method),
    onSuccess: (updated) => {
      queryClient.setQueryData(decisionMakerKeys.one(person.id), updated);
      void queryClient.invalidateQueries({ queryKey: decisionMakerKeys.list });
      void queryClient.invalidateQueries({ queryKey: decisionMakerKeys.bodies });
    },
  });
  const errors = change.error instanceof ApiError ? change.error.fieldErrors : {};
  const body = bodies.data?.items.find((b) => b.id === input.organizationId);
  return (
    <Stack>
      <DataTable pending={false} empty={person.memberships.length === 0} emptyText={t('decisionMakers.noMemberships')} minWidth={620}
        headers={[t('decisionMakers.body'), t('decisionMakers.post'), t('decisionMakers.from'), t('decisionMakers.until'), ...(manage ? [''] : [])]}>
        {person.memberships.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td><Text size="sm" fw={500}>{m.organization.name}</Text><Text size="xs" c="dimmed">{t(`decisionMakers.kinds.${m.organization.classification}`)}</Text></Table.Td>
            <Table.Td>{[m.post?.label, m.role].filter(Boolean).join(' — ') || '—'} {!m.current && <Badge size="xs" variant="default">{t('decisionMakers.past')}</Badge>}</Table.Td>
            <Table.Td>{m.startDate ? formatDate(m.startDate) : '—'}</Table.Td>
            <Table.Td>{m.endDate ? formatDate(m.endDate) : '—'}</Table.Td>
            {manage && (
              <Table.Td>
                <EditRemove
                  onEdit={() => {
                    setEditingId(m.id);
                    setInput({ organizationId: m.organization.id, postId: m.post?.id ?? null, role: m.role, startDate: m.startDate, endDate: m.endDate });
                  }}
                  question={t('decisionMakers.removeMembershipQuestion', { body: m.organization.name })}
                  onRemove={() => change.mutateAsync({ path: `/${m.id}`, method: 'DELETE' })}
                />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </DataTable>
      {manage && (
        <Paper withBorder p="md">
          <Form onSubmit={() => change.mutate(editingId ? { path: `/${editingId}`, method: 'PUT', body: input } : { path: '', body: input }, { onSuccess: reset })} gap="xs">
            <Title order={3} size="h5">{editingId ? t('decisionMakers.changeMembership') : t('decisionMakers.addMembership')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select label={t('decisionMakers.body')} required searchable value={input.organizationId || null} error={errors.organizationId}
                onChange={(v) => setInput({ ...input, organizationId: v ?? '', postId: null })} data={(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
                nothingFoundMessage={t('decisionMakers.noBodies')} />
              <Select label={t('decisionMakers.post')} clearable value={input.postId} error={errors.postId} disabled={!body?.posts.length}
                onChange={(v) => setInput({ ...input, postId: v })} data={(body?.posts ?? []).map((p) => ({ value: p.id, label: p.label }))} />
              <TextInput label={t('decisionMakers.role')} placeholder={t('decisionMakers.roleHint')} value={input.role} error={errors.role} onChange={(e) => setInput({ ...input, role: e.currentTarget.value })} />
              <TextInput type="date" label={t('decisionMakers.from')} value={input.startDate ?? ''} error={errors.startDate} onChange={(e) => setInput({ ...input, startDate: e.currentTarget.value || null })} />
              <TextInput type="date" label={t('decisionMakers.until')} value={input.endDate ?? ''} error={errors.endDate} onChange={(e) => setInput({ ...input, endDate: e.currentTarget.value || null })} />
            </SimpleGrid>
            <Text size="xs" c="dimmed">{t('decisionMakers.bodiesHint')} <Anchor underline="always" component={Link} to="/decision-makers?tab=bodies" size="xs">{t('decisionMakers.bodies')}</Anchor></Text>
            <ProblemAlert error={change.error} />
            <Group>
              <Button type="submit" size="xs" loading={change.isPending}>{editingId ? t('ui.save') : t('decisionMakers.addMembership')}</Button>
              {editingId && <Button size="xs" variant="default" onClick={reset}>{t('ui.confirm.cancel')}</Button>}
            </Group>
          </Form>
        </Paper>
      )}
    </Stack>
  );
}

/** The dialogue forums where the person holds a seat, each linked: the other side of a forum's link to the directory. */
function ForumSeats({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const seats = useQuery({ queryKey: decisionMakerKeys.forums(personId), queryFn: () => fetchForumSeats(personId) });
  const items = seats.data?.items ?? [];
  return (
    <>
      <Title order={2} size="h4">{t('decisionMakers.forumSeats')}</Title>
      <ProblemAlert error={seats.error} />
      <DataTable pending={seats.isPending} empty={items.length === 0} emptyText={t('decisionMakers.noForumSeats')} minWidth={420}
        headers={[t('dialogue.forum'), t('dialogue.side'), t('dialogue.role')]}>
        {items.map((s) => (
          <Table.Tr key={`${s.forumId}-${s.side}-${s.role}`}>
            <Table.Td>{can('dialogue.read') ? <Anchor component={Link} to={`/dialogue/forums/${s.forumId}`}>{s.forumName}</Anchor> : s.forumName}</Table.Td>
            <Table.Td>{t(`dialogue.sides.${s.side}`, { defaultValue: s.side })}</Table.Td>
            <Table.Td>{t(`dialogue.roles.${s.role}`, { defaultValue: s.role })}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}

export function DecisionMakerPage() {
  const { id } = useParams() as { id: string };
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const person = useQuery({ queryKey: decisionMakerKeys.one(id), queryFn: () => fetchDecisionMaker(id) });
  const [editing, setEditing] = useState<DecisionMakerInput | null>(null);
  const asInput = (x: DecisionMakerInput): DecisionMakerInput => ({ name: x.name, honorificPrefix: x.honorificPrefix, email: x.email, phone: x.phone, notes: x.notes });
  useLeaveGuard(editing !== null && !!person.data && changedFrom(asInput(person.data), editing));
  const save = useMutation({
    mutationFn: (input: DecisionMakerInput) => updateDecisionMaker(id, input),
    onSuccess: (updated) => {
      queryClient.setQueryData(decisionMakerKeys.one(id), updated);
      void queryClient.invalidateQueries({ queryKey: decisionMakerKeys.list });
      notify(t('ui.saved'));
      setEditing(null);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteDecisionMaker(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: decisionMakerKeys.all });
      notify(t('decisionMakers.removed'));
      void navigate('/decision-makers');
    },
  });
  if (person.isPending) return <Loading />;
  if (person.error) return <ProblemAlert error={person.error} />;
  const p = person.data;
  const manage = can('advocacy.manage');
  return (
    <Stack>
      <PageHeader title={fullName(p)}>
        {manage && !editing && <Button size="xs" variant="default" onClick={() => setEditing(asInput(p))}>{t('ui.edit')}</Button>}
        {manage && <ConfirmButton label={t('ui.remove')} question={t('decisionMakers.removeQuestion', { name: p.name, count: p.issues.length })} onConfirm={() => remove.mutateAsync()} />}
      </PageHeader>
      <ProblemAlert error={remove.error} />
      {editing ? (
        <Paper withBorder p="md">
          <PersonForm value={editing} onChange={setEditing} onSubmit={() => save.mutate(editing)} onCancel={() => setEditing(null)} pending={save.isPending} error={save.error} submitLabel={t('ui.save')} />
        </Paper>
      ) : (
        <Paper withBorder p="md">
          <Group gap="xl">
            <div><Text size="xs" c="dimmed">{t('decisionMakers.email')}</Text><Text size="sm">{p.email ? <Anchor href={`mailto:${p.email}`} size="sm">{p.email}</Anchor> : '—'}</Text></div>
            <div><Text size="xs" c="dimmed">{t('decisionMakers.phone')}</Text><Text size="sm">{p.phone ? <Anchor href={`tel:${p.phone}`} size="sm">{p.phone}</Anchor> : '—'}</Text></div>
          </Group>
          {p.notes && <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>{p.notes}</Text>}
        </Paper>
      )}
      <Title order={2} size="h4">{t('decisionMakers.postsHeld')}</Title>
      <Memberships person={p} />
      <Title order={2} size="h4">{t('decisionMakers.onIssues')}</Title>
      <DataTable pending={false} empty={p.issues.length === 0} emptyText={t('decisionMakers.onNoIssues')} minWidth={560}
        headers={[t('advocacy.fields.title'), t('decisionMakers.stance'), t('decisionMakers.influence'), t('decisionMakers.note')]}>
        {p.issues.map((i) => (
          <Table.Tr key={i.issueId}>
            <Table.Td><Anchor component={Link} to={`/advocacy/${i.issueId}?tab=map`}>{i.title}</Anchor></Table.Td>
            <Table.Td><Badge variant="light" color={stanceColor[i.stance]}>{t(`decisionMakers.stances.${i.stance}`)}</Badge></Table.Td>
            <Table.Td>{t(`decisionMakers.influences.${i.influence}`)}</Table.Td>
            <Table.Td><Text size="sm">{i.note || '—'}</Text></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <ForumSeats personId={p.id} />
      {p.objectives.length > 0 && (
        <>
          <Title order={2} size="h4">{t('decisionMakers.objectivesAimed')}</Title>
          <Stack gap={4}>
            {p.objectives.map((o) => (
              <Text key={o.id} size="sm">{o.text} — <Anchor underline="always" component={Link} to={`/advocacy/${o.issueId}?tab=plan`} size="sm">{o.issueTitle}</Anchor></Text>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
