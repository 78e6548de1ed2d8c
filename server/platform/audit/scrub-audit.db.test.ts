import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg } from '../../test/factories.js';
import { withTenant } from '../db/tenancy.js';
import { auditLog } from './tables.js';

const t = useTestApp();

/** Calls the function as the app does: as roundtable_app, inside one organisation. */
async function scrub(orgId: string, entityType: string, entityId: string): Promise<string> {
  try {
    await withTenant(t.database.db, { orgId, role: 'admin', actor: { userId: null, name: 'Test' }, locale: 'en' }, (ctx) =>
      ctx.tx.execute(sql`SELECT scrub_audit_entity(${entityType}, ${entityId})`));
    return 'scrubbed';
  } catch (error) {
    // The database's own message, beneath the query builder's wrapping.
    return String(((error as Error).cause as Error | undefined)?.message ?? error);
  }
}

const trail = (orgId: string, entityId: string) =>
  t.database.db.select({ after: auditLog.after }).from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.entityId, entityId)));

describe('scrub_audit_entity', () => {
  it('blanks only the audit trail of a contact who was erased', async () => {
    const org = await createOrg(t.app);
    const firm = await createMemberFirm(org.admin, { legalName: 'Kept On Record Ltd' });
    expect((await org.admin.post(`/api/v1/members/${firm.id}/contacts`, { name: 'Abena Owusu', email: 'abena@kept.example' })).statusCode).toBeLessThan(300);
    const contact = (await org.admin.get(`/api/v1/members/${firm.id}/contacts`)).json().items[0];

    // Any other record's history, or a contact not erased, cannot be blanked.
    expect(await scrub(org.orgId, 'member', firm.id)).toMatch(/erased contact/);
    expect(await scrub(org.orgId, 'member_contact', contact.id)).toMatch(/erased contact/);
    expect(JSON.stringify(await trail(org.orgId, firm.id))).toContain('Kept On Record Ltd');
    expect(JSON.stringify(await trail(org.orgId, contact.id))).toContain('Abena Owusu');

    // Erasure does it, for that contact.
    expect((await org.admin.post(`/api/v1/contacts/${contact.id}/erase`)).statusCode).toBe(200);
    expect(JSON.stringify(await trail(org.orgId, contact.id))).not.toContain('Abena Owusu');
    expect(JSON.stringify(await trail(org.orgId, firm.id))).toContain('Kept On Record Ltd');
  });

  it('does not reach an erased contact of another organisation', async () => {
    const a = await createOrg(t.app);
    const b = await createOrg(t.app);
    const firm = await createMemberFirm(b.admin);
    await b.admin.post(`/api/v1/members/${firm.id}/contacts`, { name: 'Yaw Boateng' });
    const contact = (await b.admin.get(`/api/v1/members/${firm.id}/contacts`)).json().items[0];
    await b.admin.post(`/api/v1/contacts/${contact.id}/erase`);
    expect(await scrub(a.orgId, 'member_contact', contact.id)).toMatch(/erased contact/);
  });
});
