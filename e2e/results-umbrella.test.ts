import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { expectAccessible, openPage, signIn, useProductAndBrowser } from './browser.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const env = useProductAndBrowser();

describe("an umbrella's results dashboard", () => {
  it("shows its people indicators over its branches on a 390 px phone: the total, each branch and what they add up to, and each branch's own records", async () => {
    const page = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
    await signIn(page, env.product.url, admin.email, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Open the menu' }).waitFor();
    await page.goto(`${env.product.url}/results/dashboard`);
    const section = page.getByRole('region', { name: 'Over our branches' });
    await section.waitFor();
    await section.getByText('Total, each person once').first().waitFor();
    await section.getByText('Ashanti Regional Chamber', { exact: true }).first().waitFor();
    await section.getByText('Not run by a branch', { exact: true }).first().waitFor();
    await section.getByText(/^Added up: /).first().waitFor();
    // Beside them, each branch's own records (organisations of their own), which add up with the total.
    await section.getByText('Each branch is an organisation of its own', { exact: false }).waitFor();
    await section.getByText('In the branches’ own records', { exact: true }).first().waitFor();
    await section.getByText(/^With the branches’ own records: \d/).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'umbrella results dashboard (phone)');

    // Each indicator's figures by sex, then by age band: one line under every figure, the parts adding up to it.
    const card = section.getByRole('radiogroup').first().locator('xpath=..');
    const total = Number((await card.locator('[data-testid^="umbrella-total-"]:not([data-testid$="-by"])').textContent())!.replace(/,/g, ''));
    const addedUp = async () => (await card.locator('[data-testid^="umbrella-total-"][data-testid$="-by"]').textContent())!
      .split(' · ').reduce((s, part) => s + Number(/([\d,]+)$/.exec(part)![1]!.replace(/,/g, '')), 0);
    await card.getByText('By sex', { exact: true }).click();
    const bySex = card.getByText(/^Women: \d+ · Men: \d+ · Not stated: \d+$/);
    await bySex.first().waitFor();
    expect(await bySex.count()).toBeGreaterThan(1);
    expect(await addedUp()).toBe(total);
    await card.getByText('By age', { exact: true }).click();
    await card.getByText(/^Under 15: \d+ · 15–24 \(youth\): \d+ · 25–34: \d+ · 35 and over: \d+ · Not stated: \d+$/).first().waitFor();
    expect(await addedUp()).toBe(total);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'umbrella results dashboard by age band (phone)');
  });
});
