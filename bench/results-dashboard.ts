import { sql } from 'drizzle-orm';
import { createDonor } from '../server/modules/results/donor-service.js';
import { withSystem } from '../server/platform/db/tenancy.js';
import { inProcessProduct, machine, percentile } from './lib.js';

/**
 * Issue 20.5: dashboards from stored results, on PostgreSQL, through the API
 * (in-process): a federation of 30 organisations (an umbrella and 29
 * branches), each with 3 frameworks of 12 indicators and 4 approved yearly
 * reports, every figure broken down by region (10), sex (3) and age band (6),
 * and each frozen report holding the 400 records behind each figure (the
 * dashboards must not read them). One framework of each organisation is shared
 * with a donor. p50/p95 of the donor's `GET /api/v1/donor/dashboard` (30
 * partners, 120 reports) and of one organisation's `GET /api/v1/results/dashboard`.
 * Target: p95 ≤ 300 ms.
 *
 *   node --import tsx bench/results-dashboard.ts
 */
const ORGS = 30;
const FRAMEWORKS = 3;
const INDICATORS = 12;
const PERIODS = 4;
const RECORDS = 400;
const RUNS = 30;

async function timed(app: Awaited<ReturnType<typeof inProcessProduct>>['app'], url: string, cookie: string) {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < RUNS + 3; run++) {
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    const ms = performance.now() - t;
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    if (run >= 3) times.push(ms); // the first three warm the caches and the plan
    bytes = res.body.length;
  }
  return { p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)), max: Math.round(Math.max(...times)), kB: Math.round(bytes / 1024), target_p95: 300 };
}

async function dashboardBench() {
  const product = await inProcessProduct('postgres');
  const { app, database } = product;
  try {
    const signup = await app.inject({
      method: 'POST', url: '/api/v1/auth/signup',
      payload: { admin: { name: 'Bench Admin', email: 'bench-dash@example.test', password: 'a long enough password' }, org: { name: 'Bench Federation', kind: 'federation', country: 'GH', regions: ['GH-AA'], languages: ['en'], currency: 'GHS', shareMemberDataUpward: false } },
    });
    if (signup.statusCode !== 201) throw new Error(`signup: ${signup.body}`);
    const session = signup.cookies.find((c) => c.name === 'rt_session')!;
    const cookie = `rt_session=${session.value}`;
    const csrf = (signup.json() as { csrfToken: string }).csrfToken;
    let t = performance.now();
    for (let i = 1; i < ORGS; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/org/branches', headers: { cookie, 'x-csrf-token': csrf }, payload: { name: `Branch ${i}`, kind: 'chamber', country: 'GH', regions: ['GH-AA'], languages: ['en'], currency: 'GHS' } });
      if (res.statusCode !== 201) throw new Error(`branch: ${res.statusCode} ${res.body.slice(0, 300)}`);
    }
    const donor = await createDonor(database.db, 'Bench donor');
    await withSystem(database.db, async (tx) => {
      await tx.execute(sql`SELECT setseed(0.2)`);
      await tx.execute(sql`INSERT INTO results_frameworks (org_id, name, donor) SELECT o.id, 'Programme ' || f, 'Bench donor' FROM orgs o CROSS JOIN generate_series(1, ${FRAMEWORKS}) f`);
      await tx.execute(sql`INSERT INTO results_indicators (org_id, framework_id, position, name, level, kind, dimensions)
        SELECT f.org_id, f.id, i, 'Indicator ' || i, 'output', 'unique_people', '{region,sex,age_band}' FROM results_frameworks f CROSS JOIN generate_series(1, ${INDICATORS}) i`);
      // Each approved report's figures: a total, its breakdowns (parts adding up), the records behind each.
      await tx.execute(sql`
        WITH p AS (
          SELECT f.org_id, f.id AS framework_id, y FROM results_frameworks f CROSS JOIN generate_series(2022, 2021 + ${PERIODS}) y
        ), figures AS (
          SELECT p.org_id, p.framework_id, p.y, i.id AS indicator_id, i.name, (400 + floor(random() * 4000))::int AS n FROM p JOIN results_indicators i ON i.org_id = p.org_id AND i.framework_id = p.framework_id
        ), cells AS (
          SELECT org_id, framework_id, y, indicator_id, name, n,
            jsonb_build_object(
              'region', jsonb_build_object('overlap', 0, 'categories', (SELECT jsonb_agg(jsonb_build_object('category', 'GH-R' || k, 'figure', jsonb_build_object('n', n / 10 + CASE WHEN k = 1 THEN n % 10 ELSE 0 END))) FROM generate_series(1, 10) k)),
              'sex', jsonb_build_object('overlap', 0, 'categories', jsonb_build_array(jsonb_build_object('category', 'female', 'figure', jsonb_build_object('n', n / 2)), jsonb_build_object('category', 'male', 'figure', jsonb_build_object('n', n - n / 2 - 1)), jsonb_build_object('category', 'not_stated', 'figure', jsonb_build_object('n', 1)))),
              'age_band', jsonb_build_object('overlap', 0, 'categories', (SELECT jsonb_agg(jsonb_build_object('category', 'band' || k, 'figure', jsonb_build_object('n', n / 6 + CASE WHEN k = 1 THEN n % 6 ELSE 0 END))) FROM generate_series(1, 6) k))
            ) AS breakdowns
          FROM figures
        )
        INSERT INTO results_periods (org_id, framework_id, label, starts_on, ends_on, state, approved_at, approved_by, frozen, checksum, figures)
        SELECT org_id, framework_id, y::text, make_date(y, 1, 1), make_date(y, 12, 31), 'approved', now(), 'Bench Director',
          jsonb_build_object('indicators', jsonb_agg(jsonb_build_object('indicatorId', indicator_id, 'name', name, 'total', jsonb_build_object('n', n), 'breakdowns', breakdowns, 'target', 3000,
            'records', (SELECT jsonb_agg('person:' || gen_random_uuid()) FROM generate_series(1, ${RECORDS}::int) r WHERE r > 0 * n)))),
          md5(random()::text),
          jsonb_build_object('indicators', jsonb_agg(jsonb_build_object('indicatorId', indicator_id, 'name', name, 'total', jsonb_build_object('n', n), 'breakdowns', breakdowns, 'target', 3000, 'records', ${RECORDS}::int, 'kind', 'unique_people', 'level', 'output', 'unit', 'people')))
        FROM cells GROUP BY org_id, framework_id, y`);
      await tx.execute(sql`INSERT INTO results_framework_shares (org_id, framework_id, donor_id, shared_by)
        SELECT org_id, id, ${donor.id}::uuid, 'Bench Admin' FROM results_frameworks WHERE name = 'Programme 1'`);
      const [user] = (await tx.execute<{ id: string }>(sql`INSERT INTO users (email, name, password_hash) SELECT 'bench-donor@example.test', 'Bench Donor', password_hash FROM users WHERE email = 'bench-dash@example.test' RETURNING id`)).rows;
      await tx.execute(sql`INSERT INTO results_donor_users (donor_id, user_id) VALUES (${donor.id}::uuid, ${user!.id}::uuid) ON CONFLICT DO NOTHING`);
    });
    await database.db.execute(sql`VACUUM ANALYZE`);
    const seedMs = Math.round(performance.now() - t);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'bench-donor@example.test', password: 'a long enough password' } });
    if (login.statusCode !== 200) throw new Error(`donor login: ${login.body}`);
    const donorCookie = `rt_session=${login.cookies.find((c) => c.name === 'rt_session')!.value}`;
    t = performance.now();
    const donorDashboard = await timed(app, '/api/v1/donor/dashboard', donorCookie);
    const orgDashboard = await timed(app, '/api/v1/results/dashboard', cookie);
    const check = (await app.inject({ method: 'GET', url: '/api/v1/donor/dashboard', headers: { cookie: donorCookie } })).json() as { programmes: Array<{ periods: unknown[] }> };
    if (check.programmes.length !== ORGS || check.programmes.some((p) => p.periods.length !== PERIODS)) throw new Error('the donor does not see every partner’s reports');
    const counts = (await database.db.execute<{ orgs: number; periods: number; frozen_mb: number }>(sql`
      SELECT (SELECT count(*) FROM orgs)::int AS orgs, (SELECT count(*) FROM results_periods)::int AS periods,
             round((SELECT sum(pg_column_size(frozen)) FROM results_periods) / 1048576.0, 1)::float AS frozen_mb`)).rows[0];
    return { database: 'postgres', ...counts, indicatorsPerFramework: INDICATORS, seedMs, runs: RUNS, donorDashboardMs: donorDashboard, orgDashboardMs: orgDashboard };
  } finally {
    await product.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(machine()));
  console.log(JSON.stringify(await dashboardBench(), null, 2));
}
