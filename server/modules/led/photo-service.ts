import { and, eq, sql } from 'drizzle-orm';
import { MAX_PHOTOS_PER_REPORT } from '../../../contracts/led-implementation.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { PreparedPhoto } from '../../platform/files/photo.js';
import { getMeasureRow } from './implementation-service.js';
import { ledProgressPhotos, ledProgressReports } from './tables.js';

/**
 * Photos of a measure's progress reports (issue 17.7). The route hands in a
 * photo the platform already checked and stripped (`preparePhoto`); here it is
 * kept with its report, at most `MAX_PHOTOS_PER_REPORT`, and audited on the
 * measure with its id and caption (never its bytes). Who reads them: staff and
 * viewers of the organisation (`led.read`) only — see the README for why the
 * public LED page shows none.
 */

/** Adds a photo to a report of the measure; the measure's lock makes two uploads at once count each other. */
export async function addReportPhoto(ctx: TenantCtx, measureId: string, reportId: string, photo: PreparedPhoto, caption: string): Promise<string> {
  await getMeasureRow(ctx, measureId, true);
  const [report] = await ctx.tx.select({ id: ledProgressReports.id }).from(ledProgressReports)
    .where(and(eq(ledProgressReports.orgId, ctx.orgId), eq(ledProgressReports.measureId, measureId), eq(ledProgressReports.id, reportId)));
  if (!report) throw new AppError('led.report_not_found');
  const [{ count, last } = { count: 0, last: 0 }] = await ctx.tx.select({ count: sql<number>`count(*)::int`, last: sql<number>`coalesce(max(${ledProgressPhotos.position}), 0)::int` })
    .from(ledProgressPhotos).where(and(eq(ledProgressPhotos.orgId, ctx.orgId), eq(ledProgressPhotos.reportId, reportId)));
  if (Number(count) >= MAX_PHOTOS_PER_REPORT) throw new AppError('led.too_many_photos', { max: MAX_PHOTOS_PER_REPORT });
  const [row] = await ctx.tx.insert(ledProgressPhotos).values({ orgId: ctx.orgId, measureId, reportId, caption, position: Number(last) + 1, ...photo })
    .returning({ id: ledProgressPhotos.id });
  await recordAudit(ctx, {
    action: 'led_measure.photo_add', entityType: 'led_measure', entityId: measureId,
    after: { photoId: row!.id, reportId, caption, width: photo.width, height: photo.height },
  });
  return row!.id;
}

/** Removes a photo of one of the measure's reports; the entry keeps what it was (its caption, its report), not its bytes. */
export async function removeReportPhoto(ctx: TenantCtx, measureId: string, photoId: string) {
  await getMeasureRow(ctx, measureId, true);
  const [row] = await ctx.tx.delete(ledProgressPhotos)
    .where(and(eq(ledProgressPhotos.orgId, ctx.orgId), eq(ledProgressPhotos.measureId, measureId), eq(ledProgressPhotos.id, photoId)))
    .returning({ reportId: ledProgressPhotos.reportId, caption: ledProgressPhotos.caption });
  if (!row) throw new AppError('led.photo_not_found');
  await recordAudit(ctx, { action: 'led_measure.photo_remove', entityType: 'led_measure', entityId: measureId, before: { photoId, reportId: row.reportId, caption: row.caption } });
}

/** One photo's bytes, the phone-sized copy or the thumbnail; another organisation's is not found (and row-level security hides it). */
export async function getReportPhoto(ctx: TenantCtx, measureId: string, photoId: string, size: 'large' | 'thumb') {
  const [row] = await ctx.tx.select({ contentType: ledProgressPhotos.contentType, data: size === 'thumb' ? ledProgressPhotos.thumb : ledProgressPhotos.data })
    .from(ledProgressPhotos)
    .where(and(eq(ledProgressPhotos.orgId, ctx.orgId), eq(ledProgressPhotos.measureId, measureId), eq(ledProgressPhotos.id, photoId)));
  if (!row) throw new AppError('led.photo_not_found');
  return row;
}
