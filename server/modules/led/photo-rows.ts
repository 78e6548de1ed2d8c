import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ProgressPhoto } from '../../../contracts/led-implementation.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { ledProgressPhotos } from './tables.js';

/** What a list shows of each photo: never the bytes. */
const listed = {
  id: ledProgressPhotos.id, reportId: ledProgressPhotos.reportId, caption: ledProgressPhotos.caption,
  width: ledProgressPhotos.width, height: ledProgressPhotos.height, thumbWidth: ledProgressPhotos.thumbWidth, thumbHeight: ledProgressPhotos.thumbHeight,
};

/** The photos of these reports, each report's in the order they were added. */
export async function photosOfReports(ctx: TenantCtx, reportIds: string[]): Promise<Map<string, ProgressPhoto[]>> {
  const byReport = new Map<string, ProgressPhoto[]>();
  if (!reportIds.length) return byReport;
  const rows = await ctx.tx.select(listed).from(ledProgressPhotos)
    .where(and(eq(ledProgressPhotos.orgId, ctx.orgId), inArray(ledProgressPhotos.reportId, reportIds)))
    .orderBy(asc(ledProgressPhotos.position), asc(ledProgressPhotos.id));
  for (const { reportId, ...photo } of rows) byReport.set(reportId, [...(byReport.get(reportId) ?? []), photo]);
  return byReport;
}
