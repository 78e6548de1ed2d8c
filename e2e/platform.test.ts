import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { expectAccessible, openPage, signIn, useProductAndBrowser } from './browser.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const env = useProductAndBrowser();

describe('an admin runs the organisation', () => {
  it('signs in, invites a staff member who joins from the link in the outbox, and sees it in the audit log', async () => {
    const page = await openPage(env.browser, { viewport: { width: 1280, height: 860 } });
    await page.goto(env.product.url);
    await expect.poll(() => page.url()).toContain('/sign-in');
    await expectAccessible(page, 'sign-in');
    await signIn(page, env.product.url, admin.email, DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Ghana National Chamber of Commerce and Industry' }).waitFor();
    await expectAccessible(page, 'overview');

    await page.getByRole('link', { name: 'People and roles' }).click();
    await page.getByLabel('E-mail').fill('adwoa.nyarko@ghanachamber.example');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('cell', { name: 'adwoa.nyarko@ghanachamber.example' }).waitFor();
    await expectAccessible(page, 'people');

    await page.getByRole('link', { name: 'Outbox' }).click();
    await page.getByText('No mail server is configured').waitFor();
    await page.getByText(/invites you to Ghana National Chamber/).first().click();
    const body = await page.locator('.mantine-Accordion-panel').first().innerText();
    const link = /http:\/\/\S+\/invitation\/[\w-]+/.exec(body)![0].replace(/^http:\/\/localhost:\d+/, env.product.url);
    await expectAccessible(page, 'outbox');

    const invitee = await openPage(env.browser, { viewport: { width: 390, height: 780 } });
    await invitee.goto(link);
    await invitee.getByText(/You are invited to join Ghana National Chamber/).waitFor();
    await invitee.getByLabel('Full name').fill('Adwoa Nyarko');
    await invitee.getByLabel(/^Password/).fill('short');
    await invitee.getByRole('button', { name: 'Accept and join' }).click();
    await invitee.getByText(/at least 10|>=10|10 char/i).first().waitFor();
    await invitee.getByLabel(/^Password/).fill('adwoa secret 2026');
    await invitee.getByRole('button', { name: 'Accept and join' }).click();
    await invitee.getByRole('heading', { name: 'Ghana National Chamber of Commerce and Industry' }).waitFor();
    // Staff do not administer: no audit log, no settings form.
    await invitee.getByRole('button', { name: 'Open the menu' }).click();
    await invitee.getByRole('link', { name: 'People and roles' }).waitFor();
    expect(await invitee.getByRole('link', { name: 'Audit log' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('cell', { name: 'Invitation accepted' }).waitFor();
    await page.getByRole('combobox', { name: 'Action' }).fill('Invitation accepted');
    await page.getByRole('option', { name: 'Invitation accepted' }).click();
    await expect.poll(() => page.getByRole('row').count(), { timeout: 10_000 }).toBe(2);
    // Who did what to which named record, in words: the invitation by its address, the account by its name, no ids.
    const entry = page.getByRole('row').nth(1);
    await entry.getByText('adwoa.nyarko@ghanachamber.example').first().waitFor();
    await entry.getByText(/Account: Adwoa Nyarko/).first().waitFor();
    await entry.getByText(/Role: Staff/).first().waitFor();
    expect(await entry.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await expectAccessible(page, 'audit log');
  });

  it('edits the organisation settings with checks in the browser, and undoes nothing silently', async () => {
    const page = await openPage(env.browser);
    await signIn(page, env.product.url, admin.email, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Organisation', exact: true }).click();
    const name = page.getByLabel(/^Name/);
    await name.fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Required.').first().waitFor();
    await name.fill('Ghana Chamber of Commerce');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel(/^Name/).inputValue()).toBe('Ghana Chamber of Commerce');
    // The chamber's clock and customs come from Ghana; a zone is found by typing its city.
    const zone = page.getByRole('combobox', { name: /^Time zone/ });
    await expect.poll(() => zone.inputValue()).toMatch(/^Africa\/Accra/);
    await expect.poll(() => page.getByRole('combobox', { name: /^Date and number format/ }).inputValue()).toMatch(/^English \(Ghana\)/);
    await zone.fill('Kolkata');
    await page.getByRole('option', { name: /^Asia\/Kolkata — India/ }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.reload();
    await expect.poll(() => page.getByRole('combobox', { name: /^Time zone/ }).inputValue()).toMatch(/^Asia\/Kolkata/);
    await expectAccessible(page, 'organisation settings');
  });
});

describe('on a phone, in another language', () => {
  it('signs up a new association in French with messages in French', async () => {
    const page = await openPage(env.browser, { viewport: { width: 360, height: 740 }, locale: 'fr-FR' });
    await page.goto(`${env.product.url}/sign-up`);
    await page.getByRole('heading', { name: 'Inscrivez votre organisation' }).waitFor();
    await page.getByRole('button', { name: "S'inscrire" }).click();
    await page.getByText('Obligatoire.', { exact: false }).first().waitFor({ timeout: 5000 }).catch(() => undefined);
    expect(await page.locator('[aria-invalid=true]').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'sign-up (fr)');

    await page.getByLabel(/^Nom\s*\*?$/).fill('Association des transformatrices de karité de Tamale');
    await page.getByLabel('Nom complet').fill('Fatima Alhassan');
    await page.getByLabel('E-mail').fill('fatima@shea.example');
    await page.getByLabel(/^Mot de passe/).fill('karite tamale 2026');
    await page.getByRole('button', { name: "S'inscrire" }).click();
    await page.getByRole('heading', { name: 'Association des transformatrices de karité de Tamale' }).waitFor();
    await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    await page.getByRole('link', { name: 'Antennes' }).click();
    await page.getByText('Aucune antenne pour l’instant.'.replace('’', "'")).waitFor();
    await expectAccessible(page, 'branches (fr, phone)');
  });

  it('lets every role reach its account on a 320 px phone: profile, language and sign-out', async () => {
    for (const person of DEMO_PEOPLE.filter((p) => p.role !== 'admin')) {
      const page = await openPage(env.browser, { viewport: { width: 320, height: 640 } });
      await signIn(page, env.product.url, person.email, DEMO_PASSWORD);
      const account = page.getByRole('button', { name: `${person.name} (Your account)` });
      await account.waitFor();
      // The account button is on screen whole, however long the organisation's name.
      const box = (await account.boundingBox())!;
      expect(box.x + box.width, person.role).toBeLessThanOrEqual(320);
      expect(box.height, person.role).toBeGreaterThanOrEqual(44);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), person.role).toBeLessThanOrEqual(320);
      if (person.role === 'member') {
        // The language is the person's own: chosen here, kept in their profile.
        await account.click();
        await page.getByRole('menuitem', { name: 'Français' }).click();
        await page.getByRole('button', { name: `${person.name} (Votre compte)` }).waitFor();
        await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
        await page.getByRole('link', { name: 'Votre profil' }).waitFor();
        await expectAccessible(page, 'menu drawer (member, fr, 320 px)');
        await page.getByRole('button', { name: 'Se déconnecter' }).click();
        await expect.poll(() => page.url()).toContain('/sign-in');
        // Back to English for the journeys that follow.
        await signIn(page, env.product.url, person.email, DEMO_PASSWORD);
        await page.getByRole('button', { name: `${person.name} (Votre compte)` }).click();
        await page.getByRole('menuitem', { name: 'English' }).click();
        await page.getByRole('button', { name: `${person.name} (Your account)` }).waitFor();
      } else {
        await account.click();
        await page.getByRole('menuitem', { name: 'Sign out' }).click();
        await expect.poll(() => page.url()).toContain('/sign-in');
      }
      await page.context().close();
    }
  });
});
