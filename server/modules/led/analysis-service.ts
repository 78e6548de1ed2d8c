import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { AssessmentInput, LedMatrix, MatrixSummary } from '../../../contracts/led.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { isConstraintViolation } from '../../platform/db/pg-errors.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { factorOrder, summariseMatrix } from './matrix.js';
import { presentAssessment } from './present.js';
import { getRegionRow } from './region-rows.js';
import { ledAssessments } from './tables.js';

/**
 * The locational analysis of a region: one version per year (the latest when
 * no year is asked), its factors in the proposed order then the region's own,
 * and the year in numbers.
 */
export async function getMatrix(ctx: TenantCtx, regionId: string, year?: number): Promise<LedMatrix> {
  await getRegionRow(ctx, regionId);
  const years = (await ctx.tx.selectDistinct({ year: ledAssessments.year }).from(ledAssessments)
    .where(and(eq(ledAssessments.orgId, ctx.orgId), eq(ledAssessments.regionId, regionId))).orderBy(desc(ledAssessments.year))).map((r) => r.year);
  const shown = year ?? years[0] ?? null;
  if (shown === null) return { years, year: null, items: [], summary: null };
  const rows = await ctx.tx.select().from(ledAssessments)
    .where(and(eq(ledAssessments.orgId, ctx.orgId), eq(ledAssessments.regionId, regionId), eq(ledAssessments.year, shown))).orderBy(asc(ledAssessments.factor));
  const items = rows.map(presentAssessment).sort((a, b) => factorOrder(a.factor, b.factor));
  return { years, year: shown, items, summary: items.length ? summariseMatrix(shown, items) : null };
}

/** Each region's latest year in numbers. */
export async function latestSummaries(ctx: TenantCtx, regionIds: string[]): Promise<Map<string, MatrixSummary>> {
  if (!regionIds.length) return new Map();
  const rows = await ctx.tx.select().from(ledAssessments).where(and(eq(ledAssessments.orgId, ctx.orgId), inArray(ledAssessments.regionId, regionIds)));
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.regionId, Math.max(latest.get(r.regionId) ?? r.year, r.year));
  return new Map([...latest].map(([regionId, year]) => [regionId, summariseMatrix(year, rows.filter((r) => r.regionId === regionId && r.year === year))]));
}

const columns = (input: AssessmentInput) => ({ year: input.year, factor: input.factor, finding: input.finding, rating: input.rating, evidence: input.evidence, source: input.source });

async function assessmentRow(ctx: TenantCtx, regionId: string, id: string) {
  const [row] = await ctx.tx.select().from(ledAssessments).where(and(eq(ledAssessments.orgId, ctx.orgId), eq(ledAssessments.regionId, regionId), eq(ledAssessments.id, id)));
  if (!row) throw new AppError('led.assessment_not_found');
  return row;
}

async function factorFree(ctx: TenantCtx, regionId: string, input: AssessmentInput, exceptId?: string) {
  const [taken] = await ctx.tx.select({ id: ledAssessments.id }).from(ledAssessments)
    .where(and(eq(ledAssessments.orgId, ctx.orgId), eq(ledAssessments.regionId, regionId), eq(ledAssessments.year, input.year), eq(ledAssessments.factor, input.factor)));
  if (taken && taken.id !== exceptId) throw fieldError('factor', 'led.factor_assessed', { factor: input.factor, year: input.year });
}

/** A factor assessed for a year; a factor is assessed once per region and year (a later year is the next version). */
export async function addAssessment(ctx: TenantCtx, regionId: string, input: AssessmentInput) {
  await getRegionRow(ctx, regionId, true);
  await factorFree(ctx, regionId, input);
  const values = columns(input);
  const [row] = await ctx.tx.insert(ledAssessments).values({ orgId: ctx.orgId, regionId, ...values }).returning({ id: ledAssessments.id })
    .catch((e: unknown) => {
      if (isConstraintViolation(e, 'led_assessments_factor_key')) throw fieldError('factor', 'led.factor_assessed', { factor: input.factor, year: input.year });
      throw e;
    });
  await recordAudit(ctx, { action: 'led_region.assessment_add', entityType: 'led_region', entityId: regionId, after: { assessmentId: row!.id, ...values } });
}

export async function editAssessment(ctx: TenantCtx, regionId: string, id: string, input: AssessmentInput) {
  await getRegionRow(ctx, regionId, true);
  const before = columns(presentAssessment(await assessmentRow(ctx, regionId, id)));
  await factorFree(ctx, regionId, input, id);
  const values = columns(input);
  const changed = changedFields(before, values);
  if (!Object.keys(changed.after).length) return nothingChanged();
  await ctx.tx.update(ledAssessments).set(values).where(and(eq(ledAssessments.orgId, ctx.orgId), eq(ledAssessments.id, id)));
  await recordAudit(ctx, { action: 'led_region.assessment_update', entityType: 'led_region', entityId: regionId, before: { assessmentId: id, ...changed.before }, after: { assessmentId: id, ...changed.after } });
}

export async function removeAssessment(ctx: TenantCtx, regionId: string, id: string) {
  await getRegionRow(ctx, regionId, true);
  const before = columns(presentAssessment(await assessmentRow(ctx, regionId, id)));
  await ctx.tx.delete(ledAssessments).where(and(eq(ledAssessments.orgId, ctx.orgId), eq(ledAssessments.id, id)));
  await recordAudit(ctx, { action: 'led_region.assessment_remove', entityType: 'led_region', entityId: regionId, before: { assessmentId: id, ...before } });
}

/**
 * Starts a year's version from another year's: every factor not yet assessed
 * in `toYear` is copied with its finding, rating, evidence and source, to be
 * revised. Copying into a year that has them all changes nothing.
 */
export async function copyMatrix(ctx: TenantCtx, regionId: string, fromYear: number, toYear: number) {
  await getRegionRow(ctx, regionId, true);
  const rows = await ctx.tx.select().from(ledAssessments).where(and(eq(ledAssessments.orgId, ctx.orgId), eq(ledAssessments.regionId, regionId), inArray(ledAssessments.year, [fromYear, toYear])));
  const there = new Set(rows.filter((r) => r.year === toYear).map((r) => r.factor));
  const copied = rows.filter((r) => r.year === fromYear && !there.has(r.factor));
  if (!copied.length) return nothingChanged();
  await ctx.tx.insert(ledAssessments).values(copied.map((r) => ({ orgId: ctx.orgId, regionId, year: toYear, factor: r.factor, finding: r.finding, rating: r.rating, evidence: r.evidence, source: r.source })));
  await recordAudit(ctx, { action: 'led_region.assessment_copy', entityType: 'led_region', entityId: regionId, after: { fromYear, toYear, factors: copied.map((r) => r.factor) } });
}
