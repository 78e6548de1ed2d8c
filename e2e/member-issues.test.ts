import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { expectAccessible, openPage, signIn, useProductAndBrowser } from './browser.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const member = DEMO_PEOPLE.find((p) => p.role === 'member')!;
const env = useProductAndBrowser();
const countIn = async (text: Promise<string | null>) => Number(/(\d+)/.exec((await text) ?? '')![1]);

describe('issues members raise', () => {
  it('a member joins an issue and raises another; staff forward it to advocacy with a message the member reads', async () => {
    const phone = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
    await signIn(phone, env.product.url, member.email, DEMO_PASSWORD);
    await phone.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await phone.goto(`${env.product.url}/issues`);
    const card = phone.getByRole('article', { name: 'Power cuts in the Kumasi industrial area' });
    const before = await countIn(card.getByText(/Firms affected/).textContent());
    await card.getByRole('button', { name: 'This affects us too' }).click();
    await card.getByRole('button', { name: 'Affects us ✓' }).waitFor();
    expect(await countIn(card.getByText(/Firms affected/).textContent())).toBe(before + 1);
    await expectAccessible(phone, 'issues list');

    // Raising: issues that read alike are offered first.
    await phone.getByRole('button', { name: 'Raise an issue' }).first().click();
    await phone.getByLabel(/The problem in one line/).fill('Power cuts');
    await phone.getByText(/Already raised by other members/).waitFor();
    await phone.getByLabel(/The problem in one line/).fill('Import duty on packaging doubled');
    await phone.getByRole('dialog').getByRole('button', { name: 'Raise an issue' }).click();
    await phone.getByRole('dialog').getByText('Required.').first().waitFor();
    await phone.getByRole('dialog').getByRole('combobox', { name: /^Category/ }).click();
    // The list's own Category filter is the browser's select, with options of the same names.
    await phone.getByRole('listbox', { name: 'Category' }).getByRole('option', { name: 'Tax' }).click();
    await phone.getByLabel(/What happens, and what it costs/).fill('Duty on imported jars went from 10% to 20% in July.');
    await phone.getByRole('dialog').getByRole('button', { name: 'Raise an issue' }).click();
    await phone.getByRole('heading', { name: 'Import duty on packaging doubled' }).waitFor();
    await phone.getByText('Firms affected: 1').waitFor();

    const staff = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
    await signIn(staff, env.product.url, admin.email, DEMO_PASSWORD);
    await staff.getByRole('link', { name: 'Issues raised' }).click();
    await staff.getByRole('link', { name: 'Import duty on packaging doubled' }).click();
    await staff.getByText(/Raised by /).waitFor();
    await staff.getByRole('combobox', { name: /^Status/ }).click();
    await staff.getByRole('option', { name: 'Not taken up' }).click();
    await staff.getByRole('button', { name: 'Save the status' }).click();
    await staff.getByText(/Say why, in a sentence/).first().waitFor();
    await staff.getByRole('combobox', { name: /^Status/ }).click();
    await staff.getByRole('option', { name: 'Forwarded to advocacy' }).click();
    await staff.getByLabel('Message to members').fill('The tax committee will raise it with the Ministry of Finance.');
    await staff.getByRole('button', { name: 'Save the status' }).click();
    await staff.getByText('Status: Forwarded to advocacy').waitFor();
    await expectAccessible(staff, 'issue page for staff');

    await phone.reload();
    await phone.getByRole('alert').getByText('The tax committee will raise it with the Ministry of Finance.').waitFor();
    expect(await phone.getByText('Ama Mensah').count()).toBe(0);
  });
});
