import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { expectAccessible, openPage, signIn, useProductAndBrowser } from './browser.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const member = DEMO_PEOPLE.find((p) => p.role === 'member')!;
const env = useProductAndBrowser();
const PRODUCT = 'Kente table runner, Adweneasa pattern';
const SUBJECT = 'Labels for kente sold in the United Kingdom';
const ANSWER = 'Each runner needs a label with its fibre content and the country of origin; we will send you the template.';
const phoneSize = { viewport: { width: 390, height: 844 } };

describe('showcase of local products and information service', () => {
  it('a firm proposes a product on a phone; staff rate and publish it and the public showcase shows it; the firm asks a question, staff answer, the firm reads it', async () => {
    const phone = await openPage(env.browser, phoneSize);
    await signIn(phone, env.product.url, member.email, DEMO_PASSWORD);
    await phone.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await phone.goto(`${env.product.url}/networking/my-products`);
    await phone.getByRole('button', { name: 'Add a product' }).click();
    await phone.getByLabel(/^Product name/).fill(PRODUCT);
    await phone.getByLabel('Description').fill('Hand-woven in silk and cotton, 35 × 180 cm, for dining tables and altars.');
    await phone.getByLabel('HS code').fill('6304');
    await phone.getByLabel('Village, town or district').fill('Bonwire');
    await phone.getByRole('button', { name: 'Save' }).click();
    const mine = phone.locator('.mantine-Paper-root').filter({ hasText: PRODUCT }).first();
    await mine.getByText('Draft', { exact: true }).waitFor();
    await mine.getByRole('button', { name: 'Submit for review' }).click();
    await mine.getByText('Waiting for review', { exact: true }).waitFor();
    await expectAccessible(phone, 'my showcase products (390 px)');

    // Staff rate it on the chamber's OVOP scale and publish it.
    const staff = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
    await signIn(staff, env.product.url, admin.email, DEMO_PASSWORD);
    await staff.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await staff.goto(`${env.product.url}/networking/products?state=submitted`);
    const card = staff.locator('.mantine-Paper-root').filter({ hasText: PRODUCT }).first();
    await card.getByText('Waiting for review', { exact: true }).waitFor();
    await expectAccessible(staff, 'the showcase review queue');
    await card.getByLabel('OVOP stars').click();
    await staff.getByRole('option', { name: '4 · Ready for export' }).click();
    await card.getByText(/^Quality rating: 4 · Rated by /).waitFor();
    await card.getByRole('button', { name: 'Publish' }).click();
    await card.waitFor({ state: 'detached' });
    const showcase = await staff.getByRole('link', { name: 'Open the public showcase' }).getAttribute('href');
    expect(showcase).toMatch(/^\/directory\/[0-9a-f-]{36}\/products$/);

    // Anyone, without signing in, finds it on the public showcase with its rating in the scale's words.
    const visitor = await openPage(env.browser, phoneSize);
    await visitor.goto(`${env.product.url}${showcase}`);
    const article = visitor.locator('article').filter({ has: visitor.getByRole('heading', { name: PRODUCT }) });
    await article.getByText('Bonwire Kente Weavers').waitFor();
    await article.getByText('Ready for export').waitFor();
    await expectAccessible(visitor, 'the public showcase (390 px)');

    // The firm asks the information service a question from its phone.
    await phone.goto(`${env.product.url}/networking/my-info`);
    await phone.getByRole('heading', { name: 'Export finance for small exporters' }).waitFor();
    await expectAccessible(phone, 'the information service\'s entries (390 px)');
    await phone.getByRole('tab', { name: 'Our questions' }).click();
    await phone.getByLabel(/^Subject/).fill(SUBJECT);
    await phone.getByLabel(/^Question/).fill('We send 60 table runners to a shop in London in March. What must the label say?');
    await phone.getByRole('button', { name: 'Ask a question' }).click();
    const asked = phone.locator('.mantine-Paper-root').filter({ has: phone.getByRole('heading', { name: SUBJECT }) });
    await asked.getByText('Open', { exact: true }).waitFor();

    // Staff answer it from the enquiries inbox, which opens on what is waiting.
    await staff.goto(`${env.product.url}/networking/info`);
    // An entry past its review date is flagged to staff.
    await staff.locator('.mantine-Paper-root').filter({ has: staff.getByRole('heading', { name: 'Ghana International Trade Fair, Accra' }) }).getByText('Review due').waitFor();
    await expectAccessible(staff, 'the information service\'s entries for staff');
    await staff.getByRole('tab', { name: 'Enquiries' }).click();
    const enquiry = staff.locator('.mantine-Paper-root').filter({ has: staff.getByRole('heading', { name: SUBJECT }) });
    await enquiry.getByText('Bonwire Kente Weavers', { exact: false }).waitFor();
    await expectAccessible(staff, 'the information service\'s enquiries');
    await enquiry.getByLabel('Answer').fill(ANSWER);
    await enquiry.getByRole('button', { name: 'Send answer' }).click();
    await enquiry.waitFor({ state: 'detached' });

    // The firm reads the answer and how long it took.
    await phone.reload();
    await phone.getByRole('tab', { name: 'Our questions' }).click();
    await asked.getByText('Answered', { exact: true }).waitFor();
    await asked.getByText(ANSWER).waitFor();
    await asked.getByText(/^Time to answer: /).waitFor();
    await expectAccessible(phone, 'our questions, answered (390 px)');
  });
});
