import { PPD_STEPS } from '../../../contracts/advocacy.js';
import type { BoardHome, MemberHome, OfficialHome } from '../../../contracts/home.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { openIssuesByStep, reformsBetween } from '../advocacy/figures-service.js';
import { comingEventsOfFirm } from '../events/firm-events-service.js';
import { publishedPapers } from '../advocacy/paper-service.js';
import { decisionsOwedBy, listDecisions } from '../dialogue/decision-service.js';
import { decisionsDoneBetween, meetingsHeldBetween, openDecisionCounts } from '../dialogue/figures-service.js';
import { agendaOfComingMeetings, upcomingMeetings } from '../dialogue/meeting-service.js';
import { issuesOfOwnFirm } from '../intake/intake-service.js';
import { listInvoices } from '../members/billing-service.js';
import { activeMembersAt, newMembersBetween } from '../members/figures-service.js';
import { ownFirm } from '../members/portal-service.js';
import { orgToday } from '../orgs/org-service.js';
import { firmsConsultedBetween } from '../surveys/figures-service.js';
import { consultationsOfFirm } from '../surveys/firm-consultations-service.js';
import { countByMonth, lastMonths } from './months.js';

const ISSUES_SHOWN = 8;
const MEETINGS_SHOWN = 6;
const DECISIONS_SHOWN = 10;
const AGENDA_SHOWN = 20;
const MONTHS = 12;

/** A member firm's home: what is asked of it, what it owes, and what became of the issues it raised. */
export async function memberHome(ctx: TenantCtx): Promise<MemberHome> {
  const firm = await ownFirm(ctx);
  // One after another: a transaction's queries share one connection.
  const consultations = await consultationsOfFirm(ctx, firm.id);
  const invoices = await listInvoices(ctx, firm.id);
  const issues = await issuesOfOwnFirm(ctx, firm.id, ISSUES_SHOWN);
  const events = await comingEventsOfFirm(ctx, firm.id);
  return {
    firm: { id: firm.id, legalName: firm.legalName, status: firm.status as MemberHome['firm']['status'], joinedOn: firm.joinedOn, renewalDueOn: firm.renewalDueOn },
    consultations: consultations.open,
    answered: consultations.answered,
    invoicesDue: invoices.filter((i) => i.status === 'open' && i.amount > i.paid).sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
    issues,
    events,
  };
}

/**
 * An official's home, within the forums they sit in (the dialogue services
 * apply `dialogue.own_forums_only`): the next meetings, the decisions they
 * owe, and what the coming meetings will discuss with the published position
 * papers behind it.
 */
export async function officialHome(ctx: TenantCtx): Promise<OfficialHome> {
  const meetings = await upcomingMeetings(ctx);
  const owed = await decisionsOwedBy(ctx);
  const mine = new Set(owed.map((d) => d.id));
  const open = (await listDecisions(ctx, { status: 'open', overdue: false, sort: 'due', limit: DECISIONS_SHOWN + mine.size })).items.filter((d) => !mine.has(d.id));
  const agenda = await agendaOfComingMeetings(ctx, AGENDA_SHOWN);
  const papers = agenda.some((a) => a.issueId) ? await publishedPapers(ctx) : [];
  return {
    meetings: meetings.slice(0, MEETINGS_SHOWN),
    owed,
    openInForums: open.slice(0, DECISIONS_SHOWN),
    agenda: agenda.map(({ issueId, ...a }) => ({ ...a, papers: papers.filter((p) => issueId && p.issueId === issueId).map((p) => ({ id: p.id, title: p.title })) })),
  };
}

/**
 * The state of the organisation in numbers, for its board and donors: the
 * last twelve months on its calendar, counted by the modules' own figures
 * (the ones the results module counts with), never recounted here.
 */
export async function boardHome(ctx: TenantCtx): Promise<BoardHome> {
  const today = await orgToday(ctx);
  const months = lastMonths(today, MONTHS);
  const from = `${months[0]}-01`;
  const active = await activeMembersAt(ctx, today);
  const joined = countByMonth(await newMembersBetween(ctx, from, today), months);
  const answers = countByMonth(await firmsConsultedBetween(ctx, from, today), months);
  const meetings = countByMonth(await meetingsHeldBetween(ctx, from, today), months);
  const done = countByMonth(await decisionsDoneBetween(ctx, from, today), months);
  const won = await reformsBetween(ctx, from, today);
  const reforms = countByMonth(won, months);
  const byStep = await openIssuesByStep(ctx);
  const decisions = await openDecisionCounts(ctx, today);
  return {
    from,
    to: today,
    activeMembers: active.length,
    months: months.map((month, i) => ({ month, newMembers: joined[i]!, answers: answers[i]!, meetings: meetings[i]!, decisionsDone: done[i]!, reforms: reforms[i]! })),
    issuesByStep: PPD_STEPS.map((step) => ({ step, count: byStep.get(step) ?? 0 })),
    yearlySaving: won.reduce((sum, r) => sum + r.yearlySaving, 0),
    openDecisions: decisions.open,
    overdueDecisions: decisions.overdue,
  };
}
