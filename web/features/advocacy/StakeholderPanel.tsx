import { Anchor, Badge, Box, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdvocacyIssueDetail } from '../../../contracts/advocacy.js';
import { INFLUENCES, STANCES, type Stakeholder, type StakeholderInput } from '../../../contracts/decision-makers.js';
import { ApiError } from '../../app/api.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { DataTable } from '../../ui/DataTable.js';
import { Form } from '../../ui/Form.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { advocacyKeys } from './api.js';
import { decisionMakerKeys, fetchStakeholderMap, fullName, pickDecisionMakers, placeStakeholder, stanceColor } from './decision-makers-api.js';

/**
 * The power map: influence upwards, stance from against (left) to for
 * (right). Champions with weight are top right; the ones to win over are
 * top left. The table beside it says the same in words.
 */
function PowerGrid({ items }: { items: Stakeholder[] }) {
  const { t } = useTranslation();
  const rows = [...INFLUENCES].reverse();
  return (
    <Box role="img" aria-label={t('decisionMakers.mapLabel')} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Box style={{ display: 'grid', gridTemplateColumns: `6.5rem repeat(${STANCES.length}, minmax(6.5rem, 1fr))`, gap: 4, minWidth: 620 }}>
        {rows.map((influence) => (
          <Box key={influence} style={{ display: 'contents' }}>
            <Text size="xs" c="dimmed" style={{ alignSelf: 'center' }}>{t(`decisionMakers.influences.${influence}`)}</Text>
            {STANCES.map((stance) => (
              <Paper key={stance} withBorder p={6} mih={64} bg={`var(--mantine-color-${stanceColor[stance]}-light)`}>
                <Stack gap={2}>
                  {items.filter((s) => s.influence === influence && s.stance === stance).map((s) => <Text key={s.person.id} size="xs" fw={600}>{fullName(s.person)}</Text>)}
                </Stack>
              </Paper>
            ))}
          </Box>
        ))}
        <span />
        {STANCES.map((stance) => <Text key={stance} size="xs" c="dimmed" ta="center">{t(`decisionMakers.stances.${stance}`)}</Text>)}
      </Box>
    </Box>
  );
}

const stanceOptions = (t: (k: string) => string) => STANCES.map((s) => ({ value: String(s), label: t(`decisionMakers.stances.${s}`) }));
const influenceOptions = (t: (k: string) => string) => INFLUENCES.map((i) => ({ value: String(i), label: t(`decisionMakers.influences.${i}`) }));

/** Who decides the issue, where they stand and how much they weigh; each move is kept in the issue's history. */
export function StakeholderPanel({ issue }: { issue: AdvocacyIssueDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('advocacy.manage');
  const queryClient = useQueryClient();
  const map = useQuery({ queryKey: decisionMakerKeys.map(issue.id), queryFn: () => fetchStakeholderMap(issue.id) });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const directory = useQuery({
    queryKey: decisionMakerKeys.pick(q),
    queryFn: () => pickDecisionMakers(q),
    enabled: manage,
  });
  const blank = { personId: null as string | null, stance: 0, influence: 2, note: '' };
  const [input, setInput] = useState(blank);
  const place = useMutation({
    mutationFn: ({ personId, body, method = 'PUT' }: { personId: string; body?: StakeholderInput; method?: string }) =>
      placeStakeholder(issue.id, personId, body, method),
    onSuccess: async (updated) => {
      queryClient.setQueryData(decisionMakerKeys.map(issue.id), updated);
      await queryClient.invalidateQueries({ queryKey: advocacyKeys.one(issue.id) });
      void queryClient.invalidateQueries({ queryKey: decisionMakerKeys.all });
    },
  });
  const errors = place.error instanceof ApiError ? place.error.fieldErrors : {};
  const items = map.data?.items ?? [];
  const onMap = new Set(items.map((s) => s.person.id));
  const candidates = (directory.data?.items ?? []).filter((p) => !onMap.has(p.id)).map((p) => ({ value: p.id, label: p.name }));
  const move = (s: Stakeholder, change: Partial<StakeholderInput>) =>
    place.mutate({ personId: s.person.id, body: { stance: s.stance, influence: s.influence, note: s.note, ...change } });
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('decisionMakers.mapIntro')}</Text>
      <ProblemAlert error={map.error ?? place.error} />
      {items.length > 0 && <PowerGrid items={items} />}
      <DataTable pending={map.isPending} empty={items.length === 0} emptyText={t('decisionMakers.mapEmpty')} minWidth={820}
        headers={[t('decisionMakers.name'), t('decisionMakers.stance'), t('decisionMakers.influence'), t('decisionMakers.note'), ...(manage ? [''] : [])]}>
        {items.map((s) => (
          <Table.Tr key={s.person.id}>
            <Table.Td>
              <Anchor component={Link} to={`/decision-makers/${s.person.id}`} fw={600} size="sm">{fullName(s.person)}</Anchor>
              {s.posts.map((p) => <Text key={p} size="xs" c="dimmed">{p}</Text>)}
            </Table.Td>
            <Table.Td>
              {manage ? (
                <Select size="xs" w={170} aria-label={t('decisionMakers.stanceOf', { name: s.person.name })} allowDeselect={false} value={String(s.stance)} data={stanceOptions(t)} onChange={(v) => v !== null && move(s, { stance: Number(v) })} />
              ) : <Badge variant="light" color={stanceColor[s.stance]}>{t(`decisionMakers.stances.${s.stance}`)}</Badge>}
            </Table.Td>
            <Table.Td>
              {manage ? (
                <Select size="xs" w={170} aria-label={t('decisionMakers.influenceOf', { name: s.person.name })} allowDeselect={false} value={String(s.influence)} data={influenceOptions(t)} onChange={(v) => v !== null && move(s, { influence: Number(v) })} />
              ) : t(`decisionMakers.influences.${s.influence}`)}
            </Table.Td>
            <Table.Td>
              {manage ? (
                // Saved when the person leaves the field: a note is a thought, not a form.
                <TextInput size="xs" key={s.updatedAt} defaultValue={s.note} aria-label={t('decisionMakers.noteOf', { name: s.person.name })}
                  onBlur={(e) => e.currentTarget.value.trim() !== s.note && move(s, { note: e.currentTarget.value })} />
              ) : <Text size="sm">{s.note || '—'}</Text>}
            </Table.Td>
            {manage && (
              <Table.Td>
                <ConfirmButton label={t('ui.remove')} question={t('decisionMakers.removeFromMapQuestion', { name: s.person.name })} onConfirm={() => place.mutateAsync({ personId: s.person.id, method: 'DELETE' })} />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </DataTable>
      {manage && (
        <Paper withBorder p="md">
          <Form onSubmit={() => {
            if (!input.personId) return;
            place.mutate({ personId: input.personId, body: { stance: input.stance, influence: input.influence, note: input.note } }, { onSuccess: () => { setInput(blank); setSearch(''); } });
          }} gap="xs">
            <Title order={3} size="h5">{t('decisionMakers.addToMap')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select label={t('decisionMakers.person')} required searchable clearable value={input.personId} searchValue={search} onSearchChange={setSearch}
                onChange={(personId) => setInput({ ...input, personId })} data={candidates} nothingFoundMessage={t('decisionMakers.noMatch')} filter={({ options }) => options} />
              <Select label={t('decisionMakers.stance')} allowDeselect={false} value={String(input.stance)} data={stanceOptions(t)} onChange={(v) => v !== null && setInput({ ...input, stance: Number(v) })} />
              <Select label={t('decisionMakers.influence')} allowDeselect={false} value={String(input.influence)} data={influenceOptions(t)} onChange={(v) => v !== null && setInput({ ...input, influence: Number(v) })} />
            </SimpleGrid>
            <TextInput label={t('decisionMakers.note')} placeholder={t('decisionMakers.noteHint')} value={input.note} error={errors.note} onChange={(e) => setInput({ ...input, note: e.currentTarget.value })} />
            <Text size="xs" c="dimmed">{t('decisionMakers.notInDirectory')} <Anchor underline="always" component={Link} to="/decision-makers" size="xs">{t('nav.decisionMakers')}</Anchor></Text>
            <Group><Button type="submit" size="xs" disabled={!input.personId} loading={place.isPending}>{t('decisionMakers.addToMap')}</Button></Group>
          </Form>
        </Paper>
      )}
    </Stack>
  );
}
