import { sql } from 'drizzle-orm';
import { createOrg } from '../server/test/factories.js';
import { inProcessProduct, machine, percentile } from './lib.js';
import { seedIndependentFirms } from './members-fixture-words.js';

/**
 * Issue 18's benchmark: the public directory over 100,000 firms and 300,000
 * products, p95 ≤ 50 ms on PostgreSQL for every kind of search a visitor
 * makes. Profiles are drawn independently of the firms (listed or not, which
 * fields are public, products by HS code, export markets, certifications), on
 * the registry of members-fixture-words.ts. Through the HTTP route as a
 * visitor (in-process inject, no sign-in), one page of 50 and its count.
 *
 *   node --import tsx bench/directory-search.ts [postgres|pglite] [runs=40]
 */
const PRODUCTS = [['Shea butter', '151590'], ['Kente cloth', '520831'], ['Gari', '110620'], ['Cocoa beans', '180100'], ['Palm oil', '151110'],
  ['Cashew nuts', '080132'], ['Smoked fish', '030549'], ['Baskets', '460212'], ['Soap', '340111'], ['Beads', '701890'], ['Furniture', '940360'],
  ['Pineapples', '080430'], ['Yam', '071430'], ['Honey', '040900'], ['Rice', '100630'], ['Printing', ''], ['Consulting', ''], ['Transport', '']];
const MARKETS = ['NG', 'CI', 'TG', 'BF', 'GB', 'US', 'DE', 'FR', 'NL', 'CN'];
const CERTIFICATIONS = ['FDA Ghana', 'GSA', 'Fairtrade', 'Organic', 'ISO 9001', 'HACCP'];
const WORDS = ['quality', 'export', 'women', 'cooperative', 'family', 'organic', 'wholesale', 'retail', 'handmade', 'certified'];

const QUERIES: Record<string, string> = {
  'everything, first page': '',
  'name word (q=kumasi)': 'q=kumasi',
  'name prefix (q=tam)': 'q=tam',
  'misspelt name (q=fashon)': 'q=fashon',
  'word of the summary (q=handmade)': 'q=handmade',
  'sector class (sector=1040)': 'sector=1040',
  'sector section + region (sector=C&region=GH-NP)': 'sector=C&region=GH-NP',
  'HS chapter (hs=15)': 'hs=15',
  'HS code (hs=520831)': 'hs=520831',
  'export market (market=DE)': 'market=DE',
  'certification (certification=fairtrade)': 'certification=fairtrade',
  'size (size=medium)': 'size=medium',
  'word + region + market (q=shea&region=GH-NP&market=NG)': 'q=shea&region=GH-NP&market=NG',
  'rare: HS + certification + size': 'hs=0409&certification=organic&size=large',
};

const list = (xs: string[]) => sql`ARRAY[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::text[]`;

async function seedProfiles(database: Awaited<ReturnType<typeof inProcessProduct>>['database'], orgId: string) {
  const products = sql.join(PRODUCTS.map(([name, hs], n) => sql`(${n + 1}::int, ${name}::text, ${hs}::text)`), sql`, `);
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT setseed(0.18)`);
    // Three products or services each (300,000); 85 % opted in, a tenth of those expired; each field public on its own draw.
    await tx.execute(sql`
      INSERT INTO networking_profiles (org_id, member_id, opted_in, summary, offerings, export_markets, certifications, languages, public_fields, published_at, expires_at)
      SELECT m.org_id, m.id, random() < 0.85,
        concat_ws(' ', (${list(WORDS)})[1 + floor(random() * ${WORDS.length})::int], (${list(WORDS)})[1 + floor(random() * ${WORDS.length})::int], 'products from Ghana'),
        (SELECT jsonb_agg(jsonb_build_object('name', p.name, 'kind', CASE WHEN p.hs = '' THEN 'service' ELSE 'product' END) || CASE WHEN p.hs = '' THEN '{}'::jsonb ELSE jsonb_build_object('hsCode', p.hs) END)
           FROM (SELECT 1 + floor(${PRODUCTS.length} * power(random(), 1.4) + 0 * length(m.id::text))::int AS n FROM generate_series(1, 3)) d JOIN (VALUES ${products}) AS p(n, name, hs) ON p.n = d.n),
        CASE WHEN random() < 0.4 THEN ARRAY[(${list(MARKETS)})[1 + floor(random() * ${MARKETS.length})::int], (${list(MARKETS)})[1 + floor(random() * ${MARKETS.length})::int]] ELSE '{}' END,
        CASE WHEN random() < 0.3 THEN ARRAY[(${list(CERTIFICATIONS)})[1 + floor(random() * ${CERTIFICATIONS.length})::int]] ELSE '{}' END,
        ARRAY['en'],
        array_remove(ARRAY[CASE WHEN random() < 0.9 THEN 'summary' END, CASE WHEN random() < 0.9 THEN 'offerings' END, CASE WHEN random() < 0.6 THEN 'exportMarkets' END,
          CASE WHEN random() < 0.7 THEN 'certifications' END, CASE WHEN random() < 0.8 THEN 'sector' END, CASE WHEN random() < 0.7 THEN 'region' END, CASE WHEN random() < 0.6 THEN 'size' END], NULL),
        now() - interval '30 days',
        CASE WHEN random() < 0.1 THEN now() - interval '1 day' ELSE now() + interval '300 days' END
      FROM members m WHERE m.org_id = ${orgId}::uuid`);
  });
  await database.db.execute(sql`VACUUM ANALYZE networking_profiles`);
}

export async function directorySearch(kind: 'pglite' | 'postgres', runs = 40) {
  const { app, database, close } = await inProcessProduct(kind);
  try {
    const { orgId } = await createOrg(app, { regions: ['GH-AA', 'GH-AH', 'GH-NP', 'GH-CP', 'GH-WP', 'GH-EP', 'GH-UE'] });
    const t0 = performance.now();
    await seedIndependentFirms(database, orgId);
    await seedProfiles(database, orgId);
    const seeded = Math.round(performance.now() - t0);
    const [facts] = (await database.db.execute<{ firms: number; listed: number; products: number }>(sql`
      SELECT (SELECT count(*)::int FROM members) AS firms,
        (SELECT count(*)::int FROM networking_profiles WHERE opted_in AND expires_at > now()) AS listed,
        (SELECT sum(jsonb_array_length(offerings))::int FROM networking_profiles) AS products`)).rows;
    if (process.env.DIRECTORY_BENCH_HOLD) {
      // For EXPLAIN by hand: the seeded database stays open this long (seconds).
      console.log(`held: ${(await database.db.execute<{ d: string }>(sql`SELECT current_database() AS d`)).rows[0]!.d}, org ${orgId}`);
      await new Promise((resolve) => setTimeout(resolve, Number(process.env.DIRECTORY_BENCH_HOLD) * 1000));
    }
    const results: Record<string, { p50: number; p95: number; found: string; failed: number }> = {};
    let visitor = 0;
    for (const [name, query] of Object.entries(QUERIES)) {
      const times: number[] = [];
      let found = '';
      let failed = 0;
      for (let i = 0; i < runs; i++) {
        // Each request from its own address: the route's per-visitor rate limit is not what is measured.
        visitor += 1;
        const start = performance.now();
        const res = await app.inject({ method: 'GET', url: `/directory/${orgId}${query ? `?${query}` : ''}`, remoteAddress: `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}` });
        times.push(performance.now() - start);
        if (res.statusCode === 200) found = /role="status">([^<]*)</.exec(res.body)?.[1] ?? '?';
        else failed += 1;
      }
      results[name] = { p50: percentile(times, 50), p95: percentile(times, 95), found, failed };
    }
    return { kind, machine: machine(), ...facts, seedMs: seeded, results };
  } finally {
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv[3] ?? 40);
  for (const kind of (process.argv[2] ? [process.argv[2]] : ['postgres', 'pglite']) as Array<'pglite' | 'postgres'>) {
    const r = await directorySearch(kind, runs);
    console.log(`${r.kind}: ${r.firms} firms, ${r.listed} listed, ${r.products} products; seeded in ${r.seedMs} ms; ${r.machine}`);
    console.log('query | p50 ms | p95 ms | found | failed');
    for (const [name, x] of Object.entries(r.results)) console.log(`${name} | ${x.p50} | ${x.p95} | ${x.found} | ${x.failed}`);
  }
}
