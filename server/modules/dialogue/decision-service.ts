import { and, asc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Decision, DecisionInput, DecisionQuery, DECISION_SORTS, DecisionStatus, FollowUpInput } from '../../../contracts/dialogue.js';
import { recordAudit } from '../../platform/audit/record.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { addAdvocacyEvent } from '../advocacy/history-service.js';
import { issueTitles } from '../advocacy/issue-service.js';
import { orgToday } from '../orgs/org-service.js';
import { visibleForumIds } from './forum-service.js';
import { getMeetingRow } from './meeting-row.js';
import { presentDecision, presentIssueMeeting, type DecisionRow } from './present.js';
import { agendaItems, decisionFollowUps, forumDecisions, forumMeetings, forumMembers, forums } from './tables.js';
import { escapeLike } from '../../platform/db/like.js';


/**
 * Decisions with their meeting, issue and follow-ups, in the forums the
 * person may see. `where` is written over `d` (decisions), `m` (meetings) and
 * `f` (forums); it stays in this file, and other modules ask for decisions by
 * meaning (`publicDecisionsOfIssues`).
 */
async function decisionsWhere(ctx: TenantCtx, where: SQL): Promise<Decision[]> {
  const visible = await visibleForumIds(ctx);
  if (visible && !visible.length) return [];
  const rows = await ctx.tx.execute<DecisionRow>(sql`
    SELECT d.id, d.text, d.owner, d.due_on::text, d.status, d.agenda_item_id, m.id AS meeting_id, m.title AS meeting_title, m.starts_at, f.name AS forum_name, d.issue_id
    FROM ${forumDecisions} d
    JOIN ${forumMeetings} m ON m.id = d.meeting_id
    JOIN ${forums} f ON f.id = m.forum_id
    WHERE d.org_id = ${ctx.orgId} AND ${where}
      ${visible ? sql`AND m.forum_id IN (${sql.join(visible.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
    ORDER BY d.due_on ASC NULLS LAST, d.created_at ASC
    LIMIT 500`);
  return presentDecisions(ctx, rows.rows);
}

/** Decisions as the API shows them: with their issue's title (as advocacy gives it), whether overdue, and their follow-ups. */
async function presentDecisions(ctx: TenantCtx, rows: DecisionRow[]): Promise<Decision[]> {
  const ids = rows.map((r) => r.id);
  // The issue's title is advocacy's to give; an issue it does not show is no issue here.
  const titles = await issueTitles(ctx, rows.flatMap((r) => (r.issue_id ? [r.issue_id] : [])));
  const today = await orgToday(ctx);
  const steps = ids.length
    ? await ctx.tx.select().from(decisionFollowUps).where(and(eq(decisionFollowUps.orgId, ctx.orgId), inArray(decisionFollowUps.decisionId, ids))).orderBy(asc(decisionFollowUps.seq))
    : [];
  return rows.map((r) => presentDecision(r, {
    today,
    issueTitle: r.issue_id ? (titles.get(r.issue_id) ?? null) : null,
    followUps: steps.filter((s) => s.decisionId === r.id),
  }));
}

/** The columns the decisions sort by (contracts' DECISION_SORTS). */
const DECISION_LIST: SortedList<(typeof DECISION_SORTS)[number]> = {
  id: forumDecisions.id,
  columns: {
    due: { by: forumDecisions.dueOn, type: 'date', nullable: true },
    meeting: { by: forumMeetings.startsAt, type: 'timestamptz' },
    owner: { by: sql`lower(${forumDecisions.owner})`, type: 'text' },
  },
};

/**
 * A page of the decisions of the forums the person may see, open or closed,
 * of one forum, or overdue on the organisation's today. A forum that is not
 * there (or not theirs to see) filters to nothing, as every list's filter
 * does: the download streams its first row before any error could be told.
 */
export async function listDecisions(ctx: TenantCtx, query: DecisionQuery) {
  const visible = await visibleForumIds(ctx);
  if (visible && !visible.length) return { items: [], nextCursor: null };
  const page = await sortedPage(DECISION_LIST, query, (k) => ctx.tx
    .select({
      id: forumDecisions.id, text: forumDecisions.text, owner: forumDecisions.owner, dueOn: forumDecisions.dueOn, status: forumDecisions.status, agendaItemId: forumDecisions.agendaItemId,
      meetingId: forumMeetings.id, meetingTitle: forumMeetings.title, startsAt: forumMeetings.startsAt, forumName: forums.name, issueId: forumDecisions.issueId, k,
    })
    .from(forumDecisions)
    .innerJoin(forumMeetings, and(eq(forumMeetings.orgId, forumDecisions.orgId), eq(forumMeetings.id, forumDecisions.meetingId)))
    .innerJoin(forums, and(eq(forums.orgId, forumMeetings.orgId), eq(forums.id, forumMeetings.forumId)))
    .$dynamic(), [
    eq(forumDecisions.orgId, ctx.orgId),
    visible ? inArray(forumMeetings.forumId, visible) : undefined,
    query.status ? eq(forumDecisions.status, query.status) : undefined,
    query.forumId ? eq(forumMeetings.forumId, query.forumId) : undefined,
    query.overdue ? and(eq(forumDecisions.status, 'open'), lt(forumDecisions.dueOn, await orgToday(ctx))) : undefined,
  ], (r) => r.id);
  const rows: DecisionRow[] = page.items.map((r) => ({
    id: r.id, text: r.text, owner: r.owner, due_on: r.dueOn, status: r.status as DecisionStatus, agenda_item_id: r.agendaItemId,
    meeting_id: r.meetingId, meeting_title: r.meetingTitle, starts_at: r.startsAt.toISOString(), forum_name: r.forumName, issue_id: r.issueId,
  }));
  return { items: await presentDecisions(ctx, rows), nextCursor: page.nextCursor };
}

/**
 * A decision of a meeting. Taken under an agenda item that carries an
 * advocacy issue, it belongs to that issue too, and the issue's history says so.
 */
export async function addDecision(ctx: TenantCtx, meetingId: string, input: DecisionInput) {
  const meeting = await getMeetingRow(ctx, meetingId, true);
  let issueId: string | null = null;
  if (input.agendaItemId) {
    const [item] = await ctx.tx.select().from(agendaItems).where(and(eq(agendaItems.id, input.agendaItemId), eq(agendaItems.meetingId, meetingId), eq(agendaItems.orgId, ctx.orgId)));
    if (!item) throw fieldError('agendaItemId', 'dialogue.agenda_item_not_found');
    issueId = item.issueId;
  }
  const [row] = await ctx.tx.insert(forumDecisions).values({ orgId: ctx.orgId, meetingId, agendaItemId: input.agendaItemId, issueId, text: input.text, owner: input.owner, dueOn: input.dueOn }).returning();
  await recordAudit(ctx, { action: 'decision.create', entityType: 'decision', entityId: row!.id, after: { meetingId, issueId, text: input.text, owner: input.owner, dueOn: input.dueOn } });
  if (issueId) await addAdvocacyEvent(ctx, issueId, { action: 'decision', to: meeting.title, note: input.text });
  return row!;
}

async function getDecisionRow(ctx: TenantCtx, id: string) {
  const [row] = await ctx.tx.select().from(forumDecisions).where(and(eq(forumDecisions.id, id), eq(forumDecisions.orgId, ctx.orgId))).for('update');
  if (!row) throw new AppError('dialogue.decision_not_found');
  // An official reaches only the decisions of their own forums.
  await getMeetingRow(ctx, row.meetingId).catch(() => {
    throw new AppError('dialogue.decision_not_found');
  });
  return row;
}

/** A step on a decision: what was done, and whether that closes it. Steps are only ever added. */
export async function addFollowUp(ctx: TenantCtx, decisionId: string, input: FollowUpInput) {
  const decision = await getDecisionRow(ctx, decisionId);
  const changes = input.status && input.status !== decision.status;
  const [step] = await ctx.tx.insert(decisionFollowUps).values({ orgId: ctx.orgId, decisionId, actorUserId: ctx.actor.userId, actorName: ctx.actor.name, note: input.note, status: changes ? input.status : null }).returning({ id: decisionFollowUps.id });
  await recordAudit(ctx, {
    action: 'decision.follow_up', entityType: 'decision', entityId: decisionId,
    before: changes ? { status: decision.status } : null, after: { followUpId: step!.id, note: input.note, ...(changes ? { status: input.status } : {}) },
  });
  if (changes) {
    await ctx.tx.update(forumDecisions).set({ status: input.status, closedAt: input.status === 'open' ? null : sql`now()` }).where(eq(forumDecisions.id, decisionId));
    if (decision.issueId) await addAdvocacyEvent(ctx, decision.issueId, { action: 'decision_status', from: decision.status, to: input.status!, note: `${decision.text} — ${input.note}` });
  }
}

export async function getDecision(ctx: TenantCtx, id: string): Promise<Decision> {
  await getDecisionRow(ctx, id);
  return (await decisionsWhere(ctx, sql`d.id = ${id}`))[0]!;
}

/**
 * What a person owes: open decisions of the forums they may see whose owner
 * names them, the seat they hold in a forum or the institution of that seat
 * (an owner is written as text: "Ministry of Trade", "Hon. Mercy Adjei").
 */
export async function decisionsOwedBy(ctx: TenantCtx): Promise<Decision[]> {
  if (!ctx.actor.userId) return [];
  const seats = await ctx.tx
    .select({ name: forumMembers.name, affiliation: forumMembers.affiliation })
    .from(forumMembers)
    .where(and(eq(forumMembers.orgId, ctx.orgId), eq(forumMembers.userId, ctx.actor.userId)));
  const names = [...new Set([ctx.actor.name, ...seats.flatMap((s) => [s.name, s.affiliation])].map((n) => n.trim()).filter((n) => n.length >= 3))];
  if (!names.length) return [];
  return decisionsWhere(ctx, sql`d.status = 'open' AND (${sql.join(names.map((n) => sql`d.owner ILIKE '%' || ${escapeLike(n)} || '%'`), sql` OR `)})`);
}

/** The decisions of one meeting. */
export async function decisionsOfMeeting(ctx: TenantCtx, meetingId: string) {
  return decisionsWhere(ctx, sql`d.meeting_id = ${meetingId}`);
}

/** The decisions of public forums on these advocacy issues, for the public reform tracker. */
export async function publicDecisionsOfIssues(ctx: TenantCtx, issueIds: string[]) {
  if (!issueIds.length) return [];
  return decisionsWhere(ctx, sql`f.is_public AND d.issue_id IN (${sql.join(issueIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
}

/** Where an advocacy issue went in the dialogue: the meetings that discussed it and what they decided. */
export async function dialogueOfIssue(ctx: TenantCtx, issueId: string) {
  const visible = await visibleForumIds(ctx);
  if (visible && !visible.length) return { meetings: [], decisions: [] };
  const agenda = await ctx.tx
    .select({ meetingId: forumMeetings.id, meetingTitle: forumMeetings.title, startsAt: forumMeetings.startsAt, status: forumMeetings.status, forumId: forums.id, forumName: forums.name, item: agendaItems.title })
    .from(agendaItems)
    .innerJoin(forumMeetings, eq(forumMeetings.id, agendaItems.meetingId))
    .innerJoin(forums, eq(forums.id, forumMeetings.forumId))
    .where(and(eq(agendaItems.orgId, ctx.orgId), eq(agendaItems.issueId, issueId), visible ? inArray(forums.id, visible) : undefined))
    .orderBy(asc(forumMeetings.startsAt));
  return {
    meetings: agenda.map(presentIssueMeeting),
    decisions: await decisionsWhere(ctx, sql`d.issue_id = ${issueId}`),
  };
}
