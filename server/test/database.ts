import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../platform/db/database.js';
import { runMigrations } from '../platform/db/migrate.js';

export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function testDbKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

function urlFor(database: string) {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh PostgreSQL database on the test server; returns its URL and a dropper. */
export async function createServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `rt_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: urlFor(name),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_SERVER_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A fresh, migrated database for one test file: a new database on the
 * PostgreSQL server, or an in-memory PGlite, as TEST_DB says.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  if (testDbKind() === 'pglite') {
    const database = await openDatabase({ pgliteDir: 'memory://' });
    await runMigrations(database);
    return database;
  }
  const server = await createServerDatabase();
  const database = await openDatabase({ url: server.url, pgliteDir: '', poolSize: 5 });
  await runMigrations(database);
  return {
    ...database,
    url: server.url,
    async close() {
      await database.close();
      await server.drop();
    },
  };
}
