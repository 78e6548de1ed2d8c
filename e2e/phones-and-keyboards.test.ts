import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { expectAccessible, openPage, signIn, useProductAndBrowser } from './browser.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const member = DEMO_PEOPLE.find((p) => p.role === 'member')!;
const env = useProductAndBrowser();

async function signedIn(page: Page, email = admin.email) {
  await signIn(page, env.product.url, email, DEMO_PASSWORD);
  // Signed in once the account button of the header is there.
  await page.getByRole('button', { name: /\(Your account\)$/ }).waitFor();
}

/** Opens a page of the app and waits until its heading and data have arrived. */
async function visit(page: Page, path: string) {
  await page.goto(`${env.product.url}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.getByRole('status', { name: 'Loading…' }).count()).toBe(0);
}

/**
 * Whether the page scrolls sideways, and if so what sticks out: elements whose
 * right edge passes the screen's, leaving out what is inside a box that scrolls
 * on its own (wide tables, charts).
 */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const past = (el: Element | null) => !!el && el.getBoundingClientRect().right > root.clientWidth + 1;
    const scrollsOnItsOwn = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX) && !past(p)) return true;
      return false;
    };
    // The first to stick out: past the edge while its parent is not.
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    const out = [...document.querySelectorAll('body *')]
      .filter((el) => past(el) && !past(el.parentElement) && !scrollsOnItsOwn(el))
      .map((el) => `${name(el)} (${Math.round(el.getBoundingClientRect().right)} px)`);
    // Text running out of its box does not move the box's edge: the innermost boxes whose content spills.
    const spill = [...document.querySelectorAll('body *')].filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible').slice(-6).map((el) => `${name(el)} ${el.scrollWidth}/${el.clientWidth}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, out: out.slice(0, 8), spill };
  });
}

/** The Mantine controls on screen lower than a thumb (44 px); checkboxes are tapped by their label. */
async function smallTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('main .mantine-Button-root, main .mantine-ActionIcon-root, main input.mantine-Input-input, header button')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.height < 43.5;
      })
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(el.getBoundingClientRect().height)} px`),
  );
}

/** Visits each page, noting those wider than the screen and those with controls too small for a thumb. */
async function checkPages(page: Page, routes: string[]) {
  const wide: Record<string, unknown> = {};
  const small: Record<string, string[]> = {};
  for (const route of routes) {
    await visit(page, route);
    const o = await overflow(page);
    if (o) wide[route] = o;
    const s = await smallTargets(page);
    if (s.length) small[route] = s.slice(0, 6);
  }
  return { wide, small };
}

describe('on a 320 px phone', () => {
  it('no page of the staff app scrolls sideways, and its controls are thumb-sized', async () => {
    const page = await openPage(env.browser, { viewport: { width: 320, height: 640 } });
    await signedIn(page);
    // The first record of a list, read as the signed-in person (the page's cookie).
    const first = (path: string) => page.evaluate(async (p) => {
      const res = await fetch(p);
      const body = await res.text();
      if (!res.ok) throw new Error(`${p}: ${res.status} ${body.slice(0, 300)}`);
      return (JSON.parse(body) as { items: Array<{ id: string }> }).items[0]!.id;
    }, path);
    const meeting = await page.evaluate(async () => {
      const forums = ((await (await fetch('/api/v1/forums')).json()) as { items: Array<{ id: string }> }).items;
      for (const f of forums) {
        const found = ((await (await fetch(`/api/v1/forums/${f.id}`)).json()) as { meetings: Array<{ id: string }> }).meetings[0];
        if (found) return found.id;
      }
      throw new Error('no forum has a meeting');
    });
    const consultation = await first('/api/v1/consultations');
    const issue = await first('/api/v1/advocacy-issues');
    const routes = ['/', '/members', '/members/new', '/membership', '/membership/settings', '/issues', '/consultations', `/consultations/${consultation}`, '/forms', '/advocacy', `/advocacy/${issue}`, `/advocacy/${issue}?tab=plan`, '/decision-makers', '/dialogue', `/dialogue/meetings/${meeting}`, '/organisation', '/people', '/branches', '/audit', '/outbox', '/profile'];
    expect(await checkPages(page, routes)).toEqual({ wide: {}, small: {} });
  });

  it('nor does any page of a member firm, an official or a viewer', async () => {
    const found: Record<string, unknown> = {};
    for (const person of DEMO_PEOPLE.filter((p) => ['member', 'official', 'viewer'].includes(p.role))) {
      const page = await openPage(env.browser, { viewport: { width: 320, height: 640 } });
      await signedIn(page, person.email);
      // Every page the person's menu offers.
      const routes = await page.getByRole('navigation').locator('a[href]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!))]);
      expect(routes.length, person.role).toBeGreaterThan(1);
      found[person.role] = await checkPages(page, routes);
      await page.context().close();
    }
    expect(found).toEqual({ member: { wide: {}, small: {} }, official: { wide: {}, small: {} }, viewer: { wide: {}, small: {} } });
  });

  it('the member firms list is on the first screen: its filters wait behind one button', async () => {
    const page = await openPage(env.browser, { viewport: { width: 390, height: 780 } });
    await signedIn(page);
    await visit(page, '/members');
    const search = page.getByLabel('Search', { exact: true });
    expect(await search.isVisible()).toBe(false);
    await page.getByRole('row').nth(1).waitFor();
    await page.getByRole('button', { name: 'Filters' }).click();
    await search.fill('kente');
    await page.getByRole('button', { name: 'Filters (1)' }).waitFor();
    expect(await search.isVisible()).toBe(true);
    await expectAccessible(page, 'member firms, filters open (390 px)');
  });

  it('a member signs out from the menu drawer of a 390 px phone', async () => {
    const page = await openPage(env.browser, { viewport: { width: 390, height: 780 } });
    await signedIn(page, member.email);
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Your profile' }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.url()).toContain('/sign-in');
  });
});

describe('with a keyboard', () => {
  it('the sign-in page waits in the e-mail field, and "Skip to content" is the first Tab stop of every signed-in page', async () => {
    const page = await openPage(env.browser, { viewport: { width: 1280, height: 860 } });
    await page.goto(`${env.product.url}/sign-in`);
    await page.getByLabel(/E-mail/).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');
    await signedIn(page);
    for (const route of ['/', '/members']) {
      await visit(page, route);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160)), route).toMatch(/^<a [^>]*>Skip to content<\/a>$/);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    }
  });
});

describe('safe hands', () => {
  it('removing an agenda item and changing a role ask first; cancelling changes nothing', async () => {
    const page = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
    await signedIn(page);
    await visit(page, '/dialogue');
    await page.getByRole('link', { name: 'Round table: the joint inspection protocol' }).first().click();
    const item = page.getByRole('listitem').filter({ hasText: 'VAT refunds for exporters' });
    await item.getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Remove “VAT refunds for exporters” from the agenda?').waitFor();
    await expectAccessible(page, 'confirm removing an agenda item');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await item.count()).toBe(1);
    await item.getByRole('button', { name: 'Remove' }).click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => item.count()).toBe(0);

    await visit(page, '/people');
    const role = page.getByRole('combobox', { name: 'Role of Efua Sarpong' });
    await role.click();
    await page.getByRole('option', { name: 'Staff' }).click();
    await dialog.getByText(/Change the role of Efua Sarpong from Viewer to Staff\?/).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.reload();
    await expect.poll(() => page.getByRole('combobox', { name: 'Role of Efua Sarpong' }).inputValue()).toBe('Viewer');
  });

  it('leaving a changed form asks first, and a form page the server refuses says why', async () => {
    const page = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
    await signedIn(page);
    await visit(page, '/organisation');
    await page.getByLabel(/^Name/).fill('Ghana Chamber (draft name)');
    await page.getByRole('link', { name: 'Member firms' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave this page?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Stay and keep editing' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe('/organisation');
    expect(await page.getByLabel(/^Name/).inputValue()).toBe('Ghana Chamber (draft name)');
    await page.getByRole('link', { name: 'Member firms' }).click();
    await dialog.getByRole('button', { name: 'Leave without saving' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/members');

    // A form that is not there (or not this organisation's): the problem, not a spinner.
    await page.goto(`${env.product.url}/forms/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('status', { name: 'Loading…' }).count()).toBe(0);
  });
});
