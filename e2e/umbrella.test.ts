import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { expectAccessible, openPage, signIn, useProductAndBrowser } from './browser.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const env = useProductAndBrowser();

describe('an umbrella chamber', () => {
  it('compares its branches on a 390 px phone: every branch, its own firms, the total, and the firms of branches that share', async () => {
    const page = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
    await signIn(page, env.product.url, admin.email, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Open the menu' }).waitFor();
    await page.goto(`${env.product.url}/membership`);
    // On a phone the rows are cards and the wide table is hidden: only what is visible counts.
    await page.getByText('Federation total', { exact: true }).filter({ visible: true }).first().waitFor();
    await page.getByText(/: own members$/).filter({ visible: true }).first().waitFor();
    for (const branch of ['Greater Accra Regional Chamber', 'Ashanti Regional Chamber']) await page.getByRole('button', { name: branch }).waitFor();
    await page.getByText('Northern Regional Chamber', { exact: true }).filter({ visible: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Northern Regional Chamber' }).count()).toBe(0);
    await page.getByText('Figures only', { exact: true }).filter({ visible: true }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'umbrella dashboard (phone)');

    await page.getByRole('button', { name: 'Ashanti Regional Chamber' }).click();
    const dialog = page.getByRole('dialog', { name: 'Firms of Ashanti Regional Chamber' });
    await dialog.waitFor();
    await dialog.getByText(/ · /).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
