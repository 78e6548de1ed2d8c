import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Registration } from '../../../contracts/events.js';
import type { CourseDetail, CourseEvaluation, CourseParticipant, Lineage } from '../../../contracts/training.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { useTestApp, type Client } from '../../test/app.js';
import { createMemberFirm, createOrg, createPerson } from '../../test/factories.js';
import { walkList } from '../../test/lists.js';
import { countUniquePeople } from '../people/participation-service.js';

const t = useTestApp();

type Admin = Client;
const YEAR = { label: '2027', startsOn: '2027-01-01', endsOn: '2027-12-31' };

async function course(admin: Admin, body: object): Promise<CourseDetail> {
  const res = await admin.post('/api/v1/training/courses', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A published session of the course on a day of March 2027. */
async function session(admin: Admin, courseId: string, day: number, title = `Session ${day}`) {
  const res = await admin.post(`/api/v1/training/courses/${courseId}/sessions`, {
    title, startsAt: `2027-03-${String(day).padStart(2, '0')}T09:00:00Z`, endsAt: `2027-03-${String(day).padStart(2, '0')}T13:00:00Z`, capacity: 30, audience: 'public',
  });
  expect(res.statusCode, res.body).toBe(200);
  const created = (res.json() as CourseDetail).sessionList.find((s) => s.title === title)!;
  expect((await admin.post(`/api/v1/events/${created.id}/state`, { state: 'published' })).statusCode).toBe(200);
  return created.id;
}

/** Registers the public by name and address (the same address is the same person) and ticks them present. */
async function attend(admin: Admin, eventId: string, people: Array<{ name: string; email: string; sex?: string; ageBand?: string }>) {
  const ids: string[] = [];
  for (const p of people) {
    const res = await admin.post(`/api/v1/events/${eventId}/registrations`, { kind: 'public', sex: 'not_stated', ...p });
    expect(res.statusCode, res.body).toBe(201);
    ids.push((res.json() as Registration).id);
  }
  const ticked = await admin.post(`/api/v1/events/${eventId}/check-in`, { items: ids.map((registrationId) => ({ registrationId })) });
  expect(ticked.statusCode, ticked.body).toBe(200);
  return ids;
}

const person = async (admin: Admin, name: string, extra: object = {}) => {
  const res = await admin.post('/api/v1/people-reached', { name, confirmedNew: true, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
};

const ama = { name: 'Ama Boateng', email: 'ama@example.test', sex: 'female', ageBand: '15_24' };
const kofi = { name: 'Kofi Mensah', email: 'kofi@example.test', sex: 'male', ageBand: '35_plus' };
const efua = { name: 'Efua Owusu', email: 'efua@example.test', sex: 'female' };

describe('training courses', () => {
  it('keeps a curriculum, makes its sessions events of the events module, and is for staff only', async () => {
    const org = await createOrg(t.app);
    const viewer = (await createPerson(t.app, org.orgId, 'viewer')).client;
    const bad = await org.admin.post('/api/v1/training/courses', { title: ' ', kind: 'lecture', hours: -1, completionShare: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['completionShare', 'hours', 'kind', 'title']);

    const c = await course(org.admin, { title: 'Export readiness', kind: 'course', audience: 'Owners of small exporters', hours: 12.5 });
    expect(c).toMatchObject({ kind: 'course', hours: 12.5, completionShare: 80, sessions: 0, modules: [], participants: [] });
    const withModule = (await org.admin.post(`/api/v1/training/courses/${c.id}/modules`, {
      title: 'Incoterms', objectives: 'Choose an Incoterm\nPrice a shipment', materials: [{ title: 'ICC summary', url: 'https://iccwbo.org/incoterms' }], hours: 3,
    })).json() as CourseDetail;
    expect(withModule.modules).toEqual([expect.objectContaining({ position: 1, title: 'Incoterms', materials: [{ title: 'ICC summary', url: 'https://iccwbo.org/incoterms' }] })]);
    expect((await org.admin.post(`/api/v1/training/courses/${c.id}/modules`, { title: 'x', materials: [{ title: 'bad', url: 'javascript:alert(1)' }] })).statusCode).toBe(400);
    const moduleId = withModule.modules[0]!.id;
    expect((await org.admin.put(`/api/v1/training/courses/${c.id}/modules/${moduleId}`, { title: 'Incoterms 2020', hours: 3 })).json().modules[0].title).toBe('Incoterms 2020');
    await org.admin.post(`/api/v1/training/courses/${c.id}/modules`, { title: 'Customs' });
    expect((await org.admin.delete(`/api/v1/training/courses/${c.id}/modules/${moduleId}`)).json().modules.map((m: { title: string }) => m.title)).toEqual(['Customs']);

    const sessionId = await session(org.admin, c.id, 10);
    const event = (await org.admin.get(`/api/v1/events/${sessionId}`)).json();
    expect(event).toMatchObject({ kind: 'training_session', state: 'published', capacity: 30 });
    const list = (await org.admin.get('/api/v1/training/courses')).json().items;
    expect(list).toEqual([expect.objectContaining({ id: c.id, sessions: 1 })]);

    expect((await viewer.get('/api/v1/training/courses')).statusCode).toBe(403);
    expect((await viewer.post('/api/v1/training/courses', { title: 'x', kind: 'course' })).statusCode).toBe(403);
    const other = await createOrg(t.app);
    expect((await other.admin.get(`/api/v1/training/courses/${c.id}`)).statusCode).toBe(404);
  });

  it('makes attendees people trained, each once across courses, and shows each one’s completion', async () => {
    const org = await createOrg(t.app);
    const export_ = await course(org.admin, { title: 'Export readiness', kind: 'course', completionShare: 80 });
    const books = await course(org.admin, { title: 'Bookkeeping', kind: 'workshop', completionShare: 50 });
    const [e1, e2] = [await session(org.admin, export_.id, 10), await session(org.admin, export_.id, 17)];
    const b1 = await session(org.admin, books.id, 12);
    await attend(org.admin, e1, [ama, kofi]);
    await attend(org.admin, e2, [ama]);
    await attend(org.admin, b1, [ama, efua]);
    // Sending the same ticks again adds nothing.
    const regs = (await org.admin.get(`/api/v1/events/${e2}/registrations`)).json().items as Registration[];
    expect((await org.admin.post(`/api/v1/events/${e2}/check-in`, { items: [{ registrationId: regs[0]!.id }] })).json()).toMatchObject({ checkedIn: [], already: [regs[0]!.id] });

    const detail = (await org.admin.get(`/api/v1/training/courses/${export_.id}`)).json() as CourseDetail;
    expect(detail.sessionList.map((s) => [s.id, s.attended])).toEqual([[e1, 2], [e2, 1]]);
    expect(detail.participants.map((p) => [p.name, p.attended, p.sessions, p.share, p.completed])).toEqual([
      ['Ama Boateng', 2, 2, 100, true],
      ['Kofi Mensah', 1, 2, 50, false],
    ]);
    // The bookkeeping workshop asks for half: Efua's one session of one completes it.
    expect(((await org.admin.get(`/api/v1/training/courses/${books.id}`)).json() as CourseDetail).participants.map((p) => [p.name, p.completed])).toEqual([['Ama Boateng', true], ['Efua Owusu', true]]);

    // Ama took part in two courses (three sessions): one person. Independently: Ama, Kofi, Efua.
    const scope = { orgId: org.orgId, role: 'staff' as const, actor: { userId: org.adminId, name: 'Test' }, locale: 'en' };
    const counted = await withTenant(t.app.database.db, scope, (ctx) => countUniquePeople(ctx, { sources: ['training'], roles: ['participant'] }));
    expect(counted.participations).toBe(2 + 1 + 2);
    expect(counted.people).toBe(3);
    expect(counted.bySex).toEqual({ female: 2, male: 1, not_stated: 0 });
    const byCourse = await withTenant(t.app.database.db, scope, (ctx) => countUniquePeople(ctx, { sources: ['training'], sourceIds: [export_.id], kinds: ['course'] }));
    expect(byCourse.people).toBe(2);
    // A course that turns out to be a training of trainers: its participations are recorded again as `tot`, nobody twice.
    expect((await org.admin.put(`/api/v1/training/courses/${export_.id}`, { title: 'Export readiness', kind: 'tot', completionShare: 80 })).statusCode).toBe(200);
    const asTot = await withTenant(t.app.database.db, scope, (ctx) => countUniquePeople(ctx, { sources: ['training'], sourceIds: [export_.id] }));
    expect(asTot).toMatchObject({ people: 2, participations: 3 });
    expect((await withTenant(t.app.database.db, scope, (ctx) => countUniquePeople(ctx, { sources: ['training'], sourceIds: [export_.id], kinds: ['tot'] }))).participations).toBe(3);

    // The results library counts the same people: each once, by sex and by age band.
    const framework = (await org.admin.post('/api/v1/results/frameworks', { name: 'Skills programme', donor: 'Donor X' })).json();
    for (const indicator of [
      { library: 'training.people_trained', name: 'People trained', level: 'output', kind: 'unique_people', dimensions: ['sex', 'age_band'] },
      { library: 'training.certified_trainers', name: 'Certified trainers', level: 'output', kind: 'unique_people', dimensions: ['sex'] },
    ]) expect((await org.admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, indicator)).statusCode).toBe(201);
    const [trained, certified] = (await org.admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, YEAR)).json().results;
    const attendees = [ama, kofi, efua];
    expect(trained.total).toEqual({ n: attendees.length });
    expect(trained.records).toBe(counted.participations);
    const sexes = (s: string) => attendees.filter((a) => (a.sex ?? 'not_stated') === s).length;
    expect(trained.breakdowns.sex).toEqual({ categories: [{ category: 'female', figure: { n: sexes('female') } }, { category: 'male', figure: { n: sexes('male') } }], overlap: 0 });
    expect(trained.breakdowns.age_band.categories).toEqual([
      { category: '15_24', figure: { n: 1 } }, { category: '35_plus', figure: { n: 1 } }, { category: 'not_stated', figure: { n: 1 } },
    ]);
    expect(certified.total).toEqual({ n: 0 });
  });

  it('certifies a ToT’s completers after a teach-back and draws the lineage with each generation’s reach', async () => {
    const org = await createOrg(t.app);
    const master = await person(org.admin, 'Master Trainer Abena', { sex: 'female' });
    const tot = await course(org.admin, { title: 'Training of trainers: export', kind: 'tot', completionShare: 100 });
    const plain = await course(org.admin, { title: 'Export basics', kind: 'course' });
    const added = (await org.admin.post(`/api/v1/training/courses/${tot.id}/trainers`, { personId: master })).json() as CourseDetail;
    expect(added.trainers).toEqual([{ personId: master, name: 'Master Trainer Abena', certified: false }]);
    expect((await org.admin.post(`/api/v1/training/courses/${tot.id}/trainers`, { personId: master })).json().code).toBe('training.already_trainer');
    expect((await org.admin.post(`/api/v1/training/courses/${tot.id}/trainers`, { personId: '00000000-0000-4000-8000-000000000009' })).json().code).toBe('training.person_not_found');

    const [s1, s2] = [await session(org.admin, tot.id, 3), await session(org.admin, tot.id, 4)];
    await attend(org.admin, s1, [kofi, efua]);
    await attend(org.admin, s2, [kofi]);
    const totDetail = (await org.admin.get(`/api/v1/training/courses/${tot.id}`)).json() as CourseDetail;
    const kofiId = totDetail.participants.find((p) => p.name === 'Kofi Mensah')!.personId;
    const efuaId = totDetail.participants.find((p) => p.name === 'Efua Owusu')!.personId;

    const teachBack = { certifiedOn: '2027-03-20', teachBack: 'Taught a 30-minute module on Incoterms to peers; observed by the master trainer.' };
    expect((await org.admin.post(`/api/v1/training/courses/${tot.id}/certifications`, { personId: efuaId, ...teachBack })).json().code).toBe('training.not_completed');
    expect((await org.admin.post(`/api/v1/training/courses/${plain.id}/certifications`, { personId: kofiId, ...teachBack })).json().code).toBe('training.not_tot');
    expect((await org.admin.post(`/api/v1/training/courses/${tot.id}/certifications`, { personId: kofiId, certifiedOn: '2027-03-20', teachBack: ' ' })).statusCode).toBe(400);
    const certified = (await org.admin.post(`/api/v1/training/courses/${tot.id}/certifications`, { personId: kofiId, ...teachBack })).json() as CourseDetail;
    expect(certified.participants.find((p) => p.personId === kofiId)!.certification).toMatchObject({ certifiedOn: '2027-03-20', certifiedBy: expect.any(String) });
    expect((await org.admin.post(`/api/v1/training/courses/${tot.id}/certifications`, { personId: kofiId, ...teachBack })).json().code).toBe('training.already_certified');
    const audit = (await org.admin.get('/api/v1/audit?limit=100')).json().items as Array<{ action: string; entityId: string }>;
    expect(audit.filter((a) => a.action === 'training_course.certify').map((a) => a.entityId)).toEqual([tot.id]);

    // Kofi, now a trainer, runs the plain course for Ama and Efua (Efua was in the ToT too).
    await org.admin.post(`/api/v1/training/courses/${plain.id}/trainers`, { personId: kofiId });
    const p1 = await session(org.admin, plain.id, 25);
    await attend(org.admin, p1, [ama, efua]);
    expect(((await org.admin.get(`/api/v1/training/courses/${plain.id}`)).json() as CourseDetail).trainers).toEqual([{ personId: kofiId, name: 'Kofi Mensah', certified: true }]);

    const lineage = (await org.admin.get('/api/v1/training/lineage')).json() as Lineage;
    expect(lineage.trainers.map((n) => [n.name, n.generation, n.trainedBy, n.reach])).toEqual([
      ['Master Trainer Abena', 0, [], 2],
      ['Kofi Mensah', 1, [master], 2],
    ]);
    expect(lineage.trainers[1]!.certifiedThrough).toEqual([{ courseId: tot.id, title: 'Training of trainers: export', certifiedOn: '2027-03-20' }]);
    // Generation 0 reached Kofi and Efua; generation 1 Ama and Efua; together three people, Efua once.
    expect(lineage.generations).toEqual([{ generation: 0, trainers: 1, reach: 2 }, { generation: 1, trainers: 1, reach: 2 }]);
    expect(lineage.reach).toBe(3);

    // Trainers count as trainers in people's records, on the days of their sessions.
    const scope = { orgId: org.orgId, role: 'staff' as const, actor: { userId: org.adminId, name: 'Test' }, locale: 'en' };
    const trainers = await withTenant(t.app.database.db, scope, (ctx) => countUniquePeople(ctx, { sources: ['training'], roles: ['trainer'] }));
    expect(trainers).toMatchObject({ people: 2, participations: 3 });
    const tots = await withTenant(t.app.database.db, scope, (ctx) => countUniquePeople(ctx, { sources: ['training'], kinds: ['tot'], roles: ['participant'] }));
    expect(tots.people).toBe(2);

    // The certified trainers indicator: Kofi, once.
    const framework = (await org.admin.post('/api/v1/results/frameworks', { name: 'ToT programme', donor: 'Donor X' })).json();
    await org.admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, { library: 'training.certified_trainers', name: 'Certified trainers', level: 'output', kind: 'unique_people', dimensions: ['sex'] });
    const [certifiedTrainers] = (await org.admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, YEAR)).json().results;
    expect(certifiedTrainers.total).toEqual({ n: 1 });
    expect(certifiedTrainers.breakdowns.sex.categories).toEqual([{ category: 'male', figure: { n: 1 } }]);

    // Taking a trainer off a course takes back their trainer days.
    await org.admin.delete(`/api/v1/training/courses/${plain.id}/trainers/${kofiId}`);
    const after = await withTenant(t.app.database.db, scope, (ctx) => countUniquePeople(ctx, { sources: ['training'], roles: ['trainer'] }));
    expect(after).toMatchObject({ people: 1, participations: 2 });
  });
});

describe('course evaluations', () => {
  const choice = (value: string) => ({ value, label: { en: value.toUpperCase() } });
  /** A two-question knowledge test scored by its calculated field `score` (50 points a right answer). */
  const test = (title: string, withScore = true) => ({
    title: { en: title }, languages: ['en'],
    questions: [
      { name: 'q1', type: 'select_one', label: { en: 'What is FOB?' }, required: true, choices: [choice('a'), choice('b')] },
      { name: 'q2', type: 'select_one', label: { en: 'Who pays freight under CIF?' }, required: true, choices: [choice('a'), choice('b')] },
      ...(withScore ? [{ name: 'score', type: 'calculate', label: { en: 'Score' }, calculation: "if(${q1} = 'b', 50, 0) + if(${q2} = 'a', 50, 0)" }] : []),
    ],
  });
  const satisfactionForm = {
    title: { en: 'How was it?' }, languages: ['en'],
    questions: [
      { name: 'useful', type: 'scale', label: { en: 'Useful' }, scale: { min: 1, max: 5 }, required: true },
      { name: 'trainer', type: 'scale', label: { en: 'The trainer' }, scale: { min: 1, max: 5 } },
      { name: 'comment', type: 'text', label: { en: 'Comment' } },
    ],
  };
  async function publishedForm(admin: Admin, definition: object, publish = true) {
    const res = await admin.post('/api/v1/forms', { definition, purpose: 'evaluation' });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;
    if (publish) expect((await admin.post(`/api/v1/forms/${id}/publish`)).statusCode).toBe(200);
    return id;
  }
  const answer = (admin: Admin, courseId: string, kind: string, personId: string, answers: object, submissionKey: string | null = null) =>
    admin.put(`/api/v1/training/courses/${courseId}/evaluation/${kind}/people/${personId}`, { answers, submissionKey });

  it('scores pre- and post-tests by the form engine, gives knowledge gain per course and trainer, and completes on attendance and score', async () => {
    const org = await createOrg(t.app);
    const c = await course(org.admin, { title: 'Export pricing', kind: 'course', completionShare: 50 });
    const day1 = await session(org.admin, c.id, 10);
    const day2 = await session(org.admin, c.id, 11);
    await attend(org.admin, day1, [ama, kofi, efua]);
    await attend(org.admin, day2, [ama, kofi]);
    const ids = Object.fromEntries(((await org.admin.get(`/api/v1/training/courses/${c.id}`)).json() as CourseDetail).participants.map((p) => [p.name, p.personId]));
    const trainer = await person(org.admin, 'Trainer Yaa Asantewaa');
    expect((await org.admin.post(`/api/v1/training/courses/${c.id}/trainers`, { personId: trainer })).statusCode).toBe(200);

    const pre = await publishedForm(org.admin, test('Pre-test'));
    const post = await publishedForm(org.admin, test('Post-test'));
    const unscored = await publishedForm(org.admin, test('Quiz without a score', false));
    const draft = await publishedForm(org.admin, test('Draft test'), false);
    const satisfaction = await publishedForm(org.admin, satisfactionForm);

    // A test must be published and scored by a calculated field `score`.
    const refused = await org.admin.put(`/api/v1/training/courses/${c.id}/evaluation`, { preFormId: draft, postFormId: pre });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: 'preFormId', code: 'training.form_not_published' })]);
    const noScore = await org.admin.put(`/api/v1/training/courses/${c.id}/evaluation`, { postFormId: unscored });
    expect(noScore.json().errors).toEqual([expect.objectContaining({ path: 'postFormId', code: 'training.form_without_score' })]);
    // …a satisfaction form needs no score.
    const set = await org.admin.put(`/api/v1/training/courses/${c.id}/evaluation`, { preFormId: pre, postFormId: post, satisfactionFormId: satisfaction, minPostScore: 60 });
    expect(set.statusCode, set.body).toBe(200);
    expect((set.json() as CourseEvaluation).forms).toEqual({
      pre: { formId: pre, title: 'Pre-test', version: 1 }, post: { formId: post, title: 'Post-test', version: 1 }, satisfaction: { formId: satisfaction, title: 'How was it?', version: 1 },
    });
    expect((await org.admin.get(`/api/v1/training/courses/${c.id}/evaluation/post/people/${ids['Kofi Mensah']}`)).json()).toMatchObject({ firmName: 'Kofi Mensah', status: 'new', form: { title: { en: 'Post-test' } } });

    // Answers as a respondent would give them; the score is the form's calculation, never sent.
    const given = { Ama: { pre: ['a', 'a'], post: ['b', 'a'] }, Kofi: { pre: ['b', 'b'], post: ['b', 'b'] }, Efua: { pre: ['a', 'b'] } } as Record<string, Record<string, [string, string]>>;
    const names: Record<string, string> = { Ama: 'Ama Boateng', Kofi: 'Kofi Mensah', Efua: 'Efua Owusu' };
    for (const [who, tests] of Object.entries(given)) {
      for (const [kind, [q1, q2]] of Object.entries(tests)) {
        const res = await answer(org.admin, c.id, kind, ids[names[who]!]!, { q1, q2 }, `key-${who}-${kind}-0123456789`);
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    // The form engine's checks apply; an answer is given once, and the same submission sent again adds nothing.
    const invalid = await answer(org.admin, c.id, 'post', ids['Efua Owusu']!, { q1: 'z' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['q1', 'q2']);
    expect((await answer(org.admin, c.id, 'pre', ids['Ama Boateng']!, { q1: 'b', q2: 'a' })).json().code).toBe('training.already_answered');
    expect((await answer(org.admin, c.id, 'pre', ids['Ama Boateng']!, { q1: 'a', q2: 'a' }, 'key-Ama-pre-0123456789')).statusCode).toBe(200);
    expect((await org.admin.get(`/api/v1/training/courses/${c.id}/evaluation/pre/people/${ids['Ama Boateng']}`)).json()).toMatchObject({ status: 'submitted', answers: { q1: 'a', q2: 'a', score: 50 } });
    await answer(org.admin, c.id, 'satisfaction', ids['Ama Boateng']!, { useful: 5, trainer: 4, comment: 'Clear' });
    await answer(org.admin, c.id, 'satisfaction', ids['Kofi Mensah']!, { useful: 3 });

    // The same scores computed here: 50 points a right answer (q1 'b', q2 'a').
    const scoreOf = ([q1, q2]: [string, string]) => (q1 === 'b' ? 50 : 0) + (q2 === 'a' ? 50 : 0);
    const pairs = Object.values(given).filter((g) => g.pre && g.post).map((g) => scoreOf(g.post!) - scoreOf(g.pre!));
    const expectedGain = pairs.reduce((a, b) => a + b, 0) / pairs.length;
    expect(expectedGain).toBe(25);

    const evaluation = (await org.admin.get(`/api/v1/training/courses/${c.id}/evaluation`)).json() as CourseEvaluation;
    expect(evaluation.gain).toEqual({ withBoth: 2, meanPre: 50, meanPost: 75, meanGain: expectedGain });
    expect(evaluation.minPostScore).toBe(60);
    expect(evaluation.people.map((p) => [p.name, p.pre, p.post, p.gain, p.satisfaction, p.completed])).toEqual([
      ['Ama Boateng', 50, 100, 50, true, true],
      ['Efua Owusu', 0, null, null, false, false],
      ['Kofi Mensah', 50, 50, 0, true, false],
    ]);
    expect(evaluation.people.map((p) => [p.name, p.preAnswered, p.postAnswered])).toEqual([['Ama Boateng', true, true], ['Efua Owusu', true, false], ['Kofi Mensah', true, true]]);
    expect(evaluation.satisfaction).toEqual({
      responses: 2, mean: 4,
      questions: [{ name: 'useful', label: 'Useful', min: 1, max: 5, answered: 2, mean: 4 }, { name: 'trainer', label: 'The trainer', min: 1, max: 5, answered: 1, mean: 4 }],
    });

    // Completion: attendance (Efua's 1 of 2 meets 50 %) and a post-test score of at least 60 — only Ama.
    const detail = (await org.admin.get(`/api/v1/training/courses/${c.id}`)).json() as CourseDetail;
    expect(detail.participants.map((p) => [p.name, p.share, p.postScore, p.completed])).toEqual([
      ['Ama Boateng', 100, 100, true], ['Efua Owusu', 50, null, false], ['Kofi Mensah', 100, 50, false],
    ]);
    expect((await org.admin.post(`/api/v1/training/courses/${c.id}/certificates`, { personId: ids['Kofi Mensah'] })).json().code).toBe('training.not_completed');
    // Without the score rule, attendance alone completes again.
    await org.admin.put(`/api/v1/training/courses/${c.id}/evaluation`, { preFormId: pre, postFormId: post, satisfactionFormId: satisfaction, minPostScore: null });
    expect(((await org.admin.get(`/api/v1/training/courses/${c.id}`)).json() as CourseDetail).participants.every((p) => p.completed)).toBe(true);
    await org.admin.put(`/api/v1/training/courses/${c.id}/evaluation`, { preFormId: pre, postFormId: post, satisfactionFormId: satisfaction, minPostScore: 60 });
    // A form answered stays the course's form.
    const swap = await org.admin.put(`/api/v1/training/courses/${c.id}/evaluation`, { preFormId: post, postFormId: post, satisfactionFormId: satisfaction, minPostScore: 60 });
    expect(swap.json().errors).toEqual([expect.objectContaining({ path: 'preFormId', code: 'training.evaluation_answered' })]);

    // The trainer's gain is over every course they ran: here a second course where one person went from 0 to 100.
    const second = await course(org.admin, { title: 'Export pricing, again', kind: 'workshop' });
    await org.admin.post(`/api/v1/training/courses/${second.id}/trainers`, { personId: trainer });
    await org.admin.put(`/api/v1/training/courses/${second.id}/evaluation`, { preFormId: pre, postFormId: post });
    const yaw = await person(org.admin, 'Yaw Darko');
    await answer(org.admin, second.id, 'pre', yaw, { q1: 'a', q2: 'b' });
    await answer(org.admin, second.id, 'post', yaw, { q1: 'b', q2: 'a' });
    const trainerGain = [...pairs, 100 - 0];
    expect(((await org.admin.get(`/api/v1/training/courses/${c.id}/evaluation`)).json() as CourseEvaluation).trainers).toEqual([{
      personId: trainer, name: 'Trainer Yaa Asantewaa', courses: 2, withBoth: 3, meanPre: (50 + 50 + 0) / 3, meanPost: (100 + 50 + 100) / 3,
      meanGain: trainerGain.reduce((a, b) => a + b, 0) / trainerGain.length,
    }]);

    // Every write is on the course in the audit log: the forms chosen and each answer with its score.
    const audit = (await org.admin.get(`/api/v1/audit?entityType=training_course&entityId=${c.id}&limit=100`)).json().items as Array<{ action: string; after: Record<string, unknown> | null }>;
    const answersAudited = audit.filter((e) => e.action === 'training_course.evaluation_answer').map((e) => [e.after!.kind, e.after!.personId, e.after!.score]);
    expect(answersAudited.sort()).toEqual([
      ['post', ids['Ama Boateng'], 100], ['post', ids['Kofi Mensah'], 50], ['pre', ids['Ama Boateng'], 50], ['pre', ids['Efua Owusu'], 0], ['pre', ids['Kofi Mensah'], 50],
      ['satisfaction', ids['Ama Boateng'], null], ['satisfaction', ids['Kofi Mensah'], null],
    ].sort());
    const settings = audit.filter((e) => e.action === 'training_course.evaluation_set');
    expect(settings).toHaveLength(3);
    expect(settings.map((e) => e.after!.minPostScore).sort()).toEqual([60, 60, null].sort());

    // Kofi's post-test was entered from the wrong sheet: taken back (once), his gain and score go, and his right answers complete him.
    const taken = await org.admin.delete(`/api/v1/training/courses/${c.id}/evaluation/post/people/${ids['Kofi Mensah']}`);
    expect((taken.json() as CourseEvaluation).people.find((p) => p.name === 'Kofi Mensah')).toMatchObject({ post: null, gain: null, completed: false });
    expect((taken.json() as CourseEvaluation).gain).toEqual({ withBoth: 1, meanPre: 50, meanPost: 100, meanGain: 50 });
    expect((await org.admin.delete(`/api/v1/training/courses/${c.id}/evaluation/post/people/${ids['Kofi Mensah']}`)).json().code).toBe('training.answer_not_found');
    expect((await answer(org.admin, c.id, 'post', ids['Kofi Mensah']!, { q1: 'b', q2: 'a' })).statusCode).toBe(200);
    expect(((await org.admin.get(`/api/v1/training/courses/${c.id}`)).json() as CourseDetail).participants.find((p) => p.name === 'Kofi Mensah')).toMatchObject({ postScore: 100, completed: true });
    const removed = (await org.admin.get(`/api/v1/audit?entityType=training_course&entityId=${c.id}&action=training_course.evaluation_answer_remove`)).json().items as Array<{ before: Record<string, unknown> }>;
    expect(removed.map((e) => [e.before.kind, e.before.personId, e.before.score])).toEqual([['post', ids['Kofi Mensah'], 50]]);
    // A certificate issued on a post-test's score is revoked, with its reason, before that score is taken back.
    const certificate = (await org.admin.post(`/api/v1/training/courses/${c.id}/certificates`, { personId: ids['Ama Boateng'] })).json();
    expect((await org.admin.delete(`/api/v1/training/courses/${c.id}/evaluation/post/people/${ids['Ama Boateng']}`)).json().code).toBe('training.certificate_standing');
    expect((await org.admin.post(`/api/v1/training/certificates/${certificate.id}/revoke`, { reason: 'Post-test entered from the wrong sheet' })).statusCode).toBe(200);
    expect((await org.admin.delete(`/api/v1/training/courses/${c.id}/evaluation/post/people/${ids['Ama Boateng']}`)).statusCode).toBe(200);
    // Two records of one person, each with a pre-test, merged: taking the answers back removes both, and a new one may be entered.
    const yawAgain = await person(org.admin, 'Yaw Darko Jnr');
    expect((await answer(org.admin, second.id, 'pre', yawAgain, { q1: 'b', q2: 'b' })).statusCode).toBe(200);
    expect((await org.admin.post(`/api/v1/people-reached/${yaw}/merge`, { otherId: yawAgain })).statusCode).toBe(200);
    expect((await answer(org.admin, second.id, 'pre', yaw, { q1: 'a', q2: 'a' })).json().code).toBe('training.already_answered');
    const cleared = (await org.admin.delete(`/api/v1/training/courses/${second.id}/evaluation/pre/people/${yaw}`)).json() as CourseEvaluation;
    expect(cleared.people.find((p) => p.personId === yaw)).toMatchObject({ pre: null, post: 100 });
    expect((await answer(org.admin, second.id, 'pre', yaw, { q1: 'a', q2: 'a' })).statusCode).toBe(200);
    // A viewer reads the evaluation but cannot take answers back.
    const viewer = (await createPerson(t.app, org.orgId, 'viewer')).client;
    expect((await viewer.delete(`/api/v1/training/courses/${c.id}/evaluation/pre/people/${ids['Ama Boateng']}`)).statusCode).toBe(403);
  });
  it('pages a course\'s participants in the database: merged records once, cancelled sessions left out, by name or share (ties by id), completion and a part of the name or firm', async () => {
    const org = await createOrg(t.app);
    const firm = await createMemberFirm(org.admin, { legalName: 'Tamale Shea Cooperative' });
    const c = await course(org.admin, { title: 'Paging', kind: 'course', completionShare: 100 });
    const [s1, s2, s3] = [await session(org.admin, c.id, 1), await session(org.admin, c.id, 2), await session(org.admin, c.id, 3)];
    const who = (name: string) => ({ name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.test` });
    await attend(org.admin, s1!, [who('Abena Ofori'), who('Baba Issah'), who('Comfort Asare'), who('fati Alhassan')]);
    await attend(org.admin, s2!, [who('Abena Ofori'), who('Comfort Asare-Mensah'), who('Esi Quaye'), who('Gifty Addo')]);
    await attend(org.admin, s3!, [who('Dede Ayew'), who('Baba Issah')]);
    expect((await org.admin.post(`/api/v1/events/${s3}/state`, { state: 'cancelled' })).statusCode).toBe(200);
    const before = ((await org.admin.get(`/api/v1/training/courses/${c.id}`)).json() as CourseDetail).participants;
    const idOf = (name: string) => before.find((p) => p.name === name)!.personId;
    expect((await org.admin.post(`/api/v1/people-reached/${idOf('Comfort Asare')}/merge`, { otherId: idOf('Comfort Asare-Mensah') })).statusCode).toBe(200);
    const esi = await org.admin.put(`/api/v1/people-reached/${idOf('Esi Quaye')}`, { name: 'Esi Quaye', email: who('Esi Quaye').email, memberId: firm.id });
    expect(esi.statusCode, esi.body).toBe(200);

    // The course page computes the same in memory (course-service.ts): the reference the pages are checked against.
    const detail = ((await org.admin.get(`/api/v1/training/courses/${c.id}`)).json() as CourseDetail).participants;
    // Counted apart: people (merges followed) checked in at a session not cancelled — Dede only at the cancelled one.
    const apart = await withTenant(t.app.database.db, { orgId: org.orgId, role: 'admin', actor: { userId: null, name: 'test' }, locale: 'en' }, async (ctx) => Number((await ctx.tx.execute<{ n: number }>(sql`
      SELECT count(DISTINCT coalesce(p.merged_into_id, p.id))::int AS n FROM event_registrations r
      JOIN training_sessions s ON s.org_id = r.org_id AND s.event_id = r.event_id JOIN events e ON e.org_id = r.org_id AND e.id = r.event_id
      JOIN people p ON p.org_id = r.org_id AND p.id = r.person_id
      WHERE r.org_id = ${org.orgId} AND s.course_id = ${c.id} AND e.state <> 'cancelled' AND r.attended_at IS NOT NULL`)).rows[0]!.n));
    expect(apart).toBe(6);
    expect(detail).toHaveLength(apart);
    const path = `/api/v1/training/courses/${c.id}/participants`;
    const byName = await walkList<CourseParticipant>(org.admin, path, {}, 2);
    expect(byName).toEqual(detail);
    expect(byName.map((p) => [p.name, p.attended, p.sessions, p.share, p.completed, p.firm])).toEqual([
      ['Abena Ofori', 2, 2, 100, true, null], ['Baba Issah', 1, 2, 50, false, null], ['Comfort Asare', 2, 2, 100, true, null],
      ['Esi Quaye', 1, 2, 50, false, 'Tamale Shea Cooperative'], ['fati Alhassan', 1, 2, 50, false, null], ['Gifty Addo', 1, 2, 50, false, null],
    ]);
    const bySharethenId = (sign: number) => [...detail].sort((a, b) => sign * (a.share - b.share) || sign * (a.personId < b.personId ? -1 : 1)).map((p) => p.personId);
    expect((await walkList<CourseParticipant>(org.admin, path, { sort: '-attended' }, 2)).map((p) => p.personId)).toEqual(bySharethenId(-1));
    expect((await walkList<CourseParticipant>(org.admin, path, { sort: 'attended' }, 4)).map((p) => p.personId)).toEqual(bySharethenId(1));
    expect((await walkList<CourseParticipant>(org.admin, path, { completion: 'completed' }, 1)).map((p) => p.name)).toEqual(['Abena Ofori', 'Comfort Asare']);
    expect((await walkList<CourseParticipant>(org.admin, path, { completion: 'not_completed', sort: '-name' }, 3)).map((p) => p.name)).toEqual(['Gifty Addo', 'fati Alhassan', 'Esi Quaye', 'Baba Issah']);
    // A part of the firm's name or of the person's, any case; the merged record's name is no longer theirs.
    expect((await walkList<CourseParticipant>(org.admin, path, { q: 'SHEA' })).map((p) => p.name)).toEqual(['Esi Quaye']);
    expect((await walkList<CourseParticipant>(org.admin, path, { q: 'asare' })).map((p) => p.name)).toEqual(['Comfort Asare']);
    expect((await walkList<CourseParticipant>(org.admin, path, { q: 'Mensah' }))).toEqual([]);
    expect((await walkList<CourseParticipant>(org.admin, path, { q: '100%' }))).toEqual([]);
    // A cursor of another order is refused.
    const first = (await org.admin.get(`${path}?limit=2`)).json() as { nextCursor: string };
    expect((await org.admin.get(`${path}?limit=2&sort=-attended&cursor=${first.nextCursor}`)).statusCode).toBe(400);
  });
});
