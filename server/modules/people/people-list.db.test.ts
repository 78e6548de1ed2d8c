import { describe, expect, it } from 'vitest';
import type { Person } from '../../../contracts/people.js';
import { useTestApp } from '../../test/app.js';
import { createOrg, createPerson } from '../../test/factories.js';
import { exportedTable, walkList } from '../../test/lists.js';

const t = useTestApp();

const PEOPLE = [
  { name: 'Zainab Bello', sex: 'female', birthYear: 1990 },
  { name: 'Ama Mensah', sex: 'female', birthYear: 2001 },
  { name: 'Kofi Asante', sex: 'male', birthYear: 1990 },
  { name: 'Esi Owusu', sex: 'female', ageBand: '25_34' },
  { name: 'Yaw Boateng', sex: 'male', birthYear: 1975 },
  { name: 'Abena Ofori', sex: 'female' },
  { name: 'Akosua Darko', sex: 'female', birthYear: 1990 },
];

describe('the list of people reached: sorted, paged and downloaded as filtered', () => {
  it('pages each order to the end without a gap or a repeat, ties by id, empty ages last', async () => {
    const org = await createOrg(t.app);
    const staff = (await createPerson(t.app, org.orgId, 'staff')).client;
    for (const p of PEOPLE) expect((await staff.post('/api/v1/people-reached', { ...p, confirmedNew: true })).statusCode).toBe(201);

    const byName = await walkList<Person>(staff, '/api/v1/people-reached', { sort: 'name' });
    expect(byName.map((p) => p.name)).toEqual([...PEOPLE.map((p) => p.name)].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    const byNameDown = await walkList<Person>(staff, '/api/v1/people-reached', { sort: '-name' });
    expect(byNameDown.map((p) => p.id)).toEqual(byName.map((p) => p.id).reverse());

    // Youngest first; the three born in 1990 in one order by id; those known by band alone last, both ways.
    const byAge = await walkList<Person>(staff, '/api/v1/people-reached', { sort: 'age' });
    expect(byAge.map((p) => p.birthYear)).toEqual([2001, 1990, 1990, 1990, 1975, null, null]);
    const tied = byAge.slice(1, 4).map((p) => p.id);
    expect(tied).toEqual([...tied].sort());
    const byAgeDown = await walkList<Person>(staff, '/api/v1/people-reached', { sort: '-age' }, 1);
    expect(byAgeDown.map((p) => p.birthYear)).toEqual([1975, 1990, 1990, 1990, 2001, null, null]);

    // Filters and order together, over pages of one.
    const women = await walkList<Person>(staff, '/api/v1/people-reached', { sex: 'female', sort: '-created' }, 1);
    expect(women.map((p) => p.name)).toEqual(PEOPLE.filter((p) => p.sex === 'female').map((p) => p.name).reverse());
  });

  it('refuses a cursor of another order, a column not declared, and a forged key', async () => {
    const org = await createOrg(t.app);
    const staff = (await createPerson(t.app, org.orgId, 'staff')).client;
    for (const p of PEOPLE.slice(0, 3)) await staff.post('/api/v1/people-reached', { ...p, confirmedNew: true });
    const first = (await staff.get('/api/v1/people-reached?sort=name&limit=1')).json<{ nextCursor: string }>();
    const other = await staff.get(`/api/v1/people-reached?sort=-name&limit=1&cursor=${first.nextCursor}`);
    expect(other.statusCode).toBe(400);
    expect(other.json().errors).toEqual([expect.objectContaining({ path: 'cursor', code: 'invalid_cursor' })]);
    expect((await staff.get('/api/v1/people-reached?sort=phone')).statusCode).toBe(400);
    const forged = Buffer.from(JSON.stringify(['age', 'x', '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    expect((await staff.get(`/api/v1/people-reached?sort=age&cursor=${forged}`)).statusCode).toBe(400);
  });

  it('downloads what is filtered, in the list\'s order, headers in the reader\'s language, formulas as text', async () => {
    const org = await createOrg(t.app);
    const staff = (await createPerson(t.app, org.orgId, 'staff')).client;
    for (const p of PEOPLE) await staff.post('/api/v1/people-reached', { ...p, confirmedNew: true });
    await staff.post('/api/v1/people-reached', { name: '=HYPERLINK("http://x")', sex: 'male', confirmedNew: true });

    const listed = await walkList<Person>(staff, '/api/v1/people-reached', { sex: 'female', sort: '-name' }, 200);
    for (const format of ['csv', 'xlsx'] as const) {
      const [header, ...rows] = await exportedTable(staff, '/api/v1/people-reached', format, { sex: 'female', sort: '-name' });
      expect(header!.slice(0, 2)).toEqual(['Name', 'Sex']);
      // As many rows as the list counts, the same people in the same order.
      expect(rows.length).toBe(PEOPLE.filter((p) => p.sex === 'female').length);
      expect(rows.map((r) => r[0])).toEqual(listed.map((p) => p.name));
      expect(rows.every((r) => r[1] === 'Female')).toBe(true);
    }
    const [, ...all] = await exportedTable(staff, '/api/v1/people-reached', 'csv', {});
    expect(all.length).toBe(PEOPLE.length + 1);
    expect(all.map((r) => r[0])).toContain('\'=HYPERLINK("http://x")');
    // The person's chosen language, whatever the link's Accept-Language.
    expect((await staff.put('/api/v1/auth/profile', { name: 'Staff', locale: 'fr' })).statusCode).toBe(200);
    const [french] = await exportedTable(staff, '/api/v1/people-reached', 'xlsx', {}, { 'accept-language': 'en' });
    expect(french![0]).toBe('Nom');
    // Another organisation's download holds none of these.
    const other = await createOrg(t.app);
    expect(await exportedTable(other.admin, '/api/v1/people-reached', 'csv')).toHaveLength(1);
  });
});
