import { Accordion, Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchOutboxPage, mailKeys } from './api.js';

const STATUS_COLOR = { pending: 'blue', sent: 'teal', failed: 'red' } as const;

export function OutboxPage() {
  const { t } = useTranslation();
  const outbox = useInfiniteQuery({
    queryKey: mailKeys.outbox,
    queryFn: ({ pageParam }) => fetchOutboxPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = outbox.data?.pages.flatMap((p) => p.items) ?? [];
  const smtp = outbox.data?.pages[0]?.smtpConfigured;
  return (
    <Stack>
      <PageHeader title={t('nav.outbox')} />
      {smtp === false && <Alert color="yellow">{t('outbox.noSmtp')}</Alert>}
      <ProblemAlert error={outbox.error} />
      {outbox.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <EmptyState>{t('outbox.empty')}</EmptyState>
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
      <LoadMore hasMore={outbox.hasNextPage} loading={outbox.isFetchingNextPage} onLoad={() => void outbox.fetchNextPage()} />
    </Stack>
  );
}
