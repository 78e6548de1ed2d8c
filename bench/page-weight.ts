/**
 * Bytes a phone downloads for the first screen of each page of issue 14,
 * compressed as sent and as they would be uncompressed, from an empty cache.
 * Targets: member-facing pages ≤ 150 kB compressed, staff pages ≤ 350 kB.
 *
 *   node --import tsx bench/page-weight.ts
 *   BENCH_URL=http://127.0.0.1:3000 node --import tsx bench/page-weight.ts   (a running product with the demo)
 *   BENCH_PAGES='issues|my firm' BENCH_REQUESTS=1 …   (only the pages matching; each one's requests, largest first)
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Request } from 'playwright-core';
import { benchPages, productToMeasure, type BenchPage } from './pages.js';
import { machine } from './lib.js';

// What `npm start` serves: the web app built for production if its build is stale.
execFileSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' });
const product = await productToMeasure();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** Loads the page in a fresh context (empty cache) and adds up every response. */
async function weigh(page: BenchPage) {
  const context = await browser.newContext({ viewport: { width: 390, height: 780 } });
  if (page.cookie) {
    const [name, value] = page.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: product.url }]);
  }
  const tab = await context.newPage();
  const responses: Array<Promise<{ url: string; encoded: number; decoded: number; type: string }>> = [];
  const count = (request: Request) => {
    responses.push(
      (async () => {
        const sizes = await request.sizes();
        const response = await request.response();
        const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
        return { url: request.url(), encoded: sizes.responseBodySize, decoded: body.length, type: request.resourceType() };
      })(),
    );
  };
  tab.on('requestfinished', count);
  const response = await tab.goto(`${product.url}${page.path}`, { waitUntil: 'networkidle' });
  if (!response?.ok()) throw new Error(`${page.path}: ${response?.status()}`);
  // Network idle comes early on a busy machine, while the first scripts still
  // run and before the page asks for its own: the first screen is there when
  // its heading is and nothing still loads.
  await tab.waitForFunction(() => document.querySelector('h1') && !document.querySelector('[role=status].mantine-Loader-root, .mantine-Loader-root'), undefined, { timeout: 60_000 });
  await tab.waitForLoadState('networkidle');
  const landedOn = new URL(tab.url()).pathname;
  tab.off('requestfinished', count);
  const all = await Promise.all(responses);
  await context.close();
  const sum = (xs: typeof all) => xs.reduce((a, r) => a + r.encoded, 0);
  const raw = all.reduce((a, r) => a + r.decoded, 0);
  const scripts = all.filter((r) => r.type === 'script');
  return { all, landedOn, requests: all.length, kb: Math.round(sum(all) / 1000), rawKb: Math.round(raw / 1000), scripts: scripts.length, scriptKb: Math.round(sum(scripts) / 1000) };
}

try {
  console.log(`machine: ${machine()}`);
  const only = process.env.BENCH_PAGES ? new RegExp(process.env.BENCH_PAGES) : null;
  const pages = (await benchPages(product.url)).filter((p) => !only || only.test(p.name));
  console.log('page | requests | transferred kB (compressed) | uncompressed kB | scripts | script kB transferred | target kB | met');
  for (const page of pages) {
    const w = await weigh(page);
    if (w.landedOn !== new URL(page.path, product.url).pathname) throw new Error(`${page.path} ended on ${w.landedOn}`);
    const met = page.maxKb === null ? '' : w.kb <= page.maxKb ? 'yes' : 'NO';
    console.log(`${page.name} | ${w.requests} | ${w.kb} | ${w.rawKb} | ${w.scripts} | ${w.scriptKb} | ${page.maxKb === null ? '—' : `≤ ${page.maxKb}`} | ${met}`);
    if (process.env.BENCH_REQUESTS) {
      for (const r of [...w.all].sort((a, b) => b.encoded - a.encoded)) console.log(`    ${(r.encoded / 1000).toFixed(1)} kB  ${r.type}  ${new URL(r.url).pathname}`);
    }
  }
} finally {
  await browser.close();
  await product.stop();
}
