import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { IndicatorResult, ManualValueInput, PeriodInput } from '../../../contracts/results.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { aggregate, type CellCount, type Observation } from './engine/aggregate.js';
import { frameworkRow, indicatorRow } from './framework-service.js';
import { libraryIndicator, Reads } from './library.js';
import { resultsIndicators, resultsManualValues, resultsPeriods, resultsTargets, type FrozenReport, type StoredFigures } from './tables.js';

type PeriodRow = typeof resultsPeriods.$inferSelect;
type IndicatorRow = typeof resultsIndicators.$inferSelect;

export async function periodRow(ctx: TenantCtx, id: string, lock = false): Promise<PeriodRow> {
  const query = ctx.tx.select().from(resultsPeriods).where(and(eq(resultsPeriods.orgId, ctx.orgId), eq(resultsPeriods.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('results.period_not_found');
  return row;
}

export async function addPeriod(ctx: TenantCtx, frameworkId: string, input: PeriodInput) {
  await frameworkRow(ctx, frameworkId);
  const [row] = await ctx.tx.insert(resultsPeriods).values({ orgId: ctx.orgId, frameworkId, ...input }).returning({ id: resultsPeriods.id });
  await recordAudit(ctx, { action: 'results.period_add', entityType: 'results_period', entityId: row!.id, after: { frameworkId, ...input } });
  return row!.id;
}

/**
 * Targets and values entered by hand belong to the report being drafted: a
 * submitted one is what the director reviews (sent back, it can change again),
 * an approved one is kept as reported.
 */
async function draftPeriod(ctx: TenantCtx, id: string) {
  const period = await periodRow(ctx, id, true);
  if (period.state === 'approved') throw new AppError('results.period_approved');
  if (period.state !== 'draft') throw new AppError('results.period_not_draft');
  return period;
}

export async function setTarget(ctx: TenantCtx, periodId: string, indicatorId: string, value: number | null) {
  const period = await draftPeriod(ctx, periodId);
  await indicatorRow(ctx, period.frameworkId, indicatorId);
  const where = and(eq(resultsTargets.orgId, ctx.orgId), eq(resultsTargets.periodId, periodId), eq(resultsTargets.indicatorId, indicatorId));
  const [before] = await ctx.tx.select({ value: resultsTargets.value }).from(resultsTargets).where(where);
  if (value === null) await ctx.tx.delete(resultsTargets).where(where);
  else
    await ctx.tx
      .insert(resultsTargets)
      .values({ orgId: ctx.orgId, periodId, indicatorId, value })
      .onConflictDoUpdate({ target: [resultsTargets.indicatorId, resultsTargets.periodId, resultsTargets.orgId], set: { value } });
  await recordAudit(ctx, { action: 'results.target_set', entityType: 'results_period', entityId: periodId, before: { indicatorId, value: before?.value ?? null }, after: { indicatorId, value } });
}

export async function addManualValue(ctx: TenantCtx, periodId: string, indicatorId: string, input: ManualValueInput) {
  const period = await draftPeriod(ctx, periodId);
  const indicator = await indicatorRow(ctx, period.frameworkId, indicatorId);
  // A counted indicator's figure is its records: a number typed beside them would count twice.
  if (indicator.library) throw new AppError('results.value_on_counted_indicator');
  const percentage = indicator.kind === 'pooled_percentage';
  const fits =
    indicator.kind === 'qualitative'
      ? input.text.trim() !== ''
      : percentage
        ? input.numerator !== null && input.denominator !== null && input.numerator <= input.denominator
        : input.value !== null;
  if (!fits) throw fieldError(indicator.kind === 'qualitative' ? 'text' : percentage ? 'numerator' : 'value', 'results.value_does_not_fit_kind');
  const outside = Object.keys(input.cell).filter((d) => !indicator.dimensions.includes(d as never));
  if (outside.length) throw fieldError('cell', 'results.cell_not_a_breakdown', { dimensions: outside.join(', ') });
  const [row] = await ctx.tx
    .insert(resultsManualValues)
    .values({ orgId: ctx.orgId, periodId, indicatorId, ...input, enteredBy: ctx.actor.name })
    .returning({ id: resultsManualValues.id });
  await recordAudit(ctx, { action: 'results.value_add', entityType: 'results_period', entityId: periodId, after: { indicatorId, valueId: row!.id, ...input } });
  return row!.id;
}

export async function removeManualValue(ctx: TenantCtx, periodId: string, valueId: string) {
  await draftPeriod(ctx, periodId);
  const [gone] = await ctx.tx
    .delete(resultsManualValues)
    .where(and(eq(resultsManualValues.orgId, ctx.orgId), eq(resultsManualValues.periodId, periodId), eq(resultsManualValues.id, valueId)))
    .returning();
  if (!gone) throw new AppError('results.value_not_found');
  await recordAudit(ctx, { action: 'results.value_remove', entityType: 'results_period', entityId: periodId, before: { indicatorId: gone.indicatorId, valueId, value: gone.value, numerator: gone.numerator, denominator: gone.denominator, evidence: gone.evidence } });
}

/**
 * The records behind each indicator of the framework in the period: counted by
 * the library through the other modules' figures services, or entered by hand
 * with evidence (a number entered for a unique count counts as given). Without
 * `records`, a library indicator that can be counted where its records are kept
 * comes as cells (`counted`), and its records are not read one by one.
 */
async function observations(ctx: TenantCtx, period: PeriodRow, indicators: IndicatorRow[], records: boolean) {
  const manual = await ctx.tx.select().from(resultsManualValues).where(and(eq(resultsManualValues.orgId, ctx.orgId), eq(resultsManualValues.periodId, period.id))).orderBy(asc(resultsManualValues.createdAt));
  const byIndicator = new Map<string, Observation[]>();
  const countedBy = new Map<string, CellCount[]>();
  // One library indicator may appear in several lines, and several indicators count the same records: each is read once.
  const read = new Map<string, Promise<Observation[]>>();
  const cells = new Map<string, Promise<CellCount[]>>();
  const reads = new Reads();
  for (const indicator of indicators) {
    const known = indicator.library ? libraryIndicator(indicator.library) : null;
    if (known?.count && !records) {
      if (!cells.has(known.code)) cells.set(known.code, known.count(ctx, period, reads));
      countedBy.set(indicator.id, await cells.get(known.code)!);
    } else if (known && !read.has(known.code)) read.set(known.code, known.observe(ctx, period, reads));
    const counted = known && read.has(known.code) ? await read.get(known.code)! : [];
    const entered = manual
      .filter((m) => m.indicatorId === indicator.id)
      .map((m): Observation => {
        const on = m.createdAt.toISOString().slice(0, 10);
        const record = { type: 'manual_value', id: m.id, on };
        return { record, value: m.value ?? undefined, num: m.numerator ?? undefined, den: m.denominator ?? undefined, text: m.text, cells: m.cell };
      });
    byIndicator.set(indicator.id, [...counted, ...entered]);
  }
  return { observed: byIndicator, counted: countedBy };
}

export interface PeriodReport {
  results: IndicatorResult[];
  /** The records behind each indicator, `type:id`, for drilling down and for corrections. */
  records: Map<string, Observation[]>;
}

/**
 * The figures of every indicator of the period's framework, counted where the
 * records are kept when the library can (only the cells travel): the report
 * page of a period not yet approved, and its donor report.
 */
export async function computeReport(ctx: TenantCtx, period: PeriodRow): Promise<Pick<PeriodReport, 'results'>> {
  return { results: (await computeFigures(ctx, period, { records: false })).results };
}

/**
 * The same figures with the records behind each, read one by one: to freeze a
 * report, to show its corrections, and to drill down (with `only`, one
 * indicator: a drill-down reads no other's records).
 */
export async function computeRecords(ctx: TenantCtx, period: PeriodRow, only?: string): Promise<PeriodReport> {
  return computeFigures(ctx, period, { records: true, only });
}

/**
 * Counting a report groups the period's records by person or firm (hundreds of
 * thousands in a federation): given room to do so in memory, the database does
 * it in a second instead of spilling to disk for several; the setting is the
 * transaction's, and put back after.
 */
async function withRoomToCount<T>(ctx: TenantCtx, count: () => Promise<T>): Promise<T> {
  const [before] = (await ctx.tx.execute<{ workMem: string }>(sql`SELECT current_setting('work_mem') AS "workMem", set_config('work_mem', '64MB', true)`)).rows;
  const counted = await count();
  await ctx.tx.execute(sql`SELECT set_config('work_mem', ${before!.workMem}, true)`);
  return counted;
}

async function computeFigures(ctx: TenantCtx, period: PeriodRow, options: { records: boolean; only?: string }): Promise<PeriodReport> {
  const { only } = options;
  const indicators = await ctx.tx
    .select()
    .from(resultsIndicators)
    .where(and(eq(resultsIndicators.orgId, ctx.orgId), eq(resultsIndicators.frameworkId, period.frameworkId), only ? eq(resultsIndicators.id, only) : undefined))
    .orderBy(asc(resultsIndicators.position));
  const targets = new Map(
    (await ctx.tx.select().from(resultsTargets).where(and(eq(resultsTargets.orgId, ctx.orgId), eq(resultsTargets.periodId, period.id)))).map((t) => [t.indicatorId, t.value]),
  );
  const { observed, counted } = await withRoomToCount(ctx, () => observations(ctx, period, indicators, options.records));
  const records = new Map<string, Observation[]>();
  const results = indicators.map((indicator): IndicatorResult => {
    const rs = observed.get(indicator.id)!;
    records.set(indicator.id, rs);
    const { total, breakdowns, records: n } = aggregate(indicator.kind, rs, indicator.dimensions, counted.get(indicator.id));
    return { indicatorId: indicator.id, name: indicator.name, kind: indicator.kind, level: indicator.level, unit: indicator.unit, total, breakdowns, records: n, target: targets.get(indicator.id) ?? null, baseline: indicator.baseline };
  });
  return { results, records };
}

const recordKey = (o: Observation) => `${o.record.type}:${o.record.id}`;

/** What an approved report keeps: every figure, and the records behind each, sorted so that the checksum is stable. */
function freeze(report: PeriodReport): FrozenReport {
  return {
    indicators: report.results.map((r) => ({
      indicatorId: r.indicatorId,
      name: r.name,
      total: r.total,
      breakdowns: r.breakdowns,
      target: r.target,
      records: [...new Set(report.records.get(r.indicatorId)!.map(recordKey))].sort(),
    })),
  };
}

/** SHA-256 of the frozen report in the JSON canonical form of RFC 8785, so that any change to it shows. */
export const checksumOf = (frozen: FrozenReport) => createHash('sha256').update(canonicalize(frozen)!).digest('hex');

export async function submitPeriod(ctx: TenantCtx, id: string) {
  const period = await periodRow(ctx, id, true);
  if (period.state !== 'draft') throw new AppError('results.period_not_draft');
  await ctx.tx.update(resultsPeriods).set({ state: 'submitted', submittedAt: sql`now()` }).where(and(eq(resultsPeriods.orgId, ctx.orgId), eq(resultsPeriods.id, id)));
  await recordAudit(ctx, { action: 'results.period_submit', entityType: 'results_period', entityId: id, before: { state: 'draft' }, after: { state: 'submitted' } });
}

/** Sends a submitted report back to be drafted again. */
export async function returnPeriod(ctx: TenantCtx, id: string) {
  const period = await periodRow(ctx, id, true);
  if (period.state !== 'submitted') throw new AppError('results.period_not_submitted');
  await ctx.tx.update(resultsPeriods).set({ state: 'draft', submittedAt: null }).where(and(eq(resultsPeriods.orgId, ctx.orgId), eq(resultsPeriods.id, id)));
  await recordAudit(ctx, { action: 'results.period_return', entityType: 'results_period', entityId: id, before: { state: 'submitted' }, after: { state: 'draft' } });
}

/** Approves a submitted report: its figures are frozen as reported, with a checksum; it is never computed again. */
export async function approvePeriod(ctx: TenantCtx, id: string) {
  const period = await periodRow(ctx, id, true);
  if (period.state !== 'submitted') throw new AppError('results.period_not_submitted');
  const report = await computeRecords(ctx, period);
  const frozen = freeze(report);
  const checksum = checksumOf(frozen);
  // What dashboards read: the same figures without the records behind them (migration 0069).
  const figures: StoredFigures = {
    indicators: frozen.indicators.map(({ records, ...r }, i) => ({ ...r, records: records.length, kind: report.results[i]!.kind, level: report.results[i]!.level, unit: report.results[i]!.unit })),
  };
  await ctx.tx
    .update(resultsPeriods)
    .set({ state: 'approved', approvedAt: sql`now()`, approvedBy: ctx.actor.name, frozen, checksum, figures })
    .where(and(eq(resultsPeriods.orgId, ctx.orgId), eq(resultsPeriods.id, id)));
  await recordAudit(ctx, { action: 'results.period_approve', entityType: 'results_period', entityId: id, before: { state: 'submitted' }, after: { state: 'approved', checksum } });
}

/**
 * A period's report. Until approval it is counted live. Once approved it is
 * shown as reported, checked against its checksum, and what the records say
 * now is shown beside it as corrections: per indicator, the difference and the
 * records added or gone since, each with its date — never a silent edit.
 */
export async function periodReport(ctx: TenantCtx, id: string) {
  const period = await periodRow(ctx, id);
  const base = { id: period.id, frameworkId: period.frameworkId, label: period.label, startsOn: period.startsOn, endsOn: period.endsOn, state: period.state };
  // A draft needs only its figures; an approved report is compared with its records now.
  if (period.state !== 'approved') return { ...base, approved: null, results: (await computeReport(ctx, period)).results, corrections: [] };
  const live = await computeRecords(ctx, period);
  const frozen = period.frozen!;
  const corrections = frozen.indicators.flatMap((reported) => {
    const now = live.results.find((r) => r.indicatorId === reported.indicatorId);
    const nowRecords = live.records.get(reported.indicatorId) ?? [];
    const then = new Set(reported.records);
    const added = nowRecords.filter((o) => !then.has(recordKey(o)));
    const nowKeys = new Set(nowRecords.map(recordKey));
    const gone = reported.records.filter((k) => !nowKeys.has(k));
    const before = figureAmount(reported.total);
    const after = now ? figureAmount(now.total) : null;
    if (!added.length && !gone.length && before === after) return [];
    return [{
      indicatorId: reported.indicatorId,
      name: reported.name,
      reported: reported.total,
      now: now?.total ?? null,
      added: uniqueRecords(added).map((o) => ({ type: o.record.type, id: o.record.id, on: o.record.on })),
      gone: gone.map((k) => ({ type: k.slice(0, k.indexOf(':')), id: k.slice(k.indexOf(':') + 1) })),
    }];
  });
  return {
    ...base,
    approved: { at: period.approvedAt!.toISOString(), by: period.approvedBy!, checksum: period.checksum!, intact: checksumOf(frozen) === period.checksum },
    results: frozen.indicators.map((r) => ({ ...r, records: r.records.length })),
    corrections,
  };
}

const figureAmount = (f: unknown) => {
  const x = f as { n?: number; num?: number; den?: number };
  return x.n ?? (x.num !== undefined ? `${x.num}/${x.den}` : null);
};
const uniqueRecords = (os: Observation[]) => [...new Map(os.map((o) => [recordKey(o), o])).values()];

/**
 * The records behind one indicator's figure in the period (the first 500, with
 * how many there are): for an approved report, the records it reported, dated
 * where they still exist.
 */
export async function indicatorRecords(ctx: TenantCtx, periodId: string, indicatorId: string) {
  const period = await periodRow(ctx, periodId);
  const live = uniqueRecords((await computeRecords(ctx, period, indicatorId)).records.get(indicatorId) ?? []);
  let items = live.map((o) => ({ type: o.record.type, id: o.record.id, on: o.record.on as string | null, unit: o.unit ?? null, cells: o.cells }));
  if (period.state === 'approved') {
    const reported = period.frozen!.indicators.find((r) => r.indicatorId === indicatorId);
    if (!reported) throw new AppError('results.indicator_not_found');
    const now = new Map(items.map((i) => [`${i.type}:${i.id}`, i]));
    items = reported.records.map((k) => now.get(k) ?? { type: k.slice(0, k.indexOf(':')), id: k.slice(k.indexOf(':') + 1), on: null, unit: null, cells: {} });
  } else {
    await indicatorRow(ctx, period.frameworkId, indicatorId);
  }
  items.sort((a, b) => (a.on ?? '').localeCompare(b.on ?? '') || a.id.localeCompare(b.id));
  return { total: items.length, items: items.slice(0, 500) };
}
