import { chromium } from 'playwright-core';
const base = 'http://localhost:3100';
const [email, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
page.on('console', (m) => { if (m.type() === 'error') console.log('CONSOLE', m.text()); });
if (email !== 'anon') {
  await page.goto(base + '/sign-in');
  await page.getByLabel(/e-mail/i).fill(email);
  await page.getByLabel(/^password/i).fill('roundtable-demo');
  await page.locator('button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}
let i = 0;
for (const p of paths) {
  const [path, click, link] = p.split('|');
  await page.goto(base + path);
  if (link) { await page.waitForLoadState('networkidle'); await page.getByRole('link', { name: link }).first().click(); await page.waitForURL((u) => u.pathname !== path); await page.waitForLoadState('networkidle'); await page.waitForTimeout(700); }
  await page.waitForLoadState('networkidle');
  if (click) { await page.getByRole('tab', { name: click }).click(); await page.waitForTimeout(500); }
  await page.screenshot({ path: `/tmp/shot-${i++}.png`, fullPage: true });
  console.log('shot', path, await page.title());
}
await browser.close();
