/**
 * Lighthouse mobile performance of every page of issue 14 on the demo
 * organisation: member-facing and staff pages signed in through a cookie
 * (target ≥ 90), public pages (≥ 95). Lighthouse's default mobile profile:
 * a mid-range phone, 4× CPU slowdown, slow 4G, simulated. Member pages are
 * run again on Lighthouse's 3G profile (300 ms, 700 kbit/s), where the first
 * useful screen (LCP) must come within 10 s.
 *
 *   node --import tsx bench/lighthouse.ts [runs=1] [page names, a regular expression]
 *   BENCH_URL=http://127.0.0.1:3000 node --import tsx bench/lighthouse.ts   (a running product with the demo)
 *
 * LIGHTHOUSE_CATEGORY=accessibility scores accessibility instead (target ≥ 95 on the pages of
 * issue 15: member home, member list, consultation results, advocacy issue, meeting) and names
 * every audit that failed. Unlike performance, it does not depend on the machine's load.
 */
import { execFileSync } from 'node:child_process';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags } from 'lighthouse';
import { throttling } from 'lighthouse/core/config/constants.js';
import { benchPages, productToMeasure, type BenchPage } from './pages.js';
import { machine } from './lib.js';

const runs = Number(process.argv[2] ?? 1);
const accessibility = process.env.LIGHTHOUSE_CATEGORY === 'accessibility';
const only = process.argv[3];

// What `npm start` serves: the web app built for production if its build is stale.
execFileSync(process.execPath, ['scripts/build-web-if-stale.mjs'], { stdio: 'inherit' });
const product = await productToMeasure();
const chrome = await chromeLauncher.launch({
  chromePath: '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

interface Run { score: number; fcp: number; lcp: number; tbt: number; cls: number; si: number; kb: number }

async function measure(page: BenchPage, profile: 'slow 4G' | '3G'): Promise<Run> {
  const flags: Flags = {
    port: chrome.port,
    onlyCategories: ['performance'],
    output: 'json',
    logLevel: 'error',
    ...(page.cookie ? { extraHeaders: { cookie: page.cookie } } : {}),
    ...(profile === '3G' ? { throttling: throttling.mobileRegular3G } : {}),
  };
  // On a busy machine Lighthouse now and then loses the trace (NO_NAVSTART): it asks to be run again.
  let lhr = (await lighthouse(`${product.url}${page.path}`, flags))!.lhr;
  for (let retry = 0; lhr.runtimeError && retry < 2; retry++) lhr = (await lighthouse(`${product.url}${page.path}`, flags))!.lhr;
  if (lhr.runtimeError) throw new Error(`${page.path}: ${lhr.runtimeError.message}`);
  const landed = new URL(lhr.finalDisplayedUrl).pathname;
  if (landed !== new URL(page.path, product.url).pathname) throw new Error(`${page.path} ended on ${landed}`);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((lhr.categories.performance!.score ?? 0) * 100),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    si: value('speed-index'),
    kb: value('total-byte-weight') / 1000,
  };
}

/** Lighthouse's accessibility score of a page and the audits it failed. */
async function accessibilityOf(page: BenchPage) {
  const flags: Flags = { port: chrome.port, onlyCategories: ['accessibility'], output: 'json', logLevel: 'error', ...(page.cookie ? { extraHeaders: { cookie: page.cookie } } : {}) };
  const lhr = (await lighthouse(`${product.url}${page.path}`, flags))!.lhr;
  if (lhr.runtimeError) throw new Error(`${page.path}: ${lhr.runtimeError.message}`);
  const failed = Object.values(lhr.audits).filter((a) => a.score === 0 && a.scoreDisplayMode === 'binary').map((a) => a.id);
  return { score: Math.round((lhr.categories.accessibility!.score ?? 0) * 100), failed };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function line(page: BenchPage, profile: string, rs: Run[], target: string, met: boolean) {
  const m = (k: keyof Run) => median(rs.map((r) => r[k]));
  const s = (ms: number) => (ms / 1000).toFixed(1);
  console.log(
    `${page.name} | ${profile} | ${rs.map((r) => r.score).join(', ')} | ${s(m('fcp'))} | ${s(m('lcp'))} | ${Math.round(m('tbt'))} | ${m('cls').toFixed(3)} | ${s(m('si'))} | ${Math.round(m('kb'))} | ${target} | ${met ? 'yes' : 'NO'}`,
  );
}

try {
  console.log(`machine: ${machine()}; runs per page: ${runs}`);
  const pages = (await benchPages(product.url)).filter((p) => !only || new RegExp(only).test(p.name));
  if (accessibility) {
    console.log('page | accessibility | failed audits | target | met');
    for (const page of pages.filter((p) => /member home|member list|consultation results|advocacy issue|meeting/.test(p.name))) {
      const { score, failed } = await accessibilityOf(page);
      console.log(`${page.name} | ${score} | ${failed.join(', ') || '—'} | ≥ 95 | ${score >= 95 ? 'yes' : 'NO'}`);
    }
  }
  if (!accessibility) console.log('page | profile | performance (each run) | FCP s | LCP s | TBT ms | CLS | SI s | bytes kB | target | met');
  for (const page of accessibility ? [] : pages) {
    const rs: Run[] = [];
    for (let i = 0; i < runs; i++) rs.push(await measure(page, 'slow 4G'));
    line(page, 'slow 4G', rs, `≥ ${page.minScore}`, median(rs.map((r) => r.score)) >= page.minScore);
  }
  for (const page of accessibility ? [] : pages.filter((p) => p.audience === 'member')) {
    const rs: Run[] = [];
    for (let i = 0; i < runs; i++) rs.push(await measure(page, '3G'));
    line(page, '3G', rs, 'LCP ≤ 10 s', median(rs.map((r) => r.lcp)) <= 10_000);
  }
} finally {
  chrome.kill();
  await product.stop();
}
