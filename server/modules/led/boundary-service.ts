import { and, asc, eq, sql } from 'drizzle-orm';
import type { BoundaryUpload, LedBoundaries } from '../../../contracts/led-rollup.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { ledBoundaries } from './boundary-tables.js';
import { bestProperty, matchFeatures, readBoundaries, type Boundaries } from './geojson.js';
import { ledRegions } from './tables.js';

/**
 * The organisation's boundary file for the LED map: uploaded once (a new one
 * replaces it), checked before it is stored, read back as shapes matched to
 * regions by the property the admin chose. Audited on the file
 * (`led_boundary`), never with its content (it may be megabytes).
 */

async function regionNames(ctx: TenantCtx) {
  return ctx.tx.select({ id: ledRegions.id, name: ledRegions.name, district: ledRegions.district, region: ledRegions.region })
    .from(ledRegions).where(eq(ledRegions.orgId, ctx.orgId)).orderBy(asc(ledRegions.name), asc(ledRegions.id));
}

async function current(ctx: TenantCtx, lock = false) {
  const q = ctx.tx.select().from(ledBoundaries).where(eq(ledBoundaries.orgId, ctx.orgId));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Reads the file a problem at a time: its code names the field of the form (`geojson`). */
function read(text: string): Boundaries {
  try {
    return readBoundaries(text);
  } catch (e) {
    if (e instanceof AppError) throw fieldError('geojson', e.code, e.params);
    throw e;
  }
}

/** Stores the organisation's boundary file, replacing the one before; the property is the one given, or the one naming the most regions. */
export async function uploadBoundaries(ctx: TenantCtx, input: BoundaryUpload): Promise<void> {
  const file = read(input.geojson);
  if (input.property !== undefined && !file.namingProperties.includes(input.property)) throw fieldError('property', 'led.geojson_property_unknown', { property: input.property });
  const property = input.property ?? bestProperty(file, await regionNames(ctx));
  const values = { fileName: input.fileName, geojson: input.geojson, property, featureCount: file.features.length, sizeBytes: Buffer.byteLength(input.geojson, 'utf8'), uploadedBy: ctx.actor.name };
  const before = await current(ctx, true);
  let id: string;
  if (before) {
    await ctx.tx.update(ledBoundaries).set({ ...values, updatedAt: sql`now()` }).where(and(eq(ledBoundaries.orgId, ctx.orgId), eq(ledBoundaries.id, before.id)));
    id = before.id;
  } else {
    const [row] = await ctx.tx.insert(ledBoundaries).values({ orgId: ctx.orgId, ...values }).returning({ id: ledBoundaries.id });
    id = row!.id;
  }
  const summary = (v: { fileName: string; property: string; featureCount: number; sizeBytes: number }) => ({ fileName: v.fileName, property: v.property, featureCount: v.featureCount, sizeBytes: v.sizeBytes });
  await recordAudit(ctx, { action: 'led_boundary.upload', entityType: 'led_boundary', entityId: id, before: before ? summary(before) : undefined, after: summary(values) });
}

/** The admin chooses which property names the regions (one every feature has). */
export async function setBoundaryProperty(ctx: TenantCtx, property: string): Promise<void> {
  const before = await current(ctx, true);
  if (!before) throw new AppError('led.boundaries_not_found');
  if (!read(before.geojson).namingProperties.includes(property)) throw fieldError('property', 'led.geojson_property_unknown', { property });
  if (before.property === property) return nothingChanged();
  await ctx.tx.update(ledBoundaries).set({ property, updatedAt: sql`now()` }).where(and(eq(ledBoundaries.orgId, ctx.orgId), eq(ledBoundaries.id, before.id)));
  await recordAudit(ctx, { action: 'led_boundary.property', entityType: 'led_boundary', entityId: before.id, before: { property: before.property }, after: { property } });
}

export async function removeBoundaries(ctx: TenantCtx): Promise<void> {
  const before = await current(ctx, true);
  if (!before) throw new AppError('led.boundaries_not_found');
  await ctx.tx.delete(ledBoundaries).where(and(eq(ledBoundaries.orgId, ctx.orgId), eq(ledBoundaries.id, before.id)));
  await recordAudit(ctx, { action: 'led_boundary.delete', entityType: 'led_boundary', entityId: before.id, before: { fileName: before.fileName, property: before.property, featureCount: before.featureCount } });
}

/** The map's shapes, each with the region its chosen property names (or none), and the regions no shape names. */
export async function getBoundaries(ctx: TenantCtx): Promise<LedBoundaries> {
  const row = await current(ctx);
  const regions = await regionNames(ctx);
  if (!row) return { file: null, shapes: [], unmatchedRegions: regions.map((r) => ({ id: r.id, name: r.name })) };
  const file = readBoundaries(row.geojson);
  const matched = matchFeatures(file.features, row.property, regions);
  const drawn = new Set(matched.filter(Boolean));
  return {
    file: {
      fileName: row.fileName, property: row.property, namingProperties: file.namingProperties, featureCount: row.featureCount, sizeBytes: row.sizeBytes,
      uploadedBy: row.uploadedBy, uploadedAt: row.updatedAt.toISOString(),
    },
    shapes: file.features.map((f, i) => ({ name: f.properties[row.property] ?? '', regionId: matched[i] ?? null, polygons: f.polygons })),
    unmatchedRegions: regions.filter((r) => !drawn.has(r.id)).map((r) => ({ id: r.id, name: r.name })),
  };
}
