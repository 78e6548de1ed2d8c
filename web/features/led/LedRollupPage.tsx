import { Anchor, Button, FileInput, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconMap, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { LedBoundaries, LedRollup, RollupRegion } from '../../../contracts/led-rollup.js';
import { MEASURE_ROLES } from '../../../contracts/led-implementation.js';
import { currentFormat, formatDate } from '../../app/format.js';
import { formatMoney, formatNumber } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Loading } from '../../ui/Loading.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { RegionMap } from '../../ui/RegionMap.js';
import { PeopleOnce, RollupFiguresTable } from './RollupFiguresTable.js';
import { fetchBoundaries, fetchRollup, removeBoundaries, rollupKeys, setBoundaryProperty, uploadBoundaries } from './rollup-api.js';
import { UmbrellaRollup } from './UmbrellaRollup.js';

type Role = (typeof MEASURE_ROLES)[number];
const FIGURES = ['measures', 'budget', 'actual', 'participant', 'new_job', 'higher_income', 'effective'] as const;
type Figure = (typeof FIGURES)[number];
const MAX_MB = 4;

const pct = (s: { num: number; den: number }) => (s.den ? currentFormat().number(s.num / s.den, { style: 'percent', maximumFractionDigits: 0 }) : '—');

/** Where the records behind a figure are listed: the measures, or the people of a role. */
export function drillHref(kind: 'measures' | Role, regionId: string | null, branchId: string) {
  const q = new URLSearchParams();
  if (kind !== 'measures') q.set('role', kind);
  if (regionId) q.set('regionId', regionId);
  if (branchId) q.set('branchId', branchId);
  return `/led/rollup/${kind === 'measures' ? 'measures' : 'people'}?${q.toString()}`;
}

/**
 * The roll-up of every LED region (or the regions a branch runs): measures,
 * budgets and results in one table, each figure opening the records behind
 * it, people counted once beside the simple sum with the difference said in
 * words, and the regions on a map drawn from the organisation's boundary file.
 */
export function LedRollupPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const branchId = params.get('branchId') ?? '';
  const [figure, setFigure] = useState<Figure>('participant');
  const all = useQuery({ queryKey: rollupKeys.rollup(''), queryFn: () => fetchRollup('') });
  const scoped = useQuery({ queryKey: rollupKeys.rollup(branchId), queryFn: () => fetchRollup(branchId) });
  const boundaries = useQuery({ queryKey: rollupKeys.boundaries, queryFn: fetchBoundaries });
  const branches = [...new Map((all.data?.regions ?? []).filter((r) => r.branchId).map((r) => [r.branchId!, r.branchName ?? ''])).entries()];
  const data = scoped.data;
  const peopleLink = (role: Role, regionId: string | null) => drillHref(can('people_reached.read') ? role : 'measures', regionId, branchId);
  const figureLabel = (f: Figure) => (f === 'measures' ? t('led.measures') : f === 'budget' ? t('led.budget') : f === 'actual' ? t('led.rollup.actual') : f === 'effective' ? t('led.impl.effectiveShare') : t(`led.rollup.roles.${f}`));
  const valueOf = (r: RollupRegion, f: Figure): number => (f === 'measures' ? r.measures : f === 'budget' ? r.budget : f === 'actual' ? r.actual : f === 'effective' ? (r.effective.den ? r.effective.num / r.effective.den : 0) : r.people[f].people);
  const formatFigure = (f: Figure, n: number) => (f === 'budget' || f === 'actual' ? formatMoney(n, data?.currency ?? 'USD') : f === 'effective' ? currentFormat().number(n, { style: 'percent', maximumFractionDigits: 0 }) : formatNumber(Math.round(n)));
  return (
    <>
      <PageHeader title={t('led.rollup.title')} />
      <Stack>
        <Text size="sm" c="dimmed">{t('led.rollup.intro')}</Text>
        {branches.length > 0 && (
          <Select label={t('led.rollup.branch')} clearable placeholder={t('led.rollup.allRegions')} value={branchId || null} style={{ maxWidth: 360 }}
            data={branches.map(([id, name]) => ({ value: id, label: name }))}
            onChange={(v) => setParams(v ? { branchId: v } : {}, { replace: true })} />
        )}
        <ProblemAlert error={scoped.error ?? boundaries.error} />
        {scoped.isPending ? <Loading /> : !data?.regions.length ? <EmptyState>{t('led.noRegions')}</EmptyState> : (
          <>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Stack gap="xs">
                {boundaries.data?.shapes.length ? (
                  <>
                    <Select label={t('led.rollup.shadeBy')} value={figure} allowDeselect={false} style={{ maxWidth: 320 }}
                      data={FIGURES.map((f) => ({ value: f, label: figureLabel(f) }))} onChange={(v) => v && setFigure(v as Figure)} />
                    <RegionMap boundaries={boundaries.data} label={t('led.rollup.mapLabel', { figure: figureLabel(figure) })} noneLabel={t('led.rollup.noRegion')} values={new Map(data.regions.map((r) => [r.id, valueOf(r, figure)]))}
                      format={(n) => formatFigure(figure, n)} hrefOf={(id) => (figure === 'participant' || figure === 'new_job' || figure === 'higher_income' ? peopleLink(figure, id) : drillHref('measures', id, branchId))} />
                  </>
                ) : (
                  <EmptyState>{can('led.manage') ? t('led.rollup.noMapStaff') : t('led.rollup.noMap')}</EmptyState>
                )}
              </Stack>
              <Differences rollup={data} peopleLink={peopleLink} branchId={branchId} />
            </SimpleGrid>
            <RollupTable rollup={data} peopleLink={peopleLink} branchId={branchId} />
          </>
        )}
        {!branchId && <UmbrellaRollup boundaries={boundaries.data} />}
        {can('led.manage') && boundaries.data && <BoundaryFile boundaries={boundaries.data} />}
      </Stack>
    </>
  );
}

/** The people once each beside the simple sums, and why they differ, in words. */
function Differences({ rollup, peopleLink, branchId }: { rollup: LedRollup; peopleLink: (role: Role, regionId: string | null) => string; branchId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">{t('led.rollup.onceTitle')}</Title>
        {MEASURE_ROLES.map((role) => {
          const p = rollup.total.people[role];
          return (
            <Text key={role} size="sm">
              <Anchor component={Link} to={peopleLink(role, null)} fw={600}>{t(`led.rollup.peopleOf.${role}`, { n: formatNumber(p.people) })}</Anchor>{' '}
              {p.sum === p.people
                ? t('led.rollup.sameAsSum')
                : t('led.rollup.sumDiffers', { sum: formatNumber(p.sum), several: formatNumber(p.inSeveralMeasures), regions: formatNumber(p.inSeveralRegions), extra: formatNumber(p.sum - p.people) })}{' '}
              {p.sumOfRegions !== p.people && t('led.rollup.regionsDiffer', { sum: formatNumber(p.sumOfRegions) })}{' '}
              <Anchor component={Link} to={drillHref('measures', null, branchId)}>{t('led.rollup.perMeasure')}</Anchor>
            </Text>
          );
        })}
        <Text size="xs" c="dimmed">{t('led.rollup.onceHelp')}</Text>
      </Stack>
    </Paper>
  );
}

function RollupTable({ rollup, peopleLink, branchId }: { rollup: LedRollup; peopleLink: (role: Role, regionId: string | null) => string; branchId: string }) {
  const { t } = useTranslation();
  const money = (n: number) => formatMoney(n, rollup.currency);
  const measures = (regionId: string | null) => (children: ReactNode) => <Anchor component={Link} to={drillHref('measures', regionId, branchId)}>{children}</Anchor>;
  const people = (regionId: string | null, of: Record<Role, { people: number; sum: number }>) => (role: Role) => (
    <PeopleOnce figure={of[role]} people={(n) => <Anchor component={Link} to={peopleLink(role, regionId)}>{n}</Anchor>} sum={measures(regionId)} />
  );
  const effective = (regionId: string | null, e: { num: number; den: number }) => (e.den ? measures(regionId)(`${pct(e)} (${e.num}/${e.den})`) : '—');
  const total = rollup.total;
  const all = measures(null);
  return (
    <RollupFiguresTable caption={t('led.rollup.tableCaption')} lead={[t('led.region'), t('led.branch')]} extra={t('led.impl.effectiveShare')}
      lines={rollup.regions.map((r) => {
        const mine = measures(r.id);
        return {
          key: r.id, lead: [<Anchor component={Link} to={`/led/${r.id}`}>{r.name}</Anchor>, r.branchName ?? '—'],
          measures: mine(formatNumber(r.measures)), budget: mine(money(r.budget)), planned: mine(money(r.planned)), actual: mine(money(r.actual)),
          people: people(r.id, r.people), extra: effective(r.id, r.effective),
        };
      })}
      foot={{
        key: 'total', lead: [t('led.rollup.total', { n: formatNumber(total.regions) }), null],
        measures: all(formatNumber(total.measures)), budget: all(money(total.budget)), planned: all(money(total.planned)), actual: all(money(total.actual)),
        people: people(null, total.people), extra: effective(null, total.effective),
      }} />
  );
}

/** The boundary file of the map: uploaded (replacing the one before), the property that names regions chosen, removed. */
function BoundaryFile({ boundaries }: { boundaries: LedBoundaries }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const saved = (b: LedBoundaries) => qc.setQueryData(rollupKeys.boundaries, b);
  const upload = useMutation({
    mutationFn: async (f: File) => uploadBoundaries({ fileName: f.name, geojson: await f.text() }),
    onSuccess: (b) => { saved(b); setFile(null); },
  });
  const property = useMutation({ mutationFn: setBoundaryProperty, onSuccess: saved });
  const remove = useMutation({ mutationFn: removeBoundaries, onSuccess: saved });
  const current = boundaries.file;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4"><Group gap={6}><IconMap size={18} />{t('led.rollup.mapFile')}</Group></Title>
        {current ? (
          <>
            <Text size="sm">{t('led.rollup.fileIs', { name: current.fileName, n: formatNumber(current.featureCount), by: current.uploadedBy, on: formatDate(current.uploadedAt) })}</Text>
            <Select label={t('led.rollup.property')} description={t('led.rollup.propertyHelp')} value={current.property} allowDeselect={false} style={{ maxWidth: 360 }}
              data={current.namingProperties} onChange={(v) => v && v !== current.property && property.mutate(v)} disabled={property.isPending} />
            {boundaries.unmatchedRegions.length > 0 && (
              <Text size="sm" c="orange.9">{t('led.rollup.unmatched', { names: boundaries.unmatchedRegions.map((r) => r.name).join(', ') })}</Text>
            )}
          </>
        ) : <Text size="sm" c="dimmed">{t('led.rollup.fileHelp')}</Text>}
        <Group align="flex-end">
          <FileInput style={{ flex: 1, minWidth: 220, maxWidth: 420 }} label={current ? t('led.rollup.replaceFile') : t('led.rollup.uploadFile')} description={t('led.rollup.fileLimit', { mb: MAX_MB })}
            accept=".geojson,.json,application/geo+json,application/json" value={file} clearable
            error={tooLarge ? t('errors.led.geojson_too_large_file', { mb: MAX_MB }) : undefined}
            onChange={(f) => { setFile(f); setTooLarge(!!f && f.size > MAX_MB * 1024 * 1024); upload.reset(); }} />
          <Button leftSection={<IconUpload size={16} />} disabled={!file || tooLarge} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>{t('led.rollup.upload')}</Button>
          {current && <ConfirmButton variant="default" color="red" size="sm" label={t('ui.remove')} question={t('led.rollup.removeFileQuestion', { name: current.fileName })} loading={remove.isPending} onConfirm={() => remove.mutateAsync()} />}
        </Group>
        <ProblemAlert error={upload.error ?? property.error ?? remove.error} />
      </Stack>
    </Paper>
  );
}
