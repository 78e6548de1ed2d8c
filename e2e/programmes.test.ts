// The programmes' journeys share one product: the people they reach, and the results reported on them.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { expectAccessible, openPage, signIn, useProductAndBrowser } from './browser.js';

const staff = DEMO_PEOPLE.find((p) => p.role === 'staff')!;
const director = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const env = useProductAndBrowser();

describe('people the programmes reach', () => {
  it('an officer on a phone records a trainee, is shown the same person when recording her again, and merges a duplicate', async () => {
    const phone = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
    await signIn(phone, env.product.url, staff.email, DEMO_PASSWORD);
    await phone.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await phone.goto(`${env.product.url}/people-reached`);
    await phone.getByRole('link', { name: 'Record a person' }).click();
    await phone.getByLabel(/^Name/).fill('Abena Konadu');
    await phone.getByLabel('Birth year').fill('2002');
    await phone.getByLabel('Phone').fill('+233 24 700 1234');
    await phone.getByRole('button', { name: 'Save' }).click();
    await phone.getByRole('heading', { name: 'Abena Konadu' }).waitFor();
    await phone.getByText('15–24 (youth)').waitFor();
    await expectAccessible(phone, 'person reached');

    // The same phone written the local way: she is offered before saving.
    await phone.goto(`${env.product.url}/people-reached/new`);
    await phone.getByLabel(/^Name/).fill('A. Konadu');
    await phone.getByLabel('Phone').fill('024 700 1234');
    await phone.getByText(/this is the same person/).waitFor();
    await phone.getByRole('status').getByText('Abena Konadu').waitFor();
    await expectAccessible(phone, 'form with a match');
    // Recorded anyway as a different person (a shared family phone), then merged back.
    await phone.getByRole('button', { name: /save as a different person/ }).click();
    await phone.getByRole('heading', { name: 'A. Konadu' }).waitFor();
    const duplicate = new URL(phone.url()).pathname;
    await phone.goto(`${env.product.url}/people-reached`);
    await phone.getByRole('link', { name: 'Abena Konadu' }).click();
    await phone.getByRole('combobox', { name: 'The other record' }).fill('Konadu');
    await phone.getByRole('option', { name: /^A\. Konadu/ }).click();
    await phone.getByRole('button', { name: 'Merge the records' }).click();
    await phone.getByRole('dialog').getByText(/Merge A\. Konadu into Abena Konadu\?/).waitFor();
    await phone.getByRole('dialog').getByRole('button', { name: 'Merge the records' }).click();
    await phone.getByText('Records merged into this one').waitFor();
    await phone.goto(`${env.product.url}${duplicate}`);
    await phone.getByRole('heading', { name: 'Abena Konadu' }).waitFor();
    expect(await phone.getByRole('heading', { name: 'A. Konadu' }).count()).toBe(0);
  });
});

/** Another person of the chamber, working through the API at the same time (a late record). */
async function apiAs(base: string, email: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (path: string, body: unknown) => {
    const r = await fetch(`${base}${path}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<{ id: string }>;
  };
}

describe('results reported to a donor', () => {
  it('a programme manager builds a framework from the library, approves a period, sees a late record as a correction, and publishes the IATI file', async () => {
    const page = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
    await signIn(page, env.product.url, director.email, DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${env.product.url}/results`);
    // The demo's donor programme is listed (server/demo/seed-results.ts); this framework is made beside it.
    await page.getByRole('link', { name: /^BMO strengthening programme, Ghana/ }).waitFor();
    await page.getByRole('button', { name: 'New framework' }).click();
    await page.getByLabel(/^Name/).fill('SME Competitiveness Programme');
    await page.getByLabel('Donor').fill('Development partner');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'SME Competitiveness Programme' }).waitFor();

    await page.getByRole('button', { name: 'Add indicator' }).click();
    await page.getByRole('dialog').getByRole('combobox', { name: 'Source' }).click();
    await page.getByRole('option', { name: 'New member firms' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Add indicator' }).click();
    await page.getByRole('cell', { name: /^New member firms/ }).waitFor();
    await expectAccessible(page, 'results framework');

    await page.getByRole('button', { name: 'Add period' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Add period' }).click();
    await page.getByRole('heading', { name: '2026' }).waitFor();
    const total = page.locator('[data-testid^="total-"]').first();
    const before = Number((await total.innerText()).replace(/\D/g, ''));
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByRole('button', { name: 'Approve and freeze' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Approve and freeze' }).click();
    await page.getByText('Approved: shown as reported').waitFor();
    await expectAccessible(page, 'approved report');

    // A colleague approves a new member afterwards: the report keeps its figure and shows the difference.
    const post = await apiAs(env.product.url, director.email);
    const firm = await post('/api/v1/members', { legalName: 'Late Shea Cooperative', region: 'GH-AA' });
    await post(`/api/v1/members/${firm.id}/status`, { status: 'active' });
    await page.reload();
    await page.getByText('Corrections since approval').waitFor();
    expect(Number((await total.innerText()).replace(/\D/g, ''))).toBe(before);
    await page.getByText(`New member firms: ${before} → ${before + 1}`).waitFor();

    // The framework goes to IATI: identifiers given, the file checked against the schema and published.
    await page.getByRole('link', { name: /SME Competitiveness Programme/ }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Organisation identifier (IATI)').fill('GH-RGD-CS123456789');
    await page.getByRole('combobox', { name: 'Organisation type (IATI)' }).fill('Private Sector');
    await page.getByRole('option', { name: /^70 — Private Sector$/ }).click();
    await page.getByLabel('Activity identifier').fill('GH-RGD-CS123456789-SME-1');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Publish' }).click();
    const address = page.getByRole('link', { name: /\/iati\// });
    await address.waitFor();
    const published = await fetch(await address.getAttribute('href') as string);
    expect(published.status).toBe(200);
    const xml = await published.text();
    expect(xml).toContain('<iati-identifier>GH-RGD-CS123456789-SME-1</iati-identifier>');
    expect(xml).toContain(`<actual value="${before}"/>`);
  });
});
