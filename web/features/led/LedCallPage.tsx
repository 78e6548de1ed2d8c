import { ActionIcon, Anchor, Badge, Button, Group, NumberInput, Paper, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { IconExternalLink, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Application, CallDetail } from '../../../contracts/led-calls.js';
import { ApiError } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { formatMoney } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { DataTable } from '../../ui/DataTable.js';
import { Form } from '../../ui/Form.js';
import { Loading } from '../../ui/Loading.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCriterionName } from './criterion-name.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useTabParam } from '../../ui/use-tab-param.js';
import { applicationsPath, callKeys, fetchCall, saveCriteria, setCallStatus } from './calls-api.js';
import { CallStatusBadge } from './LedCallsPage.js';

const editable = (call: CallDetail) => call.status === 'draft' || call.status === 'open';


/** The call's criteria and their weights, each with its share of the sum; changed while the call is a draft or open. */
function CriteriaTab({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const name = useCriterionName();
  const initial = call.criteria.map((c) => ({ key: c.key as string | undefined, label: c.label, weight: c.weight }));
  const [rows, setRows] = useState(initial);
  const changed = JSON.stringify(rows) !== JSON.stringify(initial);
  const canEdit = can('led.manage') && editable(call);
  const total = rows.reduce((s, r) => s + (Number(r.weight) || 0), 0);
  const save = useMutation({
    mutationFn: () => saveCriteria(call.id, { criteria: rows.map((r) => ({ key: r.key, label: r.label, weight: r.weight })) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(callKeys.call(call.id), saved);
      setRows(saved.criteria.map((c) => ({ key: c.key, label: c.label, weight: c.weight })));
      notify(t('ui.saved'));
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const update = (i: number, patch: Partial<(typeof rows)[number]>) => setRows((old) => old.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Form onSubmit={() => save.mutate()} gap="sm">
      <Text size="sm" c="dimmed">{t('ledCalls.criteriaHelp')}</Text>
      {!editable(call) && <Text size="sm">{t('ledCalls.criteriaLocked')}</Text>}
      {rows.map((r, i) => (
        <Paper key={r.key ?? `new-${i}`} withBorder p="sm">
          <Group align="flex-end" wrap="wrap" gap="sm">
            <TextInput style={{ flex: '1 1 14rem' }} label={t('ledCalls.criterionLabel')} value={r.label} placeholder={name({ key: r.key, label: '' })} readOnly={!canEdit}
              required={!r.key} error={errors[`criteria.${i}.label`] ?? errors[`criteria.${i}.key`]} onChange={(e) => update(i, { label: e.currentTarget.value })} />
            <NumberInput w={110} label={t('ledCalls.weight')} min={0} max={100} allowDecimal={false} value={r.weight} readOnly={!canEdit}
              error={errors[`criteria.${i}.weight`]} onChange={(v) => update(i, { weight: typeof v === 'number' ? v : 0 })} />
            <Badge variant="light" size="lg" miw={64}>{total ? Math.round(((Number(r.weight) || 0) / total) * 100) : 0}%</Badge>
            {canEdit && (
              <ActionIcon variant="subtle" color="red" size={44} aria-label={t('ledCalls.removeCriterion')} disabled={rows.length <= 1}
                onClick={() => setRows((old) => old.filter((_, j) => j !== i))}><IconTrash size={18} /></ActionIcon>
            )}
          </Group>
        </Paper>
      ))}
      {errors.criteria && <Text c="red" size="sm" role="alert">{errors.criteria}</Text>}
      <ProblemAlert error={save.error} />
      {canEdit && (
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setRows((old) => [...old, { key: undefined, label: '', weight: 10 }])} disabled={rows.length >= 30}>{t('ledCalls.addCriterion')}</Button>
          <Button type="submit" loading={save.isPending} disabled={!changed}>{t('ledCalls.saveCriteria')}</Button>
        </Group>
      )}
    </Form>
  );
}

/** The call's applications, by lead partner; staff enter one for a partner while the call is open. */
function ApplicationsTab({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const pages = useCursorPages<Application>(callKeys.applications(call.id), applicationsPath(call.id), { sort: 'lead' });
  const items = pages.items;
  return (
    <Stack>
      {can('led.manage') && call.status === 'open' && (
        <Group justify="flex-end"><Button component={Link} to={`/led/calls/${call.id}/applications/new`} leftSection={<IconPlus size={16} />}>{t('ledCalls.addApplication')}</Button></Group>
      )}
      <ProblemAlert error={pages.error} />
      <DataTable pending={pages.isPending} empty={items.length === 0} emptyText={t('ledCalls.noApplications')} minWidth={680}
        headers={[t('ledCalls.applicationTitle'), t('ledCalls.leadPartner'), t('ledCalls.region'), t('ledCalls.requestedTotal'), t('ledCalls.cofundingTotal'), t('ledCalls.status')]}>
        {items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td><Anchor component={Link} to={`/led/calls/${call.id}/applications/${a.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>{a.title || t('ledCalls.untitled')}</Anchor></Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{a.leadName || a.leadEmail}</Table.Td>
            <Table.Td>{a.regionName}</Table.Td>
            <Table.Td>{formatMoney(a.requestedTotal, call.currency)}</Table.Td>
            <Table.Td>{formatMoney(a.cofundingTotal, call.currency)}</Table.Td>
            <Table.Td><Badge variant="light" color={a.status === 'submitted' ? 'green' : 'gray'}>{t(`ledCalls.applicationStatuses.${a.status}`)}</Badge></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={!!pages.hasNextPage} loading={pages.isFetchingNextPage} onLoad={() => void pages.fetchNextPage()} />
    </Stack>
  );
}

/** A call for measures: what it offers, its criteria and weights, its applications; opened and closed by staff. */
export function LedCallPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const tabs = useTabParam('criteria');
  const call = useQuery({ queryKey: callKeys.call(id), queryFn: () => fetchCall(id) });
  const status = useMutation({
    mutationFn: (next: 'open' | 'closed') => setCallStatus(id, next),
    onSuccess: async (saved) => {
      queryClient.setQueryData(callKeys.call(id), saved);
      await queryClient.invalidateQueries({ queryKey: callKeys.calls });
      notify(t('ui.saved'));
    },
  });
  if (call.isPending) return <Loading />;
  if (!call.data) return <ProblemAlert error={call.error} />;
  const c = call.data;
  const publicUrl = `${window.location.origin}${c.publicPath}`;
  return (
    <>
      <PageHeader title={c.title}>
        <Button component={Link} to="/led/calls" variant="default">{t('ledCalls.title')}</Button>
        {can('led.manage') && editable(c) && <Button component={Link} to={`/led/calls/${c.id}/edit`} variant="default" leftSection={<IconPencil size={16} />}>{t('ledCalls.editCall')}</Button>}
        {can('led.manage') && (c.status === 'draft' || c.status === 'closed') && <Button onClick={() => status.mutate('open')} loading={status.isPending}>{t('ledCalls.open')}</Button>}
        {can('led.manage') && c.status === 'open' && <ConfirmButton color="orange" label={t('ledCalls.close')} question={t('ledCalls.closeQuestion')} onConfirm={() => status.mutateAsync('closed')} />}
        {/* The panel may score while the call is open (the service allows it): rating begins as applications come in. */}
        {c.status !== 'draft' && <Button component={Link} to={`/led/calls/${c.id}/rating`} variant="default">{t('ledCalls.rating')}</Button>}
      </PageHeader>
      <Stack>
        <ProblemAlert error={status.error} />
        <Group gap="xs" wrap="wrap">
          <CallStatusBadge status={c.status} />
          <Text size="sm">{t('ledCalls.budget')}: <b>{formatMoney(c.budget, c.currency)}</b></Text>
          <Text size="sm">{t('ledCalls.deadline')}: <b>{formatDate(c.deadlineOn)}</b></Text>
          <Text size="sm">{t('ledCalls.regions')}: {c.regions.map((r) => r.name).join(', ')}</Text>
        </Group>
        {c.description && <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{c.description}</Text>}
        {c.status === 'draft' && can('led.manage') && <Text size="sm" c="dimmed">{t('ledCalls.openHelp')}</Text>}
        {c.status === 'open' && (
          <Text size="sm">{t('ledCalls.publicLink')}:{' '}
            <Anchor href={c.publicPath} target="_blank" rel="noopener" style={{ overflowWrap: 'anywhere' }}>{publicUrl} <IconExternalLink size={14} /></Anchor>
          </Text>
        )}
        <Tabs {...tabs} keepMounted={false}>
          <Tabs.List style={{ flexWrap: 'wrap' }}>
            <Tabs.Tab value="criteria" mih={44}>{t('ledCalls.tabs.criteria')}</Tabs.Tab>
            <Tabs.Tab value="applications" mih={44}>{t('ledCalls.tabs.applications')} ({c.applications})</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="criteria" pt="md"><CriteriaTab key={c.updatedAt} call={c} /></Tabs.Panel>
          <Tabs.Panel value="applications" pt="md"><ApplicationsTab call={c} /></Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
