import { Anchor, Button, Group, Paper, Stack, Table, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberIssueDetail } from '../../../contracts/intake.js';
import { formatDate } from '../../app/format.js';
import { sectorLabel } from '../../app/sectors.js';
import { useRegionName } from '../../app/reference.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { DataTable } from '../../ui/DataTable.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { MemberPicker } from '../members/MemberPicker.js';
import { addAffectedFirm, fetchAffectedFirms, intakeKeys, removeAffectedFirm } from './api.js';

/** Staff see the firms behind an issue, and add those who told them by phone or at a meeting. */
export function AffectedFirmsPanel({ issue }: { issue: MemberIssueDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const firms = useQuery({ queryKey: intakeKeys.firms(issue.id), queryFn: () => fetchAffectedFirms(issue.id) });
  const [memberId, setMemberId] = useState<string | null>(null);
  const regionName = useRegionName(firms.data?.items.map((f) => f.region) ?? []);
  const refresh = () => queryClient.invalidateQueries({ queryKey: intakeKeys.all });
  const add = useMutation({
    mutationFn: () => addAffectedFirm(issue.id, memberId),
    onSuccess: async () => {
      setMemberId(null);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => removeAffectedFirm(issue.id, id),
    onSuccess: refresh,
  });
  const open = issue.status !== 'merged';
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">{t('intake.firmsTitle')}</Title>
        {open && (
          <Group align="flex-end">
            <MemberPicker label={t('intake.addFirm')} value={memberId} onChange={(id) => setMemberId(id)} />
            <Button onClick={() => add.mutate()} disabled={!memberId} loading={add.isPending}>{t('intake.add')}</Button>
          </Group>
        )}
        <ProblemAlert error={add.error ?? remove.error ?? firms.error} />
        <DataTable pending={firms.isPending} empty={!firms.data?.items.length} emptyText={t('intake.noFirms')} minWidth={640} headers={[t('members.legalName'), t('members.sector'), t('members.region'), t('members.size'), t('intake.addedOn'), t('intake.via'), '']}>
          {firms.data?.items.map((f) => (
            <Table.Tr key={f.memberId}>
              <Table.Td><Anchor component={Link} to={`/members/${f.memberId}`}>{f.name}</Anchor>{f.note && <div><small>{f.note}</small></div>}</Table.Td>
              <Table.Td>{f.sector ? sectorLabel(f.sector) : '—'}</Table.Td>
              <Table.Td title={f.region ?? undefined}>{f.region ? regionName(f.region) : '—'}</Table.Td>
              <Table.Td>{f.size ? t(`members.sizes.${f.size}`) : '—'}</Table.Td>
              <Table.Td>{formatDate(f.addedAt.slice(0, 10))}</Table.Td>
              <Table.Td>{t(`intake.vias.${f.via}`)}</Table.Td>
              <Table.Td>{open && <ConfirmButton label={t('intake.removeFirm')} question={t('intake.removeFirmQuestion', { firm: f.name })} onConfirm={() => remove.mutateAsync(f.memberId)} />}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
    </Paper>
  );
}
