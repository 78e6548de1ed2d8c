import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { startServerProcess, type ServerProcess } from '../server/test/process.js';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The run's shared browser (started by global-setup.ts); closing it here only disconnects. */
export async function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserEndpoint'));
}

/** A page in its own context; CSP is bypassed only so that axe-core can be injected. */
const BLANK_TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=', 'base64');

export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true, ...options });
  // Tests never reach the internet: map tiles are answered with a blank tile.
  await context.route(/^https:\/\/([a-z]\.)?tile\.openstreetmap\.org\//, (route) => route.fulfill({ contentType: 'image/png', body: BLANK_TILE }));
  return context.newPage();
}

/** The demo data folder, once global-setup.ts has built the app and created it in the background. */
async function preparedDemo(): Promise<string> {
  const demo = inject('demoDataDir');
  for (const until = Date.now() + 600_000; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
    if (fs.existsSync(`${demo}.failed`)) throw new Error(`preparing the journeys failed: ${fs.readFileSync(`${demo}.failed`, 'utf8')}`);
    if (fs.existsSync(`${demo}.ready`)) return demo;
  }
  throw new Error('the app build and the demo data were not ready within 10 minutes');
}

/**
 * A product server of its own, on a fresh copy of the demo data its first
 * start created (global-setup.ts): a journey may change what it likes. The
 * first start on an empty folder is tested in server/platform/processes.db.test.ts.
 */
export async function startProduct(): Promise<ServerProcess & { dir: string }> {
  const demo = await preparedDemo();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-e2e-'));
  fs.cpSync(demo, dir, { recursive: true });
  return { ...(await startServerProcess({ DATA_DIR: dir })), dir };
}

export async function stopProduct(product: ServerProcess & { dir: string }) {
  product.child.kill('SIGTERM');
  await product.exited;
  fs.rmSync(product.dir, { recursive: true, force: true });
}

/** The serious and critical accessibility violations of the page as it is now, as lines to read. */
export async function axeViolations(page: Page): Promise<string[]> {
  // The page at rest: a hovered button's colours, or a button caught half-way
  // through its colour transition after a click, are not the page's.
  await page.mouse.move(0, 0);
  // Once per loaded page: the tour moves inside the app without loading it again.
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
    await page.addScriptTag({ content: axeSource });
  }
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string; nodes: Array<{ target: string[]; failureSummary: string; html: string }> };
    // Violations only: collecting what passed costs about as much again (axe-core's own advice for speed).
    const result = await (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => `${n.html.slice(0, 120)} — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)}`).join(' | ')}`);
  });
}

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page, where: string) {
  expect(await axeViolations(page), where).toEqual([]);
}

export async function signIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel(/e-mail|correo|почта/i).fill(email);
  await page.getByLabel(/^(password|mot de passe|contraseña|пароль)/i).fill(password);
  await page.locator('button[type=submit]').click();
}

/** A new page signed in as `email`, once it has left the sign-in page. */
export async function signedInPage(browser: Browser, base: string, email: string, password: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await openPage(browser, options);
  await signIn(page, base, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

/** The API as the page's signed-in person, with the session's CSRF token on writes. */
export async function apiOfPage(page: Page, base: string) {
  const { csrfToken } = (await (await page.request.get(`${base}/api/v1/auth/session`)).json()) as { csrfToken: string };
  return {
    get: async <T>(path: string): Promise<T> => {
      const r = await page.request.get(`${base}${path}`);
      if (!r.ok()) throw new Error(`GET ${path}: ${r.status()} ${await r.text()}`);
      return (await r.json()) as T;
    },
    post: async <T>(path: string, data: unknown = {}): Promise<T> => {
      const r = await page.request.post(`${base}${path}`, { data, headers: { 'x-csrf-token': csrfToken } });
      if (!r.ok()) throw new Error(`POST ${path}: ${r.status()} ${await r.text()}`);
      return (await r.json()) as T;
    },
  };
}

/** The product for one test file, started for it and stopped after it, and the run's browser. */
export function useProductAndBrowser() {
  const held = {} as { product: Awaited<ReturnType<typeof startProduct>>; browser: Browser };
  beforeAll(async () => {
    [held.product, held.browser] = await Promise.all([startProduct(), connectBrowser()]);
  });
  afterAll(async () => {
    await held.browser?.close();
    if (held.product) {
      // The server logs warnings and errors only: whatever it said is worth reading beside a failure.
      const said = held.product.output().trim();
      if (said) console.log(`The product server said:\n${said.slice(-4000)}`);
      await stopProduct(held.product);
    }
  });
  return held;
}
