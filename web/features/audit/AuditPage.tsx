import { Anchor, Button, Code, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../contracts/audit.js';
import { auditActionLabel } from '../../app/audit-action.js';
import { withQuery } from '../../app/api.js';
import { formatDateTime } from '../../app/format.js';
import { DataTable } from '../../ui/DataTable.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { auditKeys, auditPath } from './api.js';

const EMPTY = { actor: '', action: '', entityType: '', entityId: '', from: '', to: '' };

function Change({ entry }: { entry: AuditEntry }) {
  const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  if (keys.length === 0) return <Text size="xs" c="dimmed">—</Text>;
  return (
    <Stack gap={2}>
      {keys.map((k) => (
        <Text size="xs" key={k}>
          <b>{k}</b>: <Code>{JSON.stringify(entry.before?.[k] ?? null)}</Code> → <Code>{JSON.stringify(entry.after?.[k] ?? null)}</Code>
        </Text>
      ))}
    </Stack>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(EMPTY);
  const [debounced] = useDebouncedValue(filters, 300);
  const params = Object.fromEntries(Object.entries(debounced).filter(([, v]) => v)) as Record<string, string>;
  const log = useCursorPages<AuditEntry>(auditKeys.all, auditPath, params);
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
        <SimpleGrid cols={{ base: 1, xs: 2, md: 6 }}>
          {field('actor', t('audit.actor'))}
          {field('action', t('audit.action'))}
          {field('entityType', t('audit.entityType'))}
          {field('entityId', t('audit.entityId'))}
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
            <Table.Td><Text size="xs">{e.entityType}</Text><Text size="xs" c="dimmed">{e.entityId}</Text></Table.Td>
            <Table.Td><Change entry={e} /></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={log.hasNextPage} loading={log.isFetchingNextPage} onLoad={() => void log.fetchNextPage()} />
    </Stack>
  );
}
