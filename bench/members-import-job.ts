import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createOrgWithAdmin } from '../server/platform/tenants/tenants.js';
import { users } from '../server/platform/auth/tables.js';
import { hashPassword } from '../server/platform/auth/passwords.js';
import { openDatabase } from '../server/platform/db/database.js';
import { runMigrations } from '../server/platform/db/migrate.js';
import { withSystem } from '../server/platform/db/tenancy.js';
import { createServerDatabase } from '../server/test/database.js';
import { startServerProcess } from '../server/test/process.js';
import { machine, percentile } from './lib.js';
import { seedManyFirms } from './members-fixture.js';

/**
 * Issue 13.11: an import of 20,000 rows into an organisation of 100,000 firms,
 * duplicates checked, through the product as a person runs it (upload, follow
 * the check, commit, follow the import), while a prober asks `/health` every
 * 25 ms and a signed-in person opens the first page of the member list every
 * 250 ms. Prints the times, the server's peak memory and both latencies,
 * beside the same latencies measured for ten seconds before the import.
 *
 * The file's names are built from the registry's own words, so that most rows
 * have several similar names in the registry (the hardest case for the
 * duplicate search); 2,000 rows carry a registration number the registry has.
 */
const EMAIL = 'bench-import@example.test';
const PASSWORD = 'bench password 1';
const PLACES = ['Kumasi', 'Tamale', 'Accra', 'Tema', 'Bolgatanga', 'Ho', 'Koforidua', 'Sunyani', 'Techiman', 'Yendi', 'Ejisu', 'Bonwire', 'Savelugu', 'Obuasi', 'Elmina'];
const PEOPLE = ['Mensah', 'Asante', 'Owusu', 'Boateng', 'Issah', 'Alhassan', 'Quaye', 'Tetteh', 'Agyeman', 'Darko', 'Nyarko', 'Fuseini', 'Osei', 'Addo', 'Appiah'];
const TRADES = ['Kente Weavers', 'Shea Processors', 'Gari Mills', 'Cocoa Buyers', 'Auto Repairs', 'Guest House', 'Tours', 'Software Solutions', 'ICT Consult', 'Rice Millers', 'Grain Traders', 'Fashion House'];

async function writeFile(file: string, rows: number) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = wb.addWorksheet('Members');
  sheet.addRow(['Company name', 'Registration number', 'ISIC', 'Region', 'Female employees', 'Male employees', 'Status']).commit();
  for (let i = 1; i <= rows; i++) {
    // Every tenth row is a firm the registry has under its number (CS100000 + n); the others are new numbers.
    const known = i % 10 === 0;
    const name = `${PLACES[(i * 7) % 15]} ${PEOPLE[(i * 11) % 15]} ${TRADES[(i * 5) % 12]} ${known ? i : 200_000 + i}`;
    sheet.addRow([name, known ? `CS${100_000 + i}` : `NEW${i}`, '4620', 'GH-AA', i % 7, i % 5, 'active']).commit();
  }
  await wb.commit();
}

function peakRssMb(pid: number) {
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);
}

async function signIn(base: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/**
 * Asks `url` every `everyMs` until stopped; the latencies in milliseconds, and
 * the longest wait in each phase of the task followed (a stall in the check and
 * one in the writing have different causes).
 */
function prober(url: string, everyMs: number, headers: Record<string, string> = {}) {
  const latencies: number[] = [];
  const slowestByPhase: Record<string, number> = {};
  let failures = 0;
  let running = true;
  const r = (x: number) => Math.round(x * 10) / 10;
  const done = (async () => {
    while (running) {
      const t = performance.now();
      const last = phases.at(-1);
      const phase = last ? `${last.task.replace('members.import.', '')}:${last.phase}` : 'before';
      const res = await fetch(url, { headers }).catch(() => null);
      await res?.arrayBuffer();
      if (!res?.ok) failures++;
      const ms = performance.now() - t;
      latencies.push(ms);
      slowestByPhase[phase] = r(Math.max(slowestByPhase[phase] ?? 0, ms));
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return { requests: latencies.length, failures, p50: r(percentile(latencies, 50)), p99: r(percentile(latencies, 99)), max: r(Math.max(...latencies)), slowestByPhase };
    },
  };
}

interface Report {
  rows: number;
  duplicates: Array<{ row: number; suggested: unknown; candidates: Array<{ memberId: string; reason: string; differences: Array<{ field: string }> }> }>;
}

/** Seconds from the start of each phase of every task followed, to say where the time goes. */
const phases: Array<{ task: string; phase: string; at: number }> = [];

async function followTask(base: string, auth: { cookie: string }, taskId: string) {
  const started = performance.now();
  for (;;) {
    const task = (await (await fetch(`${base}/api/v1/tasks/${taskId}`, { headers: { cookie: auth.cookie } })).json()) as { kind: string; state: string; phase: string; result: unknown; problem: unknown };
    const last = phases.at(-1);
    if (!last || last.task !== task.kind || last.phase !== task.phase) phases.push({ task: task.kind, phase: task.phase, at: Math.round((performance.now() - started) / 100) / 10 });
    if (task.state === 'done') return task.result;
    if (task.state !== 'queued' && task.state !== 'running') throw new Error(`task ended ${task.state}: ${JSON.stringify(task.problem)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function upload(base: string, auth: { cookie: string; csrf: string }, step: string, file: string, fields: Record<string, unknown> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, JSON.stringify(v));
  form.append('file', new Blob([fs.readFileSync(file)]), 'register.xlsx');
  const res = await fetch(`${base}/api/v1/members/import/${step}`, { method: 'POST', body: form, headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf } });
  if (res.status !== 202) throw new Error(`${step}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { taskId: string }).taskId;
}

export async function membersImportJob(kind: 'pglite' | 'postgres', rows = 20_000, registry = 100_000) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-bench-import-job-'));
  const file = path.join(dir, 'register.xlsx');
  await writeFile(file, rows);
  const server = kind === 'postgres' ? await createServerDatabase() : null;
  try {
    const database = await openDatabase({ url: server?.url, pgliteDir: server ? '' : path.join(dir, 'pglite') });
    await runMigrations(database);
    const orgId = await withSystem(database.db, async (tx) => {
      const [u] = await tx.insert(users).values({ email: EMAIL, name: 'Bench', passwordHash: await hashPassword(PASSWORD) }).returning();
      const org = await createOrgWithAdmin(tx, { name: 'Bench Chamber', kind: 'chamber', country: 'GH', regions: ['GH-AA', 'GH-AH', 'GH-NP', 'GH-CP', 'GH-WP', 'GH-EP', 'GH-UE'], languages: ['en'], currency: 'GHS', shareMemberDataUpward: false }, { userId: u!.id, name: 'Bench' });
      return org.id;
    });
    await seedManyFirms(database, orgId, registry);
    await database.close();

    const product = await startServerProcess(server ? { DATABASE_URL: server.url, ROUNDTABLE_DEMO: 'off' } : { DATA_DIR: dir, ROUNDTABLE_DEMO: 'off' });
    try {
      const auth = await signIn(product.url);
      // The same probes for ten seconds with no import: the machine's own noise, measured in the same run.
      const quietHealth = prober(`${product.url}/health`, 25);
      const quietList = prober(`${product.url}/api/v1/members?limit=20`, 250, { cookie: auth.cookie });
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      const quiet = { health: await quietHealth.stop(), memberList: await quietList.stop() };
      const health = prober(`${product.url}/health`, 25);
      const list = prober(`${product.url}/api/v1/members?limit=20`, 250, { cookie: auth.cookie });
      let t = performance.now();
      const report = (await followTask(product.url, auth, await upload(product.url, auth, 'check', file))) as Report;
      const checkMs = Math.round(performance.now() - t);
      // The person merges each firm the registry has under the same number, taking the file's values.
      const decisions = Object.fromEntries(
        report.duplicates
          .filter((d) => typeof d.suggested === 'object')
          .map((d) => {
            const candidate = d.candidates.find((c) => c.reason === 'registration_number')!;
            return [String(d.row), { merge: candidate.memberId, fields: Object.fromEntries(candidate.differences.filter((f) => f.field !== 'status').map((f) => [f.field, 'file'])) }];
          }),
      );
      t = performance.now();
      const result = await followTask(product.url, auth, await upload(product.url, auth, 'commit', file, { decisions }));
      const commitMs = Math.round(performance.now() - t);
      const healthLatency = await health.stop();
      const listLatency = await list.stop();
      return {
        kind,
        rows,
        registry,
        checkMs,
        commitMs,
        reportKb: Math.round(JSON.stringify(report).length / 1024),
        totalMs: checkMs + commitMs,
        duplicates: {
          rows: report.duplicates.length,
          byNumber: report.duplicates.filter((d) => d.candidates.some((c) => c.reason === 'registration_number')).length,
          byName: report.duplicates.filter((d) => d.candidates.every((c) => c.reason === 'similar_name')).length,
        },
        result,
        serverPeakRssMb: peakRssMb(product.child.pid!),
        health: healthLatency,
        memberList: listLatency,
        withoutImport: quiet,
        phases,
      };
    } finally {
      product.child.kill('SIGTERM');
      await product.exited;
    }
  } finally {
    await server?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(machine()));
  for (const kind of (process.argv[2] ? [process.argv[2]] : ['postgres', 'pglite']) as Array<'pglite' | 'postgres'>) console.log(JSON.stringify(await membersImportJob(kind)));
}
