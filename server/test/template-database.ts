import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../platform/db/database.js';
import { runMigrations } from '../platform/db/migrate.js';
import { ROOT } from './process.js';

// A test file needs a migrated database of its own. Migrating from nothing
// costs seconds per file (on PGlite, initdb alone does), so the migrations run
// once into a template and every test file starts from a copy of it. The
// template is named by a digest of what shapes it (the journal and its SQL,
// the migrator, PGlite's and drizzle's versions): a changed migration builds
// a new one, even in the middle of a run. Migrating an empty database stays
// tested: the command-line test in server/platform/processes.db.test.ts
// migrates from nothing on both databases, and the first start of the
// embedded server there starts from an empty folder.

const CACHE = path.join(ROOT, 'node_modules', '.cache', 'roundtable-test');
/** Templates of other digests are removed once this old: another run may still be copying one. */
const STALE_MS = 60 * 60 * 1000;

/** What the migrated database depends on: the journal and the SQL it lists, the migrator, and PGlite's own data format. */
function templateKey(): string {
  const hash = createHash('sha256');
  const folder = path.join(ROOT, 'migrations');
  const journal = path.join(folder, 'meta', '_journal.json');
  const tags = (JSON.parse(fs.readFileSync(journal, 'utf8')) as { entries: Array<{ tag: string }> }).entries.map((e) => e.tag);
  const files = [
    journal,
    ...tags.map((tag) => path.join(folder, `${tag}.sql`)),
    path.join(ROOT, 'server', 'platform', 'db', 'migrate.ts'),
    path.join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'),
    path.join(ROOT, 'node_modules', 'drizzle-orm', 'package.json'),
  ];
  for (const file of files) hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** A folder the copies live in: memory-backed where the system has one, as PGlite's own `memory://` is. */
function scratchRoot(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

function removeStalePgliteTemplates(keep: string) {
  for (const name of fs.readdirSync(CACHE)) {
    const full = path.join(CACHE, name);
    if (full === keep || !name.startsWith('pglite-')) continue;
    try {
      if (Date.now() - fs.statSync(full).mtimeMs > STALE_MS) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

/** The migrated embedded-database folder for this run, built if missing. Safe to call from parallel workers and runs. */
export async function pgliteTemplate(): Promise<string> {
  const dir = path.join(CACHE, `pglite-${templateKey()}`);
  if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return dir;
  fs.mkdirSync(CACHE, { recursive: true });
  const building = `${dir}.building-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const database = await openDatabase({ pgliteDir: building, limits: null });
    try {
      await runMigrations(database);
    } finally {
      await database.close();
    }
    // The folder appears whole or not at all; a run that built the same one first wins.
    try {
      fs.renameSync(building, dir);
    } catch (error) {
      if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) throw error;
    }
  } finally {
    fs.rmSync(building, { recursive: true, force: true });
    fs.rmSync(`${building}.lock`, { force: true });
  }
  removeStalePgliteTemplates(dir);
  return dir;
}

const COPY_PREFIX = 'rt-test-db-';

/**
 * Removes copies whose test process is gone without removing them (killed
 * on a time-out, say): in /dev/shm they would hold memory until a reboot.
 */
export function removeOrphanCopies() {
  const root = scratchRoot();
  for (const name of fs.readdirSync(root)) {
    const pid = Number(name.startsWith(COPY_PREFIX) ? name.slice(COPY_PREFIX.length).split('-')[0] : NaN);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') fs.rmSync(path.join(root, name), { recursive: true, force: true });
    }
  }
}

/** A copy of the migrated template in a folder of its own, and its remover. */
export async function copyPgliteTemplate(): Promise<{ dir: string; remove(): void }> {
  const template = await pgliteTemplate();
  const parent = fs.mkdtempSync(path.join(scratchRoot(), `${COPY_PREFIX}${process.pid}-`));
  const dir = path.join(parent, 'pglite');
  fs.cpSync(template, dir, { recursive: true });
  return { dir, remove: () => fs.rmSync(parent, { recursive: true, force: true }) };
}

async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function urlFor(serverUrl: string, database: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * The migrated template database on the PostgreSQL server, built if missing.
 * It accepts no connections: PostgreSQL copies a template only while nobody
 * is connected to it, and parallel test files copy it at the same time.
 */
export async function postgresTemplate(serverUrl: string): Promise<string> {
  const name = `rt_template_${templateKey()}`;
  const exists = await withAdmin(serverUrl, async (admin) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  if (exists) return name;
  const building = `rt_template_building_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${building}`));
  try {
    const database = await openDatabase({ url: urlFor(serverUrl, building), pgliteDir: '', poolSize: 1, limits: null });
    try {
      await runMigrations(database);
    } finally {
      await database.close();
    }
    await withAdmin(serverUrl, async (admin) => {
      await admin.query(`ALTER DATABASE ${building} WITH ALLOW_CONNECTIONS false`);
      // A rename is atomic: a run that built the same template first wins, and this copy is dropped.
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`).catch(async (error: { code?: string }) => {
        if (error.code !== '42P04') throw error;
      });
      await admin.query(`COMMENT ON DATABASE ${name} IS '${new Date().toISOString()}'`);
      await removeStalePostgresTemplates(admin, name);
    });
  } finally {
    await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`));
  }
  return name;
}

async function removeStalePostgresTemplates(admin: pg.Client, keep: string) {
  const { rows } = await admin.query<{ datname: string; built: string | null }>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS built FROM pg_database WHERE datname LIKE 'rt\\_template\\_%' AND datname NOT LIKE 'rt\\_template\\_building\\_%' AND datname <> $1`,
    [keep],
  );
  for (const { datname, built } of rows) {
    if (built && Date.now() - Date.parse(built) < STALE_MS) continue;
    await admin.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
  }
}
