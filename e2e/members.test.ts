import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { expectAccessible, openPage, signIn, useProductAndBrowser } from './browser.js';

const staff = DEMO_PEOPLE.find((p) => p.role === 'staff')!;
const member = DEMO_PEOPLE.find((p) => p.role === 'member')!;
const env = useProductAndBrowser();

describe('a membership officer keeps the registry', () => {
  it('imports a spreadsheet, finds a firm by a misspelt name, and records its fee payment', async () => {
    const page = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
    await signIn(page, env.product.url, staff.email, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Member firms' }).click();
    await page.getByText(/Firms found: /).waitFor();
    await expectAccessible(page, 'member list');

    // Import: a file with one bad row is refused as a whole, the fixed file lands.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-e2e-import-'));
    const bad = path.join(dir, 'register.csv');
    fs.writeFileSync(bad, 'Company name,Region,ISIC,Female employees\nSavelugu Rice Millers,Northern,1061,4\nBad Row Ltd,Northern,9999,1\n');
    await page.getByRole('link', { name: 'Import' }).click();
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByText('Which column holds what?').waitFor();
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('Rejected: 1').waitFor();
    await page.getByText(/Not an ISIC Rev.4 class/).waitFor();
    expect(await page.getByRole('button', { name: /Import 1 rows/ }).isDisabled()).toBe(true);
    await expectAccessible(page, 'import report');
    const good = path.join(dir, 'register-fixed.csv');
    fs.writeFileSync(good, 'Company name,Region,ISIC,Female employees,Status\nSavelugu Rice Millers,Northern,1061,4,applicant\nGushegu Grain Traders,Northern,4620,1,active\n');
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    await page.getByText('2 firms created, 0 merged into existing firms, 0 rows skipped.').waitFor();

    await page.getByRole('link', { name: 'Member firms' }).first().click();
    await page.getByLabel('Search').fill('savelgu rice');
    await page.getByRole('link', { name: 'Savelugu Rice Millers' }).click();
    await page.getByRole('tab', { name: 'Profile' }).waitFor();
    await expectAccessible(page, 'member profile');

    // Place the firm on the map: a click fills the coordinates the form saves.
    await page.getByRole('application', { name: 'Map: click to place the firm' }).click({ position: { x: 200, y: 120 } });
    expect(await page.getByLabel('Latitude').inputValue()).toMatch(/^-?\d+(\.\d+)?$/);
    expect(await page.getByLabel('Longitude').inputValue()).toMatch(/^-?\d+(\.\d+)?$/);

    // Approve with a tier so that the year's invoice is issued, then record the payment.
    await page.getByLabel('Membership tier').first().click();
    await page.getByRole('option', { name: 'Ordinary' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('button', { name: 'Decide on the application' }).click();
    await page.getByRole('menuitem', { name: 'Approve' }).click();
    await page.getByLabel('Reason (kept in the history)').fill('Approved by the committee');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByText('Status changed to Active.').waitFor();
    await page.getByRole('tab', { name: 'Membership and fees' }).click();
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByRole('dialog').getByLabel('Reference (e.g. mobile money code)').fill('MM-555');
    await page.getByRole('dialog').getByRole('button', { name: 'Record payment' }).click();
    await page.getByRole('cell', { name: 'Paid', exact: true }).waitFor();
    await expectAccessible(page, 'membership tab');
  });
});

describe('a member firm', () => {
  it('sees its own record and invoices, on a phone', async () => {
    const page = await openPage(env.browser, { viewport: { width: 375, height: 740 } });
    await signIn(page, env.product.url, member.email, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await page.getByRole('link', { name: 'My firm' }).click();
    await page.getByText('Invoices').waitFor();
    await page.getByLabel(/^Legal name/).waitFor();
    expect(await page.getByRole('link', { name: 'Member firms' }).count()).toBe(0);
    await expectAccessible(page, 'member portal');
  });
});
