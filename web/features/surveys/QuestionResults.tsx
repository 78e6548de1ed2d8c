import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../../contracts/surveys.js';
import { pickLabel, type FormDefinition, type Question } from '../../../contracts/surveys/form-model.js';
import { formatNumber } from '../../app/money.js';
import { Chart } from '../../ui/Chart.js';
import { compareAnswers, matrixGrid } from './answer-order.js';
import { ScrollTable } from '../../ui/ScrollTable.js';

type Result = Analysis['questions'][number];

export function QuestionResults({ result, question, form, lang, dimensionLabel }: { result: Result; question: Question | undefined; form: FormDefinition; lang: string; dimensionLabel(v: string | null): string }) {
  const { t } = useTranslation();
  const label = (x: Parameters<typeof pickLabel>[0]) => pickLabel(x, lang, form.languages);
  const valueLabel = (v: string) => {
    if (question?.type === 'matrix') {
      const [row, col] = v.split('=');
      return `${label(question.rows?.find((r) => r.value === row)?.label) || row} — ${label(question.choices?.find((c) => c.value === col)?.label) || col}`;
    }
    return label(question?.choices?.find((c) => c.value === v)?.label) || v;
  };
  const title = question ? label(question.label) || question.name : result.name;
  const totals = new Map<string, number>();
  for (const c of result.counts) totals.set(c.value, (totals.get(c.value) ?? 0) + c.count);
  const values = [...totals.keys()].sort(compareAnswers(question));
  const dims = [...new Set(result.counts.map((c) => c.by))];
  const crossed = dims.length > 1 || (dims[0] ?? null) !== null;
  // A matrix not crossed by a group reads best as its rows, each with a bar per column (a legend names them).
  const grid = question?.type === 'matrix' && !crossed ? matrixGrid(values, totals) : null;
  const chart = grid && grid.columns.length <= 5
    ? {
      categories: grid.rows.map((r) => label(question?.rows?.find((x) => x.value === r)?.label) || r),
      series: grid.columns.map((c) => ({ key: c, label: label(question?.choices?.find((x) => x.value === c)?.label) || c, values: grid.rows.map((r) => grid.count(r, c)) })),
    }
    : {
      categories: values.map(valueLabel),
      // Crossed by a few groups, each group is a series of its own; by many, the chart shows the totals and the table the groups.
      series: crossed && dims.length <= 5
        ? dims.map((d) => ({ key: String(d), label: dimensionLabel(d), values: values.map((v) => result.counts.find((c) => c.value === v && c.by === d)?.count ?? 0) }))
        : [{ key: 'total', label: t('surveys.total'), values: values.map((v) => totals.get(v)!) }],
    };
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">{title}</Title>
          <Text size="sm" c="dimmed">{t('surveys.answeredCount', { count: result.answered })}</Text>
        </Group>
        {result.stats && result.stats.mean !== null && (
          // Eight cells in a row: on a phone they scroll in their own box, not the page.
          <ScrollTable minWidth={0}>
          <Table w="fit-content">
            <Table.Tbody>
              <Table.Tr><Table.Th>{t('surveys.mean')}</Table.Th><Table.Td>{formatNumber(Math.round(result.stats.mean * 100) / 100)}</Table.Td><Table.Th>{t('surveys.median')}</Table.Th><Table.Td>{formatNumber(result.stats.median ?? 0)}</Table.Td><Table.Th>{t('surveys.min')}</Table.Th><Table.Td>{formatNumber(result.stats.min ?? 0)}</Table.Td><Table.Th>{t('surveys.max')}</Table.Th><Table.Td>{formatNumber(result.stats.max ?? 0)}</Table.Td></Table.Tr>
            </Table.Tbody>
          </Table>
          </ScrollTable>
        )}
        {values.length > 0 && (
          <>
            <Chart
              title={title}
              layout="bars"
              categories={chart.categories}
              categoryLabel={t('surveys.answer')}
              valueLabel={t('surveys.chartFirms')}
              series={chart.series}
              tableMode="beside"
              downloadName={result.name}
              table={<ScrollTable minWidth={crossed ? 200 + dims.length * 110 : 360}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('surveys.answer')}</Table.Th>
                    {crossed && dims.map((d) => <Table.Th key={String(d)} ta="right">{dimensionLabel(d)}</Table.Th>)}
                    <Table.Th ta="right">{t('surveys.total')}</Table.Th>
                    <Table.Th ta="right">%</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {values.map((v) => (
                    <Table.Tr key={v}>
                      <Table.Td>{valueLabel(v)}</Table.Td>
                      {crossed && dims.map((d) => <Table.Td key={String(d)} ta="right">{formatNumber(result.counts.find((c) => c.value === v && c.by === d)?.count ?? 0)}</Table.Td>)}
                      <Table.Td ta="right">{formatNumber(totals.get(v)!)}</Table.Td>
                      <Table.Td ta="right" c="dimmed">{result.answered ? Math.round((totals.get(v)! / result.answered) * 100) : 0} %</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
