import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { createOrg } from '../../test/factories.js';
import { DEFAULT_THRESHOLDS, sizeClassOf, totalEmployees, type SizeThresholds } from './size-class.js';

const t = useTestApp();

// Every combination of unknown and known figures around each ceiling.
const HEADCOUNTS = [null, 0, 3, 5, 6, 9, 10, 29, 30, 49, 50, 99, 100, 249, 250, 1000];
const TURNOVERS = [null, 0, 50_000_00, 100_000_00, 100_000_01, 999_999_99, 1_000_000_00, 1_000_000_01, 9_000_000_00, 50_000_000_000];

const SETTINGS: Array<SizeThresholds> = [
  DEFAULT_THRESHOLDS,
  { microMaxEmployees: 5, smallMaxEmployees: 29, mediumMaxEmployees: 99, microMaxTurnover: null, smallMaxTurnover: null, mediumMaxTurnover: null },
  { ...DEFAULT_THRESHOLDS, microMaxTurnover: 100_000_00, smallMaxTurnover: 1_000_000_00, mediumMaxTurnover: 9_000_000_00 },
  { ...DEFAULT_THRESHOLDS, smallMaxTurnover: 1_000_000_00 },
];

describe('reclassifying member firms after a change of thresholds', () => {
  it('gives every firm the class sizeClassOf gives it, in one statement', async () => {
    const { orgId, admin } = await createOrg(t.app);
    // Firms are written directly: a grid of 1,760 firms through the API would take minutes.
    await t.database.db.execute(sql`
      INSERT INTO members (org_id, legal_name, region, status, employees_female, employees_male, turnover)
      SELECT ${orgId}::uuid, 'Grid firm ' || f.i || '-' || m.i || '-' || tu.i, 'GH-AA', 'active', f.v, m.v, tu.v
      FROM unnest(${sql.raw(`ARRAY[${HEADCOUNTS.map((h) => h ?? 'NULL').join(',')}]::int[]`)}) WITH ORDINALITY AS f(v, i)
      CROSS JOIN unnest(ARRAY[NULL, 0, 1, 4, 20]::int[]) WITH ORDINALITY AS m(v, i)
      CROSS JOIN unnest(${sql.raw(`ARRAY[${TURNOVERS.map((x) => x ?? 'NULL').join(',')}]::bigint[]`)}) WITH ORDINALITY AS tu(v, i)`);

    for (const thresholds of SETTINGS) {
      const res = await admin.put('/api/v1/members/settings', { ...thresholds, districts: [] });
      expect(res.statusCode, res.body).toBe(200);
      const rows = await t.database.db.execute<{ female: number | null; male: number | null; turnover: string | null; size_class: string | null }>(
        sql`SELECT employees_female AS female, employees_male AS male, turnover::text, size_class FROM members WHERE org_id = ${orgId}`,
      );
      expect(rows.rows.length).toBe(HEADCOUNTS.length * 5 * TURNOVERS.length);
      const wrong = rows.rows.filter((r) => r.size_class !== sizeClassOf(thresholds, totalEmployees(r.female, r.male), r.turnover === null ? null : Number(r.turnover)));
      expect(wrong).toEqual([]);
    }
    const classes = await t.database.db.execute<{ size_class: string | null }>(sql`SELECT DISTINCT size_class FROM members WHERE org_id = ${orgId} ORDER BY 1`);
    expect(classes.rows.map((r) => r.size_class)).toEqual(['large', 'medium', 'micro', 'small', null]);
  });

  it('leaves the firms of other organisations as they were', async () => {
    const mine = await createOrg(t.app);
    const other = await createOrg(t.app);
    await t.database.db.execute(sql`INSERT INTO members (org_id, legal_name, region, status, employees_female, size_class) VALUES (${other.orgId}, 'Other firm', 'GH-AA', 'active', 40, 'small')`);
    const res = await mine.admin.put('/api/v1/members/settings', { ...DEFAULT_THRESHOLDS, microMaxEmployees: 45, smallMaxEmployees: 49, districts: [] });
    expect(res.statusCode).toBe(200);
    const [row] = (await t.database.db.execute<{ size_class: string }>(sql`SELECT size_class FROM members WHERE org_id = ${other.orgId}`)).rows;
    expect(row!.size_class).toBe('small');
  });
});
