import { Box, Button, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize, useMergedRef } from '@mantine/hooks';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../app/money.js';
import { labelEvery, niceTicks, wrapLabel } from './chart-layout.js';
import { ScrollTable } from './ScrollTable.js';

export interface ChartSeries {
  key: string;
  /** The series' name, in the legend and as the table's column header. */
  label: string;
  values: number[];
}

export interface ChartProps {
  /** What the chart shows: the figure's caption, the table's caption and the image's name. */
  title: string;
  /** The categories' full names (answers, months in the reader's language, steps), in order. */
  categories: string[];
  /** What the categories are (the table's first column): "Answer", "Month". */
  categoryLabel: string;
  series: ChartSeries[];
  /** `bars` run sideways with their names beside them (long names); `columns` stand on a time axis (months). */
  layout?: 'bars' | 'columns';
  /** What the values count, written beside the value axis: "Firms". */
  valueLabel?: string;
  /** Values in the reader's locale (numbers by default, money, percentages). */
  format?: (n: number) => string;
  /** Whether the figures are whole numbers (the axis then has whole ticks). */
  integers?: boolean;
  /** A richer table of the same figures instead of the one generated (a cross-tab). */
  table?: ReactNode;
  /** `beside`: the table always shows next to the chart; `toggle`: one or the other, the table read by screen readers either way. */
  tableMode?: 'beside' | 'toggle';
  /** Offers to save the chart as a PNG under this name. */
  downloadName?: string;
}

const COLOURS = ['var(--mantine-color-teal-7)', 'var(--mantine-color-blue-7)', 'var(--mantine-color-orange-8)', 'var(--mantine-color-grape-7)', 'var(--mantine-color-gray-7)'];
const FONT = 12;
const LINE = 15;
// An average glyph of the interface font is a little over half its size.
const CHAR = FONT * 0.58;

export const seriesColour = (i: number) => COLOURS[i % COLOURS.length]!;

function FiguresTable({ title, categories, categoryLabel, series, format, scroll = true }: Pick<ChartProps, 'title' | 'categories' | 'categoryLabel' | 'series'> & { format: (n: number) => string; scroll?: boolean }) {
  const table = (
      <Table striped verticalSpacing={4} fz="sm">
        <Table.Caption>{title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{categoryLabel}</Table.Th>
            {series.map((s) => <Table.Th key={s.key} scope="col" ta="right">{s.label}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {categories.map((c, i) => (
            <Table.Tr key={`${i}-${c}`}>
              <Table.Th scope="row" fw={400}>{c}</Table.Th>
              {series.map((s) => <Table.Td key={s.key} ta="right">{format(s.values[i] ?? 0)}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
  );
  // Hidden for a screen reader only, the table is not a scrolling region a keyboard would stop at.
  return scroll ? <ScrollTable minWidth={Math.min(560, 160 + series.length * 110)}>{table}</ScrollTable> : table;
}

/** Sideways bars, each category's full name wrapped beside its bars, the value axis beneath. */
function Bars({ width, categories, series, format, integers, valueLabel }: { width: number; categories: string[]; series: ChartSeries[]; format: (n: number) => string; integers: boolean; valueLabel?: string }) {
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const ticks = niceTicks(max, width < 420 ? 3 : 5, integers);
  const top = ticks.at(-1)!;
  const labelWidth = Math.min(260, Math.max(96, Math.round(width * 0.38)));
  const valueRoom = Math.max(32, ...series.flatMap((s) => s.values.map((v) => format(v).length * CHAR + 8)));
  const plotLeft = labelWidth + 8;
  const plotWidth = Math.max(40, width - plotLeft - valueRoom);
  const bar = series.length > 1 ? 12 : 18;
  const rows = categories.map((c) => {
    const lines = wrapLabel(c, labelWidth / CHAR);
    return { lines, height: Math.max(lines.length * LINE, series.length * (bar + 2)) + 10 };
  });
  const axisY = rows.reduce((y, r) => y + r.height, 4);
  const height = axisY + 22 + (valueLabel ? LINE + 4 : 0);
  const x = (v: number) => plotLeft + (top ? (v / top) * plotWidth : 0);
  let y = 4;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false" style={{ display: 'block' }}>
      {ticks.map((tk) => (
        <g key={tk}>
          <line x1={x(tk)} x2={x(tk)} y1={4} y2={axisY} stroke="var(--mantine-color-gray-4)" strokeDasharray={tk ? '3 3' : undefined} />
          <text x={x(tk)} y={axisY + 15} textAnchor="middle" fontSize={FONT - 1} fill="var(--mantine-color-text)">{format(tk)}</text>
        </g>
      ))}
      <line x1={plotLeft} x2={plotLeft + plotWidth} y1={axisY} y2={axisY} stroke="var(--mantine-color-gray-6)" />
      <line x1={plotLeft} x2={plotLeft} y1={4} y2={axisY} stroke="var(--mantine-color-gray-6)" />
      {valueLabel && <text x={plotLeft + plotWidth / 2} y={axisY + 34} textAnchor="middle" fontSize={FONT - 1} fill="var(--mantine-color-text)">{valueLabel}</text>}
      {rows.map((row, i) => {
        const rowTop = y;
        y += row.height;
        const barsTop = rowTop + (row.height - series.length * (bar + 2)) / 2;
        const textTop = rowTop + (row.height - row.lines.length * LINE) / 2 + FONT;
        return (
          <g key={`${i}-${categories[i]}`}>
            <text x={labelWidth} y={textTop} textAnchor="end" fontSize={FONT} fill="var(--mantine-color-text)">
              {row.lines.map((l, j) => <tspan key={j} x={labelWidth} dy={j ? LINE : 0}>{l}</tspan>)}
            </text>
            {series.map((s, k) => {
              const v = s.values[i] ?? 0;
              const by = barsTop + k * (bar + 2);
              return (
                <g key={s.key}>
                  <rect x={plotLeft} y={by} width={Math.max(v ? 1 : 0, x(v) - plotLeft)} height={bar} fill={seriesColour(k)} rx={2}>
                    <title>{`${categories[i]} · ${s.label}: ${format(v)}`}</title>
                  </rect>
                  <text x={x(v) + 4} y={by + bar / 2 + 4} fontSize={FONT - 1} fill="var(--mantine-color-text)">{format(v)}</text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

/** Columns standing on a category axis (months), full names wrapped beneath, the value axis at the left. */
function Columns({ width, categories, series, format, integers, valueLabel }: { width: number; categories: string[]; series: ChartSeries[]; format: (n: number) => string; integers: boolean; valueLabel?: string }) {
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const ticks = niceTicks(max, 4, integers);
  const top = ticks.at(-1)!;
  const axisLeft = Math.max(...ticks.map((tk) => format(tk).length * CHAR)) + 10;
  const plotTop = valueLabel ? LINE + 8 : 8;
  const plotHeight = 160;
  const plotWidth = Math.max(40, width - axisLeft - 4);
  const slot = plotWidth / Math.max(1, categories.length);
  // A label gets the room of the columns whose labels are left out, so its words are never split.
  const widest = Math.max(...categories.flatMap((c) => c.split(/\s+/).map((w) => w.length * CHAR + 6)));
  const every = labelEvery(slot, Math.min(widest, 90));
  const lines = categories.map((c) => wrapLabel(c, Math.max(3, (slot * every - 4) / CHAR)));
  const shown = (i: number) => (categories.length - 1 - i) % every === 0;
  const labelLines = Math.max(1, ...lines.filter((_, i) => shown(i)).map((l) => l.length));
  const axisY = plotTop + plotHeight;
  const height = axisY + 8 + labelLines * LINE;
  const y = (v: number) => axisY - (top ? (v / top) * plotHeight : 0);
  const bar = Math.min(28, (slot * 0.72) / series.length);
  // A label wider than its column stays inside the drawing at either end.
  const labelX = (i: number, centre: number) => {
    const half = (Math.max(...lines[i]!.map((l) => l.length)) * CHAR) / 2 + 2;
    return Math.min(Math.max(centre, half), width - half);
  };
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false" style={{ display: 'block' }}>
      {valueLabel && <text x={0} y={FONT} fontSize={FONT - 1} fill="var(--mantine-color-text)">{valueLabel}</text>}
      {ticks.map((tk) => (
        <g key={tk}>
          <line x1={axisLeft} x2={axisLeft + plotWidth} y1={y(tk)} y2={y(tk)} stroke="var(--mantine-color-gray-4)" strokeDasharray={tk ? '3 3' : undefined} />
          <text x={axisLeft - 6} y={y(tk) + 4} textAnchor="end" fontSize={FONT - 1} fill="var(--mantine-color-text)">{format(tk)}</text>
        </g>
      ))}
      <line x1={axisLeft} x2={axisLeft} y1={plotTop} y2={axisY} stroke="var(--mantine-color-gray-6)" />
      <line x1={axisLeft} x2={axisLeft + plotWidth} y1={axisY} y2={axisY} stroke="var(--mantine-color-gray-6)" />
      {categories.map((c, i) => {
        const centre = axisLeft + slot * i + slot / 2;
        const left = centre - (bar * series.length) / 2;
        return (
          <g key={`${i}-${c}`}>
            {series.map((s, k) => {
              const v = s.values[i] ?? 0;
              return (
                <rect key={s.key} x={left + k * bar} y={y(v)} width={Math.max(1, bar - 1)} height={axisY - y(v)} fill={seriesColour(k)} rx={1}>
                  <title>{`${c} · ${s.label}: ${format(v)}`}</title>
                </rect>
              );
            })}
            {shown(i) && (
              <text x={labelX(i, centre)} y={axisY + 4 + FONT} textAnchor="middle" fontSize={FONT - 1} fill="var(--mantine-color-text)">
                {lines[i]!.map((l, j) => <tspan key={j} x={labelX(i, centre)} dy={j ? LINE : 0}>{l}</tspan>)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** Saves the chart as a PNG, for a report or a slide; the page's colours are written into the copy. */
async function downloadChart(svg: SVGSVGElement | null, name: string) {
  if (!svg) return;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  // CSS variables do not survive outside the page: each element's computed colours are written in.
  const originals = svg.querySelectorAll<SVGElement>('*');
  clone.querySelectorAll<SVGElement>('*').forEach((el, i) => {
    const style = getComputedStyle(originals[i]!);
    if (el.getAttribute('fill')) el.setAttribute('fill', style.fill);
    if (el.getAttribute('stroke')) el.setAttribute('stroke', style.stroke);
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('font-family', getComputedStyle(svg).fontFamily);
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

/**
 * The app's one chart (SVG, no chart library: small for slow phones). Full
 * category names, wrapped; a value axis with round ticks in the reader's
 * locale; a legend when there is more than one series; and the same figures
 * as a table, beside the chart or one toggle away, and always there for a
 * screen reader (the drawing itself is hidden from it).
 */
export function Chart({ title, categories, categoryLabel, series, layout = 'bars', valueLabel, format = formatNumber, integers = true, table, tableMode = 'toggle', downloadName }: ChartProps) {
  const { t } = useTranslation();
  const { ref: measured, width } = useElementSize();
  const box = useRef<HTMLDivElement>(null);
  const ref = useMergedRef(measured, box);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const legendId = useId();
  const figures = table ?? <FiguresTable title={title} categories={categories} categoryLabel={categoryLabel} series={series} format={format} />;
  const drawn = width > 0 && (layout === 'bars'
    ? <Bars width={width} categories={categories} series={series} format={format} integers={integers} valueLabel={valueLabel} />
    : <Columns width={width} categories={categories} series={series} format={format} integers={integers} valueLabel={valueLabel} />);
  const legend = series.length > 1 && (
    <Group gap="md" id={legendId} aria-hidden="true">
      {series.map((s, i) => (
        <Group key={s.key} gap={6} wrap="nowrap">
          <Box w={12} h={12} style={{ background: seriesColour(i), borderRadius: 2, flex: 'none' }} />
          <Text size="xs">{s.label}</Text>
        </Group>
      ))}
    </Group>
  );
  const chart = (
    <Stack gap={6}>
      {legend}
      <Box ref={ref} w="100%">{drawn}</Box>
    </Stack>
  );
  const save = downloadName && view === 'chart' && (
    <Button variant="subtle" size="compact-xs" onClick={() => void downloadChart(box.current?.querySelector('svg') ?? null, downloadName)}>{t('ui.chart.save')}</Button>
  );
  if (tableMode === 'beside') {
    return (
      <Box component="figure" m={0}>
        <VisuallyHidden component="figcaption">{title}</VisuallyHidden>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {chart}
          {figures}
        </SimpleGrid>
        {save}
      </Box>
    );
  }
  return (
    <Box component="figure" m={0}>
      <VisuallyHidden component="figcaption">{title}</VisuallyHidden>
      <Group justify="flex-end" gap="xs" mb={4}>
        {save}
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          aria-label={t('ui.chart.view', { title })}
          data={[{ value: 'chart', label: t('ui.chart.chart') }, { value: 'table', label: t('ui.chart.table') }]}
        />
      </Group>
      {view === 'chart' ? (
        <>
          {chart}
          <VisuallyHidden>{table ?? <FiguresTable title={title} categories={categories} categoryLabel={categoryLabel} series={series} format={format} scroll={false} />}</VisuallyHidden>
        </>
      ) : figures}
    </Box>
  );
}
