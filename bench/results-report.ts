import { sql } from 'drizzle-orm';
import { users } from '../server/platform/auth/tables.js';
import { openDatabase } from '../server/platform/db/database.js';
import { runMigrations } from '../server/platform/db/migrate.js';
import { withSystem, withTenant } from '../server/platform/db/tenancy.js';
import { createOrgWithAdmin } from '../server/platform/tenants/tenants.js';
import { addIndicator, createFramework } from '../server/modules/results/framework-service.js';
import { LIBRARY } from '../server/modules/results/library.js';
import { addPeriod, computeReport, periodRow } from '../server/modules/results/period-service.js';
import { createServerDatabase } from '../server/test/database.js';
import { machine, percentile } from './lib.js';
import { seedManyFirms } from './members-fixture.js';

/**
 * Issue 20: computing every library indicator of a framework over one year,
 * for an organisation of 100,000 firms (their status histories), 200,000
 * people and 1,000,000 participations, on PostgreSQL. Prints the time of the
 * whole report (every indicator counted from its records), ten times.
 * Not yet the whole case: one organisation, not 30 branches.
 *
 *   node --import tsx bench/results-report.ts
 */
async function resultsReport() {
  const server = await createServerDatabase();
  const database = await openDatabase({ url: server.url, pgliteDir: '' });
  try {
    await runMigrations(database);
    const orgId = await withSystem(database.db, async (tx) => {
      const [u] = await tx.insert(users).values({ email: 'bench-results@example.test', name: 'Bench', passwordHash: 'x' }).returning();
      const org = await createOrgWithAdmin(tx, { name: 'Bench Federation', kind: 'chamber', country: 'GH', regions: ['GH-AA', 'GH-AH', 'GH-NP', 'GH-CP', 'GH-WP', 'GH-EP', 'GH-UE'], languages: ['en'], currency: 'GHS', shareMemberDataUpward: false }, { userId: u!.id, name: 'Bench' });
      return org.id;
    });
    let t = performance.now();
    await seedManyFirms(database, orgId);
    // Each firm applied in 2025 and, when active now, became so between mid-2025 and late 2026.
    await database.db.execute(sql`
      INSERT INTO membership_status_history (org_id, member_id, to_status, changed_at, changed_by)
      SELECT m.org_id, m.id, 'applicant', timestamptz '2025-01-01' + (row_number() OVER () % 365) * interval '1 day', 'bench' FROM members m WHERE m.org_id = ${orgId}`);
    await database.db.execute(sql`
      INSERT INTO membership_status_history (org_id, member_id, from_status, to_status, changed_at, changed_by)
      SELECT m.org_id, m.id, 'applicant', 'active', timestamptz '2025-06-01' + (row_number() OVER () % 540) * interval '1 day', 'bench' FROM members m WHERE m.org_id = ${orgId} AND m.status = 'active'`);
    await database.db.execute(sql`
      INSERT INTO people (org_id, name, sex, birth_year)
      SELECT ${orgId}::uuid, 'Person ' || i, (ARRAY['female','male','not_stated'])[1 + (i % 3)], CASE WHEN i % 4 = 0 THEN NULL ELSE 1960 + (i % 50) END
      FROM generate_series(1, 200000) AS i`);
    await database.db.execute(sql`
      INSERT INTO person_participations (org_id, person_id, kind, source, source_id, role, occurred_on)
      SELECT p.org_id, p.id, 'course', 'training', md5(((p.n * 5 + k) % 4000)::text)::uuid,
             (ARRAY['participant','participant','participant','new_job','higher_income'])[1 + k],
             date '2025-07-01' + ((p.n * 7 + k * 31) % 540)::int
      FROM (SELECT id, org_id, row_number() OVER () AS n FROM people WHERE org_id = ${orgId}) p CROSS JOIN generate_series(0, 4) AS k`);
    await database.db.execute(sql`VACUUM ANALYZE`);
    const seedMs = Math.round(performance.now() - t);
    const scope = { orgId, role: 'admin' as const, actor: { userId: null, name: 'Bench' }, locale: 'en' };
    const periodId = await withTenant(database.db, scope, async (ctx) => {
      const frameworkId = await createFramework(ctx, { name: 'Federation programme', donor: '', description: '', iatiOrgRef: null, iatiActivityId: null, iatiOrgType: null });
      for (const i of LIBRARY) await addIndicator(ctx, frameworkId, { library: i.code, name: i.code, level: i.level, kind: i.kind, unit: '', dimensions: i.dimensions, baseline: null, baselineYear: null });
      return addPeriod(ctx, frameworkId, { label: '2026', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    });
    const times: number[] = [];
    let figures: Record<string, unknown> = {};
    for (let run = 0; run < 10; run++) {
      t = performance.now();
      const report = await withTenant(database.db, scope, async (ctx) => computeReport(ctx, await periodRow(ctx, periodId)));
      times.push(performance.now() - t);
      figures = Object.fromEntries(report.results.map((r) => [r.name, { total: r.total, records: r.records }]));
    }
    const counts = (await database.db.execute<{ firms: number; history: number; people: number; participations: number }>(sql`
      SELECT (SELECT count(*) FROM members)::int AS firms, (SELECT count(*) FROM membership_status_history)::int AS history,
             (SELECT count(*) FROM people)::int AS people, (SELECT count(*) FROM person_participations)::int AS participations`)).rows[0];
    const r = (x: number) => Math.round(x);
    return { database: 'postgres', ...counts, indicators: LIBRARY.length, seedMs, reportMs: { p50: r(percentile(times, 50)), p95: r(percentile(times, 95)), max: r(Math.max(...times)) }, figures };
  } finally {
    await database.close();
    await server.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(machine()));
  console.log(JSON.stringify(await resultsReport()));
}
