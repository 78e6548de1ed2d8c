import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './database.js';
import { projectFile } from '../project-files.js';

export const APP_ROLE = 'roundtable_app';
const MIGRATION_LOCK = 727_002;
const migrationsFolder = projectFile('migrations');

/** Applies the committed SQL migrations; safe to run at every start, from several processes at once. */
export async function runMigrations(database: Database): Promise<void> {
  // One client for the lock and the migrations: the embedded database has a
  // single connection, and the lock makes a second process wait its turn.
  const client = await database.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    // A migration may rewrite a large table: the request limits do not apply.
    await client.query('SET statement_timeout = 0');
    // Roles are cluster-wide in PostgreSQL, so they cannot live in a
    // per-database migration that might run twice on one server.
    await client.query(`DO $$ BEGIN CREATE ROLE ${APP_ROLE} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await client.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    // pg-boss creates its schema with IF NOT EXISTS, which races when two app
    // processes start together; created here, under the lock, it never does.
    await client.query('CREATE SCHEMA IF NOT EXISTS pgboss');
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.query('RESET statement_timeout').catch(() => undefined);
    client.release();
  }
}
