import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { withTenant } from '../../platform/db/tenancy.js';
import { useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg } from '../../test/factories.js';
import { activeFirmsByName, countActiveFirms, type FirmsAmong, type NamePosition } from './name-order-service.js';

const t = useTestApp();

describe('active firms in name order among a set', () => {
  it('gives the same pages walked along the names as gathered, whether the walk fills a page or gives up', async () => {
    const { admin, orgId } = await createOrg(t.app, { country: 'GH', regions: ['GH-AA', 'GH-NP'] });
    const names = ['Ho Bakery', 'Accra Soap', 'Wa Weavers', 'Tema Traders', 'Keta Salt', 'Bolga Baskets', 'Axim Fish', 'Sunyani Cocoa', 'Elmina Boats', 'Yendi Shea', 'Aflao Tours', 'Nkawkaw Yam'];
    for (const [i, legalName] of names.entries()) {
      const firm = await createMemberFirm(admin, { legalName, region: i % 3 ? 'GH-AA' : 'GH-NP' });
      if (i !== 4) expect((await admin.post(`/api/v1/members/${firm.id}/status`, { status: 'active' })).statusCode).toBe(200);
    }
    const scope = { orgId, role: 'viewer' as const, actor: { userId: null, name: 'Public' }, locale: 'en' };
    // Firms whose name holds an "a" (Keta Salt is not active; Ho Bakery and Tema Traders hold one too).
    const f: FirmsAmong = { among: sql`SELECT id FROM members WHERE legal_name ILIKE '%a%'`, named: sql`SELECT id AS member_id FROM members WHERE legal_name ILIKE '%o%'`, orAmong: sql`SELECT id FROM members WHERE region = 'GH-NP'` };
    const expected = names.filter((n, i) => i !== 4 && /a/i.test(n) && (/o/i.test(n) || i % 3 === 0)).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    const pages = (walk?: { window: number; firms: FirmsAmong }) => withTenant(t.database.db, scope, async (ctx) => {
      const seen: string[][] = [];
      let after: NamePosition | null = null;
      do {
        const page = await activeFirmsByName(ctx, f, after, 2, walk);
        const rows = await ctx.tx.execute<{ id: string; legal_name: string }>(sql`SELECT id, legal_name FROM members WHERE id = ANY(${`{${page.ids.join(',')}}`}::uuid[])`);
        seen.push(page.ids.map((id) => rows.rows.find((r) => r.id === id)!.legal_name));
        after = page.last;
      } while (after && seen.length < 20);
      return { seen, count: await countActiveFirms(ctx, f, 100) };
    });
    const gathered = await pages();
    expect(gathered.seen.flat()).toEqual(expected);
    expect(gathered.count).toBe(expected.length);
    // A window of 3 firms now holds a page and its next (3 matches), now not (the walk gives up and gathers), and at the end of the list runs short; one of 20 holds them all.
    for (const window of [3, 20]) expect((await pages({ window, firms: f })).seen).toEqual(gathered.seen);
  });
});
