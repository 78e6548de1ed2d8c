import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../../contracts/surveys.js';
import { pickLabel, type FormDefinition, type Question } from '../../../contracts/surveys/form-model.js';
import { formatNumber } from '../../app/money.js';
import { BarChart } from '../../ui/BarChart.js';
import { ScrollTable } from '../../ui/ScrollTable.js';

type Result = Analysis['questions'][number];

/** Saves the chart beside a table as a PNG, for a report or a slide. */
async function downloadChart(container: HTMLElement | null, name: string) {
  const svg = container?.querySelector('svg');
  if (!svg) return;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  // CSS variables do not survive outside the page: resolve the colours first.
  clone.querySelectorAll('rect').forEach((r) => r.setAttribute('fill', getComputedStyle(svg.querySelector('rect')!).fill));
  clone.querySelectorAll('text').forEach((x) => x.setAttribute('fill', '#444'));
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.scale(2, 2);
  g.drawImage(image, 0, 0);
  const a = document.createElement('a');
  a.href = canvas.toDataURL('image/png');
  a.download = `${name}.png`;
  a.click();
}

export function QuestionResults({ result, question, form, lang, dimensionLabel }: { result: Result; question: Question | undefined; form: FormDefinition; lang: string; dimensionLabel(v: string | null): string }) {
  const { t } = useTranslation();
  const chart = useRef<HTMLDivElement>(null);
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
  const values = [...totals.keys()].sort((a, b) => (question?.choices?.findIndex((c) => c.value === a) ?? 0) - (question?.choices?.findIndex((c) => c.value === b) ?? 0));
  const dims = [...new Set(result.counts.map((c) => c.by))];
  const crossed = dims.length > 1 || (dims[0] ?? null) !== null;
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
            <div ref={chart}>
              <BarChart label={title} data={values.map((v) => ({ key: valueLabel(v), value: totals.get(v)! }))} format={formatNumber} />
            </div>
            <ScrollTable minWidth={crossed ? 200 + dims.length * 110 : 360}>
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
            </ScrollTable>
            <Button variant="subtle" size="compact-xs" w="fit-content" onClick={() => void downloadChart(chart.current, result.name)}>{t('surveys.saveChart')}</Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}
