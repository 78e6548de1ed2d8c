import { Anchor, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LedBoundaries, LedUmbrellaRollup, UmbrellaRollupBranch } from '../../../contracts/led-rollup.js';
import { MEASURE_ROLES } from '../../../contracts/led-implementation.js';
import { currentFormat } from '../../app/format.js';
import { formatMoney, formatNumber } from '../../app/money.js';
import { useCan } from '../../app/session.js';
import { ProblemAlert } from '../../ui/ProblemAlert.js';
import { RegionMap } from '../../ui/RegionMap.js';
import { fetchUmbrellaRollup, rollupKeys } from './rollup-api.js';
import { PeopleOnce, RollupFiguresTable, type RollupLine } from './RollupFiguresTable.js';

type Role = (typeof MEASURE_ROLES)[number];
const FIGURES = ['measures', 'participant', 'new_job', 'higher_income'] as const;
type Figure = (typeof FIGURES)[number];

/** Where the records behind a branch's figure are listed (only for a branch that shares upward). */
export function branchDrillHref(kind: 'measures' | Role, branchId: string, regionId: string | null) {
  const q = new URLSearchParams({ umbrellaBranch: branchId });
  if (kind !== 'measures') q.set('role', kind);
  if (regionId) q.set('regionId', regionId);
  return `/led/rollup/${kind === 'measures' ? 'measures' : 'people'}?${q.toString()}`;
}

const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();
const pct = (s: { num: number; den: number }) => currentFormat().number(s.num / s.den, { style: 'percent', maximumFractionDigits: 0 });

/**
 * The umbrella's roll-up over its branches (organisations of their own): every
 * branch's totals, the regions of those that share upward with each figure
 * opening its records, the regions on the umbrella's map, and why the people
 * counted once differ from the sums. Shown only to an organisation with branches.
 */
export function UmbrellaRollup({ boundaries }: { boundaries: LedBoundaries | undefined }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: rollupKeys.branches, queryFn: fetchUmbrellaRollup });
  const [figure, setFigure] = useState<Figure>('participant');
  const data = q.data;
  const figureLabel = (f: Figure) => (f === 'measures' ? t('led.measures') : t(`led.rollup.roles.${f}`));
  // The umbrella's boundary file draws its branches' regions: a shape draws every shared region it names (name, district or ISO code).
  const map = useMemo(() => {
    if (!data || !boundaries?.shapes.length) return null;
    const regions = data.branches.flatMap((b) => (b.regions ?? []).map((r) => ({ ...r, branchId: b.id })));
    const shapes = boundaries.shapes.map((s, i) => {
      const key = norm(s.name);
      const matched = regions.filter((r) => key && (norm(r.name) === key || norm(r.district) === key || norm(r.region) === key));
      return { shape: { ...s, regionId: matched.length ? `shape-${i}` : null }, matched };
    });
    return { boundaries: { shapes: shapes.map((s) => s.shape) }, matched: new Map(shapes.filter((s) => s.matched.length).map((s) => [s.shape.regionId!, s.matched])) };
  }, [data, boundaries]);
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!data?.branches.length) return null;
  const valueOf = (r: { measures: number; people: Record<Role, { people: number }> }, f: Figure) => (f === 'measures' ? r.measures : r.people[f].people);
  return (
    <Stack>
      <Title order={2} size="h3">{t('led.rollup.umbrella.title')}</Title>
      <Text size="sm" c="dimmed">{t('led.rollup.umbrella.intro')}</Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {map ? (
          <Stack gap="xs">
            <Select label={t('led.rollup.shadeBy')} value={figure} allowDeselect={false} style={{ maxWidth: 320 }}
              data={FIGURES.map((f) => ({ value: f, label: figureLabel(f) }))} onChange={(v) => v && setFigure(v as Figure)} />
            <RegionMap boundaries={map.boundaries} label={t('led.rollup.mapLabel', { figure: figureLabel(figure) })} noneLabel={t('led.rollup.noRegion')}
              values={new Map([...map.matched].map(([id, rs]) => [id, rs.reduce((s, r) => s + valueOf(r, figure), 0)]))}
              format={(n) => formatNumber(Math.round(n))}
              hrefOf={(id) => { const r = map.matched.get(id)![0]!; return branchDrillHref(figure === 'measures' ? 'measures' : figure, r.branchId, r.id); }} />
          </Stack>
        ) : <span />}
        <Differences rollup={data} />
      </SimpleGrid>
      <BranchTable rollup={data} />
    </Stack>
  );
}

function Differences({ rollup }: { rollup: LedUmbrellaRollup }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">{t('led.rollup.onceTitle')}</Title>
        {MEASURE_ROLES.map((role) => {
          const p = rollup.total.people[role];
          return (
            <Text key={role} size="sm">
              <Text span fw={600}>{t(`led.rollup.peopleOf.${role}`, { n: formatNumber(p.people) })}</Text>{' '}
              {t('led.rollup.umbrella.onceEach', { branches: formatNumber(rollup.total.branches) })}{' '}
              {p.sum !== p.people && t('led.rollup.umbrella.sumDiffers', { sum: formatNumber(p.sum), several: formatNumber(p.inSeveralMeasures), regions: formatNumber(p.inSeveralRegions) })}{' '}
              {p.sumOfRegions !== p.people && t('led.rollup.regionsDiffer', { sum: formatNumber(p.sumOfRegions) })}
            </Text>
          );
        })}
        <Text size="xs" c="dimmed">{t('led.rollup.umbrella.notLinked')}</Text>
        <Text size="xs" c="dimmed">{t('led.rollup.umbrella.effectivePooled')}</Text>
      </Stack>
    </Paper>
  );
}

function BranchTable({ rollup }: { rollup: LedUmbrellaRollup }) {
  const { t } = useTranslation();
  const can = useCan();
  const link = (b: UmbrellaRollupBranch, kind: 'measures' | Role, regionId: string | null) => (children: ReactNode) =>
    (b.sharesUpward && (kind === 'measures' || can('people_reached.read')) ? <Anchor component={Link} to={branchDrillHref(kind, b.id, regionId)}>{children}</Anchor> : children);
  const people = (b: UmbrellaRollupBranch, regionId: string | null, of: Record<Role, { people: number; sum: number }>) => (role: Role) => (
    <PeopleOnce figure={of[role]} people={link(b, role, regionId)} sum={link(b, 'measures', regionId)} />
  );
  const figures = (b: UmbrellaRollupBranch, regionId: string | null, f: { measures: number; budget: number; planned: number; actual: number }) => {
    const money = (n: number) => link(b, 'measures', regionId)(formatMoney(n, b.currency));
    return { measures: link(b, 'measures', regionId)(formatNumber(f.measures)), budget: money(f.budget), planned: money(f.planned), actual: money(f.actual) };
  };
  // Still effective of those followed up: a share with its count, opening the measures behind it where the branch shares.
  const effective = (b: UmbrellaRollupBranch | null, regionId: string | null, e: { num: number; den: number }) => {
    if (!e.den) return '—';
    const text = `${pct(e)} (${formatNumber(e.num)}/${formatNumber(e.den)})`;
    return b ? link(b, 'measures', regionId)(text) : text;
  };
  const total = rollup.total;
  const money = (key: 'budget' | 'planned' | 'actual') => total.money.map((m) => formatMoney(m[key], m.currency)).join(' + ') || '—';
  return (
    <RollupFiguresTable caption={t('led.rollup.umbrella.caption')} lead={[t('led.branch'), t('led.region')]} extra={t('led.impl.effectiveShare')}
      lines={rollup.branches.flatMap((b): RollupLine[] => [
        ...(b.regions ?? []).map((r): RollupLine => ({
          key: r.id, lead: [b.name, r.name], header: 1, ...figures(b, r.id, r), people: people(b, r.id, r.people), extra: effective(b, r.id, r.effective),
        })),
        {
          key: `${b.id}-total`, total: true,
          lead: [b.name, <Text size="xs" c="dimmed">{b.sharesUpward ? t('led.rollup.umbrella.branchTotal') : t('led.rollup.umbrella.totalsOnly')}</Text>],
          ...figures(b, null, b.total), people: people(b, null, b.total.people), extra: effective(b, null, b.total.effective),
        },
      ])}
      foot={{
        key: 'total', lead: [t('led.rollup.umbrella.total', { n: formatNumber(total.branches) }), null],
        measures: formatNumber(total.measures), budget: money('budget'), planned: money('planned'), actual: money('actual'),
        people: (role) => <PeopleOnce figure={total.people[role]} />, extra: effective(null, null, total.effective),
      }} />
  );
}
