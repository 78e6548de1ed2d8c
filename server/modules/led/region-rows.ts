import { and, eq } from 'drizzle-orm';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { RegionRow } from './present.js';
import { ledBottlenecks, ledRegions } from './tables.js';

/** A region of the organisation; locked for the rest of the transaction when asked (its team, figures, matrix, bottlenecks and measures change under it). */
export async function getRegionRow(ctx: TenantCtx, id: string, lock = false): Promise<RegionRow> {
  const query = ctx.tx.select().from(ledRegions).where(and(eq(ledRegions.id, id), eq(ledRegions.orgId, ctx.orgId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('led.region_not_found');
  return row;
}

/** A bottleneck of the region; locked for the rest of the transaction when asked. */
export async function getBottleneckRow(ctx: TenantCtx, regionId: string, id: string, lock = false) {
  const query = ctx.tx.select().from(ledBottlenecks).where(and(eq(ledBottlenecks.orgId, ctx.orgId), eq(ledBottlenecks.regionId, regionId), eq(ledBottlenecks.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('led.bottleneck_not_found');
  return row;
}
