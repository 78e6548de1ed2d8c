import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { createTestDatabase } from '../../test/database.js';
import { createOrg } from '../../test/factories.js';
import type { Database } from '../db/database.js';
import { writeBackup } from './backup.js';
import { restoreBackup } from './restore.js';

const t = useTestApp();
const MB = 1024 * 1024;
const file = path.join(os.tmpdir(), `rt-backup-bytes-${process.pid}-${Date.now()}.gz`);
afterAll(() => fs.rmSync(file, { force: true }));

/** Every table's row count and a digest of its rows, in an order that does not depend on storage. */
async function fingerprint(database: Database) {
  const client = await database.pool.connect();
  try {
    const tables = await client.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
    const out: Record<string, string> = {};
    for (const { table_name: table } of tables.rows) {
      const res = await client.query<{ n: number; digest: string | null }>(
        `SELECT count(*)::int AS n, md5(string_agg(h, '' ORDER BY h)) AS digest FROM (SELECT md5(row_to_json(t)::text) AS h FROM "${table}" t) x`,
      );
      out[table] = `${res.rows[0]!.n}:${res.rows[0]!.digest ?? ''}`;
    }
    return out;
  } finally {
    client.release();
  }
}

/** The longest text parameter sent while `work` runs on this database's pool. */
async function longestParameter(database: Database, work: () => Promise<unknown>) {
  let longest = 0;
  const watch = (client: pg.PoolClient) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
      const values = Array.isArray(args[1]) ? args[1] : [];
      for (const v of values) if (typeof v === 'string') longest = Math.max(longest, v.length);
      return query(...args);
    };
  };
  database.pool.on('acquire', watch);
  try {
    await work();
  } finally {
    database.pool.off('acquire', watch);
  }
  return longest;
}

describe('a backup with stored files of the largest size', () => {
  it('restores into identical tables, sending no batch much larger than one such file', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const created = await admin.post('/api/v1/advocacy-issues', { title: 'Port clearance takes three weeks', problem: 'Containers wait.', category: 'red_tape', severity: 4, feasibility: 3 });
    expect(created.statusCode, created.body).toBe(201);
    const issue = created.json() as { id: string };
    // Four documents of 10 MB (the most an issue document may weigh), uploaded as a person would.
    for (let i = 0; i < 4; i++) {
      const res = await admin.upload(`/api/v1/advocacy-issues/${issue.id}/documents`, randomBytes(10 * MB), `study-${i}.pdf`, { description: `Study ${i}` });
      expect(res.statusCode, res.body).toBe(201);
    }
    const written = await writeBackup(t.database, file);
    expect(written.rows).toBeGreaterThan(6);

    const copy = await createTestDatabase();
    try {
      const longest = await longestParameter(copy, () => restoreBackup(copy, file));
      // One 10 MB file is 20 MB of hex; all four in one parameter were 80 MB.
      expect(longest).toBeGreaterThan(20 * MB);
      expect(longest).toBeLessThan(22 * MB);
      const [before, after] = [await fingerprint(t.database), await fingerprint(copy)];
      expect(after).toEqual(before);
      expect(after.advocacy_documents).toMatch(/^4:/);
      const [{ bytes }] = (await copy.pool.query<{ bytes: string }>(`SELECT sum(length(data))::text AS bytes FROM advocacy_documents WHERE org_id = $1`, [orgId])).rows as [{ bytes: string }];
      expect(Number(bytes)).toBe(40 * MB);
      // The restore ends with ANALYZE of what it filled: the planner knows the rows are there.
      const [{ estimate }] = (await copy.pool.query<{ estimate: number }>(`SELECT reltuples::int AS estimate FROM pg_class WHERE relname = 'advocacy_documents'`)).rows as [{ estimate: number }];
      expect(estimate).toBe(4);
    } finally {
      await copy.close();
    }
  }, 240_000);
});
