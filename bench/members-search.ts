import { sql } from 'drizzle-orm';
import { Client } from '../server/test/app.js';
import { createOrg } from '../server/test/factories.js';
import { inProcessProduct, percentile } from './lib.js';
import { seedManyFirms } from './members-fixture.js';

const QUERIES = {
  'fuzzy name (q=kumasi mensa kente)': 'q=kumasi%20mensa%20kente',
  'misspelt name (q=tamale shea procesors)': 'q=tamale%20shea%20procesors',
  'short word (q=ho)': 'q=ho',
  'active members': 'status=active',
  'sector division 10 + region': 'sector=10&region=GH-NP',
  'size + status + women-led': 'size=small,medium&status=active&womenLed=true',
  'tag + informal, by renewal': 'tag=crafts&informal=true&sort=renewal',
  'all, newest first': 'sort=-created',
};

/** p50/p95 of member searches over 100,000 firms, through the API (in-process inject, database as configured). */
export async function membersSearch(kind: 'pglite' | 'postgres', runs = 40) {
  const { app, database, close } = await inProcessProduct(kind);
  try {
    const { admin, orgId } = await createOrg(app, { regions: ['GH-AA', 'GH-AH', 'GH-NP', 'GH-CP', 'GH-WP', 'GH-EP', 'GH-UE'] });
    const t0 = performance.now();
    await seedManyFirms(database, orgId);
    const seeded = Math.round(performance.now() - t0);
    const results: Record<string, { p50: number; p95: number; total: number }> = {};
    for (const [name, query] of Object.entries(QUERIES)) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        const res = await (admin as Client).get(`/api/v1/members?limit=50&${query}`);
        times.push(performance.now() - start);
        total = res.json().total;
      }
      results[name] = { p50: percentile(times, 50), p95: percentile(times, 95), total };
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
