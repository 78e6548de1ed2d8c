import { sql } from 'drizzle-orm';
import { Client } from '../server/test/app.js';
import { createOrg } from '../server/test/factories.js';
import { DEFAULT_THRESHOLDS } from '../server/modules/members/size-class.js';
import { inProcessProduct } from './lib.js';
import { seedManyFirms } from './members-fixture.js';

/**
 * Time of saving new size thresholds for an organisation of 100,000 firms
 * (the request reclassifies every firm), through the API, in-process. Three
 * saves: one that moves most firms, one that moves them back, one that moves
 * none.
 */
export async function membersReclassify(kind: 'pglite' | 'postgres') {
  const { app, database, close } = await inProcessProduct(kind);
  try {
    const { admin, orgId } = await createOrg(app, { regions: ['GH-AA', 'GH-AH', 'GH-NP', 'GH-CP', 'GH-WP', 'GH-EP', 'GH-UE'] });
    await seedManyFirms(database, orgId);
    const save = async (thresholds: typeof DEFAULT_THRESHOLDS) => {
      const start = performance.now();
      const res = await (admin as Client).put('/api/v1/members/settings', { ...thresholds, districts: [] });
      if (res.statusCode !== 200) throw new Error(`settings refused: ${res.body}`);
      return Math.round(performance.now() - start);
    };
    const moved = await save({ ...DEFAULT_THRESHOLDS, microMaxEmployees: 3, smallMaxEmployees: 12, mediumMaxEmployees: 18 });
    const back = await save(DEFAULT_THRESHOLDS);
    const unchanged = await save(DEFAULT_THRESHOLDS);
    const counts = await database.db.execute<{ size_class: string | null; n: number }>(sql`SELECT size_class, count(*)::int AS n FROM members WHERE org_id = ${orgId} GROUP BY 1 ORDER BY 1`);
    return { kind, firms: counts.rows.reduce((s, r) => s + r.n, 0), ms: { moved, back, unchanged }, classes: Object.fromEntries(counts.rows.map((r) => [r.size_class, r.n])) };
  } finally {
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const kind of (process.argv[2] ? [process.argv[2]] : ['postgres', 'pglite']) as Array<'pglite' | 'postgres'>) console.log(JSON.stringify(await membersReclassify(kind)));
}
