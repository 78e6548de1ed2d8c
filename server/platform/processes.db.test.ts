import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../demo/seed-demo.js';
import { createServerDatabase, TEST_SERVER_URL, testDbKind } from '../test/database.js';
import { runCli, startServerProcess, type ServerProcess } from '../test/process.js';
import { pgliteTemplate, postgresTemplate } from '../test/template-database.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;

async function login(base: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: DEMO_PASSWORD }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  return { status: res.status, cookie, body: (await res.json()) as { csrfToken: string; org: { id: string } } };
}

/** Signs in with a request the server has received before SIGTERM and whose body is sent after it. */
function loginAcrossSigterm(server: ServerProcess): Promise<{ status: number; cookie: string }> {
  const body = JSON.stringify({ email: admin.email, password: DEMO_PASSWORD });
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
    });
    req.on('continue', () => {
      server.child.kill('SIGTERM');
      // The signal is handled by the server's next turn; the body arrives after it.
      setTimeout(() => req.end(body), 200);
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, cookie: String(res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '' }));
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

describe.runIf(testDbKind() === 'postgres')('two app processes on one PostgreSQL', () => {
  const procs: ServerProcess[] = [];
  let dropDb: (() => Promise<void>) | undefined;
  afterAll(async () => {
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await dropDb?.();
  });

  it('share sessions: sign in through one, work through the other, sign out through the first', async () => {
    const db = await createServerDatabase();
    dropDb = db.drop;
    const env = { DATABASE_URL: db.url, ROUNDTABLE_DEMO: 'on' };
    // Started together: the demo seed must still happen exactly once.
    procs.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
    const [one, two] = procs as [ServerProcess, ServerProcess];
    const session = await login(one.url);
    expect(session.status).toBe(200);
    const viaTwo = await fetch(`${two.url}/api/v1/org/branches`, { headers: { cookie: session.cookie } });
    expect(viaTwo.status).toBe(200);
    expect(((await viaTwo.json()) as { items: unknown[] }).items).toHaveLength(3);
    const out = await fetch(`${one.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.body.csrfToken } });
    expect(out.status).toBe(200);
    expect((await fetch(`${two.url}/api/v1/org`, { headers: { cookie: session.cookie } })).status).toBe(401);
    // Two servers migrating and seeding an empty database: more than a test's usual minute on a busy machine.
  }, 180_000);
});

describe.runIf(testDbKind() === 'pglite')('the embedded server process', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-proc-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates demo data on first start, finishes requests in flight on SIGTERM, and keeps the data', async () => {
    const first = await startServerProcess({ DATA_DIR: dir });
    // A login is in flight when the signal arrives: the server has taken it in
    // (its "100 Continue" says so, on a busy machine as on a quiet one), and its
    // body comes after the signal.
    const session = await loginAcrossSigterm(first);
    expect(session.status).toBe(200);
    expect(await first.exited, first.output()).toBe(0);

    const second = await startServerProcess({ DATA_DIR: dir });
    try {
      const res = await fetch(`${second.url}/api/v1/org`, { headers: { cookie: session.cookie } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { name: string }).name).toBe('Ghana National Chamber of Commerce and Industry');
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
    // A first start on an empty folder (initdb, every migration, the demo) and a second one.
  }, 180_000);
});

describe.runIf(testDbKind() === 'pglite')('a command while the embedded server runs on its data folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-lock-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is refused with the server pid, and the server keeps serving', async () => {
    // Migrated already: a first start on an empty folder is the test above's.
    fs.cpSync(await pgliteTemplate(), path.join(dir, 'pglite'), { recursive: true });
    const env = { DATA_DIR: dir, ROUNDTABLE_DEMO: 'off' };
    const admin = ['create-admin', '--email', 'first@example.test', '--name', 'First', '--org-name', 'Volta Traders', '--password', 'first password 123'];
    const late = ['create-admin', '--email', 'late@example.test', '--name', 'Late', '--org-name', 'Late Traders', '--password', 'late password 123'];
    const created = await runCli(admin, env);
    expect(created.code, created.out).toBe(0);
    const server = await startServerProcess(env);
    const signIn = (email: string, password: string) =>
      fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    try {
      const refused = await runCli(late, env);
      expect(refused.code).not.toBe(0);
      expect(refused.out).toContain(`the server is running on this data folder (pid ${server.child.pid})`);
      expect(refused.out).toContain('/sign-up');
      const migrate = await runCli(['migrate'], env);
      expect(migrate.code).not.toBe(0);
      expect(migrate.out).toContain('the server is running on this data folder');
      expect((await signIn('first@example.test', 'first password 123')).status).toBe(200);
      expect((await signIn('late@example.test', 'late password 123')).status).toBe(401);
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
    // Stopped, the folder is free again.
    expect(fs.existsSync(path.join(dir, 'pglite.lock'))).toBe(false);
    const afterwards = await runCli(late, env);
    expect(afterwards.code, afterwards.out).toBe(0);
  }, 360_000);
});

describe('the command line', () => {
  /** A database migrated already (as every command leaves it before its own work). */
  async function target(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> {
    if (testDbKind() === 'postgres') {
      const db = await createServerDatabase(await postgresTemplate(TEST_SERVER_URL));
      return { env: { DATABASE_URL: db.url }, cleanup: db.drop };
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-cli-'));
    fs.cpSync(await pgliteTemplate(), path.join(dir, 'pglite'), { recursive: true });
    return { env: { DATA_DIR: dir }, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }

  it('migrates, seeds, creates an admin, and a restored backup serves the same data', async () => {
    // Migrated already: migrating from nothing is the servers' first start above, on each database kind.
    const source = await target();
    const copy = await target();
    const file = path.join(os.tmpdir(), `rt-backup-${process.pid}-${Date.now()}.gz`);
    try {
      expect((await runCli(['migrate'], source.env)).code).toBe(0);
      // The demo through the command line on PostgreSQL; on the embedded database the first start
      // above makes it already, and seeding it again there (about a minute) would test nothing new.
      const demo = testDbKind() === 'postgres';
      if (demo) {
        const seeded = await runCli(['seed-demo'], source.env);
        expect(seeded.out).toContain(admin.email);
        expect((await runCli(['seed-demo'], source.env)).out).toContain('already holds organisations');
      }
      const created = await runCli(['create-admin', '--email', 'ops@example.test', '--name', 'Ops', '--org-name', 'Volta Traders Association', '--password', 'ops password 123'], source.env);
      expect(created.code, created.out).toBe(0);
      const bad = await runCli(['create-admin', '--email', 'not-an-email', '--name', 'X', '--org-name', 'Y'], source.env);
      expect(bad.code).not.toBe(0);

      const backup = await runCli(['backup', file], source.env);
      expect(backup.code, backup.out).toBe(0);
      const restored = await runCli(['restore', file], copy.env);
      expect(restored.code, restored.out).toBe(0);
      // A second restore is refused: the database is no longer empty.
      const twice = await runCli(['restore', file], copy.env);
      expect(twice.code).not.toBe(0);
      expect(twice.out).toContain('not empty');

      const server = await startServerProcess(copy.env);
      try {
        if (demo) {
          const session = await login(server.url);
          expect(session.status).toBe(200);
          const branches = await fetch(`${server.url}/api/v1/org/branches`, { headers: { cookie: session.cookie } });
          expect(((await branches.json()) as { items: Array<{ name: string }> }).items.map((b) => b.name)).toEqual([
            'Ashanti Regional Chamber',
            'Greater Accra Regional Chamber',
            'Northern Regional Chamber',
          ]);
          const audit = (await (await fetch(`${server.url}/api/v1/audit?limit=200`, { headers: { cookie: session.cookie } })).json()) as { items: unknown[] };
          expect(audit.items.length).toBeGreaterThan(5);
        }
        const ops = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ops@example.test', password: 'ops password 123' }) });
        expect(ops.status).toBe(200);
        const cookie = ops.headers.get('set-cookie')?.split(';')[0] ?? '';
        const org = await fetch(`${server.url}/api/v1/org`, { headers: { cookie } });
        expect(((await org.json()) as { name: string }).name).toBe('Volta Traders Association');
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    } finally {
      fs.rmSync(file, { force: true });
      await source.cleanup();
      await copy.cleanup();
    }
  }, 240_000);
});
