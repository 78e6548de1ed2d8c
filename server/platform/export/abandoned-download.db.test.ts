import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.js';
import { createManyMemberFirms, createOrg, PASSWORD } from '../../test/factories.js';
import type { Database } from '../db/database.js';
import { withSystem } from '../db/tenancy.js';
import { createTestDatabase, testDbKind } from '../../test/database.js';

let t: TestApp;
let base: string;
let cookie: string;
let email: string;

beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const org = await createOrg(t.app);
  email = org.adminEmail;
  cookie = org.admin.cookie;
  // Enough firms that the export is still reading when its reader leaves.
  await createManyMemberFirms(t.database, org.orgId, 20_000);
}, 120_000);
afterAll(async () => {
  await t?.app.close();
  await t?.database.close();
});

/** Starts a download, reads its first bytes, then drops the connection like a closed tab. */
function abandon(url: string, compressed: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    // A browser asks for a compressed answer: the export then flows through a compressor too.
    const req = http.get(url, { headers: { cookie, ...(compressed ? { 'accept-encoding': 'br, gzip' } : {}) } }, (res) => {
      res.once('data', (chunk: Buffer) => {
        req.destroy();
        resolve(chunk.length);
      });
      res.once('end', () => reject(new Error('the download finished before it could be abandoned')));
    });
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
  });
}

async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('a download whose reader leaves', () => {
  it('ends its work and its transaction: sign-in and lists answer at once afterwards', async () => {
    // More abandoned exports than the pool has connections (5 in tests; 1 embedded).
    for (let i = 0; i < 6; i++) {
      expect(await within(10_000, abandon(`${base}/api/v1/members/export.${i % 2 ? 'xlsx' : 'csv'}`, i < 4))).toBeGreaterThan(0);
    }
    const signIn = await within(
      5_000,
      fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) }),
    );
    expect(signIn.status).toBe(200);
    const list = await within(5_000, fetch(`${base}/api/v1/members?limit=5`, { headers: { cookie } }));
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(5);
    // Every connection is back in the pool, none left inside a transaction.
    await expect.poll(() => t.database.pool.idleCount === t.database.pool.totalCount, { timeout: 5_000 }).toBe(true);
    if (t.database.kind === 'postgres') {
      const stuck = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`);
      expect(stuck.rows[0]).toEqual({ n: 0 });
    }
  }, 60_000);

  it('still downloads whole when nobody leaves', async () => {
    const res = await within(30_000, fetch(`${base}/api/v1/members/export.csv`, { headers: { cookie } }));
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\n');
    expect(lines).toHaveLength(20_001);
  }, 60_000);
});

describe('/ready', () => {
  it('answers 503 within a few seconds when the database does not answer, and 200 again after', async () => {
    // Every connection of the pool held: a query waits, as when the database hangs.
    const held = await Promise.all(Array.from({ length: t.database.pool.options.max }, () => t.database.pool.connect()));
    try {
      const started = Date.now();
      const res = await within(5_000, fetch(`${base}/ready`));
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unavailable' });
      expect(Date.now() - started).toBeLessThan(4_000);
      // /health does not need the database.
      expect((await fetch(`${base}/health`)).status).toBe(200);
    } finally {
      for (const c of held) c.release();
    }
    expect((await within(5_000, fetch(`${base}/ready`))).status).toBe(200);
  }, 30_000);
});

describe('a transaction left idle', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase({ poolSize: 2, limits: { statementMs: 2_000, idleInTransactionMs: 1_000 } });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('is ended after the limit, so the connection serves others', async () => {
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    const abandoned = withSystem(database.db, async (tx) => {
      await tx.execute(sql`SELECT 1`);
      await paused;
      await tx.execute(sql`SELECT 2`);
    });
    abandoned.catch(() => undefined);
    // On the embedded database this waits for the only connection.
    const other = await within(8_000, database.db.execute<{ n: number }>(sql`SELECT 3 AS n`));
    expect(other.rows).toEqual([{ n: 3 }]);
    await new Promise((r) => setTimeout(r, 1_500));
    release();
    await expect(abandoned).rejects.toThrow();
  }, 30_000);

  it.runIf(testDbKind() === 'postgres')('has its statements bounded on PostgreSQL', async () => {
    // 57014: query_canceled, here by statement_timeout.
    await expect(database.db.execute(sql`SELECT pg_sleep(5)`)).rejects.toMatchObject({ cause: { code: '57014' } });
  }, 15_000);
});
