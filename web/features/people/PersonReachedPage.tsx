import { Anchor, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import type { PersonDetail } from '../../../contracts/people.js';
import { formatDate, formatDateTime } from '../../app/format.js';
import { useCan } from '../../app/session.js';
import { useConfirm } from '../../ui/confirm.js';
import { DataTable } from '../../ui/DataTable.js';
import { Loading } from '../../ui/Loading.js';
import { notify } from '../../ui/notify.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchPersonReached, mergePeopleReached, peopleReachedKeys, pickPeopleReached } from './api.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}

/** Takes another record of the same person into this one, after saying what will happen. */
function MergePanel({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [ask, dialog] = useConfirm();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [otherId, setOtherId] = useState<string | null>(null);
  const found = useQuery({ queryKey: peopleReachedKeys.pick(q), queryFn: () => pickPeopleReached(q), enabled: q.length >= 2 });
  const data = (found.data?.items ?? []).filter((p) => p.id !== person.id)
    .map((p) => ({ value: p.id, label: [p.name, p.birthYear, p.phone, p.member?.name].filter(Boolean).join(' · ') }));
  const merge = useMutation({
    mutationFn: (id: string) => mergePeopleReached(person.id, id),
    onSuccess: async (updated) => {
      queryClient.setQueryData(peopleReachedKeys.one(person.id), updated);
      await queryClient.invalidateQueries({ queryKey: peopleReachedKeys.all });
      setOtherId(null);
      setSearch('');
      notify(t('peopleReached.merged'));
    },
  });
  const start = async () => {
    const other = data.find((d) => d.value === otherId);
    if (!other || !otherId) return;
    const name = other.label.split(' · ')[0]!;
    if (await ask({ question: t('peopleReached.mergeQuestion', { other: name, name: person.name }), confirmLabel: t('peopleReached.mergeConfirm'), color: 'orange' })) merge.mutate(otherId);
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('peopleReached.merge')}</Title>
        <Text size="sm" c="dimmed">{t('peopleReached.mergeHint')}</Text>
        <Group align="flex-end">
          <Select style={{ flex: 1, minWidth: 220 }} label={t('peopleReached.mergeWith')} placeholder={t('peopleReached.search')} searchable clearable data={data} value={otherId}
            filter={({ options }) => options} searchValue={search} onSearchChange={setSearch} onChange={setOtherId}
            nothingFoundMessage={q.length < 2 ? t('members.pickerTypeMore') : found.isFetching ? t('ui.loading') : t('peopleReached.noMatch')}
            rightSection={found.isFetching ? <Loader size="xs" /> : undefined} />
          <Button color="orange" disabled={!otherId} loading={merge.isPending} onClick={() => void start()}>{t('peopleReached.mergeConfirm')}</Button>
        </Group>
        <ProblemAlert error={merge.error} />
      </Stack>
      {dialog}
    </Paper>
  );
}

/** One person: who they are, everything they took part in, and the records merged into theirs. */
export function PersonReachedPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const can = useCan();
  const query = useQuery({ queryKey: peopleReachedKeys.one(id), queryFn: () => fetchPersonReached(id) });
  if (query.isPending) return <Loading />;
  if (!query.data) return <ProblemAlert error={query.error} />;
  const p = query.data;
  // An id merged away answers with the record it became: show that record's own address.
  if (p.id !== id) return <Navigate to={`/people-reached/${p.id}`} replace />;
  const manage = can('people_reached.manage');
  return (
    <>
      <Anchor component={Link} to="/people-reached" size="sm">← {t('peopleReached.back')}</Anchor>
      <PageHeader title={p.name}>
        {manage && <Button variant="light" component={Link} to={`/people-reached/${p.id}/edit`}>{t('ui.edit')}</Button>}
      </PageHeader>
      <Stack>
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Fact label={t('peopleReached.sex')}>{t(`peopleReached.sexes.${p.sex}`)}</Fact>
            <Fact label={t('peopleReached.birthYear')}>{p.birthYear ?? ''}</Fact>
            <Fact label={t('peopleReached.ageNow')}>{t(`peopleReached.bands.${p.ageBandNow}`)}</Fact>
            <Fact label={t('peopleReached.participations')}>{p.participations}</Fact>
            <Fact label={t('peopleReached.phone')}>{p.phone}</Fact>
            <Fact label={t('peopleReached.email')}>{p.email}</Fact>
            <Fact label={t('peopleReached.firm')}>{p.member && <Anchor component={Link} to={`/members/${p.member.id}`} size="sm">{p.member.name}</Anchor>}</Fact>
            <Fact label={t('peopleReached.branch')}>{p.branch?.name}</Fact>
          </SimpleGrid>
          {p.notes && <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>{p.notes}</Text>}
        </Paper>
        <Title order={2} size="h4">{t('peopleReached.participations')}</Title>
        <DataTable pending={false} empty={p.participationList.length === 0} emptyText={t('peopleReached.noParticipations')} minWidth={560}
          headers={[t('peopleReached.on'), t('peopleReached.activity'), t('peopleReached.source'), t('peopleReached.ageThen')]}>
          {p.participationList.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>{formatDate(x.on)}</Table.Td>
              <Table.Td>{t(`peopleReached.roles.${x.role}`)} · {t(`${x.source}.kinds.${x.kind}`, { defaultValue: x.kind })}</Table.Td>
              <Table.Td>{t(`peopleReached.sources.${x.source}`, { defaultValue: x.source })}</Table.Td>
              <Table.Td>{t(`peopleReached.bands.${x.ageBand}`)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        {p.merged.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>{t('peopleReached.mergedList')}</Text>
            {p.merged.map((m) => <Text key={m.id} size="sm">{m.name} <Text span c="dimmed">({formatDateTime(m.at)})</Text></Text>)}
          </Stack>
        )}
        {manage && <MergePanel person={p} />}
      </Stack>
    </>
  );
}
