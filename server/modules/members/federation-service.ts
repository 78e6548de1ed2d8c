import { sql } from 'drizzle-orm';
import { CursorKey, decodeCursor, pageOf } from '../../platform/db/cursor.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { listBranches } from '../orgs/branch-service.js';
import type { MembershipCounts, OrgMembership } from '../../../contracts/members.js';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);


const COUNT_KEYS = ['firms', 'active', 'applicants', 'lapsed', 'womenLedActive', 'informalActive'] as const;

function countsOf(r: Row): MembershipCounts {
  return {
    firms: num(r.firms),
    active: num(r.active),
    applicants: num(r.applicants),
    lapsed: num(r.lapsed),
    womenLedActive: num(r.women_led_active),
    informalActive: num(r.informal_active),
  };
}

/** The sum of the rows, column by column: the federation's total is exactly what the table adds up to. */
export function sumCounts(rows: MembershipCounts[]): MembershipCounts {
  const total = { firms: 0, active: 0, applicants: 0, lapsed: 0, womenLedActive: 0, informalActive: 0 };
  for (const r of rows) for (const k of COUNT_KEYS) total[k] += r[k];
  return total;
}

/**
 * An umbrella's federation in figures: its own firms as a row of their own,
 * every branch (zeros where it has no firms) and the total of those rows.
 * Only counts cross from the branches (`branch_membership()`).
 */
export async function federationMembership(ctx: TenantCtx) {
  const org = await getCurrentOrg(ctx);
  const [ownRow] = (
    await ctx.tx.execute<Row>(sql`
      SELECT count(*)::int AS firms,
        (count(*) FILTER (WHERE status = 'active'))::int AS active,
        (count(*) FILTER (WHERE status = 'applicant'))::int AS applicants,
        (count(*) FILTER (WHERE status = 'lapsed'))::int AS lapsed,
        (count(*) FILTER (WHERE status = 'active' AND women_led))::int AS women_led_active,
        (count(*) FILTER (WHERE status = 'active' AND formality = 'informal'))::int AS informal_active
      FROM members WHERE org_id = ${ctx.orgId}`)
  ).rows;
  const own: OrgMembership = { orgId: org.id, name: org.name, sharesMemberData: true, ...countsOf(ownRow!) };
  const branches: OrgMembership[] = (await ctx.tx.execute<Row>(sql`SELECT * FROM branch_membership()`)).rows
    .map((r) => ({ orgId: String(r.org_id), name: String(r.org_name), sharesMemberData: r.shares_member_data === true, ...countsOf(r) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { own, branches, total: sumCounts([own, ...branches]) };
}

/**
 * One page of a branch's firms, for its umbrella, when the branch shares its
 * member data upward; a branch that does not is refused, not answered empty.
 */
export async function sharedBranchFirms(ctx: TenantCtx, branchId: string, query: { limit: number; cursor?: string }) {
  const branch = (await listBranches(ctx)).find((b) => b.id === branchId);
  if (!branch) throw new AppError('orgs.not_found');
  if (!branch.shareMemberDataUpward) throw new AppError('members.branch_not_shared');
  const after = decodeCursor(query.cursor, [CursorKey.text, CursorKey.uuid]);
  const rows = (
    await ctx.tx.execute<Row>(sql`SELECT id, legal_name, isic_class, region, size_class, status, women_led, formality, joined_on::text AS joined_on FROM shared_branch_firms(${branchId}::uuid, ${after?.[0] ?? null}::text, ${after?.[1] ?? null}::uuid, ${query.limit + 1}::int)`)
  ).rows.map((r) => ({
    id: String(r.id),
    legalName: String(r.legal_name),
    isicClass: r.isic_class === null ? null : String(r.isic_class),
    region: r.region === null ? null : String(r.region),
    sizeClass: r.size_class === null ? null : String(r.size_class),
    status: String(r.status),
    womenLed: r.women_led === true,
    formality: String(r.formality),
    joinedOn: r.joined_on === null ? null : String(r.joined_on),
  }));
  const page = pageOf(rows, query.limit, (r) => [r.legalName, r.id]);
  return { branch: { orgId: branch.id, name: branch.name }, ...page };
}
