import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AffectedFirm, IssueCategory, IssueStatus, MemberIssue, MemberIssueDetail, MemberIssueEvent, MemberIssueInput, MemberIssueQuery, StatusChangeInput, ISSUE_SORTS } from '../../../contracts/intake.js';
import { can } from '../../../contracts/permissions.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { recordAudit } from '../../platform/audit/record.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import { escapeLike } from '../../platform/db/like.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { firmBreakdowns, firmNames, firmSummaries } from '../members/audience-service.js';
import { ownFirm } from '../members/portal-service.js';
import { presentAffectedFirm, presentIssueEvent, presentMemberIssue } from './present.js';
import { memberIssueEvents, memberIssueFirms, memberIssues } from './tables.js';
import { checkMerge, checkStatusChange } from './triage.js';

type Row = typeof memberIssues.$inferSelect;
type Via = 'portal' | 'staff' | 'merge';

/** Staff see which firms are behind an issue; a member firm sees counts and its own part only. */
const seesFirms = (ctx: TenantCtx) => can(ctx.role, 'intake.triage');

/** The firm a person acts for: a member user's own firm, or the firm staff name. */
async function actingFirm(ctx: TenantCtx, memberId: string | undefined): Promise<{ id: string; via: Via }> {
  if (can(ctx.role, 'members.self')) return { id: (await ownFirm(ctx)).id, via: 'portal' };
  if (!memberId) throw fieldError('memberId', 'intake.firm_required');
  if (!(await firmNames(ctx, [memberId])).has(memberId)) throw fieldError('memberId', 'members.not_found');
  return { id: memberId, via: 'staff' };
}

/** A member user's firm, if the person is one; staff act for none. */
async function viewerFirm(ctx: TenantCtx): Promise<string | null> {
  if (!can(ctx.role, 'members.self')) return null;
  try {
    return (await ownFirm(ctx)).id;
  } catch {
    return null;
  }
}

async function getRow(ctx: TenantCtx, id: string, lock = false): Promise<Row> {
  const query = ctx.tx.select().from(memberIssues).where(and(eq(memberIssues.id, id), eq(memberIssues.orgId, ctx.orgId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('intake.issue_not_found');
  return row;
}

async function addEvent(ctx: TenantCtx, issueId: string, event: { action: MemberIssueEvent['action']; fromStatus?: string | null; toStatus?: string | null; note?: string }) {
  await ctx.tx.insert(memberIssueEvents).values({
    orgId: ctx.orgId, issueId, actorUserId: ctx.actor.userId, actorName: ctx.actor.name, action: event.action,
    fromStatus: event.fromStatus ?? null, toStatus: event.toStatus ?? null, note: event.note ?? '',
  });
}

/** Keeps the stored count equal to the firms listed, in the same transaction as the change. */
async function recount(ctx: TenantCtx, issueId: string) {
  await ctx.tx
    .update(memberIssues)
    .set({ affectedFirms: sql`(SELECT count(*)::int FROM ${memberIssueFirms} WHERE ${memberIssueFirms.issueId} = ${issueId})`, updatedAt: sql`now()` })
    .where(and(eq(memberIssues.id, issueId), eq(memberIssues.orgId, ctx.orgId)));
}

type Breakdown = MemberIssue['breakdown'];
const emptyBreakdown = (): Breakdown => ({ bySector: [], byRegion: [], bySize: [] });

/** Affected firms by ISIC section, region and size class, for many issues at once (counted by members, whose firms they are). */
async function breakdowns(ctx: TenantCtx, issueIds: string[]): Promise<Map<string, Breakdown>> {
  const result = new Map(issueIds.map((id) => [id, emptyBreakdown()]));
  if (!issueIds.length) return result;
  const links = await ctx.tx
    .select({ issueId: memberIssueFirms.issueId, memberId: memberIssueFirms.memberId })
    .from(memberIssueFirms)
    .where(and(eq(memberIssueFirms.orgId, ctx.orgId), inArray(memberIssueFirms.issueId, issueIds)));
  for (const [id, counted] of await firmBreakdowns(ctx, links.map((l) => ({ group: l.issueId, memberId: l.memberId })))) result.set(id, counted);
  return result;
}

/** Which of these issues the viewer's firm shares. */
async function sharedBy(ctx: TenantCtx, firm: string | null, ids: string[]): Promise<Set<string>> {
  if (!firm || !ids.length) return new Set();
  const rows = await ctx.tx.select({ id: memberIssueFirms.issueId }).from(memberIssueFirms).where(and(eq(memberIssueFirms.memberId, firm), inArray(memberIssueFirms.issueId, ids)));
  return new Set(rows.map((r) => r.id));
}

async function present(ctx: TenantCtx, rows: Row[], firm: string | null): Promise<MemberIssue[]> {
  const ids = rows.map((r) => r.id);
  // One after another: a transaction's queries share one connection.
  const counts = await breakdowns(ctx, ids);
  const ours = await sharedBy(ctx, firm, ids);
  const raisers = seesFirms(ctx) ? await firmNames(ctx, rows.map((r) => r.raisedByMemberId).filter((x): x is string => !!x)) : new Map<string, string>();
  const targets = await titlesOf(ctx, rows.map((r) => r.mergedIntoId).filter((x): x is string => !!x));
  return rows.map((r) => presentMemberIssue(r, {
    mergedIntoTitle: r.mergedIntoId ? (targets.get(r.mergedIntoId) ?? '') : null,
    raisedBy: r.raisedByMemberId ? (raisers.get(r.raisedByMemberId) ?? null) : null,
    raisedById: r.raisedByMemberId && raisers.has(r.raisedByMemberId) ? r.raisedByMemberId : null,
    affectsUs: ours.has(r.id),
    breakdown: counts.get(r.id)!,
  }));
}


async function titlesOf(ctx: TenantCtx, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await ctx.tx.select({ id: memberIssues.id, title: memberIssues.title }).from(memberIssues).where(and(eq(memberIssues.orgId, ctx.orgId), inArray(memberIssues.id, ids)));
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Words of the search, each of which must appear in the title or the description. */
function textCondition(q: string): SQL | undefined {
  const words = q.split(/\s+/).filter((w) => w.length > 0).slice(0, 8);
  if (!words.length) return undefined;
  return and(...words.map((w) => sql`f_unaccent(${memberIssues.title} || ' ' || ${memberIssues.description}) ILIKE '%' || f_unaccent(${escapeLike(w)}) || '%'`));
}

/** The columns the list sorts by (contracts' ISSUE_SORTS). */
const ISSUE_LIST: SortedList<(typeof ISSUE_SORTS)[number]> = {
  id: memberIssues.id,
  columns: {
    created: { by: memberIssues.createdAt, type: 'timestamptz' },
    affected: { by: memberIssues.affectedFirms, type: 'int' },
    title: { by: memberIssues.title, type: 'text' },
  },
};

export async function listMemberIssues(ctx: TenantCtx, query: MemberIssueQuery) {
  // Members see what is being worked on, not what was set aside or folded into another issue.
  const statuses = can(ctx.role, 'members.self') ? (query.status ?? ['new', 'triaged', 'forwarded']).filter((s) => s !== 'merged' && s !== 'declined') : query.status;
  const page = await sortedPage(ISSUE_LIST, query, (k) => ctx.tx.select({ row: memberIssues, k }).from(memberIssues).$dynamic(), [
    eq(memberIssues.orgId, ctx.orgId),
    statuses?.length ? inArray(memberIssues.status, statuses) : undefined,
    query.category ? eq(memberIssues.category, query.category) : undefined,
    query.q ? textCondition(query.q) : undefined,
  ], (r) => r.row.id);
  return { items: await present(ctx, page.items.map((r) => r.row), await viewerFirm(ctx)), nextCursor: page.nextCursor };
}

export async function getMemberIssue(ctx: TenantCtx, id: string): Promise<Omit<MemberIssueDetail, 'takenUpIn'>> {
  const row = await getRow(ctx, id);
  const firm = await viewerFirm(ctx);
  const [issue] = await present(ctx, [row], firm);
  // A member still sees where an issue it raised or shares went, and no other closed issue.
  if (can(ctx.role, 'members.self') && (row.status === 'declined' || row.status === 'merged') && !issue!.affectsUs && row.raisedByMemberId !== firm) {
    throw new AppError('intake.issue_not_found');
  }
  const events = await ctx.tx.select().from(memberIssueEvents).where(and(eq(memberIssueEvents.issueId, id), eq(memberIssueEvents.orgId, ctx.orgId))).orderBy(asc(memberIssueEvents.seq));
  const mergedFrom = await ctx.tx.select({ id: memberIssues.id, title: memberIssues.title }).from(memberIssues).where(and(eq(memberIssues.mergedIntoId, id), eq(memberIssues.orgId, ctx.orgId)));
  const staff = seesFirms(ctx);
  return {
    ...issue!,
    // Members see the steps, not who among the staff took them.
    history: events.map((e) => presentIssueEvent(e, staff)),
    mergedFrom,
  };
}

/** Open issues whose title is close to the words given, so a member can join one instead of raising a duplicate. */
export async function similarIssues(ctx: TenantCtx, text: string) {
  const words = text.trim();
  if (words.length < 3) return [];
  const rows = await ctx.tx
    .select()
    .from(memberIssues)
    .where(and(
      eq(memberIssues.orgId, ctx.orgId),
      inArray(memberIssues.status, ['new', 'triaged', 'forwarded']),
      sql`word_similarity(f_unaccent(${words}), f_unaccent(${memberIssues.title} || ' ' || ${memberIssues.description})) > 0.35`,
    ))
    .orderBy(sql`word_similarity(f_unaccent(${words}), f_unaccent(${memberIssues.title})) DESC`)
    .limit(5);
  // Offered while typing: no breakdowns, names or history, only what the offer shows.
  const ours = await sharedBy(ctx, await viewerFirm(ctx), rows.map((r) => r.id));
  return rows.map((r) => ({ id: r.id, title: r.title, category: r.category as IssueCategory, status: r.status as IssueStatus, affectedFirms: r.affectedFirms, affectsUs: ours.has(r.id) }));
}

export async function raiseMemberIssue(ctx: TenantCtx, input: MemberIssueInput) {
  const firm = await actingFirm(ctx, input.memberId);
  // Raised again with the same key (the first answer was lost on a bad connection): the issue it made.
  const raisedBefore = async () => {
    const [found] = await ctx.tx.select().from(memberIssues).where(and(eq(memberIssues.orgId, ctx.orgId), eq(memberIssues.clientKey, input.clientKey!)));
    return found;
  };
  const before = input.clientKey ? await raisedBefore() : undefined;
  // Sent again: the first attempt made (and audited) it.
  if (before) {
    nothingChanged();
    return before;
  }
  const [row] = await ctx.tx
    .insert(memberIssues)
    .values({ orgId: ctx.orgId, title: input.title, description: input.description, category: input.category, raisedByMemberId: firm.id, raisedByUserId: ctx.actor.userId, affectedFirms: 1, clientKey: input.clientKey ?? null })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    nothingChanged();
    return (await raisedBefore())!;
  }
  await ctx.tx.insert(memberIssueFirms).values({ orgId: ctx.orgId, issueId: row!.id, memberId: firm.id, via: firm.via });
  await addEvent(ctx, row!.id, { action: 'raised', toStatus: 'new' });
  await recordAudit(ctx, { action: 'member_issue.raise', entityType: 'member_issue', entityId: row!.id, after: { title: input.title, category: input.category } });
  return row!;
}

export async function editMemberIssue(ctx: TenantCtx, id: string, input: { title: string; description: string; category: string }) {
  const before = await getRow(ctx, id, true);
  if (before.status === 'merged') throw new AppError('intake.issue_merged');
  await ctx.tx.update(memberIssues).set({ ...input, updatedAt: sql`now()` }).where(and(eq(memberIssues.id, id), eq(memberIssues.orgId, ctx.orgId)));
  await addEvent(ctx, id, { action: 'edited', note: before.title !== input.title ? before.title : '' });
  await recordAudit(ctx, { action: 'member_issue.edit', entityType: 'member_issue', entityId: id, before: { title: before.title, category: before.category }, after: { title: input.title, category: input.category } });
}

/** "This affects us too": a firm joins an issue; joining twice changes nothing. */
export async function addAffectedFirm(ctx: TenantCtx, id: string, input: { memberId?: string; note: string }) {
  const row = await getRow(ctx, id, true);
  if (row.status === 'merged') throw new AppError('intake.issue_merged');
  const firm = await actingFirm(ctx, input.memberId);
  const added = await ctx.tx
    .insert(memberIssueFirms)
    .values({ orgId: ctx.orgId, issueId: id, memberId: firm.id, via: firm.via, note: input.note })
    .onConflictDoNothing()
    .returning();
  if (!added.length) return nothingChanged();
  await addEvent(ctx, id, { action: 'affected' });
  await recount(ctx, id);
  await recordAudit(ctx, { action: 'member_issue.firm_add', entityType: 'member_issue', entityId: id, after: { memberId: firm.id, via: firm.via, note: input.note } });
}

export async function removeAffectedFirm(ctx: TenantCtx, id: string, memberId: string | undefined) {
  const row = await getRow(ctx, id, true);
  if (row.status === 'merged') throw new AppError('intake.issue_merged');
  const firm = await actingFirm(ctx, memberId);
  const removed = await ctx.tx.delete(memberIssueFirms).where(and(eq(memberIssueFirms.issueId, id), eq(memberIssueFirms.memberId, firm.id), eq(memberIssueFirms.orgId, ctx.orgId))).returning();
  if (!removed.length) return nothingChanged();
  await addEvent(ctx, id, { action: 'unaffected' });
  await recount(ctx, id);
  await recordAudit(ctx, { action: 'member_issue.firm_remove', entityType: 'member_issue', entityId: id, before: { memberId: firm.id } });
}

export async function affectedFirms(ctx: TenantCtx, id: string): Promise<AffectedFirm[]> {
  await getRow(ctx, id);
  const links = await ctx.tx
    .select({ memberId: memberIssueFirms.memberId, addedAt: memberIssueFirms.addedAt, via: memberIssueFirms.via, note: memberIssueFirms.note })
    .from(memberIssueFirms)
    .where(and(eq(memberIssueFirms.issueId, id), eq(memberIssueFirms.orgId, ctx.orgId)));
  const link = new Map(links.map((l) => [l.memberId, l]));
  // Firms come by legal name; the stable sort keeps that order among firms added at one instant.
  const firms = (await firmSummaries(ctx, [...link.keys()])).map((f) => ({ ...f, ...link.get(f.id)! }));
  firms.sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime());
  return firms.map(presentAffectedFirm);
}

export async function changeIssueStatus(ctx: TenantCtx, id: string, input: StatusChangeInput) {
  const row = await getRow(ctx, id, true);
  if (!checkStatusChange(row.status as IssueStatus, input.status, input.note) && input.note === row.responseNote) return nothingChanged();
  await ctx.tx.update(memberIssues).set({ status: input.status, responseNote: input.note, updatedAt: sql`now()` }).where(and(eq(memberIssues.id, id), eq(memberIssues.orgId, ctx.orgId)));
  await addEvent(ctx, id, { action: 'status', fromStatus: row.status, toStatus: input.status, note: input.note });
  await recordAudit(ctx, { action: 'member_issue.status', entityType: 'member_issue', entityId: id, before: { status: row.status }, after: { status: input.status } });
}

/**
 * Folds a duplicate into another issue: its firms join the other issue (a firm
 * in both counts once), and it closes pointing there, so its members can follow.
 */
export async function mergeMemberIssue(ctx: TenantCtx, id: string, input: { into: string; note: string }) {
  // Lock both rows in a fixed order, so two opposite merges cannot deadlock.
  const [first, second] = [id, input.into].sort();
  const locked = new Map([[first!, await getRow(ctx, first!, true)], [second!, await getRow(ctx, second!, true)]]);
  const source = locked.get(id)!;
  const target = locked.get(input.into)!;
  checkMerge({ id: source.id, status: source.status as IssueStatus }, { id: target.id, status: target.status as IssueStatus });
  await ctx.tx.execute(sql`
    INSERT INTO ${memberIssueFirms} (org_id, issue_id, member_id, via, note, added_at)
    SELECT org_id, ${target.id}::uuid, member_id, 'merge', note, added_at FROM ${memberIssueFirms}
    WHERE issue_id = ${source.id}::uuid AND org_id = ${ctx.orgId}
    ON CONFLICT DO NOTHING`);
  await ctx.tx
    .update(memberIssues)
    .set({ status: 'merged', mergedIntoId: target.id, responseNote: input.note, updatedAt: sql`now()` })
    .where(and(eq(memberIssues.id, source.id), eq(memberIssues.orgId, ctx.orgId)));
  await recount(ctx, target.id);
  await addEvent(ctx, source.id, { action: 'merged', fromStatus: source.status, toStatus: 'merged', note: input.note || target.title });
  await addEvent(ctx, target.id, { action: 'merged_from', note: source.title });
  await recordAudit(ctx, { action: 'member_issue.merge', entityType: 'member_issue', entityId: source.id, before: { status: source.status }, after: { mergedInto: target.id } });
}

// ---- for advocacy, which builds its case on member issues ----

/** Member issues as evidence: title, status and who they affect, read afresh. */
export async function memberIssueFigures(ctx: TenantCtx, ids: string[]) {
  if (!ids.length) return new Map<string, { id: string; title: string; status: IssueStatus; affectedFirms: number; breakdown: Breakdown }>();
  const rows = await ctx.tx.select().from(memberIssues).where(and(eq(memberIssues.orgId, ctx.orgId), inArray(memberIssues.id, ids)));
  const counts = await breakdowns(ctx, rows.map((r) => r.id));
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, status: r.status as IssueStatus, affectedFirms: r.affectedFirms, breakdown: counts.get(r.id)! }]));
}

/**
 * A member issue taken up as advocacy evidence is forwarded, so the firms
 * that raised it see where it went. Declined or merged issues are not evidence.
 */
export async function takeUpMemberIssue(ctx: TenantCtx, id: string, advocacyTitle: string) {
  const row = await getRow(ctx, id, true);
  if (row.status === 'merged') throw new AppError('intake.issue_merged');
  if (row.status === 'declined') throw new AppError('intake.issue_declined');
  if (row.status !== 'forwarded') await changeIssueStatus(ctx, id, { status: 'forwarded', note: advocacyTitle });
}

/**
 * The issues a firm raised or shares, whatever became of them (declined and
 * merged ones included: the firm still sees where they went), most recently
 * changed first: its member home.
 */
export async function issuesOfOwnFirm(ctx: TenantCtx, memberId: string, limit: number): Promise<MemberIssue[]> {
  const rows = await ctx.tx
    .select()
    .from(memberIssues)
    .where(and(
      eq(memberIssues.orgId, ctx.orgId),
      sql`(${memberIssues.raisedByMemberId} = ${memberId} OR EXISTS (SELECT 1 FROM ${memberIssueFirms} f WHERE f.org_id = ${memberIssues.orgId} AND f.issue_id = ${memberIssues.id} AND f.member_id = ${memberId}))`,
    ))
    .orderBy(desc(memberIssues.updatedAt), desc(memberIssues.id))
    .limit(limit);
  return present(ctx, rows, memberId);
}

/** The issues a firm raised or shares, for its data subject request (members' privacy export). */
export async function issuesOfFirm(ctx: TenantCtx, memberId: string) {
  return ctx.tx
    .select({ title: memberIssues.title, description: memberIssues.description, raisedByThisFirm: sql<boolean>`${memberIssues.raisedByMemberId} = ${memberId}`, via: memberIssueFirms.via, note: memberIssueFirms.note, addedAt: memberIssueFirms.addedAt })
    .from(memberIssueFirms)
    .innerJoin(memberIssues, eq(memberIssues.id, memberIssueFirms.issueId))
    .where(and(eq(memberIssueFirms.orgId, ctx.orgId), eq(memberIssueFirms.memberId, memberId)));
}
