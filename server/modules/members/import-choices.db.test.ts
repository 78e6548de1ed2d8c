import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../test/app.js';
import { useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg, createPerson } from '../../test/factories.js';

const t = useTestApp();
const ghana = { regions: ['GH-AA', 'GH-AH', 'GH-NP'] };

/** Check and commit run as tasks: followed here to their end. */
async function send(client: Client, step: 'check' | 'commit', file: Buffer, filename: string, fields?: Record<string, unknown>): ReturnType<Client['finished']>;
async function send(client: Client, step: 'preview' | 'rejected', file: Buffer, filename: string, fields?: Record<string, unknown>): ReturnType<Client['upload']>;
async function send(client: Client, step: 'preview' | 'check' | 'commit' | 'rejected', file: Buffer, filename: string, fields: Record<string, unknown> = {}) {
  const res = await client.upload(`/api/v1/members/import/${step}`, file, filename, fields);
  return step === 'check' || step === 'commit' ? client.finished(res) : res;
}

/** A workbook as a person keeps it: cells may be dates with a date format, formulas with their result, or plain values. */
async function xlsx(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Members');
  rows.forEach((r) => sheet.addRow(r));
  sheet.eachRow((row) => row.eachCell((cell) => {
    if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
  }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ids = (report: { rejected: Array<{ row: number }> }) => report.rejected.map((r) => r.row);

describe('an import the person steers row by row', () => {
  it('imports a formula cell by its value but lists every formula cell in the check', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const file = await xlsx([
      ['Firm name', 'Region', 'Member since', 'Employees'],
      [{ formula: 'HYPERLINK("https://click.example","Click")', result: 'Click' }, 'GH-AA', new Date(Date.UTC(2021, 2, 15)), 4],
      ['Kente House', 'GH-AH', new Date(Date.UTC(2019, 10, 2)), { formula: 'B2*0+7', result: 7 }],
    ]);
    const report = (await send(admin, 'check', file, 'list.xlsx')).json();
    expect(report.rejected).toEqual([]);
    expect(report.formulas).toEqual([
      { row: 2, column: 'Firm name', formula: 'HYPERLINK("https://click.example","Click")', value: 'Click' },
      { row: 3, column: 'Employees', formula: 'B2*0+7', value: '7' },
    ]);
    expect((await send(admin, 'commit', file, 'list.xlsx')).json()).toMatchObject({ created: 2 });
    const kente = (await admin.get('/api/v1/members?q=kente')).json().items[0];
    expect(kente).toMatchObject({ legalName: 'Kente House', joinedOn: '2019-11-02' });
  });

  it('imports the valid rows only when the person agreed to leave out exactly the rejected ones, and hands them back as a workbook', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const file = await xlsx([
      ['Name', 'Region', 'ISIC', 'Registration number'],
      ['Good One', 'GH-AA', '1079', '00123'],
      ['Bad Sector', 'GH-AA', '9999', '00124'],
      ['Good Two', 'GH-NP', '1061', '00125'],
      ['Far Away', 'Upper East', '1079', '00126'],
    ]);
    const report = (await send(admin, 'check', file, 'register.xlsx')).json();
    expect(report).toMatchObject({ rows: 4, valid: 2 });
    expect(ids(report)).toEqual([3, 5]);

    // Without the person's word the file is refused whole, as before; a stale count too.
    expect((await send(admin, 'commit', file, 'register.xlsx')).json().code).toBe('members.import_has_errors');
    expect((await send(admin, 'commit', file, 'register.xlsx', { skipRejected: 1 })).statusCode).toBe(409);
    expect((await admin.get('/api/v1/members')).json().total).toBe(0);

    const result = (await send(admin, 'commit', file, 'register.xlsx', { skipRejected: 2 })).json();
    expect(result).toMatchObject({ created: 2, merged: 0, skipped: 0, rejected: 2 });
    expect((await admin.get('/api/v1/members')).json().total).toBe(2);
    const audit = (await admin.get('/api/v1/audit?action=member.import')).json().items;
    expect(audit[0].after).toMatchObject({ created: 2, rejected: 2, rejectedRows: [3, 5] });

    const download = await send(admin, 'rejected', file, 'register.xlsx');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const rows = (wb.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows[0]).toEqual(['Name', 'Region', 'ISIC', 'Registration number', 'Row in the file', 'Why it was rejected']);
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['Bad Sector', 'GH-AA', '9999', '00124', 3],
      ['Far Away', 'Upper East', '1079', '00126', 5],
    ]);
    expect(rows[1]![5]).toMatch(/^ISIC class: Not an ISIC Rev\.4 class/);
    expect(rows[2]![5]).toMatch(/^Region: GH-UE is not one of the organisation's regions/);
  });

  it('shows a merge field by field and takes only what the person chose, recording before and after', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const firm = await createMemberFirm(admin, { legalName: 'Ludhiana Bicycle Parts', registrationNumber: 'UDYAM-PB-01', employeesFemale: 5, employeesMale: 10, email: 'old@lbp.example', region: 'GH-AA' });
    const file = await xlsx([
      ['Firm name', 'Registration number', 'Employees, women', 'E-mail', 'Turnover'],
      ['Ludhiana Bicycle Parts', 'UDYAM-PB-01', 8, 'new@lbp.example', 250000],
    ]);
    const report = (await send(admin, 'check', file, 'list.xlsx')).json();
    const candidate = report.duplicates[0].candidates[0];
    expect(candidate).toMatchObject({ memberId: firm.id, reason: 'registration_number' });
    expect(candidate.differences).toEqual([
      { field: 'employeesFemale', registry: 5, file: 8 },
      { field: 'turnover', registry: null, file: 25000000 },
      { field: 'email', registry: 'old@lbp.example', file: 'new@lbp.example' },
    ]);
    // A gap is filled from the file by default; a conflict waits for the person.
    expect(report.duplicates[0].suggested).toEqual({ merge: firm.id, fields: { turnover: 'file' } });

    const undecided = await send(admin, 'commit', file, 'list.xlsx');
    expect(undecided.statusCode).toBe(409);
    expect(undecided.json()).toMatchObject({ code: 'members.import_merge_undecided' });
    expect(undecided.json().title).toContain('Employees, women; E-mail');

    const decisions = { 2: { merge: firm.id, fields: { employeesFemale: 'file', email: 'registry', turnover: 'file' } } };
    expect((await send(admin, 'commit', file, 'list.xlsx', { decisions })).json()).toMatchObject({ created: 0, merged: 1 });
    expect((await admin.get(`/api/v1/members/${firm.id}`)).json()).toMatchObject({ employeesFemale: 8, employeesMale: 10, email: 'old@lbp.example', turnover: 25000000, sizeClass: 'small', version: 2 });
    const audit = (await admin.get('/api/v1/audit?action=member.import_merge')).json().items;
    expect(audit[0]).toMatchObject({ entityId: firm.id, before: { employeesFemale: 5, turnover: null }, after: { employeesFemale: 8, turnover: 25000000 } });
    expect(audit[0].after).not.toHaveProperty('email');
  });

  it('lets the person keep one row or both when the file holds a registration number twice', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const file = await xlsx([
      ['Firm name', 'Registration number', 'Region'],
      ['Shakti Looms', 'R-9', 'GH-AA'],
      ['Other Firm', 'R-10', 'GH-AA'],
      ['Shakti Looms (new address)', 'R-9', 'GH-AH'],
    ]);
    const report = (await send(admin, 'check', file, 'list.xlsx')).json();
    expect(report.rejected).toEqual([]);
    expect(report.fileDuplicates).toEqual([{ registrationNumber: 'R-9', rows: [{ row: 2, legalName: 'Shakti Looms' }, { row: 4, legalName: 'Shakti Looms (new address)' }] }]);

    const undecided = await send(admin, 'commit', file, 'list.xlsx');
    expect(undecided.json().code).toBe('members.import_file_duplicates_undecided');
    expect((await send(admin, 'commit', file, 'list.xlsx', { fileDuplicates: { 'R-9': 3 } })).statusCode).toBe(409);

    expect((await send(admin, 'commit', file, 'list.xlsx', { fileDuplicates: { 'R-9': 4 } })).json()).toMatchObject({ created: 2, skipped: 1 });
    const names = (await admin.get('/api/v1/members')).json().items.map((m: { legalName: string }) => m.legalName).sort();
    expect(names).toEqual(['Other Firm', 'Shakti Looms (new address)']);

    const { admin: other } = await createOrg(t.app, ghana);
    expect((await send(other, 'commit', file, 'list.xlsx', { fileDuplicates: { 'R-9': 'all' } })).json()).toMatchObject({ created: 3, skipped: 0 });
  });

  it('maps the headers people write, in their languages, and says which columns it leaves out', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const english = await xlsx([['Firm name', 'Phone', 'E-mail', 'District', 'Employees', 'Contact person', 'Remarks'], ['Agra Shoes', '+91 98100 00000', 'agra@shoes.example', '', 12, 'Ravi Kumar', 'pays late']]);
    const preview = (await send(admin, 'preview', english, 'list.xlsx')).json();
    expect(preview.suggestedMapping).toEqual({ legalName: 0, phone: 1, email: 2, district: 3, employeesTotal: 4, contactName: 5 });
    const report = (await send(admin, 'check', english, 'list.xlsx')).json();
    expect(report).toMatchObject({ notImported: ['Remarks'], totalEmployeesAsNote: 1, rejected: [] });
    await send(admin, 'commit', english, 'list.xlsx');
    const firm = (await admin.get('/api/v1/members?q=agra')).json().items[0];
    expect(firm).toMatchObject({ phone: '+91 98100 00000', employeesFemale: null, employeesMale: null });
    expect((await admin.get(`/api/v1/members/${firm.id}/contacts`)).json().items).toMatchObject([{ name: 'Ravi Kumar', consentToContact: false }]);
    const notes = (await admin.get(`/api/v1/members/${firm.id}/interactions`)).json().items;
    expect(notes).toMatchObject([{ kind: 'note' }]);
    expect(notes[0].summary).toContain('12');
  });

  it('points an unknown district to the settings and adds the missing ones for an admin', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const file = await xlsx([
      ['Firm name', 'Region', 'District'],
      ['Tamale Shea', 'GH-NP', 'Tamale Metropolitan'],
      ['Savelugu Rice', 'GH-NP', 'Tamale metropolitan'],
      ['Nowhere Firm', '', 'Atlantis'],
    ]);
    const report = (await send(admin, 'check', file, 'list.xlsx')).json();
    expect(ids(report)).toEqual([2, 3, 4]);
    expect(report.rejected[0].problems[0].message).toContain('Tiers, fees and sizes');
    expect(report.missingDistricts).toEqual([{ region: 'GH-NP', name: 'Tamale Metropolitan', rows: 2 }, { region: null, name: 'Atlantis', rows: 1 }]);

    const staff = await createPerson(t.app, orgId, 'staff');
    const body = { districts: [{ region: 'GH-NP', name: 'Tamale Metropolitan' }] };
    expect((await staff.client.post('/api/v1/members/import/districts', body)).statusCode).toBe(403);
    expect((await admin.post('/api/v1/members/import/districts', { districts: [{ region: 'GH-UE', name: 'Bolga' }] })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/members/import/districts', body)).json()).toEqual({ added: 1 });
    expect((await admin.post('/api/v1/members/import/districts', body)).json()).toEqual({ added: 0 });
    expect((await admin.get('/api/v1/members/settings')).json().districts).toEqual([{ region: 'GH-NP', name: 'Tamale Metropolitan' }]);
    expect((await admin.get('/api/v1/audit?action=members.settings_update')).json().items).toHaveLength(1);
    expect(ids((await send(admin, 'check', file, 'list.xlsx')).json())).toEqual([4]);
  });

  it('re-reads a CSV in the encoding the person picks', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const cyrillic = Buffer.from(new Uint8Array([...'Name\n'].map((c) => c.charCodeAt(0)).concat([0xcc, 0xe8, 0xf0, 0x0a])));
    const forced = (await send(admin, 'preview', cyrillic, 'list.csv', { encoding: 'windows-1251' })).json();
    expect(forced).toMatchObject({ encoding: 'windows-1251', sample: [['Мир']] });
    expect((await send(admin, 'preview', cyrillic, 'list.csv', { encoding: 'ebcdic' })).statusCode).toBe(400);
  });
});
