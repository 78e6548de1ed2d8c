import { sql } from 'drizzle-orm';
import type { Database } from '../server/platform/db/database.js';
import { withSystem } from '../server/platform/db/tenancy.js';
import { inProcessProduct, machine, percentile } from './lib.js';

/**
 * Issue 17.9: the LED roll-up over 30 regions, 2,000 measures and 200,000
 * people reached, on PostgreSQL, through the API (in-process, signed in as
 * the organisation's admin): p50/p95 of `GET /api/v1/led/rollup`, with each
 * person counted once across measures and regions beside the simple sums.
 * Target: p95 ≤ 300 ms.
 *
 * Data drawn from independent distributions (seeded, so runs compare): a
 * measure's region, start, status and budget each on their own; a person's
 * sex, birth year, how many measures they were recorded on (1 + geometric)
 * and which ones (uniform over all measures, so people cross regions), and
 * each record's role, apart. Checks the figures it printed against counts of
 * the records made apart.
 *
 *   node --import tsx bench/led-rollup.ts
 */
const REGIONS = 30;
const MEASURES = 2_000;
const PEOPLE = 200_000;
const RUNS = 30;

/** The organisation's regions, measures, budget lines, follow-ups, people and their participations, drawn apart (seeded). */
export async function seedLed(database: Database, orgId: string) {
  await withSystem(database.db, async (tx) => {
    await tx.execute(sql`SELECT setseed(0.17)`);
    await tx.execute(sql`
      INSERT INTO led_regions (org_id, name, region)
      SELECT ${orgId}::uuid, 'Region ' || lpad(i::text, 2, '0'), (ARRAY['GH-AA','GH-AH','GH-NP','GH-CP','GH-WP','GH-EP','GH-UE','GH-UW','GH-TV','GH-BO'])[1 + i % 10]
        FROM generate_series(1, ${REGIONS}) AS i`);
    await tx.execute(sql`
      INSERT INTO led_measures (org_id, region_id, title, budget, starts_on, ends_on, status)
      SELECT ${orgId}::uuid, r.ids[1 + floor(random() * ${REGIONS})::int], 'Measure ' || i, (100000 + floor(random() * 5000000))::bigint,
             s.starts_on, s.starts_on + 300, (ARRAY['planned','running','done','done','effective'])[1 + floor(random() * 5)::int]
        FROM generate_series(1, ${MEASURES}) AS i
       CROSS JOIN (SELECT array_agg(id) AS ids FROM led_regions WHERE org_id = ${orgId}) r
       CROSS JOIN LATERAL (SELECT date '2020-01-01' + floor(random() * 2000)::int + (i * 0) AS starts_on) s`);
    await tx.execute(sql`
      INSERT INTO led_budget_lines (org_id, measure_id, label, source, planned, actual)
      SELECT m.org_id, m.id, 'Line ' || k, (ARRAY['led_fund','partner_cash','partner_in_kind','donor','other'])[1 + floor(random() * 5)::int],
             floor(random() * 2000000)::bigint, floor(random() * 2000000)::bigint
        FROM led_measures m CROSS JOIN generate_series(1, 3) AS k WHERE m.org_id = ${orgId}`);
    // Follow-ups answered for part of the measures carried out: still effective or not, each on its own draw.
    await tx.execute(sql`
      INSERT INTO led_follow_ups (org_id, measure_id, months, due_on, answered_at, answered_by, still_effective)
      SELECT m.org_id, m.id, 6, (m.ends_on + interval '6 months')::date, now(), 'staff', random() < 0.9
        FROM led_measures m WHERE m.org_id = ${orgId} AND m.status IN ('done', 'effective') AND random() < 0.7`);
    await tx.execute(sql`
      INSERT INTO people (org_id, name, sex, birth_year)
      SELECT ${orgId}::uuid, 'Person ' || i, (ARRAY['female','male','not_stated'])[1 + floor(random() * 3)::int],
             CASE WHEN random() < 0.2 THEN NULL ELSE 1955 + floor(random() * 50)::int END
        FROM generate_series(1, ${PEOPLE}) AS i`);
    // How many measures each person was on: 1 + geometric (mean about 1.8); which ones: uniform, whatever the region.
    await tx.execute(sql`
      INSERT INTO person_participations (org_id, person_id, kind, source, source_id, role, occurred_on)
      SELECT p.org_id, p.id, 'measure', 'led', ms.ids[1 + floor(random() * ${MEASURES})::int],
             (ARRAY['participant','participant','participant','participant','participant','participant','new_job','higher_income'])[1 + floor(random() * 8)::int],
             date '2020-01-01' + floor(random() * 2300)::int
        FROM (SELECT id, org_id, 1 + floor(ln(1 - random()) / ln(0.45))::int AS n FROM people WHERE org_id = ${orgId}) p
       CROSS JOIN (SELECT array_agg(id) AS ids FROM led_measures WHERE org_id = ${orgId}) ms
       CROSS JOIN LATERAL generate_series(1, p.n) AS k
      ON CONFLICT DO NOTHING`);
  });
}

async function ledRollupBench() {
  const product = await inProcessProduct('postgres');
  const { app, database } = product;
  try {
    const signup = await app.inject({
      method: 'POST', url: '/api/v1/auth/signup',
      payload: { admin: { name: 'Bench Admin', email: 'bench-led@example.test', password: 'a long enough password' }, org: { name: 'Bench Chamber', kind: 'chamber', country: 'GH', regions: ['GH-AA'], languages: ['en'], currency: 'GHS', shareMemberDataUpward: false } },
    });
    if (signup.statusCode !== 201) throw new Error(`signup: ${signup.body}`);
    const orgId = (signup.json() as { org: { id: string } }).org.id;
    const session = signup.cookies.find((c) => c.name === 'rt_session')!;
    const cookie = `rt_session=${session.value}`;

    let t = performance.now();
    await seedLed(database, orgId);
    await database.db.execute(sql`VACUUM ANALYZE`);
    const seedMs = Math.round(performance.now() - t);

    const times: number[] = [];
    let body: { regions: unknown[]; total: { measures: number; people: Record<string, { people: number; sum: number; sumOfRegions: number; inSeveralMeasures: number; inSeveralRegions: number }>; effective: { num: number; den: number } } } | undefined;
    for (let run = 0; run < RUNS + 3; run++) {
      t = performance.now();
      const res = await app.inject({ method: 'GET', url: '/api/v1/led/rollup', headers: { cookie } });
      const ms = performance.now() - t;
      if (res.statusCode !== 200) throw new Error(`rollup: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (run >= 3) times.push(ms); // the first three warm the caches and the plan
      body = res.json();
    }
    // The same figures counted apart, straight from the records.
    const apart = (await database.db.execute<{ role: string; people: number; per_measure: number }>(sql`
      SELECT role, count(DISTINCT person_id)::int AS people, count(DISTINCT (source_id, person_id))::int AS per_measure
        FROM person_participations WHERE org_id = ${orgId} AND source = 'led' GROUP BY role ORDER BY role`)).rows;
    for (const a of apart) {
      const got = body!.total.people[a.role]!;
      if (got.people !== a.people || got.sum !== a.per_measure) throw new Error(`${a.role}: roll-up ${got.people}/${got.sum}, records ${a.people}/${a.per_measure}`);
    }
    const counts = (await database.db.execute<{ regions: number; measures: number; people: number; participations: number }>(sql`
      SELECT (SELECT count(*) FROM led_regions)::int AS regions, (SELECT count(*) FROM led_measures)::int AS measures,
             (SELECT count(*) FROM people)::int AS people, (SELECT count(*) FROM person_participations)::int AS participations`)).rows[0];
    const r = (x: number) => Math.round(x);
    return {
      database: 'postgres', ...counts, seedMs, runs: RUNS,
      rollupMs: { p50: r(percentile(times, 50)), p95: r(percentile(times, 95)), max: r(Math.max(...times)), target_p95: 300 },
      checkedAgainstRecords: true,
      figures: { regions: body!.regions.length, measures: body!.total.measures, effective: body!.total.effective, people: body!.total.people },
    };
  } finally {
    await product.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(machine()));
  console.log(JSON.stringify(await ledRollupBench()));
}
