import { and, asc, eq, gte, ilike, inArray, sql } from 'drizzle-orm';
import type { FORUM_SORTS, Forum, ForumDetail, ForumInput, ForumMember, ForumMemberInput, ForumQuery, MeetingSummary } from '../../../contracts/dialogue.js';
import { can } from '../../../contracts/permissions.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { users } from '../../platform/auth/tables.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { decisionMakersAmong } from '../advocacy/decision-maker-service.js';
import { roleOfUser } from '../orgs/org-service.js';
import { presentForum, presentForumMember, presentMeetingSummary } from './present.js';
import { forumDecisions, forumMeetings, forumMembers, forums } from './tables.js';

type ForumRow = typeof forums.$inferSelect;

/**
 * The forums a person may see: all of them for the organisation's own people,
 * only those they sit in for an official. Returns null for "all".
 */
export async function visibleForumIds(ctx: TenantCtx): Promise<string[] | null> {
  if (!can(ctx.role, 'dialogue.own_forums_only')) return null;
  if (!ctx.actor.userId) return [];
  const rows = await ctx.tx.select({ id: forumMembers.forumId }).from(forumMembers).where(and(eq(forumMembers.orgId, ctx.orgId), eq(forumMembers.userId, ctx.actor.userId)));
  return [...new Set(rows.map((r) => r.id))];
}

/** A forum the person may see; any other reads as not found, so officials learn nothing of other forums. */
export async function getForumRow(ctx: TenantCtx, id: string, lock = false): Promise<ForumRow> {
  const visible = await visibleForumIds(ctx);
  const query = ctx.tx.select().from(forums).where(and(eq(forums.id, id), eq(forums.orgId, ctx.orgId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || (visible && !visible.includes(row.id))) throw new AppError('dialogue.forum_not_found');
  return row;
}

/** Meetings with their forum's name and how many of their decisions are still open. */
export async function meetingSummaries(ctx: TenantCtx, where: ReturnType<typeof and>): Promise<MeetingSummary[]> {
  const rows = await ctx.tx
    .select({
      m: forumMeetings, forumName: forums.name,
      openDecisions: sql<number>`(SELECT count(*)::int FROM ${forumDecisions} d WHERE d.meeting_id = ${forumMeetings}.id AND d.status = 'open')`,
    })
    .from(forumMeetings)
    .innerJoin(forums, eq(forums.id, forumMeetings.forumId))
    .where(and(eq(forumMeetings.orgId, ctx.orgId), where))
    .orderBy(asc(forumMeetings.startsAt));
  return rows.map(({ m, forumName, openDecisions }) => presentMeetingSummary(m, { forumName, openDecisions }));
}

async function present(ctx: TenantCtx, rows: ForumRow[]): Promise<Forum[]> {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const counts = await ctx.tx
    .select({
      forumId: forums.id,
      members: sql<number>`(SELECT count(*)::int FROM ${forumMembers} fm WHERE fm.forum_id = ${forums}.id)`,
      openDecisions: sql<number>`(SELECT count(*)::int FROM ${forumDecisions} d JOIN ${forumMeetings} m ON m.id = d.meeting_id WHERE m.forum_id = ${forums}.id AND d.status = 'open')`,
    })
    .from(forums)
    .where(inArray(forums.id, ids));
  const upcoming = await meetingSummaries(ctx, and(inArray(forumMeetings.forumId, ids), eq(forumMeetings.status, 'planned'), gte(forumMeetings.endsAt, sql`now()`)));
  return rows.map((r) => {
    const c = counts.find((x) => x.forumId === r.id);
    return presentForum(r, { members: c?.members ?? 0, openDecisions: c?.openDecisions ?? 0, nextMeeting: upcoming.find((m) => m.forumId === r.id) ?? null });
  });
}

/** The columns the forums sort by (contracts' FORUM_SORTS). */
const FORUM_LIST: SortedList<(typeof FORUM_SORTS)[number]> = {
  id: forums.id,
  columns: {
    name: { by: sql`lower(${forums.name})`, type: 'text' },
    members: { by: sql`(SELECT count(*) FROM ${forumMembers} fm WHERE fm.org_id = ${forums.orgId} AND fm.forum_id = ${forums.id})`, type: 'bigint' },
  },
};

/** A page of the forums the person may see (an official: those they sit in), of one kind or named like the search. */
export async function listForums(ctx: TenantCtx, query: ForumQuery): Promise<{ items: Forum[]; nextCursor: string | null }> {
  const visible = await visibleForumIds(ctx);
  if (visible && !visible.length) return { items: [], nextCursor: null };
  const page = await sortedPage(FORUM_LIST, query, (k) => ctx.tx.select({ row: forums, k }).from(forums).$dynamic(), [
    eq(forums.orgId, ctx.orgId),
    visible ? inArray(forums.id, visible) : undefined,
    query.kind ? eq(forums.kind, query.kind) : undefined,
    query.q ? ilike(forums.name, `%${escapeLike(query.q)}%`) : undefined,
  ], (r) => r.row.id);
  return { items: await present(ctx, page.items.map((r) => r.row)), nextCursor: page.nextCursor };
}

async function forumMemberList(ctx: TenantCtx, forumId: string): Promise<ForumMember[]> {
  const rows = await ctx.tx
    .select({ m: forumMembers, userName: users.name })
    .from(forumMembers)
    .leftJoin(users, eq(users.id, forumMembers.userId))
    .where(and(eq(forumMembers.forumId, forumId), eq(forumMembers.orgId, ctx.orgId)))
    .orderBy(asc(forumMembers.side), asc(forumMembers.name));
  // A seat held by someone of the decision-makers directory links to them, for those who may read it.
  const known = can(ctx.role, 'advocacy.read') ? await decisionMakersAmong(ctx, rows.map(({ m }) => ({ key: m.id, name: m.name, email: m.email }))) : new Map<string, string>();
  return rows.map(({ m, userName }) => presentForumMember(m, userName, known.get(m.id) ?? null));
}

export async function getForum(ctx: TenantCtx, id: string): Promise<ForumDetail> {
  const row = await getForumRow(ctx, id);
  const [forum] = await present(ctx, [row]);
  return { ...forum!, memberList: await forumMemberList(ctx, id), meetings: await meetingSummaries(ctx, eq(forumMeetings.forumId, id)) };
}

export async function createForum(ctx: TenantCtx, input: ForumInput) {
  const [row] = await ctx.tx.insert(forums).values({ orgId: ctx.orgId, ...input }).returning();
  await recordAudit(ctx, { action: 'forum.create', entityType: 'forum', entityId: row!.id, after: { name: input.name } });
  return row!;
}

export async function updateForum(ctx: TenantCtx, id: string, input: ForumInput) {
  const before = await getForumRow(ctx, id, true);
  await ctx.tx.update(forums).set(input).where(and(eq(forums.id, id), eq(forums.orgId, ctx.orgId)));
  await recordAudit(ctx, { action: 'forum.update', entityType: 'forum', entityId: id, before: { name: before.name, isPublic: before.isPublic }, after: { name: input.name, isPublic: input.isPublic } });
}

/** An official's account must belong to the organisation; their forums are then theirs to see. */
async function checkAccount(ctx: TenantCtx, userId: string | null) {
  if (!userId) return;
  if (!(await roleOfUser(ctx.tx, userId, ctx.orgId))) throw fieldError('userId', 'dialogue.account_not_in_org');
}

export async function addForumMember(ctx: TenantCtx, forumId: string, input: ForumMemberInput) {
  await getForumRow(ctx, forumId, true);
  await checkAccount(ctx, input.userId);
  const [row] = await ctx.tx.insert(forumMembers).values({ orgId: ctx.orgId, forumId, ...input }).returning();
  await recordAudit(ctx, { action: 'forum.member_add', entityType: 'forum', entityId: forumId, after: { name: input.name, side: input.side, userId: input.userId } });
  return row!;
}

export async function updateForumMember(ctx: TenantCtx, forumId: string, memberId: string, input: ForumMemberInput) {
  await getForumRow(ctx, forumId, true);
  await checkAccount(ctx, input.userId);
  const [before] = await ctx.tx.select().from(forumMembers).where(and(eq(forumMembers.id, memberId), eq(forumMembers.forumId, forumId), eq(forumMembers.orgId, ctx.orgId))).for('update');
  if (!before) throw new AppError('dialogue.member_not_found');
  await ctx.tx.update(forumMembers).set(input).where(and(eq(forumMembers.id, memberId), eq(forumMembers.forumId, forumId), eq(forumMembers.orgId, ctx.orgId)));
  // The seat's account is what gives an official access to the forum: its change is kept with the rest.
  const { name, email, affiliation, role, side, userId } = before;
  const change = changedFields({ name, email, affiliation, role, side, userId }, { ...input });
  await recordAudit(ctx, { action: 'forum.member_update', entityType: 'forum', entityId: forumId, before: { memberId, ...change.before }, after: { memberId, ...change.after } });
}

export async function removeForumMember(ctx: TenantCtx, forumId: string, memberId: string) {
  await getForumRow(ctx, forumId, true);
  const [removed] = await ctx.tx.delete(forumMembers).where(and(eq(forumMembers.id, memberId), eq(forumMembers.forumId, forumId), eq(forumMembers.orgId, ctx.orgId))).returning();
  if (!removed) throw new AppError('dialogue.member_not_found');
  await recordAudit(ctx, { action: 'forum.member_remove', entityType: 'forum', entityId: forumId, before: { name: removed.name, side: removed.side } });
}

/**
 * The forums where someone of the decision-makers directory holds a seat: the
 * same e-mail, else the same name (case and spacing aside), in the forums the
 * reader may see. The directory's page links to them.
 */
export async function forumSeatsOf(ctx: TenantCtx, person: { name: string; email: string }) {
  const visible = await visibleForumIds(ctx);
  if (visible && !visible.length) return [];
  const email = person.email.trim().toLowerCase();
  const name = person.name.trim().toLowerCase().replace(/\s+/g, ' ');
  const rows = await ctx.tx
    .select({ forumId: forums.id, forumName: forums.name, side: forumMembers.side, role: forumMembers.role })
    .from(forumMembers)
    .innerJoin(forums, and(eq(forums.orgId, forumMembers.orgId), eq(forums.id, forumMembers.forumId)))
    .where(and(
      eq(forumMembers.orgId, ctx.orgId),
      visible ? inArray(forumMembers.forumId, visible) : undefined,
      email
        ? sql`(lower(trim(${forumMembers.email})) = ${email} OR lower(regexp_replace(trim(${forumMembers.name}), '\\s+', ' ', 'g')) = ${name})`
        : sql`lower(regexp_replace(trim(${forumMembers.name}), '\\s+', ' ', 'g')) = ${name}`,
    ))
    .orderBy(asc(forums.name), asc(forums.id));
  return rows;
}
