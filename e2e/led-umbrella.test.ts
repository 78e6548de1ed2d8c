import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { expectAccessible, openPage, signIn, useProductAndBrowser } from './browser.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const env = useProductAndBrowser();

/** The cells' texts of each row of a table part (tbody or tfoot), as the page shows them. */
const cellsOf = (part: Locator) => part.locator('tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
/** The first number of a cell: "11 (sum 13)" → 11, "GH₵36,000.00" → 36000; a dash is 0. */
const num = (text: string) => Number((/\d[\d,]*(\.\d+)?/.exec(text)?.[0] ?? '0').replace(/,/g, ''));
/** A share cell, "50% (1/2)" → [1, 2]; a dash is [0, 0]. */
const share = (text: string): [number, number] => {
  const m = /\((\d+)\/(\d+)\)/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
};
/** The shares of these rows pooled: still effective added up over followed up added up. */
const pooledOf = (rows: string[][]) => rows.map((r) => share(r[EFFECTIVE]!)).reduce(([n, d], [a, b]) => [n + a, d + b], [0, 0]);

// Columns of the roll-up table: branch, region, measures, budget, planned, actual, trained, new jobs, higher income, still effective.
const FIGURES = [2, 3, 4, 5, 6, 7, 8] as const;
const EFFECTIVE = 9;

describe("an umbrella's LED roll-up over its branches", () => {
  it('shows each branch\'s figures on a 390 px phone, totals that add up, and the measures behind a branch\'s share', async () => {
    const page = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
    await signIn(page, env.product.url, admin.email, DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Open the menu' }).waitFor();
    await page.goto(`${env.product.url}/led/rollup`);
    const table = page.getByRole('table', { name: 'Measures, budgets and results by branch and region' });
    await table.waitFor();
    const rows = await cellsOf(table.locator('tbody'));
    const [foot] = await cellsOf(table.locator('tfoot'));
    expect(foot![0]).toBe('All 3 branches');

    // Each branch ends with its total line; the lines above it are its regions (a branch that shares upward).
    const totals = rows.filter((r) => r[1] === 'Branch total' || r[1]!.startsWith('Totals only'));
    expect(totals.map((r) => r[0])).toEqual(['Ashanti Regional Chamber', 'Greater Accra Regional Chamber', 'Northern Regional Chamber']);
    expect(totals.map((r) => r[1])).toEqual(['Branch total', 'Branch total', 'Totals only: this branch does not share its records upward']);
    // The Greater Accra branch runs LED on its own: its region, measures, people and share still effective.
    const region = rows.find((r) => r[1] === 'Tema and Ashaiman')!;
    expect(region[0]).toBe('Greater Accra Regional Chamber');
    expect(num(region[2]!)).toBe(3);
    expect(num(region[6]!)).toBeGreaterThan(0);
    expect(share(region[EFFECTIVE]!)).toEqual([1, 2]);
    expect(region[EFFECTIVE]).toMatch(/^50\s?% \(1\/2\)$/);
    // A branch's regions add up to its total (one region: the same people; measures, money and the share always).
    for (const total of totals) {
      const regions = rows.filter((r) => r[0] === total[0] && r !== total);
      if (!regions.length) continue;
      for (const i of [2, 3, 4, 5]) expect(regions.reduce((s, r) => s + num(r[i]!), 0), `${total[0]} column ${i}`).toBeCloseTo(num(total[i]!), 2);
      expect(pooledOf(regions), total[0]).toEqual(share(total[EFFECTIVE]!));
    }
    // The foot is the branches' totals added up: measures, money, people (nobody is linked across branches), and the share pooled.
    for (const i of FIGURES) expect(num(foot![i]!), `column ${i}`).toBeCloseTo(totals.reduce((s, r) => s + num(r[i]!), 0), 2);
    expect(num(foot![2]!)).toBeGreaterThanOrEqual(3);
    const pooled = pooledOf(totals);
    expect(share(foot![EFFECTIVE]!)).toEqual(pooled);
    expect(num(foot![EFFECTIVE]!)).toBe(Math.round((100 * pooled[0]) / pooled[1]));

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'LED roll-up over the branches (phone)');

    // The branch's share opens the measures behind it: the followed-up ones add up to the same 1 of 2.
    await table.getByRole('row').filter({ hasText: 'Tema and Ashaiman' }).getByRole('link', { name: region[EFFECTIVE]! }).click();
    await page.waitForURL(/\/led\/rollup\/measures\?.*umbrellaBranch=/);
    const measures = page.getByRole('table', { name: /Greater Accra Regional Chamber/ });
    await measures.waitFor();
    const listed = await cellsOf(measures.locator('tbody'));
    expect(listed).toHaveLength(3);
    expect(listed.filter((r) => r.includes('Still effective'))).toHaveLength(1);
    const [sum] = await cellsOf(measures.locator('tfoot'));
    expect(sum!.at(-1)).toBe('1 of 2');
    // Its columns add up to the region's figures on the roll-up.
    expect(num(sum![1]!)).toBeCloseTo(num(region[3]!), 2);
    expect(num(sum![4]!)).toBe(listed.reduce((s, r) => s + num(r[6]!), 0));
    // Each measure's people added up is the simple sum the roll-up shows beside the people counted once.
    expect(num(sum![4]!)).toBe(num(/sum ([\d,]+)/.exec(region[6]!)?.[1] ?? region[6]!));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'measures behind a branch\'s figures (phone)');
  });
});
