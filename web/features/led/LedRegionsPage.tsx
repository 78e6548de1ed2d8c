import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconColumns, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LedRegion } from '../../../contracts/led.js';
import { useRegionName } from '../../app/reference.js';
import { useCan } from '../../app/session.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchRegions, ledKeys } from './api.js';

function RegionCard({ region, regionName }: { region: LedRegion; regionName: (code: string) => string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Anchor component={Link} to={`/led/${region.id}`} fw={600} style={{ minHeight: 44, display: 'inline-flex', alignItems: 'center', overflowWrap: 'anywhere' }}>{region.name}</Anchor>
        <Text size="sm" c="dimmed">{[region.district, regionName(region.region)].filter(Boolean).join(', ')}</Text>
        {region.branchName && <Text size="sm">{t('led.runBy', { branch: region.branchName })}</Text>}
        <Group gap="xs">
          <Badge variant="light">{t('led.teamCount', { count: region.teamSize })}</Badge>
          <Badge variant="light" color="orange">{t('led.bottleneckCount', { count: region.bottlenecks })}</Badge>
          <Badge variant="light" color="teal">{t('led.measureCount', { count: region.measures })}</Badge>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The organisation's LED regions. */
export function LedRegionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const regions = useQuery({ queryKey: ledKeys.regions, queryFn: fetchRegions });
  const regionName = useRegionName(regions.data?.items.map((r) => r.region) ?? []);
  return (
    <>
      <PageHeader title={t('nav.led')}>
        {(regions.data?.items.length ?? 0) > 1 && <Button component={Link} to="/led/compare" variant="default" leftSection={<IconColumns size={16} />}>{t('led.compare')}</Button>}
        {can('led.manage') && <Button component={Link} to="/led/new" leftSection={<IconPlus size={16} />}>{t('led.addRegion')}</Button>}
      </PageHeader>
      <Stack>
        <Text size="sm" c="dimmed">{t('led.intro')}</Text>
        <ProblemAlert error={regions.error} />
        {regions.isPending ? <Loading /> : !regions.data?.items.length ? <EmptyState>{can('led.manage') ? t('led.noRegionsStaff') : t('led.noRegions')}</EmptyState> : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {regions.data.items.map((r) => <RegionCard key={r.id} region={r} regionName={regionName} />)}
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}
