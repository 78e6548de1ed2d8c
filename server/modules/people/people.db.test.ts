import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS_AND_UNKNOWN, ageBandAt, type AgeBand, type AgeBandOrUnknown, type ParticipationRole, type PersonDetail, type PersonSex } from '../../../contracts/people.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg, createPerson, orgInput } from '../../test/factories.js';
import { countUniquePeople, recordParticipations, removeParticipations, type ParticipationInput } from './participation-service.js';
import { currentPersonIds, peopleByIds, recordPerson } from './person-service.js';
import { people as peopleTable } from './tables.js';

const t = useTestApp();

const asStaff = (orgId: string) => <T>(work: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(t.database.db, { orgId, role: 'staff', actor: { userId: null, name: 'Test staff' }, locale: 'en' }, work);

describe('people the programmes reach', () => {
  it('records a person with clear, translated refusals, and finds the same person by phone, e-mail or name in any script', async () => {
    const org = await createOrg(t.app);
    const staff = (await createPerson(t.app, org.orgId, 'staff')).client;
    const firm = await createMemberFirm(org.admin, { legalName: 'Tamale Shea Butter Cooperative' });

    // Every bad field at once, each with its message, in the reader's language.
    const bad = await staff.post('/api/v1/people-reached', { name: ' ', email: 'not-an-address', phone: 'none', birthYear: 1850, ageBand: 'teen' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['ageBand', 'birthYear', 'email', 'name', 'phone']);
    const phone = bad.json().errors.find((e: { path: string }) => e.path === 'phone');
    expect(phone).toMatchObject({ code: 'people.bad_phone', message: 'A phone number needs digits.' });
    const both = await staff.post('/api/v1/people-reached', { name: 'Ama', birthYear: 1990, ageBand: '15_24' }, { 'accept-language': 'fr' });
    expect(both.json().errors).toEqual([expect.objectContaining({ path: 'ageBand', code: 'people.band_with_birth_year', message: expect.stringMatching(/année de naissance/) })]);
    const notOurs = await staff.post('/api/v1/people-reached', { name: 'Ama', memberId: randomUUID(), branchId: randomUUID() });
    expect(notOurs.json().errors.map((e: { code: string }) => e.code).sort()).toEqual(['people.branch_not_ours']);
    const noFirm = await staff.post('/api/v1/people-reached', { name: 'Ama', memberId: randomUUID() });
    expect(noFirm.json().errors).toEqual([expect.objectContaining({ path: 'memberId', code: 'people.firm_not_found' })]);

    const ama: PersonDetail = (await staff.post('/api/v1/people-reached', {
      name: 'Ama Mensah', sex: 'female', birthYear: 2001, phone: '+233 24 412 3456', email: 'Ama.Mensah@Example.com', memberId: firm.id,
    })).json();
    expect(ama).toMatchObject({ name: 'Ama Mensah', sex: 'female', email: 'ama.mensah@example.com', member: { id: firm.id, name: 'Tamale Shea Butter Cooperative' }, participations: 0, participationList: [] });

    // The same phone written otherwise, or the same address: the same person.
    const byPhone = (await staff.get('/api/v1/people-reached/matches?name=A.%20Mensah&phone=0244123456')).json().items;
    expect(byPhone).toEqual([expect.objectContaining({ strength: 'same', reasons: ['phone'], person: expect.objectContaining({ id: ama.id }) })]);
    const byEmail = (await staff.get('/api/v1/people-reached/matches?name=Someone&email=AMA.MENSAH@example.com')).json().items;
    expect(byEmail.map((m: { reasons: string[] }) => m.reasons)).toEqual([['email']]);
    // Name in another order, capitals and accents, same year and firm: probably her.
    const byName = (await staff.get(`/api/v1/people-reached/matches?name=MENSAH,%20%C3%81m%C3%A1&birthYear=2001&memberId=${firm.id}`)).json().items;
    expect(byName).toEqual([expect.objectContaining({ strength: 'probable', reasons: ['name_birth_year_firm'] })]);
    expect((await staff.get(`/api/v1/people-reached/matches?name=Ama%20Mensah&birthYear=2002&memberId=${firm.id}`)).json().items).toEqual([]);
    expect((await staff.get(`/api/v1/people-reached/matches?phone=0244123456&excludeId=${ama.id}`)).json().items).toEqual([]);

    // Saving over a match is refused until whoever records says it is someone else.
    const twin = { name: 'Ama Mensah', sex: 'female', birthYear: 2001, memberId: firm.id };
    const refused = await staff.post('/api/v1/people-reached', twin);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'people.possible_duplicate' });
    expect(refused.json().title).toMatch(/already/);
    const second = await staff.post('/api/v1/people-reached', { ...twin, confirmedNew: true });
    expect(second.statusCode).toBe(201);

    // Other scripts and diacritics: lower case, accents off, word order free.
    const pairs: Array<[string, string]> = [['Ёлка Иванова', 'иванова елка'], ['Nguyễn Thị Ánh', 'anh thi NGUYEN'], ['أحمد علي', 'علي أحمد'], ['Σοφία Παπαδοπούλου', 'ΠΑΠΑΔΟΠΟΥΛΟΥ Σοφια'], ["N'Golo Kanté-Diallo", 'kante diallo n golo']];
    for (const [recorded, typed] of pairs) {
      const created = await staff.post('/api/v1/people-reached', { name: recorded, birthYear: 1980 });
      expect(created.statusCode, recorded).toBe(201);
      const found = (await staff.get(`/api/v1/people-reached/matches?name=${encodeURIComponent(typed)}&birthYear=1980`)).json().items;
      expect(found.map((m: { person: { name: string } }) => m.person.name), typed).toEqual([recorded]);
    }

    // Only staff see people; other organisations do not see them at all.
    const viewer = (await createPerson(t.app, org.orgId, 'viewer')).client;
    expect((await viewer.get('/api/v1/people-reached')).statusCode).toBe(403);
    expect((await viewer.post('/api/v1/people-reached', { name: 'Kofi' })).statusCode).toBe(403);
    const other = await createOrg(t.app);
    expect((await other.admin.get(`/api/v1/people-reached/${ama.id}`)).statusCode).toBe(404);
    expect((await other.admin.get('/api/v1/people-reached/matches?phone=0244123456')).json().items).toEqual([]);
    // Row-level security beneath the service: another organisation's transaction sees and writes none of them.
    expect(await asStaff(other.orgId)(({ tx }) => tx.select().from(peopleTable))).toEqual([]);
    await expect(asStaff(other.orgId)(({ tx }) => tx.insert(peopleTable).values({ orgId: org.orgId, name: 'Planted' }))).rejects.toThrow();
  });

  it('lists people by name a page at a time, searched by name, phone or e-mail, with a branch of the organisation', async () => {
    const org = await createOrg(t.app);
    const branch = (await org.admin.post('/api/v1/org/branches', orgInput({ name: 'Northern Branch' }))).json();
    await org.admin.post('/api/v1/auth/switch-org', { orgId: org.orgId });
    const otherBranch = (await createOrg(t.app)).orgId;
    expect((await org.admin.get('/api/v1/people-reached')).json()).toEqual({ items: [], nextCursor: null, total: 0 });
    const names = ['Kwame Owusu', 'Abena Boateng', 'Yaw Mensah', 'Efua Ansah', 'Kofi Mensah-Bonsu'];
    for (const [i, name] of names.entries()) {
      const res = await org.admin.post('/api/v1/people-reached', { name, phone: `020 555 ${1000 + i}`, email: `p${i}@example.org`, branchId: i % 2 ? branch.id : null });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect((await org.admin.post('/api/v1/people-reached', { name: 'Elsewhere', branchId: otherBranch })).json().errors).toEqual([expect.objectContaining({ path: 'branchId', code: 'people.branch_not_ours' })]);

    const first = (await org.admin.get('/api/v1/people-reached?limit=2')).json();
    expect(first.items.map((p: { name: string }) => p.name)).toEqual(['Abena Boateng', 'Efua Ansah']);
    expect(first.total).toBe(5);
    const second = (await org.admin.get(`/api/v1/people-reached?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((p: { name: string }) => p.name)).toEqual(['Kofi Mensah-Bonsu', 'Kwame Owusu']);
    expect(second.total).toBeNull();
    const third = (await org.admin.get(`/api/v1/people-reached?limit=2&cursor=${second.nextCursor}`)).json();
    expect(third).toMatchObject({ items: [expect.objectContaining({ name: 'Yaw Mensah' })], nextCursor: null });
    expect((await org.admin.get('/api/v1/people-reached?cursor=garbage')).statusCode).toBe(400);

    const search = async (q: string) => (await org.admin.get(`/api/v1/people-reached?q=${encodeURIComponent(q)}`)).json().items.map((p: { name: string }) => p.name);
    expect(await search('mensah')).toEqual(['Kofi Mensah-Bonsu', 'Yaw Mensah']);
    expect(await search('MENS yaw')).toEqual(['Yaw Mensah']);
    expect(await search('5551002')).toEqual(['Yaw Mensah']);
    expect(await search('p3@example')).toEqual(['Efua Ansah']);
    expect(await search('%')).toEqual([]);
    const inBranch = (await org.admin.get(`/api/v1/people-reached?branchId=${branch.id}`)).json().items;
    expect(inBranch.map((p: { name: string; branch: { name: string } }) => [p.name, p.branch.name])).toEqual([['Abena Boateng', 'Northern Branch'], ['Efua Ansah', 'Northern Branch']]);
  });

  it('counts people once across participations, by sex and age band summing to the total, and merges two records keeping every participation', async () => {
    const org = await createOrg(t.app);
    const staffUser = await createPerson(t.app, org.orgId, 'staff');
    const staff = staffUser.client;
    const branch = (await org.admin.post('/api/v1/org/branches', orgInput({ name: 'Ashanti Branch' }))).json();
    await org.admin.post('/api/v1/auth/switch-org', { orgId: org.orgId });
    const run = asStaff(org.orgId);
    const add = async (body: Record<string, unknown>) => (await staff.post('/api/v1/people-reached', { confirmedNew: true, ...body })).json() as PersonDetail;
    const people = {
      adjoa: await add({ name: 'Adjoa Frimpong', sex: 'female', birthYear: 2003, branchId: branch.id }),
      kojo: await add({ name: 'Kojo Antwi', sex: 'male', birthYear: 1985 }),
      esi: await add({ name: 'Esi Takyi', sex: 'female', ageBand: '25_34', branchId: branch.id }),
      sam: await add({ name: 'Sam Quartey', sex: 'not_stated' }),
      // Kojo again, recorded at another course with another phone.
      kojo2: await add({ name: 'Kojo Antwi', sex: 'not_stated', birthYear: 1985, phone: '0277 000 111' }),
    };
    const course = randomUUID();
    const tot = randomUUID();
    const measure = randomUUID();
    const entries: ParticipationInput[] = [
      { personId: people.adjoa.id, kind: 'course', source: 'training', sourceId: course, role: 'participant', on: '2025-03-01' },
      { personId: people.adjoa.id, kind: 'course', source: 'training', sourceId: course, role: 'participant', on: '2025-03-02' },
      { personId: people.kojo.id, kind: 'course', source: 'training', sourceId: course, role: 'trainer', on: '2025-03-01' },
      { personId: people.kojo.id, kind: 'tot', source: 'training', sourceId: tot, role: 'participant', on: '2024-11-20' },
      { personId: people.esi.id, kind: 'measure', source: 'led', sourceId: measure, role: 'new_job', on: '2025-06-30' },
      { personId: people.sam.id, kind: 'course', source: 'training', sourceId: course, role: 'participant', on: '2025-03-01' },
      { personId: people.kojo2.id, kind: 'course', source: 'training', sourceId: course, role: 'trainer', on: '2025-03-01' },
      { personId: people.kojo2.id, kind: 'measure', source: 'led', sourceId: measure, role: 'new_job', on: '2025-07-15' },
    ];
    expect(await run((ctx) => recordParticipations(ctx, entries))).toBe(8);
    // Saved twice, the list adds nothing.
    expect(await run((ctx) => recordParticipations(ctx, entries.slice(0, 3)))).toBe(0);

    // The expected figures, worked out here from the list above, not by the service.
    const persons = new Map(Object.values(people).map((p) => [p.id, p]));
    const expected = (list: ParticipationInput[]) => {
      const first = new Map<string, string>();
      for (const e of list) if (!first.has(e.personId) || e.on < first.get(e.personId)!) first.set(e.personId, e.on);
      const bySex = { female: 0, male: 0, not_stated: 0 } as Record<PersonSex, number>;
      const byAgeBand = Object.fromEntries(AGE_BANDS_AND_UNKNOWN.map((b) => [b, 0])) as Record<AgeBandOrUnknown, number>;
      for (const [id, on] of first) {
        const p = persons.get(id)!;
        bySex[p.sex] += 1;
        byAgeBand[ageBandAt({ birthYear: p.birthYear, ageBand: p.ageBand as AgeBand | null }, on)] += 1;
      }
      return { participations: list.length, people: first.size, bySex, byAgeBand };
    };
    const all = await run((ctx) => countUniquePeople(ctx));
    expect(all).toEqual(expected(entries));
    expect(all).toMatchObject({ participations: 8, people: 5, bySex: { female: 2, male: 1, not_stated: 2 } });
    // Adjoa was 22 in 2025: youth. Esi's recorded band stands; Sam's age is unknown.
    expect(all.byAgeBand).toEqual({ under_15: 0, '15_24': 1, '25_34': 1, '35_plus': 2, unknown: 1 });
    const training = (e: ParticipationInput) => e.source === 'training';
    expect(await run((ctx) => countUniquePeople(ctx, { sources: ['training'] }))).toEqual(expected(entries.filter(training)));
    const trainers: ParticipationRole[] = ['trainer'];
    expect(await run((ctx) => countUniquePeople(ctx, { roles: trainers, from: '2025-01-01', to: '2025-12-31' }))).toEqual(expected(entries.filter((e) => e.role === 'trainer')));
    expect(await run((ctx) => countUniquePeople(ctx, { sourceIds: [measure] }))).toEqual(expected(entries.filter((e) => e.sourceId === measure)));
    const branchIds = new Set([people.adjoa.id, people.esi.id]);
    expect(await run((ctx) => countUniquePeople(ctx, { branchIds: [branch.id] }))).toEqual(expected(entries.filter((e) => branchIds.has(e.personId))));
    expect(await run((ctx) => countUniquePeople(ctx, { branchIds: [branch.id], withoutBranch: true }))).toEqual(expected(entries));
    expect(await run((ctx) => countUniquePeople(ctx, { kinds: ['nothing_like_it'] }))).toEqual(expected([]));
    // The summary route says the same as the service.
    expect((await staff.get('/api/v1/people-reached/summary?source=training')).json()).toEqual(expected(entries.filter(training)));

    // A person's page lists every participation, latest first, with the band of that day.
    const adjoaPage: PersonDetail = (await staff.get(`/api/v1/people-reached/${people.adjoa.id}`)).json();
    expect(adjoaPage.participations).toBe(2);
    expect(adjoaPage.participationList.map((p) => [p.on, p.ageBand])).toEqual([['2025-03-02', '15_24'], ['2025-03-01', '15_24']]);

    // Merge the second Kojo into the first: both trainer rows of one course and day are one participation.
    const merge = await staff.post(`/api/v1/people-reached/${people.kojo.id}/merge`, { otherId: people.kojo2.id });
    expect(merge.statusCode, merge.body).toBe(200);
    const kojo: PersonDetail = merge.json();
    expect(kojo).toMatchObject({ phone: '0277 000 111', sex: 'male', participations: 3, merged: [expect.objectContaining({ id: people.kojo2.id, name: 'Kojo Antwi' })] });
    expect(kojo.participationList.map((p) => `${p.source}:${p.role}:${p.on}`).sort()).toEqual(['led:new_job:2025-07-15', 'training:participant:2024-11-20', 'training:trainer:2025-03-01']);
    const merged = entries.map((e) => (e.personId === people.kojo2.id ? { ...e, personId: people.kojo.id } : e))
      .filter((e, i, list) => list.findIndex((o) => o.personId === e.personId && o.sourceId === e.sourceId && o.role === e.role && o.on === e.on) === i);
    expect(merged).toHaveLength(7);
    expect(await run((ctx) => countUniquePeople(ctx))).toEqual(expected(merged));

    // The merged id still leads to the person; lists, matches and edits skip it.
    expect((await staff.get(`/api/v1/people-reached/${people.kojo2.id}`)).json().id).toBe(people.kojo.id);
    expect(await run((ctx) => currentPersonIds(ctx, [people.kojo2.id, people.sam.id]))).toEqual(new Map([[people.kojo2.id, people.kojo.id], [people.sam.id, people.sam.id]]));
    expect((await run((ctx) => peopleByIds(ctx, [people.kojo2.id]))).get(people.kojo2.id)?.name).toBe('Kojo Antwi');
    expect((await staff.get('/api/v1/people-reached?q=kojo')).json().items).toHaveLength(1);
    expect((await staff.put(`/api/v1/people-reached/${people.kojo2.id}`, { name: 'Kojo' })).json().code).toBe('people.merged');
    expect((await staff.post(`/api/v1/people-reached/${people.kojo.id}/merge`, { otherId: people.kojo2.id })).json().code).toBe('people.merged');
    expect((await staff.post(`/api/v1/people-reached/${people.kojo.id}/merge`, { otherId: people.kojo.id })).json().errors[0].code).toBe('people.merge_self');
    // A participation recorded later under the old id counts for the person.
    expect(await run((ctx) => recordParticipations(ctx, [{ personId: people.kojo2.id, kind: 'event', source: 'network', sourceId: randomUUID(), role: 'participant', on: '2025-09-01' }]))).toBe(1);
    expect((await staff.get(`/api/v1/people-reached/${people.kojo.id}`)).json().participations).toBe(4);

    // Editing is audited field by field; the merge names both records, the absorbed one as it was.
    const edited = await staff.put(`/api/v1/people-reached/${people.sam.id}`, { name: 'Samuel Quartey', sex: 'male', birthYear: 1999 });
    expect(edited.json()).toMatchObject({ name: 'Samuel Quartey', sex: 'male', ageBandNow: expect.any(String) });
    const audit = (await org.admin.get('/api/v1/audit?entityType=person_reached&limit=100')).json().items as Array<{ action: string; entityId: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>;
    expect(audit.find((e) => e.action === 'person_reached.update')).toMatchObject({ entityId: people.sam.id, before: { name: 'Sam Quartey', sex: 'not_stated', birthYear: null }, after: { name: 'Samuel Quartey', sex: 'male', birthYear: 1999 } });
    expect(audit.find((e) => e.action === 'person_reached.merge')).toMatchObject({ entityId: people.kojo.id, before: { merged: expect.objectContaining({ id: people.kojo2.id, phone: '0277 000 111' }) }, after: { participationsMoved: 1, participationsCombined: 1 } });
    expect(audit.find((e) => e.action === 'person_reached.merged_into')).toMatchObject({ entityId: people.kojo2.id, after: { into: people.kojo.id } });
    expect(audit.filter((e) => e.action === 'person_reached.participation_add')).toHaveLength(9);

    // Removing what a module recorded for one activity.
    expect(await run((ctx) => removeParticipations(ctx, { source: 'led', sourceId: measure }))).toBe(2);
    expect(await run((ctx) => countUniquePeople(ctx, { sources: ['led'] }))).toMatchObject({ participations: 0, people: 0 });
  });

  it('gives another module the person already recorded with the same phone, and a new record with the probable ones otherwise', async () => {
    const org = await createOrg(t.app);
    const run = asStaff(org.orgId);
    const first = await run((ctx) => recordPerson(ctx, { name: 'Fatima Alhassan', sex: 'female', birthYear: 1996, ageBand: null, phone: '024 000 1234', email: '', memberId: null, branchId: null, notes: '' }));
    expect(first).toMatchObject({ created: true, probable: [] });
    const again = await run((ctx) => recordPerson(ctx, { name: 'F. Alhassan', sex: 'not_stated', birthYear: null, ageBand: null, phone: '+233 24 000 1234', email: '', memberId: null, branchId: null, notes: '' }));
    expect(again).toEqual({ id: first.id, created: false, probable: [] });
    const namesake = await run((ctx) => recordPerson(ctx, { name: 'ALHASSAN Fatima', sex: 'female', birthYear: 1996, ageBand: null, phone: '', email: '', memberId: null, branchId: null, notes: '' }));
    expect(namesake.created).toBe(true);
    expect(namesake.probable.map((m) => [m.person.id, m.strength])).toEqual([[first.id, 'probable']]);
    expect((await org.admin.get('/api/v1/people-reached')).json().total).toBe(2);
  });
});
