import { Alert, Badge, Button, Code, CopyButton, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_TOKEN_STATUSES, ApiTokenInput, type ApiToken } from '../../../contracts/orgs.js';
import { formatDateTime } from '../../app/format.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { DataTable } from '../../ui/DataTable.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { applyServerErrors, useContractForm } from '../../ui/use-contract-form.js';
import { apiTokensPath, createApiToken, orgKeys, revokeApiToken } from './api.js';

export function ApiTokensPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The search, filters and order stay in the address; the server sorts and pages.
  const list = useListParams({ q: '', role: '', status: '', sort: 'name' });
  const [secret, setSecret] = useState<string | null>(null);
  const tokens = useCursorPages<ApiToken>(orgKeys.apiTokens, apiTokensPath, list.query);
  const roles = (['viewer', 'staff'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const form = useContractForm(ApiTokenInput, { name: '', role: 'viewer' as const });
  const create = useMutation({
    mutationFn: (values: typeof form.values) => createApiToken(values),
    onSuccess: (created) => {
      setSecret(created.secret);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: orgKeys.apiTokens });
    },
    onError: (error) => applyServerErrors(form, error),
  });
  const revoke = useMutation({
    mutationFn: revokeApiToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.apiTokens }),
  });
  return (
    <Stack>
      <PageHeader title={t('nav.apiTokens')}>
        <ExportMenu path={apiTokensPath} query={list.query} />
      </PageHeader>
      <Text size="sm" c="dimmed">{t('tokens.intro')}</Text>
      {secret && (
        <Alert color="yellow" title={t('tokens.copyNow')} withCloseButton onClose={() => setSecret(null)}>
          <Group>
            <Code>{secret}</Code>
            <CopyButton value={secret}>{({ copied, copy }) => <Button size="xs" onClick={copy}>{copied ? t('ui.copied') : t('ui.copy')}</Button>}</CopyButton>
          </Group>
        </Alert>
      )}
      <Paper withBorder p="md">
        <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('tokens.name')} required miw={240} {...form.getInputProps('name')} />
            <Select label={t('people.role')} allowDeselect={false} data={roles} {...form.getInputProps('role')} />
            <Button type="submit" loading={create.isPending}>{t('tokens.create')}</Button>
          </Group>
        </form>
      </Paper>
      <Group align="flex-end">
        <TextInput label={t('tokens.search')} leftSection={<IconSearch size={16} />} value={list.values.q} onChange={(e) => list.set('q', e.currentTarget.value)} />
        <Select label={t('tokens.roleFilter')} clearable w={180} value={list.values.role || null} onChange={(v) => list.set('role', v ?? '')} data={roles} />
        <Select label={t('tokens.status')} clearable w={180} value={list.values.status || null} onChange={(v) => list.set('status', v ?? '')}
          data={API_TOKEN_STATUSES.map((s) => ({ value: s, label: t(`tokens.statuses.${s}`) }))} />
      </Group>
      <ProblemAlert error={tokens.error ?? create.error ?? revoke.error} />
      <DataTable
        pending={tokens.isPending}
        empty={tokens.items.length === 0}
        emptyText={list.values.q || list.values.role || list.values.status ? t('tokens.noneMatch') : t('tokens.empty')}
        minWidth={600}
        sort={list.sort}
        headers={[{ label: t('tokens.name'), sort: 'name' }, t('people.role'), { label: t('tokens.created'), sort: 'created', firstDescending: true }, { label: t('tokens.lastUsed'), sort: 'used', firstDescending: true }, '']}
      >
        {tokens.items.map((tok) => (
          <Table.Tr key={tok.id}>
            <Table.Td>{tok.name}</Table.Td>
            <Table.Td>{t(`roles.${tok.role}`)}</Table.Td>
            <Table.Td>{formatDateTime(tok.createdAt)}</Table.Td>
            <Table.Td>{formatDateTime(tok.lastUsedAt)}</Table.Td>
            <Table.Td>
              {tok.revokedAt ? (
                <Badge color="gray" variant="light">{t('tokens.revoked')}</Badge>
              ) : (
                <ConfirmButton label={t('tokens.revoke')} question={t('tokens.revokeQuestion', { name: tok.name })} onConfirm={() => revoke.mutateAsync(tok.id)} />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={tokens.hasNextPage} loading={tokens.isFetchingNextPage} onLoad={() => void tokens.fetchNextPage()} />
    </Stack>
  );
}
