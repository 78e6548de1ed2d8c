import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { expectAccessible, openPage, signIn, useProductAndBrowser } from './browser.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const env = useProductAndBrowser();

describe('a consultation of members', () => {
  it('staff remind the firms that have not answered; one answers on a phone, offline for a while, and its answer counts', async () => {
    const staffPage = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
    await signIn(staffPage, env.product.url, admin.email, DEMO_PASSWORD);
    await staffPage.getByRole('link', { name: 'Consultations', exact: true }).click();
    await staffPage.getByRole('link', { name: 'Port clearance delays 2026' }).click();
    await staffPage.getByText('Does your firm import through Tema port?').first().waitFor();
    const answeredBefore = Number(await staffPage.getByText('Answered', { exact: true }).locator('xpath=following-sibling::*[not(self::style)][1]').textContent());
    expect(answeredBefore).toBeGreaterThan(10);
    await expectAccessible(staffPage, 'consultation results');
    await staffPage.getByLabel('Cross-tabulate by').first().click();
    await staffPage.getByRole('option', { name: 'Region' }).click();
    // Regions are named, not shown as ISO codes (GH-AA).
    await staffPage.getByRole('columnheader', { name: 'Greater Accra' }).first().waitFor();
    await staffPage.getByRole('tab', { name: 'Free-text answers' }).click();
    await staffPage.getByText('Publish the official charges.').first().waitFor();

    await staffPage.getByRole('tab', { name: 'Results' }).click();
    await staffPage.getByRole('button', { name: 'Remind' }).click();
    await staffPage.getByRole('dialog').getByRole('button', { name: 'Remind' }).click();
    await staffPage.getByText(/firms reminded/).waitFor();
    const outbox = await staffPage.request.get(`${env.product.url}/api/v1/mail/outbox?limit=200`);
    const reminder = ((await outbox.json()).items as Array<{ kind: string; body: string }>).find((m) => m.kind === 'consultation_reminder')!;
    const link = /https?:\/\/\S+\/r\/(i-[\w-]+)/.exec(reminder.body)![1]!;

    // The firm answers on a cheap phone.
    const phone = await openPage(env.browser, { viewport: { width: 360, height: 720 } });
    await phone.goto(`${env.product.url}/r/${link}`);
    await phone.getByRole('heading', { name: 'Port clearance delays' }).waitFor();
    await phone.getByRole('radio', { name: 'Yes' }).first().check();
    // Skip logic: the port questions appear only for importers.
    const days = phone.getByLabel(/Days to clear a container/);
    await days.fill('400');
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await phone.getByText('Between 0 and 364 days').waitFor();
    await expectAccessible(phone, 'respondent page with an error');

    // The connection drops: the answer stays on the phone and goes when it returns.
    await phone.context().setOffline(true);
    await days.fill('12');
    await phone.getByText(/No connection: your answers are kept on this phone/).waitFor({ timeout: 10_000 });
    await phone.context().setOffline(false);
    await phone.getByText('Saved.').waitFor({ timeout: 15_000 });
    await phone.reload();
    await phone.getByLabel(/Days to clear a container/).waitFor();
    expect(await phone.getByLabel(/Days to clear a container/).inputValue()).toBe('12');

    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await phone.getByText(/Thank you. Your answers were sent/).waitFor();

    await staffPage.reload();
    await staffPage.getByText('Does your firm import through Tema port?').first().waitFor();
    const answeredAfter = Number(await staffPage.getByText('Answered', { exact: true }).locator('xpath=following-sibling::*[not(self::style)][1]').textContent());
    expect(answeredAfter).toBe(answeredBefore + 1);
  });

  it('builds a form in the browser and publishes it', async () => {
    const page = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
    await signIn(page, env.product.url, admin.email, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Forms', exact: true }).click();
    await page.getByRole('button', { name: 'New form' }).click();
    await page.getByLabel('Title (English)').fill('Training evaluation');
    await page.getByLabel('Label (English)').first().fill('How useful was the training?');
    await page.getByLabel('Type').first().click();
    await page.getByRole('option', { name: 'Scale' }).click();
    await page.getByRole('button', { name: 'Add a question' }).last().click();
    await page.getByLabel('Name').nth(1).fill('q1');
    await page.getByText('Another question already has this name.').first().waitFor();
    expect(await page.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
    await page.getByLabel('Name').nth(1).fill('comment');
    await page.getByLabel('Label (English)').nth(1).fill('What should we change?');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Version 1 published.').waitFor();
    await expectAccessible(page, 'form builder');

    // The preview is the respondent's page, following the builder as it changes.
    const [preview] = await Promise.all([page.waitForEvent('popup'), page.getByRole('link', { name: 'Preview' }).click()]);
    await preview.getByRole('heading', { name: 'Training evaluation' }).waitFor();
    await preview.getByText(/Preview: answers are checked here/).waitFor();
    await page.getByLabel('Label (English)').nth(1).fill('What should we change next time?');
    await preview.getByText('What should we change next time?').waitFor();
    await preview.getByRole('button', { name: 'Check my answers' }).click();
    await preview.getByText('These answers pass every check of the form. Nothing was sent.').waitFor();
  });

  it("staff take a firm's answers over the telephone on the respondent's page", async () => {
    const page = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
    await signIn(page, env.product.url, admin.email, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Consultations', exact: true }).waitFor();
    // A firm that was not invited (not active) and has not answered.
    const lapsed = (await (await page.request.get(`${env.product.url}/api/v1/members?status=lapsed&limit=1`)).json()).items[0] as { legalName: string };
    await page.getByRole('link', { name: 'Consultations', exact: true }).click();
    await page.getByRole('link', { name: 'Port clearance delays 2026' }).click();
    await page.getByRole('button', { name: "Enter a firm's answers" }).click();
    await page.getByRole('button', { name: 'Open the form' }).click();
    await page.getByText('Choose the firm whose answers you are entering.').waitFor();
    await page.getByRole('dialog').getByRole('combobox', { name: /^Firm/ }).fill(lapsed.legalName);
    await page.getByRole('option', { name: lapsed.legalName }).first().click();
    await page.getByRole('button', { name: 'Open the form' }).click();
    await page.getByText(`You are entering ${lapsed.legalName}'s answers from a telephone call.`).waitFor();
    await page.getByRole('radio', { name: 'No' }).first().check();
    await page.getByRole('button', { name: 'Record the answers' }).click();
    await page.getByText(`The answers of ${lapsed.legalName} are recorded.`).waitFor();
    await page.getByRole('link', { name: 'Back to the consultation' }).click();
    await page.getByText('Does your firm import through Tema port?').first().waitFor();
  });
});
