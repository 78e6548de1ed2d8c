import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { getConsultationRow } from './consultation-service.js';
import { responseFiles } from './tables.js';
import { clock } from '../../platform/clock.js';

/** The most one file respondents attach may weigh. */
export const MAX_RESPONSE_FILE = 5 * 1024 * 1024;

/**
 * What all files attached to one consultation may weigh together. Anyone
 * holding a public link may attach files: without a ceiling one link could
 * fill the disk (the embedded database keeps them in its folder).
 */
export const RESPONSE_FILES_QUOTA = 500 * 1024 * 1024;

/** A file unreferenced for this long was abandoned (the respondent changed their mind, or left). */
export const ABANDONED_AFTER_HOURS = 24;

/**
 * Refuses a file a respondent may not attach now: the consultation is not
 * open, or its files would pass the quota. Run before the file is read (with
 * `adding` 0) and again, under a lock per consultation, when it is stored, so
 * two uploads at once cannot both squeeze under the ceiling.
 */
export async function assertRoomForFile(ctx: TenantCtx, consultationId: string, adding: number, today: string) {
  const row = await getConsultationRow(ctx, consultationId);
  if (row.status !== 'open' || (row.closesOn !== null && row.closesOn < today)) throw new AppError('surveys.consultation_not_open');
  if (adding > MAX_RESPONSE_FILE) throw new AppError('payload_too_large');
  if (adding > 0) await ctx.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`response_files:${consultationId}`}, 0))`);
  const [{ used }] = (await ctx.tx.execute<{ used: string }>(
    sql`SELECT coalesce(sum(${responseFiles.size}), 0)::text AS used FROM ${responseFiles} WHERE ${responseFiles.consultationId} = ${consultationId} AND ${responseFiles.orgId} = ${ctx.orgId}`,
  )).rows as [{ used: string }];
  if (Number(used) + Math.max(adding, 1) > RESPONSE_FILES_QUOTA) {
    throw new AppError('surveys.files_quota_exceeded', { limit: Math.round(RESPONSE_FILES_QUOTA / (1024 * 1024)) });
  }
}

/**
 * Deletes respondents' files nothing will ever use: a file is kept while it
 * is younger than a day, or a submitted response names it, or a draft names
 * it while its consultation is still open (the draft may yet be sent). The
 * rest were attached and then replaced, left by a respondent who never came
 * back, or belong to drafts of a closed consultation. Runs daily, for every
 * organisation.
 */
export async function removeAbandonedResponseFiles(database: Database, now = clock.now()) {
  const before = new Date(now.getTime() - ABANDONED_AFTER_HOURS * 3600_000);
  const today = now.toISOString().slice(0, 10);
  return withSystem(database.db, async (tx) => {
    const removed = await tx.execute<{ n: number; bytes: string }>(sql`
      WITH named AS (
        SELECT DISTINCT r.consultation_id, ref.id #>> '{}' AS file_id
        FROM responses r
        JOIN consultations c ON c.id = r.consultation_id
        CROSS JOIN LATERAL jsonb_path_query(r.answers, 'strict $.**.fileId') AS ref(id)
        WHERE jsonb_typeof(ref.id) = 'string'
          AND (r.status = 'submitted' OR (c.status = 'open' AND (c.closes_on IS NULL OR c.closes_on >= ${today}::date)))
      ), gone AS (
        DELETE FROM response_files f
        WHERE f.created_at < ${before.toISOString()}::timestamptz
          AND NOT EXISTS (SELECT 1 FROM named n WHERE n.consultation_id = f.consultation_id AND n.file_id = f.id::text)
        RETURNING f.size
      )
      SELECT count(*)::int AS n, coalesce(sum(size), 0)::text AS bytes FROM gone`);
    const [{ n, bytes }] = removed.rows as [{ n: number; bytes: string }];
    return { files: n, bytes: Number(bytes) };
  });
}
