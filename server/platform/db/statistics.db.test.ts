import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { createManyMemberFirms, createOrg } from '../../test/factories.js';
import { refreshStatistics, statisticsJobs } from './statistics.js';

const t = useTestApp();

async function estimatedRows(table: string) {
  const res = await t.database.db.execute<{ n: number }>(sql`SELECT reltuples::int AS n FROM pg_class WHERE relname = ${table}`);
  return Number(res.rows[0]!.n);
}

describe('planner statistics', () => {
  it('are refreshed after a bulk write, for the tables named', async () => {
    const { orgId } = await createOrg(t.app);
    await createManyMemberFirms(t.database, orgId, 1200);
    await refreshStatistics(t.database, ['members', 'member_name_starts']);
    // The planner now knows the table holds the firms, not the guess of an empty table.
    expect(await estimatedRows('members')).toBeGreaterThanOrEqual(1200);
    expect(await estimatedRows('member_name_starts')).toBeGreaterThan(0);
    await expect(refreshStatistics(t.database, ['members; DROP TABLE members'])).rejects.toThrow(/not a table name/);
  });

  it('are refreshed on a schedule on the embedded database only, which has no autovacuum', () => {
    const jobs = statisticsJobs(t.database);
    expect(jobs.map((j) => j.name)).toEqual(t.database.kind === 'pglite' ? ['database-statistics'] : []);
  });
});
