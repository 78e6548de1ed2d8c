import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA, type Application, type CallDetail } from '../../../contracts/led-calls.js';
import type { LedRegionDetail } from '../../../contracts/led.js';
import { hashSecret } from '../../platform/auth/tokens.js';
import { clock } from '../../platform/clock.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { Client, useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg, createPerson } from '../../test/factories.js';
import { ledApplications, ledCalls } from './call-tables.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-NP'] };

/** A day `n` days from today (UTC; the test organisations keep Accra's time, UTC all year). */
const day = (n: number) => new Date(clock.ms() + n * 86_400_000).toISOString().slice(0, 10);
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const none = { total: 0, female: 0, male: 0, youth: 0, adult: 0 };

async function world() {
  const org = await createOrg(t.app, ghana);
  const { admin } = org;
  const accra = (await admin.post('/api/v1/led/regions', { name: 'Accra', region: 'GH-AA' })).json() as LedRegionDetail;
  const tamale = (await admin.post('/api/v1/led/regions', { name: 'Tamale', region: 'GH-NP' })).json() as LedRegionDetail;
  const cold = (await admin.post(`/api/v1/led/regions/${accra.id}/bottlenecks`, { title: 'No cold storage for fish' })).json().bottleneckList[0].id as string;
  const rice = (await admin.post(`/api/v1/led/regions/${tamale.id}/bottlenecks`, { title: 'Rice mills idle' })).json().bottleneckList[0].id as string;
  return { ...org, accra, tamale, cold, rice };
}

async function openCall(admin: Client, regionIds: string[], over: Record<string, unknown> = {}) {
  const created = await admin.post('/api/v1/led/calls', { title: 'LED fund 2027', budget: 5_000_000, deadlineOn: day(10), regionIds, ...over });
  expect(created.statusCode, created.body).toBe(201);
  const call = created.json() as CallDetail;
  expect((await admin.post(`/api/v1/led/calls/${call.id}/status`, { status: 'open' })).statusCode).toBe(200);
  return call;
}

const application = (regionId: string, bottleneckId: string, over: Record<string, unknown> = {}) => ({
  regionId, title: 'Solar cold room', leadName: 'Fishmongers of Jamestown', leadSector: 'semi_public', leadEmail: 'lead@fish.example',
  partners: [{ name: 'Accra Metropolitan Assembly', sector: 'public' }, { name: 'Cold Chain Ltd', sector: 'private' }],
  bottleneckIds: [bottleneckId], activities: 'Build and run a cold room.',
  budgetLines: [
    { label: 'Cold room', requested: 1_200_000, cofundingCash: 300_000, cofundingInKind: 0 },
    { label: 'Training', requested: 150_050, cofundingCash: 0, cofundingInKind: 80_000 },
  ],
  expectedResults: { trained: { total: 40, female: 25, male: 15, youth: 30, adult: 10 }, jobs: { total: 6, female: 4, male: 2, youth: 3, adult: 3 }, higherIncome: none },
  ...over,
});

describe('LED calls for measures', () => {
  it('creates a call with the default criteria, edits weights while open, lists and filters calls', async () => {
    const { admin, orgId, accra, tamale } = await world();
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    expect((await admin.post('/api/v1/led/calls', { title: 'No region', budget: 1, deadlineOn: day(5), regionIds: [] })).json().errors[0]).toMatchObject({ path: 'regionIds', code: 'led.call_needs_region' });
    const call = await openCall(admin, [accra.id, tamale.id]);
    expect(call.criteria.map((c) => [c.key, c.weight])).toEqual(DEFAULT_CRITERIA.map((k) => [k, 10]));
    expect(call.regions.map((r) => r.name)).toEqual(['Accra', 'Tamale']);
    expect(call.publicPath).toBe(`/led-calls/${orgId}/${call.id}`);
    // Weights change, a criterion is added, one removed; ids of those kept stay.
    const criteria = call.criteria.filter((c) => c.key !== 'sustainability').map((c) => ({ key: c.key, label: c.label, weight: c.key === 'women_youth' ? 30 : c.weight }));
    const missingLabel = await admin.put(`/api/v1/led/calls/${call.id}/criteria`, { criteria: [...criteria, { weight: 5 }] });
    expect(missingLabel.json().errors[0]).toMatchObject({ path: `criteria.${criteria.length}.label`, code: 'led.criterion_needs_label' });
    const edited = (await admin.put(`/api/v1/led/calls/${call.id}/criteria`, { criteria: [...criteria, { label: 'Digital tools', weight: 5 }] })).json() as CallDetail;
    expect(edited.criteria.map((c) => [c.key, c.weight])).toEqual([...DEFAULT_CRITERIA.filter((k) => k !== 'sustainability').map((k) => [k, k === 'women_youth' ? 30 : 10]), ['custom_1', 5]]);
    expect(edited.criteria.find((c) => c.key === 'local_focus')!.id).toBe(call.criteria.find((c) => c.key === 'local_focus')!.id);
    expect((await viewer.put(`/api/v1/led/calls/${call.id}/criteria`, { criteria })).statusCode).toBe(403);
    // Closed, it no longer changes.
    expect((await admin.post(`/api/v1/led/calls/${call.id}/status`, { status: 'closed' })).json().status).toBe('closed');
    expect((await admin.put(`/api/v1/led/calls/${call.id}/criteria`, { criteria })).json().code).toBe('led.call_not_editable');

    const draft = (await admin.post('/api/v1/led/calls', { title: 'Tamale rice call', budget: 900_000, deadlineOn: day(20), regionIds: [tamale.id] })).json() as CallDetail;
    expect(draft.status).toBe('draft');
    const list = (await viewer.get('/api/v1/led/calls?limit=1')).json();
    expect(list.items.map((c: { title: string }) => c.title)).toEqual(['Tamale rice call']);
    const next = (await viewer.get(`/api/v1/led/calls?limit=1&cursor=${list.nextCursor}`)).json();
    expect([next.items.map((c: { title: string }) => c.title), next.nextCursor]).toEqual([['LED fund 2027'], null]);
    expect((await viewer.get('/api/v1/led/calls?q=rice')).json().items.map((c: { title: string }) => c.title)).toEqual(['Tamale rice call']);
    expect((await viewer.get('/api/v1/led/calls?status=closed')).json().items.map((c: { title: string }) => c.title)).toEqual(['LED fund 2027']);
    // Every write is in the audit log, naming the call.
    const audit = (await admin.get(`/api/v1/audit?entityType=led_call&entityId=${call.id}`)).json();
    expect(audit.items.map((e: { action: string; entityName: string }) => [e.action, e.entityName]).reverse()).toEqual([
      ['led_call.create', 'LED fund 2027'], ['led_call.open', 'LED fund 2027'], ['led_call.criteria', 'LED fund 2027'], ['led_call.close', 'LED fund 2027'],
    ]);
  });

  it('takes applications from staff, with budget totals and result breakdowns that add up', async () => {
    const { admin, accra, tamale, cold, rice } = await world();
    const call = await openCall(admin, [accra.id]);
    const url = `/api/v1/led/calls/${call.id}/applications`;
    const firm = await createMemberFirm(admin, { legalName: 'Cold Chain Ltd' });

    // Breakdowns that do not add up are refused on the field, whatever the status.
    const bad = await admin.post(url, application(accra.id, cold, { expectedResults: { trained: { total: 40, female: 20, male: 15, youth: 30, adult: 10 }, jobs: { total: 6, female: 4, male: 2, youth: 3, adult: 2 } } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['expectedResults.trained.female', 'led.sex_breakdown_sum'], ['expectedResults.jobs.youth', 'led.age_breakdown_sum'],
    ]);
    // A region or bottleneck outside the call.
    const outside = await admin.post(url, application(tamale.id, rice));
    expect(outside.json().errors.map((e: { code: string }) => e.code)).toEqual(['led.region_not_in_call', 'led.bottleneck_not_in_call']);
    // A draft may lack what a submission needs; submitting it may not.
    const draft = await admin.post(url, application(accra.id, cold, { title: '', activities: '', bottleneckIds: [], budgetLines: [] }));
    expect([draft.statusCode, draft.json().status]).toEqual([201, 'draft']);
    const incomplete = await admin.put(`${url}/${draft.json().id}`, application(accra.id, cold, { title: '', activities: '', bottleneckIds: [], budgetLines: [], submit: true }));
    expect(incomplete.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['title', 'led.application_field_required'], ['bottleneckIds', 'led.application_needs_bottleneck'], ['activities', 'led.application_field_required'], ['budgetLines', 'led.application_needs_budget'],
    ]);
    const greedy = await admin.put(`${url}/${draft.json().id}`, application(accra.id, cold, { budgetLines: [{ label: 'Everything', requested: 5_000_001 }], submit: true }));
    expect(greedy.json().errors).toEqual([expect.objectContaining({ path: 'budgetLines', code: 'led.requested_over_budget' })]);

    const input = application(accra.id, cold, { leadMemberId: firm.id, partners: [{ name: 'Accra Metropolitan Assembly', sector: 'public' }, { name: 'Cold Chain Ltd', sector: 'private', memberId: firm.id }], submit: true });
    const submitted = await admin.put(`${url}/${draft.json().id}`, input);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const app = submitted.json() as Application;
    // Totals against an independent sum of the lines typed above.
    expect([app.requestedTotal, app.cofundingTotal]).toEqual([1_200_000 + 150_050, 300_000 + 0 + 0 + 80_000]);
    expect([app.status, app.enteredBy, app.memberIds, app.submittedAt !== null]).toEqual(['submitted', 'staff', [firm.id], true]);
    // A member firm of another organisation is refused.
    const other = await createOrg(t.app, ghana);
    const foreign = await createMemberFirm(other.admin);
    const notOurs = await admin.post(url, application(accra.id, cold, { leadMemberId: foreign.id }));
    expect(notOurs.json().errors).toEqual([expect.objectContaining({ path: 'leadMemberId', code: 'led.member_not_found' })]);

    const list = (await admin.get(`${url}?sort=-requested`)).json();
    expect(list.items.map((a: Application) => [a.requestedTotal, a.status])).toEqual([[1_350_050, 'submitted']]);
    expect((await admin.get(`/api/v1/led/calls/${call.id}`)).json()).toMatchObject({ applications: 1, submitted: 1 });
    // Withdrawn: kept, out of the count, no longer written.
    expect((await admin.post(`${url}/${app.id}/withdraw`)).json().status).toBe('withdrawn');
    expect((await admin.put(`${url}/${app.id}`, input)).json().code).toBe('led.application_withdrawn');
    expect((await admin.get(`/api/v1/led/calls/${call.id}`)).json()).toMatchObject({ applications: 0, submitted: 0 });
    const audit = (await admin.get(`/api/v1/audit?entityType=led_application&entityId=${app.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action).reverse()).toEqual(['led_application.create', 'led_application.submit', 'led_application.withdraw']);
  });

  it('refuses applications once the deadline has passed, and a region with applications cannot leave the call', async () => {
    const { admin, accra, tamale, cold } = await world();
    const call = await openCall(admin, [accra.id, tamale.id]);
    const url = `/api/v1/led/calls/${call.id}/applications`;
    const draft = (await admin.post(url, application(accra.id, cold))).json() as Application;
    const shrink = await admin.put(`/api/v1/led/calls/${call.id}`, { title: call.title, budget: call.budget, deadlineOn: call.deadlineOn, regionIds: [tamale.id] });
    expect(shrink.json().errors).toEqual([expect.objectContaining({ path: 'regionIds', code: 'led.call_region_has_applications' })]);
    const past = await admin.put(`/api/v1/led/calls/${call.id}`, { title: call.title, budget: call.budget, deadlineOn: day(-1), regionIds: [accra.id, tamale.id] });
    expect(past.json().errors).toEqual([expect.objectContaining({ path: 'deadlineOn', code: 'led.call_deadline_past' })]);
    // Time passes: yesterday was the deadline.
    await withSystem(t.database.db, (tx) => tx.update(ledCalls).set({ deadlineOn: day(-1) }).where(eq(ledCalls.id, call.id)));
    const late = await admin.put(`${url}/${draft.id}`, application(accra.id, cold, { submit: true }));
    expect([late.statusCode, late.json().code]).toEqual([409, 'led.call_deadline_passed']);
    expect((await admin.post(url, application(accra.id, cold))).json().code).toBe('led.call_deadline_passed');
    expect((await admin.get(`${url}/${draft.id}`)).json().status).toBe('draft');
    // Nor can the call be opened again with its deadline behind it.
    await admin.post(`/api/v1/led/calls/${call.id}/status`, { status: 'closed' });
    expect((await admin.post(`/api/v1/led/calls/${call.id}/status`, { status: 'open' })).json().code).toBe('led.call_deadline_passed');
  });

  it('lets a partner apply on the public link: mailed resume link (its hash only stored), drafts kept, errors shown with nothing lost', async () => {
    const { admin, orgId, accra, cold } = await world();
    const call = await openCall(admin, [accra.id], { description: 'Small measures for Accra.' });
    const anonymous = new Client(t.app);
    const page = await anonymous.get(`/led-calls/${orgId}/${call.id}`);
    expect([page.statusCode, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.body).toContain('LED fund 2027');
    expect(page.body).toContain('Local focus');
    expect(page.body).not.toContain('<script');
    // A draft call is not public.
    const hidden = (await admin.post('/api/v1/led/calls', { title: 'Hidden', budget: 1, deadlineOn: day(5), regionIds: [accra.id] })).json();
    expect((await anonymous.get(`/led-calls/${orgId}/${hidden.id}`)).statusCode).toBe(404);

    const noEmail = await anonymous.request({ method: 'POST', url: `/led-calls/${orgId}/${call.id}`, payload: 'email=not-an-address', headers: form });
    expect([noEmail.statusCode, noEmail.body.includes('value="not-an-address"')]).toEqual([400, true]);
    const started = await anonymous.request({ method: 'POST', url: `/led-calls/${orgId}/${call.id}`, payload: 'email=Lead%40Fish.example', headers: form });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.body).toContain('lead@fish.example');
    const mails = (await admin.get('/api/v1/mail/outbox?limit=200')).json().items.filter((m: { kind: string }) => m.kind === 'led_call_resume') as Array<{ toEmail: string; body: string }>;
    expect(mails.map((m) => m.toEmail)).toEqual(['lead@fish.example']);
    const link = new RegExp(`/led-calls/${orgId}/${call.id}/(c-[\\w-]+)`).exec(mails[0]!.body)!;
    const token = link[1]!;
    // Only the token's SHA-256 is kept, and the link lasts until the deadline day ends.
    const [stored] = await withSystem(t.database.db, (tx) => tx.select().from(ledApplications).where(eq(ledApplications.callId, call.id)));
    expect(stored!.resumeTokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored!.resumeExpiresAt!.toISOString()).toBe(`${day(11)}T00:00:00.000Z`);

    const formUrl = `/led-calls/${orgId}/${call.id}/${token}`;
    const opened = await anonymous.get(formUrl);
    expect([opened.statusCode, opened.body.includes('No cold storage for fish')]).toEqual([200, true]);
    expect((await anonymous.get(`/led-calls/${orgId}/${call.id}/c-not-a-real-link-at-all`)).statusCode).toBe(404);

    // A draft with breakdowns that do not add up: refused, shown again with everything typed.
    const typed = new URLSearchParams({
      title: 'Solar cold room', regionId: accra.id, leadName: 'Fishmongers of Jamestown', leadSector: 'semi_public', bottleneckIds: cold,
      partner_name_0: 'Cold Chain Ltd', partner_sector_0: 'private', activities: 'Build a cold room.',
      line_label_0: 'Cold room', line_requested_0: '12000', line_cash_0: '3 000,50', line_kind_0: '',
      trained_total: '40', trained_female: '20', trained_male: '15', trained_youth: '30', trained_adult: '10', action: 'save',
    });
    const refused = await anonymous.request({ method: 'POST', url: formUrl, payload: typed.toString(), headers: form });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Women and men must add up to the total.');
    for (const kept of ['value="Solar cold room"', 'value="Cold Chain Ltd"', 'Build a cold room.', 'value="3 000,50"', 'name="trained_female" id="trained_female" value="20"']) expect(refused.body).toContain(kept);
    expect((await admin.get(`/api/v1/led/calls/${call.id}/applications/${stored!.id}`)).json().title).toBe('');

    typed.set('trained_female', '25');
    const saved = await anonymous.request({ method: 'POST', url: formUrl, payload: typed.toString(), headers: form });
    expect(saved.statusCode, saved.body.slice(0, 2000)).toBe(200);
    const draft = (await admin.get(`/api/v1/led/calls/${call.id}/applications/${stored!.id}`)).json() as Application;
    expect(draft).toMatchObject({ status: 'draft', enteredBy: 'partner', title: 'Solar cold room', leadEmail: 'lead@fish.example', bottleneckIds: [cold], partners: [{ name: 'Cold Chain Ltd', sector: 'private', memberId: null }] });
    // Major units typed, minor units kept: 12000 cedis and 3000.50 cedis.
    expect([draft.requestedTotal, draft.cofundingTotal]).toEqual([1_200_000, 300_050]);
    // Coming back with the link: the draft as it was saved.
    expect((await anonymous.get(formUrl)).body).toContain('value="3000.50"');

    typed.set('action', 'submit');
    const submitted = await anonymous.request({ method: 'POST', url: formUrl, payload: typed.toString(), headers: form });
    expect(submitted.statusCode).toBe(200);
    expect((await admin.get(`/api/v1/led/calls/${call.id}/applications/${stored!.id}`)).json().status).toBe('submitted');

    // After the deadline: a clear message, nothing written.
    await withSystem(t.database.db, (tx) => tx.update(ledCalls).set({ deadlineOn: day(-1) }).where(eq(ledCalls.id, call.id)));
    const closedPage = await anonymous.get(`/led-calls/${orgId}/${call.id}`);
    expect([closedPage.statusCode, closedPage.body.includes('applications are no longer accepted'), closedPage.body.includes('name="email"')]).toEqual([410, true, false]);
    typed.set('title', 'Changed too late');
    const late = await anonymous.request({ method: 'POST', url: formUrl, payload: typed.toString(), headers: form });
    expect(late.statusCode).toBe(410);
    expect((await admin.get(`/api/v1/led/calls/${call.id}/applications/${stored!.id}`)).json().title).toBe('Solar cold room');
  });

  it('keeps calls and applications within their organisation', async () => {
    const a = await world();
    const b = await world();
    const call = await openCall(a.admin, [a.accra.id]);
    const app = (await a.admin.post(`/api/v1/led/calls/${call.id}/applications`, application(a.accra.id, a.cold))).json() as Application;
    expect((await b.admin.get(`/api/v1/led/calls/${call.id}`)).statusCode).toBe(404);
    expect((await b.admin.get(`/api/v1/led/calls/${call.id}/applications/${app.id}`)).statusCode).toBe(404);
    expect((await b.admin.put(`/api/v1/led/calls/${call.id}/applications/${app.id}`, application(a.accra.id, a.cold))).statusCode).toBe(404);
    expect((await b.admin.get('/api/v1/led/calls')).json().items).toEqual([]);
    // B's call cannot cover A's region.
    const stolen = await b.admin.post('/api/v1/led/calls', { title: 'Theirs', budget: 1, deadlineOn: day(3), regionIds: [a.accra.id] });
    expect(stolen.json().errors).toEqual([expect.objectContaining({ path: 'regionIds', code: 'led.region_not_found' })]);
    // A's call under B's organisation on the public side is nobody's.
    expect((await new Client(t.app).get(`/led-calls/${b.orgId}/${call.id}`)).statusCode).toBe(404);
  });
});
