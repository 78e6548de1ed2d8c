import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { DealFollowUp } from '../../../contracts/networking.js';
import { withSystem, withTenant } from '../../platform/db/tenancy.js';
import { mailOutbox } from '../../platform/mail/tables.js';
import { Client, useTestApp } from '../../test/app.js';
import { activeFirm, followUps, introduce, makeDue as makeDueIn } from '../../test/introduction-factories.js';
import { createOrg } from '../../test/factories.js';
import { followUpFormView, resolveFollowUpFormLink, sendDueFollowUps } from '../surveys/follow-up-form-service.js';
import { scheduleDealFollowUps } from './deal-service.js';
import { dealsBetween } from './figures-service.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-NP'] };
const URL = 'https://roundtable.example';
type Admin = Client;

const makeDue = (orgId: string, months: number) => makeDueIn(t.database.db, orgId, months);

const mailsOf = (orgId: string) => withSystem(t.database.db, (tx) => tx.select().from(mailOutbox).where(and(eq(mailOutbox.orgId, orgId), eq(mailOutbox.kind, 'follow_up_form'))).orderBy(mailOutbox.createdAt));
const tokenIn = (text: string) => /\/r\/(fu-[\w-]+)/.exec(text)?.[1] ?? null;
/** The link mailed to an address about an introduction to a partner: the one whose page names that partner. */
async function tokenFor(orgId: string, to: string, partner: string) {
  for (const mail of (await mailsOf(orgId)).filter((m) => m.toEmail === to)) {
    const token = tokenIn(mail.sealedBody!)!;
    const view = await new Client(t.app).get(`/api/v1/follow-ups/respond/${token}`);
    if (view.statusCode === 200 && view.json().consultation.title === `Your introduction to ${partner}`) return token;
  }
  throw new Error(`no working link to ${to} about ${partner}`);
}

/** Someone with a link and no session: the firm's phone. */
const visitor = () => new Client(t.app);
const respond = (token: string, answers: object, submissionKey: string | null = null) => visitor().put(`/api/v1/follow-ups/respond/${token}`, { answers, submissionKey });
const key = () => `key-${Math.random().toString(36).slice(2)}-${Date.now()}`;

const auditActions = async (admin: Admin, type: string, id: string) =>
  (await admin.get(`/api/v1/audit?entityType=${type}&entityId=${id}`)).json().items.map((e: { action: string }) => e.action).reverse();

/** The org's today as the Ghana clock (UTC) reads it, and a day some months later (the month's last day where it lacks one). */
const today = () => new Date().toISOString().slice(0, 10);
function monthsLater(day: string, months: number) {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0));
  return new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), Math.min(d, last.getUTCDate()))).toISOString().slice(0, 10);
}

describe('deal follow-ups of introductions', () => {
  it('plans 3, 6 and 12 months for each firm when they meet, mails only what is due, once, and takes each answer once on its link', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const shea = await activeFirm(admin, { legalName: 'Tamale Shea Processors', email: 'sales@shea.example' });
    const cosmetics = await activeFirm(admin, { legalName: 'Accra Cosmetics', email: 'buy@cosmetics.example' });
    const quiet = await activeFirm(admin, { legalName: 'No Address Ltd' });

    const intro = await introduce(admin, shea.id, cosmetics.id, ['accepted']);
    expect(await followUps(admin, intro)).toEqual([]);
    await admin.post(`/api/v1/networking/introductions/${intro}/state`, { state: 'met' });
    const planned = await followUps(admin, intro);
    expect(planned.map((f) => [f.firm.name, f.partner.name, f.months, f.dueOn, f.state]).sort()).toEqual([
      ['Accra Cosmetics', 'Tamale Shea Processors', 12, monthsLater(today(), 12), 'planned'],
      ['Accra Cosmetics', 'Tamale Shea Processors', 3, monthsLater(today(), 3), 'planned'],
      ['Accra Cosmetics', 'Tamale Shea Processors', 6, monthsLater(today(), 6), 'planned'],
      ['Tamale Shea Processors', 'Accra Cosmetics', 12, monthsLater(today(), 12), 'planned'],
      ['Tamale Shea Processors', 'Accra Cosmetics', 3, monthsLater(today(), 3), 'planned'],
      ['Tamale Shea Processors', 'Accra Cosmetics', 6, monthsLater(today(), 6), 'planned'],
    ]);
    // Planned once: the same introduction planned again adds nothing.
    const own = { orgId, role: 'admin' as const, actor: { userId: null, name: 'Test' }, locale: 'en' };
    expect(await withTenant(t.database.db, own, (ctx) => scheduleDealFollowUps(ctx, { id: intro, firmA: shea.id, firmB: cosmetics.id }))).toBe(0);
    expect(await followUps(admin, intro)).toHaveLength(6);
    // A firm without an address: its follow-ups stay due, shown to staff, never mailed.
    const silent = await introduce(admin, shea.id, quiet.id, ['accepted', 'met']);
    // One deal form for the organisation, made from the default definition and published.
    const forms = (await admin.get('/api/v1/forms?limit=50')).json().items as Array<{ id: string; publishedVersion: number }>;
    expect(forms).toHaveLength(1);
    expect(forms[0]!.publishedVersion).toBe(1);
    // A form follow-ups use keeps its answers' questions: it is not deleted.
    const del = await admin.delete(`/api/v1/forms/${forms[0]!.id}`);
    expect([del.statusCode, del.json().code]).toEqual([409, 'surveys.form_in_use']);

    // Nothing is due yet: the job sends nothing.
    expect(await sendDueFollowUps(t.database, URL)).toEqual({ sent: 0, mails: 0 });
    await makeDue(orgId, 3);
    // Due: both firms of the first introduction, and the firm with an address of the second.
    expect(await sendDueFollowUps(t.database, URL)).toEqual({ sent: 3, mails: 3 });
    // Run again: nothing more; each was sent once.
    expect(await sendDueFollowUps(t.database, URL)).toEqual({ sent: 0, mails: 0 });
    const mails = await mailsOf(orgId);
    expect(mails.map((m) => m.toEmail).sort()).toEqual(['buy@cosmetics.example', 'sales@shea.example', 'sales@shea.example']);
    for (const m of mails) {
      const token = tokenIn(m.sealedBody!)!;
      expect([m.subject.includes(token), m.body.includes(token)]).toEqual([false, false]);
    }
    const states = async (id: string) => (await followUps(admin, id)).map((f) => `${f.firm.name}:${f.months}:${f.state}`).sort();
    expect(await states(intro)).toEqual([
      'Accra Cosmetics:12:planned', 'Accra Cosmetics:3:sent', 'Accra Cosmetics:6:planned', 'Tamale Shea Processors:12:planned', 'Tamale Shea Processors:3:sent', 'Tamale Shea Processors:6:planned',
    ]);
    expect((await followUps(admin, silent)).filter((f) => f.months === 3).map((f) => [f.firm.name, f.state, f.hasEmail]).sort()).toEqual([
      ['No Address Ltd', 'due', false], ['Tamale Shea Processors', 'sent', true],
    ]);

    // The firm answers on its link: the form as mailed, then its answers checked and kept once.
    const sheaToken = await tokenFor(orgId, 'sales@shea.example', 'Accra Cosmetics');
    const view = await visitor().get(`/api/v1/follow-ups/respond/${sheaToken}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ firmName: 'Tamale Shea Processors', consultation: { title: 'Your introduction to Accra Cosmetics' }, status: 'new' });
    expect(view.json().form.questions.map((q: { name: string }) => q.name)).toEqual(['signed', 'deal_type', 'deal_value', 'jobs_created']);
    const incomplete = await respond(sheaToken, { signed: 'yes' });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().code).toBe('surveys.answers_invalid');
    const k = key();
    const answers = { signed: 'yes', deal_type: 'supplier', deal_value: 12500.5, jobs_created: 4 };
    expect((await respond(sheaToken, answers, k)).statusCode).toBe(200);
    // Sent again after a lost connection: "submitted", nothing more; any other second answer is refused.
    expect((await respond(sheaToken, answers, k)).statusCode).toBe(200);
    const again = await respond(sheaToken, { signed: 'no' }, key());
    expect([again.statusCode, again.json().code]).toEqual([409, 'surveys.follow_up_answered']);
    const reopened = await visitor().get(`/api/v1/follow-ups/respond/${sheaToken}`);
    expect([reopened.statusCode, reopened.json().code]).toEqual([409, 'surveys.follow_up_answered']);

    // An expired link says so; an unknown one is not found.
    const cosmeticsToken = await tokenFor(orgId, 'buy@cosmetics.example', 'Tamale Shea Processors');
    await withSystem(t.database.db, (tx) => tx.execute(sql`UPDATE survey_follow_ups SET expires_at = now() - interval '1 minute' WHERE org_id = ${orgId} AND sent_to = 'buy@cosmetics.example'`));
    const expired = await visitor().get(`/api/v1/follow-ups/respond/${cosmeticsToken}`);
    expect([expired.statusCode, expired.json().code]).toEqual([410, 'surveys.follow_up_expired']);
    expect((await respond(cosmeticsToken, { signed: 'no' })).statusCode).toBe(410);
    expect((await visitor().get(`/api/v1/follow-ups/respond/fu-${'x'.repeat(43)}`)).json().code).toBe('surveys.follow_up_link_invalid');

    // The introduction shows who answered what, and when; value in minor units of the organisation's currency (GHS).
    const shown = (await followUps(admin, intro)).filter((f) => f.months === 3);
    const sheaRow = shown.find((f) => f.firm.id === shea.id)!;
    expect(sheaRow).toMatchObject({ state: 'answered', report: { signed: true, type: 'supplier', value: 1250050, currency: 'GHS', jobs: 4 } });
    expect(Date.parse(sheaRow.answeredAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(shown.find((f) => f.firm.id === cosmetics.id)).toMatchObject({ state: 'expired', report: null });
    // Staff's list by state.
    const answered = (await admin.get('/api/v1/networking/deal-follow-ups?state=answered')).json().items as DealFollowUp[];
    expect(answered.map((f) => f.id)).toEqual([sheaRow.id]);
    expect((await admin.get('/api/v1/networking/deal-follow-ups?state=due')).json().items.map((f: DealFollowUp) => f.firm.name)).toEqual(['No Address Ltd']);
    expect(await auditActions(admin, 'survey_follow_up', sheaRow.id)).toEqual(['survey_follow_up.schedule', 'survey_follow_up.send', 'survey_follow_up.answer']);

    // A link of another organisation is refused: its rows are not found under another tenant.
    const other = await createOrg(t.app, ghana);
    const link = await withSystem(t.database.db, (tx) => resolveFollowUpFormLink(tx, cosmeticsToken));
    const scope = { orgId: other.orgId, role: 'viewer' as const, actor: { userId: null, name: 'Follow-up recipient' }, locale: 'en' };
    await expect(withTenant(t.database.db, scope, (ctx) => followUpFormView(ctx, { ...link, orgId: other.orgId }, cosmeticsToken))).rejects.toMatchObject({ code: 'surveys.follow_up_link_invalid' });
    expect((await other.admin.get(`/api/v1/networking/introductions/${intro}/follow-ups`)).statusCode).toBe(404);
    expect((await other.admin.get('/api/v1/networking/deal-follow-ups')).json().items).toEqual([]);
  });

  it('counts a deal once per pair of firms, whichever side reports it, as an independent sum of the pairs', async () => {
    const { admin, orgId } = await createOrg(t.app, ghana);
    const firm = async (name: string) => activeFirm(admin, { legalName: name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@firm.example` });
    const [a, b, c, d] = [await firm('Alpha Foods'), await firm('Beta Packaging'), await firm('Gamma Logistics'), await firm('Delta Oils')];
    const emailOf = new Map([a, b, c, d].map((f) => [f.id, `${f.legalName.toLowerCase().replace(/\W+/g, '.')}@firm.example`]));
    const ab = await introduce(admin, a.id, b.id, ['accepted', 'met']);
    // The same two firms introduced again (the other way round).
    const ba = await introduce(admin, b.id, a.id, ['accepted', 'met']);
    const ac = await introduce(admin, a.id, c.id, ['accepted', 'met']);
    const cd = await introduce(admin, c.id, d.id, ['accepted', 'met']);
    // Staff recorded this deal themselves.
    const bd = await introduce(admin, b.id, d.id, ['accepted', 'met', 'deal']);
    await makeDue(orgId, 3);
    expect(await sendDueFollowUps(t.database, URL)).toMatchObject({ sent: 10, mails: 10 });

    // Who answers what, on which introduction: [introduction, firm answering, signed].
    const given: Array<[string, string, string, string, boolean]> = [
      [ab, a.id, a.id, b.id, true], [ba, b.id, b.id, a.id, true], [ac, a.id, a.id, c.id, true], [ac, c.id, a.id, c.id, true], [cd, c.id, c.id, d.id, false], [bd, d.id, b.id, d.id, true],
    ];
    const tokens = new Map<string, string[]>();
    for (const m of await mailsOf(orgId)) tokens.set(m.toEmail, [...(tokens.get(m.toEmail) ?? []), tokenIn(m.sealedBody!)!]);
    for (const [introId, by, , , signed] of given) {
      // The firm's link for this introduction: the one whose page names the partner of this introduction.
      const partner = (await followUps(admin, introId)).find((f) => f.firm.id === by)!.partner.name;
      let answeredOne = false;
      for (const token of tokens.get(emailOf.get(by)!)!) {
        const view = await visitor().get(`/api/v1/follow-ups/respond/${token}`);
        if (view.statusCode !== 200 || view.json().consultation.title !== `Your introduction to ${partner}`) continue;
        const res = await respond(token, signed ? { signed: 'yes', deal_type: 'buyer', deal_value: 1000, jobs_created: 1 } : { signed: 'no' });
        expect(res.statusCode, res.body).toBe(200);
        answeredOne = true;
        break;
      }
      expect(answeredOne).toBe(true);
    }

    // Independently: the unordered pairs with a "signed" answer or a deal recorded by staff.
    const pairKey = (x: string, y: string) => [x, y].sort().join(':');
    const pairs = new Set([...given.filter((g) => g[4]).map((g) => pairKey(g[2], g[3])), pairKey(b.id, d.id)]);
    expect(pairs.size).toBe(3);
    const scope = { orgId, role: 'admin' as const, actor: { userId: null, name: 'Test' }, locale: 'en' };
    const year = new Date().getUTCFullYear();
    const deals = await withTenant(t.database.db, scope, (ctx) => dealsBetween(ctx, `${year}-01-01`, `${year}-12-31`));
    expect(deals).toHaveLength(pairs.size);
    expect(new Set(deals.map((x) => pairKey(x.firmA, x.firmB)))).toEqual(pairs);

    // The results module reads the same count.
    const framework = (await admin.post('/api/v1/results/frameworks', { name: 'Linkages', donor: 'Donor X' })).json();
    expect((await admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, { library: 'networking.deals', name: 'Deals', level: 'outcome', kind: 'count', dimensions: [] })).statusCode).toBe(201);
    const period = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: String(year), startsOn: `${year}-01-01`, endsOn: `${year}-12-31` })).json();
    expect((await admin.get(`/api/v1/results/periods/${period.id}`)).json().results.map((r: { total: { n: number } }) => r.total.n)).toEqual([pairs.size]);
    const before = (await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: String(year - 1), startsOn: `${year - 1}-01-01`, endsOn: `${year - 1}-12-31` })).json();
    expect((await admin.get(`/api/v1/results/periods/${before.id}`)).json().results.map((r: { total: { n: number } }) => r.total.n)).toEqual([0]);
  });
});
