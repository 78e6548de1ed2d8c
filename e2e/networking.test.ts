import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { expectAccessible, openPage, signIn, useProductAndBrowser } from './browser.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const member = DEMO_PEOPLE.find((p) => p.role === 'member')!;
const env = useProductAndBrowser();
const TITLE = 'Kente stoles for hotel gift shops';

describe('networking', () => {
  it('a firm writes an offer on a phone and submits it; staff publish it, read why a firm matches and introduce the two; the firm sees the introduction', async () => {
    const phone = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
    await signIn(phone, env.product.url, member.email, DEMO_PASSWORD);
    await phone.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await phone.goto(`${env.product.url}/networking/my-offers`);
    await phone.getByRole('button', { name: 'New offer or request' }).click();
    await phone.getByLabel(/^Title/).fill(TITLE);
    await phone.getByLabel('What is offered').fill('Hand-woven kente stoles in the hotels\' colours, 40 a month, packed for gift shops.');
    const hs = phone.getByRole('combobox', { name: 'Products (HS codes)' });
    await hs.fill('6214');
    await hs.press('Enter');
    await phone.getByRole('button', { name: 'Save' }).click();
    const card = phone.locator('.mantine-Paper-root').filter({ hasText: TITLE }).last();
    await card.getByText('Draft').waitFor();
    await card.getByRole('button', { name: 'Submit for review' }).click();
    await card.getByText('Waiting for review').waitFor();
    await expectAccessible(phone, 'my offers (390 px)');

    // Staff: the review queue opens on what waits for review.
    const staff = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
    await signIn(staff, env.product.url, admin.email, DEMO_PASSWORD);
    await staff.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await staff.goto(`${env.product.url}/networking/offers`);
    await staff.getByRole('link', { name: TITLE }).click();
    await staff.getByRole('button', { name: 'Publish' }).click();
    await staff.getByText('Published', { exact: true }).first().waitFor();
    // Each match says why, rule by rule, with its points.
    const match = staff.locator('.mantine-Paper-root').filter({ has: staff.getByRole('button', { name: 'Introduce' }) }).first();
    await match.waitFor();
    expect(await match.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await match.getByRole('listitem').first().textContent()).toMatch(/\+\d+([.,]\d+)?$/);
    const matched = (await match.locator('p').first().textContent())!.trim();
    await expectAccessible(staff, 'an offer with its matches');
    await match.getByRole('button', { name: 'Introduce' }).click();
    await staff.getByText('The firms are introduced.').waitFor();
    await staff.getByRole('tab', { name: 'Introductions' }).click();
    await staff.getByText(matched).first().waitFor();
    await staff.getByText('Proposed').first().waitFor();
    expect(new URL(staff.url()).searchParams.get('tab')).toBe('introductions');

    // The firm reads the introduction on its phone.
    await phone.goto(`${env.product.url}/networking/market`);
    const intro = phone.locator('.mantine-Paper-root').filter({ hasText: TITLE });
    await intro.getByText(matched).waitFor();
    await intro.getByText('Proposed').waitFor();
  });
});
