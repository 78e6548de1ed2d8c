import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
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
}

// The app always speaks the PostgreSQL protocol through `pg`, embedded or
// not, so one driver, one migrator and one set of queries serve both.
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let pool: pg.Pool;
  if (options.url) {
    pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  } else {
    embedded = await startEmbeddedDatabase(options.pgliteDir);
    // PGlite has a single session: more than one connection would share it.
    pool = new pg.Pool({ ...embedded.connection, max: 1, idleTimeoutMillis: 0 });
  }
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
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
    },
  };
}
