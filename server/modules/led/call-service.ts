import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import {
  DEFAULT_CRITERIA, DEFAULT_CRITERION_WEIGHT, type Call, type CallDetail, type CallInput, type CallQuery, type CALL_SORTS, type CriteriaInput,
} from '../../../contracts/led-calls.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { getCurrentOrg, orgToday } from '../orgs/org-service.js';
import { ledApplications, ledCallCriteria, ledCallRegions, ledCalls } from './call-tables.js';
import { ledBottlenecks, ledRegions } from './tables.js';

/**
 * Calls for LED measures (issue 17.5): a call, its regions and its criteria,
 * written by staff while a draft or open. Its applications are
 * `application-service.ts`, its public page and the partners' links
 * `call-link-service.ts`.
 */

type CallRow = typeof ledCalls.$inferSelect;

/** A refusal naming the fields at fault. */
export const invalid = (errors: Array<{ path: string; code: string }>) => new AppError('validation_failed', {}, errors);

/** A call of the organisation; locked for the rest of the transaction when asked (`share`: applications written under it; `update`: the call itself changes). */
export async function getCallRow(ctx: TenantCtx, id: string, lock?: 'share' | 'update'): Promise<CallRow> {
  const query = ctx.tx.select().from(ledCalls).where(and(eq(ledCalls.orgId, ctx.orgId), eq(ledCalls.id, id)));
  const [row] = lock ? await query.for(lock) : await query;
  if (!row) throw new AppError('led.call_not_found');
  return row;
}

/** The regions of these calls, by name. */
export async function regionsOfCalls(ctx: TenantCtx, callIds: string[]) {
  const byCall = new Map<string, Array<{ id: string; name: string }>>(callIds.map((id) => [id, []]));
  if (!callIds.length) return byCall;
  const rows = await ctx.tx.select({ callId: ledCallRegions.callId, id: ledRegions.id, name: ledRegions.name }).from(ledCallRegions)
    .innerJoin(ledRegions, and(eq(ledRegions.orgId, ledCallRegions.orgId), eq(ledRegions.id, ledCallRegions.regionId)))
    .where(and(eq(ledCallRegions.orgId, ctx.orgId), inArray(ledCallRegions.callId, callIds))).orderBy(asc(ledRegions.name), asc(ledRegions.id));
  for (const r of rows) byCall.get(r.callId)!.push({ id: r.id, name: r.name });
  return byCall;
}

async function applicationCounts(ctx: TenantCtx, callIds: string[]) {
  const counts = new Map(callIds.map((id) => [id, { applications: 0, submitted: 0 }]));
  if (!callIds.length) return counts;
  const rows = await ctx.tx.select({ callId: ledApplications.callId, n: sql<number>`count(*)::int`, submitted: sql<number>`count(*) FILTER (WHERE ${ledApplications.status} = 'submitted')::int` })
    .from(ledApplications).where(and(eq(ledApplications.orgId, ctx.orgId), inArray(ledApplications.callId, callIds), ne(ledApplications.status, 'withdrawn'))).groupBy(ledApplications.callId);
  for (const r of rows) counts.set(r.callId, { applications: Number(r.n), submitted: Number(r.submitted) });
  return counts;
}

async function presentCalls(ctx: TenantCtx, rows: CallRow[]): Promise<Call[]> {
  const ids = rows.map((r) => r.id);
  const [regions, counts] = [await regionsOfCalls(ctx, ids), await applicationCounts(ctx, ids)];
  return rows.map((r) => ({
    id: r.id, title: r.title, description: r.description, budget: r.budget, deadlineOn: r.deadlineOn, status: r.status as Call['status'],
    regions: regions.get(r.id) ?? [], ...counts.get(r.id)!, updatedAt: r.updatedAt.toISOString(),
  }));
}

const CALL_LIST: SortedList<(typeof CALL_SORTS)[number]> = {
  id: ledCalls.id,
  columns: {
    deadline: { by: ledCalls.deadlineOn, type: 'date' },
    title: { by: ledCalls.title, type: 'text' },
    updated: { by: ledCalls.updatedAt, type: 'timestamptz' },
  },
};

/** The organisation's calls, latest deadline first unless sorted otherwise: a part of the title, a status. */
export async function listCalls(ctx: TenantCtx, query: CallQuery): Promise<{ items: Call[]; nextCursor: string | null }> {
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const page = await sortedPage(CALL_LIST, query, (k) => ctx.tx.select({ row: ledCalls, k }).from(ledCalls).$dynamic(), [
    eq(ledCalls.orgId, ctx.orgId),
    pattern ? sql`${ledCalls.title} ILIKE ${pattern}` : undefined,
    query.status ? eq(ledCalls.status, query.status) : undefined,
  ], (r) => r.row.id);
  return { items: await presentCalls(ctx, page.items.map((r) => r.row)), nextCursor: page.nextCursor };
}

export async function criteriaOf(ctx: TenantCtx, callId: string) {
  return ctx.tx.select({ id: ledCallCriteria.id, key: ledCallCriteria.key, label: ledCallCriteria.label, weight: ledCallCriteria.weight, position: ledCallCriteria.position })
    .from(ledCallCriteria).where(and(eq(ledCallCriteria.orgId, ctx.orgId), eq(ledCallCriteria.callId, callId))).orderBy(asc(ledCallCriteria.position), asc(ledCallCriteria.id));
}

/** The bottlenecks of the call's regions: what an application may address. */
export async function bottlenecksOfCall(ctx: TenantCtx, callId: string) {
  return ctx.tx.select({ id: ledBottlenecks.id, regionId: ledBottlenecks.regionId, title: ledBottlenecks.title }).from(ledBottlenecks)
    .innerJoin(ledCallRegions, and(eq(ledCallRegions.orgId, ledBottlenecks.orgId), eq(ledCallRegions.regionId, ledBottlenecks.regionId)))
    .where(and(eq(ledBottlenecks.orgId, ctx.orgId), eq(ledCallRegions.callId, callId))).orderBy(asc(ledBottlenecks.title), asc(ledBottlenecks.id));
}

export async function getCall(ctx: TenantCtx, id: string): Promise<CallDetail> {
  const [call] = await presentCalls(ctx, [await getCallRow(ctx, id)]);
  return {
    ...call!,
    criteria: await criteriaOf(ctx, id),
    currency: (await getCurrentOrg(ctx)).currency,
    publicPath: `/led-calls/${ctx.orgId}/${id}`,
    bottlenecks: await bottlenecksOfCall(ctx, id),
  };
}

/** Every region named is one of the organisation's LED regions. */
async function checkRegions(ctx: TenantCtx, regionIds: string[]) {
  const unique = [...new Set(regionIds)];
  const found = await ctx.tx.select({ id: ledRegions.id }).from(ledRegions).where(and(eq(ledRegions.orgId, ctx.orgId), inArray(ledRegions.id, unique)));
  if (found.length !== unique.length) throw invalid([{ path: 'regionIds', code: 'led.region_not_found' }]);
  return unique;
}

const callColumns = (input: Pick<CallInput, 'title' | 'description' | 'budget' | 'deadlineOn'>) => ({ title: input.title, description: input.description, budget: input.budget, deadlineOn: input.deadlineOn });

/** A call starts as a draft with the default criteria, equally weighted. */
export async function createCall(ctx: TenantCtx, input: CallInput): Promise<string> {
  const regionIds = await checkRegions(ctx, input.regionIds);
  const values = callColumns(input);
  const [row] = await ctx.tx.insert(ledCalls).values({ orgId: ctx.orgId, ...values }).returning({ id: ledCalls.id });
  const id = row!.id;
  await ctx.tx.insert(ledCallRegions).values(regionIds.map((regionId) => ({ orgId: ctx.orgId, callId: id, regionId })));
  await ctx.tx.insert(ledCallCriteria).values(DEFAULT_CRITERIA.map((key, position) => ({ orgId: ctx.orgId, callId: id, key, weight: DEFAULT_CRITERION_WEIGHT, position })));
  await recordAudit(ctx, { action: 'led_call.create', entityType: 'led_call', entityId: id, after: { ...values, regionIds } });
  return id;
}

/** Only a draft or open call changes: once closed, its applications are rated against what it said. */
function editable(call: CallRow) {
  if (call.status !== 'draft' && call.status !== 'open') throw new AppError('led.call_not_editable');
}

export async function editCall(ctx: TenantCtx, id: string, input: CallInput) {
  const before = await getCallRow(ctx, id, 'update');
  editable(before);
  const regionIds = await checkRegions(ctx, input.regionIds);
  // An open call's deadline is not moved into the past: it would close under its applicants.
  if (before.status === 'open' && input.deadlineOn < (await orgToday(ctx))) throw invalid([{ path: 'deadlineOn', code: 'led.call_deadline_past' }]);
  const beforeRegions = (await ctx.tx.select({ regionId: ledCallRegions.regionId }).from(ledCallRegions).where(and(eq(ledCallRegions.orgId, ctx.orgId), eq(ledCallRegions.callId, id)))).map((r) => r.regionId).sort();
  const dropped = beforeRegions.filter((r) => !regionIds.includes(r));
  if (dropped.length) {
    const [used] = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(ledApplications).where(and(eq(ledApplications.orgId, ctx.orgId), eq(ledApplications.callId, id), inArray(ledApplications.regionId, dropped)));
    if (Number(used!.n) > 0) throw invalid([{ path: 'regionIds', code: 'led.call_region_has_applications' }]);
  }
  const values = callColumns(input);
  const changed = changedFields({ ...callColumns(before), regionIds: beforeRegions }, { ...values, regionIds: [...regionIds].sort() });
  if (!Object.keys(changed.after).length) return nothingChanged();
  await ctx.tx.update(ledCalls).set({ ...values, updatedAt: sql`now()` }).where(and(eq(ledCalls.orgId, ctx.orgId), eq(ledCalls.id, id)));
  if (dropped.length) await ctx.tx.delete(ledCallRegions).where(and(eq(ledCallRegions.orgId, ctx.orgId), eq(ledCallRegions.callId, id), inArray(ledCallRegions.regionId, dropped)));
  const added = regionIds.filter((r) => !beforeRegions.includes(r));
  if (added.length) await ctx.tx.insert(ledCallRegions).values(added.map((regionId) => ({ orgId: ctx.orgId, callId: id, regionId })));
  await recordAudit(ctx, { action: 'led_call.update', entityType: 'led_call', entityId: id, ...changed });
}

/**
 * Opens a call (from draft, or again once closed, while its deadline is ahead)
 * or closes it. `selected` belongs to the selection (17.6), not to this switch.
 */
export async function setCallStatus(ctx: TenantCtx, id: string, status: 'open' | 'closed') {
  const before = await getCallRow(ctx, id, 'update');
  if (before.status === status) return nothingChanged();
  if (status === 'open') {
    if (before.status !== 'draft' && before.status !== 'closed') throw new AppError('led.call_not_editable');
    if (before.deadlineOn < (await orgToday(ctx))) throw new AppError('led.call_deadline_passed', { date: before.deadlineOn });
  } else if (before.status !== 'open') throw new AppError('led.call_not_editable');
  await ctx.tx.update(ledCalls).set({ status, updatedAt: sql`now()` }).where(and(eq(ledCalls.orgId, ctx.orgId), eq(ledCalls.id, id)));
  await recordAudit(ctx, { action: status === 'open' ? 'led_call.open' : 'led_call.close', entityType: 'led_call', entityId: id, before: { status: before.status }, after: { status } });
}

/**
 * The call's criteria, whole and in order, while the call is a draft or open:
 * a criterion keeps its id (and its key) when its key is sent back; one sent
 * without a key is new (`custom_<n>`); one left out is removed. A default key's
 * empty label is its translated name; a new criterion needs a label.
 */
export async function setCriteria(ctx: TenantCtx, id: string, input: CriteriaInput) {
  const call = await getCallRow(ctx, id, 'update');
  editable(call);
  const before = await criteriaOf(ctx, id);
  const beforeKeys = new Map(before.map((c) => [c.key, c]));
  const errors: Array<{ path: string; code: string }> = [];
  const seen = new Set<string>();
  let next = before.reduce((n, c) => Math.max(n, Number(/^custom_(\d+)$/.exec(c.key)?.[1] ?? 0)), 0);
  const wanted = input.criteria.map((c, i) => {
    let key = c.key;
    if (key && !beforeKeys.has(key)) errors.push({ path: `criteria.${i}.key`, code: 'led.criterion_unknown' });
    if (key && seen.has(key)) errors.push({ path: `criteria.${i}.key`, code: 'led.criterion_twice' });
    if (!key) key = `custom_${++next}`;
    seen.add(key);
    if (!c.label && !(DEFAULT_CRITERIA as readonly string[]).includes(key)) errors.push({ path: `criteria.${i}.label`, code: 'led.criterion_needs_label' });
    return { key, label: c.label, weight: c.weight, position: i };
  });
  if (errors.length) throw invalid(errors);
  const snapshot = (list: Array<{ key: string; label: string; weight: number }>) => list.map((c) => ({ key: c.key, label: c.label, weight: c.weight }));
  const changed = changedFields({ criteria: snapshot(before) }, { criteria: snapshot(wanted) });
  if (!Object.keys(changed.after).length) return nothingChanged();
  const removed = before.filter((c) => !seen.has(c.key)).map((c) => c.id);
  if (removed.length) await ctx.tx.delete(ledCallCriteria).where(and(eq(ledCallCriteria.orgId, ctx.orgId), inArray(ledCallCriteria.id, removed)));
  for (const c of wanted) {
    const kept = beforeKeys.get(c.key);
    if (kept) await ctx.tx.update(ledCallCriteria).set({ label: c.label, weight: c.weight, position: c.position }).where(and(eq(ledCallCriteria.orgId, ctx.orgId), eq(ledCallCriteria.id, kept.id)));
    else await ctx.tx.insert(ledCallCriteria).values({ orgId: ctx.orgId, callId: id, ...c });
  }
  await ctx.tx.update(ledCalls).set({ updatedAt: sql`now()` }).where(and(eq(ledCalls.orgId, ctx.orgId), eq(ledCalls.id, id)));
  await recordAudit(ctx, { action: 'led_call.criteria', entityType: 'led_call', entityId: id, ...changed });
}
