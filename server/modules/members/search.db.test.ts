import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../../test/app.js';
import { createManyMemberFirms, createMemberFirm, createOrg } from '../../test/factories.js';

const t = useTestApp();
const ghana = { regions: ['GH-AA', 'GH-AH', 'GH-NP'] };

type Page = { items: Array<{ id: string; legalName: string }>; nextCursor: string | null; total: number | null; totalEstimated?: boolean };
const list = async (client: Client, query: string) => (await client.get(`/api/v1/members?${query}`)).json() as Page;
const names = async (client: Client, query: string) => (await list(client, query)).items.map((m) => m.legalName);

/** Every page of a list, following the cursors. */
async function allPages(client: Client, query: string) {
  const seen: string[] = [];
  let page = await list(client, query);
  const total = page.total;
  for (;;) {
    seen.push(...page.items.map((m) => m.legalName));
    if (!page.nextCursor) return { seen, total };
    page = await list(client, `${query}&cursor=${page.nextCursor}`);
    expect(page.total).toBeNull();
  }
}

describe('searching by short words', () => {
  it('matches the start of a word, best covered first, without accents, and pages through', async () => {
    const { admin } = await createOrg(t.app, ghana);
    await createMemberFirm(admin, { legalName: 'Kofi Guest Homestead' });
    await createMemberFirm(admin, { legalName: 'Hôtel du Lac' });
    await createMemberFirm(admin, { legalName: 'Ho Shoes' });
    await createMemberFirm(admin, { legalName: 'Accra Hotels' });
    await createMemberFirm(admin, { legalName: 'Shoe Horn Limited' });

    // "ho" covers all of Ho, 2 of the 4 letters of Horn, 2 of 5 of Hôtel, 2 of 6 of Hotels, 2 of 9 of Homestead; never Shoes.
    const byShare = ['Ho Shoes', 'Shoe Horn Limited', 'Hôtel du Lac', 'Accra Hotels', 'Kofi Guest Homestead'];
    expect(await names(admin, 'q=ho')).toEqual(byShare);
    expect(await names(admin, 'q=H%C3%94')).toHaveLength(5);
    const paged = await allPages(admin, 'q=ho&limit=2');
    expect(paged).toEqual({ seen: byShare, total: 5 });

    // One letter reads every two-letter start under it: 1 of 3 letters of Lac, 1 of 7 of Limited.
    expect(await names(admin, 'q=l')).toEqual(['Hôtel du Lac', 'Shoe Horn Limited']);
    // Two short words: each must start a word of the name.
    expect(await names(admin, 'q=ho%20sh')).toEqual(['Ho Shoes', 'Shoe Horn Limited']);
    expect(await names(admin, 'q=du%20h')).toEqual(['Hôtel du Lac']);
    // A short word beside a long one.
    expect(await names(admin, 'q=ho%20guest')).toEqual(['Kofi Guest Homestead']);
    expect(await names(admin, 'q=zz')).toEqual([]);
    expect((await list(admin, 'q=zz')).total).toBe(0);
  });

  it('combines a short word with the other filters', async () => {
    const { admin } = await createOrg(t.app, ghana);
    await createMemberFirm(admin, { legalName: 'Ho Weavers', region: 'GH-AH' });
    await createMemberFirm(admin, { legalName: 'Ho Millers', region: 'GH-AA' });
    await createMemberFirm(admin, { legalName: 'House of Beads', region: 'GH-AH' });
    const found = await list(admin, 'q=ho&region=GH-AH');
    expect(found.items.map((m) => m.legalName)).toEqual(['Ho Weavers', 'House of Beads']);
    expect(found.total).toBe(2);
    expect(await allPages(admin, 'q=ho&region=GH-AH&limit=1')).toEqual({ seen: ['Ho Weavers', 'House of Beads'], total: 2 });
  });

  it('follows a firm renamed, given a trade name, or removed', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const firm = await createMemberFirm(admin, { legalName: 'Tamale Shea', region: 'GH-AA' });
    await createMemberFirm(admin, { legalName: 'Tamale Gari', region: 'GH-AA' });
    const renamed = await admin.put(`/api/v1/members/${firm.id}`, { legalName: 'Bolga Baskets', tradeName: 'Yoyo', region: 'GH-AA', version: firm.version });
    expect(renamed.statusCode).toBe(200);
    expect(await names(admin, 'q=ta')).toEqual(['Tamale Gari']);
    expect(await names(admin, 'q=bo')).toEqual(['Bolga Baskets']);
    expect(await names(admin, 'q=yo')).toEqual(['Bolga Baskets']);
    // A change that leaves the name alone leaves its words alone.
    await admin.put(`/api/v1/members/${firm.id}`, { legalName: 'Bolga Baskets', tradeName: 'Yoyo', region: 'GH-AH', version: renamed.json().version });
    expect((await list(admin, 'q=bo')).total).toBe(1);

    await t.database.db.execute(sql`DELETE FROM members WHERE id = ${firm.id}`);
    const [left] = (await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM member_name_starts WHERE member_id = ${firm.id}`)).rows;
    expect(left!.n).toBe(0);
  });

  it('never finds another organisation’s firms', async () => {
    const mine = await createOrg(t.app, ghana);
    const theirs = await createOrg(t.app, ghana);
    await createMemberFirm(theirs.admin, { legalName: 'Ho Traders' });
    expect(await list(mine.admin, 'q=ho')).toMatchObject({ items: [], total: 0 });
    expect(await list(mine.admin, 'q=h')).toMatchObject({ items: [], total: 0 });
    expect(await list(mine.admin, 'q=ho%20traders')).toMatchObject({ items: [], total: 0 });
  });
});

describe('searching by longer words', () => {
  it('finds a start of any length, a part of a word, and misspellings within two edits', async () => {
    const { admin } = await createOrg(t.app, ghana);
    await createMemberFirm(admin, { legalName: 'Kumasi Fashion House' });
    await createMemberFirm(admin, { legalName: 'Kumah Pharmacy' });
    await createMemberFirm(admin, { legalName: 'Berekum Traders' });
    await createMemberFirm(admin, { legalName: 'Société Générale du Café' });

    // A start scores the share of the word it covers (3 of 5 letters of Kumah, 3 of 6 of Kumasi), a part inside a word half that.
    expect(await names(admin, 'q=kum')).toEqual(['Kumah Pharmacy', 'Kumasi Fashion House', 'Berekum Traders']);
    expect(await names(admin, 'q=kuma')).toEqual(['Kumah Pharmacy', 'Kumasi Fashion House']);
    expect(await names(admin, 'q=pharm')).toEqual(['Kumah Pharmacy']);
    // One edit, then two (a substitution and a deletion), in any letter of the word.
    expect(await names(admin, 'q=fashon')).toEqual(['Kumasi Fashion House']);
    expect(await names(admin, 'q=farmacy')).toEqual(['Kumah Pharmacy']);
    expect(await names(admin, 'q=fahsion')).toEqual(['Kumasi Fashion House']);
    expect(await names(admin, 'q=kumasi%20fashon')).toEqual(['Kumasi Fashion House']);
    // Three edits are too many; a four-letter word may carry one, a three-letter word none.
    expect(await names(admin, 'q=faxhiqm')).toEqual([]);
    expect(await names(admin, 'q=hoise')).toEqual(['Kumasi Fashion House']);
    expect(await names(admin, 'q=hous')).toEqual(['Kumasi Fashion House']);
    expect(await names(admin, 'q=huse')).toEqual(['Kumasi Fashion House']);
    expect(await names(admin, 'q=hxsx')).toEqual([]);
    expect(await names(admin, 'q=kxm')).toEqual([]);
    // Accents count for nothing, on either side; the total comes with the page.
    expect(await names(admin, 'q=societe%20cafe')).toEqual(['Société Générale du Café']);
    expect(await names(admin, 'q=g%C3%A9n%C3%A9rale')).toEqual(['Société Générale du Café']);
    expect((await list(admin, 'q=kum&limit=1')).total).toBe(3);
    expect(await allPages(admin, 'q=kum&limit=2')).toEqual({ seen: ['Kumah Pharmacy', 'Kumasi Fashion House', 'Berekum Traders'], total: 3 });
  });

  it('combines words with the other filters and with a count', async () => {
    const { admin } = await createOrg(t.app, ghana);
    await createMemberFirm(admin, { legalName: 'Tamale Fashion House', region: 'GH-NP' });
    await createMemberFirm(admin, { legalName: 'Tamale Fashion Designs', region: 'GH-AA' });
    await createMemberFirm(admin, { legalName: 'Accra Fashion House', region: 'GH-NP' });
    expect(await list(admin, 'q=fashon&region=GH-NP')).toMatchObject({ total: 2 });
    expect(await names(admin, 'q=tamalle%20fashon&region=GH-NP')).toEqual(['Tamale Fashion House']);
    expect((await names(admin, 'q=fashon%20h&region=GH-NP')).sort()).toEqual(['Accra Fashion House', 'Tamale Fashion House']);
  });

  it('follows names as they change, word by word', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const firm = await createMemberFirm(admin, { legalName: 'Fashion House', region: 'GH-AA' });
    await createMemberFirm(admin, { legalName: 'Fashion Designs', region: 'GH-AA' });
    const renamed = await admin.put(`/api/v1/members/${firm.id}`, { legalName: 'Tailoring House', region: 'GH-AA', version: firm.version });
    expect(renamed.statusCode).toBe(200);
    expect(await names(admin, 'q=fashon')).toEqual(['Fashion Designs']);
    expect(await names(admin, 'q=tailorng%20house')).toEqual(['Tailoring House']);

    await t.database.db.execute(sql`DELETE FROM members WHERE id = ${firm.id}`);
    expect(await names(admin, 'q=tailorng')).toEqual([]);
    const left = async (table: string) =>
      (await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE org_id = ${orgId} AND word IN ('tailoring', 'house')`)).rows[0]!.n;
    // No firm uses those words any more: they leave the vocabulary and its spellings too.
    expect(await left('member_name_words')).toBe(0);
    expect(await left('member_name_vocabulary')).toBe(0);
    expect(await left('member_name_spellings')).toBe(0);
  });

  it('keeps words, counts and spellings equal to a recount after renames that share, swap and drop words', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const a = await createMemberFirm(admin, { legalName: 'Kumasi Kente Weavers' });
    const b = await createMemberFirm(admin, { legalName: 'Kumasi Shea Processors' });
    await createMemberFirm(admin, { legalName: 'Tamale Kente House' });
    // One statement renames both: "kumasi" stays with a and moves away from b, "kente" and
    // "shea" swap places, "weavers" and "processors" leave the organisation, "bonwire" arrives.
    await t.database.db.execute(sql`
      UPDATE members SET legal_name = CASE WHEN id = ${a.id}::uuid THEN 'Kumasi Shea Bonwire' ELSE 'Kente Bonwire' END
      WHERE id IN (${a.id}::uuid, ${b.id}::uuid)`);
    await t.database.db.execute(sql`UPDATE members SET legal_name = legal_name || ' Ltd' WHERE id = ${a.id}::uuid`);
    const rows = async (query: ReturnType<typeof sql>) => (await t.database.db.execute<{ w: string }>(query)).rows.map((r) => Object.values(r).join(':')).sort();
    const stored = await rows(sql`SELECT word, member_id FROM member_name_words WHERE org_id = ${orgId}`);
    const recounted = await rows(sql`SELECT DISTINCT w, m.id FROM members m, member_name_words_of(m.search_name) w WHERE m.org_id = ${orgId}`);
    expect(stored).toEqual(recounted);
    expect(await rows(sql`SELECT word, firms FROM member_name_vocabulary WHERE org_id = ${orgId}`)).toEqual(
      await rows(sql`SELECT word, count(*)::int FROM member_name_words WHERE org_id = ${orgId} GROUP BY word`),
    );
    expect(await rows(sql`SELECT variant, word FROM member_name_spellings WHERE org_id = ${orgId}`)).toEqual(
      await rows(sql`SELECT DISTINCT d, v.word FROM member_name_vocabulary v, unnest(member_word_deletions(v.word, 2)) d WHERE v.org_id = ${orgId} AND member_word_is_spelt(v.word)`),
    );
    expect(await names(admin, 'q=bonwre')).toHaveLength(2);
    expect(await names(admin, 'q=weavers')).toEqual([]);
  });

  it('never finds another organisation’s firms or words', async () => {
    const mine = await createOrg(t.app, ghana);
    const theirs = await createOrg(t.app, ghana);
    await createMemberFirm(theirs.admin, { legalName: 'Fashion House Designs' });
    const own = await createMemberFirm(mine.admin, { legalName: 'Kumasi Fashion' });
    for (const q of ['hous', 'house', 'hoise', 'desigms', 'kumasi%20house', 'ho', 'd']) expect(await list(mine.admin, `q=${q}`)).toMatchObject({ items: [], total: 0 });
    // Each organisation counts its own words: one losing its last firm with a word leaves the other's alone.
    await t.database.db.execute(sql`DELETE FROM members WHERE id = ${own.id}`);
    expect(await names(theirs.admin, 'q=fashon')).toEqual(['Fashion House Designs']);
    expect(await list(mine.admin, 'q=fashon')).toMatchObject({ items: [], total: 0 });
  });
});

describe('filtered lists', () => {
  it('pages a filtered list in every order', async () => {
    const { admin } = await createOrg(t.app, ghana);
    for (const [legalName, renewal] of [['Delta', '2027-03-01'], ['alpha', '2027-01-01'], ['Charlie', null], ['Bravo', '2027-02-01']] as const) {
      const firm = await createMemberFirm(admin, { legalName, region: 'GH-AH', womenLed: true });
      if (renewal) await t.database.db.execute(sql`UPDATE members SET renewal_due_on = ${renewal} WHERE id = ${firm.id}`);
    }
    await createMemberFirm(admin, { legalName: 'Echo', region: 'GH-AA', womenLed: true });
    for (const filter of ['region=GH-AH', 'region=GH-AH&womenLed=true']) {
      expect(await allPages(admin, `${filter}&limit=3`)).toEqual({ seen: ['alpha', 'Bravo', 'Charlie', 'Delta'], total: 4 });
      expect((await allPages(admin, `${filter}&limit=3&sort=-name`)).seen).toEqual(['Delta', 'Charlie', 'Bravo', 'alpha']);
      expect((await allPages(admin, `${filter}&limit=1&sort=renewal`)).seen).toEqual(['alpha', 'Bravo', 'Delta', 'Charlie']);
      expect((await allPages(admin, `${filter}&limit=2&sort=-created`)).seen).toEqual(['Bravo', 'Charlie', 'alpha', 'Delta']);
    }
  });

  it('lists more matches than it gathers, with or without an index for the filter, with an estimated total', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    await createManyMemberFirms(t.database, orgId, 5_001, { womenLed: true });
    await createMemberFirm(admin, { legalName: 'Aaa First', womenLed: true });
    await createMemberFirm(admin, { legalName: 'Zzz Other' });
    await t.database.db.execute(sql`ANALYZE members`);
    for (const filter of ['womenLed=true', 'status=applicant', '']) {
      const first = await list(admin, `${filter}&limit=2`);
      expect(first.items.map((m) => m.legalName)).toEqual(['Aaa First', 'Bulk Firm 000001']);
      // 5,002 and 5,003 firms: beyond the 5,000 gathered, the planner's estimate to two significant figures.
      expect(first).toMatchObject({ total: 5_000, totalEstimated: true });
      expect((await list(admin, `${filter}&limit=2&cursor=${first.nextCursor}`)).items.map((m) => m.legalName)).toEqual(['Bulk Firm 000002', 'Bulk Firm 000003']);
    }
  });
});
