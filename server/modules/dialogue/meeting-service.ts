import { and, asc, eq, gte, ilike, inArray, or, sql } from 'drizzle-orm';
import type { AgendaItemInput, MEETING_SORTS, MeetingDetail, MeetingInput, MeetingQuery, MeetingSummary, MinutesInput } from '../../../contracts/dialogue.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { orgMailLocale } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { addAdvocacyEvent } from '../advocacy/history-service.js';
import { issueTitles } from '../advocacy/issue-service.js';
import { orgClock } from '../../platform/org-clock.js';
import { currentOrgClock, getCurrentOrg } from '../orgs/org-service.js';
import { clockFormat, todayIn } from '../../platform/time.js';
import { wallTimeToInstant } from '../../../contracts/time.js';
import { meetingCalendar } from './calendar.js';
import { decisionsOfMeeting } from './decision-service.js';
import { getForumRow, meetingSummaries, visibleForumIds } from './forum-service.js';
import { getMeetingRow, type MeetingRow } from './meeting-row.js';
import { presentAgendaItem, presentComingAgendaItem, presentMeetingSummary } from './present.js';
import { agendaItems, forumDecisions, forumMeetings, forumMembers, forums, meetingAttendance } from './tables.js';

/** Meetings from today on, across the forums the person may see. */
export async function upcomingMeetings(ctx: TenantCtx) {
  const visible = await visibleForumIds(ctx);
  if (visible && !visible.length) return [];
  // From the start of the organisation's today, not UTC's: at 01:00 in Kolkata, a meeting at 00:30 is today's.
  const { timeZone } = await currentOrgClock(ctx);
  const since = new Date(wallTimeToInstant(todayIn(timeZone), timeZone));
  return meetingSummaries(ctx, and(gte(forumMeetings.endsAt, since), visible ? inArray(forumMeetings.forumId, visible) : undefined));
}

/** The columns the meetings sort by (contracts' MEETING_SORTS). */
const MEETING_LIST: SortedList<(typeof MEETING_SORTS)[number]> = {
  id: forumMeetings.id,
  columns: {
    starts: { by: forumMeetings.startsAt, type: 'timestamptz' },
    title: { by: sql`lower(${forumMeetings.title})`, type: 'text' },
    forum: { by: sql`lower(${forums.name})`, type: 'text' },
  },
};

/**
 * A page of the meetings of the forums the person may see: of one forum or
 * status, ending on or after a day of the organisation's calendar (`from`,
 * the coming ones from today), titled or placed like the search. A forum
 * that is not theirs to see filters to nothing.
 */
export async function listMeetings(ctx: TenantCtx, query: MeetingQuery): Promise<{ items: MeetingSummary[]; nextCursor: string | null }> {
  const visible = await visibleForumIds(ctx);
  if (visible && !visible.length) return { items: [], nextCursor: null };
  const { timeZone } = await currentOrgClock(ctx);
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const page = await sortedPage(MEETING_LIST, query, (k) => ctx.tx
    .select({
      m: forumMeetings, forumName: forums.name, k,
      openDecisions: sql<number>`(SELECT count(*)::int FROM ${forumDecisions} d WHERE d.org_id = ${forumMeetings.orgId} AND d.meeting_id = ${forumMeetings.id} AND d.status = 'open')`,
    })
    .from(forumMeetings)
    .innerJoin(forums, and(eq(forums.orgId, forumMeetings.orgId), eq(forums.id, forumMeetings.forumId)))
    .$dynamic(), [
    eq(forumMeetings.orgId, ctx.orgId),
    visible ? inArray(forumMeetings.forumId, visible) : undefined,
    query.forumId ? eq(forumMeetings.forumId, query.forumId) : undefined,
    query.status ? eq(forumMeetings.status, query.status) : undefined,
    query.from ? gte(forumMeetings.endsAt, new Date(wallTimeToInstant(query.from, timeZone))) : undefined,
    pattern ? or(ilike(forumMeetings.title, pattern), ilike(forumMeetings.location, pattern)) : undefined,
  ], (r) => r.m.id);
  return { items: page.items.map(({ m, forumName, openDecisions }) => presentMeetingSummary(m, { forumName, openDecisions })), nextCursor: page.nextCursor };
}

/** The agenda items of planned meetings from today on, in the forums the person may see: what they will discuss. */
export async function agendaOfComingMeetings(ctx: TenantCtx, limit: number) {
  const visible = await visibleForumIds(ctx);
  if (visible && !visible.length) return [];
  const { timeZone } = await currentOrgClock(ctx);
  const since = new Date(wallTimeToInstant(todayIn(timeZone), timeZone));
  const rows = await ctx.tx
    .select({ meetingId: forumMeetings.id, meetingTitle: forumMeetings.title, startsAt: forumMeetings.startsAt, forumName: forums.name, itemId: agendaItems.id, title: agendaItems.title, notes: agendaItems.notes, issueId: agendaItems.issueId })
    .from(agendaItems)
    .innerJoin(forumMeetings, and(eq(forumMeetings.orgId, agendaItems.orgId), eq(forumMeetings.id, agendaItems.meetingId)))
    .innerJoin(forums, and(eq(forums.orgId, forumMeetings.orgId), eq(forums.id, forumMeetings.forumId)))
    .where(and(eq(agendaItems.orgId, ctx.orgId), eq(forumMeetings.status, 'planned'), gte(forumMeetings.endsAt, since), visible ? inArray(forumMeetings.forumId, visible) : undefined))
    .orderBy(asc(forumMeetings.startsAt), asc(agendaItems.position), asc(agendaItems.id))
    .limit(limit);
  return rows.map(presentComingAgendaItem);
}

async function agendaOf(ctx: TenantCtx, meetingId: string) {
  const rows = await ctx.tx
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.orgId, ctx.orgId)))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id));
  const titles = await issueTitles(ctx, rows.flatMap((a) => (a.issueId ? [a.issueId] : [])));
  return rows.map((a) => presentAgendaItem(a, a.issueId ? (titles.get(a.issueId) ?? null) : null));
}

export async function getMeeting(ctx: TenantCtx, id: string): Promise<MeetingDetail> {
  const row = await getMeetingRow(ctx, id);
  const [summary] = await meetingSummaries(ctx, eq(forumMeetings.id, id));
  const attendance = await ctx.tx
    .select({ memberId: forumMembers.id, name: forumMembers.name, side: forumMembers.side, affiliation: forumMembers.affiliation, present: meetingAttendance.present })
    .from(forumMembers)
    .leftJoin(meetingAttendance, and(eq(meetingAttendance.forumMemberId, forumMembers.id), eq(meetingAttendance.meetingId, id)))
    .where(and(eq(forumMembers.forumId, row.forumId), eq(forumMembers.orgId, ctx.orgId)))
    .orderBy(asc(forumMembers.side), asc(forumMembers.name));
  return {
    ...summary!,
    minutes: row.minutes,
    invitedAt: row.invitedAt?.toISOString() ?? null,
    agenda: await agendaOf(ctx, id),
    attendance: attendance.map((a) => ({ ...a, side: a.side as 'private' | 'public', present: a.present ?? null })),
    decisions: await decisionsOfMeeting(ctx, id),
  };
}

export async function createMeeting(ctx: TenantCtx, forumId: string, input: MeetingInput) {
  await getForumRow(ctx, forumId);
  const [row] = await ctx.tx.insert(forumMeetings).values({ orgId: ctx.orgId, forumId, title: input.title, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), location: input.location }).returning();
  await recordAudit(ctx, { action: 'meeting.create', entityType: 'meeting', entityId: row!.id, after: { forumId, ...input } });
  return row!;
}

export async function updateMeeting(ctx: TenantCtx, id: string, input: MeetingInput) {
  const before = await getMeetingRow(ctx, id, true);
  await ctx.tx.update(forumMeetings).set({ title: input.title, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), location: input.location, updatedAt: sql`now()` }).where(eq(forumMeetings.id, id));
  const was = { title: before.title, startsAt: before.startsAt.toISOString(), endsAt: before.endsAt.toISOString(), location: before.location };
  const now = { title: input.title, startsAt: new Date(input.startsAt).toISOString(), endsAt: new Date(input.endsAt).toISOString(), location: input.location };
  await recordAudit(ctx, { action: 'meeting.update', entityType: 'meeting', entityId: id, ...changedFields(was, now) });
}

/** Puts an item on the agenda; an advocacy issue brought to the table records it in the issue's history. */
export async function addAgendaItem(ctx: TenantCtx, meetingId: string, input: AgendaItemInput) {
  const meeting = await getMeetingRow(ctx, meetingId, true);
  if (input.issueId && !(await issueTitles(ctx, [input.issueId])).has(input.issueId)) throw fieldError('issueId', 'advocacy.issue_not_found');
  const [item] = await ctx.tx.insert(agendaItems).values({
    orgId: ctx.orgId, meetingId, title: input.title, issueId: input.issueId, notes: input.notes,
    position: sql`(SELECT coalesce(max(position), 0) + 1 FROM ${agendaItems} WHERE meeting_id = ${meetingId})`,
  }).returning({ id: agendaItems.id });
  await recordAudit(ctx, { action: 'meeting.agenda_add', entityType: 'meeting', entityId: meetingId, after: { itemId: item!.id, title: input.title, issueId: input.issueId } });
  if (input.issueId) await addAdvocacyEvent(ctx, input.issueId, { action: 'agenda', to: meeting.title, note: input.title });
}

export async function removeAgendaItem(ctx: TenantCtx, meetingId: string, itemId: string) {
  await getMeetingRow(ctx, meetingId, true);
  const [removed] = await ctx.tx.delete(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId), eq(agendaItems.orgId, ctx.orgId))).returning();
  if (!removed) throw new AppError('dialogue.agenda_item_not_found');
  await recordAudit(ctx, { action: 'meeting.agenda_remove', entityType: 'meeting', entityId: meetingId, before: { itemId: itemId, title: removed.title, issueId: removed.issueId } });
}

/** Moves an item one place up or down, swapping with its neighbour. */
export async function moveAgendaItem(ctx: TenantCtx, meetingId: string, itemId: string, direction: 'up' | 'down') {
  await getMeetingRow(ctx, meetingId, true);
  const items = await agendaOf(ctx, meetingId);
  const i = items.findIndex((x) => x.id === itemId);
  if (i < 0) throw new AppError('dialogue.agenda_item_not_found');
  const j = direction === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= items.length) return nothingChanged();
  const order = items.map((x) => x.id);
  [order[i], order[j]] = [order[j]!, order[i]!];
  for (const [k, id] of order.entries()) await ctx.tx.update(agendaItems).set({ position: k + 1 }).where(eq(agendaItems.id, id));
  await recordAudit(ctx, { action: 'meeting.agenda_move', entityType: 'meeting', entityId: meetingId, before: { itemId, position: i + 1 }, after: { itemId, position: j + 1 } });
}

/** Records what happened: minutes, who came (the others absent), and whether it was held. */
export async function recordMinutes(ctx: TenantCtx, meetingId: string, input: MinutesInput) {
  const meeting = await getMeetingRow(ctx, meetingId, true);
  const members = await ctx.tx.select({ id: forumMembers.id }).from(forumMembers).where(and(eq(forumMembers.forumId, meeting.forumId), eq(forumMembers.orgId, ctx.orgId)));
  const known = new Set(members.map((m) => m.id));
  const stranger = input.present.findIndex((id) => !known.has(id));
  if (stranger >= 0) throw fieldError(`present.${stranger}`, 'dialogue.member_not_found');
  await ctx.tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId));
  if (members.length) {
    await ctx.tx.insert(meetingAttendance).values(members.map((m) => ({ orgId: ctx.orgId, meetingId, forumMemberId: m.id, present: input.present.includes(m.id) })));
  }
  await ctx.tx.update(forumMeetings).set({ minutes: input.minutes, status: input.status, updatedAt: sql`now()` }).where(eq(forumMeetings.id, meetingId));
  await recordAudit(ctx, { action: 'meeting.minutes', entityType: 'meeting', entityId: meetingId, before: { status: meeting.status }, after: { status: input.status, present: input.present.length } });
}

async function calendarOf(ctx: TenantCtx, meeting: MeetingRow, sequence: number, language: string) {
  const org = await getCurrentOrg(ctx);
  const format = clockFormat(orgClock(org), language);
  const agenda = await agendaOf(ctx, meeting.id);
  const invitees = await ctx.tx.select().from(forumMembers).where(and(eq(forumMembers.forumId, meeting.forumId), eq(forumMembers.orgId, ctx.orgId)));
  const attendees = invitees.filter((m) => m.email).map((m) => ({ name: m.name, email: m.email }));
  const ics = await meetingCalendar({
    id: meeting.id, title: meeting.title, startsAt: meeting.startsAt, endsAt: meeting.endsAt, location: meeting.location,
    when: format.meetingTime(meeting.startsAt), agenda: agenda.map((a) => a.title), sequence, cancelled: meeting.status === 'cancelled', organizer: { name: org.name }, attendees,
  });
  return { org, format, agenda, attendees, ics };
}

/** The meeting as a calendar file, for staff to add to their own calendar. */
export async function meetingCalendarFile(ctx: TenantCtx, meetingId: string) {
  const meeting = await getMeetingRow(ctx, meetingId);
  return (await calendarOf(ctx, meeting, meeting.sequence, ctx.locale)).ics;
}

/**
 * Mails every forum member with an address an invitation with the meeting as
 * an iCalendar file. Sending again (a new time, a new agenda) raises the
 * sequence, so calendars move the event rather than add a second one.
 */
export async function sendInvitations(ctx: TenantCtx, meetingId: string) {
  const meeting = await getMeetingRow(ctx, meetingId, true);
  if (meeting.status !== 'planned') throw new AppError('dialogue.meeting_not_planned');
  const sequence = meeting.invitedAt ? meeting.sequence + 1 : meeting.sequence;
  const locale = orgMailLocale((await getCurrentOrg(ctx)).languages, ctx.locale);
  const { org, format, agenda, attendees, ics } = await calendarOf(ctx, meeting, sequence, locale);
  if (!attendees.length) throw new AppError('dialogue.no_invitees');
  const when = format.meetingTime(meeting.startsAt);
  for (const a of attendees) {
    await queueMail(ctx.tx, {
      orgId: ctx.orgId, kind: 'meeting_invitation', to: a.email, locale,
      params: { name: a.name, title: meeting.title, orgName: org.name, when, location: meeting.location || '—', agenda: agenda.map((x, i) => `${i + 1}. ${x.title}`).join('\n') || '—' },
      attachments: [{ filename: 'invitation.ics', contentType: 'text/calendar; method=REQUEST; charset=utf-8', content: ics }],
    });
  }
  await ctx.tx.update(forumMeetings).set({ sequence, invitedAt: sql`now()` }).where(eq(forumMeetings.id, meetingId));
  await recordAudit(ctx, { action: 'meeting.invite', entityType: 'meeting', entityId: meetingId, after: { invited: attendees.length, sequence } });
  return { invited: attendees.length };
}
