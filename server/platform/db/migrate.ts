import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './database.js';

export const APP_ROLE = 'roundtable_app';
const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

/** Applies the committed SQL migrations; safe to run at every start. */
export async function runMigrations(database: Database): Promise<void> {
  // Roles are cluster-wide in PostgreSQL, so they cannot live in a
  // per-database migration that might run twice on one server.
  await database.db.execute(
    sql.raw(`DO $$ BEGIN CREATE ROLE ${APP_ROLE} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`),
  );
  await database.db.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  await database.db.execute(sql`CREATE EXTENSION IF NOT EXISTS unaccent`);
  await migrate(database.db, { migrationsFolder });
}
