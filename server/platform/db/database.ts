import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  pool: pg.Pool;
  db: NodePgDatabase;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; without it the embedded database is used. */
  url?: string;
  /** Folder of the embedded database, or `memory://`. */
  pgliteDir: string;
  poolSize?: number;
  /** How long one statement may run and a transaction may sit idle; `null` for operators' commands, which may take longer. */
  limits?: HoldLimits | null;
}

/**
 * What one request may hold of the database. Without a bound, a transaction
 * left open by a bug or a vanished client held the embedded database's only
 * connection (every request waited) or a slot of the PostgreSQL pool for
 * ever. PostgreSQL enforces both. PGlite honours neither setting (no timers
 * inside its WASM); its worker ends an idle transaction itself, and a long
 * statement there cannot be interrupted, only reported by `/ready`.
 */
export interface HoldLimits {
  statementMs: number;
  idleInTransactionMs: number;
}

export const REQUEST_LIMITS: HoldLimits = { statementMs: 120_000, idleInTransactionMs: 60_000 };

// The app always speaks the PostgreSQL protocol through `pg`, embedded or
// not, so one driver, one migrator and one set of queries serve both.
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let lock: DataFolderLock | undefined;
  let pool: pg.Pool;
  const limits = options.limits === undefined ? REQUEST_LIMITS : options.limits;
  if (options.url) {
    pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...(limits && { statement_timeout: limits.statementMs, idle_in_transaction_session_timeout: limits.idleInTransactionMs }),
    });
  } else {
    // One process per folder: a second PGlite on the same files corrupts them.
    lock = options.pgliteDir.startsWith('memory://') ? undefined : lockDataFolder(options.pgliteDir);
    try {
      embedded = await startEmbeddedDatabase(options.pgliteDir, { idleInTransactionMs: limits?.idleInTransactionMs ?? null });
    } catch (error) {
      lock?.release();
      throw error;
    }
    // PGlite has a single session: more than one connection would share it.
    pool = new pg.Pool({ ...embedded.connection, max: 1, idleTimeoutMillis: 0 });
  }
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  // A connection lost while a holder has it checked out (its transaction sat
  // idle past the limit, or the server went away) gives the pool its slot
  // back at once: the holder may never come back to release it (a request
  // stuck on a vanished reader), and the embedded pool has one slot. The
  // holder's next query fails, and its own release is then a no-op.
  const checkedOut = new Set<pg.PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_error, client) => checkedOut.delete(client));
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      const held = client as pg.PoolClient;
      if (!checkedOut.delete(held)) return;
      const release = held.release;
      held.release = () => undefined;
      release(error);
    });
  });
  let closed = false;
  return {
    kind: embedded ? 'pglite' : 'postgres',
    pool,
    db: drizzle(pool),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
      await embedded?.close();
      lock?.release();
    },
  };
}
