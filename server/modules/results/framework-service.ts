import { and, asc, eq, max, sql } from 'drizzle-orm';
import type { FrameworkInput, IndicatorInput } from '../../../contracts/results.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
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

export async function listFrameworks(ctx: TenantCtx) {
  return ctx.tx
    .select({
      id: resultsFrameworks.id,
      name: resultsFrameworks.name,
      donor: resultsFrameworks.donor,
      indicators: sql<number>`(SELECT count(*)::int FROM results_indicators i WHERE i.org_id = ${resultsFrameworks.orgId} AND i.framework_id = ${resultsFrameworks.id})`,
      periods: sql<number>`(SELECT count(*)::int FROM results_periods p WHERE p.org_id = ${resultsFrameworks.orgId} AND p.framework_id = ${resultsFrameworks.id})`,
    })
    .from(resultsFrameworks)
    .where(eq(resultsFrameworks.orgId, ctx.orgId))
    .orderBy(asc(resultsFrameworks.name), asc(resultsFrameworks.id));
}

export async function getFramework(ctx: TenantCtx, id: string) {
  const framework = await frameworkRow(ctx, id);
  const indicators = await ctx.tx.select().from(resultsIndicators).where(and(eq(resultsIndicators.orgId, ctx.orgId), eq(resultsIndicators.frameworkId, id))).orderBy(asc(resultsIndicators.position));
  const periods = await ctx.tx
    .select({ id: resultsPeriods.id, label: resultsPeriods.label, startsOn: resultsPeriods.startsOn, endsOn: resultsPeriods.endsOn, state: resultsPeriods.state, approvedAt: resultsPeriods.approvedAt })
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
    indicators: indicators.map(({ id, library, name, level, kind, unit, dimensions, baseline, baselineYear }) => ({ id, library, name, level, kind, unit, dimensions, baseline, baselineYear })),
    periods: periods.map((p) => ({ ...p, approvedAt: p.approvedAt?.toISOString() ?? null })),
  };
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
