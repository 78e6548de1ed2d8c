import { describe, expect, it } from 'vitest';
import type { LedRegionDetail } from '../../../contracts/led.js';
import { useTestApp } from '../../test/app.js';
import { testDbKind } from '../../test/database.js';
import { createOrg } from '../../test/factories.js';

const t = useTestApp();
const ROLES = ['participant', 'new_job', 'higher_income'];

/**
 * The roll-up's stored rows (migration 0064, its lock taken first since 0075)
 * against the same rules applied in memory to the raw records: the LED
 * participations and the measures read apart, joined here. Each stored table
 * as lines that name what they count, so a difference says whom.
 */
async function storedAndApart(orgId: string) {
  const rows = async <T>(text: string) => (await t.app.database.pool.query(text, [orgId])).rows as T[];
  const regionOf = new Map((await rows<{ id: string; region: string }>('SELECT id, region_id AS region FROM led_measures WHERE org_id = $1')).map((m) => [m.id, m.region]));
  const records = (await rows<{ person: string; measure: string; role: string }>("SELECT person_id AS person, source_id AS measure, role FROM person_participations WHERE org_id = $1 AND source = 'led' AND kind = 'measure'"))
    .filter((r) => regionOf.has(r.measure) && ROLES.includes(r.role));

  const measuresIn = new Map<string, Set<string>>();
  const ofPerson = new Map<string, { measures: Set<string>; regions: Set<string> }>();
  for (const r of records) {
    const region = regionOf.get(r.measure)!;
    const key = `${region} ${r.role} ${r.person}`;
    measuresIn.set(key, (measuresIn.get(key) ?? new Set()).add(r.measure));
    const who = ofPerson.get(`${r.role} ${r.person}`) ?? { measures: new Set(), regions: new Set() };
    who.measures.add(r.measure);
    who.regions.add(region);
    ofPerson.set(`${r.role} ${r.person}`, who);
  }
  const regionCounts = new Map<string, { people: number; sum: number }>();
  for (const [key, measures] of measuresIn) {
    const [region, role] = key.split(' ');
    const c = regionCounts.get(`${region} ${role}`) ?? { people: 0, sum: 0 };
    regionCounts.set(`${region} ${role}`, { people: c.people + 1, sum: c.sum + measures.size });
  }
  const totals = ROLES.map((role) => {
    const people = [...ofPerson].filter(([key]) => key.startsWith(`${role} `)).map(([, v]) => v);
    const sum = people.reduce((s, p) => s + p.measures.size, 0);
    return `${role} ${people.length} ${sum} ${people.filter((p) => p.measures.size > 1).length} ${people.filter((p) => p.regions.size > 1).length}`;
  });
  const apart = {
    personRegions: [...measuresIn].map(([key, m]) => `${key} ${m.size}`).sort(),
    people: [...ofPerson].map(([key, v]) => `${key} ${v.measures.size} ${v.regions.size}`).sort(),
    regionCounts: [...regionCounts].map(([key, c]) => `${key} ${c.people} ${c.sum}`).sort(),
    totals,
  };

  const storedTotals = new Map((await rows<{ role: string; line: string }>(
    "SELECT role, role || ' ' || people || ' ' || sum || ' ' || in_several_measures || ' ' || in_several_regions AS line FROM led_rollup_totals WHERE org_id = $1",
  )).map((r) => [r.role, r.line]));
  const lines = async (text: string) => (await rows<{ line: string }>(text)).map((r) => r.line).sort();
  const stored = {
    personRegions: await lines("SELECT region_id || ' ' || role || ' ' || person_id || ' ' || measures AS line FROM led_rollup_person_regions WHERE org_id = $1"),
    people: await lines("SELECT role || ' ' || person_id || ' ' || measures || ' ' || regions AS line FROM led_rollup_people WHERE org_id = $1"),
    regionCounts: await lines("SELECT region_id || ' ' || role || ' ' || people || ' ' || sum AS line FROM led_rollup_region_counts WHERE org_id = $1"),
    // A role nobody holds any more may keep a row of zeros: as no row.
    totals: ROLES.map((role) => storedTotals.get(role) ?? `${role} 0 0 0 0`),
  };
  return { stored, apart, records: records.length };
}

async function expectStoredAsRecords(orgId: string, step: string) {
  const { stored, apart, records } = await storedAndApart(orgId);
  expect(stored, step).toEqual(apart);
  return { records, personRoles: stored.people.length };
}

/** An organisation with two regions, two measures in each, and six people recorded on none yet. */
async function world() {
  const { admin, orgId } = await createOrg(t.app, { country: 'GH', regions: ['GH-AA', 'GH-AH'] });
  const region = async (name: string, code: string) => {
    const res = await admin.post('/api/v1/led/regions', { name, region: code, branchId: null });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as LedRegionDetail;
  };
  const accra = await region('Accra', 'GH-AA');
  const kumasi = await region('Kumasi', 'GH-AH');
  const measure = async (r: LedRegionDetail, title: string) => {
    const res = await admin.post(`/api/v1/led/regions/${r.id}/measures`, { title, budget: 100_00, startsOn: '2025-01-06', endsOn: '2025-12-31', status: 'running' });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as LedRegionDetail).measureList.find((m) => m.title === title)!.id;
  };
  const m = { a1: await measure(accra, 'Market stalls'), a2: await measure(accra, 'Bookkeeping'), k1: await measure(kumasi, 'Craft trail'), k2: await measure(kumasi, 'Solar dryers') };
  const people = (await t.app.database.pool.query<{ id: string }>(
    "INSERT INTO people (org_id, name, sex) SELECT $1::uuid, 'Person ' || i, CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END FROM generate_series(1, 6) AS i RETURNING id",
    [orgId],
  )).rows.map((r) => r.id);
  return { admin, orgId, regions: { accra: accra.id, kumasi: kumasi.id }, m, people };
}

const RECORD = "INSERT INTO person_participations (org_id, person_id, kind, source, source_id, role, occurred_on) VALUES ($1, $2, 'measure', 'led', $3, $4, $5)";

describe('LED roll-up stored counts, written by the triggers', () => {
  it('equal the records counted apart after a mix of inserts, updates and deletes of records and measures', async () => {
    const w = await world();
    const { pool } = t.app.database;
    const [p1, p2, p3, p4, p5, p6] = w.people as [string, string, string, string, string, string];
    await expectStoredAsRecords(w.orgId, 'nothing recorded');

    // One statement of many records: a person on several measures and days, in both regions, in several roles.
    await pool.query(
      `INSERT INTO person_participations (org_id, person_id, kind, source, source_id, role, occurred_on)
       SELECT $1::uuid, x.person, 'measure', 'led', x.measure, x.role, x.day FROM (VALUES
         ($2::uuid, $7::uuid, 'participant', date '2025-02-01'), ($2::uuid, $7::uuid, 'participant', date '2025-02-02'),
         ($2::uuid, $8::uuid, 'participant', date '2025-02-01'), ($2::uuid, $9::uuid, 'participant', date '2025-02-01'),
         ($2::uuid, $9::uuid, 'new_job', date '2025-03-01'), ($3::uuid, $7::uuid, 'participant', date '2025-02-05'),
         ($4::uuid, $9::uuid, 'participant', date '2025-02-01'), ($4::uuid, $10::uuid, 'participant', date '2025-02-01'),
         ($5::uuid, $10::uuid, 'higher_income', date '2025-04-01'), ($6::uuid, $9::uuid, 'participant', date '2025-02-01')) AS x(person, measure, role, day)`,
      [w.orgId, p1, p2, p3, p4, p5, w.m.a1, w.m.a2, w.m.k1, w.m.k2],
    );
    const first = await expectStoredAsRecords(w.orgId, 'one statement of many records');
    // p1 in two roles, p2, p3, p4 and p5 in one each.
    expect(first).toEqual({ records: 10, personRoles: 6 });

    // Single records, one of them of another source (training), which the roll-up leaves out.
    await pool.query(RECORD, [w.orgId, p6, w.m.k2, 'participant', '2025-02-03']);
    await pool.query("INSERT INTO person_participations (org_id, person_id, kind, source, source_id, role, occurred_on) VALUES ($1, $2, 'course', 'training', $3, 'participant', '2025-02-03')", [w.orgId, p6, w.m.k1]);
    await expectStoredAsRecords(w.orgId, 'single records');

    // Updates: p2's records moved to p1 (as a merge does; another day of the same measure), a role changed, a record moved to another measure.
    await pool.query('UPDATE person_participations SET person_id = $2 WHERE org_id = $1 AND person_id = $3', [w.orgId, p1, p2]);
    await expectStoredAsRecords(w.orgId, 'records moved to another person');
    await pool.query("UPDATE person_participations SET role = 'new_job' WHERE org_id = $1 AND person_id = $2 AND source_id = $3", [w.orgId, p3, w.m.k1]);
    await pool.query("UPDATE person_participations SET source_id = $2 WHERE org_id = $1 AND person_id = $3 AND source_id = $4 AND source = 'led'", [w.orgId, w.m.k1, p6, w.m.k2]);
    await expectStoredAsRecords(w.orgId, 'a role and a measure changed');

    // Deletes: one day of two (the person still counts), then all of one person's records.
    await pool.query("DELETE FROM person_participations WHERE org_id = $1 AND person_id = $2 AND occurred_on = '2025-02-02'", [w.orgId, p1]);
    await expectStoredAsRecords(w.orgId, 'one day of two removed');
    await pool.query('DELETE FROM person_participations WHERE org_id = $1 AND person_id = $2', [w.orgId, p5]);
    await expectStoredAsRecords(w.orgId, "a person's records removed");

    // Measures: one moved to the other region, one edited without moving, one removed.
    await pool.query('UPDATE led_measures SET region_id = $2 WHERE org_id = $1 AND id = $3', [w.orgId, w.regions.kumasi, w.m.a2]);
    await expectStoredAsRecords(w.orgId, 'a measure moved to another region');
    await pool.query("UPDATE led_measures SET title = 'Stalls and shade' WHERE org_id = $1 AND id = $2", [w.orgId, w.m.a1]);
    await expectStoredAsRecords(w.orgId, 'a measure renamed');
    await pool.query('DELETE FROM led_measures WHERE org_id = $1 AND id = $2', [w.orgId, w.m.k1]);
    const last = await expectStoredAsRecords(w.orgId, 'a measure removed');
    expect(last.records).toBeGreaterThan(0);
  });

  it.runIf(testDbKind() === 'postgres')('stay exact when two connections write for the same organisation at once', async () => {
    const w = await world();
    const { admin } = w;
    const { pool } = t.app.database;
    const [p1, p2, p3, p4] = w.people as [string, string, string, string];
    for (const [person, measure] of [[p2, w.m.a1], [p3, w.m.a2], [p4, w.m.k2]] as const) await pool.query(RECORD, [w.orgId, person, measure, 'participant', '2025-02-01']);
    await expectStoredAsRecords(w.orgId, 'before');

    const holder = await pool.connect();
    const other = await pool.connect();
    const otherPid = (await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    /** Until the other connection waits for the organisation's lock the holder took. */
    const waitingForLock = async () => {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        if ((await pool.query("SELECT 1 FROM pg_locks WHERE pid = $1 AND locktype = 'advisory' AND NOT granted", [otherPid])).rowCount) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('the second connection never waited for the lock');
    };
    /** The holder writes and keeps its transaction open; the other writes meanwhile; the holder writes `then` too, and commits first. */
    const atOnce = async (first: [string, unknown[]], second: [string, unknown[]], then?: [string, unknown[]]) => {
      await holder.query('BEGIN');
      await holder.query(first[0], first[1]);
      await other.query('BEGIN');
      const written = other.query(second[0], second[1]).then(() => null, (error: unknown) => error);
      // A second write that never waited would test nothing: it must be seen waiting before the holder commits.
      await waitingForLock();
      if (then) await holder.query(then[0], then[1]);
      await holder.query('COMMIT');
      const failed = await written;
      if (failed) throw failed;
      await other.query('COMMIT');
    };
    try {
      // A participant recorded on a measure while another connection moves the measure to the other region.
      await atOnce([RECORD, [w.orgId, p1, w.m.a1, 'participant', '2025-03-01']], ['UPDATE led_measures SET region_id = $2 WHERE org_id = $1 AND id = $3', [w.orgId, w.regions.kumasi, w.m.a1]]);
      await expectStoredAsRecords(w.orgId, 'a measure moved while a participant was recorded on it');

      // A participant recorded on a measure while another connection removes it.
      await atOnce([RECORD, [w.orgId, p1, w.m.a2, 'participant', '2025-03-02']], ['DELETE FROM led_measures WHERE org_id = $1 AND id = $2', [w.orgId, w.m.a2]]);
      await expectStoredAsRecords(w.orgId, 'a measure removed while a participant was recorded on it');

      // One person recorded on two measures (both in Kumasi now) from two connections: once, on several measures.
      await atOnce([RECORD, [w.orgId, p3, w.m.a1, 'new_job', '2025-03-03']], [RECORD, [w.orgId, p3, w.m.k2, 'new_job', '2025-03-03']]);
      expect((await storedAndApart(w.orgId)).stored.totals).toContain('new_job 1 2 1 0');
      await expectStoredAsRecords(w.orgId, 'one person recorded twice at once');

      // A person's records moved to another (as a merge does) while one more is recorded for them.
      await atOnce(['UPDATE person_participations SET person_id = $2 WHERE org_id = $1 AND person_id = $3', [w.orgId, p1, p4]], [RECORD, [w.orgId, p4, w.m.k1, 'participant', '2025-03-04']]);
      await expectStoredAsRecords(w.orgId, 'records moved while one more was recorded');

      // A trainer added to a course (training reach's trigger takes the lock), an LED participant recorded meanwhile (LED's
      // trigger fires first), then the course's participant: one lock for both summaries, or these two would deadlock.
      const course = await admin.post('/api/v1/training/courses', { title: 'Bookkeeping', kind: 'course' });
      expect(course.statusCode, course.body).toBe(201);
      const courseId = (course.json() as { id: string }).id;
      await atOnce(
        ['INSERT INTO training_course_trainers (org_id, course_id, person_id) VALUES ($1, $2, $3)', [w.orgId, courseId, p2]],
        [RECORD, [w.orgId, p3, w.m.k1, 'participant', '2025-03-05']],
        ["INSERT INTO person_participations (org_id, person_id, kind, source, source_id, role, occurred_on) VALUES ($1, $2, 'course', 'training', $3, 'participant', '2025-03-05')", [w.orgId, p4, courseId]],
      );
      await expectStoredAsRecords(w.orgId, 'a trainer added and participants recorded at once');
      expect((await pool.query('SELECT trainers FROM training_reach_people WHERE org_id = $1 AND person_id = $2', [w.orgId, p4])).rows).toEqual([{ trainers: [p2] }]);
    } finally {
      for (const c of [holder, other]) {
        await c.query('ROLLBACK').catch(() => undefined);
        c.release();
      }
    }
  });
});
