import { Alert, Badge, Button, Code, Stack, Table, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../app/format.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { DataTable } from '../../ui/DataTable.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchSigningKeys, rotateSigningKey, trainingKeys } from './api.js';

/**
 * The keys that sign the organisation's certificates: the one signing now and
 * the retired ones, still published so what they signed verifies. An admin
 * replaces the key here, e.g. when the server's secret was lost.
 */
export function SigningKeysPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: trainingKeys.signingKeys, queryFn: fetchSigningKeys });
  const rotate = useMutation({
    mutationFn: rotateSigningKey,
    onSuccess: (data) => {
      queryClient.setQueryData(trainingKeys.signingKeys, data);
      notify(t('training.keys.rotated'));
    },
  });
  const items = keys.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('training.keys.title')}>
        <Button component={Link} to="/training" variant="default" leftSection={<IconArrowLeft size={16} />}>{t('nav.training')}</Button>
      </PageHeader>
      <Stack>
        <Text size="sm" c="dimmed">{t('training.keys.intro')}</Text>
        {keys.data && !keys.data.serverSecretConfigured && (
          <Alert color="yellow" title={t('training.keys.noServerSecretTitle')}>
            {t('training.keys.noServerSecret')} <Code>CREDENTIAL_SECRET</Code>
          </Alert>
        )}
        <ProblemAlert error={keys.error ?? rotate.error} />
        <DataTable pending={keys.isPending} empty={!items.length} emptyText={t('training.keys.none')} minWidth={520}
          headers={[t('training.keys.key'), t('training.keys.created'), t('training.keys.state'), t('training.keys.sealing')]}>
          {[...items].reverse().map((k) => (
            <Table.Tr key={k.id}>
              <Table.Td><Code>{k.id.slice(0, 8)}</Code></Table.Td>
              <Table.Td>{formatDateTime(k.createdAt)}</Table.Td>
              <Table.Td>
                {k.retiredAt
                  ? <Text size="sm">{t('training.keys.retired', { when: formatDateTime(k.retiredAt) })}</Text>
                  : <Badge color="teal" variant="light">{t('training.keys.signing')}</Badge>}
              </Table.Td>
              <Table.Td>{k.retiredAt ? t('training.keys.erased') : k.sealedWithServerSecret ? t('training.keys.sealedBoth') : t('training.keys.sealedOrg')}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        {items.length > 0 && (
          <div>
              <ConfirmButton size="sm" variant="filled" label={t('training.keys.rotate')} question={t('training.keys.rotateQuestion')}
              loading={rotate.isPending} onConfirm={() => rotate.mutateAsync()} />
          </div>
        )}
      </Stack>
    </>
  );
}
