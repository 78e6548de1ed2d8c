import { sql } from 'drizzle-orm';
import { Client } from '../server/test/app.js';
import { createOrg } from '../server/test/factories.js';
import { inProcessProduct, percentile } from './lib.js';
import { seedIndependentFirms } from './members-fixture-words.js';

// Every kind of search a person makes, over names drawn from independent
// word lists (members-fixture-words.ts).
const QUERIES = {
  'prefix, 1 letter (q=k)': 'q=k',
  'prefix, 2 letters (q=ku)': 'q=ku',
  'prefix, 3 letters (q=kum)': 'q=kum',
  'prefix, 4 letters (q=tama)': 'q=tama',
  'prefix, 6 letters (q=constr)': 'q=constr',
  'whole word (q=pharmacy)': 'q=pharmacy',
  'misspelt, 1 edit (q=fashon)': 'q=fashon',
  'misspelt, 2 edits (q=farmacy)': 'q=farmacy',
  'two words (q=kumasi fashion)': 'q=kumasi%20fashion',
  'three words, one misspelt (q=kumasi mensa kente)': 'q=kumasi%20mensa%20kente',
  'short and long word (q=ho guest)': 'q=ho%20guest',
  'accented word (q=société)': 'q=soci%C3%A9t%C3%A9',
  'name + filter (q=kumasi&region=GH-AH)': 'q=kumasi&region=GH-AH',
  'prefix + filter (q=ta&status=active)': 'q=ta&status=active',
  'filter only: active members': 'status=active',
  'filter only: sector division 10 + region': 'sector=10&region=GH-NP',
  'filter only: size + status + women-led': 'size=small,medium&status=active&womenLed=true',
  'filter only: tag + informal, by renewal': 'tag=crafts&informal=true&sort=renewal',
  'all, newest first': 'sort=-created',
};

/** p50/p95 of member searches over 100,000 firms of independently drawn names and fields, through the API (in-process inject, database as configured). */
export async function membersSearch(kind: 'pglite' | 'postgres', runs = 40) {
  const { app, database, close } = await inProcessProduct(kind);
  try {
    const { admin, orgId } = await createOrg(app, { regions: ['GH-AA', 'GH-AH', 'GH-NP', 'GH-CP', 'GH-WP', 'GH-EP', 'GH-UE'] });
    const t0 = performance.now();
    await seedIndependentFirms(database, orgId);
    const seeded = Math.round(performance.now() - t0);
    // A failed request is quick and has no total: counted, so it cannot pass for a fast answer.
    const results: Record<string, { p50: number; p95: number; total: number; failed: number }> = {};
    for (const [name, query] of Object.entries(QUERIES)) {
      const times: number[] = [];
      let total = 0;
      let failed = 0;
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const res = await (admin as Client).get(`/api/v1/members?limit=50&${query}`);
        times.push(performance.now() - start);
        if (res.statusCode === 200) total = res.json().total;
        else failed += 1;
      }
      results[name] = { p50: percentile(times, 50), p95: percentile(times, 95), total, failed };
    }
    const [{ n }] = (await database.db.execute<{ n: number }>(sql`select count(*)::int as n from members`)).rows as [{ n: number }];
    return { kind, firms: n, seedMs: seeded, results };
  } finally {
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const kind of (process.argv[2] ? [process.argv[2]] : ['postgres', 'pglite']) as Array<'pglite' | 'postgres'>) console.log(JSON.stringify(await membersSearch(kind), null, 1));
}
