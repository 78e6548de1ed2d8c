import { Anchor, Badge, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/money.js';
import { useRegionName } from '../../app/reference.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { Loading } from '../../ui/Loading.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { memberKeys, sharedFirmsPath } from './api.js';
import type { Federation, MembershipCounts, OrgMembership } from '../../../contracts/members.js';


const COLUMNS = ['firms', 'active', 'applicants', 'lapsed', 'womenLedActive', 'informalActive'] as const;

function useColumnLabels() {
  const { t } = useTranslation();
  return {
    firms: t('members.dashboard.total'),
    active: t('members.statuses.active'),
    applicants: t('members.statuses.applicant'),
    lapsed: t('members.statuses.lapsed'),
    womenLedActive: t('members.womenLed'),
    informalActive: t('members.formalities.informal'),
  };
}

type Row = { key: string; label: ReactNode; counts: MembershipCounts; total?: boolean };

/**
 * The federation in figures: the umbrella's own firms, every branch and the
 * total of those rows. A table on a wide screen; on a phone one small card
 * per row, so nothing scrolls sideways at 390 px.
 */
export function FederationTable({ federation }: { federation: Federation }) {
  const { t } = useTranslation();
  const labels = useColumnLabels();
  const [opened, setOpened] = useState<OrgMembership | null>(null);
  const branchLabel = (b: OrgMembership) => (
    <Group gap={6} wrap="wrap">
      {b.sharesMemberData ? (
        <Anchor component="button" type="button" onClick={() => setOpened(b)} ta="left">{b.name}</Anchor>
      ) : (
        <Text span>{b.name}</Text>
      )}
      {!b.sharesMemberData && <Badge variant="light" color="gray" size="sm">{t('members.dashboard.figuresOnly')}</Badge>}
    </Group>
  );
  const rows: Row[] = [
    { key: federation.own.orgId, label: t('members.dashboard.ownMembers', { name: federation.own.name }), counts: federation.own },
    ...federation.items.map((b) => ({ key: b.orgId, label: branchLabel(b), counts: b })),
    { key: 'total', label: t('members.dashboard.federationTotal'), counts: federation.total, total: true },
  ];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">{t('members.dashboard.branches')}</Title>
      <Table striped verticalSpacing="xs" visibleFrom="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('org.name')}</Table.Th>
            {COLUMNS.map((c) => <Table.Th key={c} ta="right">{labels[c]}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} fw={r.total ? 700 : undefined}>
              <Table.Td>{r.label}</Table.Td>
              {COLUMNS.map((c) => <Table.Td key={c} ta="right">{formatNumber(r.counts[c])}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap="xs" hiddenFrom="sm">
        {rows.map((r) => (
          <Paper key={r.key} withBorder p="xs" bg={r.total ? 'gray.0' : undefined}>
            <Text fw={r.total ? 700 : 600} size="sm" mb={4} component="div">{r.label}</Text>
            <SimpleGrid cols={3} spacing={4} verticalSpacing={4}>
              {COLUMNS.map((c) => (
                <div key={c}>
                  <Text size="xs" c="dimmed" lh={1.2}>{labels[c]}</Text>
                  <Text size="sm" fw={r.total ? 700 : undefined}>{formatNumber(r.counts[c])}</Text>
                </div>
              ))}
            </SimpleGrid>
          </Paper>
        ))}
      </Stack>
      {federation.items.some((b) => !b.sharesMemberData) && <Text size="xs" c="dimmed" mt="xs">{t('members.dashboard.figuresOnlyNote')}</Text>}
      <Modal opened={opened !== null} onClose={() => setOpened(null)} title={opened ? t('members.dashboard.firmsOf', { name: opened.name }) : ''} size="lg">
        {opened && <SharedFirms branch={opened} />}
      </Modal>
    </Paper>
  );
}

type SharedFirm = { id: string; legalName: string; region: string | null; sizeClass: string | null; status: string; womenLed: boolean; formality: string };

function SharedFirms({ branch }: { branch: OrgMembership }) {
  const { t } = useTranslation();
  const firms = useCursorPages<SharedFirm>(memberKeys.sharedFirms(branch.orgId), sharedFirmsPath(branch.orgId));
  const regionName = useRegionName(firms.items.map((f) => f.region));
  if (firms.isPending) return <Loading />;
  if (firms.error) return <ProblemAlert error={firms.error} />;
  if (firms.items.length === 0) return <EmptyState>{t('members.dashboard.noFirms')}</EmptyState>;
  return (
    <Stack gap="xs">
      {firms.items.map((f) => (
        <div key={f.id}>
          <Text size="sm" fw={600}>{f.legalName}</Text>
          <Text size="xs" c="dimmed">
            {[t(`members.statuses.${f.status}`), f.region && regionName(f.region), f.sizeClass ? t(`members.sizes.${f.sizeClass}`) : null, t(`members.formalities.${f.formality}`), f.womenLed ? t('members.womenLed') : null].filter(Boolean).join(' · ')}
          </Text>
        </div>
      ))}
      <LoadMore hasMore={Boolean(firms.hasNextPage)} loading={firms.isFetchingNextPage} onLoad={() => void firms.fetchNextPage()} />
    </Stack>
  );
}
