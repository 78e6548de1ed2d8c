import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { getMember } from './member-service.js';
import { membershipFees } from './tables.js';
import { presentInvoice } from './present.js';
import { invoices, members, payments } from './tables.js';

const PAYMENT_DAYS = 30;

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The yearly fee for a firm's tier and size class, or null when none is set. */
export async function feeFor(ctx: TenantCtx, tierId: string | null, sizeClass: string | null) {
  if (!tierId || !sizeClass) return null;
  const [row] = await ctx.tx
    .select({ fee: membershipFees.annualFee })
    .from(membershipFees)
    .where(and(eq(membershipFees.orgId, ctx.orgId), eq(membershipFees.tierId, tierId), eq(membershipFees.sizeClass, sizeClass)));
  return row?.fee ?? null;
}

async function nextInvoiceNumber(ctx: TenantCtx, year: string) {
  // Numbers run per organisation and year; the advisory lock serialises writers.
  await ctx.tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`invoice:${ctx.orgId}:${year}`}))`);
  const [row] = await ctx.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(invoices)
    .where(and(eq(invoices.orgId, ctx.orgId), sql`${invoices.number} like ${`${year}-%`}`));
  return `${year}-${String(row!.n + 1).padStart(5, '0')}`;
}

/** The invoice of a new membership year, at the fee of the firm's tier and size; none when no fee is set. */
export async function issueRenewalInvoice(ctx: TenantCtx, member: typeof members.$inferSelect, issuedOn: string) {
  const amount = await feeFor(ctx, member.tierId, member.sizeClass);
  if (amount === null) return null;
  const org = await getCurrentOrg(ctx);
  const periodEnd = member.renewalDueOn!;
  const [invoice] = await ctx.tx
    .insert(invoices)
    .values({
      orgId: ctx.orgId,
      memberId: member.id,
      number: await nextInvoiceNumber(ctx, issuedOn.slice(0, 4)),
      periodStart: issuedOn,
      periodEnd,
      amount,
      currency: org.currency,
      issuedOn,
      dueOn: addDays(issuedOn, PAYMENT_DAYS),
    })
    .returning();
  await recordAudit(ctx, { action: 'invoice.issue', entityType: 'invoice', entityId: invoice!.id, after: { number: invoice!.number, amount, memberId: member.id } });
  return invoice!;
}

/**
 * An invoice to a member firm for something other than its membership (an
 * event's ticket, for the events module): the amount in minor units of the
 * organisation's currency, for the period given (an event's day), due in 30 days.
 */
export async function issueInvoice(ctx: TenantCtx, input: { memberId: string; amount: number; issuedOn: string; periodStart: string; periodEnd: string; reason: string }) {
  await getMember(ctx, input.memberId);
  const org = await getCurrentOrg(ctx);
  const [invoice] = await ctx.tx
    .insert(invoices)
    .values({
      orgId: ctx.orgId,
      memberId: input.memberId,
      number: await nextInvoiceNumber(ctx, input.issuedOn.slice(0, 4)),
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      amount: input.amount,
      currency: org.currency,
      issuedOn: input.issuedOn,
      dueOn: addDays(input.issuedOn, PAYMENT_DAYS),
    })
    .returning();
  await recordAudit(ctx, { action: 'invoice.issue', entityType: 'invoice', entityId: invoice!.id, after: { number: invoice!.number, amount: input.amount, memberId: input.memberId, reason: input.reason } });
  return invoice!;
}

/** An open invoice nothing was paid on is voided (a registration cancelled); one paid on stays as it is. Says which. */
export async function voidInvoiceIfUnpaid(ctx: TenantCtx, invoiceId: string): Promise<boolean> {
  const [invoice] = await ctx.tx.select().from(invoices).where(and(eq(invoices.id, invoiceId), eq(invoices.orgId, ctx.orgId))).for('update');
  if (!invoice || invoice.status !== 'open' || (await paidOf(ctx, invoiceId)) > 0) return false;
  await voidInvoice(ctx, invoiceId);
  return true;
}

async function paidOf(ctx: TenantCtx, invoiceId: string) {
  const [row] = await ctx.tx.select({ paid: sql<number>`coalesce(sum(${payments.amount}), 0)::bigint` }).from(payments).where(and(eq(payments.orgId, ctx.orgId), eq(payments.invoiceId, invoiceId)));
  return Number(row!.paid);
}

/**
 * What has been paid on each invoice of the outer query. The table is named,
 * not `${invoices.id}`: drizzle writes a column of a one-table select as a
 * bare "id", which inside this subquery is the payment's own id (every
 * invoice then read as unpaid).
 */
const paidOfEach = sql<string>`(select coalesce(sum(p.amount), 0) from ${payments} p where p.invoice_id = ${invoices}.id)`;

export async function listInvoices(ctx: TenantCtx, memberId: string) {
  await getMember(ctx, memberId);
  const rows = await ctx.tx
    .select({ invoice: invoices, paid: paidOfEach })
    .from(invoices)
    .where(and(eq(invoices.orgId, ctx.orgId), eq(invoices.memberId, memberId)))
    .orderBy(desc(invoices.issuedOn), desc(invoices.number));
  return rows.map((r) => presentInvoice(r.invoice, Number(r.paid)));
}

/** Records a payment; a fully paid invoice is closed. Overpaying is refused. */
export async function recordPayment(ctx: TenantCtx, invoiceId: string, input: { amount: number; paidOn: string; method: string; reference: string }) {
  const [invoice] = await ctx.tx.select().from(invoices).where(and(eq(invoices.id, invoiceId), eq(invoices.orgId, ctx.orgId))).for('update');
  if (!invoice) throw new AppError('members.invoice_not_found');
  if (invoice.status !== 'open') throw new AppError('members.invoice_not_open');
  const paid = await paidOf(ctx, invoiceId);
  if (paid + input.amount > invoice.amount) {
    throw new AppError('validation_failed', {}, [{ path: 'amount', code: 'members.payment_exceeds', params: { open: invoice.amount - paid } }]);
  }
  await ctx.tx.insert(payments).values({ orgId: ctx.orgId, invoiceId, ...input, recordedBy: ctx.actor.name });
  if (paid + input.amount === invoice.amount) {
    await ctx.tx.update(invoices).set({ status: 'paid' }).where(eq(invoices.id, invoiceId));
  }
  await recordAudit(ctx, { action: 'payment.record', entityType: 'invoice', entityId: invoiceId, after: { amount: input.amount, method: input.method, paidOn: input.paidOn } });
  return presentInvoice({ ...invoice, status: paid + input.amount === invoice.amount ? 'paid' : 'open' }, paid + input.amount);
}

export async function voidInvoice(ctx: TenantCtx, invoiceId: string) {
  const [invoice] = await ctx.tx.select().from(invoices).where(and(eq(invoices.id, invoiceId), eq(invoices.orgId, ctx.orgId)));
  if (!invoice) throw new AppError('members.invoice_not_found');
  if (invoice.status !== 'open' || (await paidOf(ctx, invoiceId)) > 0) throw new AppError('members.invoice_not_open');
  await ctx.tx.update(invoices).set({ status: 'void' }).where(eq(invoices.id, invoiceId));
  await recordAudit(ctx, { action: 'invoice.void', entityType: 'invoice', entityId: invoiceId, before: { status: 'open' }, after: { status: 'void' } });
}

/** Unpaid amounts of open invoices past their due date, per member. */
export async function arrears(ctx: TenantCtx, today: string) {
  return ctx.tx
    .select({
      memberId: invoices.memberId,
      legalName: members.legalName,
      amount: sql<string>`sum(${invoices.amount} - ${paidOfEach})`,
      oldestDue: sql<string>`min(${invoices.dueOn})::text`,
    })
    .from(invoices)
    .innerJoin(members, eq(members.id, invoices.memberId))
    .where(and(eq(invoices.orgId, ctx.orgId), eq(invoices.status, 'open'), lt(invoices.dueOn, today)))
    .groupBy(invoices.memberId, members.legalName)
    .orderBy(asc(sql`min(${invoices.dueOn})`));
}
