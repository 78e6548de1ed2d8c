import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { expectAccessible, openPage, signIn, useProductAndBrowser } from './browser.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const env = useProductAndBrowser();

/** The hand-kept list: real date cells, a formula, a registration number twice, and two rows that cannot go in. */
async function memberList(file: string) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Members');
  sheet.addRow(['Firm name', 'Registration number', 'Region', 'ISIC', 'Member since', 'Employees', 'Contact person', 'Remarks']);
  sheet.addRow(['Zebilla Gari Works', 'ZB-001', 'GH-AA', '1061', new Date(Date.UTC(2020, 5, 15)), 12, 'Akosua Nyarko', 'pays on time']);
  sheet.addRow([{ formula: 'PROPER("quillwort tours")', result: 'Quillwort Tours' }, 'ZB-002', 'GH-AH', '7911', new Date(Date.UTC(2022, 0, 10)), 3, '', '']);
  sheet.addRow(['Zebilla Gari Works (old entry)', 'ZB-001', 'GH-AA', '1061', new Date(Date.UTC(2018, 1, 1)), 9, '', 'duplicate']);
  sheet.addRow(['Wrong Sector Traders', 'ZB-004', 'GH-AA', '9999', new Date(Date.UTC(2021, 2, 3)), 2, '', '']);
  sheet.addRow(['Far Region Traders', 'ZB-005', 'Maharashtra', '4620', new Date(Date.UTC(2021, 2, 4)), 2, '', '']);
  sheet.getColumn(5).numFmt = 'dd/mm/yyyy';
  await wb.xlsx.writeFile(file);
}

describe('a membership officer imports a hand-kept Excel list', () => {
  it('keeps the valid rows, lets the person settle the duplicate, and hands back the rejected rows to fix', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-e2e-member-import-'));
    const file = path.join(dir, 'association-list.xlsx');
    await memberList(file);

    // A phone-sized screen: the officer may well do this from one.
    const page = await openPage(env.browser, { viewport: { width: 390, height: 844 }, acceptDownloads: true });
    await signIn(page, env.product.url, admin.email, DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${env.product.url}/members/import`);
    await page.getByText('No file chosen yet').waitFor();
    await expectAccessible(page, 'empty import page');

    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('Which column holds what?').waitFor();
    await page.getByRole('cell', { name: 'Quillwort Tours' }).waitFor();
    await page.getByText('Not imported: Remarks').waitFor();
    await page.getByRole('button', { name: 'Check the file' }).click();

    await page.getByText('Rejected: 2').waitFor();
    await page.getByText('=PROPER("quillwort tours")').waitFor();
    expect(await page.getByRole('button', { name: 'Import 3 rows' }).isDisabled()).toBe(true);
    await page.getByRole('combobox', { name: 'Which row to keep for registration number ZB-001' }).click();
    await page.getByRole('option', { name: 'Keep row 2 (Zebilla Gari Works)' }).click();
    await expectAccessible(page, 'import check step');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the 2 rejected rows (XLSX)' }).click()]);
    const saved = path.join(dir, 'rejected.xlsx');
    await download.saveAs(saved);
    const rejected = new ExcelJS.Workbook();
    await rejected.xlsx.readFile(saved);
    const rows = (rejected.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows[0]!.slice(-2)).toEqual(['Row in the file', 'Why it was rejected']);
    expect(rows.slice(1).map((r) => [r[0], r[8]])).toEqual([['Wrong Sector Traders', 5], ['Far Region Traders', 6]]);
    expect(String(rows[1]![9])).toContain('Not an ISIC Rev.4 class');
    expect(String(rows[2]![9])).toContain("is not one of the organisation's regions");

    await page.getByRole('button', { name: 'Import the 3 valid rows, skip the 2 rejected' }).click();
    await page.getByText('2 firms created, 0 merged into existing firms, 1 rows skipped.').waitFor();
    await page.getByText('2 rejected rows were left out.', { exact: false }).waitFor();

    await page.goto(`${env.product.url}/members`);
    // On a phone the filters wait behind one button.
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByLabel('Search', { exact: true }).fill('zebilla gari');
    await page.getByRole('link', { name: 'Zebilla Gari Works' }).click();
    // The joined date came from a real date cell: that very day, however the organisation writes dates.
    await page.getByText(/member since (15 Jun 2020|Jun 15, 2020|15\/06\/2020)/).waitFor();
    await page.getByRole('tab', { name: 'Contacts' }).click();
    await page.getByText('Akosua Nyarko').waitFor();
    const joinedOn = async (q: string) => page.evaluate(async (query) => (await (await fetch(`/api/v1/members?q=${query}`)).json()).items.map((m: { legalName: string; joinedOn: string }) => [m.legalName, m.joinedOn]), q);
    expect(await joinedOn('zebilla')).toEqual([['Zebilla Gari Works', '2020-06-15']]);
    expect(await joinedOn('quillwort')).toEqual([['Quillwort Tours', '2022-01-10']]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
