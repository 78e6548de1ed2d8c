import { Anchor, Button, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconColumns, IconMap, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LedRegion } from '../../../contracts/led.js';
import { formatDate } from '../../app/format.js';
import { useRegionName, useRegionOptions } from '../../app/reference.js';
import { useCan, useSession } from '../../app/session.js';
import { DataTable } from '../../ui/DataTable.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { ledKeys, regionsPath } from './api.js';

/** The organisation's LED regions: searched, one subdivision, sorted by name, measures or last change; paged and downloaded. */
export function LedRegionsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { data: session } = useSession();
  const list = useListParams({ q: '', region: '', sort: 'name' });
  const { q, region } = list.values;
  const pages = useCursorPages<LedRegion>(ledKeys.regions, regionsPath, list.query);
  const items = pages.items;
  const subdivisions = useRegionOptions(session?.org?.country ?? '');
  const regionName = useRegionName(items.map((r) => r.region));
  const filtered = !!(q || region);
  return (
    <>
      <PageHeader title={t('nav.led')}>
        {(items.length > 1 || filtered || pages.hasNextPage) && <Button component={Link} to="/led/compare" variant="default" leftSection={<IconColumns size={16} />}>{t('led.compare')}</Button>}
        <Button component={Link} to="/led/calls" variant="default">{t('ledCalls.title')}</Button>
        {items.length > 0 && <Button component={Link} to="/led/rollup" variant="default" leftSection={<IconMap size={16} />}>{t('led.rollup.title')}</Button>}
        {can('led.manage') && <ExportMenu path={regionsPath} query={list.query} />}
        {can('led.manage') && <Button component={Link} to="/led/new" leftSection={<IconPlus size={16} />}>{t('led.addRegion')}</Button>}
      </PageHeader>
      <Stack>
        <Text size="sm" c="dimmed">{t('led.intro')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput leftSection={<IconSearch size={16} />} label={t('led.search')} value={q} onChange={(e) => list.set('q', e.currentTarget.value)} />
          <Select label={t('led.subdivision')} searchable clearable value={region || null} onChange={(v) => list.set('region', v ?? '')} data={subdivisions.data ?? []} />
        </SimpleGrid>
        <ProblemAlert error={pages.error} />
        <DataTable
          pending={pages.isPending}
          empty={items.length === 0}
          emptyText={filtered ? t('led.noRegionsMatch') : can('led.manage') ? t('led.noRegionsStaff') : t('led.noRegions')}
          minWidth={760}
          sort={list.sort}
          headers={[
            { label: t('led.regionName'), sort: 'name' }, t('led.subdivision'), t('led.branch'), t('led.teamSize'), t('led.bottlenecks'),
            { label: t('led.measures'), sort: 'measures', firstDescending: true }, { label: t('led.updated'), sort: 'updated', firstDescending: true },
          ]}
        >
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td><Anchor component={Link} to={`/led/${r.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>{r.name}</Anchor></Table.Td>
              <Table.Td>{[r.district, regionName(r.region)].filter(Boolean).join(', ')}</Table.Td>
              <Table.Td>{r.branchName ?? '—'}</Table.Td>
              <Table.Td>{r.teamSize}</Table.Td>
              <Table.Td>{r.bottlenecks}</Table.Td>
              <Table.Td>{r.measures}</Table.Td>
              <Table.Td>{formatDate(r.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <LoadMore hasMore={!!pages.hasNextPage} loading={pages.isFetchingNextPage} onLoad={() => void pages.fetchNextPage()} />
      </Stack>
    </>
  );
}
