import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const base = 'http://localhost:3100';
async function as(email, w = 1280, h = 1000) {
  const page = await (await browser.newContext({ viewport: { width: w, height: h } })).newPage();
  await page.goto(base + '/sign-in');
  await page.getByLabel(/E-mail/).fill(email);
  await page.getByLabel(/Password/).fill('roundtable-demo');
  await page.getByRole('button', { name: /Sign in/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  return page;
}
const phone = await as('yaw.boateng@trade.gov.example', 390, 844);
await phone.waitForTimeout(1200);
await phone.screenshot({ path: '/tmp/s-official.png', fullPage: true });
const staff = await as('kwame.asante@ghanachamber.example');
await staff.waitForTimeout(1200);
await staff.screenshot({ path: '/tmp/s-staff.png', fullPage: true });
await browser.close();
