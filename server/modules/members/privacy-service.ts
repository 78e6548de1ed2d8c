import { and, eq, or, sql } from 'drizzle-orm';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { recordAudit } from '../../platform/audit/record.js';
import { auditLog } from '../../platform/audit/tables.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { listInvoices } from './billing-service.js';
import { listContacts, listInteractions } from './contact-service.js';
import { getMember } from './member-service.js';
import { statusHistory } from './membership-service.js';
import { memberContacts, memberPortalAccess, payments, invoices } from './tables.js';
import { clock } from '../../platform/clock.js';

/**
 * What modules on the floors above (surveys, intake) hold about a firm. They
 * cannot be imported from here, so server/app.ts hands these over.
 */
export interface FirmDataElsewhere {
  consultationResponses(ctx: TenantCtx, memberId: string): Promise<object[]>;
  memberIssues(ctx: TenantCtx, memberId: string): Promise<object[]>;
}

/** Everything held about a firm, for a data subject request. */
export async function exportFirmData(ctx: TenantCtx, memberId: string, elsewhere: FirmDataElsewhere) {
  const firm = await getMember(ctx, memberId);
  const contacts = await listContacts(ctx, memberId);
  return {
    exportedAt: clock.now().toISOString(),
    firm,
    contacts,
    interactions: await listInteractions(ctx, memberId),
    statusHistory: await statusHistory(ctx, memberId),
    invoices: await listInvoices(ctx, memberId),
    payments: await ctx.tx.select({ payment: payments }).from(payments).innerJoin(invoices, eq(invoices.id, payments.invoiceId)).where(and(eq(payments.orgId, ctx.orgId), eq(invoices.memberId, memberId))),
    portalAccess: await ctx.tx.select().from(memberPortalAccess).where(and(eq(memberPortalAccess.orgId, ctx.orgId), eq(memberPortalAccess.memberId, memberId))),
    // What the firm told the organisation elsewhere: its answers to consultations and the issues it raised or shares.
    consultationResponses: await elsewhere.consultationResponses(ctx, memberId),
    memberIssues: await elsewhere.memberIssues(ctx, memberId),
    auditTrail: await ctx.tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, ctx.orgId), or(and(eq(auditLog.entityType, 'member'), eq(auditLog.entityId, memberId)), and(eq(auditLog.entityType, 'member_contact'), sql`${auditLog.entityId} in (select id::text from member_contacts where member_id = ${memberId})`)))),
  };
}

async function getContact(ctx: TenantCtx, contactId: string) {
  const [row] = await ctx.tx.select().from(memberContacts).where(and(eq(memberContacts.id, contactId), eq(memberContacts.orgId, ctx.orgId)));
  if (!row) throw new AppError('members.contact_not_found');
  return row;
}

/** Everything held about one person (a contact of a firm). */
export async function exportPersonData(ctx: TenantCtx, contactId: string) {
  const contact = await getContact(ctx, contactId);
  const firm = await getMember(ctx, contact.memberId);
  return {
    exportedAt: clock.now().toISOString(),
    person: contact,
    firm: { id: firm.id, legalName: firm.legalName },
    auditTrail: await ctx.tx.select().from(auditLog).where(and(eq(auditLog.orgId, ctx.orgId), eq(auditLog.entityType, 'member_contact'), eq(auditLog.entityId, contactId))),
  };
}

/**
 * Erases a person: name, e-mail and phone are removed, here and in the audit
 * log; what counts in aggregates (the firm, the person's sex) is kept, so
 * figures do not change after an erasure.
 */
export async function erasePerson(ctx: TenantCtx, contactId: string) {
  const contact = await getContact(ctx, contactId);
  if (contact.erasedAt) return nothingChanged();
  await ctx.tx
    .update(memberContacts)
    .set({ name: 'Erased person', role: '', email: null, phone: null, consentToContact: false, consentRecordedAt: null, erasedAt: sql`now()` })
    .where(eq(memberContacts.id, contactId));
  if (contact.email) {
    await ctx.tx.delete(memberPortalAccess).where(and(eq(memberPortalAccess.orgId, ctx.orgId), eq(memberPortalAccess.email, contact.email.toLowerCase())));
  }
  await ctx.tx.execute(sql`SELECT scrub_audit_entity('member_contact', ${contactId})`);
  await recordAudit(ctx, { action: 'contact.erase', entityType: 'member_contact', entityId: contactId, after: { erased: true } });
}
