import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiTokens, orgs, userRoles } from '../tenants/tables.js';
import { invitations } from '../../modules/orgs/tables.js';
import { useTestApp } from '../../test/app.js';
import { createOrg, orgInput } from '../../test/factories.js';
import { auditLog } from '../audit/tables.js';
import { users } from '../auth/tables.js';
import { mailOutbox } from '../mail/tables.js';
import { withTenant } from './tenancy.js';

const t = useTestApp();

// These queries deliberately carry no org_id filter: the database alone must
// keep organisation A's rows away from a transaction running for B.
describe('row-level security beneath the services', () => {
  it('shows a tenant only its own rows, even without a filter', async () => {
    const a = await createOrg(t.app);
    await a.admin.post('/api/v1/org/invitations', { email: 'someone@example.test', role: 'staff' });
    await a.admin.post('/api/v1/org/api-tokens', { name: 'A token', role: 'viewer' });
    const b = await createOrg(t.app);
    const scope = { orgId: b.orgId, role: 'admin' as const, actor: { userId: b.adminId, name: 'B' }, locale: 'en' };
    const seen = await withTenant(t.database.db, scope, async ({ tx }) => ({
      orgs: (await tx.select({ id: orgs.id }).from(orgs)).map((r) => r.id),
      roles: (await tx.select({ orgId: userRoles.orgId }).from(userRoles)).map((r) => r.orgId),
      users: (await tx.select({ id: users.id }).from(users)).map((r) => r.id),
      invitations: await tx.select().from(invitations),
      tokens: await tx.select().from(apiTokens),
      audit: [...new Set((await tx.select({ orgId: auditLog.orgId }).from(auditLog)).map((r) => r.orgId))],
      mail: await tx.select().from(mailOutbox),
    }));
    expect(seen).toEqual({ orgs: [b.orgId], roles: [b.orgId], users: [b.adminId], invitations: [], tokens: [], audit: [b.orgId], mail: [] });
  });

  it('refuses writes into another tenant', async () => {
    const a = await createOrg(t.app);
    const b = await createOrg(t.app);
    const scope = { orgId: b.orgId, role: 'admin' as const, actor: { userId: b.adminId, name: 'B' }, locale: 'en' };
    await expect(
      withTenant(t.database.db, scope, ({ tx }) => tx.insert(auditLog).values({ orgId: a.orgId, actorName: 'B', action: 'x', entityType: 'x', entityId: 'x' })),
    ).rejects.toThrow();
    await expect(withTenant(t.database.db, scope, ({ tx }) => tx.insert(orgs).values({ ...orgInput(), parentId: a.orgId }))).rejects.toThrow();
    const updated = await withTenant(t.database.db, scope, ({ tx }) => tx.update(orgs).set({ name: 'Hijacked' }).where(sql`true`).returning());
    expect(updated.map((o) => o.id)).toEqual([b.orgId]);
    const deleted = await withTenant(t.database.db, scope, ({ tx }) => tx.delete(userRoles).where(sql`org_id = ${a.orgId}`).returning());
    expect(deleted).toEqual([]);
  });

  it('never lets the app role touch sessions, reset tokens or rewrite the audit log', async () => {
    const b = await createOrg(t.app);
    const scope = { orgId: b.orgId, role: 'admin' as const, actor: { userId: b.adminId, name: 'B' }, locale: 'en' };
    await expect(withTenant(t.database.db, scope, ({ tx }) => tx.execute(sql`select * from sessions`))).rejects.toMatchObject({ cause: { code: '42501' } });
    await expect(withTenant(t.database.db, scope, ({ tx }) => tx.execute(sql`select * from password_resets`))).rejects.toMatchObject({ cause: { code: '42501' } });
    await expect(withTenant(t.database.db, scope, ({ tx }) => tx.execute(sql`update audit_log set action = 'forged'`))).rejects.toMatchObject({ cause: { code: '42501' } });
    await expect(withTenant(t.database.db, scope, ({ tx }) => tx.execute(sql`delete from audit_log`))).rejects.toMatchObject({ cause: { code: '42501' } });
  });
});
