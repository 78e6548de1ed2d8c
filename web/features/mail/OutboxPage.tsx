import { Accordion, Alert, Anchor, Badge, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.js';
import { OUTBOX_SORTS, OUTBOX_STATUSES, type OutboxEntry } from '../../../contracts/mail.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { mailKeys, outboxPath } from './api.js';

const STATUS_COLOR = { pending: 'blue', sent: 'teal', failed: 'red' } as const;

export function OutboxPage() {
  const { t } = useTranslation();
  const list = useListParams({ q: '', status: '', sort: '-created' });
  const { q, status, sort } = list.values;
  const outbox = useCursorPages<OutboxEntry>(mailKeys.outbox, outboxPath, list.query, 30);
  const items = outbox.items;
  // The first page also says whether mail leaves (SMTP configured).
  const smtp = (outbox.data?.pages[0] as { smtpConfigured?: boolean } | undefined)?.smtpConfigured;
  return (
    <Stack>
      <PageHeader title={t('nav.outbox')}>
        <ExportMenu path={outboxPath} query={list.query} />
      </PageHeader>
      {smtp === false && <Alert color="yellow">{t('outbox.noSmtp')}</Alert>}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput leftSection={<IconSearch size={16} />} label={t('outbox.search')} value={q} onChange={(e) => list.set('q', e.currentTarget.value)} />
        <Select label={t('outbox.status')} placeholder={t('outbox.anyStatus')} clearable value={status || null} onChange={(v) => list.set('status', v ?? '')} data={OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))} />
        <Select label={t('outbox.sort')} allowDeselect={false} value={sort} onChange={(v) => v && list.set('sort', v)} data={OUTBOX_SORTS.flatMap((c) => [`-${c}`, c]).map((v) => ({ value: v, label: t(`outbox.sorts.${v}`) }))} />
      </SimpleGrid>
      <ProblemAlert error={outbox.error} />
      {outbox.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState>{q || status ? t('outbox.noMatch') : t('outbox.empty')}</EmptyState>
      ) : (
        <Accordion variant="separated">
          {items.map((m) => (
            <Accordion.Item key={m.id} value={m.id}>
              <Accordion.Control>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Stack gap={0}>
                    <Text size="sm" fw={600}>{m.subject}</Text>
                    <Text size="xs" c="dimmed">{m.toEmail} · {formatDateTime(m.createdAt)}</Text>
                  </Stack>
                  <Badge variant="light" color={STATUS_COLOR[m.status]}>{t(`outbox.statuses.${m.status}`)}</Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.body}</Text>
                {m.linkWithheld && <Text size="xs" c="dimmed" mt="xs">{t('outbox.linkWithheld')}</Text>}
                {m.attachments.map((a) => (
                  <Anchor key={a.filename} size="xs" mt="xs" display="block" download={a.filename} href={`data:${a.contentType.split(';')[0]};charset=utf-8,${encodeURIComponent(a.content)}`}>
                    {t('outbox.attachment', { file: a.filename })}
                  </Anchor>
                ))}
                {m.lastError && <Text size="xs" c="red" mt="xs">{m.lastError}</Text>}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      <LoadMore hasMore={!!outbox.hasNextPage} loading={outbox.isFetchingNextPage} onLoad={() => void outbox.fetchNextPage()} />
    </Stack>
  );
}
