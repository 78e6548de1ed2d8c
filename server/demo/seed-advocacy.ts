import { and, eq } from 'drizzle-orm';
import type { Role } from '../../contracts/roles.js';
import { addCostActivity } from '../modules/advocacy/cost-service.js';
import { linkEvidence } from '../modules/advocacy/evidence-service.js';
import { createAdvocacyIssue, moveToStep, scoreStep, setOutcome, setPublished } from '../modules/advocacy/issue-service.js';
import { createPaper, reviewPaper, setPaperPublished, submitPaper } from '../modules/advocacy/paper-service.js';
import { addMembership, createDecisionMaker } from '../modules/advocacy/decision-maker-service.js';
import { addAction, addObjective } from '../modules/advocacy/plan-service.js';
import { addPost, createPublicBody, listPublicBodies } from '../modules/advocacy/public-body-service.js';
import { placeStakeholder } from '../modules/advocacy/stakeholder-service.js';
import { addDecision, addFollowUp } from '../modules/dialogue/decision-service.js';
import { addForumMember, createForum } from '../modules/dialogue/forum-service.js';
import { addAgendaItem, createMeeting, getMeeting, recordMinutes } from '../modules/dialogue/meeting-service.js';
import { memberIssues } from '../modules/intake/tables.js';
import { consultations } from '../modules/surveys/tables.js';
import { users } from '../platform/auth/tables.js';
import type { TenantCtx, Tx } from '../platform/db/tenancy.js';
import { clock } from '../platform/clock.js';

const day = (offset: number, hour: number) => {
  const d = clock.now();
  d.setUTCDate(d.getUTCDate() + offset);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

/**
 * The chain the product exists for, end to end: the port problem members
 * raised and answered in the consultation becomes an advocacy issue with its
 * cost to firms, goes to the trade facilitation round table with the
 * ministry, whose decisions are followed up; a second issue is concluded and
 * shown on the public tracker.
 */
export async function seedDemoAdvocacy(tx: Tx, orgId: string, actor: { userId: string; name: string }, officialEmail: string) {
  const ctx: TenantCtx = { tx, orgId, role: 'admin' as Role, actor, locale: 'en' };
  const intake = async (title: string) => (await tx.select({ id: memberIssues.id }).from(memberIssues).where(and(eq(memberIssues.orgId, orgId), eq(memberIssues.title, title))))[0]?.id;
  const portIssue = await intake('Containers wait nine days at Tema for repeated inspections');
  const vatIssue = await intake('VAT refunds take more than a year');
  const [survey] = await tx.select({ id: consultations.id }).from(consultations).where(and(eq(consultations.orgId, orgId), eq(consultations.title, 'Port clearance delays 2026')));

  const port = await createAdvocacyIssue(ctx, {
    title: 'One joint inspection per container at Tema port',
    problem: 'Customs, the Food and Drugs Authority and the Standards Authority inspect the same container on different days. Each inspection means a new booking, a new trip to the port and more demurrage.',
    category: 'red_tape', sectors: ['C', 'G'], regions: ['GH-AA'], severity: 4, feasibility: 4, fromMemberIssueId: portIssue,
  });
  if (survey) {
    await linkEvidence(ctx, port.id, { consultationId: survey.id, question: 'days', note: 'Days members need to clear a container' });
    await linkEvidence(ctx, port.id, { consultationId: survey.id, question: 'problems', note: '' });
  }
  const firms = { micro: 40, small: 25, medium: 8, large: 2 };
  await addCostActivity(ctx, port.id, { name: 'Book and attend each agency inspection', minutes: 240, hourlyTariff: 2500, outOfPocket: 15000, perYear: 24, firms });
  await addCostActivity(ctx, port.id, { name: 'Demurrage while waiting for the next inspection', minutes: 0, hourlyTariff: 0, outOfPocket: 120000, perYear: 12, firms });
  await scoreStep(ctx, port.id, { step: 'diagnostic', score: 3, note: 'The ministry co-signed the diagnostic.' });
  await moveToStep(ctx, port.id, { step: 'solution_design', note: '' });
  await scoreStep(ctx, port.id, { step: 'solution_design', score: 2, note: 'Joint protocol drafted in the round table.' });
  await moveToStep(ctx, port.id, { step: 'advocacy', note: 'Protocol handed to the Minister of Trade.' });
  await setPublished(ctx, port.id, true);
  const paper = await createPaper(ctx, port.id, {
    title: 'One inspection, one visit: clearing containers at Tema',
    problem: 'Three agencies inspect the same container on different days. Importers book, travel and pay demurrage three times.',
    evidence: 'In the chamber\'s 2026 consultation, members need a median of twelve days to clear a container; inspections are the problem named most often. Members estimate the cost at GHS 1.5 million a year.',
    proposals: '1. One joint inspection by Customs, the FDA and the Standards Authority, booked once.\n2. Inspection within 48 hours of the container\'s arrival.\n3. Results shared between agencies through the single window.',
    expectedImpact: 'Clearance in four days instead of twelve; most of the GHS 1.5 million a year saved by member firms.',
  });
  await submitPaper(ctx, paper.id);
  await reviewPaper(ctx, paper.id, { decision: 'approve', note: '' });
  await setPaperPublished(ctx, paper.id, true);
  const people = await seedDecisionMakers(ctx);
  await placeStakeholder(ctx, port.id, people.minister, { stance: 1, influence: 3, note: 'Supports a joint inspection; waits for the agencies to agree.' });
  await placeStakeholder(ctx, port.id, people.director, { stance: 2, influence: 2, note: 'Co-chairs the round table; carries the protocol inside the ministry.' });
  await placeStakeholder(ctx, port.id, people.customs, { stance: 0, influence: 3, note: 'Open to it if Customs keeps the final release.' });
  await placeStakeholder(ctx, port.id, people.fda, { stance: -1, influence: 2, note: 'Fears losing inspection fees.' });
  await placeStakeholder(ctx, port.id, people.committee, { stance: 1, influence: 1, note: '' });
  await addObjective(ctx, port.id, { text: 'The Minister of Trade signs a joint inspection directive for Tema', targetPersonId: people.minister });
  await addObjective(ctx, port.id, { text: 'The Food and Drugs Authority accepts inspecting jointly with Customs', targetPersonId: people.fda });
  const staffUser = (await tx.select({ id: users.id }).from(users).where(eq(users.email, 'kwame.asante@ghanachamber.example')))[0]?.id ?? null;
  await addAction(ctx, port.id, { kind: 'letter', title: 'Send the position paper to the Minister of Trade', ownerUserId: staffUser, dueOn: day(-5, 0).slice(0, 10), objectiveId: null });
  await addAction(ctx, port.id, { kind: 'coalition', title: 'Rally the freight forwarders\' association', ownerUserId: staffUser, dueOn: day(12, 0).slice(0, 10), objectiveId: null });
  await addAction(ctx, port.id, { kind: 'media', title: 'Press briefing with the consultation results', ownerUserId: actor.userId, dueOn: day(25, 0).slice(0, 10), objectiveId: null });

  const vat = await createAdvocacyIssue(ctx, {
    title: 'Pay VAT refunds to exporters within 90 days',
    problem: 'Exporters wait 12 to 18 months for VAT refunds, which ties up the working capital of small firms.',
    category: 'tax', sectors: ['C'], regions: [], severity: 4, feasibility: 2, fromMemberIssueId: vatIssue,
  });

  const registration = await createAdvocacyIssue(ctx, {
    title: 'Renew business registration online',
    problem: 'Firms outside Accra travelled up to two days to renew their registration in person.',
    category: 'red_tape', sectors: [], regions: ['GH-NP', 'GH-UE', 'GH-UW'], severity: 3, feasibility: 4,
  });
  await addCostActivity(ctx, registration.id, { name: 'Travel to Accra to renew in person', minutes: 960, hourlyTariff: 2000, outOfPocket: 40000, perYear: 1, firms: { micro: 300, small: 60, medium: 10, large: 0 } });
  for (const [step, score] of [['diagnostic', 2], ['solution_design', 3], ['advocacy', 3], ['legislative', 2], ['implementation', 2]] as const) {
    if (step !== 'diagnostic') await moveToStep(ctx, registration.id, { step, note: '' });
    await scoreStep(ctx, registration.id, { step, score, note: '' });
  }
  await setOutcome(ctx, registration.id, { outcome: 'implemented', evidence: 'Registrar-General notice of 1 October: renewals are made online.', savingShare: 90 });
  await setPublished(ctx, registration.id, true);

  // The round table with the trade ministry, where the port issue went.
  const forum = await createForum(ctx, { name: 'Trade facilitation round table', kind: 'round_table', description: 'Quarterly round table of the chamber, the Ministry of Trade and Industry and the port agencies on clearing goods faster.', isPublic: true });
  const [official] = await tx.select({ id: users.id }).from(users).where(eq(users.email, officialEmail));
  await addForumMember(ctx, forum.id, { side: 'public', name: 'Yaw Boateng', email: officialEmail, affiliation: 'Ministry of Trade and Industry', role: 'co_chair', userId: official?.id ?? null });
  await addForumMember(ctx, forum.id, { side: 'private', name: 'Ama Mensah', email: 'ama.mensah@ghanachamber.example', affiliation: 'Ghana National Chamber of Commerce and Industry', role: 'chair', userId: null });
  await addForumMember(ctx, forum.id, { side: 'private', name: 'Kwame Asante', email: 'kwame.asante@ghanachamber.example', affiliation: 'Ghana National Chamber of Commerce and Industry', role: 'secretariat', userId: null });
  await addForumMember(ctx, forum.id, { side: 'public', name: 'Akosua Frimpong', email: 'a.frimpong@customs.gov.example', affiliation: 'Customs Division, Ghana Revenue Authority', role: 'member', userId: null });
  await addForumMember(ctx, forum.id, { side: 'private', name: 'Kojo Mensah', email: '', affiliation: 'Ghana Shippers Authority', role: 'observer', userId: null });

  const held = await createMeeting(ctx, forum.id, { title: 'Round table on port clearance', startsAt: day(-40, 9), endsAt: day(-40, 12), location: 'Ministry of Trade and Industry, Accra' });
  await addAgendaItem(ctx, held.id, { title: 'Findings of the port clearance consultation', issueId: port.id, notes: '' });
  await addAgendaItem(ctx, held.id, { title: 'Any other business', issueId: null, notes: '' });
  const heldDetail = await getMeeting(ctx, held.id);
  await recordMinutes(ctx, held.id, {
    minutes: 'The chamber presented the consultation: a median of twelve days to clear a container, and inspections repeated by three agencies. The ministry agreed that a joint inspection is feasible and asked the agencies to draft a protocol.',
    present: heldDetail.attendance.filter((a) => a.name !== 'Kojo Mensah').map((a) => a.memberId),
    status: 'held',
  });
  const item = heldDetail.agenda.find((a) => a.issueId)!.id;
  await addDecision(ctx, held.id, { text: 'Customs, FDA and the Standards Authority draft a joint inspection protocol', owner: 'Ministry of Trade and Industry', dueOn: day(-10, 0).slice(0, 10), agendaItemId: item });
  await addDecision(ctx, held.id, { text: 'The chamber collects demurrage costs from 30 members', owner: 'Kwame Asante', dueOn: day(-20, 0).slice(0, 10), agendaItemId: item });
  await addDecision(ctx, held.id, { text: 'Pilot the joint inspection at one terminal', owner: 'Ghana Ports and Harbours Authority', dueOn: day(45, 0).slice(0, 10), agendaItemId: item });
  const decisions = (await getMeeting(ctx, held.id)).decisions;
  const costs = decisions.find((d) => d.owner === 'Kwame Asante')!;
  await addFollowUp(ctx, costs.id, { note: '27 members answered; average GHS 1,150 per container.', status: 'done' });
  const protocol = decisions.find((d) => d.owner === 'Ministry of Trade and Industry')!;
  await addFollowUp(ctx, protocol.id, { note: 'First draft circulated to the agencies; FDA comments awaited.' });

  const next = await createMeeting(ctx, forum.id, { title: 'Round table: the joint inspection protocol', startsAt: day(20, 9), endsAt: day(20, 12), location: 'Ministry of Trade and Industry, Accra' });
  await addAgendaItem(ctx, next.id, { title: 'Draft joint inspection protocol', issueId: port.id, notes: '' });
  await addAgendaItem(ctx, next.id, { title: 'VAT refunds for exporters', issueId: vat.id, notes: '' });

  await createForum(ctx, { name: 'Monthly meeting with the Ghana Revenue Authority', kind: 'ministry_meeting', description: 'Tax administration questions raised by members.', isPublic: false });
}

/** The people the chamber lobbies, after Popolo: public bodies, their posts, and who holds them. */
async function seedDecisionMakers(ctx: TenantCtx) {
  const bodies: Array<[string, 'ministry' | 'agency' | 'parliament' | 'regulator', string[]]> = [
    ['Ministry of Trade and Industry', 'ministry', ['Minister', 'Director, Trade Facilitation']],
    ['Customs Division, Ghana Revenue Authority', 'agency', ['Commissioner']],
    ['Food and Drugs Authority', 'regulator', ['Chief Executive Officer']],
    ['Parliament of Ghana: Select Committee on Trade, Industry and Tourism', 'parliament', ['Chair']],
  ];
  for (const [name, classification, posts] of bodies) {
    const body = await createPublicBody(ctx, { name, classification });
    for (const label of posts) await addPost(ctx, body.id, { label });
  }
  const all = await listPublicBodies(ctx);
  const post = (body: string, label: string) => {
    const b = all.find((x) => x.name.startsWith(body))!;
    return { organizationId: b.id, postId: b.posts.find((p) => p.label === label)!.id };
  };
  const person = async (name: string, honorificPrefix: string, email: string, at: { organizationId: string; postId: string }, startDate: string) => {
    const p = await createDecisionMaker(ctx, { name, honorificPrefix, email, phone: '', notes: '' });
    await addMembership(ctx, p.id, { ...at, role: '', startDate, endDate: null });
    return p.id;
  };
  const minister = await person('Kofi Ansah', 'Hon.', '', post('Ministry of Trade', 'Minister'), '2025-01-20');
  const director = await person('Yaw Boateng', '', 'yaw.boateng@trade.gov.example', post('Ministry of Trade', 'Director, Trade Facilitation'), '2022-03-01');
  const customs = await person('Akosua Frimpong', '', 'a.frimpong@customs.gov.example', post('Customs Division', 'Commissioner'), '2024-06-01');
  const fda = await person('Esi Quaye', 'Dr.', '', post('Food and Drugs Authority', 'Chief Executive Officer'), '2023-09-15');
  const committee = await person('Ibrahim Mahama', 'Hon.', '', post('Parliament of Ghana', 'Chair'), '2025-02-01');
  // A predecessor: the directory keeps who held a post before.
  const former = await createDecisionMaker(ctx, { name: 'Adwoa Sarfo', honorificPrefix: 'Hon.', email: '', phone: '', notes: 'Former Minister of Trade; now in the private sector.' });
  await addMembership(ctx, former.id, { ...post('Ministry of Trade', 'Minister'), role: '', startDate: '2021-02-01', endDate: '2025-01-07' });
  return { minister, director, customs, fda, committee };
}
