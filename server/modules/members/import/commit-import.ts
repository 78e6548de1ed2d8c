import { and, eq, sql } from 'drizzle-orm';
import type { ImportMapping } from '../../../../contracts/member-import.js';
import { recordAudit } from '../../../platform/audit/record.js';
import { insertRows } from '../../../platform/db/insert-rows.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { Table } from '../../../platform/files/read-table.js';
import { getMember } from '../member-service.js';
import { memberImports, members, membershipStatusHistory } from '../tables.js';
import { checkImport, type CheckedRow } from './check-import.js';

type Decision = 'create' | 'skip' | { merge: string };
const BATCH = 1000; // rows per statement: one JSON parameter of about half a megabyte

// A merge fills what the registry does not know yet; it never overwrites.
function gapsFilled(existing: typeof members.$inferSelect, incoming: Record<string, unknown>) {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(incoming)) {
    const current = (existing as Record<string, unknown>)[key];
    if (value === null || value === undefined || value === '') continue;
    if (key === 'tags') {
      const union = [...new Set([...existing.tags, ...(value as string[])])];
      if (union.length !== existing.tags.length) patch.tags = union;
    } else if (current === null || current === '' || current === undefined) {
      patch[key] = value;
    }
  }
  return patch;
}

/**
 * Imports a checked file in the caller's transaction: all rows or none. A
 * file with any rejected row is refused as a whole, so nothing lands half.
 */
export async function commitImport(ctx: TenantCtx, table: Table, mapping: ImportMapping, decisions: Record<string, Decision>, filename: string) {
  const { report, valid } = await checkImport(ctx, table, mapping);
  if (report.rejected.length > 0) throw new AppError('members.import_has_errors', { count: report.rejected.length });
  const suggested = new Map(report.duplicates.map((d) => [d.row, d.suggested as Decision]));
  const toCreate: CheckedRow[] = [];
  const toMerge: Array<{ row: CheckedRow; into: string }> = [];
  let skipped = 0;
  for (const r of valid) {
    const decision = decisions[String(r.row)] ?? suggested.get(r.row) ?? 'create';
    if (decision === 'skip') skipped++;
    else if (decision === 'create') toCreate.push(r);
    else toMerge.push({ row: r, into: decision.merge });
  }
  // The import's record is written once, complete: the app may not rewrite it.
  const [imp] = await ctx.tx
    .insert(memberImports)
    .values({ orgId: ctx.orgId, filename: filename.slice(0, 200), rows: report.rows, created: toCreate.length, merged: toMerge.length, skipped, importedBy: ctx.actor.name })
    .returning();

  for (const { row, into } of toMerge) {
    const existing = await getMember(ctx, into);
    const { status: _s, joinedOn: _j, renewalDueOn: _r, ...fields } = row.values;
    const patch = gapsFilled(existing, fields);
    if (Object.keys(patch).length) {
      await ctx.tx.update(members).set({ ...patch, version: sql`${members.version} + 1`, updatedAt: sql`now()` }).where(and(eq(members.id, existing.id), eq(members.orgId, ctx.orgId)));
      await recordAudit(ctx, { action: 'member.import_merge', entityType: 'member', entityId: existing.id, after: { ...patch, importId: imp!.id } });
    }
  }

  for (let i = 0; i < toCreate.length; i += BATCH) {
    const batch = toCreate.slice(i, i + BATCH);
    const inserted = await insertRows<{ id: string; status: string }>(
      ctx.tx,
      members,
      batch.map((r) => ({ ...r.values, orgId: ctx.orgId, importId: imp!.id })),
      sql`id, status`,
    );
    await insertRows(
      ctx.tx,
      membershipStatusHistory,
      inserted.map((m) => ({ orgId: ctx.orgId, memberId: m.id, toStatus: m.status, reason: `import ${filename}`.slice(0, 500), changedBy: ctx.actor.name })),
    );
  }
  // One entry for the whole import; each firm carries the import's id.
  await recordAudit(ctx, { action: 'member.import', entityType: 'member_import', entityId: imp!.id, after: { filename, rows: report.rows, created: toCreate.length, merged: toMerge.length, skipped } });
  return { importId: imp!.id, created: toCreate.length, merged: toMerge.length, skipped };
}
