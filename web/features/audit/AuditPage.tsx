import { Anchor, Group, Paper, Select, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../contracts/audit.js';
import { auditActionLabel } from '../../app/audit-action.js';
import { recordTypeLabel } from '../../app/audit-change.js';
import { formatDateTime } from '../../app/format.js';
import { DataTable } from '../../ui/DataTable.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { auditKeys, auditPath } from './api.js';
import { AuditChangeList, AuditRecord, useAuditReaders } from './AuditChange.js';

/** The types of record the log names, for the filter. */
const RECORD_TYPES = ['member', 'member_contact', 'invoice', 'membership_tier', 'member_settings', 'member_import', 'saved_view', 'org', 'user', 'invitation', 'api_token', 'form', 'consultation', 'response', 'member_issue', 'advocacy_issue', 'advocacy_action', 'position_paper', 'decision_maker', 'public_body', 'forum', 'meeting', 'decision', 'person_reached', 'results_framework', 'results_period', 'task'];

const DEFAULTS = { actor: '', action: '', entityType: '', entityId: '', from: '', to: '', sort: '-at' };

export function AuditPage() {
  const { t } = useTranslation();
  const list = useListParams(DEFAULTS, ['actor', 'entityId']);
  const filters = list.values;
  const log = useCursorPages<AuditEntry>(auditKeys.all, auditPath, list.query);
  const readers = useAuditReaders(log.items);
  const actionCodes = Object.keys(t('audit.actions', { returnObjects: true }) as Record<string, string>);
  const actions = actionCodes.map((code) => ({ value: code, label: auditActionLabel(t, code) })).sort((a, b) => a.label.localeCompare(b.label));
  const types = RECORD_TYPES.map((type) => ({ value: type, label: recordTypeLabel(t, type) })).sort((a, b) => a.label.localeCompare(b.label));
  const field = (name: 'actor' | 'from' | 'to', label: string, type = 'text') => (
    <TextInput label={label} type={type} value={filters[name]} onChange={(e) => list.set(name, e.currentTarget.value)} />
  );
  return (
    <Stack>
      <PageHeader title={t('nav.audit')}>
        <ExportMenu path={auditPath} query={list.query} />
      </PageHeader>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
          {field('actor', t('audit.actor'))}
          <Select label={t('audit.action')} data={actions} clearable searchable value={filters.action || null} onChange={(v) => list.set('action', v ?? '')} />
          <Select label={t('audit.entityType')} data={types} clearable searchable value={filters.entityType || null} onChange={(v) => list.set('entityType', v ?? '')} />
          {field('from', t('audit.from'), 'date')}
          {field('to', t('audit.to'), 'date')}
        </SimpleGrid>
        <Group justify="flex-end" mt="xs">
          <Anchor component="button" size="sm" onClick={list.reset}>{t('ui.clearFilters')}</Anchor>
        </Group>
      </Paper>
      <ProblemAlert error={log.error} />
      <DataTable
        pending={log.isPending}
        empty={log.items.length === 0}
        emptyText={t('audit.empty')}
        minWidth={760}
        sort={list.sort}
        headers={[{ label: t('audit.when'), sort: 'at', firstDescending: true }, t('audit.actor'), t('audit.action'), t('audit.entity'), t('audit.change')]}
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
