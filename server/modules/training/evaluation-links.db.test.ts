import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Registration } from '../../../contracts/events.js';
import type { CourseDetail, CourseEvaluation } from '../../../contracts/training.js';
import { hashSecret } from '../../platform/auth/tokens.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { logUrl } from '../../platform/http/log-url.js';
import { mailOutbox } from '../../platform/mail/tables.js';
import { Client, useTestApp } from '../../test/app.js';
import { createOrg, createPerson } from '../../test/factories.js';
import { trainingEvaluationLinks } from './tables.js';

const t = useTestApp();
type Admin = Client;

const choice = (value: string) => ({ value, label: { en: value.toUpperCase() } });
/** A two-question test scored by its calculated field `score`: 50 points for q1 'b', 50 for q2 'a'. */
const test = (title: string) => ({
  title: { en: title }, languages: ['en'],
  questions: [
    { name: 'q1', type: 'select_one', label: { en: 'What is FOB?' }, required: true, choices: [choice('a'), choice('b')] },
    { name: 'q2', type: 'select_one', label: { en: 'Who pays freight under CIF?' }, required: true, choices: [choice('a'), choice('b')] },
    { name: 'score', type: 'calculate', label: { en: 'Score' }, calculation: "if(${q1} = 'b', 50, 0) + if(${q2} = 'a', 50, 0)" },
  ],
});
const satisfactionForm = {
  title: { en: 'How was it?' }, languages: ['en'],
  questions: [{ name: 'useful', type: 'scale', label: { en: 'Useful' }, scale: { min: 1, max: 5 }, required: true }],
};
/** The score computed here, apart from the form engine. */
const scoreOf = ([q1, q2]: [string, string]) => (q1 === 'b' ? 50 : 0) + (q2 === 'a' ? 50 : 0);

async function publishedForm(admin: Admin, definition: object) {
  const res = await admin.post('/api/v1/forms', { definition, purpose: 'evaluation' });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string }).id;
  expect((await admin.post(`/api/v1/forms/${id}/publish`)).statusCode).toBe(200);
  return id;
}

/** A course with one held session its people attended, its three forms chosen; gives the participants' ids by name. */
async function courseWith(admin: Admin, title: string, people: Array<{ name: string; email: string }>, forms: { pre: string; post: string; satisfaction: string }, extra: object = {}) {
  const created = await admin.post('/api/v1/training/courses', { title, kind: 'course', completionShare: 50, ...extra });
  expect(created.statusCode, created.body).toBe(201);
  const c = created.json() as CourseDetail;
  const added = await admin.post(`/api/v1/training/courses/${c.id}/sessions`, { title: 'Day 1', startsAt: '2027-03-10T09:00:00Z', endsAt: '2027-03-10T13:00:00Z', capacity: 30, audience: 'public' });
  const sessionId = (added.json() as CourseDetail).sessionList[0]!.id;
  expect((await admin.post(`/api/v1/events/${sessionId}/state`, { state: 'published' })).statusCode).toBe(200);
  const regs: string[] = [];
  for (const p of people) {
    const res = await admin.post(`/api/v1/events/${sessionId}/registrations`, { kind: 'public', sex: 'not_stated', ...p });
    expect(res.statusCode, res.body).toBe(201);
    regs.push((res.json() as Registration).id);
  }
  expect((await admin.post(`/api/v1/events/${sessionId}/check-in`, { items: regs.map((registrationId) => ({ registrationId })) })).statusCode).toBe(200);
  const set = await admin.put(`/api/v1/training/courses/${c.id}/evaluation`, { preFormId: forms.pre, postFormId: forms.post, satisfactionFormId: forms.satisfaction, minPostScore: 50 });
  expect(set.statusCode, set.body).toBe(200);
  const ids = Object.fromEntries(((await admin.get(`/api/v1/training/courses/${c.id}`)).json() as CourseDetail).participants.map((p) => [p.name, p.personId]));
  return { id: c.id, ids };
}

async function threeForms(admin: Admin) {
  return { pre: await publishedForm(admin, test('Pre-test')), post: await publishedForm(admin, test('Post-test')), satisfaction: await publishedForm(admin, satisfactionForm) };
}

/** The mails of a kind queued for an organisation, as stored: readable part and sealed body. */
const mailsOf = (orgId: string) => withSystem(t.database.db, (tx) => tx.select().from(mailOutbox).where(and(eq(mailOutbox.orgId, orgId), eq(mailOutbox.kind, 'training_evaluation'))).orderBy(mailOutbox.createdAt));
const tokenIn = (text: string) => /\/r\/(t-[\w-]+)/.exec(text)?.[1] ?? null;
/** The latest link mailed to an address. */
async function mailedToken(orgId: string, to: string) {
  const mails = (await mailsOf(orgId)).filter((m) => m.toEmail === to);
  return tokenIn(mails.at(-1)!.sealedBody!)!;
}

/** Someone with a link and no session: the participant's phone. */
const visitor = () => new Client(t.app);
const respond = (token: string, answers: object, submissionKey: string | null = null) => visitor().put(`/api/v1/training/respond/${token}`, { answers, submissionKey });

const ama = { name: 'Ama Boateng', email: 'ama@example.test' };
const kofi = { name: 'Kofi Mensah', email: 'kofi@example.test' };
const kwame = { name: 'Kwame Asante', email: '' };

describe("participants' own evaluation links", () => {
  it('mails the links, takes each answer once on the respondent page, and records it exactly as a staff entry', async () => {
    const org = await createOrg(t.app);
    const forms = await threeForms(org.admin);
    const own = await courseWith(org.admin, 'Export pricing', [ama, kofi, kwame], forms);
    const staffEntered = await courseWith(org.admin, 'Export pricing, entered by staff', [ama, kofi, kwame], forms);

    // Two have an address, one has none: the confirmation's figures come from the evaluation, the send answers the same.
    const before = (await org.admin.get(`/api/v1/training/courses/${own.id}/evaluation`)).json() as CourseEvaluation;
    expect(before.people.map((p) => [p.name, p.hasEmail, p.links])).toEqual([
      ['Ama Boateng', true, { pre: 'not_sent', post: 'not_sent', satisfaction: 'not_sent' }],
      ['Kofi Mensah', true, { pre: 'not_sent', post: 'not_sent', satisfaction: 'not_sent' }],
      ['Kwame Asante', false, { pre: 'not_sent', post: 'not_sent', satisfaction: 'not_sent' }],
    ]);
    const sent = await org.admin.post(`/api/v1/training/courses/${own.id}/evaluation/pre/links`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toEqual({ mailed: 2, withoutEmail: 1 });
    const mails = await mailsOf(org.orgId);
    expect(mails.map((m) => m.toEmail).sort()).toEqual(['ama@example.test', 'kofi@example.test']);
    const amaPre = await mailedToken(org.orgId, ama.email);
    const kofiPre = await mailedToken(org.orgId, kofi.email);
    expect(amaPre).toMatch(/^t-[\w-]{43}$/);
    // The token is in the sealed body only: not in the subject, the readable body or the address.
    for (const m of mails) {
      const token = tokenIn(m.sealedBody!)!;
      expect([m.subject.includes(token), m.body.includes(token), m.toEmail.includes(token), m.body.includes('/r/t-')]).toEqual([false, false, false, false]);
      expect(m.secretExpiresAt).not.toBeNull();
    }
    // Only the token's hash is kept: no table holds the token, but the outbox's sealed body that carries it to its reader.
    const holding = await withSystem(t.database.db, async (tx) => {
      const tables = (await tx.execute<{ name: string }>(sql`SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)).rows;
      const found: string[] = [];
      for (const { name } of tables) {
        const [hit] = (await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(name)} x WHERE x::text LIKE ${`%${amaPre}%`}`)).rows;
        if (hit!.n) found.push(name);
      }
      return found;
    });
    expect(holding).toEqual(['mail_outbox']);
    const [linkRow] = await withSystem(t.database.db, (tx) => tx.select().from(trainingEvaluationLinks).where(eq(trainingEvaluationLinks.tokenHash, hashSecret(amaPre))));
    expect(linkRow).toMatchObject({ courseId: own.id, kind: 'pre', personId: own.ids['Ama Boateng'], sentTo: 'ama@example.test', usedAt: null });
    // The log never keeps it either.
    expect([logUrl(`/r/${amaPre}`), logUrl(`/api/v1/training/respond/${amaPre}`)]).toEqual(['/r/…', '/api/v1/training/respond/…']);

    // The participant's page: the course's pre-test, for them; nothing else named in the request.
    const view = await visitor().get(`/api/v1/training/respond/${amaPre}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.headers['cache-control']).toBe('no-store');
    expect(view.json()).toMatchObject({ firmName: 'Ama Boateng', status: 'new', consultation: { title: 'Export pricing' }, form: { title: { en: 'Pre-test' } } });
    const tampered = await visitor().put(`/api/v1/training/respond/${amaPre}`, { answers: { q1: 'a', q2: 'a' }, submissionKey: null, kind: 'post', personId: own.ids['Kofi Mensah'] });
    expect(tampered.statusCode).toBe(400);
    // The form engine's checks apply as for staff.
    expect((await respond(amaPre, { q1: 'z' })).json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['q1', 'q2']);

    // Kwame has no address: staff show him his link as a QR code, once.
    const handed = await org.admin.post(`/api/v1/training/courses/${own.id}/evaluation/pre/people/${own.ids['Kwame Asante']}/link`, {});
    expect(handed.statusCode, handed.body).toBe(200);
    const kwamePre = tokenIn(handed.json().url)!;
    expect(handed.json().url).toBe(`http://roundtable.test/r/${kwamePre}`);

    const given: Record<string, { pre: [string, string]; post: [string, string] }> = {
      'Ama Boateng': { pre: ['a', 'a'], post: ['b', 'a'] },
      'Kofi Mensah': { pre: ['b', 'b'], post: ['b', 'b'] },
      'Kwame Asante': { pre: ['a', 'b'], post: ['b', 'a'] },
    };
    const preTokens: Record<string, string> = { 'Ama Boateng': amaPre, 'Kofi Mensah': kofiPre, 'Kwame Asante': kwamePre };
    for (const [name, { pre: [q1, q2] }] of Object.entries(given)) {
      const res = await respond(preTokens[name]!, { q1, q2 }, `own-pre-${name.replace(' ', '-')}-0123456789`);
      expect(res.statusCode, res.body).toBe(200);
    }
    // Sent again after a lost connection: in, once. Any other second submission, or opening it again: refused, clearly.
    expect((await respond(amaPre, { q1: 'a', q2: 'a' }, 'own-pre-Ama-Boateng-0123456789')).statusCode).toBe(200);
    const second = await respond(amaPre, { q1: 'b', q2: 'a' }, 'another-key-0123456789');
    expect([second.statusCode, second.json().code, second.json().title]).toEqual([409, 'training.link_used', 'This form was already answered with this link. Thank you.']);
    expect((await visitor().get(`/api/v1/training/respond/${amaPre}`)).json().code).toBe('training.link_used');
    // Staff cannot hand over a link to a form already answered.
    expect((await org.admin.post(`/api/v1/training/courses/${own.id}/evaluation/pre/people/${own.ids['Ama Boateng']}/link`, {})).json().code).toBe('training.already_answered');

    // Post-test links: the mail goes again to the two with an address; Kwame answers his on the spot.
    expect((await org.admin.post(`/api/v1/training/courses/${own.id}/evaluation/post/links`, {})).json()).toEqual({ mailed: 2, withoutEmail: 1 });
    const postTokens: Record<string, string> = {
      'Ama Boateng': await mailedToken(org.orgId, ama.email),
      'Kofi Mensah': await mailedToken(org.orgId, kofi.email),
      'Kwame Asante': tokenIn((await org.admin.post(`/api/v1/training/courses/${own.id}/evaluation/post/people/${own.ids['Kwame Asante']}/link`, {})).json().url)!,
    };
    for (const [name, { post: [q1, q2] }] of Object.entries(given)) expect((await respond(postTokens[name]!, { q1, q2 })).statusCode).toBe(200);
    expect((await respond(postTokens['Ama Boateng']!, { q1: 'a', q2: 'b' })).json().code).toBe('training.link_used');
    // Pre-test links are not mailed again to people who answered.
    expect((await org.admin.post(`/api/v1/training/courses/${own.id}/evaluation/pre/links`, {})).json()).toEqual({ mailed: 0, withoutEmail: 0 });

    // The same answers entered by staff on the other course.
    for (const [name, tests] of Object.entries(given)) {
      for (const kind of ['pre', 'post'] as const) {
        const [q1, q2] = tests[kind];
        expect((await org.admin.put(`/api/v1/training/courses/${staffEntered.id}/evaluation/${kind}/people/${staffEntered.ids[name]}`, { answers: { q1, q2 }, submissionKey: null })).statusCode).toBe(200);
      }
    }
    const byLink = (await org.admin.get(`/api/v1/training/courses/${own.id}/evaluation`)).json() as CourseEvaluation;
    const byStaff = (await org.admin.get(`/api/v1/training/courses/${staffEntered.id}/evaluation`)).json() as CourseEvaluation;
    // Computed apart: mean of each one's post − pre, over the three with both tests.
    const pairs = Object.values(given).map((g) => ({ pre: scoreOf(g.pre), post: scoreOf(g.post) }));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(byLink.gain).toEqual({ withBoth: 3, meanPre: mean(pairs.map((p) => p.pre)), meanPost: mean(pairs.map((p) => p.post)), meanGain: mean(pairs.map((p) => p.post - p.pre)) });
    expect(byLink.gain).toEqual(byStaff.gain);
    const scores = (e: CourseEvaluation) => e.people.map((p) => [p.name, p.pre, p.post, p.gain, p.completed]);
    expect(scores(byLink)).toEqual(scores(byStaff));
    expect(scores(byLink)).toEqual(Object.entries(given).map(([name, g]) => [name, scoreOf(g.pre), scoreOf(g.post), scoreOf(g.post) - scoreOf(g.pre), scoreOf(g.post) >= 50]));
    expect(byLink.people.map((p) => [p.name, p.links])).toEqual([
      ['Ama Boateng', { pre: 'answered', post: 'answered', satisfaction: 'not_sent' }],
      ['Kofi Mensah', { pre: 'answered', post: 'answered', satisfaction: 'not_sent' }],
      ['Kwame Asante', { pre: 'answered', post: 'answered', satisfaction: 'not_sent' }],
    ]);
    // Audited as any answer, by the participant, with the person and the score.
    const audit = (await org.admin.get(`/api/v1/audit?entityType=training_course&entityId=${own.id}`)).json().items as Array<{ action: string; actorName: string; after: Record<string, unknown> }>;
    const answered = audit.filter((e) => e.action === 'training_course.evaluation_answer');
    expect(answered.length).toBe(6);
    expect(new Set(answered.map((e) => e.actorName))).toEqual(new Set(['Participant']));
    expect(audit.filter((e) => e.action === 'training_course.evaluation_links_send').map((e) => e.after)).toEqual([
      { kind: 'pre', mailed: 0, withoutEmail: 0 }, { kind: 'post', mailed: 2, withoutEmail: 1 }, { kind: 'pre', mailed: 2, withoutEmail: 1 },
    ]);
  });

  it('refuses an expired, renewed, unknown or other course’s link, and keeps organisations apart', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const forms = await threeForms(org.admin);
    const a = await courseWith(org.admin, 'Course A', [ama, kofi], forms);
    const b = await courseWith(org.admin, 'Course B', [ama], forms);
    await org.admin.post(`/api/v1/training/courses/${a.id}/evaluation/pre/links`, {});
    const first = await mailedToken(org.orgId, ama.email);
    // Sent again: the older link stops working, the new one works.
    await org.admin.post(`/api/v1/training/courses/${a.id}/evaluation/pre/links`, {});
    const renewed = await mailedToken(org.orgId, ama.email);
    expect(renewed).not.toBe(first);
    const old = await visitor().get(`/api/v1/training/respond/${first}`);
    expect([old.statusCode, old.json().code]).toEqual([404, 'training.link_invalid']);
    expect((await respond(first, { q1: 'b', q2: 'a' })).json().code).toBe('training.link_invalid');
    for (const bad of ['t-not-a-link-at-all-0123456789', `i-${renewed.slice(2)}`, `${renewed}x`]) {
      expect((await visitor().get(`/api/v1/training/respond/${bad}`)).statusCode).toBe(404);
    }
    // Past its day: refused, before and at submission.
    await org.admin.post(`/api/v1/training/courses/${a.id}/evaluation/pre/links`, {});
    const kofiToken = await mailedToken(org.orgId, kofi.email);
    await withSystem(t.database.db, (tx) => tx.update(trainingEvaluationLinks).set({ expiresAt: new Date('2026-01-01T00:00:00Z') }).where(eq(trainingEvaluationLinks.tokenHash, hashSecret(kofiToken))));
    const expired = await visitor().get(`/api/v1/training/respond/${kofiToken}`);
    expect([expired.statusCode, expired.json().code]).toEqual([410, 'training.link_expired']);
    expect((await respond(kofiToken, { q1: 'b', q2: 'a' })).json().code).toBe('training.link_expired');
    expect(((await org.admin.get(`/api/v1/training/courses/${a.id}/evaluation`)).json() as CourseEvaluation).people.find((p) => p.name === 'Kofi Mensah')!.links.pre).toBe('expired');

    // Ama's link to course A's pre-test answers that and nothing else: not A's post-test, not course B.
    const amaA = await mailedToken(org.orgId, ama.email);
    expect((await respond(amaA, { q1: 'b', q2: 'a' })).statusCode).toBe(200);
    const evalA = (await org.admin.get(`/api/v1/training/courses/${a.id}/evaluation`)).json() as CourseEvaluation;
    const evalB = (await org.admin.get(`/api/v1/training/courses/${b.id}/evaluation`)).json() as CourseEvaluation;
    expect(evalA.people.find((p) => p.name === 'Ama Boateng')).toMatchObject({ pre: 100, preAnswered: true, postAnswered: false, satisfaction: false });
    expect(evalB.people.map((p) => [p.name, p.preAnswered, p.postAnswered, p.satisfaction, p.links.pre])).toEqual([['Ama Boateng', false, false, false, 'not_sent']]);
    // A used link of course A does not open course B's form either (it names its course itself).
    expect((await visitor().get(`/api/v1/training/respond/${amaA}`)).json().code).toBe('training.link_used');

    // Another organisation sees none of it and can do nothing with it.
    for (const res of [
      await other.admin.get(`/api/v1/training/courses/${a.id}/evaluation`),
      await other.admin.post(`/api/v1/training/courses/${a.id}/evaluation/pre/links`, {}),
      await other.admin.post(`/api/v1/training/courses/${a.id}/evaluation/post/people/${a.ids['Kofi Mensah']}/link`, {}),
      await other.admin.put(`/api/v1/training/courses/${a.id}/evaluation/pre/people/${a.ids['Ama Boateng']}/correction`, { answers: { q1: 'a', q2: 'a' }, submissionKey: null }),
    ]) expect(res.statusCode).toBe(404);
    expect((await mailsOf(other.orgId)).length).toBe(0);
    const otherLinks = await withSystem(t.database.db, (tx) => tx.select().from(trainingEvaluationLinks).where(eq(trainingEvaluationLinks.orgId, other.orgId)));
    expect(otherLinks).toEqual([]);
    // Only staff who manage training send and hand over links.
    const viewer = (await createPerson(t.app, org.orgId, 'viewer')).client;
    expect((await viewer.post(`/api/v1/training/courses/${a.id}/evaluation/post/links`, {})).statusCode).toBe(403);
    expect((await viewer.post(`/api/v1/training/courses/${a.id}/evaluation/post/people/${a.ids['Kofi Mensah']}/link`, {})).statusCode).toBe(403);
    // A form the course does not have has no links.
    const bare = (await org.admin.post('/api/v1/training/courses', { title: 'No forms', kind: 'workshop' })).json() as CourseDetail;
    expect((await org.admin.post(`/api/v1/training/courses/${bare.id}/evaluation/pre/links`, {})).json().code).toBe('training.no_evaluation_form');
  });

  it('lets staff correct a submitted answer, says in the audit log what changed, and not under a standing certificate', async () => {
    const org = await createOrg(t.app);
    const forms = await threeForms(org.admin);
    const c = await courseWith(org.admin, 'Customs', [ama, kofi], forms);
    const amaId = c.ids['Ama Boateng']!;
    const base = `/api/v1/training/courses/${c.id}/evaluation`;
    await org.admin.post(`${base}/post/links`, {});
    expect((await respond(await mailedToken(org.orgId, ama.email), { q1: 'a', q2: 'a' })).statusCode).toBe(200);
    expect((await org.admin.put(`${base}/pre/people/${amaId}`, { answers: { q1: 'a', q2: 'b' }, submissionKey: null })).statusCode).toBe(200);
    expect(((await org.admin.get(base)).json() as CourseEvaluation).people.find((p) => p.personId === amaId)).toMatchObject({ pre: 0, post: 50, gain: 50, completed: true });

    // The sheet said q1 'b': corrected, scored again, gain and completion follow.
    const corrected = await org.admin.put(`${base}/post/people/${amaId}/correction`, { answers: { q1: 'b', q2: 'a' }, submissionKey: 'fix-post-ama-0123456789' });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect((corrected.json() as CourseEvaluation).people.find((p) => p.personId === amaId)).toMatchObject({ pre: 0, post: 100, gain: 100 });
    expect((corrected.json() as CourseEvaluation).gain).toEqual({ withBoth: 1, meanPre: 0, meanPost: 100, meanGain: 100 });
    expect((await org.admin.get(`${base}/post/people/${amaId}`)).json()).toMatchObject({ status: 'submitted', answers: { q1: 'b', q2: 'a', score: 100 } });
    // Sent again: nothing more; the same answers: nothing changed; the checks apply; no answer, nothing to correct.
    expect((await org.admin.put(`${base}/post/people/${amaId}/correction`, { answers: { q1: 'b', q2: 'a' }, submissionKey: 'fix-post-ama-0123456789' })).statusCode).toBe(200);
    expect((await org.admin.put(`${base}/post/people/${amaId}/correction`, { answers: { q1: 'b', q2: 'a' }, submissionKey: null })).statusCode).toBe(200);
    expect((await org.admin.put(`${base}/post/people/${amaId}/correction`, { answers: { q1: 'z' }, submissionKey: null })).statusCode).toBe(400);
    expect((await org.admin.put(`${base}/post/people/${c.ids['Kofi Mensah']}/correction`, { answers: { q1: 'b', q2: 'a' }, submissionKey: null })).json().code).toBe('training.answer_not_found');
    const entries = (await org.admin.get(`/api/v1/audit?entityType=training_course&entityId=${c.id}&action=training_course.evaluation_answer_correct`)).json().items as Array<{ actorName: string; before: Record<string, unknown>; after: Record<string, unknown> }>;
    expect(entries.map((e) => [e.before, e.after])).toEqual([[
      { answerId: expect.any(String), kind: 'post', personId: amaId, score: 50, answers: { q1: 'a', score: 50 } },
      { answerId: expect.any(String), kind: 'post', personId: amaId, score: 100, answers: { q1: 'b', score: 100 } },
    ]]);
    expect(entries[0]!.actorName).toBe('Test Admin');

    // A certificate issued on the post-test's score: its score is not changed until the certificate is revoked; the pre-test may be.
    const certificate = await org.admin.post(`/api/v1/training/courses/${c.id}/certificates`, { personId: amaId });
    expect(certificate.statusCode, certificate.body).toBe(201);
    const refused = await org.admin.put(`${base}/post/people/${amaId}/correction`, { answers: { q1: 'a', q2: 'a' }, submissionKey: null });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'training.certificate_standing']);
    expect((await org.admin.put(`${base}/pre/people/${amaId}/correction`, { answers: { q1: 'b', q2: 'b' }, submissionKey: null })).statusCode).toBe(200);
    expect((await org.admin.post(`/api/v1/training/certificates/${certificate.json().id}/revoke`, { reason: 'Post-test mark misread' })).statusCode).toBe(200);
    expect((await org.admin.put(`${base}/post/people/${amaId}/correction`, { answers: { q1: 'a', q2: 'a' }, submissionKey: null })).statusCode).toBe(200);
    expect(((await org.admin.get(base)).json() as CourseEvaluation).people.find((p) => p.personId === amaId)).toMatchObject({ pre: 50, post: 50, gain: 0 });
    // A viewer reads, never corrects.
    const viewer = (await createPerson(t.app, org.orgId, 'viewer')).client;
    expect((await viewer.put(`${base}/pre/people/${amaId}/correction`, { answers: { q1: 'a', q2: 'a' }, submissionKey: null })).statusCode).toBe(403);
  });
});
