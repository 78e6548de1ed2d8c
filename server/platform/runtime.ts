import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { runMigrations } from './db/migrate.js';

/** Opens the configured database (embedded or PostgreSQL) and brings its schema up to date. */
export async function openMigratedDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.pgliteDir, poolSize: config.DB_POOL_SIZE });
  try {
    await runMigrations(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
