import { Anchor, Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { BODY_KINDS, postLabel, type DecisionMaker, type DecisionMakerInput, type PublicBody, type PublicBodyInput } from '../../../contracts/decision-makers.js';
import { ApiError } from '../../app/api.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { DataTable } from '../../ui/DataTable.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { Form } from '../../ui/Form.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { changePublicBodies, createDecisionMaker, decisionMakerKeys, decisionMakersPath, deletePublicBody, emptyPerson, fetchPublicBodies, fullName } from './decision-makers-api.js';
import { PersonForm } from './PersonForm.js';
import { changedFrom } from '../../ui/leave-guard.js';
import { useLeaveGuard } from '../../ui/use-leave-guard.js';
import { useTabParam } from '../../ui/use-tab-param.js';

function NewPerson({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [input, setInput] = useState<DecisionMakerInput>(emptyPerson());
  const guard = useLeaveGuard(changedFrom(emptyPerson(), input));
  const create = useMutation({
    mutationFn: () => createDecisionMaker(input),
    onSuccess: async (person) => {
      await queryClient.invalidateQueries({ queryKey: decisionMakerKeys.all });
      notify(t('decisionMakers.created'));
      guard.release();
      void navigate(`/decision-makers/${person.id}`);
    },
  });
  return <PersonForm value={input} onChange={setInput} onSubmit={() => create.mutate()} onCancel={onClose} pending={create.isPending} error={create.error} submitLabel={t('decisionMakers.add')} />;
}

function People({ bodies }: { bodies: PublicBody[] }) {
  const { t } = useTranslation();
  const can = useCan();
  const params = useListParams({ q: '', organizationId: '', sort: 'name' });
  const { q, organizationId: body } = params.values;
  const [creating, setCreating] = useState(false);
  const list = useCursorPages<DecisionMaker>(decisionMakerKeys.list, decisionMakersPath, params.query);
  return (
    <Stack>
      <Group align="flex-end" justify="space-between">
        <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1, maxWidth: 720 }}>
          <TextInput leftSection={<IconSearch size={16} />} label={t('decisionMakers.search')} value={q} onChange={(e) => params.set('q', e.currentTarget.value)} />
          <Select label={t('decisionMakers.body')} clearable searchable value={body || null} onChange={(v) => params.set('organizationId', v ?? '')} data={bodies.map((b) => ({ value: b.id, label: b.name }))} />
        </SimpleGrid>
        <Group>
          {can('advocacy.manage') && <ExportMenu path={decisionMakersPath} query={params.query} />}
          {can('advocacy.manage') && <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{t('decisionMakers.add')}</Button>}
        </Group>
      </Group>
      <ProblemAlert error={list.error} />
      <DataTable pending={list.isPending} empty={list.items.length === 0} emptyText={q || body ? t('decisionMakers.noMatch') : t('decisionMakers.none')} minWidth={680} sort={params.sort}
        headers={[{ label: t('decisionMakers.name'), sort: 'name' }, t('decisionMakers.currentPosts'), t('decisionMakers.contact')]}>
        {list.items.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td><Anchor component={Link} to={`/decision-makers/${p.id}`} fw={600}>{fullName(p)}</Anchor></Table.Td>
            <Table.Td>
              {p.memberships.filter((m) => m.current).map((m) => (
                <Text key={m.id} size="sm">{postLabel(m)}</Text>
              ))}
              {!p.memberships.some((m) => m.current) && <Text size="sm" c="dimmed">—</Text>}
            </Table.Td>
            <Table.Td><Text size="sm">{[p.email, p.phone].filter(Boolean).join(' · ') || '—'}</Text></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('decisionMakers.add')} size="lg">
        <NewPerson onClose={() => setCreating(false)} />
      </Modal>
    </Stack>
  );
}

/** A body's name and kind, and, once it exists, its posts. */
function BodyEditor({ body: given, onClose }: { body: PublicBody | null; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // A new body stays open once created, so its posts can be added straight away.
  const [bodyId, setBodyId] = useState(given?.id ?? null);
  const bodies = useQuery({ queryKey: decisionMakerKeys.bodies, queryFn: fetchPublicBodies });
  const current = bodies.data?.items.find((b) => b.id === bodyId) ?? null;
  const [input, setInput] = useState<PublicBodyInput>({ name: given?.name ?? '', classification: given?.classification ?? 'ministry' });
  const [post, setPost] = useState('');
  const change = useMutation({
    mutationFn: ({ path, method = 'POST', body: payload }: { path: string; method?: string; body?: unknown }) =>
      changePublicBodies(path, payload, method),
    onSuccess: (updated) => {
      queryClient.setQueryData(decisionMakerKeys.bodies, { items: updated.items });
      void queryClient.invalidateQueries({ queryKey: decisionMakerKeys.all });
    },
  });
  const errors = change.error instanceof ApiError ? change.error.fieldErrors : {};
  const save = () => change.mutate(bodyId ? { path: `/${bodyId}`, method: 'PUT', body: input } : { path: '', body: input }, {
    onSuccess: (updated) => {
      notify(t('ui.saved'));
      if (bodyId) onClose();
      else setBodyId(updated.createdId ?? null);
    },
  });
  return (
    <Stack>
      <Form onSubmit={save} gap="sm">
        <TextInput label={t('decisionMakers.bodyName')} required data-autofocus value={input.name} error={errors.name} onChange={(e) => setInput({ ...input, name: e.currentTarget.value })} />
        <Select label={t('decisionMakers.classification')} allowDeselect={false} value={input.classification} onChange={(v) => v && setInput({ ...input, classification: v as PublicBodyInput['classification'] })}
          data={BODY_KINDS.map((k) => ({ value: k, label: t(`decisionMakers.kinds.${k}`) }))} />
        <Group justify="flex-end"><Button type="submit" loading={change.isPending}>{bodyId ? t('ui.save') : t('decisionMakers.addBody')}</Button></Group>
      </Form>
      {current && (
        <Stack gap="xs">
          <Text fw={600} size="sm">{t('decisionMakers.posts')}</Text>
          {current.posts.length === 0 && <Text size="sm" c="dimmed">{t('decisionMakers.noPosts')}</Text>}
          {current.posts.map((p) => (
            <Group key={p.id} justify="space-between" wrap="nowrap">
              <Text size="sm">{p.label}{p.holders.length > 0 && <Text span c="dimmed"> — {p.holders.map((h) => h.name).join(', ')}</Text>}</Text>
              <ConfirmButton label={t('ui.remove')} question={t('decisionMakers.removePostQuestion', { post: p.label })} onConfirm={() => change.mutateAsync({ path: `/${current.id}/posts/${p.id}`, method: 'DELETE' })} />
            </Group>
          ))}
          <Form onSubmit={() => change.mutate({ path: `/${current.id}/posts`, body: { label: post } }, { onSuccess: () => setPost('') })} gap="xs">
            <Group align="flex-end">
              <TextInput style={{ flex: 1 }} label={t('decisionMakers.newPost')} placeholder={t('decisionMakers.newPostHint')} value={post} error={errors.label} onChange={(e) => setPost(e.currentTarget.value)} />
              <Button type="submit" variant="light">{t('decisionMakers.addPost')}</Button>
            </Group>
          </Form>
        </Stack>
      )}
      <ProblemAlert error={change.error} />
    </Stack>
  );
}

function Bodies({ bodies, pending, error }: { bodies: PublicBody[]; pending: boolean; error: unknown }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<PublicBody | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: deletePublicBody,
    onSuccess: (updated) => {
      queryClient.setQueryData(decisionMakerKeys.bodies, updated);
      void queryClient.invalidateQueries({ queryKey: decisionMakerKeys.all });
    },
  });
  const manage = can('advocacy.manage');
  return (
    <Stack>
      {manage && <Group justify="flex-end"><Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>{t('decisionMakers.addBody')}</Button></Group>}
      <ProblemAlert error={error ?? remove.error} />
      <DataTable pending={pending} empty={bodies.length === 0} emptyText={t('decisionMakers.noBodies')} minWidth={680}
        headers={[t('decisionMakers.bodyName'), t('decisionMakers.posts'), t('decisionMakers.peopleNow'), ...(manage ? [''] : [])]}>
        {bodies.map((b) => (
          <Table.Tr key={b.id}>
            <Table.Td><Text size="sm" fw={600}>{b.name}</Text><Badge size="xs" variant="default">{t(`decisionMakers.kinds.${b.classification}`)}</Badge></Table.Td>
            <Table.Td>
              {b.posts.map((p) => (
                <Text key={p.id} size="sm">{p.label}: {p.holders.length ? p.holders.map((h, i) => <span key={h.id}>{i > 0 && ', '}<Anchor component={Link} to={`/decision-makers/${h.id}`} size="sm">{h.name}</Anchor></span>) : <Text span c="dimmed">{t('decisionMakers.vacant')}</Text>}</Text>
              ))}
            </Table.Td>
            <Table.Td>{b.people}</Table.Td>
            {manage && (
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="xs" variant="subtle" onClick={() => setEditing(b)}>{t('ui.edit')}</Button>
                  <ConfirmButton label={t('ui.remove')} question={t('decisionMakers.removeBodyQuestion', { body: b.name, count: b.people })} onConfirm={() => remove.mutateAsync(b.id)} />
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </DataTable>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('decisionMakers.addBody') : t('decisionMakers.editBody')} size="lg">
        {editing !== null && <BodyEditor body={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

/** Who the organisation lobbies: people, and the public bodies and posts they hold. */
export function DecisionMakersPage() {
  const { t } = useTranslation();
  const tabs = useTabParam('people');
  const bodies = useQuery({ queryKey: decisionMakerKeys.bodies, queryFn: fetchPublicBodies });
  return (
    <>
      <PageHeader title={t('nav.decisionMakers')} />
      <Text size="sm" c="dimmed" mb="md">{t('decisionMakers.intro')}</Text>
      <Tabs {...tabs}>
        <Tabs.List mb="md">
          <Tabs.Tab value="people">{t('decisionMakers.people')}</Tabs.Tab>
          <Tabs.Tab value="bodies">{t('decisionMakers.bodies')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="people"><People bodies={bodies.data?.items ?? []} /></Tabs.Panel>
        <Tabs.Panel value="bodies"><Bodies bodies={bodies.data?.items ?? []} pending={bodies.isPending} error={bodies.error} /></Tabs.Panel>
      </Tabs>
    </>
  );
}
