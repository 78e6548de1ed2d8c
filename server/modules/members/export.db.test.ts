import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../test/app.js';
import { useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg } from '../../test/factories.js';

const t = useTestApp();

async function csvTable(client: Client, query = '') {
  const res = await client.get(`/api/v1/members/export.csv${query}`);
  expect(res.statusCode).toBe(200);
  return parse(res.body.replace(/^\uFEFF/, '')) as string[][];
}

async function xlsxTable(client: Client) {
  const res = await client.request({ method: 'GET', url: '/api/v1/members/export.xlsx' });
  expect(res.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('members')!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** The cells of one firm's row under the given headers. */
function cellsOf(table: unknown[][], legalName: string) {
  const [header, ...rows] = table as [string[], ...unknown[][]];
  const row = rows.find((r) => r[header.indexOf('legal_name')] === legalName);
  expect(row, legalName).toBeDefined();
  return (name: string) => {
    expect(header, `header ${name}`).toContain(name);
    return row![header.indexOf(name)];
  };
}

describe('member export', () => {
  it('writes money in currency units under a header naming the currency, and yes/no in the person\'s language, in CSV and XLSX', async () => {
    const { admin } = await createOrg(t.app, { country: 'IN', regions: ['IN-MH'], currency: 'INR', languages: ['en', 'hi'] });
    await createMemberFirm(admin, { legalName: 'Pune Looms', region: 'IN-MH', turnover: 1250050, womenLed: true, youthLed: false });
    await createMemberFirm(admin, { legalName: 'Nashik Grapes', region: 'IN-MH' });

    const csv = cellsOf(await csvTable(admin), 'Pune Looms');
    expect(csv('turnover (INR)')).toBe('12500.5');
    expect([csv('women_led'), csv('youth_led')]).toEqual(['Yes', 'No']);
    const noTurnover = cellsOf(await csvTable(admin), 'Nashik Grapes');
    expect(noTurnover('turnover (INR)')).toBe('');
    expect([noTurnover('women_led'), noTurnover('youth_led')]).toEqual(['No', 'No']);

    const xlsx = cellsOf(await xlsxTable(admin), 'Pune Looms');
    expect(xlsx('turnover (INR)')).toBe(12500.5);
    expect([xlsx('women_led'), xlsx('youth_led')]).toEqual(['Yes', 'No']);

    // The person's own language, chosen in their profile, whatever the browser sends.
    expect((await admin.put('/api/v1/auth/profile', { name: 'Test Admin', locale: 'fr' })).statusCode).toBe(200);
    const french = cellsOf(await csvTable(admin), 'Pune Looms');
    expect([french('women_led'), french('youth_led')]).toEqual(['Oui', 'Non']);
    const frenchXlsx = cellsOf(await xlsxTable(admin), 'Pune Looms');
    expect([frenchXlsx('women_led'), frenchXlsx('youth_led')]).toEqual(['Oui', 'Non']);
    expect((await admin.put('/api/v1/auth/profile', { name: 'Test Admin', locale: 'ru' })).statusCode).toBe(200);
    expect(cellsOf(await csvTable(admin), 'Pune Looms')('women_led')).toBe('Да');
  });

  it('respects a currency without minor units (JPY) and one with two (GHS)', async () => {
    const japan = await createOrg(t.app, { country: 'JP', regions: ['JP-13'], currency: 'JPY' });
    await createMemberFirm(japan.admin, { legalName: 'Tokyo Lacquer', region: 'JP-13', turnover: 4800000 });
    expect(cellsOf(await csvTable(japan.admin), 'Tokyo Lacquer')('turnover (JPY)')).toBe('4800000');
    expect(cellsOf(await xlsxTable(japan.admin), 'Tokyo Lacquer')('turnover (JPY)')).toBe(4800000);

    const ghana = await createOrg(t.app);
    await createMemberFirm(ghana.admin, { legalName: 'Kumasi Kente', turnover: 99 });
    expect(cellsOf(await csvTable(ghana.admin), 'Kumasi Kente')('turnover (GHS)')).toBe('0.99');
    expect(cellsOf(await xlsxTable(ghana.admin), 'Kumasi Kente')('turnover (GHS)')).toBe(0.99);
  });
});
