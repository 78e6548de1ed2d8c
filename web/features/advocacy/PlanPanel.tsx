import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ACTION_KINDS, ACTION_STATUSES, type ActionInput, type ObjectiveInput, type PlannedAction } from '../../../contracts/action-plan.js';
import type { AdvocacyIssueDetail } from '../../../contracts/advocacy.js';
import { can as roleCan } from '../../../contracts/permissions.js';
import { ApiError } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { DataTable } from '../../ui/DataTable.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { Form } from '../../ui/Form.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { fetchPeopleForPicker, orgKeys } from '../orgs/api.js';
import { actionsPath, advocacyKeys, changePlan, fetchPlan } from './api.js';
import { decisionMakerKeys, fetchStakeholderMap } from './decision-makers-api.js';

const statusColor = { planned: 'gray', in_progress: 'blue', done: 'teal', cancelled: 'dark' } as const;

/** Objectives and the activities that reach them: who does what by when. Overdue work stands out, and its owner is reminded. */
export function PlanPanel({ issue }: { issue: AdvocacyIssueDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('advocacy.manage');
  const queryClient = useQueryClient();
  const key = advocacyKeys.plan(issue.id);
  const plan = useQuery({ queryKey: key, queryFn: () => fetchPlan(issue.id) });
  const people = useQuery({ queryKey: orgKeys.peoplePicker('staff'), queryFn: fetchPeopleForPicker, enabled: manage });
  // Objectives aim at the people on the issue's map.
  const map = useQuery({ queryKey: decisionMakerKeys.map(issue.id), queryFn: () => fetchStakeholderMap(issue.id), enabled: manage });
  const blankObjective: ObjectiveInput = { text: '', targetPersonId: null };
  const [objective, setObjective] = useState<ObjectiveInput>(blankObjective);
  const blank: ActionInput = { kind: 'meeting', title: '', ownerUserId: null, dueOn: '', objectiveId: null };
  const [action, setAction] = useState<ActionInput>(blank);
  // The activities' filter and order sit in the address beside the tab; the list is the issue's page of all activities.
  const list = useListParams({ status: '', sort: 'due' });
  const actionFilters = { ...list.query, issueId: issue.id };
  const actions = useCursorPages<PlannedAction>(advocacyKeys.actionList, actionsPath, actionFilters, 100);
  const change = useMutation({
    mutationFn: ({ path, body, method = 'POST' }: { path: string; body?: unknown; method?: string }) => changePlan(issue.id, path, body, method),
    onSuccess: async (updated) => {
      queryClient.setQueryData(key, updated);
      await queryClient.invalidateQueries({ queryKey: advocacyKeys.one(issue.id) });
      await queryClient.invalidateQueries({ queryKey: advocacyKeys.actions });
    },
  });
  const errors = change.error instanceof ApiError ? change.error.fieldErrors : {};
  const p = plan.data;
  const staff = (people.data?.items ?? []).filter((x) => roleCan(x.role, 'advocacy.manage')).map((x) => ({ value: x.userId, label: x.name }));
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('advocacy.plan.intro')}</Text>
      <ProblemAlert error={plan.error} />
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">{t('advocacy.plan.objectives')}</Title>
        {p?.objectives.length ? (
          <Stack gap={4} component="ol" style={{ paddingLeft: '1.2rem', margin: 0 }}>
            {p.objectives.map((o) => (
              <li key={o.id}>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {o.text}
                    {o.target && <Text span size="xs" c="dimmed"> — {t('advocacy.plan.aimedAt')} <Anchor underline="always" component={Link} to={`/decision-makers/${o.target.id}`} size="xs">{o.target.name}</Anchor></Text>}
                  </Text>
                  {manage && <ConfirmButton icon={<IconTrash size={16} />} label={t('ui.remove')} question={t('advocacy.plan.removeObjectiveQuestion', { text: o.text })} onConfirm={() => change.mutateAsync({ path: `/objectives/${o.id}`, method: 'DELETE' })} />}
                </Group>
              </li>
            ))}
          </Stack>
        ) : <Text size="sm" c="dimmed">{t('advocacy.plan.noObjectives')}</Text>}
        {manage && (
          <Form onSubmit={() => change.mutate({ path: '/objectives', body: objective }, { onSuccess: () => setObjective(blankObjective) })} mt="sm" gap="xs">
            <Group align="flex-end" wrap="wrap">
              <TextInput style={{ flex: 2, minWidth: 220 }} label={t('advocacy.plan.newObjective')} value={objective.text} error={errors.text} onChange={(e) => setObjective({ ...objective, text: e.currentTarget.value })} />
              <Select style={{ flex: 1, minWidth: 180 }} label={t('advocacy.plan.target')} clearable searchable value={objective.targetPersonId} error={errors.targetPersonId}
                onChange={(v) => setObjective({ ...objective, targetPersonId: v })} data={(map.data?.items ?? []).map((s) => ({ value: s.person.id, label: s.person.name }))}
                nothingFoundMessage={t('advocacy.plan.targetFromMap')} />
              <Button type="submit" size="sm" variant="light">{t('advocacy.plan.addObjective')}</Button>
            </Group>
          </Form>
        )}
      </Paper>
      <Group justify="space-between">
        <Title order={3} size="h5">{t('advocacy.plan.activities')}</Title>
        {manage && <ExportMenu path={actionsPath} query={actionFilters} />}
      </Group>
      <Select aria-label={t('advocacy.plan.status')} placeholder={t('advocacy.plan.anyStatus')} clearable w={220} value={list.values.status || null} onChange={(v) => list.set('status', v ?? '')}
        data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`advocacy.plan.statuses.${s}`) }))} />
      <ProblemAlert error={actions.error} />
      <DataTable pending={actions.isPending} empty={!actions.items.length} emptyText={list.values.status ? t('advocacy.plan.noActivitiesMatch') : t('advocacy.plan.noActivities')} minWidth={720} sort={list.sort}
        headers={[{ label: t('advocacy.plan.activity'), sort: 'title' }, t('advocacy.plan.owner'), { label: t('advocacy.plan.due'), sort: 'due' }, { label: t('advocacy.plan.status'), sort: 'status' }]}>
        {actions.items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td><Text size="sm" fw={500}>{a.title}</Text><Text size="xs" c="dimmed">{t(`advocacy.plan.kinds.${a.kind}`)}{a.objectiveId && ` · ${p?.objectives.find((o) => o.id === a.objectiveId)?.text ?? ''}`}</Text></Table.Td>
            <Table.Td>{a.owner?.name ?? '—'}</Table.Td>
            <Table.Td>{formatDate(a.dueOn)} {a.overdue && <Badge color="red" variant="light" size="sm">{t('dialogue.overdue')}</Badge>}</Table.Td>
            <Table.Td>
              {manage ? (
                <Select size="xs" w={150} aria-label={t('advocacy.plan.statusOf', { title: a.title })} allowDeselect={false} value={a.status}
                  onChange={(v) => v && change.mutate({ path: `/actions/${a.id}/status`, body: { status: v } })} data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`advocacy.plan.statuses.${s}`) }))} />
              ) : <Badge variant="light" color={statusColor[a.status]}>{t(`advocacy.plan.statuses.${a.status}`)}</Badge>}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={!!actions.hasNextPage} loading={actions.isFetchingNextPage} onLoad={() => void actions.fetchNextPage()} />
      {manage && (
        <Paper withBorder p="md">
          <Form onSubmit={() => change.mutate({ path: '/actions', body: action }, { onSuccess: () => setAction(blank) })} gap="xs">
            <Title order={3} size="h5">{t('advocacy.plan.addActivity')}</Title>
            <TextInput label={t('advocacy.plan.activity')} required value={action.title} error={errors.title} onChange={(e) => setAction({ ...action, title: e.currentTarget.value })} />
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <Select label={t('advocacy.plan.kind')} allowDeselect={false} value={action.kind} onChange={(v) => v && setAction({ ...action, kind: v as ActionInput['kind'] })} data={ACTION_KINDS.map((k) => ({ value: k, label: t(`advocacy.plan.kinds.${k}`) }))} />
              <Select label={t('advocacy.plan.owner')} clearable searchable value={action.ownerUserId} error={errors.ownerUserId} onChange={(v) => setAction({ ...action, ownerUserId: v })} data={staff} />
              <TextInput type="date" label={t('advocacy.plan.due')} required value={action.dueOn} error={errors.dueOn} onChange={(e) => setAction({ ...action, dueOn: e.currentTarget.value })} />
              <Select label={t('advocacy.plan.objective')} clearable value={action.objectiveId} onChange={(v) => setAction({ ...action, objectiveId: v })} data={(p?.objectives ?? []).map((o) => ({ value: o.id, label: o.text }))} />
            </SimpleGrid>
            <ProblemAlert error={change.error} />
            <Group><Button type="submit" size="xs" loading={change.isPending}>{t('advocacy.plan.addActivity')}</Button></Group>
          </Form>
        </Paper>
      )}
    </Stack>
  );
}
