import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { DEMO_DONOR_PERSON } from '../server/demo/seed-donor.js';
import { axeViolations, expectAccessible, openPage, signIn, useProductAndBrowser } from './browser.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const member = DEMO_PEOPLE.find((p) => p.role === 'member')!;
const env = useProductAndBrowser();

async function signedIn(page: Page, email = admin.email) {
  await signIn(page, env.product.url, email, DEMO_PASSWORD);
  // Signed in once the account button of the header is there.
  await page.getByRole('button', { name: /\(Your account\)$/ }).waitFor();
}

/** The requests of the app a page is waiting for (fetches), counted from the browser's side. */
const inFlight = new WeakMap<Page, { n: number }>();

function countRequests(page: Page) {
  const counter = { n: 0 };
  inFlight.set(page, counter);
  const api = (r: { resourceType(): string }) => ['fetch', 'xhr'].includes(r.resourceType());
  page.on('request', (r) => void (api(r) && counter.n++));
  page.on('requestfinished', (r) => void (api(r) && counter.n--));
  page.on('requestfailed', (r) => void (api(r) && counter.n--));
}

/** A page in its own context whose requests are counted (visit waits for them). */
async function tourPage(options: Parameters<typeof openPage>[1]) {
  const page = await openPage(env.browser, options);
  countRequests(page);
  return page;
}

/**
 * Opens a page of the app and waits until its heading and data have arrived. Inside the signed-in
 * app it navigates as a link does (the app stays loaded); the first page, or one asked `whole`, is loaded whole.
 */
async function visit(page: Page, path: string, { whole = false } = {}) {
  const inApp = !whole && (await page.locator('main[data-location]').count());
  if (inApp) {
    await page.evaluate((to) => {
      history.pushState(null, '', to);
      dispatchEvent(new PopStateEvent('popstate', { state: null }));
    }, path);
  } else {
    await page.goto(`${env.product.url}${path}`);
  }
  // The shell names the page it shows (web/app/Shell.tsx) in the render that shows it.
  await page.locator(`main[data-location="${path}"]`).waitFor();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Settled: the shell's main region is not busy (no query without its data), no request is on
  // its way, and both still hold a moment later — a query whose component has just mounted
  // starts its request only after the frame is painted.
  const counter = inFlight.get(page);
  const settled = async () => counter?.n === 0 && (await page.evaluate(() => new Promise<boolean>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(document.querySelector('main')?.getAttribute('aria-busy') === 'false'))))));
  await expect.poll(async () => (await settled()) && (await new Promise((r) => setTimeout(r, 50))) === undefined && (await settled()), { interval: 50, timeout: 30_000 }).toBe(true);
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

/** The first words of each translation key (`nav.home`): a text that is only such a key was never translated. */
const KEY_SPACES = Object.keys(JSON.parse(fs.readFileSync(new URL('../locales/en.json', import.meta.url), 'utf8')) as object);

/**
 * What a person should never read on the page: a translation key, a code where a name exists
 * (a region as `GH-AA`, an audit action as `forum.member_add`), raw JSON or a bare id.
 */
async function codesAsText(page: Page) {
  return page.evaluate((spaces) => {
    const key = new RegExp(`^(${spaces.join('|')})\\.[\\w.]+$`);
    const found: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent!.trim();
      const parent = node.parentElement!;
      if (!text || parent.closest('script, style, code, pre, [data-code-ok]') || !parent.checkVisibility()) continue;
      if (key.test(text)) found.push(`key ${text}`);
      else if (/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(text)) found.push(`region code ${text}`);
      // An audit action (`forum.member_add`, `invitation.accept`): lower-case words joined by a dot.
      else if (/^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$/.test(text)) found.push(`action code ${text}`);
      else if (/^[[{]"/.test(text)) found.push(`JSON ${text.slice(0, 60)}`);
      else if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(text)) found.push(`id ${text}`);
    }
    return [...new Set(found)].slice(0, 6);
  }, KEY_SPACES);
}

/** The first record a page links to below itself (`/members` → `/members/<id>`), to be toured too. */
async function firstRecordBelow(page: Page, route: string) {
  if (route === '/') return undefined;
  return page.locator(`main a[href^="${route}/"]`).evaluateAll((links) => links.map((a) => a.getAttribute('href')!).find((href) => /\/[0-9a-f-]{36}(\?|$|\/)/.test(href)));
}

/**
 * The pages of the app as its route tables declare them (web/app/App.tsx, and more-routes.tsx, which
 * the router fetches for the other pages), each with the pattern of its addresses; a page with fewer
 * parameters wins a tie (`/members/new` before `/members/:id`), as the router's ranking does.
 */
const APP_PAGES = ['App.tsx', 'more-routes.tsx']
  .flatMap((file) => [...fs.readFileSync(new URL(`../web/app/${file}`, import.meta.url), 'utf8').matchAll(/\{ path: '([^'*]+)'/g)])
  .map(([, p]) => `/${p!.replace(/^\//, '')}`)
  .map((pattern) => ({ pattern, params: pattern.split(':').length - 1, re: new RegExp(`^${pattern.replace(/:[A-Za-z]+/g, '[^/?#]+')}$`) }))
  .sort((a, b) => a.params - b.params);
function pageOf(href: string) {
  const pathname = href.split(/[?#]/)[0]!;
  return APP_PAGES.find((p) => p.re.test(pathname))?.pattern;
}
/** The pages the tour has visited (by pattern), and those it has found and will visit. */
const visitedPages = new Set<string>();
const foundPages = new Set<string>();

/** The app's own links of the page's main region. */
async function linksInMain(page: Page) {
  return page.locator('main a[href^="/"]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!))]);
}

const WIDTHS = [
  { label: 'desktop', viewport: { width: 1280, height: 860 } },
  { label: 'phone', viewport: { width: 320, height: 640 } },
];

/**
 * The tour: every page of every role, on a desktop and on a 320 px phone. A page fails on sideways
 * scrolling or controls smaller than a thumb (phone), a serious or critical axe violation, a
 * console error, or a code, key, JSON or id shown as text. TOUR_SCREENSHOTS=<folder> also keeps a
 * screenshot of each page there, for a person to look through.
 */
describe('the tour of every page, as every role, at 1280 and 320 px', () => {
  const shots = process.env.TOUR_SCREENSHOTS;
  // axe reads every page at both widths (a phone's layout is not a desktop's: its drawer, its
  // stacked cards, its scrolling tables). The staff see the admin's pages (same routes, ids aside)
  // with fewer buttons and no page of their own: a page axe read as the admin at a width is not read
  // again as staff. Every other role has its own pages and home, read whole.
  const checkedAsAdmin = new Set<string>();
  for (const person of DEMO_PEOPLE) {
    it(`as ${person.role}`, { timeout: 600_000 }, async () => {
      const problems: Record<string, string[]> = {};
      const note = (where: string, what: string[]) => {
        if (what.length) (problems[where] ??= []).push(...what);
      };
      for (const { label, viewport } of WIDTHS) {
        const page = await tourPage({ viewport });
        const consoleErrors: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') consoleErrors.push(message.text().slice(0, 200));
        });
        page.on('pageerror', (error) => consoleErrors.push(String(error).slice(0, 200)));
        await signedIn(page, person.email);
        // Every page of the person's menu, the first record each one links to below itself, the
        // person's profile, and the forms that have no menu entry.
        await page.getByRole('navigation').locator('a[href]').first().waitFor({ state: 'attached' });
        const routes = await page.getByRole('navigation').locator('a[href]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!))]);
        expect(routes.length, person.role).toBeGreaterThan(1);
        for (const extra of ['/profile', ...(routes.includes('/members') ? ['/members/new'] : [])]) if (!routes.includes(extra)) routes.push(extra);
        consoleErrors.length = 0;
        for (let i = 0; i < routes.length; i++) {
          const route = routes[i]!;
          await visit(page, route);
          const below = await firstRecordBelow(page, route);
          if (below && !routes.includes(below)) routes.splice(i + 1, 0, below);
          const where = `${label} ${route}`;
          const pattern = pageOf(route);
          if (pattern) visitedPages.add(pattern);
          if (label === 'phone') {
            // Pages the menus and first records do not reach (a record's own sub-pages, forms, a
            // measure of a region): each found once, by the first role whose pages link to it, and
            // toured on the phone, where every check runs.
            for (const href of await linksInMain(page)) {
              const found = pageOf(href);
              if (found && !visitedPages.has(found) && !foundPages.has(found)) {
                foundPages.add(found);
                routes.push(href.split('#')[0]!);
              }
            }
            // And each tab of a page (`?tab=`, web/ui/use-tab-param.ts), once for its pattern.
            const tabs = await page.locator('main [role=tab][aria-selected=false]').evaluateAll((els) => els.map((el) => el.id.split('-tab-').pop()!));
            for (const tab of tabs) {
              const tabbed = `${pattern}?tab=${tab}`;
              if (!foundPages.has(tabbed)) {
                foundPages.add(tabbed);
                routes.push(`${route.split('?')[0]}?tab=${tab}`);
              }
            }
            const wide = await overflow(page);
            if (wide) note(where, [`scrolls sideways: ${JSON.stringify(wide)}`]);
            note(where, (await smallTargets(page)).slice(0, 6).map((s) => `small target ${s}`));
          }
          note(where, await codesAsText(page));
          const structure = `${label} ${route.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id')}`;
          if (person.role === 'admin') checkedAsAdmin.add(structure);
          const axeHere = person.role !== 'staff' || !checkedAsAdmin.has(structure);
          if (axeHere) note(where, await axeViolations(page));
          note(where, consoleErrors.splice(0));
          if (shots) await page.screenshot({ path: path.join(shots, `${person.role}-${label}${route.replace(/[/?=&]/g, '_')}.png`), fullPage: true });
        }
        await page.context().close();
      }
      expect(problems).toEqual({});
    });
  }
});

describe('the pages before signing in, and every page reached', () => {
  it('sign-in, sign-up, a forgotten password and the links of a mail (a link no longer valid) read well at both widths', async () => {
    const problems: Record<string, string[]> = {};
    for (const { label, viewport } of WIDTHS) {
      const page = await tourPage({ viewport });
      const consoleErrors: string[] = [];
      page.on('pageerror', (error) => consoleErrors.push(String(error).slice(0, 200)));
      for (const route of ['/sign-in', '/sign-up', '/forgot-password', '/reset-password/not-a-valid-token', '/invitation/not-a-valid-token']) {
        await page.goto(`${env.product.url}${route}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await expect.poll(() => page.getByRole('status', { name: 'Loading…' }).count()).toBe(0);
        visitedPages.add(pageOf(route)!);
        const found = [...(await axeViolations(page)), ...(await codesAsText(page)), ...consoleErrors.splice(0)];
        if (label === 'phone') {
          const wide = await overflow(page);
          if (wide) found.push(`scrolls sideways: ${JSON.stringify(wide)}`);
        }
        if (found.length) problems[`${label} ${route}`] = found;
      }
      await page.context().close();
    }
    expect(problems).toEqual({});
  });

  it('the public pages the server writes (reform tracker, business directory, LED, certificate check, a follow-up link no longer valid) read well at both widths', async () => {
    // Their addresses name the organisation and its records: read through the staff's API.
    const api = await tourPage({});
    await signIn(api, env.product.url, admin.email, DEMO_PASSWORD);
    await api.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    const get = async <T,>(path: string) => (await (await api.request.get(`${env.product.url}${path}`)).json()) as T;
    const orgId = (await get<{ id: string }>('/api/v1/org')).id;
    const region = (await get<{ items: Array<{ id: string; published: boolean }> }>('/api/v1/led/regions?limit=50')).items.find((r) => r.published)!;
    await api.context().close();
    const routes = [`/reforms/${orgId}`, `/directory/${orgId}`, `/local-development/${orgId}`, `/local-development/${orgId}/regions/${region.id}`, '/verify', '/led/follow-up/not-a-valid-link'];
    const problems: Record<string, string[]> = {};
    for (const { label, viewport } of WIDTHS) {
      const page = await tourPage({ viewport });
      const consoleErrors: string[] = [];
      page.on('pageerror', (error) => consoleErrors.push(String(error).slice(0, 200)));
      for (let i = 0; i < routes.length; i++) {
        const route = routes[i]!;
        await page.goto(`${env.product.url}${route}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        // The directory's first firm has a page of its own.
        if (route === `/directory/${orgId}`) {
          const firm = await page.locator(`a[href^="/directory/${orgId}/firms/"]`).first().getAttribute('href');
          if (firm && !routes.includes(firm)) routes.splice(i + 1, 0, firm);
        }
        const found = [...(await axeViolations(page)), ...consoleErrors.splice(0)];
        if (label === 'phone') {
          const wide = await overflow(page);
          if (wide) found.push(`scrolls sideways: ${JSON.stringify(wide)}`);
        }
        if (found.length) problems[`${label} ${route}`] = found;
      }
      await page.context().close();
    }
    expect(routes.some((r) => r.includes('/firms/'))).toBe(true);
    expect(problems).toEqual({});
  });

  it("the donor's officer, who belongs to no organisation, reads on the donor's dashboard the programme shared with the donor, at both widths", async () => {
    const problems: Record<string, string[]> = {};
    for (const { label, viewport } of WIDTHS) {
      const page = await tourPage({ viewport });
      const consoleErrors: string[] = [];
      page.on('console', (message) => void (message.type() === 'error' && consoleErrors.push(message.text().slice(0, 200))));
      page.on('pageerror', (error) => consoleErrors.push(String(error).slice(0, 200)));
      await signedIn(page, DEMO_DONOR_PERSON.email);
      // The sign-in page's own "who is signed in?" answered 401, as it should.
      consoleErrors.length = 0;
      await visit(page, '/donor');
      visitedPages.add('/donor');
      // The programme the chamber shared, under the chamber's name: year 1 as approved.
      await page.getByText('BMO strengthening programme').first().waitFor();
      await page.getByText('Ghana National Chamber', { exact: false }).first().waitFor();
      const found = [...(await axeViolations(page)), ...(await codesAsText(page)), ...consoleErrors.splice(0)];
      if (label === 'phone') {
        const wide = await overflow(page);
        if (wide) found.push(`scrolls sideways: ${JSON.stringify(wide)}`);
        found.push(...(await smallTargets(page)).slice(0, 6).map((s) => `small target ${s}`));
      }
      if (found.length) problems[`${label} /donor`] = found;
      await page.context().close();
    }
    expect(problems).toEqual({});
  });

  it('the tour reached every page of the app', () => {
    expect(APP_PAGES.map((p) => p.pattern).filter((p) => !visitedPages.has(p))).toEqual([]);
  });
});

describe('on a phone', () => {
  it('the member firms list is on the first screen: its filters wait behind one button', async () => {
    const page = await tourPage({ viewport: { width: 390, height: 780 } });
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
    const page = await tourPage({ viewport: { width: 390, height: 780 } });
    await signedIn(page, member.email);
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Your profile' }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.url()).toContain('/sign-in');
  });
});

describe('with a keyboard', () => {
  it('the sign-in page waits in the e-mail field, and "Skip to content" is the first Tab stop of every signed-in page', async () => {
    const page = await tourPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`${env.product.url}/sign-in`);
    await page.getByLabel(/E-mail/).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');
    await signedIn(page);
    for (const route of ['/', '/members']) {
      // Tab from the top of a page as it loads.
      await visit(page, route, { whole: true });
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160)), route).toMatch(/^<a [^>]*>Skip to content<\/a>$/);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    }
  });
});

describe('safe hands', () => {
  it('removing an agenda item and changing a role ask first; cancelling changes nothing', async () => {
    const page = await tourPage({ viewport: { width: 1280, height: 900 } });
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
    const page = await tourPage({ viewport: { width: 1280, height: 900 } });
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
    // Every form of the product asks the same way, on pages with several forms too (one question for the page).
    await visit(page, '/membership/settings');
    await page.getByLabel('Micro: at most … employees').fill('7');
    await page.getByRole('link', { name: 'Member firms' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Leave without saving' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/members');

    // A form that is not there (or not this organisation's): the problem, not a spinner.
    await page.goto(`${env.product.url}/forms/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('status', { name: 'Loading…' }).count()).toBe(0);
  });
});
