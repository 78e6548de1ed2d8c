import { Anchor, Badge, Button, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconArrowLeft, IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CALL_STATUSES, type Call } from '../../../contracts/led-calls.js';
import { formatDate } from '../../app/format.js';
import { formatMoney } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { DataTable } from '../../ui/DataTable.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { fetchOrg, orgKeys } from '../orgs/api.js';
import { callKeys, callsPath } from './calls-api.js';

const STATUS_COLOR: Record<string, string> = { draft: 'gray', open: 'green', closed: 'orange', selected: 'blue' };

export function CallStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Badge color={STATUS_COLOR[status] ?? 'gray'} variant="light">{t(`ledCalls.statuses.${status}`)}</Badge>;
}

/** The organisation's calls for LED measures: searched by title, one status, latest deadline first; paged. */
export function LedCallsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const org = useQuery({ queryKey: orgKeys.org, queryFn: fetchOrg });
  const currency = org.data?.currency ?? 'USD';
  const list = useListParams({ q: '', status: '', sort: '-deadline' });
  const { q, status } = list.values;
  const pages = useCursorPages<Call>(callKeys.calls, callsPath, list.query);
  const items = pages.items;
  const filtered = !!(q || status);
  return (
    <>
      <PageHeader title={t('ledCalls.title')}>
        <Button component={Link} to="/led" variant="default" leftSection={<IconArrowLeft size={16} />}>{t('nav.led')}</Button>
        {can('led.manage') && <Button component={Link} to="/led/calls/new" leftSection={<IconPlus size={16} />}>{t('ledCalls.newCall')}</Button>}
      </PageHeader>
      <Stack>
        <Text size="sm" c="dimmed">{t('ledCalls.intro')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput leftSection={<IconSearch size={16} />} label={t('ledCalls.search')} value={q} onChange={(e) => list.set('q', e.currentTarget.value)} />
          <Select label={t('ledCalls.status')} clearable value={status || null} onChange={(v) => list.set('status', v ?? '')}
            data={CALL_STATUSES.map((s) => ({ value: s, label: t(`ledCalls.statuses.${s}`) }))} />
        </SimpleGrid>
        <ProblemAlert error={pages.error} />
        <DataTable
          pending={pages.isPending}
          empty={items.length === 0}
          emptyText={filtered ? t('ledCalls.noCallsMatch') : can('led.manage') ? t('ledCalls.noCallsStaff') : t('ledCalls.noCalls')}
          minWidth={720}
          sort={list.sort}
          headers={[
            { label: t('ledCalls.callTitle'), sort: 'title' }, t('ledCalls.status'), t('ledCalls.regions'), t('ledCalls.budget'),
            { label: t('ledCalls.deadline'), sort: 'deadline', firstDescending: true }, t('ledCalls.applications'),
          ]}
        >
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td><Anchor component={Link} to={`/led/calls/${c.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>{c.title}</Anchor></Table.Td>
              <Table.Td><CallStatusBadge status={c.status} /></Table.Td>
              <Table.Td>{c.regions.map((r) => r.name).join(', ')}</Table.Td>
              <Table.Td>{formatMoney(c.budget, currency)}</Table.Td>
              <Table.Td>{formatDate(c.deadlineOn)}</Table.Td>
              <Table.Td>{t('ledCalls.applicationsCount', { count: c.applications, submitted: c.submitted })}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <LoadMore hasMore={!!pages.hasNextPage} loading={pages.isFetchingNextPage} onLoad={() => void pages.fetchNextPage()} />
      </Stack>
    </>
  );
}
