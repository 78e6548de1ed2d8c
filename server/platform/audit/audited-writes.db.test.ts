import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, useTestApp } from '../../test/app.js';
import { watchWrites } from '../../test/audited-writes.js';
import { eq, sql } from 'drizzle-orm';
import { createFirmUser, createMemberFirm, createOrg, createPerson, orgInput, PASSWORD } from '../../test/factories.js';
import { withSystem } from '../db/tenancy.js';
import { tasks } from '../tasks/tables.js';
import { CAPACITY_CATALOGUE } from '../../../contracts/capacity.js';
import { sampleInput } from '../../test/sample-input.js';
import { createPublishedForm, mailedLinks, portClearanceForm, xlsformWorkbook } from '../../test/survey-factories.js';
import { sendFollowUps } from '../../modules/led/follow-up-service.js';
import { sendDueFollowUps } from '../../modules/surveys/follow-up-form-service.js';
import { surveyFollowUps } from '../../modules/surveys/tables.js';
import { mailOutbox } from '../mail/tables.js';
import { ledApplications, ledCallCriteria, ledCalls } from '../../modules/led/call-tables.js';
import { createDonor } from '../../modules/results/donor-service.js';

// Walks the route table: every route that may write (any method but GET) is
// called here until it succeeds, and each success must have written an audit
// entry naming the record (platform/audit/audited-writes.ts makes a success
// without one a 500 in every test; this file makes sure no route escapes by
// never being called). Routes that write nothing of an organisation's say why
// in their `config.unaudited`, and that list is pinned below.

const t = useTestApp();
const writes = watchWrites(t);

/** An answer that must have succeeded: the world below is built on it. */
function must(res: LightMyRequestResponse) {
  if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json();
}

/** Ids of the world built below, by the path segment (or body field) that names them. */
const ids: Record<string, string> = {};
let admin: Client;

const UNAUDITED = [
  'POST /api/v1/auth/login',
  'POST /sign-in',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/switch-org',
  'POST /api/v1/auth/forgot-password',
  'POST /api/v1/members/import/preview',
  'POST /api/v1/members/import/rejected',
  'PUT /api/v1/respond/:token',
  'POST /api/v1/respond/:token/files',
  'POST /api/v1/public/credentials/check',
];

describe('every write is audited', () => {
  beforeAll(async () => {
    writes.start();
    const a = await createOrg(t.app, { name: 'Audited Chamber of Ho' });
    admin = a.admin;
    ids.org = a.orgId;
    ids.adminId = a.adminId;
    ids.branches = must(await admin.post('/api/v1/org/branches', orgInput({ name: 'Audited Branch Keta' }))).id;
    must(await admin.post('/api/v1/auth/switch-org', { orgId: a.orgId }));
    ids.people = (await createPerson(t.app, a.orgId, 'staff', 'Audited Staff Esi')).userId;
    ids.invitations = must(await admin.post('/api/v1/org/invitations', { email: 'audited.invitee@example.test', role: 'staff' })).id;
    ids['api-tokens'] = must(await admin.post('/api/v1/org/api-tokens', { name: 'Audited token', role: 'viewer' })).token.id;
    must(await admin.post('/api/v1/membership/tiers', { name: 'Audited tier', fees: { micro: 100, small: 200, medium: 300, large: 400 } }));
    ids.tiers = ids.tierId = (await admin.get('/api/v1/membership/tiers')).json().items[0].id;
    const firm = await createMemberFirm(admin, { legalName: 'Audited Shea Processors', tierId: ids.tiers, region: 'GH-AA', email: 'audited.firm@audited.example' });
    ids.members = ids.memberId = firm.id;
    must(await admin.post(`/api/v1/members/${firm.id}/status`, { status: 'active' }));
    ids.invoices = (await admin.get(`/api/v1/members/${firm.id}/invoices`)).json().items[0].id;
    ids.contacts = must(await admin.post(`/api/v1/members/${firm.id}/contacts`, { name: 'Audited Contact Mariama', consentToContact: true })).id;
    must(await admin.post(`/api/v1/members/${firm.id}/interactions`, { kind: 'visit', occurredOn: '2026-01-05', summary: 'Audited visit notes' }));
    ids.views = must(await admin.post('/api/v1/members/views', { name: 'Audited view', query: { region: 'GH-AA' } })).id;
    const definition = portClearanceForm();
    definition.title = { en: 'Audited survey form' };
    ids.forms = ids.formId = (await createPublishedForm(admin, definition)).id;
    ids.consultations = must(await admin.post('/api/v1/consultations', { title: 'Audited consultation', formId: ids.forms, identity: 'firm' })).id;
    must(await admin.post(`/api/v1/consultations/${ids.consultations}/open`));
    const [link] = await mailedLinks(admin);
    ids.token = link!.token;
    must(await new Client(t.app).request({ method: 'PUT', url: `/api/v1/respond/${link!.token}`, payload: { answers: { imports: 'no' }, submit: false } }));
    must(await admin.put(`/api/v1/consultations/${ids.consultations}/firms/${firm.id}/response`, { answers: { imports: 'no', comment: 'Audited comment' }, submit: true, channel: 'phone' }));
    ids.responses = (await admin.get(`/api/v1/consultations/${ids.consultations}/text-answers?question=comment`)).json().items[0].responseId;
    ids['member-issues'] = must(await admin.post('/api/v1/member-issues', { title: 'Audited issue about shea levies', description: 'Audited issue description', category: 'tax', memberId: firm.id })).id;
    ids.merge = ids.into = must(await admin.post('/api/v1/member-issues', { title: 'Audited issue to merge', description: 'Audited', category: 'tax', memberId: firm.id })).id;
    ids['advocacy-issues'] = ids.issueId = must(await admin.post('/api/v1/advocacy-issues', { title: 'Audited advocacy on shea export levy', problem: 'Audited advocacy problem', category: 'tax', fromMemberIssueId: ids['member-issues'] })).id;
    ids['cost-activities'] = must(await admin.post(`/api/v1/advocacy-issues/${ids.issueId}/cost-activities`, { name: 'Audited cost activity', minutes: 60, hourlyTariff: 1000, outOfPocket: 0, perYear: 1, firms: { micro: 1, small: 0, medium: 0, large: 0 } })).costs.activities[0].id;
    ids.forums = ids.forumId = must(await admin.post('/api/v1/forums', { name: 'Audited shea round table', kind: 'round_table' })).id;
    ids['forums/members'] = must(await admin.post(`/api/v1/forums/${ids.forums}/members`, { side: 'public', name: 'Audited official Alhassan', email: 'alhassan@audited.example' })).memberList[0].id;
    ids.meetings = ids.meetingId = must(await admin.post(`/api/v1/forums/${ids.forums}/meetings`, { title: 'Audited meeting', startsAt: '2027-01-10T09:00:00Z', endsAt: '2027-01-10T11:00:00Z' })).id;
    must(await admin.post(`/api/v1/meetings/${ids.meetings}/agenda`, { title: 'Audited first item' }));
    ids.agenda = ids.agendaItemId = must(await admin.post(`/api/v1/meetings/${ids.meetings}/agenda`, { title: 'Audited agenda item', issueId: ids.issueId })).agenda[1].id;
    ids.decisions = must(await admin.post(`/api/v1/meetings/${ids.meetings}/decisions`, { text: 'Audited decision text', owner: 'Audited owner', agendaItemId: ids.agenda })).decisions[0].id;
    must(await admin.post(`/api/v1/meetings/${ids.meetings}/decisions`, { text: 'Audited decision on no issue', owner: 'Audited owner' }));
    ids['public-bodies'] = ids.organizationId = must(await admin.post('/api/v1/public-bodies', { name: 'Audited Ministry of Food', classification: 'ministry' })).items[0].id;
    ids.posts = ids.postId = must(await admin.post(`/api/v1/public-bodies/${ids.organizationId}/posts`, { label: 'Audited Deputy Minister' })).items[0].posts[0].id;
    ids['decision-makers'] = ids.stakeholders = ids.targetPersonId = must(await admin.post('/api/v1/decision-makers', { name: 'Audited Hon. Abdulai', email: 'abdulai@audited.example' })).id;
    ids.memberships = must(await admin.post(`/api/v1/decision-makers/${ids.targetPersonId}/memberships`, { organizationId: ids.organizationId, postId: ids.postId })).memberships[0].id;
    must(await admin.put(`/api/v1/advocacy-issues/${ids.issueId}/stakeholders/${ids.targetPersonId}`, { stance: 1, influence: 3, note: 'Audited stance note' }));
    ids.objectives = ids.objectiveId = must(await admin.post(`/api/v1/advocacy-issues/${ids.issueId}/objectives`, { text: 'Audited objective text', targetPersonId: ids.targetPersonId })).objectives[0].id;
    ids.documents = must(await admin.upload(`/api/v1/advocacy-issues/${ids.issueId}/documents`, Buffer.from('Audited document body'), 'audited-levy-study.pdf', { description: 'Audited document description' })).items[0].id;
  }, 120_000);

  it('calls the write routes that need a world of their own', { timeout: 120_000 }, async () => {
    const issue = ids.issueId!;
    const staff = await createPerson(t.app, ids.org!, 'staff', 'Audited Staff Yaw');
    const mail = async (kind: string, to?: string) =>
      (await admin.get('/api/v1/mail/outbox?limit=200')).json().items.find((m: { kind: string; toEmail: string }) => m.kind === kind && (!to || m.toEmail === to));
    // Organisation, people, accounts.
    must(await admin.put('/api/v1/org', orgInput({ name: 'Audited Chamber of Ho and Volta' })));
    const revoked = must(await admin.post('/api/v1/org/invitations', { email: 'audited.revoked@example.test', role: 'viewer' }));
    must(await admin.delete(`/api/v1/org/invitations/${revoked.id}`));
    must(await staff.client.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'another good password' }));
    must(await new Client(t.app).post('/api/v1/auth/forgot-password', { email: staff.email }));
    const reset = /reset-password\/([\w-]+)/.exec((await mail('password_reset')).body)![1]!;
    must(await new Client(t.app).post('/api/v1/auth/reset-password', { token: reset, password: 'a brand new password' }));
    const invitation = /invitation\/([\w-]+)/.exec((await mail('invitation', 'audited.invitee@example.test')).body)![1]!;
    must(await new Client(t.app).post(`/api/v1/invitations/${invitation}/accept`, { name: 'Audited Invitee', password: PASSWORD }));
    const other = await createOrg(t.app, { name: 'Audited Branch Aflao' });
    must(await admin.post('/api/v1/org/invitations', { email: other.adminEmail, role: 'admin' }));
    const asAdmin = /invitation\/([\w-]+)/.exec((await mail('invitation', other.adminEmail)).body)![1]!;
    must(await other.admin.post(`/api/v1/invitations/${asAdmin}/accept`, {}));
    must(await other.admin.post('/api/v1/auth/switch-org', { orgId: ids.org }));
    must(await other.admin.post('/api/v1/org/branches/attach', { orgId: other.orgId }));
    const [task] = await withSystem(t.database.db, (tx) => tx.insert(tasks).values({ orgId: ids.org!, kind: 'members.import_check', permission: 'members.import', startedBy: ids.adminId!, startedByName: 'Test Admin' }).returning());
    must(await admin.post(`/api/v1/tasks/${task!.id}/cancel`));
    await withSystem(t.database.db, (tx) => tx.update(tasks).set({ state: 'cancelled' }).where(eq(tasks.id, task!.id)));
    // Members.
    const member = (await admin.get(`/api/v1/members/${ids.members}`)).json();
    must(await admin.put(`/api/v1/members/${ids.members}`, { legalName: 'Audited Shea Processors Ltd', isicClass: '1079', region: 'GH-AA', employeesFemale: 2, employeesMale: 1, tierId: ids.tiers, email: 'audited.firm@audited.example', version: member.version }));
    must(await admin.put('/api/v1/members/settings', { microMaxEmployees: 5, smallMaxEmployees: 30, mediumMaxEmployees: 100, microMaxTurnover: null, smallMaxTurnover: null, mediumMaxTurnover: null, districts: [] }));
    must(await admin.post('/api/v1/members/import/districts', { districts: [{ region: 'GH-AA', name: 'Audited District' }] }));
    must(await admin.post(`/api/v1/invoices/${ids.invoices}/payments`, { amount: 100, paidOn: '2026-01-10', method: 'cash' }));
    const unpaid = await createMemberFirm(admin, { legalName: 'Audited Unpaid Firm', tierId: ids.tiers });
    must(await admin.post(`/api/v1/members/${unpaid.id}/status`, { status: 'active' }));
    must(await admin.post(`/api/v1/invoices/${(await admin.get(`/api/v1/members/${unpaid.id}/invoices`)).json().items[0].id}/void`));
    const csv = Buffer.from('legal_name,region\nAudited Import Firm,GH-AA\n');
    const check = await admin.upload('/api/v1/members/import/check', csv, 'firms.csv');
    must(check);
    expect((await admin.finished(check)).statusCode).toBe(200);
    const commit = await admin.upload('/api/v1/members/import/commit', csv, 'firms.csv');
    must(commit);
    expect((await admin.finished(commit)).statusCode).toBe(200);
    const owner = await createFirmUser(t.app, admin, ids.org!, ids.members!);
    const own = (await owner.get('/api/v1/portal/firm')).json();
    must(await owner.put('/api/v1/portal/firm', { ...own, products: 'Shea butter' }));
    // The firm's user opens its answer from its home (members.self: not the admin's to call), to a consultation it has not answered.
    const unanswered = must(await admin.post('/api/v1/consultations', { title: 'Audited second consultation', formId: ids.forms, identity: 'firm' })).id;
    must(await admin.post(`/api/v1/consultations/${unanswered}/open`));
    must(await owner.post(`/api/v1/home/member/consultations/${unanswered}/answer-link`));
    const ownerEmail = (await admin.get(`/api/v1/members/${ids.members}/portal-access`)).json().items?.[0]?.email;
    if (ownerEmail) must(await admin.delete(`/api/v1/members/${ids.members}/portal-access/${encodeURIComponent(ownerEmail)}`));
    const spare = must(await admin.post(`/api/v1/members/${ids.members}/contacts`, { name: 'Audited Spare Contact' }));
    must(await admin.delete(`/api/v1/members/${ids.members}/contacts/${spare.id}`));
    // Surveys.
    const definition = portClearanceForm();
    definition.title = { en: 'Audited survey form, revised' };
    must(await admin.put(`/api/v1/forms/${ids.forms}`, { definition }));
    must(await admin.post(`/api/v1/forms/${ids.forms}/publish`));
    must(await admin.upload('/api/v1/forms/import', await xlsformWorkbook({ survey: [['type', 'name', 'label'], ['text', 'q1', 'Question one']] }), 'audited.xlsx'));
    must(await admin.delete(`/api/v1/forms/${(await createPublishedForm(admin)).id}`));
    const draft = must(await admin.post('/api/v1/consultations', { title: 'Audited draft consultation', formId: ids.forms, identity: 'firm' }));
    must(await admin.put(`/api/v1/consultations/${draft.id}`, { title: 'Audited draft consultation, renamed', formId: ids.forms, identity: 'firm' }));
    must(await admin.post(`/api/v1/consultations/${ids.consultations}/remind`));
    must(await admin.put(`/api/v1/consultations/${ids.consultations}/responses/${ids.responses}/tags`, { question: 'comment', tags: ['Audited'] }));
    must(await admin.upload(`/api/v1/consultations/${ids.consultations}/firms/${ids.members}/files`, Buffer.from('%PDF-1.4 audited'), 'scan.pdf'));
    // Member issues.
    must(await admin.put(`/api/v1/member-issues/${ids['member-issues']}`, { title: 'Audited issue about shea levies, edited', description: 'Audited', category: 'tax' }));
    const second = await createMemberFirm(admin, { legalName: 'Audited Second Firm' });
    must(await admin.post(`/api/v1/member-issues/${ids['member-issues']}/firms`, { memberId: second.id, note: 'Audited' }));
    must(await admin.delete(`/api/v1/member-issues/${ids['member-issues']}/firms?memberId=${second.id}`));
    must(await admin.post(`/api/v1/member-issues/${ids.merge}/merge`, { into: ids['member-issues'], note: 'Audited merge' }));
    // Advocacy.
    must(await admin.put(`/api/v1/advocacy-issues/${issue}`, { title: 'Audited advocacy on shea export levy, revised', problem: 'Audited advocacy problem', category: 'tax', severity: 4 }));
    must(await admin.post(`/api/v1/advocacy-issues/${issue}/step`, { step: 'solution_design', note: 'Audited' }));
    must(await admin.post(`/api/v1/advocacy-issues/${issue}/publication`, { published: true }));
    const evidence = must(await admin.post(`/api/v1/advocacy-issues/${issue}/evidence`, { consultationId: ids.consultations, question: 'imports', note: '' }));
    const evidenceId = evidence.evidence.find((e: { kind: string }) => e.kind === 'survey_question').id;
    must(await admin.delete(`/api/v1/advocacy-issues/${issue}/evidence/${evidenceId}`));
    const planned = must(await admin.post(`/api/v1/advocacy-issues/${issue}/actions`, { kind: 'letter', title: 'Audited letter to the minister', dueOn: '2027-02-01' }));
    const actionId = (planned.actions ?? planned.items ?? [planned])[0].id;
    must(await admin.put(`/api/v1/advocacy-issues/${issue}/actions/${actionId}`, { kind: 'letter', title: 'Audited letter to the minister', dueOn: '2027-03-01' }));
    must(await admin.post(`/api/v1/advocacy-issues/${issue}/actions/${actionId}/status`, { status: 'done', note: 'Audited' }));
    const paper = must(await admin.post(`/api/v1/advocacy-issues/${issue}/papers`, { title: 'Audited position paper', problem: 'Audited problem', proposals: 'Audited proposals' }));
    must(await admin.put(`/api/v1/position-papers/${paper.id}`, { title: 'Audited position paper, v2', problem: 'Audited problem', proposals: 'Audited proposals' }));
    must(await admin.post(`/api/v1/position-papers/${paper.id}/submit`));
    must(await admin.post(`/api/v1/position-papers/${paper.id}/review`, { decision: 'approve', note: '' }));
    must(await admin.post(`/api/v1/position-papers/${paper.id}/publication`, { published: true }));
    must(await admin.put(`/api/v1/decision-makers/${ids.targetPersonId}/memberships/${ids.memberships}`, { organizationId: ids.organizationId, postId: ids.postId, role: 'Audited deputy' }));
    must(await admin.delete(`/api/v1/decision-makers/${ids.targetPersonId}/memberships/${ids.memberships}`));
    must(await admin.delete(`/api/v1/public-bodies/${ids.organizationId}/posts/${ids.postId}`));
    must(await admin.delete(`/api/v1/advocacy-issues/${issue}/stakeholders/${ids.targetPersonId}`));
    // Dialogue: a seat given an official's account, a meeting moved, invited, held.
    must(await admin.put(`/api/v1/forums/${ids.forums}/members/${ids['forums/members']}`, { side: 'public', name: 'Audited official Alhassan', email: 'alhassan@audited.example', userId: staff.userId }));
    must(await admin.put(`/api/v1/meetings/${ids.meetings}`, { title: 'Audited meeting, moved', startsAt: '2027-01-11T09:00:00Z', endsAt: '2027-01-11T11:00:00Z' }));
    must(await admin.post(`/api/v1/meetings/${ids.meetings}/agenda/${ids.agenda}/move`, { direction: 'up' }));
    must(await admin.post(`/api/v1/meetings/${ids.meetings}/invitations`));
    must(await admin.put(`/api/v1/meetings/${ids.meetings}/minutes`, { minutes: 'Audited minutes', present: [ids['forums/members']], status: 'held' }));
    // People reached: recorded, a namesake recorded anyway, changed, merged.
    const trainee = must(await admin.post('/api/v1/people-reached', { name: 'Audited Trainee Abena', phone: '024 555 0101' }));
    const namesake = must(await admin.post('/api/v1/people-reached', { name: 'Audited Trainee Abena', confirmedNew: true }));
    must(await admin.put(`/api/v1/people-reached/${trainee.id}`, { name: 'Audited Trainee Abena Owusu', phone: '024 555 0101' }));
    must(await admin.post(`/api/v1/people-reached/${trainee.id}/merge`, { otherId: namesake.id }));
    // Events: made, moved, published, tickets added and one removed, a firm's contact seated and invoiced, the seat given back to the one waiting, ticked at the door.
    const fair = { title: 'Audited shea fair', kind: 'trade_fair', startsAt: '2027-02-01T09:00:00Z', endsAt: '2027-02-01T17:00:00Z', capacity: 1, audience: 'public' };
    const event = must(await admin.post('/api/v1/events', fair));
    must(await admin.put(`/api/v1/events/${event.id}`, { ...fair, title: 'Audited shea fair, moved', startsAt: '2027-02-02T09:00:00Z', endsAt: '2027-02-02T17:00:00Z' }));
    must(await admin.post(`/api/v1/events/${event.id}/state`, { state: 'published' }));
    must(await admin.post(`/api/v1/events/${event.id}/ticket-types`, { name: 'Audited visitor', fee: 500 }));
    const tickets = must(await admin.post(`/api/v1/events/${event.id}/ticket-types`, { name: 'Audited press', fee: 0 })).ticketTypes as Array<{ id: string; name: string }>;
    must(await admin.delete(`/api/v1/events/${event.id}/ticket-types/${tickets.find((x) => x.name === 'Audited press')!.id}`));
    const visitor = tickets.find((x) => x.name === 'Audited visitor')!.id;
    const seated = must(await admin.post(`/api/v1/events/${event.id}/registrations`, { kind: 'member_contact', memberId: ids.members, contactId: ids.contacts, ticketTypeId: visitor }));
    const waiting = must(await admin.post(`/api/v1/events/${event.id}/registrations`, { kind: 'public', name: 'Audited walk-in Kojo', ticketTypeId: visitor }));
    must(await admin.post(`/api/v1/events/${event.id}/registrations/${seated.id}/cancel`));
    must(await admin.post(`/api/v1/events/${event.id}/check-in`, { items: [{ registrationId: waiting.id }] }));
    // Self check-in (events/self-check-in-service.ts): switched on, a participant ticks themselves on the QR's page (HTML: its status is what must hold), switched off.
    const today = new Date().toISOString().slice(0, 10);
    const door = must(await admin.post('/api/v1/events', { title: 'Audited door day', kind: 'workshop', audience: 'public', startsAt: `${today}T00:00:00Z`, endsAt: `${today}T23:59:00Z` }));
    must(await admin.post(`/api/v1/events/${door.id}/state`, { state: 'published' }));
    must(await admin.post(`/api/v1/events/${door.id}/registrations`, { kind: 'public', name: 'Audited walk-in Efua', email: 'efua@audited.example' }));
    const qr = must(await admin.put(`/api/v1/events/${door.id}/self-check-in`, { enabled: true })).url as string;
    const selfTicked = await new Client(t.app).request({ method: 'POST', url: qr.replace(t.config.publicUrl, ''), payload: 'who=efua%40audited.example', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(selfTicked.statusCode, selfTicked.body.slice(0, 300)).toBe(200);
    must(await admin.put(`/api/v1/events/${door.id}/self-check-in`, { enabled: false }));
    // Training: a ToT with its curriculum and a session (an event of the events module); a trainer added, a learner
    // ticked at the door (a participant of the course), certified after a teach-back; the trainer taken off again.
    const totInput = { title: 'Audited ToT', kind: 'tot', completionShare: 100 };
    const tot = must(await admin.post('/api/v1/training/courses', totInput));
    must(await admin.put(`/api/v1/training/courses/${tot.id}`, { ...totInput, title: 'Audited ToT, renamed', hours: 6 }));
    const taught = must(await admin.post(`/api/v1/training/courses/${tot.id}/modules`, { title: 'Audited module' }));
    must(await admin.put(`/api/v1/training/courses/${tot.id}/modules/${taught.modules[0].id}`, { title: 'Audited module, renamed' }));
    const spareModule = must(await admin.post(`/api/v1/training/courses/${tot.id}/modules`, { title: 'Audited spare module' })).modules[1].id;
    must(await admin.delete(`/api/v1/training/courses/${tot.id}/modules/${spareModule}`));
    const totSession = must(await admin.post(`/api/v1/training/courses/${tot.id}/sessions`, { title: 'Audited ToT session', startsAt: '2027-03-01T09:00:00Z', endsAt: '2027-03-01T13:00:00Z', audience: 'public' })).sessionList[0].id;
    must(await admin.post(`/api/v1/events/${totSession}/state`, { state: 'published' }));
    must(await admin.post(`/api/v1/training/courses/${tot.id}/trainers`, { personId: trainee.id }));
    const learner = must(await admin.post(`/api/v1/events/${totSession}/registrations`, { kind: 'public', name: 'Audited learner Yaw', email: 'yaw@audited.example' }));
    must(await admin.post(`/api/v1/events/${totSession}/check-in`, { items: [{ registrationId: learner.id }] }));
    const yaw = (await admin.get(`/api/v1/training/courses/${tot.id}`)).json().participants[0].personId;
    must(await admin.post(`/api/v1/training/courses/${tot.id}/certifications`, { personId: yaw, certifiedOn: '2027-03-01', teachBack: 'Audited teach-back' }));
    // The certified trainer's certificate (a verifiable credential), issued and revoked with a reason.
    const certificate = must(await admin.post(`/api/v1/training/courses/${tot.id}/certificates`, { personId: yaw }));
    must(await admin.post(`/api/v1/training/certificates/${certificate.id}/revoke`, { reason: 'Audited revocation' }));
    // A second certified trainer gets hers with everyone else still eligible (Yaw's revoked one still counts as issued).
    const learner2 = must(await admin.post(`/api/v1/events/${totSession}/registrations`, { kind: 'public', name: 'Audited learner Akua', email: 'akua@audited.example' }));
    must(await admin.post(`/api/v1/events/${totSession}/check-in`, { items: [{ registrationId: learner2.id }] }));
    const akua = (await admin.get(`/api/v1/training/courses/${tot.id}`)).json().participants.find((p: { name: string }) => p.name === 'Audited learner Akua').personId;
    must(await admin.post(`/api/v1/training/courses/${tot.id}/certifications`, { personId: akua, certifiedOn: '2027-03-01', teachBack: 'Audited second teach-back' }));
    const eligible = must(await admin.post(`/api/v1/training/courses/${tot.id}/certificates/eligible`, { validUntil: null }));
    expect(eligible.items.map((c: { personId: string }) => c.personId)).toEqual([akua]);
    must(await admin.delete(`/api/v1/training/courses/${tot.id}/trainers/${trainee.id}`));
    // Evaluations: a scored test chosen as the ToT's pre-test, and a participant's answers to it.
    const quiz = must(await admin.post('/api/v1/forms', { purpose: 'evaluation', definition: {
      title: { en: 'Audited quiz' }, languages: ['en'],
      questions: [{ name: 'points', type: 'integer', label: { en: 'Points' } }, { name: 'score', type: 'calculate', label: { en: 'Score' }, calculation: '${points} * 10' }],
    } })).id;
    must(await admin.post(`/api/v1/forms/${quiz}/publish`));
    must(await admin.put(`/api/v1/training/courses/${tot.id}/evaluation`, { preFormId: quiz, minPostScore: 50 }));
    must(await admin.put(`/api/v1/training/courses/${tot.id}/evaluation/pre/people/${yaw}`, { answers: { points: 4 } }));
    must(await admin.delete(`/api/v1/training/courses/${tot.id}/evaluation/pre/people/${yaw}`));
    must(await admin.put(`/api/v1/training/courses/${tot.id}/evaluation/pre/people/${yaw}`, { answers: { points: 5 } }));
    // A participant's own link handed over (QR code) and answered on it, links mailed to the others, a correction by staff.
    const ownLink = must(await admin.post(`/api/v1/training/courses/${tot.id}/evaluation/pre/people/${trainee.id}/link`, {})).url as string;
    const ownAnswer = await new Client(t.app).put(`/api/v1/training/respond/${/\/r\/(t-[\w-]+)/.exec(ownLink)![1]}`, { answers: { points: 3 } });
    expect(ownAnswer.statusCode, ownAnswer.body).toBe(200);
    must(await admin.post(`/api/v1/training/courses/${tot.id}/evaluation/pre/links`, {}));
    must(await admin.put(`/api/v1/training/courses/${tot.id}/evaluation/pre/people/${yaw}/correction`, { answers: { points: 6 } }));
    // The capacity self-assessment: saved, submitted, reopened, submitted again, and a course planned for a gap.
    const assessment = must(await admin.post('/api/v1/training/capacity/assessments', { year: 2026 }));
    must(await admin.put(`/api/v1/training/capacity/assessments/${assessment.id}`, { answers: CAPACITY_CATALOGUE.map((i, n) => ({ item: i.key, level: n ? 3 : 1, note: n ? '' : 'Audited: no board minutes' })) }));
    must(await admin.post(`/api/v1/training/capacity/assessments/${assessment.id}/submit`));
    must(await admin.post(`/api/v1/training/capacity/assessments/${assessment.id}/reopen`, { reason: 'Audited reopening' }));
    must(await admin.post(`/api/v1/training/capacity/assessments/${assessment.id}/submit`));
    must(await admin.post(`/api/v1/training/capacity/assessments/${assessment.id}/courses`, { item: CAPACITY_CATALOGUE[0].key, course: { title: 'Audited board workshop', kind: 'workshop' } }));
    // LED: a region with its team, a key figure, a matrix of two years, a bottleneck and a measure; each changed and removed.
    const ledInput = { name: 'Audited LED region Volta', region: 'GH-AA' };
    const ledRegion = must(await admin.post('/api/v1/led/regions', ledInput));
    must(await admin.put(`/api/v1/led/regions/${ledRegion.id}`, { ...ledInput, narrative: 'Audited narrative of the region' }));
    must(await admin.post(`/api/v1/led/regions/${ledRegion.id}/publication`, { published: true }));
    const ledTeam = must(await admin.post(`/api/v1/led/regions/${ledRegion.id}/team`, { sector: 'private', memberId: ids.members, contactId: ids.contacts })).team[0].id;
    must(await admin.post(`/api/v1/led/regions/${ledRegion.id}/team`, { sector: 'public', body: 'committee', decisionMakerId: ids.targetPersonId }));
    must(await admin.put(`/api/v1/led/regions/${ledRegion.id}/team/${ledTeam}`, { sector: 'private', memberId: ids.members, contactId: ids.contacts, role: 'Audited LED role' }));
    must(await admin.delete(`/api/v1/led/regions/${ledRegion.id}/team/${ledTeam}`));
    const ledFigure = must(await admin.post(`/api/v1/led/regions/${ledRegion.id}/figures`, { topic: 'population', label: 'Audited population', value: 1000, source: 'Audited census', year: 2021 })).keyFigures[0].id;
    must(await admin.put(`/api/v1/led/regions/${ledRegion.id}/figures/${ledFigure}`, { topic: 'population', label: 'Audited population', value: 1200, source: 'Audited census', year: 2021 }));
    must(await admin.delete(`/api/v1/led/regions/${ledRegion.id}/figures/${ledFigure}`));
    const ledCell = must(await admin.post(`/api/v1/led/regions/${ledRegion.id}/matrix`, { year: 2025, factor: 'finance', finding: 'weakness', rating: -2, evidence: 'Audited evidence' })).items[0].id;
    must(await admin.put(`/api/v1/led/regions/${ledRegion.id}/matrix/${ledCell}`, { year: 2025, factor: 'finance', finding: 'weakness', rating: -1, evidence: 'Audited evidence, revised' }));
    must(await admin.post(`/api/v1/led/regions/${ledRegion.id}/matrix-copy`, { fromYear: 2025, toYear: 2026 }));
    must(await admin.delete(`/api/v1/led/regions/${ledRegion.id}/matrix/${ledCell}`));
    const ledBottleneck = must(await admin.post(`/api/v1/led/regions/${ledRegion.id}/bottlenecks`, { title: 'Audited bottleneck of cold storage' })).bottleneckList[0].id;
    must(await admin.put(`/api/v1/led/regions/${ledRegion.id}/bottlenecks/${ledBottleneck}`, { title: 'Audited bottleneck of cold storage', evidence: 'Audited interviews' }));
    const ledPermits = must(await admin.post(`/api/v1/led/regions/${ledRegion.id}/bottlenecks`, { title: 'Audited bottleneck of three permits', kind: 'regulatory' })).bottleneckList.find((b: { kind: string }) => b.kind === 'regulatory').id;
    must(await admin.post(`/api/v1/led/regions/${ledRegion.id}/bottlenecks/${ledPermits}/advocacy`));
    // An LED interview conducted with a guide, its answer coded to a bottleneck and the code taken back, the interview removed (led/interview-service.ts, coding-service.ts).
    const ledGuide = must(await admin.post('/api/v1/forms', { purpose: 'interview', definition: { title: { en: 'Audited interview guide' }, languages: ['en'], questions: [{ name: 'obstacle', type: 'text', label: { en: 'Obstacle' } }] } })).id;
    must(await admin.post(`/api/v1/forms/${ledGuide}/publish`));
    const ledInterview = must(await admin.post(`/api/v1/led/regions/${ledRegion.id}/interviews`, { formId: ledGuide, interviewee: 'Audited interviewee', sector: 'public', interviewedOn: '2026-03-02' })).id;
    must(await admin.put(`/api/v1/led/interviews/${ledInterview}/answers`, { answers: { obstacle: 'Audited obstacle' }, submissionKey: null }));
    const ledCodes = `/api/v1/led/regions/${ledRegion.id}/bottlenecks/${ledBottleneck}/codes`;
    const ledCode = must(await admin.post(ledCodes, { source: 'interview', interviewId: ledInterview, question: 'obstacle' })).interviews[0].codeId;
    must(await admin.delete(`${ledCodes}/${ledCode}`));
    must(await admin.delete(`/api/v1/led/interviews/${ledInterview}`));
    const ledMeasureInput = { title: 'Audited solar cold room', bottleneckId: ledBottleneck, budget: 1000, startsOn: '2026-03-01', endsOn: '2027-02-28', partners: [{ name: 'Audited fishmongers', sector: 'semi_public' }] };
    const ledMeasure = must(await admin.post(`/api/v1/led/regions/${ledRegion.id}/measures`, ledMeasureInput)).measureList[0].id;
    must(await admin.put(`/api/v1/led/regions/${ledRegion.id}/measures/${ledMeasure}`, { ...ledMeasureInput, status: 'running' }));
    // An LED measure carried out, closed and followed up (led/implementation-service.ts, follow-up-service.ts).
    const ledDone = must(await admin.post(`/api/v1/led/regions/${ledRegion.id}/measures`, { title: 'Audited finished dryer', budget: 500, startsOn: '2024-02-01', endsOn: '2025-01-31', status: 'done', leadEmail: 'audited.lead@example.test' }))
      .measureList.find((m: { title: string }) => m.title === 'Audited finished dryer').id;
    const ledMeasureUrl = `/api/v1/led/measures/${ledDone}`;
    for (const [part, input, list] of [
      ['milestones', { title: 'Audited milestone', dueOn: '2024-06-30' }, 'milestones'], ['budget-lines', { label: 'Audited budget line', source: 'donor', planned: 300 }, 'budgetLines'],
      ['reports', { reportedOn: '2024-05-01', text: 'Audited progress' }, 'reports'],
    ] as const) {
      const partId = must(await admin.post(`${ledMeasureUrl}/${part}`, input))[list][0].id;
      must(await admin.put(`${ledMeasureUrl}/${part}/${partId}`, { ...input, ...(part === 'reports' ? { text: 'Audited progress, revised' } : part === 'milestones' ? { doneOn: '2024-06-20' } : { actual: 280 }) }));
      must(await admin.delete(`${ledMeasureUrl}/${part}/${partId}`));
    }
    // A progress report's photo (led/photo-service.ts): added, removed.
    const ledReport = must(await admin.post(`${ledMeasureUrl}/reports`, { reportedOn: '2024-05-02', text: 'Audited report with a photo' })).reports[0].id;
    const ledPhotoBytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } }).jpeg().toBuffer();
    const ledPhoto = must(await admin.upload(`${ledMeasureUrl}/reports/${ledReport}/photos`, ledPhotoBytes, 'audited.jpg', { caption: 'Audited photo' })).reports[0].photos[0].id;
    must(await admin.delete(`${ledMeasureUrl}/photos/${ledPhoto}`));
    const ledTrainee = must(await admin.post(`${ledMeasureUrl}/people`, { role: 'participant', person: { name: 'Audited LED trainee', phone: '0209990001' } })).people[0].personId;
    must(await admin.delete(`${ledMeasureUrl}/people/${ledTrainee}`));
    must(await admin.put(`${ledMeasureUrl}/closing`, { evaluation: 'Audited closing evaluation' }));
    must(await admin.put(`${ledMeasureUrl}/follow-ups/6`, { stillEffective: true }));
    // Staff mail the 12-month form at once; the daily job then has nothing more to send, and the partner answers that link.
    must(await admin.post(`${ledMeasureUrl}/follow-up-link`));
    await sendFollowUps(t.database, 'http://audited.example');
    const followUpMail = (await admin.get('/api/v1/mail/outbox?limit=200')).json().items.find((m: { kind: string }) => m.kind === 'led_follow_up');
    const followUpToken = /\/led\/follow-up\/(f-[\w-]+)/.exec(followUpMail.body)![1]!;
    const answered = await new Client(t.app).request({ method: 'POST', url: `/led/follow-up/${followUpToken}`, payload: { stillEffective: 'yes', jobsKept: '2' } });
    expect(answered.statusCode, answered.body).toBe(200);
    // LED calls for measures (led/call-service.ts): a call edited, weighted and opened; an application entered by
    // staff, submitted and withdrawn; one started by a partner on the public link and saved there; the call closed.
    const ledCallInput = { title: 'Audited LED call', budget: 10_000, deadlineOn: '2099-12-31', regionIds: [ledRegion.id] };
    const ledCall = must(await admin.post('/api/v1/led/calls', ledCallInput));
    must(await admin.put(`/api/v1/led/calls/${ledCall.id}`, { ...ledCallInput, description: 'Audited call description' }));
    must(await admin.put(`/api/v1/led/calls/${ledCall.id}/criteria`, { criteria: [{ key: 'local_focus', weight: 20 }, { label: 'Audited criterion', weight: 5 }] }));
    must(await admin.post(`/api/v1/led/calls/${ledCall.id}/status`, { status: 'open' }));
    const ledAppInput = { regionId: ledRegion.id, leadName: 'Audited lead partner', leadEmail: 'audited.applicant@example.test' };
    const ledApp = must(await admin.post(`/api/v1/led/calls/${ledCall.id}/applications`, ledAppInput)).id;
    must(await admin.put(`/api/v1/led/calls/${ledCall.id}/applications/${ledApp}`, { ...ledAppInput, title: 'Audited application', activities: 'Audited activities', bottleneckIds: [ledBottleneck], budgetLines: [{ label: 'Audited line', requested: 100 }], submit: true }));
    must(await admin.post(`/api/v1/led/calls/${ledCall.id}/applications/${ledApp}/withdraw`));
    const ledForm = { 'content-type': 'application/x-www-form-urlencoded' };
    // The public pages answer HTML, not JSON: their status is what must hold.
    expect((await new Client(t.app).request({ method: 'POST', url: `/led-calls/${ids.org}/${ledCall.id}`, payload: 'email=audited.partner%40example.test', headers: ledForm })).statusCode).toBe(200);
    const resumeMail = (await admin.get('/api/v1/mail/outbox?limit=200')).json().items.find((m: { kind: string }) => m.kind === 'led_call_resume');
    const resumeToken = /\/led-calls\/[\w-]+\/[\w-]+\/(c-[\w-]+)/.exec(resumeMail.body)![1]!;
    const resumed = await new Client(t.app).request({ method: 'POST', url: `/led-calls/${ids.org}/${ledCall.id}/${resumeToken}`, payload: `regionId=${ledRegion.id}&leadName=Audited+partner&action=save`, headers: ledForm });
    expect(resumed.statusCode, resumed.body.slice(0, 500)).toBe(200);
    must(await admin.post(`/api/v1/led/calls/${ledCall.id}/status`, { status: 'closed' }));
    // LED rating and selection (led/rating-service.ts) on a closed call and its submitted applications, as 17.5 keeps them.
    const noResults = { total: 0, female: 0, male: 0, youth: 0, adult: 0 };
    const rating = await withSystem(t.database.db, async (tx) => {
      const [call] = await tx.insert(ledCalls).values({ orgId: ids.org!, title: 'Audited call for measures', budget: 1000, deadlineOn: '2026-03-31', status: 'closed' }).returning();
      const [criterion] = await tx.insert(ledCallCriteria).values({ orgId: ids.org!, callId: call!.id, key: 'local_focus', weight: 10, position: 0 }).returning();
      const apps = await tx.insert(ledApplications).values(['one', 'two'].map((n) => ({
        orgId: ids.org!, callId: call!.id, regionId: ledRegion.id, title: `Audited application ${n}`, leadName: 'Audited lead', leadSector: 'private', leadEmail: `audited.${n}@example.test`,
        requestedTotal: 400, expectedResults: { trained: noResults, jobs: noResults, higherIncome: noResults }, status: 'submitted', submittedAt: new Date('2026-03-01T00:00:00Z'), enteredBy: 'staff',
      }))).returning();
      return { url: `/api/v1/led/calls/${call!.id}`, criterionId: criterion!.id, first: apps[0]!.id, second: apps[1]!.id };
    });
    must(await admin.post(`${rating.url}/reviewers`, { userId: ids.adminId }));
    must(await admin.post(`${rating.url}/reviewers`, { userId: ids.people }));
    must(await admin.delete(`${rating.url}/reviewers/${ids.people}`));
    must(await admin.post(`${rating.url}/scores`, { applicationId: rating.first, criterionId: rating.criterionId, score: 4, comment: 'Audited score' }));
    must(await admin.post(`${rating.url}/conflicts`, { applicationId: rating.second, note: 'Audited conflict' }));
    const ratingRun = must(await admin.post(`${rating.url}/selections`, { normalised: true }));
    must(await admin.post(`${rating.url}/selections/${ratingRun.id}/measures`, { applicationId: rating.first }));
    // The LED map's boundary file (led/boundary-service.ts): uploaded, its naming property chosen, removed.
    const ledSquare = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 5], [x + 1, 5], [x + 1, 6], [x, 6], [x, 5]]] });
    const ledGeojson = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { NAME: 'Audited Volta', ISO: 'GH-AA' }, geometry: ledSquare(0) }] });
    must(await admin.put('/api/v1/led/boundaries', { fileName: 'audited.geojson', geojson: ledGeojson }));
    must(await admin.put('/api/v1/led/boundaries/property', { property: 'NAME' }));
    must(await admin.delete('/api/v1/led/boundaries'));
    must(await admin.delete(`/api/v1/led/regions/${ledRegion.id}/measures/${ledMeasure}`));
    must(await admin.delete(`/api/v1/led/regions/${ledRegion.id}/bottlenecks/${ledBottleneck}`));
    must(await admin.delete(`/api/v1/led/regions/${ledRegion.id}`));
    // B2B: matchmaking opened and changed on a B2B day, a profile, requests asked, one declined, one accepted and
    // scheduled, then called off (agendas issued again).
    const b2bDay = must(await admin.post('/api/v1/events', { title: 'Audited B2B day', kind: 'b2b_day', startsAt: '2027-02-03T09:00:00Z', endsAt: '2027-02-03T17:00:00Z', audience: 'public' }));
    must(await admin.post(`/api/v1/events/${b2bDay.id}/state`, { state: 'published' }));
    const [b2bSeller, b2bBuyer, b2bOther] = await Promise.all(['Audited seller Ama', 'Audited buyer Kofi', 'Audited buyer Esi'].map(async (name) => must(await admin.post(`/api/v1/events/${b2bDay.id}/registrations`, { kind: 'public', name, email: `${name.split(' ')[2]!.toLowerCase()}@audited.example` })).id as string));
    const b2bSlots = { firstSlotAt: '2027-02-03T10:00:00Z', slotMinutes: 20, slotCount: 4, tableCount: 2, requestDeadline: '2027-02-02T00:00:00Z' };
    must(await admin.put(`/api/v1/b2b/events/${b2bDay.id}/settings`, b2bSlots));
    must(await admin.put(`/api/v1/b2b/events/${b2bDay.id}/settings`, { ...b2bSlots, tableCount: 3 }));
    const b2bAt = (who: string) => `/api/v1/b2b/events/${b2bDay.id}/participants/${who}`;
    must(await admin.put(`${b2bAt(b2bSeller!)}/profile`, { offer: 'Audited shea butter', seek: 'Audited buyers' }));
    const meeting = must(await admin.post(`${b2bAt(b2bSeller!)}/requests`, { toRegistrationId: b2bBuyer })).outgoing[0].id;
    const refused = must(await admin.post(`${b2bAt(b2bSeller!)}/requests`, { toRegistrationId: b2bOther })).outgoing[0].id;
    must(await admin.post(`${b2bAt(b2bOther!)}/requests/${refused}/answer`, { accept: false }));
    must(await admin.post(`${b2bAt(b2bBuyer!)}/requests/${meeting}/answer`, { accept: true }));
    must(await admin.post(`/api/v1/b2b/events/${b2bDay.id}/schedule`));
    must(await admin.post(`${b2bAt(b2bBuyer!)}/requests/${meeting}/cancel`));
    // Networking: profiles by staff and by the firm, offers reviewed (returned, published, renewed, withdrawn),
    // interest of another firm, an introduction moved on, the settings changed.
    const nwBuyer = await createMemberFirm(admin, { legalName: 'Audited Cocoa Buyers', isicClass: '1073', region: 'GH-AA' });
    const nwOwner = await createFirmUser(t.app, admin, ids.org!, nwBuyer.id);
    const nwProfile = { optedIn: true, summary: 'Audited shea butter', offerings: [{ name: 'Audited shea butter', kind: 'product', hsCode: '151590' }], publicFields: ['summary'] };
    must(await admin.put(`/api/v1/networking/profiles/${ids.members}`, nwProfile));
    must(await nwOwner.put('/api/v1/networking/my/profile', { ...nwProfile, summary: 'Audited cocoa buyer' }));
    const nwOfferInput = { kind: 'supplier', side: 'offer', title: 'Audited shea offer', hsCodes: ['1515'] };
    const nwOffer = must(await admin.post('/api/v1/networking/offers', { ...nwOfferInput, memberId: ids.members })).id;
    must(await admin.put(`/api/v1/networking/offers/${nwOffer}`, { ...nwOfferInput, offered: 'Audited 2 t a month' }));
    must(await admin.post(`/api/v1/networking/offers/${nwOffer}/submit`));
    must(await admin.post(`/api/v1/networking/offers/${nwOffer}/return`, { reason: 'Audited reason' }));
    must(await admin.post(`/api/v1/networking/offers/${nwOffer}/submit`));
    must(await admin.post(`/api/v1/networking/offers/${nwOffer}/approve`));
    must(await admin.post(`/api/v1/networking/offers/${nwOffer}/renew`));
    const nwInterest = must(await nwOwner.post(`/api/v1/networking/my/market/${nwOffer}/interest`, { message: 'Audited interest' })).items[0].id;
    const nwIntro = must(await admin.post('/api/v1/networking/introductions', { firmA: ids.members, firmB: nwBuyer.id, offerId: nwOffer, interestId: nwInterest }));
    must(await admin.post(`/api/v1/networking/introductions/${nwIntro.id}/state`, { state: 'accepted' }));
    // They met: the deal follow-ups planned, the first made due and mailed, answered on the firm's own link.
    must(await admin.post(`/api/v1/networking/introductions/${nwIntro.id}/state`, { state: 'met' }));
    await withSystem(t.database.db, (tx) => tx.update(surveyFollowUps).set({ dueOn: sql`current_date` }).where(eq(surveyFollowUps.orgId, ids.org!)));
    await sendDueFollowUps(t.database, 'https://roundtable.example');
    const dealMail = (await withSystem(t.database.db, (tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.kind, 'follow_up_form'))))
      .find((m) => m.orgId === ids.org && m.toEmail === 'audited.firm@audited.example')!;
    const dealToken = /\/r\/(fu-[\w-]+)/.exec(dealMail.sealedBody!)![1]!;
    must(await new Client(t.app).put(`/api/v1/follow-ups/respond/${dealToken}`, { answers: { signed: 'yes', deal_type: 'supplier', deal_value: 1000, jobs_created: 1 }, submissionKey: null }));
    must(await admin.post(`/api/v1/networking/offers/${nwOffer}/withdraw`));
    const nwRequest = must(await nwOwner.post('/api/v1/networking/my/offers', { kind: 'supplier', side: 'request', title: 'Audited cocoa request' })).id;
    must(await nwOwner.put(`/api/v1/networking/my/offers/${nwRequest}`, { kind: 'supplier', side: 'request', title: 'Audited cocoa request', hsCodes: ['1801'] }));
    must(await nwOwner.post(`/api/v1/networking/my/offers/${nwRequest}/submit`));
    must(await admin.post(`/api/v1/networking/offers/${nwRequest}/approve`));
    must(await nwOwner.post(`/api/v1/networking/my/offers/${nwRequest}/renew`));
    must(await nwOwner.post(`/api/v1/networking/my/offers/${nwRequest}/withdraw`));
    const nwSettings = must(await admin.get('/api/v1/networking/settings'));
    must(await admin.put('/api/v1/networking/settings', { ...nwSettings, expiryMonths: 6 }));
    // Events shared with the federation (events/federation-service.ts): switched on.
    must(await admin.put('/api/v1/events/federation/sharing', { shareWithFederation: true }));
    // The showcase of local products (networking/showcase-service.ts): the scale, a staff product rated, photographed, published and
    // taken off; a firm's own proposed, returned, corrected and submitted again; one deleted.
    must(await admin.put('/api/v1/networking/quality-scale', { name: 'Audited OVOP stars', levels: ['One', 'Two', 'Three'] }));
    const nwProduct = must(await admin.post('/api/v1/networking/products', { memberId: ids.members, name: 'Audited shea soap', originPlace: 'Audited village' })).id;
    must(await admin.put(`/api/v1/networking/products/${nwProduct}`, { name: 'Audited shea soap', description: 'Audited black soap' }));
    must(await admin.put(`/api/v1/networking/products/${nwProduct}/rating`, { rating: 2 }));
    const nwPhotoBytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#806040' } }).jpeg().toBuffer();
    const nwPhoto = must(await admin.upload(`/api/v1/networking/products/${nwProduct}/photos`, nwPhotoBytes, 'audited.jpg', { caption: 'Audited soap' })).photos[0].id;
    must(await admin.delete(`/api/v1/networking/products/${nwProduct}/photos/${nwPhoto}`));
    must(await admin.post(`/api/v1/networking/products/${nwProduct}/publish`));
    must(await admin.post(`/api/v1/networking/products/${nwProduct}/unpublish`));
    const nwOwn = must(await nwOwner.post('/api/v1/networking/my/products', { name: 'Audited cocoa nibs' })).id;
    must(await nwOwner.put(`/api/v1/networking/my/products/${nwOwn}`, { name: 'Audited cocoa nibs', originPlace: 'Audited town' }));
    const nwOwnPhoto = must(await nwOwner.upload(`/api/v1/networking/my/products/${nwOwn}/photos`, nwPhotoBytes, 'audited-own.jpg')).photos[0].id;
    must(await nwOwner.delete(`/api/v1/networking/my/products/${nwOwn}/photos/${nwOwnPhoto}`));
    must(await nwOwner.post(`/api/v1/networking/my/products/${nwOwn}/submit`));
    must(await admin.post(`/api/v1/networking/products/${nwOwn}/return`, { reason: 'Audited reason' }));
    must(await admin.delete(`/api/v1/networking/products/${nwOwn}`));
    // The information service (networking/info-entry-service.ts, enquiry-service.ts): an entry kept and published,
    // a firm's subscription, an enquiry answered and made an entry.
    const nwEntryInput = { type: 'finance', title: 'Audited guarantee scheme', source: 'Audited bank', reviewOn: '2099-01-01' };
    const nwEntry = must(await admin.post('/api/v1/networking/info/entries', nwEntryInput)).id;
    must(await admin.put(`/api/v1/networking/info/entries/${nwEntry}`, { ...nwEntryInput, body: 'Audited terms' }));
    must(await admin.post(`/api/v1/networking/info/entries/${nwEntry}/state`, { state: 'published' }));
    must(await nwOwner.put('/api/v1/networking/my/info/subscription', { active: true, hsCodes: ['1801'] }));
    const nwEnquiry = must(await nwOwner.post('/api/v1/networking/my/info/enquiries', { subject: 'Audited question', question: 'Audited: which permits?' })).id;
    must(await admin.post(`/api/v1/networking/info/enquiries/${nwEnquiry}/answer`, { answer: 'Audited answer' }));
    must(await admin.post(`/api/v1/networking/info/enquiries/${nwEnquiry}/entry`, { type: 'regulation', source: 'Audited staff', reviewOn: '2099-01-01' }));
    // Results: a framework drafted, its period reported and approved.
    const framework = must(await admin.post('/api/v1/results/frameworks', { name: 'Audited SME programme', donor: 'Audited donor' }));
    must(await admin.put(`/api/v1/results/frameworks/${framework.id}`, { name: 'Audited SME programme, phase 2', donor: 'Audited donor', iatiOrgRef: 'GH-RGD-CS1234', iatiActivityId: 'GH-RGD-CS1234-AUDIT', iatiOrgType: '22' }));
    const withIndicators = must(await admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, { library: 'members.new', name: 'Audited new members', level: 'output', kind: 'unique_firms' }));
    const indicator = withIndicators.indicators[0].id;
    must(await admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, { library: null, name: 'Audited spare', level: 'output', kind: 'count' }));
    const spareIndicator = (await admin.get(`/api/v1/results/frameworks/${framework.id}`)).json().indicators[1].id;
    must(await admin.put(`/api/v1/results/frameworks/${framework.id}/indicators/${spareIndicator}`, { library: null, name: 'Audited trainings held', level: 'activity', kind: 'count' }));
    const period = must(await admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: 'Audited 2026', startsOn: '2026-01-01', endsOn: '2026-12-31' }));
    must(await admin.put(`/api/v1/results/periods/${period.id}/targets/${indicator}`, { value: 10 }));
    must(await admin.post(`/api/v1/results/periods/${period.id}/indicators/${spareIndicator}/values`, { value: 4, evidence: 'Audited attendance sheets' }));
    const valueId = (await admin.get(`/api/v1/results/periods/${period.id}/indicators/${spareIndicator}/records`)).json().items[0].id;
    must(await admin.delete(`/api/v1/results/periods/${period.id}/values/${valueId}`));
    must(await admin.delete(`/api/v1/results/frameworks/${framework.id}/indicators/${spareIndicator}`));
    must(await admin.post(`/api/v1/results/periods/${period.id}/submit`));
    must(await admin.post(`/api/v1/results/periods/${period.id}/return`));
    must(await admin.post(`/api/v1/results/periods/${period.id}/submit`));
    must(await admin.post(`/api/v1/results/periods/${period.id}/approve`));
    must(await admin.post(`/api/v1/results/frameworks/${framework.id}/iati/publish`));
    // Shared with a donor, revoked, shared again (migration 0069).
    const donor = await createDonor(t.app.database.db, 'Audited donor GIZ');
    must(await admin.post(`/api/v1/results/frameworks/${framework.id}/shares`, { donorId: donor.id }));
    must(await admin.delete(`/api/v1/results/frameworks/${framework.id}/shares/${donor.id}`));
    must(await admin.post(`/api/v1/results/frameworks/${framework.id}/shares`, { donorId: donor.id }));
    // Its budget and transactions (migration 0081): added, changed, removed.
    const budget = must(await admin.post(`/api/v1/results/frameworks/${framework.id}/budgets`, { startsOn: '2026-01-01', endsOn: '2026-12-31', value: 500_000 })).budgets[0].id;
    must(await admin.put(`/api/v1/results/frameworks/${framework.id}/budgets/${budget}`, { startsOn: '2026-01-01', endsOn: '2026-12-31', value: 600_000, status: 'committed' }));
    must(await admin.delete(`/api/v1/results/frameworks/${framework.id}/budgets/${budget}`));
    const transaction = must(await admin.post(`/api/v1/results/frameworks/${framework.id}/transactions`, { on: '2026-02-01', type: '1', value: 500_000 })).transactions[0].id;
    must(await admin.put(`/api/v1/results/frameworks/${framework.id}/transactions/${transaction}`, { on: '2026-02-02', type: '1', value: 500_000, description: 'Audited tranche' }));
    must(await admin.delete(`/api/v1/results/frameworks/${framework.id}/transactions/${transaction}`));
  });

  it('calls every other write route of the table until it succeeds', { timeout: 120_000 }, async () => {
    const exercised = () => new Set(writes.seen.map((w) => w.route));
    // Deletions last, so the records the other routes need are still there.
    const rank = (method: string) => (method === 'DELETE' ? 2 : method === 'POST' ? 1 : 0);
    const pending = t.app.routeTable
      .filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && !r.config.unaudited && !exercised().has(`${r.method} ${r.url}`))
      .sort((x, y) => rank(x.method) - rank(y.method));
    const failed: string[] = [];
    for (const route of pending) {
      const segments = route.url.split('/');
      const url = segments.map((s, i) => {
        if (!s.startsWith(':')) return s;
        const owner = segments[i - 1]!;
        if (owner === 'members' && segments[i - 3] === 'forums') return ids['forums/members'];
        return ids[owner] ?? ids[s.slice(1)] ?? `missing-${owner}`;
      }).join('/');
      const payload = route.schema?.body ? withIds(sampleInput(route.schema.body, ids.org!)) : undefined;
      const res = await admin.request({ method: route.method as 'POST', url, payload: payload as object });
      if (res.statusCode >= 300) failed.push(`${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(failed).toEqual([]);
  });

  it('every write route wrote an audit entry naming its record, or says why it records nothing', () => {
    const writeRoutes = t.app.routeTable.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
    expect(writeRoutes.filter((r) => r.config.unaudited).map((r) => `${r.method} ${r.url}`).sort()).toEqual([...UNAUDITED].sort());
    // A call that changed nothing writes no entry (the service said so: nothingChanged); one call that changed something must.
    const named = new Set(writes.seen.filter((w) => w.namesRecord).map((w) => w.route));
    const failures = writeRoutes
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !named.has(r) && !UNAUDITED.includes(r))
      .map((r) => `${r}: ${JSON.stringify(writes.seen.filter((w) => w.route === r).map((w) => w.entries))}`);
    expect(failures).toEqual([]);
  });
});

/** A generated body with each id-like field set to the matching record of the world above. */
function withIds(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => withIds(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withIds(v, k)]));
  if (value === ids.org && key && ids[key]) return ids[key];
  return value;
}
