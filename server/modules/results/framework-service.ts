import { and, asc, eq, ilike, isNotNull, isNull, max, or, sql } from 'drizzle-orm';
import {
  RESULT_LEVELS, type FRAMEWORK_SORTS, type FrameworkInput, type FrameworkQuery, type FrameworkSummary, type Indicator, type IndicatorInput, type IndicatorQuery, type INDICATOR_SORTS, type PERIOD_SORTS, type PeriodQuery, type PeriodSummary,
} from '../../../contracts/results.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { ORGANISATION_TYPES } from './iati/iati-file.js';
import { libraryIndicator } from './library.js';
import { resultsFrameworks, resultsIndicators, resultsPeriods } from './tables.js';

export async function frameworkRow(ctx: TenantCtx, id: string) {
  const [row] = await ctx.tx.select().from(resultsFrameworks).where(and(eq(resultsFrameworks.orgId, ctx.orgId), eq(resultsFrameworks.id, id)));
  if (!row) throw new AppError('results.framework_not_found');
  return row;
}

const indicatorCount = sql<number>`(SELECT count(*)::int FROM results_indicators i WHERE i.org_id = ${resultsFrameworks}.org_id AND i.framework_id = ${resultsFrameworks}.id)`;
const periodCount = sql<number>`(SELECT count(*)::int FROM results_periods p WHERE p.org_id = ${resultsFrameworks}.org_id AND p.framework_id = ${resultsFrameworks}.id)`;
const frameworkColumns = {
  id: resultsFrameworks.id,
  name: resultsFrameworks.name,
  donor: resultsFrameworks.donor,
  indicators: indicatorCount,
  periods: periodCount,
  iatiActivityId: resultsFrameworks.iatiActivityId,
  iatiPublishedAt: resultsFrameworks.iatiPublishedAt,
};

/** The columns the frameworks sort by (contracts' FRAMEWORK_SORTS): names and donors regardless of case, a framework without a donor last. */
const FRAMEWORK_LIST: SortedList<(typeof FRAMEWORK_SORTS)[number]> = {
  id: resultsFrameworks.id,
  columns: {
    name: { by: sql`lower(${resultsFrameworks.name})`, type: 'text' },
    donor: { by: sql`nullif(lower(${resultsFrameworks.donor}), '')`, type: 'text', nullable: true },
    indicators: { by: indicatorCount, type: 'int' },
    periods: { by: periodCount, type: 'int' },
  },
};

/** A page of the organisation's results frameworks, by name unless sorted otherwise: a part of the name or donor, published to IATI or not. */
export async function frameworkPage(ctx: TenantCtx, query: FrameworkQuery): Promise<{ items: FrameworkSummary[]; nextCursor: string | null }> {
  const f = resultsFrameworks;
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const page = await sortedPage(FRAMEWORK_LIST, query, (k) => ctx.tx.select({ ...frameworkColumns, k }).from(f).$dynamic(), [
    eq(f.orgId, ctx.orgId),
    pattern ? or(ilike(f.name, pattern), ilike(f.donor, pattern)) : undefined,
    query.iati === 'published' ? isNotNull(f.iatiPublishedAt) : query.iati === 'unpublished' ? isNull(f.iatiPublishedAt) : undefined,
  ], (r) => r.id);
  return { items: page.items.map(({ k: _k, iatiPublishedAt, ...r }) => ({ ...r, iatiPublishedAt: iatiPublishedAt?.toISOString() ?? null })), nextCursor: page.nextCursor };
}

type IndicatorRow = typeof resultsIndicators.$inferSelect;
const presentIndicator = ({ id, position, library, name, level, kind, unit, dimensions, baseline, baselineYear }: IndicatorRow): Indicator => ({ id, position, library, name, level, kind, unit, dimensions, baseline, baselineYear });
const periodColumns = { id: resultsPeriods.id, label: resultsPeriods.label, startsOn: resultsPeriods.startsOn, endsOn: resultsPeriods.endsOn, state: resultsPeriods.state, approvedAt: resultsPeriods.approvedAt };
const presentPeriod = (p: { id: string; label: string; startsOn: string; endsOn: string; state: PeriodSummary['state']; approvedAt: Date | null }): PeriodSummary => ({ ...p, approvedAt: p.approvedAt?.toISOString() ?? null });

export async function getFramework(ctx: TenantCtx, id: string) {
  const framework = await frameworkRow(ctx, id);
  const indicators = await ctx.tx.select().from(resultsIndicators).where(and(eq(resultsIndicators.orgId, ctx.orgId), eq(resultsIndicators.frameworkId, id))).orderBy(asc(resultsIndicators.position));
  const periods = await ctx.tx
    .select(periodColumns)
    .from(resultsPeriods)
    .where(and(eq(resultsPeriods.orgId, ctx.orgId), eq(resultsPeriods.frameworkId, id)))
    .orderBy(asc(resultsPeriods.startsOn), asc(resultsPeriods.id));
  return {
    id: framework.id,
    name: framework.name,
    donor: framework.donor,
    description: framework.description,
    iatiOrgRef: framework.iatiOrgRef,
    iatiActivityId: framework.iatiActivityId,
    iatiOrgType: framework.iatiOrgType,
    iatiPublishedAt: framework.iatiPublishedAt?.toISOString() ?? null,
    indicators: indicators.map(presentIndicator),
    periods: periods.map(presentPeriod),
  };
}

/** The columns a framework's indicators sort by (contracts' INDICATOR_SORTS): the level in the chain's order, not the alphabet's. */
const INDICATOR_LIST: SortedList<(typeof INDICATOR_SORTS)[number]> = {
  id: resultsIndicators.id,
  columns: {
    position: { by: resultsIndicators.position, type: 'int' },
    name: { by: resultsIndicators.name, type: 'text' },
    level: { by: sql`array_position(ARRAY[${sql.raw(RESULT_LEVELS.map((l) => `'${l}'`).join(','))}]::text[], ${resultsIndicators.level})`, type: 'int' },
  },
};

/** A framework's indicators, by number unless sorted otherwise: a part of the name, one level, counted or entered by hand. */
export async function listIndicators(ctx: TenantCtx, frameworkId: string, query: IndicatorQuery) {
  await frameworkRow(ctx, frameworkId);
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const page = await sortedPage(INDICATOR_LIST, query, (k) => ctx.tx.select({ row: resultsIndicators, k }).from(resultsIndicators).$dynamic(), [
    eq(resultsIndicators.orgId, ctx.orgId),
    eq(resultsIndicators.frameworkId, frameworkId),
    pattern ? sql`${resultsIndicators.name} ILIKE ${pattern}` : undefined,
    query.level ? eq(resultsIndicators.level, query.level) : undefined,
    query.source === 'library' ? isNotNull(resultsIndicators.library) : query.source === 'manual' ? isNull(resultsIndicators.library) : undefined,
  ], (r) => r.row.id);
  return { items: page.items.map((r) => presentIndicator(r.row)), nextCursor: page.nextCursor };
}

/** The columns a framework's periods sort by (contracts' PERIOD_SORTS). */
const PERIOD_LIST: SortedList<(typeof PERIOD_SORTS)[number]> = {
  id: resultsPeriods.id,
  columns: {
    starts: { by: resultsPeriods.startsOn, type: 'date' },
    label: { by: resultsPeriods.label, type: 'text' },
  },
};

/** A framework's reporting periods, earliest first unless sorted otherwise, or those in one state. */
export async function listPeriods(ctx: TenantCtx, frameworkId: string, query: PeriodQuery) {
  await frameworkRow(ctx, frameworkId);
  const page = await sortedPage(PERIOD_LIST, query, (k) => ctx.tx.select({ ...periodColumns, k }).from(resultsPeriods).$dynamic(), [
    eq(resultsPeriods.orgId, ctx.orgId),
    eq(resultsPeriods.frameworkId, frameworkId),
    query.state ? eq(resultsPeriods.state, query.state) : undefined,
  ], (r) => r.id);
  return { items: page.items.map(({ k: _k, ...p }) => presentPeriod(p)), nextCursor: page.nextCursor };
}

/** An IATI organisation type must be one of IATI's codelist. */
function checkFramework(input: FrameworkInput) {
  if (input.iatiOrgType !== null && !ORGANISATION_TYPES.some((t) => t.code === input.iatiOrgType)) throw fieldError('iatiOrgType', 'results.iati_ref_invalid');
}

export async function createFramework(ctx: TenantCtx, input: FrameworkInput) {
  checkFramework(input);
  const [row] = await ctx.tx.insert(resultsFrameworks).values({ orgId: ctx.orgId, ...input }).returning({ id: resultsFrameworks.id });
  await recordAudit(ctx, { action: 'results.framework_create', entityType: 'results_framework', entityId: row!.id, after: { ...input } });
  return row!.id;
}

export async function updateFramework(ctx: TenantCtx, id: string, input: FrameworkInput) {
  const before = await frameworkRow(ctx, id);
  checkFramework(input);
  await ctx.tx.update(resultsFrameworks).set({ ...input, updatedAt: sql`now()` }).where(and(eq(resultsFrameworks.orgId, ctx.orgId), eq(resultsFrameworks.id, id)));
  const { name, donor, description, iatiOrgRef, iatiActivityId, iatiOrgType } = before;
  const change = changedFields({ name, donor, description, iatiOrgRef, iatiActivityId, iatiOrgType }, { ...input });
  await recordAudit(ctx, { action: 'results.framework_update', entityType: 'results_framework', entityId: id, ...change });
}

/** A library indicator keeps the library's kind, and only the breakdowns its records carry. */
function checkIndicator(input: IndicatorInput) {
  if (input.library === null) return;
  const known = libraryIndicator(input.library);
  if (!known) throw fieldError('library', 'results.unknown_library_indicator');
  if (known.kind !== input.kind) throw fieldError('kind', 'results.kind_differs_from_library');
  const unsupported = input.dimensions.filter((d) => !known.dimensions.includes(d));
  if (unsupported.length) throw fieldError('dimensions', 'results.dimension_not_supported', { dimensions: unsupported.join(', ') });
}

export async function addIndicator(ctx: TenantCtx, frameworkId: string, input: IndicatorInput) {
  await frameworkRow(ctx, frameworkId);
  checkIndicator(input);
  const [last] = await ctx.tx.select({ n: max(resultsIndicators.position) }).from(resultsIndicators).where(and(eq(resultsIndicators.orgId, ctx.orgId), eq(resultsIndicators.frameworkId, frameworkId)));
  const [row] = await ctx.tx
    .insert(resultsIndicators)
    .values({ orgId: ctx.orgId, frameworkId, position: (last?.n ?? 0) + 1, ...input })
    .returning({ id: resultsIndicators.id });
  await recordAudit(ctx, { action: 'results.indicator_add', entityType: 'results_framework', entityId: frameworkId, after: { indicatorId: row!.id, ...input } });
  return row!.id;
}

export async function indicatorRow(ctx: TenantCtx, frameworkId: string, id: string) {
  const [row] = await ctx.tx.select().from(resultsIndicators).where(and(eq(resultsIndicators.orgId, ctx.orgId), eq(resultsIndicators.frameworkId, frameworkId), eq(resultsIndicators.id, id)));
  if (!row) throw new AppError('results.indicator_not_found');
  return row;
}

export async function updateIndicator(ctx: TenantCtx, frameworkId: string, id: string, input: IndicatorInput) {
  const before = await indicatorRow(ctx, frameworkId, id);
  checkIndicator(input);
  await ctx.tx.update(resultsIndicators).set(input).where(and(eq(resultsIndicators.orgId, ctx.orgId), eq(resultsIndicators.id, id)));
  const { library, name, level, kind, unit, dimensions, baseline, baselineYear } = before;
  const change = changedFields({ library, name, level, kind, unit, dimensions, baseline, baselineYear }, { ...input });
  await recordAudit(ctx, { action: 'results.indicator_update', entityType: 'results_framework', entityId: frameworkId, before: { indicatorId: id, ...change.before }, after: { indicatorId: id, ...change.after } });
}

/** Removes an indicator from the framework; reports already approved keep it as they reported it. */
export async function removeIndicator(ctx: TenantCtx, frameworkId: string, id: string) {
  const before = await indicatorRow(ctx, frameworkId, id);
  await ctx.tx.delete(resultsIndicators).where(and(eq(resultsIndicators.orgId, ctx.orgId), eq(resultsIndicators.id, id)));
  await recordAudit(ctx, { action: 'results.indicator_remove', entityType: 'results_framework', entityId: frameworkId, before: { indicatorId: id, name: before.name, library: before.library } });
}
