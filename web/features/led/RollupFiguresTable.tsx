import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MEASURE_ROLES, type MeasureRole } from '../../../contracts/led-implementation.js';
import { formatNumber } from '../../app/money.js';
import { ScrollTable } from '../../ui/ScrollTable.js';

/**
 * A line of a roll-up table: its two leading cells (the one at `header` names
 * the line), the measures and their money, the people of each role and, where
 * the table has one, the extra column's cell. Each figure comes formatted, a
 * link to its records where it has one.
 */
export type RollupLine = {
  key: string;
  lead: [ReactNode, ReactNode];
  header?: 0 | 1;
  /** A total within the body: its figures in bold. */
  total?: boolean;
  measures: ReactNode;
  budget: ReactNode;
  planned: ReactNode;
  actual: ReactNode;
  people: (role: MeasureRole) => ReactNode;
  extra?: ReactNode;
};

/**
 * The table of a roll-up (an organisation's regions, `LedRollupPage`; an
 * umbrella's branches, `UmbrellaRollup`): two leading columns, measures,
 * budget, planned, actual, a column per measure role, and an optional last
 * column; the lines, then the total in the foot.
 */
export function RollupFiguresTable({ caption, lead, extra, lines, foot }: {
  caption: string;
  lead: [string, string];
  extra?: string;
  lines: RollupLine[];
  foot: RollupLine;
}) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={980}>
      <Table striped fz="sm" verticalSpacing={6}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{lead[0]}</Table.Th>
            <Table.Th scope="col">{lead[1]}</Table.Th>
            <Table.Th scope="col" ta="right">{t('led.measures')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('led.budget')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('led.rollup.planned')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('led.rollup.actual')}</Table.Th>
            {MEASURE_ROLES.map((role) => <Table.Th key={role} scope="col" ta="right">{t(`led.rollup.roles.${role}`)}</Table.Th>)}
            {extra !== undefined && <Table.Th scope="col" ta="right">{extra}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => <Line key={line.key} line={line} hasExtra={extra !== undefined} headerWeight={line.total ? 600 : 400} />)}
        </Table.Tbody>
        <Table.Tfoot>
          <Line line={{ ...foot, total: true }} hasExtra={extra !== undefined} />
        </Table.Tfoot>
      </Table>
    </ScrollTable>
  );
}

function Line({ line, hasExtra, headerWeight }: { line: RollupLine; hasExtra: boolean; headerWeight?: number }) {
  const fw = line.total ? 600 : undefined;
  const lead = (i: 0 | 1) => ((line.header ?? 0) === i
    ? <Table.Th scope="row" fw={headerWeight}>{line.lead[i]}</Table.Th>
    : <Table.Td>{line.lead[i]}</Table.Td>);
  return (
    <Table.Tr>
      {lead(0)}
      {lead(1)}
      <Table.Td ta="right" fw={fw}>{line.measures}</Table.Td>
      <Table.Td ta="right" fw={fw}>{line.budget}</Table.Td>
      <Table.Td ta="right" fw={fw}>{line.planned}</Table.Td>
      <Table.Td ta="right" fw={fw}>{line.actual}</Table.Td>
      {MEASURE_ROLES.map((role) => <Table.Td key={role} ta="right" fw={fw}>{line.people(role)}</Table.Td>)}
      {hasExtra && <Table.Td ta="right" fw={fw}>{line.extra}</Table.Td>}
    </Table.Tr>
  );
}

/**
 * People counted once, and the simple sum (each measure's people added up)
 * beside them where it differs; `people` and `sum` wrap each in its link.
 */
export function PeopleOnce({ figure, people = (n) => n, sum = (n) => n }: {
  figure: { people: number; sum: number };
  people?: (n: ReactNode) => ReactNode;
  sum?: (n: ReactNode) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {people(formatNumber(figure.people))}
      {figure.sum !== figure.people && <Text span size="xs" c="dimmed"> ({sum(t('led.rollup.sumShort', { sum: formatNumber(figure.sum) }))})</Text>}
    </>
  );
}
