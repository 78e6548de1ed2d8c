import { and, asc, eq, sql } from 'drizzle-orm';
import type { Bottleneck, BottleneckInput, Measure, MeasureInput } from '../../../contracts/led.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { presentBottleneck, presentMeasure } from './present.js';
import { getBottleneckRow, getRegionRow } from './region-rows.js';
import { ledBottlenecks, ledMeasures } from './tables.js';

/** A region's bottlenecks, each with the number of measures chosen for it. */
export async function bottlenecksOf(ctx: TenantCtx, regionId: string): Promise<Bottleneck[]> {
  const rows = await ctx.tx.select().from(ledBottlenecks).where(and(eq(ledBottlenecks.orgId, ctx.orgId), eq(ledBottlenecks.regionId, regionId))).orderBy(asc(ledBottlenecks.title), asc(ledBottlenecks.id));
  const counts = await ctx.tx.select({ id: ledMeasures.bottleneckId, n: sql<number>`count(*)::int` }).from(ledMeasures)
    .where(and(eq(ledMeasures.orgId, ctx.orgId), eq(ledMeasures.regionId, regionId))).groupBy(ledMeasures.bottleneckId);
  const byId = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return rows.map((r) => presentBottleneck(r, { measures: byId.get(r.id) ?? 0 }));
}

/** A region's measures, by start. */
export async function measuresOf(ctx: TenantCtx, regionId: string): Promise<Measure[]> {
  const rows = await ctx.tx.select().from(ledMeasures).where(and(eq(ledMeasures.orgId, ctx.orgId), eq(ledMeasures.regionId, regionId))).orderBy(asc(ledMeasures.startsOn), asc(ledMeasures.title), asc(ledMeasures.id));
  const bottlenecks = new Map((await ctx.tx.select({ id: ledBottlenecks.id, title: ledBottlenecks.title }).from(ledBottlenecks)
    .where(and(eq(ledBottlenecks.orgId, ctx.orgId), eq(ledBottlenecks.regionId, regionId)))).map((b) => [b.id, b.title]));
  return rows.map((r) => presentMeasure(r, { bottlenecks }));
}

const bottleneckColumns = (input: BottleneckInput) => ({ title: input.title, kind: input.kind, description: input.description, factor: input.factor, evidence: input.evidence });

export async function addBottleneck(ctx: TenantCtx, regionId: string, input: BottleneckInput): Promise<string> {
  await getRegionRow(ctx, regionId, true);
  const values = bottleneckColumns(input);
  const [row] = await ctx.tx.insert(ledBottlenecks).values({ orgId: ctx.orgId, regionId, ...values }).returning({ id: ledBottlenecks.id });
  await recordAudit(ctx, { action: 'led_bottleneck.create', entityType: 'led_bottleneck', entityId: row!.id, after: { regionId, ...values } });
  return row!.id;
}

export async function editBottleneck(ctx: TenantCtx, regionId: string, id: string, input: BottleneckInput) {
  const before = bottleneckColumns(await getBottleneckRow(ctx, regionId, id));
  const values = bottleneckColumns(input);
  const changed = changedFields(before, values);
  if (!Object.keys(changed.after).length) return nothingChanged();
  await ctx.tx.update(ledBottlenecks).set({ ...values, updatedAt: sql`now()` }).where(and(eq(ledBottlenecks.orgId, ctx.orgId), eq(ledBottlenecks.id, id)));
  await recordAudit(ctx, { action: 'led_bottleneck.update', entityType: 'led_bottleneck', entityId: id, ...changed });
}

/** A bottleneck goes; its measures stay in the region, no longer tied to it. */
export async function removeBottleneck(ctx: TenantCtx, regionId: string, id: string) {
  const before = bottleneckColumns(await getBottleneckRow(ctx, regionId, id));
  await ctx.tx.delete(ledBottlenecks).where(and(eq(ledBottlenecks.orgId, ctx.orgId), eq(ledBottlenecks.id, id)));
  await recordAudit(ctx, { action: 'led_bottleneck.delete', entityType: 'led_bottleneck', entityId: id, before: { regionId, ...before } });
}

async function measureRow(ctx: TenantCtx, regionId: string, id: string) {
  const [row] = await ctx.tx.select().from(ledMeasures).where(and(eq(ledMeasures.orgId, ctx.orgId), eq(ledMeasures.regionId, regionId), eq(ledMeasures.id, id)));
  if (!row) throw new AppError('led.measure_not_found');
  return row;
}

type MeasureColumns = Omit<MeasureInput, 'partners' | 'status'> & { partners: Array<{ name: string; sector: string }>; status: string };
const measureColumns = (input: MeasureColumns) => ({
  title: input.title, description: input.description, bottleneckId: input.bottleneckId, partners: input.partners, budget: input.budget,
  startsOn: input.startsOn, endsOn: input.endsOn, status: input.status, leadEmail: input.leadEmail,
});

/** The bottleneck a measure addresses is one of the same region's. (The one-year rule is the contract's, and migration 0040's check.) */
async function checkMeasure(ctx: TenantCtx, regionId: string, input: MeasureInput) {
  if (input.bottleneckId) {
    const [b] = await ctx.tx.select({ id: ledBottlenecks.id }).from(ledBottlenecks).where(and(eq(ledBottlenecks.orgId, ctx.orgId), eq(ledBottlenecks.regionId, regionId), eq(ledBottlenecks.id, input.bottleneckId)));
    if (!b) throw fieldError('bottleneckId', 'led.bottleneck_of_other_region');
  }
}

export async function addMeasure(ctx: TenantCtx, regionId: string, input: MeasureInput): Promise<string> {
  await getRegionRow(ctx, regionId, true);
  await checkMeasure(ctx, regionId, input);
  const values = measureColumns(input);
  const [row] = await ctx.tx.insert(ledMeasures).values({ orgId: ctx.orgId, regionId, ...values }).returning({ id: ledMeasures.id });
  await recordAudit(ctx, { action: 'led_measure.create', entityType: 'led_measure', entityId: row!.id, after: { regionId, ...values } });
  return row!.id;
}

export async function editMeasure(ctx: TenantCtx, regionId: string, id: string, input: MeasureInput) {
  const before = await measureRow(ctx, regionId, id);
  await checkMeasure(ctx, regionId, input);
  const values = measureColumns(input);
  const changed = changedFields(measureColumns(before), values);
  if (!Object.keys(changed.after).length) return nothingChanged();
  await ctx.tx.update(ledMeasures).set({ ...values, updatedAt: sql`now()` }).where(and(eq(ledMeasures.orgId, ctx.orgId), eq(ledMeasures.id, id)));
  await recordAudit(ctx, { action: 'led_measure.update', entityType: 'led_measure', entityId: id, ...changed });
}

export async function removeMeasure(ctx: TenantCtx, regionId: string, id: string) {
  const before = await measureRow(ctx, regionId, id);
  await ctx.tx.delete(ledMeasures).where(and(eq(ledMeasures.orgId, ctx.orgId), eq(ledMeasures.id, id)));
  await recordAudit(ctx, { action: 'led_measure.delete', entityType: 'led_measure', entityId: id, before: { regionId, ...measureColumns(before) } });
}
