import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseOptions } from '../platform/db/database.js';
import { copyPgliteTemplate, postgresTemplate } from './template-database.js';

export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function testDbKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

function urlFor(database: string) {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh PostgreSQL database on the test server; returns its URL and a
 * dropper. Empty, or a copy of `template` (a migrated one).
 */
export async function createServerDatabase(template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `rt_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
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
 * PostgreSQL server, or an embedded one in a folder of its own, as TEST_DB
 * says. Both start as a copy of a template migrated once per run
 * (template-database.ts), named by a digest of the migrations: a copy is
 * always as migrated as the migrator would leave it, so it is not run again.
 */
export async function createTestDatabase(options: Pick<DatabaseOptions, 'poolSize' | 'limits'> = {}): Promise<Database & { url?: string }> {
  if (testDbKind() === 'pglite') {
    const copy = await copyPgliteTemplate();
    const database = await openDatabase({ pgliteDir: copy.dir, ...options }).catch((error: unknown) => {
      copy.remove();
      throw error;
    });
    return {
      ...database,
      async close() {
        await database.close();
        copy.remove();
      },
    };
  }
  const server = await createServerDatabase(await postgresTemplate(TEST_SERVER_URL));
  const database = await openDatabase({ url: server.url, pgliteDir: '', poolSize: 5, ...options });
  return {
    ...database,
    url: server.url,
    async close() {
      await database.close();
      await server.drop();
    },
  };
}
