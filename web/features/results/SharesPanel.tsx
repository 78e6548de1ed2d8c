import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.js';
import { useConfirm } from '../../ui/confirm.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { dashboardKeys, fetchDonors, fetchShares, revokeShare, shareFramework, type FrameworkShare } from './dashboard-api.js';

/**
 * The donors a framework is shared with (who shared it, when), shown to whoever may approve its
 * reports (`results.approve`, the director), who alone shares and revokes — each asked first.
 */
export function SharesPanel({ frameworkId, frameworkName }: { frameworkId: string; frameworkName: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [ask, confirmDialog] = useConfirm();
  const [donorId, setDonorId] = useState<string | null>(null);
  const shares = useQuery({ queryKey: dashboardKeys.shares(frameworkId), queryFn: () => fetchShares(frameworkId) });
  const donors = useQuery({ queryKey: dashboardKeys.donors, queryFn: fetchDonors });
  const stored = (answer: { items: FrameworkShare[] }) => {
    queryClient.setQueryData(dashboardKeys.shares(frameworkId), answer);
    void queryClient.invalidateQueries({ queryKey: dashboardKeys.org });
  };
  const share = useMutation({ mutationFn: (id: string) => shareFramework(frameworkId, id), onSuccess: (a) => { stored(a); setDonorId(null); } });
  const revoke = useMutation({ mutationFn: (id: string) => revokeShare(frameworkId, id), onSuccess: stored });
  const items = shares.data?.items ?? [];
  const shared = new Set(items.map((s) => s.donorId));
  const choices = (donors.data?.items ?? []).filter((d) => !shared.has(d.id));
  const chosen = choices.find((d) => d.id === donorId);
  return (
    <Paper withBorder p="md">
      {confirmDialog}
      <Stack gap="xs">
        <Title order={2} size="h4">{t('resultsDashboard.shareTitle')}</Title>
        <Text size="sm" c="dimmed">{t('resultsDashboard.shareIntro')}</Text>
        <ProblemAlert error={shares.error ?? donors.error ?? share.error ?? revoke.error} />
        {shares.isSuccess && !items.length && <Text size="sm">{t('resultsDashboard.notShared')}</Text>}
        {items.map((s) => (
          <Group key={s.donorId} justify="space-between" wrap="nowrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{s.donorName}</Text>
              <Text size="xs" c="dimmed">{t('resultsDashboard.sharedBy', { name: s.sharedBy, date: formatDateTime(s.sharedAt) })}</Text>
            </div>
            <Button size="xs" variant="light" color="red" style={{ flex: 'none' }} loading={revoke.isPending && revoke.variables === s.donorId} onClick={async () => {
              if (await ask({ question: t('resultsDashboard.revokeConfirm', { donor: s.donorName }), confirmLabel: t('resultsDashboard.revoke') })) revoke.mutate(s.donorId);
            }}>
              {t('resultsDashboard.revoke')}
            </Button>
          </Group>
        ))}
        {donors.isSuccess && !donors.data.items.length ? (
          <Text size="sm" c="dimmed">{t('resultsDashboard.noDonors')}</Text>
        ) : donors.isSuccess && shares.isSuccess && !choices.length ? (
          <Text size="sm" c="dimmed">{t('resultsDashboard.allShared')}</Text>
        ) : (
          <Group align="flex-end" gap="xs" wrap="wrap">
            <Select label={t('resultsDashboard.donor')} searchable w={{ base: '100%', sm: 280 }} value={donorId} onChange={setDonorId}
              data={choices.map((d) => ({ value: d.id, label: d.name }))} />
            <Button leftSection={<IconShare size={16} />} disabled={!chosen} loading={share.isPending} onClick={async () => {
              if (chosen && await ask({ question: t('resultsDashboard.shareConfirm', { framework: frameworkName, donor: chosen.name }), confirmLabel: t('resultsDashboard.share'), color: 'teal' })) share.mutate(chosen.id);
            }}>
              {t('resultsDashboard.share')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
