import { Anchor, Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LineageTrainer } from '../../../contracts/training.js';
import { formatDate } from '../../app/format.js';
import { DataTable } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { fetchLineage, trainingKeys } from './api.js';

/** One trainer and, below, the trainers they certified (a trainer certified by two shows under each). */
function Branch({ trainer, byId, childrenOf, seen }: { trainer: LineageTrainer; byId: Map<string, LineageTrainer>; childrenOf: Map<string, string[]>; seen: Set<string> }) {
  const { t } = useTranslation();
  const below = (childrenOf.get(trainer.personId) ?? []).filter((c) => !seen.has(c));
  const path = new Set([...seen, trainer.personId]);
  return (
    <Box>
      <Paper withBorder p="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Anchor component={Link} to={`/people-reached/${trainer.personId}`} fw={600} size="sm">{trainer.name}</Anchor>
            <Badge size="sm" variant="light" color={trainer.generation === 0 ? 'grape' : 'blue'}>
              {trainer.generation === 0 ? t('training.master') : t('training.generation', { n: trainer.generation })}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">{t('training.reachLine', { courses: trainer.courses, count: trainer.reach })}</Text>
        </Group>
        {trainer.certifiedThrough.map((c) => (
          <Text key={c.courseId} size="xs" c="dimmed">
            {t('training.certifiedThrough')} <Anchor component={Link} to={`/training/${c.courseId}`} size="xs">{c.title}</Anchor> · {formatDate(c.certifiedOn)}
          </Text>
        ))}
      </Paper>
      {below.length > 0 && (
        <Stack gap="xs" mt="xs" pl="md" style={{ borderLeft: '2px solid var(--mantine-color-gray-4)' }}>
          {below.map((c) => <Branch key={c} trainer={byId.get(c)!} byId={byId} childrenOf={childrenOf} seen={path} />)}
        </Stack>
      )}
    </Box>
  );
}

/** Master trainers → the trainers they certified → the people those reached, with reach per generation and per trainer. */
export function LineagePage() {
  const { t } = useTranslation();
  const lineage = useQuery({ queryKey: trainingKeys.lineage, queryFn: fetchLineage });
  const back = <Button component={Link} to="/training" variant="default" leftSection={<IconArrowLeft size={16} />}>{t('nav.training')}</Button>;
  if (lineage.isPending) return <Loading />;
  if (lineage.error) return <ProblemAlert error={lineage.error} />;
  const { trainers, generations, reach } = lineage.data;
  const byId = new Map(trainers.map((tr) => [tr.personId, tr]));
  const childrenOf = new Map<string, string[]>();
  for (const tr of trainers) for (const p of tr.trainedBy) childrenOf.set(p, [...(childrenOf.get(p) ?? []), tr.personId]);
  const roots = trainers.filter((tr) => tr.generation === 0);
  return (
    <>
      <PageHeader title={t('training.lineage')}>{back}</PageHeader>
      <Stack>
        <Text size="sm" c="dimmed">{t('training.lineageIntro')}</Text>
        {trainers.length === 0 ? <EmptyState>{t('training.noLineage')}</EmptyState> : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Stack gap="xs">
              <Title order={2} size="h4">{t('training.generations')}</Title>
              <DataTable pending={false} empty={false} emptyText="" minWidth={320} headers={[t('training.generationHeader'), t('training.trainers'), t('training.reach')]}>
                {generations.map((g) => (
                  <Table.Tr key={g.generation}>
                    <Table.Td>{g.generation === 0 ? t('training.master') : t('training.generation', { n: g.generation })}</Table.Td>
                    <Table.Td>{g.trainers}</Table.Td>
                    <Table.Td>{g.reach}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
              <Text size="sm">{t('training.reachTotal', { count: reach })}</Text>
            </Stack>
            <Stack gap="xs">
              <Title order={2} size="h4">{t('training.tree')}</Title>
              {roots.map((r) => <Branch key={r.personId} trainer={r} byId={byId} childrenOf={childrenOf} seen={new Set()} />)}
            </Stack>
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}
