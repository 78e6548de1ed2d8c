import { Anchor, Badge, Button, Chip, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconFilter, IconPlus, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Member } from '../../../contracts/members.js';
import { MEMBER_SORTS, MEMBER_STATUSES, SIZE_CLASSES } from '../../../contracts/member-lists.js';
import { formatDate } from '../../app/format.js';
import { formatNumber } from '../../app/money.js';
import { sectorLabel } from '../../app/sectors.js';
import { useRegionChoices, useRegionName } from '../../app/reference.js';
import { useCan } from '../../app/session.js';
import { useConfirm } from '../../ui/confirm.js';
import { DataTable } from '../../ui/DataTable.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { fetchOrg, orgKeys } from '../orgs/api.js';
import { fetchViews, memberKeys, membersPath, removeView, saveView } from './api.js';
import { isicFilterOptions } from './isic-options.js';
import { StatusBadge } from './StatusBadge.js';

/** The list's filters, search and order, as the address holds them (`useListParams`). */
const DEFAULTS = { q: '', sector: '', region: '', size: [] as string[], status: [] as string[], informal: false, womenLed: false, tag: '', sort: 'name' };
type Filters = typeof DEFAULTS;

function SavedViews({ query, onApply }: { query: Record<string, string | undefined>; onApply: (stored: Record<string, unknown>) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const views = useQuery({ queryKey: memberKeys.views, queryFn: fetchViews });
  const save = useMutation({
    mutationFn: () => saveView(name, Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && !(e[0] === 'sort' && e[1] === DEFAULTS.sort)))),
    onSuccess: () => {
      setName('');
      void queryClient.invalidateQueries({ queryKey: memberKeys.views });
    },
  });
  const remove = useMutation({ mutationFn: removeView, onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.views }) });
  const [confirm, confirmDialog] = useConfirm();
  const askRemove = async (v: { id: string; name: string }) => {
    if (await confirm({ question: t('members.deleteViewQuestion', { name: v.name }), confirmLabel: t('members.deleteViewConfirm') })) remove.mutate(v.id);
  };
  return (
    <Group gap="xs" wrap="wrap">
      {confirmDialog}
      {views.data?.items.map((v) => (
        <Group key={v.id} gap={2}>
          <Button size="compact-sm" variant="light" onClick={() => onApply(v.query)}>{v.name}</Button>
          <Button size="compact-sm" variant="subtle" color="gray" aria-label={t('members.deleteView', { name: v.name })} onClick={() => void askRemove(v)}>×</Button>
        </Group>
      ))}
      <TextInput size="xs" placeholder={t('members.viewName')} aria-label={t('members.viewName')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={160} />
      <Button size="compact-sm" variant="default" disabled={!name.trim()} loading={save.isPending} onClick={() => save.mutate()}>{t('members.saveView')}</Button>
      <ProblemAlert error={save.error ?? remove.error} />
    </Group>
  );
}

export function MembersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useListParams(DEFAULTS);
  const filters = list.values;
  const params = list.query;
  const org = useQuery({ queryKey: orgKeys.org, queryFn: fetchOrg });
  const members = useCursorPages<Member>(memberKeys.list, membersPath, params);
  const regionChoices = useRegionChoices(org.data?.regions);
  const regionName = useRegionName(members.items.map((m) => m.region));
  // Beyond 5,000 firms without a name to search, the server estimates the total (totalEstimated).
  const first = members.data?.pages[0] as unknown as { total?: number | null; totalEstimated?: boolean } | undefined;
  const total = first?.total;
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => list.set(key, value);
  // On a phone the filters wait behind one button, so the list is on the first screen.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = list.activeFilters;
  return (
    <Stack>
      <PageHeader title={t('nav.members')}>
        {can('members.write') && <Button component={Link} to="/members/new" leftSection={<IconPlus size={16} />}>{t('members.new')}</Button>}
        {can('members.import') && <Button component={Link} to="/members/import" variant="default" leftSection={<IconUpload size={16} />}>{t('members.import.title')}</Button>}
        {can('members.export') && <ExportMenu path={membersPath} query={params} />}
      </PageHeader>
      <Button hiddenFrom="sm" variant="default" w="fit-content" leftSection={<IconFilter size={16} />} aria-expanded={filtersOpen} aria-controls="member-filters" onClick={() => setFiltersOpen((o) => !o)}>
        {activeFilters ? t('ui.filtersCount', { count: activeFilters }) : t('ui.filters')}
      </Button>
      <Paper withBorder p="md" id="member-filters" visibleFrom={filtersOpen ? undefined : 'sm'}>
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <TextInput label={t('members.search')} placeholder={t('members.searchHint')} value={filters.q} onChange={(e) => set('q', e.currentTarget.value)} />
            <Select label={t('members.sector')} searchable clearable data={isicFilterOptions} value={filters.sector || null} onChange={(v) => set('sector', v ?? '')} />
            <Select label={t('members.region')} clearable data={regionChoices} value={filters.region || null} onChange={(v) => set('region', v ?? '')} />
            <TextInput label={t('members.tag')} value={filters.tag} onChange={(e) => set('tag', e.currentTarget.value)} />
            <MultiSelect label={t('members.size')} data={SIZE_CLASSES.map((s) => ({ value: s, label: t(`members.sizes.${s}`) }))} value={filters.size} onChange={(v) => set('size', v)} />
            <MultiSelect label={t('members.status')} data={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`members.statuses.${s}`) }))} value={filters.status} onChange={(v) => set('status', v)} />
            <Select label={t('members.sort')} allowDeselect={false} data={MEMBER_SORTS.map((s) => ({ value: s, label: t(`members.sorts.${s}`) }))} value={filters.sort} onChange={(v) => set('sort', v ?? 'name')} />
            <Group gap="xs" align="flex-end">
              <Chip checked={filters.informal} onChange={(v) => set('informal', v)}>{t('members.formalities.informal')}</Chip>
              <Chip checked={filters.womenLed} onChange={(v) => set('womenLed', v)}>{t('members.womenLed')}</Chip>
            </Group>
          </SimpleGrid>
          <Group justify="space-between" wrap="wrap">
            <SavedViews query={params} onApply={list.apply} />
            <Anchor component="button" size="sm" onClick={list.reset}>{t('ui.clearFilters')}</Anchor>
          </Group>
        </Stack>
      </Paper>
      <ProblemAlert error={members.error} />
      {total != null && <Text size="sm" c="dimmed">{t(first?.totalEstimated ? 'members.countAbout' : 'members.count', { count: total, formatted: formatNumber(total) })}</Text>}
      <DataTable
        pending={members.isPending}
        empty={members.items.length === 0}
        emptyText={t('members.empty')}
        minWidth={720}
        sort={list.sort}
        headers={[{ label: t('members.legalName'), sort: 'name' }, t('members.sector'), t('members.region'), t('members.size'), t('members.status'), { label: t('members.renewalDueOn'), sort: 'renewal' }]}
      >
        {members.items.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>
              <Anchor component={Link} to={`/members/${m.id}`}>{m.legalName}</Anchor>
              {m.womenLed && <Badge ml="xs" size="xs" variant="light">{t('members.womenLedShort')}</Badge>}
            </Table.Td>
            <Table.Td><Text size="sm" lineClamp={1} title={m.isicClass ? sectorLabel(m.isicClass) : undefined}>{m.isicClass ? sectorLabel(m.isicClass) : '—'}</Text></Table.Td>
            <Table.Td title={m.region ?? undefined}>{m.region ? regionName(m.region) : '—'}</Table.Td>
            <Table.Td>{m.sizeClass ? t(`members.sizes.${m.sizeClass}`) : '—'}</Table.Td>
            <Table.Td><StatusBadge status={m.status} /></Table.Td>
            <Table.Td>{formatDate(m.renewalDueOn)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <LoadMore hasMore={members.hasNextPage} loading={members.isFetchingNextPage} onLoad={() => void members.fetchNextPage()} />
    </Stack>
  );
}
