import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { createMemberFirm, createOrg } from '../../test/factories.js';
import { recordParticipations } from '../people/participation-service.js';
import { LIBRARY } from './library.js';

const t = useTestApp();

type Result = { name: string; total: unknown; breakdowns: Record<string, { categories: Array<{ category: string; figure: { n: number } }>; overlap: number }>; records: number };

/**
 * A report not yet approved is counted where the records are kept (the figures
 * services group by cell); approving it reads every record one by one and
 * freezes the figures of those. Both must give the same figures.
 */
describe('figures counted in the database', () => {
  it('equal those of the records one by one, for every library indicator and breakdown', async () => {
    const { orgId, admin, adminId } = await createOrg(t.app, { regions: ['GH-AA', 'GH-AH'] });
    for (const f of [{ region: 'GH-AA', womenLed: true }, { region: 'GH-AA', womenLed: false }, { region: 'GH-AH', womenLed: true }]) {
      const firm = await createMemberFirm(admin, f);
      expect((await admin.post(`/api/v1/members/${firm.id}/status`, { status: 'active' })).statusCode).toBe(200);
    }
    await createMemberFirm(admin, { region: 'GH-AH' });
    const add = async (body: object) => (await admin.post('/api/v1/people-reached', { confirmedNew: true, ...body })).json() as { id: string };
    const ama = await add({ name: 'Ama Boateng', sex: 'female', birthYear: 2001 });
    const kofi = await add({ name: 'Kofi Mensah', sex: 'male', ageBand: '35_plus' });
    const esi = await add({ name: 'Esi Quaye', birthYear: 2010 });
    const yaw = await add({ name: 'Yaw Darko', sex: 'male', birthYear: 1999 });
    const scope = { orgId, role: 'staff' as const, actor: { userId: adminId, name: 'Test Admin' }, locale: 'en' };
    const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    const course = { kind: 'course', source: 'training' };
    const measure = { kind: 'measure', source: 'led' };
    await withTenant(t.app.database.db, scope, (ctx) =>
      recordParticipations(ctx, [
        { personId: ama.id, ...course, sourceId: id(1), role: 'participant', on: '2025-11-03' },
        { personId: ama.id, ...measure, sourceId: id(2), role: 'participant', on: '2026-02-01' },
        { personId: ama.id, ...measure, sourceId: id(2), role: 'new_job', on: '2026-03-01' },
        { personId: kofi.id, kind: 'event', source: 'events', sourceId: id(3), role: 'participant', on: '2026-01-05' },
        { personId: kofi.id, ...course, sourceId: id(1), role: 'trainer', on: '2026-01-06' },
        { personId: kofi.id, ...measure, sourceId: id(2), role: 'higher_income', on: '2026-04-01' },
        { personId: kofi.id, ...course, sourceId: id(4), role: 'participant', on: '2025-06-30' },
        { personId: esi.id, ...course, sourceId: id(1), role: 'participant', on: '2026-05-05' },
        { personId: esi.id, ...course, sourceId: id(4), role: 'participant', on: '2026-05-06' },
        { personId: esi.id, kind: 'event', source: 'events', sourceId: id(3), role: 'new_job', on: '2026-06-01' },
        { personId: yaw.id, ...measure, sourceId: id(2), role: 'participant', on: '2025-08-01' },
        { personId: yaw.id, ...measure, sourceId: id(5), role: 'participant', on: '2026-01-01' },
      ]),
    );
    const framework = (await admin.post('/api/v1/results/frameworks', { name: 'Programme' })).json() as { id: string };
    for (const i of LIBRARY) {
      const res = await admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, { library: i.code, name: i.code, level: i.level, kind: i.kind, dimensions: i.dimensions });
      expect(res.statusCode, res.body).toBe(201);
    }
    const period = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: 'Long', startsOn: '2025-07-01', endsOn: `${new Date().getUTCFullYear() + 1}-12-31` })).json();
    const draft = period.results as Result[];
    const byName = (rs: Result[], name: string) => rs.find((r) => r.name === name)!;

    // Independent sums, from the participations above. Participants: Ama (first on 2025-11-03, aged 24), Kofi (stated 35+;
    // his 2025-06-30 course is before the period), Esi (16 in 2026, sex not stated), Yaw (26 in 2025) — 7 participations.
    const reached = byName(draft, 'people.reached');
    expect([reached.total, reached.records]).toEqual([{ n: 4 }, 7]);
    expect(reached.breakdowns.age_band).toEqual({ categories: [{ category: '15_24', figure: { n: 2 } }, { category: '25_34', figure: { n: 1 } }, { category: '35_plus', figure: { n: 1 } }], overlap: 0 });
    expect(reached.breakdowns.sex).toEqual({ categories: [{ category: 'female', figure: { n: 1 } }, { category: 'male', figure: { n: 2 } }, { category: 'not_stated', figure: { n: 1 } }], overlap: 0 });
    // LED participants: Ama at 25 on her measure (not 24, her age on her course), Yaw twice.
    const led = byName(draft, 'led.people_trained');
    expect([led.total, led.records, led.breakdowns.age_band!.categories]).toEqual([{ n: 2 }, 3, [{ category: '25_34', figure: { n: 2 } }]]);
    // Training's own: Ama's and Esi's two courses.
    expect([byName(draft, 'training.people_trained').total, byName(draft, 'training.people_trained').records]).toEqual([{ n: 2 }, 3]);
    expect(byName(draft, 'people.new_jobs').total).toEqual({ n: 2 });
    expect(byName(draft, 'led.new_jobs').total).toEqual({ n: 1 });
    expect(byName(draft, 'led.higher_income').total).toEqual({ n: 1 });
    const active = byName(draft, 'members.active');
    expect([active.total, active.breakdowns.region!.categories]).toEqual([{ n: 3 }, [{ category: 'GH-AA', figure: { n: 2 } }, { category: 'GH-AH', figure: { n: 1 } }]]);
    expect(byName(draft, 'members.women_led_share').total).toEqual({ num: 2, den: 3, pct: (2 / 3) * 100 });

    // Approved, the report is counted again from every record and frozen: the same figures, line for line.
    expect((await admin.post(`/api/v1/results/periods/${period.id}/submit`)).statusCode).toBe(200);
    const approved = (await admin.post(`/api/v1/results/periods/${period.id}/approve`)).json();
    expect(approved.state).toBe('approved');
    const figures = (rs: Result[]) => rs.map((r) => ({ name: r.name, total: r.total, breakdowns: r.breakdowns, records: r.records }));
    expect(figures(draft)).toEqual(figures(approved.results));
    expect(approved.corrections).toEqual([]);
  });
});
