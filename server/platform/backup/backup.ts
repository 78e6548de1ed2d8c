import fs from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { PoolClient } from 'pg';
import Cursor from 'pg-cursor';
import type { Database } from '../db/database.js';
import { clock } from '../clock.js';

export const BACKUP_FORMAT = 'roundtable-backup';
export const BACKUP_VERSION = 1;

// Queries take the caller's client: the embedded database has one connection.
/** The tables a backup holds: every table of the public schema. */
export async function dataTables(client: PoolClient): Promise<string[]> {
  const res = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return res.rows.map((r) => r.table_name);
}

const MAX_ROWS_PER_READ = 500;
const CHARS_PER_READ = 8 * 1024 * 1024;

async function hasBytes(client: PoolClient, table: string): Promise<boolean> {
  const res = await client.query(`SELECT 1 FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND atttypid = 'bytea'::regtype`, [`"${table}"`]);
  return res.rows.length > 0;
}

export async function appliedMigrations(client: PoolClient): Promise<string[]> {
  const res = await client.query<{ hash: string }>('SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id');
  return res.rows.map((r) => r.hash);
}

/**
 * Writes a logical backup: gzip'd JSON lines, a header, then each table's
 * rows. Read in one REPEATABLE READ transaction, so the backup is a
 * consistent snapshot even while the app keeps writing; rows are streamed
 * through a cursor, never held in memory all at once, and read by fewer
 * than 8 MB of JSON at a time.
 */
export async function writeBackup(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const client = await database.pool.connect();
  const gzip = createGzip();
  const out = fs.createWriteStream(`${file}.partial`);
  gzip.pipe(out);
  const write = async (line: unknown) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, 'drain');
  };
  let rows = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await dataTables(client);
    await write({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: clock.now().toISOString(), migrations: await appliedMigrations(client), tables });
    for (const table of tables) {
      await write({ table });
      // Rows with stored files weigh up to 20 MB as JSON (hex doubles bytes):
      // such tables are read a few rows at a time, sized to what rows weigh.
      let count = (await hasBytes(client, table)) ? 1 : MAX_ROWS_PER_READ;
      const cursor = client.query(new Cursor(`SELECT row_to_json(t)::text AS j FROM "${table}" t`));
      for (;;) {
        const batch: Array<{ j: string }> = await cursor.read(count);
        if (batch.length === 0) break;
        let chars = 0;
        // row_to_json's text is already the row's JSON: written as is, never parsed and printed again.
        for (const r of batch) {
          chars += r.j.length;
          if (!gzip.write(`{"r":${r.j}}\n`)) await once(gzip, 'drain');
        }
        rows += batch.length;
        count = Math.max(1, Math.min(MAX_ROWS_PER_READ, Math.floor((count * CHARS_PER_READ) / Math.max(chars, 1))));
      }
      await cursor.close();
    }
    await client.query('COMMIT');
    gzip.end();
    await once(out, 'close');
    // Only a complete backup gets the requested name.
    fs.renameSync(`${file}.partial`, file);
    return { tables: tables.length, rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    gzip.destroy();
    out.destroy();
    fs.rmSync(`${file}.partial`, { force: true });
    throw error;
  } finally {
    client.release();
  }
}
