import { and, eq, sql } from 'drizzle-orm';
import { isicPath } from '../../../contracts/isic.js';
import type { MemberInput } from '../../../contracts/members.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { getMemberSettings } from './settings-service.js';
import { sizeClassOf, totalEmployees } from './size-class.js';
import { members, membershipTiers, membershipStatusHistory } from './tables.js';

type MemberRow = typeof members.$inferSelect;

/** What the organisation's settings need to check and classify a firm. */
export async function memberRules(ctx: TenantCtx) {
  // One after another: a transaction's queries share one connection (pg warns of, and will refuse, overlapping ones).
  const org = await getCurrentOrg(ctx);
  const settings = await getMemberSettings(ctx);
  return { regions: new Set(org.regions), country: org.country, currency: org.currency, settings };
}
export type MemberRules = Awaited<ReturnType<typeof memberRules>>;

/**
 * Checks what the contract cannot (the organisation's regions and districts)
 * and derives the stored columns (ISIC levels, size class). Returns field
 * errors instead of throwing so an import can report every row.
 */
export function prepareMember(input: MemberInput, rules: MemberRules) {
  const errors: Array<{ path: string; code: string; params?: Record<string, string> }> = [];
  if (input.region && !rules.regions.has(input.region)) errors.push({ path: 'region', code: 'members.region_not_in_org', params: { region: input.region } });
  if (input.district) {
    const known = rules.settings.districts.some((d) => d.name.toLowerCase() === input.district!.toLowerCase() && (!input.region || d.region === input.region));
    if (!known) errors.push({ path: 'district', code: 'members.district_unknown', params: { district: input.district } });
  }
  const path = input.isicClass ? isicPath(input.isicClass) : null;
  const values = {
    ...input,
    tradeName: input.tradeName ?? null,
    isicSection: path?.section ?? null,
    isicDivision: path?.division ?? null,
    isicGroup: path?.group ?? null,
    sizeClass: sizeClassOf(rules.settings, totalEmployees(input.employeesFemale, input.employeesMale), input.turnover ?? null),
    tags: [...new Set(input.tags)],
  };
  return { values, errors };
}

async function checkTier(ctx: TenantCtx, tierId: string | null | undefined) {
  if (!tierId) return;
  const [tier] = await ctx.tx.select({ id: membershipTiers.id }).from(membershipTiers).where(and(eq(membershipTiers.id, tierId), eq(membershipTiers.orgId, ctx.orgId)));
  if (!tier) throw new AppError('validation_failed', {}, [{ path: 'tierId', code: 'members.tier_not_found' }]);
}

function auditable(row: MemberRow) {
  const { createdAt: _c, updatedAt: _u, version: _v, ...rest } = row;
  return rest;
}

export async function getMember(ctx: TenantCtx, id: string): Promise<MemberRow> {
  const [row] = await ctx.tx.select().from(members).where(and(eq(members.id, id), eq(members.orgId, ctx.orgId)));
  if (!row) throw new AppError('members.not_found');
  return row;
}

/** A new firm starts as an applicant; approval makes it an active member. */
export async function createMember(ctx: TenantCtx, input: MemberInput, rules?: MemberRules) {
  const { values, errors } = prepareMember(input, rules ?? (await memberRules(ctx)));
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  await checkTier(ctx, input.tierId);
  const [row] = await ctx.tx.insert(members).values({ ...values, orgId: ctx.orgId }).returning();
  await ctx.tx.insert(membershipStatusHistory).values({ orgId: ctx.orgId, memberId: row!.id, toStatus: 'applicant', changedBy: ctx.actor.name });
  await recordAudit(ctx, { action: 'member.create', entityType: 'member', entityId: row!.id, after: auditable(row!) });
  return row!;
}

/** Saves a firm if nobody changed it since `version` was read; else says so instead of overwriting. */
export async function updateMember(ctx: TenantCtx, id: string, input: MemberInput & { version: number }) {
  const before = await getMember(ctx, id);
  const { version, ...fields } = input;
  if (before.version !== version) throw new AppError('members.version_conflict');
  const { values, errors } = prepareMember(fields, await memberRules(ctx));
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  await checkTier(ctx, fields.tierId);
  const [after] = await ctx.tx
    .update(members)
    .set({ ...values, version: sql`${members.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(members.id, id), eq(members.orgId, ctx.orgId), eq(members.version, version)))
    .returning();
  if (!after) throw new AppError('members.version_conflict');
  const diff = changedFields(auditable(before), auditable(after));
  if (Object.keys(diff.after).length) await recordAudit(ctx, { action: 'member.update', entityType: 'member', entityId: id, ...diff });
  else nothingChanged();
  return after;
}
