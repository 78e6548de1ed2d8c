import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/platform/config.js';
import { openDatabase, type Database } from '../server/platform/db/database.js';
import { runMigrations } from '../server/platform/db/migrate.js';
import { createServerDatabase } from '../server/test/database.js';
import { startServerProcess, type ServerProcess } from '../server/test/process.js';

export interface Product extends ServerProcess {
  kind: 'pglite' | 'postgres';
  /** The PostgreSQL database the product runs on (none for the embedded one). */
  databaseUrl?: string;
  stop(): Promise<void>;
}

/** The product as a separate process, so the load generator does not share its event loop. */
export async function startProduct(kind: 'pglite' | 'postgres', dataDir?: string): Promise<Product> {
  if (kind === 'pglite') {
    const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rt-bench-'));
    const p = await startServerProcess({ DATA_DIR: dir, LOG_LEVEL: 'warn' });
    return { ...p, kind, stop: async () => { p.child.kill('SIGTERM'); await p.exited; if (!dataDir) fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const db = await createServerDatabase();
  const p = await startServerProcess({ DATABASE_URL: db.url, ROUNDTABLE_DEMO: 'on', LOG_LEVEL: 'warn' });
  return { ...p, kind, databaseUrl: db.url, stop: async () => { p.child.kill('SIGTERM'); await p.exited; await db.drop(); } };
}

export async function signInAsAdmin(base: string): Promise<string> {
  const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

export async function load(url: string, options: { connections?: number; duration?: number; headers?: Record<string, string> } = {}) {
  const result = await autocannon({ url, connections: options.connections ?? 10, duration: options.duration ?? 10, headers: options.headers });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

export function machine() {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** A fresh migrated database of either kind, with its app in-process (no HTTP), dropped by `close`. */
export async function inProcessProduct(kind: 'pglite' | 'postgres') {
  let drop = async () => {};
  let database: Database;
  if (kind === 'postgres') {
    const db = await createServerDatabase();
    database = await openDatabase({ url: db.url, pgliteDir: '' });
    drop = db.drop;
  } else {
    database = await openDatabase({ pgliteDir: 'memory://' });
  }
  await runMigrations(database);
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '1000' }), database, serveWeb: false, logger: false });
  return {
    database,
    app,
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

export function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
}
