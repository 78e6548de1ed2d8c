import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CAPACITY_CATALOGUE, CAPACITY_DOMAINS, type Assessment, type SiblingCapacityView } from '../../../contracts/capacity.js';
import type { OrgInput } from '../../../contracts/orgs.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { useTestApp, type Client } from '../../test/app.js';
import { createOrg, createPerson, orgInput } from '../../test/factories.js';

const t = useTestApp();
const NOTE = 'Board minutes of the secret meeting';

/** Every item at a level: governance 1, 2, 4; finances 3, 3, 2; every other item `rest`. One note. */
function levels(rest: number): Array<{ item: string; level: number; note: string }> {
  const set: Record<string, number> = { governance_board: 1, governance_strategy: 2, governance_staff: 4, finances_income: 3, finances_accounts: 3, finances_fees: 2 };
  return CAPACITY_CATALOGUE.map((i) => ({ item: i.key, level: set[i.key] ?? rest, note: i.key === 'governance_board' ? NOTE : '' }));
}

/** A self-assessment of the year with every item at `levels(rest)`, submitted unless `draft`. */
async function fill(client: Client, year: number, rest: number, draft = false): Promise<Assessment> {
  const created = await client.post('/api/v1/training/capacity/assessments', { year });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  expect((await client.put(`/api/v1/training/capacity/assessments/${id}`, { answers: levels(rest) })).statusCode).toBe(200);
  if (draft) return created.json();
  const res = await client.post(`/api/v1/training/capacity/assessments/${id}/submit`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/**
 * Each domain's average over the branches given, computed here from the levels
 * sent: each branch's mean of the domain, then the mean of those means.
 */
function expectedAverage(rests: number[]) {
  return Object.fromEntries(CAPACITY_DOMAINS.map((d) => {
    let total = 0;
    for (const rest of rests) {
      const l = levels(rest).filter((x) => CAPACITY_CATALOGUE.find((i) => i.key === x.item)!.domain === d).map((x) => x.level);
      let sum = 0;
      for (const v of l) sum += v;
      total += sum / l.length;
    }
    const mean = total / rests.length;
    return [d, { mean: Math.round(mean * 100) / 100, share: Math.round((mean / 4) * 1000) / 10 }];
  }));
}

describe('a branch beside its sibling branches', () => {
  it('sees the submitted scores of the siblings that share, and their average; never a note, a draft, a branch that does not share nor another federation\'s', async () => {
    const umbrella = await createOrg(t.app, { name: 'Umbrella Chamber' });
    const admin = umbrella.admin;
    const inputs = new Map<string, OrgInput>();
    const branch = async (name: string) => {
      const input = orgInput({ name });
      const res = await admin.post('/api/v1/org/branches', input);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().shareCapacityWithSiblings).toBe(false);
      inputs.set(res.json().id, input);
      return res.json().id as string;
    };
    const as = async (orgId: string) => expect((await admin.post('/api/v1/auth/switch-org', { orgId })).statusCode).toBe(200);
    const share = async (orgId: string, on: boolean) => {
      await as(orgId);
      const res = await admin.put('/api/v1/org', { ...inputs.get(orgId)!, shareCapacityWithSiblings: on });
      expect([res.statusCode, res.json().shareCapacityWithSiblings]).toEqual([200, on]);
    };
    const [kumasi, tamale, ho, tema, cape] = [await branch('Branch Kumasi'), await branch('Branch Tamale'), await branch('Branch Ho'), await branch('Branch Tema'), await branch('Branch Cape Coast')];

    // Kumasi and Tamale share and submitted; Tema shares but its 2026 is a draft; Cape Coast submitted and does not share.
    await share(kumasi, true);
    const kumasi2026 = await fill(admin, 2026, 4);
    await share(tamale, true);
    await fill(admin, 2026, 1);
    await fill(admin, 2025, 2);
    await share(tema, true);
    await fill(admin, 2026, 3, true);
    await as(cape);
    await fill(admin, 2026, 2);
    // Ho reads; it need not share to see the others.
    await as(ho);
    await fill(admin, 2026, 3);

    // The setting is an audited change of the branch's settings.
    await as(kumasi);
    const audit = (await admin.get(`/api/v1/audit?entityType=org&entityId=${kumasi}`)).json().items as Array<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>;
    expect(audit.find((e) => e.action === 'org.update')).toMatchObject({ before: { shareCapacityWithSiblings: false }, after: { shareCapacityWithSiblings: true } });

    // Another federation: its branch shares and submitted; so did its umbrella.
    const other = await createOrg(t.app, { name: 'Other Federation' });
    const stray = (await other.admin.post('/api/v1/org/branches', orgInput({ name: 'Branch Stray', shareCapacityWithSiblings: true }))).json().id as string;
    await fill(other.admin, 2026, 4);
    expect((await other.admin.post('/api/v1/auth/switch-org', { orgId: stray })).statusCode).toBe(200);
    await fill(other.admin, 2026, 4);

    const viewer = (await createPerson(t.app, ho, 'viewer')).client;
    const res = await viewer.get('/api/v1/training/capacity/siblings?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as SiblingCapacityView;
    expect([view.isBranch, view.sharing, view.own?.status]).toEqual([true, false, 'submitted']);
    expect(view.siblings.map((s) => s.name)).toEqual(['Branch Kumasi', 'Branch Tamale']);
    const led = <T extends { domain: string }>(scores: T[]) => scores.find((s) => s.domain === 'led')!;
    expect([led(view.siblings[0]!.scores).share, led(view.siblings[1]!.scores).share, led(view.own!.scores).share]).toEqual([100, 25, 75]);
    // Per domain only: scores, never a note nor an item.
    const body = res.body;
    for (const hidden of [NOTE, 'governance_board', 'Branch Tema', 'Branch Cape Coast', 'Branch Stray', 'Other Federation', kumasi2026.id]) expect(body).not.toContain(hidden);

    // The average of Kumasi (4), Tamale (1) and Ho (3), each counted once, as summed here.
    const expected = expectedAverage([4, 1, 3]);
    expect(view.averageOf).toBe(3);
    for (const a of view.average) expect([a.domain, a.branches, a.mean, a.share]).toEqual([a.domain, 3, expected[a.domain]!.mean, expected[a.domain]!.share]);
    // LED: (4 + 1 + 3) / 3 = 2.67, 66.7 % of level 4.
    expect([led(view.average).mean, led(view.average).share]).toEqual([2.67, 66.7]);

    // 2025: only Tamale submitted; Ho has none, so the average is Tamale's alone.
    const y2025 = (await viewer.get('/api/v1/training/capacity/siblings?year=2025')).json() as SiblingCapacityView;
    expect([y2025.own, y2025.siblings.map((s) => s.name), y2025.averageOf]).toEqual([null, ['Branch Tamale'], 1]);
    expect(y2025.average.find((a) => a.domain === 'training')!.share).toBe(50);

    // Reopened, Kumasi's is a draft again and leaves its siblings' view; Tamale stops sharing and leaves too.
    expect((await admin.post(`/api/v1/training/capacity/assessments/${kumasi2026.id}/reopen`, { reason: 'Wrong year' })).statusCode).toBe(200);
    await share(tamale, false);
    const after = (await viewer.get('/api/v1/training/capacity/siblings?year=2026')).json() as SiblingCapacityView;
    expect([after.siblings, after.averageOf]).toEqual([[], 1]);

    // Tamale no longer shares and may still look: Kumasi's is a draft, Tema's too, Ho and Cape Coast do not share.
    await as(tamale);
    expect((await admin.get('/api/v1/training/capacity/siblings?year=2026')).json().siblings).toEqual([]);
    // The other federation's branch sees none of these; an umbrella is no branch and has no siblings.
    const strayView = (await other.admin.get('/api/v1/training/capacity/siblings?year=2026')).json() as SiblingCapacityView;
    expect([strayView.isBranch, strayView.siblings]).toEqual([true, []]);
    await as(umbrella.orgId);
    const top = (await admin.get('/api/v1/training/capacity/siblings?year=2026')).json() as SiblingCapacityView;
    expect([top.isBranch, top.siblings, top.own]).toEqual([false, [], null]);
  });

  it('the database function answers only counts and sums per domain, for the caller of the transaction', async () => {
    const umbrella = await createOrg(t.app, { name: 'Function Umbrella' });
    const a = (await umbrella.admin.post('/api/v1/org/branches', orgInput({ name: 'Function A', shareCapacityWithSiblings: true }))).json().id as string;
    const b = (await umbrella.admin.post('/api/v1/org/branches', orgInput({ name: 'Function B' }))).json().id as string;
    expect((await umbrella.admin.post('/api/v1/auth/switch-org', { orgId: a })).statusCode).toBe(200);
    await fill(umbrella.admin, 2026, 2);
    const scope = (orgId: string) => ({ orgId, role: 'viewer' as const, actor: { userId: umbrella.adminId, name: 'Test' }, locale: 'en' });
    const read = (orgId: string) => withTenant(t.app.database.db, scope(orgId), async (ctx) => (await ctx.tx.execute<Record<string, unknown>>(sql`SELECT * FROM sibling_capacity(2026)`)).rows);

    const rows = await read(b);
    expect(Object.keys(rows[0]!).sort()).toEqual(['answered', 'domain', 'level_sum', 'org_id', 'org_name']);
    // Seven domains of A; governance 1 + 2 + 4 over three items, LED three items at 2.
    expect(rows.map((r) => r.domain).sort()).toEqual([...CAPACITY_DOMAINS].sort());
    expect(rows.find((r) => r.domain === 'governance')).toMatchObject({ org_id: a, answered: 3, level_sum: 7 });
    expect(rows.find((r) => r.domain === 'led')).toMatchObject({ answered: 3, level_sum: 6 });
    // A does not see itself; the umbrella is nobody's sibling; its rows are not readable directly either.
    expect(await read(a)).toEqual([]);
    expect(await read(umbrella.orgId)).toEqual([]);
    const direct = await withTenant(t.app.database.db, scope(b), async (ctx) => (await ctx.tx.execute(sql`SELECT count(*)::int AS n FROM capacity_answers`)).rows[0]);
    expect(direct).toEqual({ n: 0 });
  });
});
