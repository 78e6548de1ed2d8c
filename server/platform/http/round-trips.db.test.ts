import { eq } from 'drizzle-orm';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { userRoles } from '../tenants/tables.js';
import { useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg } from '../../test/factories.js';
import { forgetSessionsOf } from '../auth/sessions.js';
import { sessions } from '../auth/tables.js';
import { withSystem } from '../db/tenancy.js';

const t = useTestApp();

/** The text of every statement the app's pool sends while `during` runs (each is one round trip). */
async function statementsOf(during: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  let counting = true;
  const wrapped = new WeakSet<pg.PoolClient>();
  const wrap = (client: pg.PoolClient) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const first = args[0] as string | { text: string };
      if (counting) seen.push(typeof first === 'string' ? first : first.text);
      return query(...args);
    };
  };
  t.database.pool.on('acquire', wrap);
  try {
    await during();
  } finally {
    counting = false;
    t.database.pool.off('acquire', wrap);
  }
  return seen;
}

/** Statements before the route's own queries: up to and including the one that opens the tenant transaction. */
function beforeOwnQueries(statements: string[]) {
  const opened = statements.findIndex((s) => /SET LOCAL ROLE/i.test(s));
  expect(opened, statements.join('\n')).toBeGreaterThanOrEqual(0);
  return opened + 1;
}

describe('round trips of an authenticated request', () => {
  it('costs one round trip before its own queries with the session cached, two without, and one to commit', async () => {
    const { admin, adminId } = await createOrg(t.app);
    await createMemberFirm(admin);

    forgetSessionsOf(t.database.db, adminId);
    const cold = await statementsOf(async () => expect((await admin.get('/api/v1/members?limit=50')).statusCode).toBe(200));
    expect(beforeOwnQueries(cold), cold.join('\n')).toBeLessThanOrEqual(2);
    expect(cold.at(-1)).toBe('COMMIT');

    const warm = await statementsOf(async () => expect((await admin.get('/api/v1/members?limit=50')).statusCode).toBe(200));
    expect(beforeOwnQueries(warm), warm.join('\n')).toBe(1);
    expect(warm.at(-1)).toBe('COMMIT');
    // The same route's own queries either way: only the session lookup differs.
    expect(cold.length - warm.length).toBe(1);
  });
});

describe('the member list', () => {
  it('reads a page of firms and, on the first page, their number in one statement', async () => {
    const { admin } = await createOrg(t.app);
    const names = ['Alpha Mills', 'Beta Looms', 'Gamma Dyes'];
    for (const legalName of names) await createMemberFirm(admin, { legalName });
    expect((await admin.get('/api/v1/members')).statusCode).toBe(200); // the session cached

    let first!: { items: Array<{ legalName: string }>; nextCursor: string; total: number };
    const firstStatements = await statementsOf(async () => (first = (await admin.get('/api/v1/members?limit=2')).json()));
    // The opening, the page with its total, COMMIT.
    expect(firstStatements, firstStatements.join('\n')).toHaveLength(3);
    expect(first.items.map((f) => f.legalName)).toEqual(names.slice(0, 2));
    expect(first.total).toBe(names.length);

    let next!: { items: Array<{ legalName: string }>; nextCursor: string | null; total: number | null };
    const nextStatements = await statementsOf(async () => (next = (await admin.get(`/api/v1/members?limit=2&cursor=${first.nextCursor}`)).json()));
    expect(nextStatements, nextStatements.join('\n')).toHaveLength(3);
    expect(next).toMatchObject({ items: [{ legalName: names[2] }], nextCursor: null, total: null });
  });

  it('answers a total of none for an organisation without firms', async () => {
    const { admin } = await createOrg(t.app);
    expect((await admin.get('/api/v1/members')).json()).toEqual({ items: [], nextCursor: null, total: 0 });
  });
});

describe('a session ended or changed', () => {
  it('stops working at once in the process that signed out', async () => {
    const { admin } = await createOrg(t.app);
    const cookie = admin.cookie;
    expect((await admin.get('/api/v1/org')).statusCode).toBe(200);
    expect((await admin.post('/api/v1/auth/logout')).statusCode).toBe(200);
    const headers = { cookie };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/org', headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers })).statusCode).toBe(401);
  });

  it('signed out through another process: stops at once for tenant data and for the session itself', async () => {
    const { admin, adminId } = await createOrg(t.app);
    expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(200);
    // What another process's sign-out does here: the row goes, this process's cache does not hear of it.
    await withSystem(t.database.db, (tx) => tx.delete(sessions).where(eq(sessions.userId, adminId)));
    // The session's own answer names the organisation, read in a tenant transaction that checks the row.
    expect((await admin.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await admin.get('/api/v1/org')).statusCode).toBe(401);
  });

  it('a role lowered through another process applies to the next request', async () => {
    const { admin, adminId, orgId } = await createOrg(t.app);
    expect((await admin.get('/api/v1/org/api-tokens')).statusCode).toBe(200);
    await withSystem(t.database.db, (tx) => tx.update(userRoles).set({ role: 'viewer' }).where(eq(userRoles.userId, adminId)));
    expect((await admin.get('/api/v1/org/api-tokens')).statusCode).toBe(403);
    // Still signed in, as what they now are.
    const org = await admin.get('/api/v1/org');
    expect(org.statusCode).toBe(200);
    expect(org.json().id).toBe(orgId);
  });
});
