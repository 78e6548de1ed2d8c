import { Alert, Badge, Button, Code, CopyButton, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiTokenInput } from '../../../contracts/orgs.js';
import { formatDateTime } from '../../app/format.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { DataTable } from '../../ui/DataTable.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { sortRows } from '../../ui/list-params.js';
import { useListParams } from '../../ui/use-list-params.js';
import { applyServerErrors, useContractForm } from '../../ui/use-contract-form.js';
import { createApiToken, fetchApiTokens, orgKeys, revokeApiToken } from './api.js';

export function ApiTokensPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  // An organisation's tokens fit one screen: sorted here, the order kept in the address.
  const list = useListParams({ sort: 'name' });
  const [secret, setSecret] = useState<string | null>(null);
  const tokens = useQuery({ queryKey: orgKeys.apiTokens, queryFn: fetchApiTokens });
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
      <PageHeader title={t('nav.apiTokens')} />
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
            <Select label={t('people.role')} allowDeselect={false} data={(['viewer', 'staff'] as const).map((r) => ({ value: r, label: t(`roles.${r}`) }))} {...form.getInputProps('role')} />
            <Button type="submit" loading={create.isPending}>{t('tokens.create')}</Button>
          </Group>
        </form>
      </Paper>
      <ProblemAlert error={tokens.error ?? create.error ?? revoke.error} />
      <DataTable
        pending={tokens.isPending}
        empty={!tokens.data?.items.length}
        emptyText={t('tokens.empty')}
        minWidth={600}
        sort={list.sort}
        headers={[{ label: t('tokens.name'), sort: 'name' }, t('people.role'), { label: t('tokens.created'), sort: 'created', firstDescending: true }, { label: t('tokens.lastUsed'), sort: 'used', firstDescending: true }, '']}
      >
        {sortRows(tokens.data?.items ?? [], list.values.sort, { name: (tok) => tok.name, created: (tok) => tok.createdAt, used: (tok) => tok.lastUsedAt }, i18n.language).map((tok) => (
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
    </Stack>
  );
}
