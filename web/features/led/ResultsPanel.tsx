import { Anchor, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEASURE_ROLES, type MeasureDetail, type MeasureRole } from '../../../contracts/led-implementation.js';
import { AGE_BANDS_AND_UNKNOWN, PERSON_SEXES, type UniqueCount } from '../../../contracts/people.js';
import { formatNumber } from '../../app/money.js';
import { wrap } from '../../ui/wrap.js';

/** A measure's results, counted from the records: each role's people once each, by sex and by age band, and the new jobs per firm. */

function CountCard({ role, count }: { role: MeasureRole; count: UniqueCount }) {
  const { t } = useTranslation();
  const bands = AGE_BANDS_AND_UNKNOWN.filter((b) => b !== 'unknown' || count.byAgeBand.unknown > 0);
  return (
    <Paper withBorder p="sm">
      <Text fw={600}>{t(`led.impl.roles.${role}`)}</Text>
      <Text size="xl" fw={700}>{formatNumber(count.people)}</Text>
      <Table fz="sm" verticalSpacing={2} mt="xs">
        <Table.Caption>{t('led.impl.bySex')}</Table.Caption>
        <Table.Tbody>
          {PERSON_SEXES.map((s) => (
            <Table.Tr key={s}><Table.Th scope="row" fw={400}>{t(`peopleReached.sexes.${s}`)}</Table.Th><Table.Td ta="right">{formatNumber(count.bySex[s])}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table fz="sm" verticalSpacing={2} mt="xs">
        <Table.Caption>{t('led.impl.byAgeBand')}</Table.Caption>
        <Table.Tbody>
          {bands.map((b) => (
            <Table.Tr key={b}><Table.Th scope="row" fw={400}>{t(`peopleReached.bands.${b}`)}</Table.Th><Table.Td ta="right">{formatNumber(count.byAgeBand[b] ?? 0)}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function ResultsPanel({ measure }: { measure: MeasureDetail }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('led.impl.resultsIntro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {MEASURE_ROLES.map((role) => <CountCard key={role} role={role} count={measure.results[role]} />)}
      </SimpleGrid>
      {measure.newJobsByFirm.length > 0 && (
        <Paper withBorder p="sm">
          <Table fz="sm" verticalSpacing={4}>
            <Table.Caption>{t('led.impl.jobsByFirm')}</Table.Caption>
            <Table.Tbody>
              {measure.newJobsByFirm.map((f) => (
                <Table.Tr key={f.memberId ?? ''}>
                  <Table.Th scope="row" fw={400} style={wrap}>{f.memberId ? <Anchor component={Link} to={`/members/${f.memberId}`}>{f.name}</Anchor> : t('led.impl.noFirm')}</Table.Th>
                  <Table.Td ta="right">{formatNumber(f.people)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
