/**
 * Lighthouse's mobile performance score of the public reform tracker, on the
 * demo organisation (target: 90 or more), with the page's weight and its
 * timings. Lighthouse's default mobile profile: a mid-range phone, 4× CPU
 * slowdown and a slow 4G network, simulated.
 *
 *   node --import tsx bench/reform-tracker.ts [runs=3]
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { machine, signInAsAdmin, startProduct } from './lib.js';

const runs = Number(process.argv[2] ?? 3);
const product = await startProduct('pglite');
try {
  const cookie = await signInAsAdmin(product.url);
  const session = (await (await fetch(`${product.url}/api/v1/auth/session`, { headers: { cookie } })).json()) as { org: { id: string } };
  const url = `${product.url}/reforms/${session.org.id}`;
  const page = await fetch(url);
  const html = await page.text();
  console.log(`page: ${url}`);
  console.log(`  ${page.status}, ${Buffer.byteLength(html)} bytes of HTML, ${(html.match(/<article/g) ?? []).length} published issues, no script`);
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const scores: number[] = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' });
      const lhr = result!.lhr;
      const score = Math.round((lhr.categories.performance!.score ?? 0) * 100);
      scores.push(score);
      const ms = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
      console.log(`run ${i + 1}: performance ${score} · FCP ${ms('first-contentful-paint')} ms · LCP ${ms('largest-contentful-paint')} ms · TBT ${ms('total-blocking-time')} ms · CLS ${lhr.audits['cumulative-layout-shift']?.numericValue?.toFixed(3)} · SI ${ms('speed-index')} ms · ${lhr.configSettings.formFactor}`);
    }
    console.log(`mobile performance (median of ${runs}): ${scores.sort((a, b) => a - b)[Math.floor(runs / 2)]} (target ≥ 90)`);
  } finally {
    await chrome.kill();
  }
} finally {
  await product.stop();
}
console.log(`machine: ${machine()}`);
