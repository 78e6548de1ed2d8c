/**
 * Bytes a phone downloads for the first screen of a page, compressed as sent
 * and as they would be uncompressed, from an empty cache. Targets (issue 14):
 * member-facing pages ≤ 150 kB compressed, staff pages ≤ 350 kB.
 *
 *   node --import tsx bench/page-weight.ts
 */
import { chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { machine, startProduct } from './lib.js';

const product = await startProduct('pglite');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** Loads `path` in a fresh context (empty cache) and adds up every response. */
async function weigh(path: string, signInAs?: string, ready?: (page: Page) => Promise<unknown>) {
  const context = await browser.newContext({ viewport: { width: 390, height: 780 } });
  const page = await context.newPage();
  if (signInAs) {
    const res = await page.request.post(`${product.url}/api/v1/auth/login`, { data: { email: signInAs, password: DEMO_PASSWORD } });
    if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
  }
  const responses: Array<Promise<{ encoded: number; decoded: number; type: string }>> = [];
  page.on('requestfinished', (request) => {
    responses.push(
      (async () => {
        const sizes = await request.sizes();
        const response = await request.response();
        const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
        return { encoded: sizes.responseBodySize, decoded: body.length, type: request.resourceType() };
      })(),
    );
  });
  await page.goto(`${product.url}${path}`, { waitUntil: 'networkidle' });
  if (ready) await ready(page);
  const all = await Promise.all(responses);
  await context.close();
  const sum = (xs: typeof all) => xs.reduce((a, r) => a + r.encoded, 0);
  const raw = all.reduce((a, r) => a + r.decoded, 0);
  const scripts = all.filter((r) => r.type === 'script');
  return { requests: all.length, kb: Math.round(sum(all) / 1000), rawKb: Math.round(raw / 1000), scripts: scripts.length, scriptKb: Math.round(sum(scripts) / 1000) };
}

try {
  console.log(`machine: ${machine()}`);
  const member = DEMO_PEOPLE.find((p) => p.role === 'member')!.email;
  const staff = DEMO_PEOPLE.find((p) => p.role === 'staff')!.email;
  const pages: Array<[string, string, string | undefined, number]> = [
    ['sign-in', '/sign-in', undefined, 150],
    ['member home', '/', member, 150],
    ['member list (staff)', '/members', staff, 350],
  ];
  console.log('page | requests | transferred kB (compressed) | uncompressed kB | scripts | script kB | target kB');
  for (const [name, path, who, target] of pages) {
    const w = await weigh(path, who);
    console.log(`${name} | ${w.requests} | ${w.kb} | ${w.rawKb} | ${w.scripts} | ${w.scriptKb} | ≤ ${target}`);
  }
} finally {
  await browser.close();
  await product.stop();
}
