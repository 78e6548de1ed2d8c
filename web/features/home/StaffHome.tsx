// The staff's and the board's homes, a chunk apart from the member firm's (HomePage.tsx chooses).
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { auditActionLabel } from '../../app/audit-action.js';
import { countryName, formatDateTime } from '../../app/format.js';
import { useLanguageName, useRegionName } from '../../app/reference.js';
import { useCan, useSession } from '../../app/session.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ScrollTable } from '../../ui/ScrollTable.js';
import { auditKeys, fetchRecentAudit } from '../audit/api.js';
import { AuditRecord } from '../audit/AuditChange.js';
import { fetchBranches, fetchOrg, orgKeys } from '../orgs/api.js';
import { BoardFigures } from './BoardFigures.js';
import { OverdueActivitiesCard, UpcomingMeetingsCard } from './WorkCards.js';

/** The board's and donors' home: the organisation in numbers and charts. */
export function BoardHome() {
  const { t } = useTranslation();
  const can = useCan();
  const { data: session } = useSession();
  return (
    <Stack>
      <PageHeader title={session?.org?.name ?? ''}>
        <Badge variant="light">{t(`roles.${session?.org?.role}`)}</Badge>
      </PageHeader>
      <Title order={2} size="h4">{t('home.figures.title')}</Title>
      {can('home.figures') ? <BoardFigures /> : <Text size="sm" c="dimmed">{t('home.figures.none')}</Text>}
    </Stack>
  );
}

/** The staff's home: their work lists, and the organisation at a glance; each block links to where it is managed. */
export function WorkHome() {
  const { t } = useTranslation();
  const can = useCan();
  const { data: session } = useSession();
  const org = useQuery({ queryKey: orgKeys.org, queryFn: fetchOrg });
  const branches = useQuery({ queryKey: orgKeys.branches, queryFn: fetchBranches, enabled: can('branches.read') });
  const audit = useQuery({ queryKey: auditKeys.recent, queryFn: fetchRecentAudit, enabled: can('audit.read') });
  const languageName = useLanguageName(org.data?.languages ?? []);
  const regionName = useRegionName([...(org.data?.regions ?? []), ...(branches.data?.items.flatMap((b) => b.regions) ?? [])]);
  if (org.isPending) return <Loading />;
  const o = org.data;
  return (
    <Stack>
      <PageHeader title={o?.name ?? ''}>
        <Badge variant="light">{t(`roles.${session?.org?.role}`)}</Badge>
      </PageHeader>
      {(can('dialogue.read') || can('advocacy.manage')) && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {can('dialogue.read') && <UpcomingMeetingsCard />}
          {can('advocacy.manage') && <OverdueActivitiesCard />}
        </SimpleGrid>
      )}
      {can('home.figures') && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">{t('home.figures.title')}</Title>
          <BoardFigures />
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('home.organisation')}
          </Title>
          {o && (
            <Stack gap={4}>
              <Text size="sm">{t(`org.kinds.${o.kind}`)} · {countryName(o.country)} · {o.currency}</Text>
              <Text size="sm">{t('org.regions')}: {o.regions.length ? o.regions.map(regionName).join(', ') : t('home.noRegions')}</Text>
              <Text size="sm">{t('org.languages')}: {o.languages.map(languageName).join(', ')}</Text>
              <Anchor component={Link} to="/organisation" size="sm">
                {t('home.openSettings')}
              </Anchor>
            </Stack>
          )}
        </Paper>
        {can('branches.read') && (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('nav.branches')}
            </Title>
            {branches.data?.items.length ? (
              <Stack gap={4}>
                {branches.data.items.map((b) => (
                  <Group key={b.id} justify="space-between">
                    <Text size="sm">{b.name}</Text>
                    <Text size="xs" c="dimmed" title={b.regions.join(', ')}>{b.regions.map(regionName).join(', ')}</Text>
                  </Group>
                ))}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">{t('branches.empty')}</Text>
            )}
          </Paper>
        )}
      </SimpleGrid>
      {can('audit.read') && (
        <Paper withBorder p="md">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">{t('home.recentChanges')}</Title>
            <Anchor component={Link} to="/audit" size="sm">{t('home.openAudit')}</Anchor>
          </Group>
          <ScrollTable minWidth={600}>
            <Table>
              <Table.Tbody>
                {audit.data?.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{formatDateTime(e.at)}</Table.Td>
                    <Table.Td>{e.actorName}</Table.Td>
                    <Table.Td>{auditActionLabel(t, e.action)}</Table.Td>
                    <Table.Td><AuditRecord entry={e} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Paper>
      )}
    </Stack>
  );
}
