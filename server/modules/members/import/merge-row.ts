import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DuplicateDecision } from '../../../../contracts/member-import.js';
import type { MemberInput } from '../../../../contracts/members.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { TenantCtx } from '../../../platform/db/tenancy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { translator } from '../../../platform/i18n/i18n.js';
import { getMember, prepareMember, type MemberRules } from '../member-service.js';
import { memberContacts, members } from '../tables.js';
import type { CheckedRow } from './check-import.js';
import { differencesFrom } from './differences.js';

/**
 * Merges one row into an existing firm field by field, as the person chose:
 * a gap in the registry takes the file's value unless told otherwise; a
 * conflict needs a choice, and without one the import is refused rather than
 * a value dropped. Tags are joined, never replaced. Returns the names of the
 * firm's contacts, so that the file's contact person is not added twice.
 */
export async function mergeRow(ctx: TenantCtx, row: CheckedRow, decision: Extract<DuplicateDecision, { merge: string }>, rules: MemberRules, importId: string) {
  const existing = await getMember(ctx, decision.merge);
  const patch: Record<string, unknown> = {};
  const undecided: string[] = [];
  for (const d of differencesFrom(existing, row)) {
    if (d.field === 'status') continue;
    const choice = decision.fields?.[d.field] ?? (d.registry === null ? 'file' : undefined);
    if (choice === undefined) undecided.push(d.field);
    else if (choice === 'file') patch[d.field] = d.file;
  }
  if (undecided.length) {
    const t = translator(ctx.locale);
    throw new AppError('members.import_merge_undecided', { row: row.row, fields: undecided.map((f) => t(`members.import.fields.${f}`)).join('; ') });
  }
  if (row.mapped.includes('tags')) {
    const union = [...new Set([...existing.tags, ...row.values.tags])];
    if (union.length !== existing.tags.length) patch.tags = union;
  }

  if (Object.keys(patch).length) {
    // Sector levels and size class follow the merged values.
    const prepared = prepareMember({ ...existing, ...patch } as unknown as MemberInput, rules);
    const errors = prepared.errors.filter((e) => e.path in patch);
    if (errors.length) throw new AppError('validation_failed', {}, errors.map((e) => ({ path: `${row.row}.${e.path}`, code: e.code })));
    const { isicSection, isicDivision, isicGroup, sizeClass } = prepared.values;
    await ctx.tx
      .update(members)
      .set({ ...patch, isicSection, isicDivision, isicGroup, sizeClass, version: sql`${members.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(members.id, existing.id), eq(members.orgId, ctx.orgId)));
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, (existing as Record<string, unknown>)[k] ?? null]));
    await recordAudit(ctx, { action: 'member.import_merge', entityType: 'member', entityId: existing.id, before, after: { ...patch, importId, row: row.row } });
  }

  const contacts = await ctx.tx
    .select({ name: memberContacts.name })
    .from(memberContacts)
    .where(and(eq(memberContacts.orgId, ctx.orgId), eq(memberContacts.memberId, existing.id), isNull(memberContacts.erasedAt)));
  return new Set(contacts.map((c) => c.name.trim().toLowerCase()));
}
