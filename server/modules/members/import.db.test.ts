import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../test/app.js';
import { useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg } from '../../test/factories.js';
import { readTable } from '../../platform/files/read-table.js';
import { sql } from 'drizzle-orm';
import { withSystem } from '../../platform/db/tenancy.js';
import { tasks } from '../../platform/tasks/tables.js';
import { TaskCancelled } from '../../platform/tasks/task-runner.js';
import { commitImport } from './import/commit-import.js';
import { similarity } from './import/name-index.js';
import { suggestMapping } from './import/suggest-mapping.js';

const t = useTestApp();
const ghana = { regions: ['GH-AA', 'GH-AH', 'GH-NP'] };

/** Check and commit run as tasks: followed here to their end. */
async function send(client: Client, step: 'check' | 'commit', file: Buffer, filename: string, fields?: Record<string, unknown>): ReturnType<Client['finished']>;
async function send(client: Client, step: 'preview', file: Buffer, filename: string, fields?: Record<string, unknown>): ReturnType<Client['upload']>;
async function send(client: Client, step: 'preview' | 'check' | 'commit', file: Buffer, filename: string, fields: Record<string, unknown> = {}) {
  const res = await client.upload(`/api/v1/members/import/${step}`, file, filename, fields);
  return step === 'check' || step === 'commit' ? client.finished(res) : res;
}

const csv = (text: string) => Buffer.from(text, 'utf8');

async function xlsx(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Members');
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('importing the spreadsheets chambers have', () => {
  it('previews columns with a suggested mapping', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const res = await send(admin, 'preview', csv('Company name;Region;ISIC;E-mail\nKente House;Ashanti;1312;kente@example.test\n'), 'members.csv');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ format: 'csv', encoding: 'utf-8', columns: ['Company name', 'Region', 'ISIC', 'E-mail'], rowCount: 1, suggestedMapping: { legalName: 0, region: 1, isicClass: 2, email: 3 } });
  });

  it('reports every row that would be rejected and why, and imports nothing while any remain', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const file = csv(
      [
        'Name,Registration number,ISIC,Region,Email,Female employees',
        'Good Firm,R-1,1079,GH-AA,good@example.test,3',
        'Bad Sector,R-2,9999,GH-AA,,',
        'Far Away,R-3,1079,Upper East,,',
        'Bad Mail,R-4,1079,GH-AA,not-an-email,',
        'Copy of Good,R-1,1079,GH-AA,,',
        'Bad Count,R-5,1079,GH-AA,,many',
        ',R-6,1079,GH-AA,,',
      ].join('\n'),
    );
    const report = (await send(admin, 'check', file, 'members.csv')).json();
    expect(report.rows).toBe(7);
    expect(report.valid).toBe(2);
    // The same registration number twice in the file is the person's choice, not a rejection.
    expect(report.fileDuplicates).toEqual([{ registrationNumber: 'R-1', rows: [{ row: 2, legalName: 'Good Firm' }, { row: 6, legalName: 'Copy of Good' }] }]);
    const reasons = Object.fromEntries(report.rejected.map((r: { row: number; problems: Array<{ field: string; code: string }> }) => [r.row, r.problems.map((p) => `${p.field}:${p.code}`)]));
    expect(reasons).toEqual({
      3: ['isicClass:members.isic_unknown'],
      4: ['region:members.region_not_in_org'],
      5: ['email:invalid_format'],
      7: ['employeesFemale:members.import_value'],
      8: ['legalName:too_small'],
    });
    const refused = await send(admin, 'commit', file, 'members.csv');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('members.import_has_errors');
    expect((await admin.get('/api/v1/members')).json().total).toBe(0);
  });

  it('finds probable duplicates, merges or creates as decided, and lands whole', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const existing = await createMemberFirm(admin, { legalName: 'Tamale Shea Butter Processors', registrationNumber: 'CS-77', region: 'GH-NP', products: '' });
    const namesake = await createMemberFirm(admin, { legalName: 'Kumasi Auto Repairs Limited', region: 'GH-AH' });
    const file = await xlsx([
      ['Legal name', 'Registration number', 'Region', 'Products', 'Status', 'Member since', 'Turnover'],
      ['Tamale Shea Butter Processing', 'CS-77', 'GH-NP', 'Shea butter', 'active', '2019-04-03', '12000.50'],
      ['Kumasi Auto Repairs Ltd', '', 'GH-AH', '', 'active', '', ''],
      ['Bolga Baskets', '', 'GH-NP', 'Baskets', 'lapsed', '01/02/2020', { formula: '1000*2', result: 2000 }],
    ]);
    const report = (await send(admin, 'check', file, 'register.xlsx')).json();
    expect(report.rejected).toEqual([]);
    expect(report.duplicates.map((d: { row: number; candidates: Array<{ memberId: string; reason: string }> }) => [d.row, d.candidates[0]!.memberId, d.candidates[0]!.reason])).toEqual([
      [2, existing.id, 'registration_number'],
      [3, namesake.id, 'similar_name'],
    ]);
    expect(report.duplicates[0].suggested).toEqual({ merge: existing.id, fields: { products: 'file', turnover: 'file', joinedOn: 'file' } });
    expect(report.duplicates[1].suggested).toBe('create');

    // The names differ: the merge keeps the registry's name only because the person says so.
    expect(report.duplicates[0].candidates[0].differences).toContainEqual({ field: 'legalName', registry: 'Tamale Shea Butter Processors', file: 'Tamale Shea Butter Processing' });
    expect((await send(admin, 'commit', file, 'register.xlsx', { decisions: { 3: 'skip' } })).json().code).toBe('members.import_merge_undecided');
    const result = (await send(admin, 'commit', file, 'register.xlsx', { decisions: { 2: { merge: existing.id, fields: { legalName: 'registry' } }, 3: 'skip' } })).json();
    expect(result).toMatchObject({ created: 1, merged: 1, skipped: 1 });
    const merged = (await admin.get(`/api/v1/members/${existing.id}`)).json();
    expect(merged).toMatchObject({ legalName: 'Tamale Shea Butter Processors', products: 'Shea butter', turnover: 1200050 });
    const list = (await admin.get('/api/v1/members?q=bolga')).json().items;
    expect(list[0]).toMatchObject({ legalName: 'Bolga Baskets', status: 'lapsed', joinedOn: '2020-02-01', turnover: 200000, region: 'GH-NP', products: 'Baskets', formality: 'formal', womenLed: false, tags: [], version: 1 });
    const history = (await admin.get(`/api/v1/members/${list[0].id}/status-history`)).json().items;
    expect(history).toMatchObject([{ toStatus: 'lapsed', reason: 'import register.xlsx' }]);
    const audit = (await admin.get('/api/v1/audit?action=member.import')).json().items;
    expect(audit[0].after).toMatchObject({ created: 1, merged: 1, skipped: 1, filename: 'register.xlsx' });
  });

  it('rolls everything back when a step fails half-way', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const file = csv('Name,Region\nFirst New Firm,GH-AA\nSecond New Firm,GH-AA\n');
    const res = await send(admin, 'commit', file, 'x.csv', { decisions: { 3: { merge: '00000000-0000-4000-8000-000000000000' } } });
    expect(res.statusCode).toBe(404);
    expect((await admin.get('/api/v1/members')).json().total).toBe(0);
    expect((await admin.get('/api/v1/audit?action=member.import')).json().items).toEqual([]);
  });

  it('calls names similar exactly as the database does', async () => {
    const names = ['Kumasi Auto Repairs Limited', 'Kumasi Auto Repairs Ltd', 'Société Générale de Karité', 'SOCIETE GENERALE DE KARITE', 'O’Neil & Sons (Accra)', 'Oneil and Sons Accra', 'Tema 7', 'tema 77', 'Bonwire Kente — Weavers'];
    const pairs = names.flatMap((a) => names.map((b) => [a, b] as const));
    const res = await t.app.database.pool.query<{ score: number }>(
      `SELECT similarity(f_unaccent(lower(a)), f_unaccent(lower(b))) AS score, f_unaccent(lower(a)) AS ka, f_unaccent(lower(b)) AS kb FROM jsonb_to_recordset($1::jsonb) AS x(a text, b text)`,
      [JSON.stringify(pairs.map(([a, b]) => ({ a, b })))],
    );
    expect(res.rows).toHaveLength(pairs.length);
    for (const row of res.rows as unknown as Array<{ score: number; ka: string; kb: string }>) expect(similarity(row.ka, row.kb)).toBeCloseTo(row.score, 5);
  });

  it('takes back what an import wrote when its process died in the middle', async () => {
    const { orgId, admin, adminId } = await createOrg(t.app, ghana);
    const rows = Array.from({ length: 1_200 }, (_, i) => `Firm number ${i},GH-AA`);
    const table = await readTable(csv(`Name,Region\n${rows.join('\n')}\n`), 'died.csv');
    // The task of another process, which stopped beating three minutes ago.
    const [lost] = await withSystem(t.app.database.db, (tx) =>
      tx.insert(tasks).values({ orgId, kind: 'members.import.commit', permission: 'members.import', state: 'running', startedBy: adminId, startedByName: 'Test Admin', heartbeatAt: sql`now() - interval '3 minutes'` }).returning(),
    );
    const scope = { orgId, role: 'admin' as const, actor: { userId: adminId, name: 'Test Admin' }, locale: 'en' };
    const inline = t.app.tasks.inline(scope);
    let saving = 0;
    let landed!: () => void;
    let wake!: () => void;
    const firstStepLanded = new Promise<void>((resolve) => (landed = resolve));
    const woken = new Promise<void>((resolve) => (wake = resolve));
    // The process stalls after its first step committed (a paused machine): its work does not come back from its checkpoint until woken.
    const work = {
      ...inline,
      taskId: lost!.id,
      progress: (phase: string) => void (phase === 'saving' && saving++),
      checkpoint: () => (saving > 2 ? (landed(), woken) : Promise.resolve()),
    };
    const committing = commitImport(work, table, suggestMapping(table.columns), {}, 'died.csv');
    await firstStepLanded;
    expect((await admin.get('/api/v1/members')).json().total).toBe(500);
    // Another process's sweep finds the task lost and takes its import back.
    await t.app.tasks.stop();
    t.app.tasks.begin();
    await expect.poll(async () => (await admin.get('/api/v1/members')).json().total, { timeout: 10_000 }).toBe(0);
    expect((await admin.get(`/api/v1/tasks/${lost!.id}`)).json().state).toBe('failed');
    const [imp] = (await t.app.database.pool.query<{ state: string }>(`SELECT state FROM member_imports WHERE org_id = $1`, [orgId])).rows;
    expect(imp!.state).toBe('undone');
    const entries = (await admin.get('/api/v1/audit?action=member.import')).json().items;
    expect(entries.map((e: { action: string; actorName: string; after: unknown }) => [e.action, e.actorName, e.after])).toEqual([['member.import_undo', 'Test Admin', { filename: 'died.csv', removed: 500, kept: 0 }]]);
    // The stalled work wakes up: its next step finds the import taken back, writes nothing, and says so.
    wake();
    await expect(committing).rejects.toMatchObject({ code: 'members.import_undone' });
    expect((await admin.get('/api/v1/members')).json().total).toBe(0);
  });

  it('writes nothing when the import is cancelled while it writes', async () => {
    const { orgId, admin, adminId } = await createOrg(t.app, ghana);
    const rows = Array.from({ length: 2_500 }, (_, i) => `Firm number ${i},GH-AA`);
    const table = await readTable(csv(`Name,Region\n${rows.join('\n')}\n`), 'many.csv');
    const scope = { orgId, role: 'admin' as const, actor: { userId: adminId, name: 'Test Admin' }, locale: 'en' };
    const inline = t.app.tasks.inline(scope);
    let saving = 0;
    // The person cancels once the first 500 firms have been written and committed (the import writes in steps).
    const work = { ...inline, progress: (phase: string) => void (phase === 'saving' && saving++), checkpoint: async () => { if (saving > 2) throw new TaskCancelled(); } };
    await expect(commitImport(work, table, suggestMapping(table.columns), {}, 'many.csv')).rejects.toBeInstanceOf(TaskCancelled);
    expect(saving).toBeGreaterThan(2);
    expect((await admin.get('/api/v1/members')).json().total).toBe(0);
    // What had landed was taken back, and the log says so; the import itself was never recorded as done.
    const entries = (await admin.get('/api/v1/audit?action=member.import')).json().items;
    expect(entries.map((e: { action: string; after: unknown }) => [e.action, e.after])).toEqual([['member.import_undo', { filename: 'many.csv', removed: 500, kept: 0 }]]);
    const [imp] = (await t.app.database.pool.query<{ state: string }>(`SELECT state FROM member_imports WHERE org_id = $1`, [orgId])).rows;
    expect(imp!.state).toBe('undone');
    const left = await t.app.database.pool.query(`SELECT 1 FROM membership_status_history WHERE org_id = $1 UNION ALL SELECT 1 FROM member_name_words WHERE org_id = $1`, [orgId]);
    expect(left.rows).toHaveLength(0);
  });

  it('refuses hostile and malformed files cleanly', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const code = async (file: Buffer, name: string) => (await send(admin, 'preview', file, name)).json().code;
    expect(await code(Buffer.from('PK\u0003\u0004 this is not really a zip'), 'evil.xlsx')).toBe('file.unreadable');
    expect(await code(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'photo.xlsx')).toBe('file.unreadable');
    expect(await code(csv('only a header\n'), 'x.csv')).toBe('file.empty');
    expect(await code(csv(`${Array.from({ length: 1_000 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(999)}1\n`), 'wide.csv')).toBe('file.too_many_columns');
    // A zip whose one entry claims to unpack to far more than it may.
    expect(await code(zipBomb(), 'bomb.xlsx')).toBe('file.too_large');
    const huge = await send(admin, 'preview', Buffer.alloc(26 * 1024 * 1024, 65), 'huge.csv');
    expect(huge.statusCode).toBe(413);
    // Windows-1252 text is read as such, not refused or mangled.
    const latin = Buffer.from('Nom;Région\nSociété Générale de Karité;Ashanti\n', 'latin1');
    const preview = (await send(admin, 'preview', latin, 'latin.csv')).json();
    expect(preview).toMatchObject({ encoding: 'windows-1252', columns: ['Nom', 'Région'], sample: [['Société Générale de Karité', 'Ashanti']] });
  });
});

/** A minimal zip with one 200 MB entry of zeros, compressed to a few hundred kilobytes. */
function zipBomb(): Buffer {
  const size = 400 * 1024 * 1024;
  const data = deflateRawSync(Buffer.alloc(size));
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}
