import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Enquiry, EnquiryQuery, InfoEntryType } from '../../../contracts/networking-info.js';
import { recordAudit } from '../../platform/audit/record.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { directoryFirms, firmNames } from '../members/audience-service.js';
import { createInfoEntry } from './info-entry-service.js';
import { networkingEnquiries, networkingInfoEntries } from './tables.js';

type EnquiryRow = typeof networkingEnquiries.$inferSelect;
const q = networkingEnquiries;

async function presentEnquiries(ctx: TenantCtx, rows: EnquiryRow[]): Promise<Enquiry[]> {
  const names = await firmNames(ctx, rows.map((r) => r.memberId));
  const entries = rows.length ? await ctx.tx.select({ id: networkingInfoEntries.id, enquiryId: networkingInfoEntries.enquiryId }).from(networkingInfoEntries)
    .where(and(eq(networkingInfoEntries.orgId, ctx.orgId), inArray(networkingInfoEntries.enquiryId, rows.map((r) => r.id)))) : [];
  const entryOf = new Map(entries.map((x) => [x.enquiryId!, x.id]));
  return rows.map((r) => ({
    id: r.id, memberId: r.memberId, firmName: names.get(r.memberId) ?? '', subject: r.subject, question: r.question, answer: r.answer,
    state: r.answeredAt ? 'answered' : 'open', askedAt: r.askedAt.toISOString(), answeredAt: r.answeredAt?.toISOString() ?? null,
    secondsToAnswer: r.answeredAt ? Math.max(0, Math.round((r.answeredAt.getTime() - r.askedAt.getTime()) / 1000)) : null,
    entryId: entryOf.get(r.id) ?? null,
  }));
}

/** An enquiry of the organisation; with `memberId` (the firm's own user), only that firm's. */
async function enquiryRow(ctx: TenantCtx, id: string, memberId?: string, lock = false): Promise<EnquiryRow> {
  const query = ctx.tx.select().from(q).where(and(eq(q.orgId, ctx.orgId), eq(q.id, id), memberId ? eq(q.memberId, memberId) : undefined));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('networking.enquiry_not_found');
  return row;
}

export async function getEnquiry(ctx: TenantCtx, id: string, memberId?: string): Promise<Enquiry> {
  return (await presentEnquiries(ctx, [await enquiryRow(ctx, id, memberId)]))[0]!;
}

/** A member firm asks the chamber a question. */
export async function askEnquiry(ctx: TenantCtx, memberId: string, input: { subject: string; question: string }, now: Date): Promise<string> {
  if (!(await directoryFirms(ctx, [memberId])).has(memberId)) throw new AppError('networking.firm_not_found');
  const [row] = await ctx.tx.insert(q).values({ orgId: ctx.orgId, memberId, subject: input.subject, question: input.question, askedAt: now }).returning({ id: q.id });
  await recordAudit(ctx, { action: 'networking_enquiry.ask', entityType: 'networking_enquiry', entityId: row!.id, after: { memberId, subject: input.subject } });
  return row!.id;
}

/** Staff answer an enquiry, once; the time to answer is kept (answered - asked). */
export async function answerEnquiry(ctx: TenantCtx, id: string, answer: string, now: Date) {
  const row = await enquiryRow(ctx, id, undefined, true);
  if (row.answeredAt) throw new AppError('networking.already_answered');
  await ctx.tx.update(q).set({ answer, answeredAt: now }).where(and(eq(q.orgId, ctx.orgId), eq(q.id, id)));
  const seconds = Math.max(0, Math.round((now.getTime() - row.askedAt.getTime()) / 1000));
  await recordAudit(ctx, { action: 'networking_enquiry.answer', entityType: 'networking_enquiry', entityId: id, after: { secondsToAnswer: seconds } });
}

/**
 * Makes a draft entry from an answered enquiry: its subject (or the title
 * staff give) and the question and answer as the body. The asking firm is
 * not named in the entry. One entry per enquiry.
 */
export async function entryFromEnquiry(ctx: TenantCtx, id: string, input: { type: InfoEntryType; title?: string | undefined; source: string; reviewOn: string }): Promise<string> {
  const row = await enquiryRow(ctx, id, undefined, true);
  if (!row.answeredAt || row.answer === null) throw new AppError('networking.not_answered');
  const [held] = await ctx.tx.select({ id: networkingInfoEntries.id }).from(networkingInfoEntries)
    .where(and(eq(networkingInfoEntries.orgId, ctx.orgId), eq(networkingInfoEntries.enquiryId, id)));
  if (held) throw new AppError('networking.entry_exists');
  const body = `${row.question.trim()}\n\n${row.answer.trim()}`.slice(0, 10000);
  return createInfoEntry(ctx, { type: input.type, title: input.title ?? row.subject, body, source: input.source, sourceUrl: '', reviewOn: input.reviewOn, sectors: [], hsCodes: [], countries: [] }, id);
}

const ENQUIRY_LIST: SortedList<'asked'> = { id: q.id, columns: { asked: { by: q.askedAt, type: 'timestamptz' } } };

/** Enquiries, newest first: all for staff (open first when asked by state), a firm's own with `memberId`. */
export async function listEnquiryPage(ctx: TenantCtx, query: EnquiryQuery, memberId?: string) {
  const page = await sortedPage(ENQUIRY_LIST, { ...query, sort: '-asked' }, (k) => ctx.tx.select({ row: q, k }).from(q).$dynamic(), [
    eq(q.orgId, ctx.orgId),
    memberId ? eq(q.memberId, memberId) : undefined,
    query.state === 'open' ? sql`${q.answeredAt} IS NULL` : query.state === 'answered' ? sql`${q.answeredAt} IS NOT NULL` : undefined,
  ], (r) => r.row.id);
  return { items: await presentEnquiries(ctx, page.items.map((r) => r.row)), nextCursor: page.nextCursor };
}
