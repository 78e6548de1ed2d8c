import { MultiSelect, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedComparison } from '../../../contracts/led.js';
import { currentFormat } from '../../app/format.js';
import { formatNumber } from '../../app/money.js';
import { sectorTitle } from '../../app/sectors.js';
import { Chart } from '../../ui/Chart.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { ScrollTable } from '../../ui/ScrollTable.js';
import { fetchComparison, fetchRegionsForPicker, ledKeys } from './api.js';

type Item = LedComparison['items'][number];
/** A pooled share: Σ still effective / Σ with a follow-up due. */
const share = (s: { num: number; den: number }) => currentFormat().number(s.num / s.den, { style: 'percent', maximumFractionDigits: 1 });
interface Row { key: string; label: string; cell: (r: Item) => string }

/** The rows of the comparison: firms, by size and section, the typed figures by topic and label, the latest matrix, bottlenecks and measures. */
function rowsOf(items: Item[], t: (key: string, options?: Record<string, unknown>) => string): Row[] {
  const sizes = [...new Set(items.flatMap((r) => r.firms.bySize.map((s) => s.size)))];
  const sectors = [...new Set(items.flatMap((r) => r.firms.bySector.map((s) => s.sector)))].sort();
  const figures = [...new Map(items.flatMap((r) => r.keyFigures.map((f) => [`${f.topic}|${f.label}`, f] as const))).values()];
  const sizeName = (s: string) => (s === 'not_stated' ? t('led.notStated') : t(`members.sizes.${s}`));
  return [
    { key: 'firms', label: t('led.firmsTotal'), cell: (r) => formatNumber(r.firms.total) },
    ...sizes.map((s) => ({ key: `size-${s}`, label: `${t('led.firmsOfSize')}: ${sizeName(s)}`, cell: (r: Item) => formatNumber(r.firms.bySize.find((x) => x.size === s)?.count ?? 0) })),
    ...sectors.map((s) => ({ key: `sector-${s}`, label: s === 'not_stated' ? `${t('led.sector')}: ${t('led.notStated')}` : `${s} — ${sectorTitle(s)}`, cell: (r: Item) => formatNumber(r.firms.bySector.find((x) => x.sector === s)?.count ?? 0) })),
    ...figures.map((f) => ({
      key: `figure-${f.topic}-${f.label}`, label: `${f.label}${f.unit ? ` (${f.unit})` : ''}`,
      cell: (r: Item) => {
        const mine = r.keyFigures.find((x) => x.topic === f.topic && x.label === f.label);
        return mine ? `${formatNumber(mine.value)} (${mine.source}, ${mine.year})` : '—';
      },
    })),
    { key: 'strengths', label: t('led.strengths'), cell: (r) => (r.matrix ? `${r.matrix.strengths} (${r.matrix.year})` : '—') },
    { key: 'weaknesses', label: t('led.weaknesses'), cell: (r) => (r.matrix ? `${r.matrix.weaknesses} (${r.matrix.year})` : '—') },
    { key: 'average', label: t('led.averageRating'), cell: (r) => (r.matrix?.average !== null && r.matrix?.average !== undefined ? formatNumber(r.matrix.average) : '—') },
    { key: 'bottlenecks', label: t('led.bottlenecks'), cell: (r) => String(r.bottlenecks) },
    { key: 'measures', label: t('led.measures'), cell: (r) => String(r.measures) },
    { key: 'effective', label: t('led.impl.effectiveShare'), cell: (r) => (r.effective.den ? `${share(r.effective)} (${t('led.impl.effectiveOf', { num: r.effective.num, den: r.effective.den })})` : t('led.impl.noneDue')) },
  ];
}

/** Regions side by side: pick the regions, read them in one table (and the firms in a chart). */
export function LedComparePage() {
  const { t } = useTranslation();
  const [ids, setIds] = useState<string[]>([]);
  const regions = useQuery({ queryKey: ledKeys.regionPicker, queryFn: fetchRegionsForPicker });
  const compared = useQuery({ queryKey: ledKeys.compare(ids), queryFn: () => fetchComparison(ids) });
  const items = compared.data?.items ?? [];
  const rows = rowsOf(items, t);
  return (
    <>
      <PageHeader title={t('led.compare')} />
      <Stack>
        <Text size="sm" c="dimmed">{t('led.compareIntro')}</Text>
        <MultiSelect label={t('led.compareWhich')} placeholder={t('led.allRegions')} searchable clearable maxValues={30}
          data={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))} value={ids} onChange={setIds} />
        <ProblemAlert error={compared.error ?? regions.error} />
        {compared.isPending ? <Loading /> : !items.length ? <EmptyState>{t('led.noRegions')}</EmptyState> : (
          <>
            <Chart title={t('led.firmsByRegion')} categoryLabel={t('led.region')} categories={items.map((r) => r.name)} integers valueLabel={t('led.firms')}
              series={[{ key: 'firms', label: t('led.firms'), values: items.map((r) => r.firms.total) }]} />
            <ScrollTable minWidth={Math.min(900, 180 + items.length * 140)}>
              <Table striped fz="sm" verticalSpacing={6}>
                <Table.Caption>{t('led.compare')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('led.figure')}</Table.Th>
                    {items.map((r) => <Table.Th key={r.id} scope="col" ta="right">{r.name}</Table.Th>)}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.key}>
                      <Table.Th scope="row" fw={400}>{row.label}</Table.Th>
                      {items.map((r) => <Table.Td key={r.id} ta="right">{row.cell(r)}</Table.Td>)}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            {compared.data!.effective.den > 0 && (
              <Text size="sm">{t('led.impl.effectiveOverall', { num: compared.data!.effective.num, den: compared.data!.effective.den, pct: share(compared.data!.effective) })}</Text>
            )}
            <Text size="xs" c="dimmed">{t('led.impl.effectiveHelp')}</Text>
          </>
        )}
      </Stack>
    </>
  );
}
