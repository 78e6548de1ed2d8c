import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  budgetTotals, callTakesApplications, submissionProblems, type Application, type ApplicationInput, type ApplicationQuery, type APPLICATION_SORTS,
} from '../../../contracts/led-calls.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { firmNames } from '../members/audience-service.js';
import { orgToday } from '../orgs/org-service.js';
import { bottlenecksOfCall, getCallRow, invalid, regionsOfCalls } from './call-service.js';
import { ledApplications, type ledCalls } from './call-tables.js';
import { ledRegions } from './tables.js';

/**
 * The applications to a call for LED measures (issue 17.5): entered by staff
 * or by the partner on their link, saved as drafts, submitted while the call
 * takes applications, withdrawn. Audited on the application.
 */

type CallRow = typeof ledCalls.$inferSelect;
type ApplicationRow = typeof ledApplications.$inferSelect;

async function presentApplications(ctx: TenantCtx, rows: ApplicationRow[]): Promise<Application[]> {
  const regionIds = [...new Set(rows.map((r) => r.regionId))];
  const names = regionIds.length
    ? new Map((await ctx.tx.select({ id: ledRegions.id, name: ledRegions.name }).from(ledRegions).where(and(eq(ledRegions.orgId, ctx.orgId), inArray(ledRegions.id, regionIds)))).map((r) => [r.id, r.name]))
    : new Map<string, string>();
  return rows.map((r) => ({
    id: r.id, callId: r.callId, regionId: r.regionId, regionName: names.get(r.regionId) ?? '', title: r.title,
    leadName: r.leadName, leadSector: r.leadSector as Application['leadSector'], leadEmail: r.leadEmail, leadMemberId: r.leadMemberId,
    partners: r.partners, memberIds: r.memberIds, bottleneckIds: r.bottleneckIds, activities: r.activities, budgetLines: r.budgetLines,
    requestedTotal: r.requestedTotal, cofundingTotal: r.cofundingTotal, expectedResults: r.expectedResults,
    status: r.status as Application['status'], submittedAt: r.submittedAt?.toISOString() ?? null, enteredBy: r.enteredBy as Application['enteredBy'],
    updatedAt: r.updatedAt.toISOString(),
  }));
}

const APPLICATION_LIST: SortedList<(typeof APPLICATION_SORTS)[number]> = {
  id: ledApplications.id,
  columns: {
    lead: { by: ledApplications.leadName, type: 'text' },
    requested: { by: ledApplications.requestedTotal, type: 'bigint' },
    updated: { by: ledApplications.updatedAt, type: 'timestamptz' },
  },
};

/** A call's applications, by lead partner unless sorted otherwise: a part of the title or lead partner, a status. */
export async function listApplications(ctx: TenantCtx, callId: string, query: ApplicationQuery) {
  await getCallRow(ctx, callId);
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const page = await sortedPage(APPLICATION_LIST, query, (k) => ctx.tx.select({ row: ledApplications, k }).from(ledApplications).$dynamic(), [
    eq(ledApplications.orgId, ctx.orgId),
    eq(ledApplications.callId, callId),
    pattern ? sql`(${ledApplications.title} ILIKE ${pattern} OR ${ledApplications.leadName} ILIKE ${pattern})` : undefined,
    query.status ? eq(ledApplications.status, query.status) : undefined,
  ], (r) => r.row.id);
  return { items: await presentApplications(ctx, page.items.map((r) => r.row)), nextCursor: page.nextCursor };
}

export async function getApplicationRow(ctx: TenantCtx, callId: string, id: string, lock = false): Promise<ApplicationRow> {
  const query = ctx.tx.select().from(ledApplications).where(and(eq(ledApplications.orgId, ctx.orgId), eq(ledApplications.callId, callId), eq(ledApplications.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('led.application_not_found');
  return row;
}

export async function getApplication(ctx: TenantCtx, callId: string, id: string): Promise<Application> {
  const [application] = await presentApplications(ctx, [await getApplicationRow(ctx, callId, id)]);
  return application!;
}

/** The call takes applications today: open, and its deadline (the organisation's calendar) not passed. */
export async function checkTakesApplications(ctx: TenantCtx, call: CallRow) {
  if (callTakesApplications(call, await orgToday(ctx))) return;
  if (call.status === 'open' || call.status === 'closed') {
    if (call.deadlineOn < (await orgToday(ctx))) throw new AppError('led.call_deadline_passed', { date: call.deadlineOn });
  }
  throw new AppError('led.call_not_open');
}

function applicationColumns(input: ApplicationInput) {
  const totals = budgetTotals(input.budgetLines);
  const memberIds = [...new Set([input.leadMemberId, ...input.partners.map((p) => p.memberId)].filter((m): m is string => !!m))].sort();
  return {
    regionId: input.regionId, title: input.title, leadName: input.leadName, leadSector: input.leadSector, leadEmail: input.leadEmail, leadMemberId: input.leadMemberId,
    partners: input.partners, memberIds, bottleneckIds: [...new Set(input.bottleneckIds)], activities: input.activities, budgetLines: input.budgetLines,
    requestedTotal: totals.requested, cofundingTotal: totals.cofunding, expectedResults: input.expectedResults,
  };
}

/** What needs the database: the region is the call's, the bottlenecks its regions', the member firms the organisation's. */
async function checkApplication(ctx: TenantCtx, call: CallRow, input: ApplicationInput, submitting: boolean) {
  const errors: Array<{ path: string; code: string }> = [];
  const regions = (await regionsOfCalls(ctx, [call.id])).get(call.id)!;
  if (!regions.some((r) => r.id === input.regionId)) errors.push({ path: 'regionId', code: 'led.region_not_in_call' });
  const bottlenecks = new Set((await bottlenecksOfCall(ctx, call.id)).map((b) => b.id));
  input.bottleneckIds.forEach((b, i) => { if (!bottlenecks.has(b)) errors.push({ path: `bottleneckIds.${i}`, code: 'led.bottleneck_not_in_call' }); });
  const wantedFirms = [input.leadMemberId, ...input.partners.map((p) => p.memberId)].filter((m): m is string => !!m);
  const firms = await firmNames(ctx, wantedFirms);
  if (input.leadMemberId && !firms.has(input.leadMemberId)) errors.push({ path: 'leadMemberId', code: 'led.member_not_found' });
  input.partners.forEach((p, i) => { if (p.memberId && !firms.has(p.memberId)) errors.push({ path: `partners.${i}.memberId`, code: 'led.member_not_found' }); });
  if (submitting) errors.push(...submissionProblems(input, call.budget));
  if (errors.length) throw invalid(errors);
}

/**
 * Saves an application as typed, new (`id` null) or not, by staff or by the
 * partner on their link; submits it when asked. Only while the call takes
 * applications (open, deadline not passed); a withdrawn one is not written;
 * a submitted one stays submitted. Audited on the application.
 */
export async function saveApplication(ctx: TenantCtx, callId: string, id: string | null, input: ApplicationInput, by: 'staff' | 'partner'): Promise<string> {
  const call = await getCallRow(ctx, callId, 'share');
  await checkTakesApplications(ctx, call);
  const before = id ? await getApplicationRow(ctx, callId, id, true) : null;
  if (before?.status === 'withdrawn') throw new AppError('led.application_withdrawn');
  const submitting = input.submit || before?.status === 'submitted';
  await checkApplication(ctx, call, input, submitting);
  const values = applicationColumns(input);
  const status = submitting ? 'submitted' : 'draft';
  if (!before) {
    const [row] = await ctx.tx.insert(ledApplications).values({ orgId: ctx.orgId, callId, ...values, status, enteredBy: by, submittedAt: submitting ? sql`now()` : null })
      .returning({ id: ledApplications.id });
    await recordAudit(ctx, { action: submitting ? 'led_application.submit' : 'led_application.create', entityType: 'led_application', entityId: row!.id, after: { ...values, status, by } });
    return row!.id;
  }
  const changed = changedFields({ ...pickColumns(before), status: before.status }, { ...values, status });
  if (!Object.keys(changed.after).length) {
    nothingChanged();
    return before.id;
  }
  await ctx.tx.update(ledApplications).set({ ...values, status, submittedAt: before.submittedAt ?? (submitting ? sql`now()` : null), updatedAt: sql`now()` })
    .where(and(eq(ledApplications.orgId, ctx.orgId), eq(ledApplications.id, before.id)));
  const action = submitting && before.status !== 'submitted' ? 'led_application.submit' : 'led_application.update';
  await recordAudit(ctx, { action, entityType: 'led_application', entityId: before.id, before: changed.before, after: { ...changed.after, by } });
  return before.id;
}

const pickColumns = (row: ApplicationRow) => ({
  regionId: row.regionId, title: row.title, leadName: row.leadName, leadSector: row.leadSector, leadEmail: row.leadEmail, leadMemberId: row.leadMemberId,
  partners: row.partners, memberIds: row.memberIds, bottleneckIds: row.bottleneckIds, activities: row.activities, budgetLines: row.budgetLines,
  requestedTotal: row.requestedTotal, cofundingTotal: row.cofundingTotal, expectedResults: row.expectedResults,
});

/** Withdraws an application (its partner asked): kept, no longer rated. Staff may do it whatever the deadline. */
export async function withdrawApplication(ctx: TenantCtx, callId: string, id: string) {
  const before = await getApplicationRow(ctx, callId, id, true);
  if (before.status === 'withdrawn') return nothingChanged();
  await ctx.tx.update(ledApplications).set({ status: 'withdrawn', resumeTokenHash: null, resumeExpiresAt: null, updatedAt: sql`now()` })
    .where(and(eq(ledApplications.orgId, ctx.orgId), eq(ledApplications.id, id)));
  await recordAudit(ctx, { action: 'led_application.withdraw', entityType: 'led_application', entityId: id, before: { status: before.status }, after: { status: 'withdrawn' } });
}
