import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../contracts/audit.js';
import { auditActionLabel } from '../../app/audit-action.js';
import { recordTypeLabel } from '../../app/audit-change.js';
import { withQuery } from '../../app/api.js';
import { formatDateTime } from '../../app/format.js';
import { DataTable } from '../../ui/DataTable.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { auditKeys, auditPath } from './api.js';
import { AuditChangeList, AuditRecord, useAuditReaders } from './AuditChange.js';

/** The types of record the log names, for the filter. */
const RECORD_TYPES = ['member', 'member_contact', 'invoice', 'membership_tier', 'member_settings', 'member_import', 'saved_view', 'org', 'user', 'invitation', 'api_token', 'form', 'consultation', 'response', 'member_issue', 'advocacy_issue', 'advocacy_action', 'position_paper', 'decision_maker', 'public_body', 'forum', 'meeting', 'decision', 'person_reached', 'results_framework', 'results_period', 'task'];

const EMPTY = { actor: '', action: '', entityType: '', entityId: '', from: '', to: '' };

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(EMPTY);
  const [debounced] = useDebouncedValue(filters, 300);
  const params = Object.fromEntries(Object.entries(debounced).filter(([, v]) => v)) as Record<string, string>;
  const log = useCursorPages<AuditEntry>(auditKeys.all, auditPath, params);
  const readers = useAuditReaders(log.items);
  const actionCodes = Object.keys(t('audit.actions', { returnObjects: true }) as Record<string, string>);
  const actions = actionCodes.map((code) => ({ value: code, label: auditActionLabel(t, code) })).sort((a, b) => a.label.localeCompare(b.label));
  const types = RECORD_TYPES.map((type) => ({ value: type, label: recordTypeLabel(t, type) })).sort((a, b) => a.label.localeCompare(b.label));
  const field = (name: keyof typeof EMPTY, label: string, type = 'text') => (
    <TextInput label={label} type={type} value={filters[name]} onChange={(e) => setFilters({ ...filters, [name]: e.currentTarget.value })} />
  );
  return (
    <Stack>
      <PageHeader title={t('nav.audit')}>
        <Button component="a" href={withQuery('/api/v1/audit/export.csv', params)} variant="default" leftSection={<IconDownload size={16} />}>
          {t('audit.export')}
        </Button>
      </PageHeader>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
          {field('actor', t('audit.actor'))}
          <Select label={t('audit.action')} data={actions} clearable searchable value={filters.action || null} onChange={(v) => setFilters({ ...filters, action: v ?? '' })} />
          <Select label={t('audit.entityType')} data={types} clearable searchable value={filters.entityType || null} onChange={(v) => setFilters({ ...filters, entityType: v ?? '' })} />
          {field('from', t('audit.from'), 'date')}
          {field('to', t('audit.to'), 'date')}
        </SimpleGrid>
        <Group justify="flex-end" mt="xs">
          <Anchor component="button" size="sm" onClick={() => setFilters(EMPTY)}>{t('ui.clearFilters')}</Anchor>
        </Group>
      </Paper>
      <ProblemAlert error={log.error} />
      <DataTable
        pending={log.isPending}
        empty={log.items.length === 0}
        emptyText={t('audit.empty')}
        minWidth={760}
        headers={[t('audit.when'), t('audit.actor'), t('audit.action'), t('audit.entity'), t('audit.change')]}
      >
        {log.items.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
            <Table.Td>{e.actorName}</Table.Td>
            <Table.Td>{auditActionLabel(t, e.action)}</Table.Td>
            <Table.Td><AuditRecord entry={e} /></Table.Td>
            <Table.Td><AuditChangeList entry={e} readers={readers} /></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={log.hasNextPage} loading={log.isFetchingNextPage} onLoad={() => void log.fetchNextPage()} />
    </Stack>
  );
}
