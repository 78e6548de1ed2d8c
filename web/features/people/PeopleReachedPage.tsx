import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PERSON_SEXES, type Person } from '../../../contracts/people.js';
import { useCan } from '../../app/session.js';
import { DataTable } from '../../ui/DataTable.js';
import { ExportMenu } from '../../ui/ExportMenu.js';
import { LoadMore } from '../../ui/LoadMore.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { useCursorPages } from '../../ui/use-cursor-pages.js';
import { useListParams } from '../../ui/use-list-params.js';
import { fetchSummary, peopleReachedKeys, peopleReachedPath } from './api.js';

/** Everyone the programmes reached, by name: searched, paged, each person once. */
export function PeopleReachedPage() {
  const { t } = useTranslation();
  const can = useCan();
  const params = useListParams({ q: '', sex: '', sort: 'name' });
  const { q, sex } = params.values;
  const list = useCursorPages<Person>([...peopleReachedKeys.list], peopleReachedPath, params.query);
  const summary = useQuery({ queryKey: peopleReachedKeys.summary, queryFn: fetchSummary });
  const total = (list.data?.pages[0] as { total?: number | null } | undefined)?.total;
  return (
    <>
      <PageHeader title={t('nav.peopleReached')}>
        <ExportMenu path={peopleReachedPath} query={params.query} />
        {can('people_reached.manage') && (
          <Button component={Link} to="/people-reached/new" leftSection={<IconPlus size={16} />}>{t('peopleReached.add')}</Button>
        )}
      </PageHeader>
      <Stack>
        <Text size="sm" c="dimmed">{t('peopleReached.intro')}</Text>
        {summary.data && summary.data.people > 0 && (
          <Text size="sm" fw={600}>{t('peopleReached.summary', { people: summary.data.people, participations: summary.data.participations })}</Text>
        )}
        <Group align="flex-end" justify="space-between">
          <Group align="flex-end" style={{ flex: 1 }}>
            <TextInput style={{ flex: 1, maxWidth: 480 }} leftSection={<IconSearch size={16} />} label={t('peopleReached.search')} type="search" value={q} onChange={(e) => params.set('q', e.currentTarget.value)} />
            <Select label={t('peopleReached.sex')} clearable w={160} value={sex || null} onChange={(v) => params.set('sex', v ?? '')}
              data={PERSON_SEXES.map((s) => ({ value: s, label: t(`peopleReached.sexes.${s}`) }))} />
          </Group>
          {typeof total === 'number' && <Text size="sm" c="dimmed" aria-live="polite">{t('peopleReached.total', { count: total })}</Text>}
        </Group>
        <ProblemAlert error={list.error} />
        <DataTable pending={list.isPending} empty={list.items.length === 0} emptyText={q || sex ? t('peopleReached.noMatch') : t('peopleReached.none')} minWidth={640} sort={params.sort}
          headers={[{ label: t('peopleReached.name'), sort: 'name' }, t('peopleReached.sex'), { label: t('peopleReached.ageNow'), sort: 'age' }, t('peopleReached.contact'), t('peopleReached.firm'), t('peopleReached.participations')]}>
          {list.items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td><Anchor component={Link} to={`/people-reached/${p.id}`} fw={600}>{p.name}</Anchor>{p.branch && <Text size="xs" c="dimmed">{p.branch.name}</Text>}</Table.Td>
              <Table.Td>{t(`peopleReached.sexes.${p.sex}`)}</Table.Td>
              <Table.Td>{t(`peopleReached.bands.${p.ageBandNow}`)}</Table.Td>
              <Table.Td><Text size="sm">{[p.phone, p.email].filter(Boolean).join(' · ') || '—'}</Text></Table.Td>
              <Table.Td><Text size="sm">{p.member?.name ?? '—'}</Text></Table.Td>
              <Table.Td>{p.participations}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <LoadMore hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      </Stack>
    </>
  );
}
