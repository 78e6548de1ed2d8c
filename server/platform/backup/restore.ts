import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { PoolClient } from 'pg';
import type { Database } from '../db/database.js';
import { refreshStatistics } from '../db/statistics.js';
import { appliedMigrations, BACKUP_FORMAT, BACKUP_VERSION, dataTables } from './backup.js';

// A batch goes to the database as one JSON text parameter: it is bounded by
// its size as well as its rows. Five hundred rows of 10 MB documents (20 MB
// of hex each) would have passed Node's largest string.
const BATCH_ROWS = 500;
const BATCH_CHARS = 16 * 1024 * 1024;
const ROW_PREFIX = '{"r":';

export class RestoreError extends Error {}

// Generated columns are computed again by the database, never restored.
async function writableColumns(client: PoolClient, table: string): Promise<string> {
  const res = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [`"${table}"`],
  );
  return res.rows.map((r) => `"${r.name}"`).join(', ');
}

/** Inserts rows given as their JSON texts (never parsed here: a row may be 20 MB). */
async function insertBatch(client: PoolClient, table: string, columns: string, rows: string[]) {
  if (rows.length === 0) return;
  await client.query(`INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(null::"${table}", $1::json)`, [`[${rows.join(',')}]`]);
}

// Serial columns must continue after the restored ids.
async function resetSequences(client: PoolClient) {
  const res = await client.query<{ tbl: string; col: string; seq: string }>(`
    SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(format('%I', c.relname), a.attname) AS seq
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0
      AND pg_get_serial_sequence(format('%I', c.relname), a.attname) IS NOT NULL`);
  for (const r of res.rows) {
    await client.query(`SELECT setval($1, COALESCE((SELECT max("${r.col}") FROM "${r.tbl}"), 0) + 1, false)`, [r.seq]);
  }
}

/**
 * Loads a backup into a migrated, empty database, all in one transaction:
 * a restore that fails half-way leaves the database as empty as before.
 */
export async function restoreBackup(database: Database, file: string): Promise<{ rows: number }> {
  if (!fs.existsSync(file)) throw new RestoreError(`No backup file at ${file}`);
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  // Take the iterator before anything awaits: lines read earlier would be lost.
  const iterator = lines[Symbol.asyncIterator]();
  const client = await database.pool.connect();
  let rows = 0;
  const filled = new Set<string>();
  try {
    await client.query('BEGIN');
    const first = await iterator.next();
    const header = first.done ? null : JSON.parse(first.value);
    if (header?.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) throw new RestoreError('This file is not a Roundtable backup.');
    const current = await appliedMigrations(client);
    if (JSON.stringify(current) !== JSON.stringify(header.migrations)) {
      throw new RestoreError('The backup was made by another version of Roundtable (its database schema differs).');
    }
    const known = new Set(await dataTables(client));
    for (const table of known) {
      const { rows: any } = await client.query(`SELECT 1 FROM "${table}" LIMIT 1`);
      if (any.length > 0) throw new RestoreError(`The database is not empty (table ${table} has rows). Restore into a new database.`);
    }
    // Rows arrive table by table in name order, so foreign keys and triggers
    // are held back until the whole set is in.
    await client.query('SET LOCAL session_replication_role = replica');
    let table: string | null = null;
    let columns = '';
    let batch: string[] = [];
    let batchChars = 0;
    const flush = async () => {
      if (table) await insertBatch(client, table, columns, batch);
      batch = [];
      batchChars = 0;
    };
    for await (const line of { [Symbol.asyncIterator]: () => iterator }) {
      if (!line) continue;
      // A row line is {"r":<the row's JSON>}, as backup.ts writes it.
      if (line.startsWith(ROW_PREFIX) && line.endsWith('}')) {
        if (!table) continue;
        if (batchChars + line.length > BATCH_CHARS) await flush();
        batch.push(line.slice(ROW_PREFIX.length, -1));
        batchChars += line.length;
        rows++;
        filled.add(table);
        if (batch.length >= BATCH_ROWS) await flush();
        continue;
      }
      const item = JSON.parse(line) as { table?: string };
      if (item.table !== undefined) {
        await flush();
        if (!known.has(item.table)) throw new RestoreError(`Unknown table in backup: ${item.table}`);
        table = item.table;
        columns = await writableColumns(client, table);
      }
    }
    await flush();
    await resetSequences(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    lines.close();
    client.release();
  }
  // A restore is a bulk write into tables the planner last saw empty; once the
  // client is back in the pool (the embedded database has one connection).
  if (filled.size > 0) await refreshStatistics(database, [...filled]);
  return { rows };
}
