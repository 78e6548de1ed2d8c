import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { getMember } from './member-service.js';
import { memberContacts, memberInteractions } from './tables.js';

type ContactInput = { name: string; role: string; email?: string | null; phone?: string | null; sex?: string | null; consentToContact: boolean };

export async function listContacts(ctx: TenantCtx, memberId: string) {
  await getMember(ctx, memberId);
  return ctx.tx.select().from(memberContacts).where(and(eq(memberContacts.orgId, ctx.orgId), eq(memberContacts.memberId, memberId))).orderBy(memberContacts.name);
}

export async function addContact(ctx: TenantCtx, memberId: string, input: ContactInput) {
  await getMember(ctx, memberId);
  const [row] = await ctx.tx
    .insert(memberContacts)
    .values({ ...input, orgId: ctx.orgId, memberId, consentRecordedAt: input.consentToContact ? sql`now()` : null })
    .returning();
  await recordAudit(ctx, { action: 'contact.create', entityType: 'member_contact', entityId: row!.id, after: { memberId, name: input.name, role: input.role, consentToContact: input.consentToContact } });
  return row!;
}

async function getContact(ctx: TenantCtx, memberId: string, id: string) {
  const [row] = await ctx.tx.select().from(memberContacts).where(and(eq(memberContacts.id, id), eq(memberContacts.orgId, ctx.orgId), eq(memberContacts.memberId, memberId), isNull(memberContacts.erasedAt)));
  if (!row) throw new AppError('members.contact_not_found');
  return row;
}

export async function updateContact(ctx: TenantCtx, memberId: string, id: string, input: ContactInput) {
  const before = await getContact(ctx, memberId, id);
  // Consent is dated when it is given; withdrawing it clears the date.
  const consentRecordedAt = input.consentToContact ? (before.consentToContact ? before.consentRecordedAt : sql`now()`) : null;
  const [after] = await ctx.tx.update(memberContacts).set({ ...input, consentRecordedAt }).where(eq(memberContacts.id, id)).returning();
  await recordAudit(ctx, {
    action: 'contact.update',
    entityType: 'member_contact',
    entityId: id,
    before: { name: before.name, role: before.role, email: before.email, phone: before.phone, consentToContact: before.consentToContact },
    after: { name: after!.name, role: after!.role, email: after!.email, phone: after!.phone, consentToContact: after!.consentToContact },
  });
  return after!;
}

export async function removeContact(ctx: TenantCtx, memberId: string, id: string) {
  const before = await getContact(ctx, memberId, id);
  await ctx.tx.delete(memberContacts).where(eq(memberContacts.id, id));
  await recordAudit(ctx, { action: 'contact.remove', entityType: 'member_contact', entityId: id, before: { memberId, name: before.name } });
}

export async function listInteractions(ctx: TenantCtx, memberId: string) {
  await getMember(ctx, memberId);
  return ctx.tx
    .select()
    .from(memberInteractions)
    .where(and(eq(memberInteractions.orgId, ctx.orgId), eq(memberInteractions.memberId, memberId)))
    .orderBy(desc(memberInteractions.occurredOn), desc(memberInteractions.createdAt));
}

export async function addInteraction(ctx: TenantCtx, memberId: string, input: { kind: string; occurredOn: string; summary: string; service?: string | null }) {
  await getMember(ctx, memberId);
  const [row] = await ctx.tx.insert(memberInteractions).values({ ...input, orgId: ctx.orgId, memberId, createdBy: ctx.actor.userId }).returning();
  await recordAudit(ctx, { action: 'interaction.create', entityType: 'member', entityId: memberId, after: { kind: input.kind, occurredOn: input.occurredOn, service: input.service ?? null } });
  return row!;
}
