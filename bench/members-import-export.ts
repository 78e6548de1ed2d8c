import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createOrgWithAdmin } from '../server/platform/tenants/tenants.js';
import { checkImport } from '../server/modules/members/import/check-import.js';
import { commitImport } from '../server/modules/members/import/commit-import.js';
import { suggestMapping } from '../server/modules/members/import/suggest-mapping.js';
import { users } from '../server/platform/auth/tables.js';
import { openDatabase, type Database } from '../server/platform/db/database.js';
import { runMigrations } from '../server/platform/db/migrate.js';
import { withSystem } from '../server/platform/db/tenancy.js';
import { createTaskRunner } from '../server/platform/tasks/task-runner.js';
import { pino } from 'pino';
import { readTable } from '../server/platform/files/read-table.js';
import { createServerDatabase } from '../server/test/database.js';
import { startServerProcess } from '../server/test/process.js';
import { hashPassword } from '../server/platform/auth/passwords.js';
import { rssMb } from './lib.js';

const BENCH_EMAIL = 'bench@example.test';
const BENCH_PASSWORD = 'bench password 1';

function peakRssMb(pid: number | 'self' = 'self') {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
}

/** A 100,000-row register as chambers keep it, written with the streaming writer. */
async function writeRegister(file: string, rows: number) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = wb.addWorksheet('Members');
  sheet.addRow(['Company name', 'Registration number', 'ISIC', 'Region', 'Female employees', 'Male employees', 'Women led', 'Email', 'Status', 'Member since']).commit();
  const places = ['Kumasi', 'Tamale', 'Accra', 'Tema', 'Bolgatanga', 'Ho', 'Sunyani', 'Yendi'];
  const trades = ['Kente Weavers', 'Shea Processors', 'Gari Mills', 'Cocoa Buyers', 'Auto Repairs', 'Tours'];
  const isic = ['1312', '1040', '1061', '4620', '4520', '7911'];
  const regions = ['GH-AH', 'GH-NP', 'GH-AA', 'GH-AA', 'GH-UE', 'GH-TV', 'GH-BO', 'GH-NP'];
  for (let i = 1; i <= rows; i++) {
    sheet.addRow([`${places[i % 8]} ${trades[i % 6]} ${i}`, `RG${1_000_000 + i}`, isic[i % 6], regions[i % 8], i % 7, i % 5, i % 3 === 0 ? 'yes' : 'no', `firm${i}@example.test`, 'active', '2024-03-01']).commit();
  }
  await wb.commit();
}

export async function membersImportExport(kind: 'pglite' | 'postgres', rows = 100_000) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-bench-import-'));
  const file = path.join(dir, 'register.xlsx');
  let t = performance.now();
  await writeRegister(file, rows);
  const writeMs = Math.round(performance.now() - t);
  const sizeMb = Math.round((fs.statSync(file).size / 2 ** 20) * 10) / 10;

  let url: string | undefined;
  let drop = async () => {};
  if (kind === 'postgres') {
    const db = await createServerDatabase();
    url = db.url;
    drop = db.drop;
  }
  const pgliteDir = path.join(dir, 'pglite');
  const database: Database = await openDatabase({ url, pgliteDir });
  const baseline = rssMb(process.pid);
  try {
    await runMigrations(database);
    const { orgId, actor } = await withSystem(database.db, async (tx) => {
      const [u] = await tx.insert(users).values({ email: BENCH_EMAIL, name: 'Bench', passwordHash: await hashPassword(BENCH_PASSWORD) }).returning();
      const org = await createOrgWithAdmin(tx, { name: 'Bench Chamber', kind: 'chamber', country: 'GH', regions: ['GH-AA', 'GH-AH', 'GH-NP', 'GH-UE', 'GH-TV', 'GH-BO'], languages: ['en'], currency: 'GHS', shareMemberDataUpward: false }, { userId: u!.id, name: 'Bench' });
      return { orgId: org.id, actor: { userId: u!.id, name: 'Bench' } };
    });
    const scope = { orgId, role: 'admin' as const, actor, locale: 'en' };
    t = performance.now();
    const table = await readTable(fs.readFileSync(file), 'register.xlsx');
    const readMs = Math.round(performance.now() - t);
    const mapping = suggestMapping(table.columns);
    t = performance.now();
    // The steps the import's tasks run, without the task bookkeeping.
    const work = createTaskRunner(database, pino({ level: 'warn' })).inline(scope);
    const { report } = await checkImport(work, table, mapping);
    const checkMs = Math.round(performance.now() - t);
    t = performance.now();
    const result = await commitImport(work, table, mapping, {}, 'register.xlsx');
    const commitMs = Math.round(performance.now() - t);
    const importPeak = peakRssMb();
    await database.close();

    // Export through the product, as a person downloads it: time and the server's peak memory.
    const server = await startServerProcess(url ? { DATABASE_URL: url, ROUNDTABLE_DEMO: 'off' } : { DATA_DIR: dir, ROUNDTABLE_DEMO: 'off' });
    const exportResults: Record<string, unknown> = {};
    try {
      const cookie = await signInWith(server.url);
      for (const format of ['csv', 'xlsx']) {
        const before = peakRssMb(server.child.pid!);
        t = performance.now();
        const res = await fetch(`${server.url}/api/v1/members/export.${format}`, { headers: { cookie } });
        let bytes = 0;
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
        exportResults[format] = { ms: Math.round(performance.now() - t), mb: Math.round((bytes / 2 ** 20) * 10) / 10, serverPeakRssMb: peakRssMb(server.child.pid!), serverPeakBeforeMb: before };
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    return {
      kind,
      rows,
      fileMb: sizeMb,
      writeFileMs: writeMs,
      import: { readMs, checkMs, commitMs, totalMs: readMs + checkMs + commitMs, rejected: report.rejected.length, created: result.created, peakRssMb: importPeak, baselineRssMb: baseline },
      export: exportResults,
    };
  } finally {
    await database.close();
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function signInWith(base: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const kind of (process.argv[2] ? [process.argv[2]] : ['postgres', 'pglite']) as Array<'pglite' | 'postgres'>) console.log(JSON.stringify(await membersImportExport(kind), null, 1));
}
