import { inArray, or, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../contracts/roles.js';
import { can } from '../auth/permissions.js';
import { apiTokens, orgs, userRoles } from '../tenants/tables.js';
import { invitations } from '../../modules/orgs/tables.js';
import { Client, useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg, createPerson, orgInput } from '../../test/factories.js';
import { invoices, memberContacts, memberInteractions, members, membershipFees, membershipStatusHistory, membershipTiers, memberSettings, payments, savedViews } from '../../modules/members/tables.js';
import { consultationInvitations, consultations, forms, formVersions, responses, responseTallies } from '../../modules/surveys/tables.js';
import { memberIssueEvents, memberIssueFirms, memberIssues } from '../../modules/intake/tables.js';
import { advocacyCostActivities, advocacyDocuments, advocacyEvents, advocacyEvidence, advocacyIssues, advocacyObjectives, advocacyStakeholders, advocacyStepScores, dmMemberships, dmOrganizations, dmPeople, dmPosts } from '../../modules/advocacy/tables.js';
import { agendaItems, decisionFollowUps, forumDecisions, forumMeetings, forumMembers, forums } from '../../modules/dialogue/tables.js';
import { people, personParticipations } from '../../modules/people/tables.js';
import { eventRegistrations, events, eventTicketTypes } from '../../modules/events/tables.js';
import { trainingCertifications, trainingCourseForms, trainingCourses, trainingCourseTrainers, trainingEvaluationAnswers, trainingModules, trainingSessions } from '../../modules/training/tables.js';
import { capacityAnswers, capacityAssessments, capacityGapCourses } from '../../modules/training/capacity-tables.js';
import { CAPACITY_CATALOGUE } from '../../../contracts/capacity.js';
import { ledApplications, ledCallCriteria, ledCalls } from '../../modules/led/call-tables.js';
import { ledAssessments, ledBottleneckCodes, ledBottlenecks, ledBudgetLines, ledFollowUps, ledInterviews, ledKeyFigures, ledMeasures, ledMilestones, ledProgressReports, ledRegions, ledTeamMembers } from '../../modules/led/tables.js';
import { b2bProfiles, b2bRequests, b2bSettings } from '../../modules/b2b/tables.js';
import { networkingIntroductions, networkingOffers, networkingProducts, networkingProfiles, networkingSettings } from '../../modules/networking/tables.js';
import { resultsFrameworks, resultsIndicators, resultsManualValues, resultsPeriods, resultsTargets } from '../../modules/results/tables.js';
import { resultsFrameworkShares } from '../../modules/results/donor-tables.js';
import { resultsBudgets, resultsTransactions } from '../../modules/results/finance-tables.js';
import { createDonor } from '../../modules/results/donor-service.js';
import { sampleInput } from '../../test/sample-input.js';
import { createPublishedForm, mailedLinks, portClearanceForm } from '../../test/survey-factories.js';
import { auditLog } from '../audit/tables.js';
import { users } from '../auth/tables.js';
import { withSystem } from '../db/tenancy.js';
import { mailOutbox } from '../mail/tables.js';

const t = useTestApp();

// Everything organisation A holds, read as the owner, to prove that nothing
// organisation B does changes it.
async function snapshotOf(orgIds: string[]) {
  return withSystem(t.database.db, async (tx) => ({
    orgs: await tx.select().from(orgs).where(or(inArray(orgs.id, orgIds), inArray(orgs.parentId, orgIds))).orderBy(orgs.id),
    roles: await tx.select().from(userRoles).where(inArray(userRoles.orgId, orgIds)).orderBy(userRoles.userId),
    users: await tx.select({ id: users.id, name: users.name, email: users.email, hash: users.passwordHash }).from(users).where(sql`${users.id} in (select user_id from user_roles where org_id in ${orgIds})`).orderBy(users.id),
    invitations: await tx.select().from(invitations).where(inArray(invitations.orgId, orgIds)).orderBy(invitations.id),
    tokens: await tx.select({ id: apiTokens.id, revokedAt: apiTokens.revokedAt, name: apiTokens.name }).from(apiTokens).where(inArray(apiTokens.orgId, orgIds)).orderBy(apiTokens.id),
    mail: await tx.select().from(mailOutbox).where(inArray(mailOutbox.orgId, orgIds)).orderBy(mailOutbox.id),
    audit: await tx.select().from(auditLog).where(inArray(auditLog.orgId, orgIds)).orderBy(auditLog.id),
    members: await tx.select().from(members).where(inArray(members.orgId, orgIds)).orderBy(members.id),
    contacts: await tx.select().from(memberContacts).where(inArray(memberContacts.orgId, orgIds)).orderBy(memberContacts.id),
    interactions: await tx.select().from(memberInteractions).where(inArray(memberInteractions.orgId, orgIds)).orderBy(memberInteractions.id),
    history: await tx.select().from(membershipStatusHistory).where(inArray(membershipStatusHistory.orgId, orgIds)).orderBy(membershipStatusHistory.id),
    tiers: await tx.select().from(membershipTiers).where(inArray(membershipTiers.orgId, orgIds)).orderBy(membershipTiers.id),
    fees: await tx.select().from(membershipFees).where(inArray(membershipFees.orgId, orgIds)).orderBy(membershipFees.tierId, membershipFees.sizeClass),
    invoices: await tx.select().from(invoices).where(inArray(invoices.orgId, orgIds)).orderBy(invoices.id),
    payments: await tx.select().from(payments).where(inArray(payments.orgId, orgIds)).orderBy(payments.id),
    settings: await tx.select().from(memberSettings).where(inArray(memberSettings.orgId, orgIds)),
    views: await tx.select().from(savedViews).where(inArray(savedViews.orgId, orgIds)).orderBy(savedViews.id),
    forms: await tx.select().from(forms).where(inArray(forms.orgId, orgIds)).orderBy(forms.id),
    formVersions: await tx.select().from(formVersions).where(inArray(formVersions.orgId, orgIds)).orderBy(formVersions.formId, formVersions.version),
    consultations: await tx.select().from(consultations).where(inArray(consultations.orgId, orgIds)).orderBy(consultations.id),
    invitedFirms: await tx.select().from(consultationInvitations).where(inArray(consultationInvitations.orgId, orgIds)).orderBy(consultationInvitations.memberId),
    responses: await tx.select().from(responses).where(inArray(responses.orgId, orgIds)).orderBy(responses.id),
    tallies: await tx.select().from(responseTallies).where(inArray(responseTallies.orgId, orgIds)).orderBy(responseTallies.question, responseTallies.value, responseTallies.n),
    memberIssues: await tx.select().from(memberIssues).where(inArray(memberIssues.orgId, orgIds)).orderBy(memberIssues.id),
    memberIssueFirms: await tx.select().from(memberIssueFirms).where(inArray(memberIssueFirms.orgId, orgIds)).orderBy(memberIssueFirms.issueId, memberIssueFirms.memberId),
    memberIssueEvents: await tx.select().from(memberIssueEvents).where(inArray(memberIssueEvents.orgId, orgIds)).orderBy(memberIssueEvents.id),
    advocacyIssues: await tx.select().from(advocacyIssues).where(inArray(advocacyIssues.orgId, orgIds)).orderBy(advocacyIssues.id),
    advocacyEvidence: await tx.select().from(advocacyEvidence).where(inArray(advocacyEvidence.orgId, orgIds)).orderBy(advocacyEvidence.id),
    advocacyCosts: await tx.select().from(advocacyCostActivities).where(inArray(advocacyCostActivities.orgId, orgIds)).orderBy(advocacyCostActivities.id),
    advocacyScores: await tx.select().from(advocacyStepScores).where(inArray(advocacyStepScores.orgId, orgIds)).orderBy(advocacyStepScores.id),
    advocacyEvents: await tx.select().from(advocacyEvents).where(inArray(advocacyEvents.orgId, orgIds)).orderBy(advocacyEvents.id),
    advocacyDocuments: await tx.select().from(advocacyDocuments).where(inArray(advocacyDocuments.orgId, orgIds)).orderBy(advocacyDocuments.id),
    advocacyObjectives: await tx.select().from(advocacyObjectives).where(inArray(advocacyObjectives.orgId, orgIds)).orderBy(advocacyObjectives.id),
    stakeholders: await tx.select().from(advocacyStakeholders).where(inArray(advocacyStakeholders.orgId, orgIds)).orderBy(advocacyStakeholders.personId),
    dmPeople: await tx.select().from(dmPeople).where(inArray(dmPeople.orgId, orgIds)).orderBy(dmPeople.id),
    dmBodies: await tx.select().from(dmOrganizations).where(inArray(dmOrganizations.orgId, orgIds)).orderBy(dmOrganizations.id),
    dmPosts: await tx.select().from(dmPosts).where(inArray(dmPosts.orgId, orgIds)).orderBy(dmPosts.id),
    dmMemberships: await tx.select().from(dmMemberships).where(inArray(dmMemberships.orgId, orgIds)).orderBy(dmMemberships.id),
    forums: await tx.select().from(forums).where(inArray(forums.orgId, orgIds)).orderBy(forums.id),
    forumMembers: await tx.select().from(forumMembers).where(inArray(forumMembers.orgId, orgIds)).orderBy(forumMembers.id),
    meetings: await tx.select().from(forumMeetings).where(inArray(forumMeetings.orgId, orgIds)).orderBy(forumMeetings.id),
    agenda: await tx.select().from(agendaItems).where(inArray(agendaItems.orgId, orgIds)).orderBy(agendaItems.id),
    decisions: await tx.select().from(forumDecisions).where(inArray(forumDecisions.orgId, orgIds)).orderBy(forumDecisions.id),
    followUps: await tx.select().from(decisionFollowUps).where(inArray(decisionFollowUps.orgId, orgIds)).orderBy(decisionFollowUps.id),
    people: await tx.select().from(people).where(inArray(people.orgId, orgIds)).orderBy(people.id),
    participations: await tx.select().from(personParticipations).where(inArray(personParticipations.orgId, orgIds)).orderBy(personParticipations.id),
    events: await tx.select().from(events).where(inArray(events.orgId, orgIds)).orderBy(events.id),
    ticketTypes: await tx.select().from(eventTicketTypes).where(inArray(eventTicketTypes.orgId, orgIds)).orderBy(eventTicketTypes.id),
    registrations: await tx.select().from(eventRegistrations).where(inArray(eventRegistrations.orgId, orgIds)).orderBy(eventRegistrations.id),
    courses: await tx.select().from(trainingCourses).where(inArray(trainingCourses.orgId, orgIds)).orderBy(trainingCourses.id),
    courseModules: await tx.select().from(trainingModules).where(inArray(trainingModules.orgId, orgIds)).orderBy(trainingModules.id),
    courseSessions: await tx.select().from(trainingSessions).where(inArray(trainingSessions.orgId, orgIds)).orderBy(trainingSessions.eventId),
    courseTrainers: await tx.select().from(trainingCourseTrainers).where(inArray(trainingCourseTrainers.orgId, orgIds)).orderBy(trainingCourseTrainers.courseId, trainingCourseTrainers.personId),
    certifications: await tx.select().from(trainingCertifications).where(inArray(trainingCertifications.orgId, orgIds)).orderBy(trainingCertifications.id),
    courseForms: await tx.select().from(trainingCourseForms).where(inArray(trainingCourseForms.orgId, orgIds)).orderBy(trainingCourseForms.courseId, trainingCourseForms.kind),
    evaluationAnswers: await tx.select().from(trainingEvaluationAnswers).where(inArray(trainingEvaluationAnswers.orgId, orgIds)).orderBy(trainingEvaluationAnswers.id),
    frameworks: await tx.select().from(resultsFrameworks).where(inArray(resultsFrameworks.orgId, orgIds)).orderBy(resultsFrameworks.id),
    indicators: await tx.select().from(resultsIndicators).where(inArray(resultsIndicators.orgId, orgIds)).orderBy(resultsIndicators.id),
    periods: await tx.select().from(resultsPeriods).where(inArray(resultsPeriods.orgId, orgIds)).orderBy(resultsPeriods.id),
    targets: await tx.select().from(resultsTargets).where(inArray(resultsTargets.orgId, orgIds)).orderBy(resultsTargets.indicatorId, resultsTargets.periodId),
    resultValues: await tx.select().from(resultsManualValues).where(inArray(resultsManualValues.orgId, orgIds)).orderBy(resultsManualValues.id),
    frameworkShares: await tx.select().from(resultsFrameworkShares).where(inArray(resultsFrameworkShares.orgId, orgIds)).orderBy(resultsFrameworkShares.frameworkId, resultsFrameworkShares.donorId),
    budgets: await tx.select().from(resultsBudgets).where(inArray(resultsBudgets.orgId, orgIds)).orderBy(resultsBudgets.id),
    transactions: await tx.select().from(resultsTransactions).where(inArray(resultsTransactions.orgId, orgIds)).orderBy(resultsTransactions.id),
    capacityAssessments: await tx.select().from(capacityAssessments).where(inArray(capacityAssessments.orgId, orgIds)).orderBy(capacityAssessments.id),
    capacityAnswers: await tx.select().from(capacityAnswers).where(inArray(capacityAnswers.orgId, orgIds)).orderBy(capacityAnswers.assessmentId, capacityAnswers.itemKey),
    capacityGapCourses: await tx.select().from(capacityGapCourses).where(inArray(capacityGapCourses.orgId, orgIds)).orderBy(capacityGapCourses.courseId),
    ledRegions: await tx.select().from(ledRegions).where(inArray(ledRegions.orgId, orgIds)).orderBy(ledRegions.id),
    ledTeam: await tx.select().from(ledTeamMembers).where(inArray(ledTeamMembers.orgId, orgIds)).orderBy(ledTeamMembers.id),
    ledFigures: await tx.select().from(ledKeyFigures).where(inArray(ledKeyFigures.orgId, orgIds)).orderBy(ledKeyFigures.id),
    ledAssessments: await tx.select().from(ledAssessments).where(inArray(ledAssessments.orgId, orgIds)).orderBy(ledAssessments.id),
    ledBottlenecks: await tx.select().from(ledBottlenecks).where(inArray(ledBottlenecks.orgId, orgIds)).orderBy(ledBottlenecks.id),
    ledInterviews: await tx.select().from(ledInterviews).where(inArray(ledInterviews.orgId, orgIds)).orderBy(ledInterviews.id),
    ledCodes: await tx.select().from(ledBottleneckCodes).where(inArray(ledBottleneckCodes.orgId, orgIds)).orderBy(ledBottleneckCodes.id),
    ledMeasures: await tx.select().from(ledMeasures).where(inArray(ledMeasures.orgId, orgIds)).orderBy(ledMeasures.id),
    ledMilestones: await tx.select().from(ledMilestones).where(inArray(ledMilestones.orgId, orgIds)).orderBy(ledMilestones.id),
    ledBudgetLines: await tx.select().from(ledBudgetLines).where(inArray(ledBudgetLines.orgId, orgIds)).orderBy(ledBudgetLines.id),
    ledReports: await tx.select().from(ledProgressReports).where(inArray(ledProgressReports.orgId, orgIds)).orderBy(ledProgressReports.id),
    ledFollowUps: await tx.select().from(ledFollowUps).where(inArray(ledFollowUps.orgId, orgIds)).orderBy(ledFollowUps.id),
    ledCalls: await tx.select().from(ledCalls).where(inArray(ledCalls.orgId, orgIds)).orderBy(ledCalls.id),
    ledCallCriteria: await tx.select().from(ledCallCriteria).where(inArray(ledCallCriteria.orgId, orgIds)).orderBy(ledCallCriteria.id),
    ledApplications: await tx.select().from(ledApplications).where(inArray(ledApplications.orgId, orgIds)).orderBy(ledApplications.id),
    b2bSettings: await tx.select().from(b2bSettings).where(inArray(b2bSettings.orgId, orgIds)).orderBy(b2bSettings.eventId),
    b2bProfiles: await tx.select().from(b2bProfiles).where(inArray(b2bProfiles.orgId, orgIds)).orderBy(b2bProfiles.registrationId),
    b2bRequests: await tx.select().from(b2bRequests).where(inArray(b2bRequests.orgId, orgIds)).orderBy(b2bRequests.id),
    networkingProfiles: await tx.select().from(networkingProfiles).where(inArray(networkingProfiles.orgId, orgIds)).orderBy(networkingProfiles.memberId),
    networkingOffers: await tx.select().from(networkingOffers).where(inArray(networkingOffers.orgId, orgIds)).orderBy(networkingOffers.id),
    networkingIntroductions: await tx.select().from(networkingIntroductions).where(inArray(networkingIntroductions.orgId, orgIds)).orderBy(networkingIntroductions.id),
    networkingSettings: await tx.select().from(networkingSettings).where(inArray(networkingSettings.orgId, orgIds)),
    networkingProducts: await tx.select().from(networkingProducts).where(inArray(networkingProducts.orgId, orgIds)).orderBy(networkingProducts.id),
  }));
}

/**
 * How many probes are on their way at once: on PostgreSQL a request waits on the server for much of
 * its time, and six at once took about a third less time than one at a time (PGlite runs in this
 * thread: no difference to be measured there).
 */
const PROBES_IN_FLIGHT = 6;

/** An id no record has: finds out whether a route's body or query carries ids. */
const MARK = '00000000-0000-4000-8000-00000000abcd';

/**
 * The victim ids to put in a route's parameters, one list per request: each parameter takes the
 * ids of the kind its path segment names (every id where the segment is not known), parameters
 * combined. A link token is tried as a victim id (no token is one) and as a valid link of the
 * attackers' own organisation. A route without parameters is asked once.
 */
function victimIdsFor(url: string, bySegment: Map<string, string[]>, allIds: string[], attackerLink: string): string[][] {
  const segments = url.split('/');
  const choicesPerParam = segments.flatMap((segment, i) => {
    if (!segment.startsWith(':')) return [];
    if (segment === ':token') return [[allIds[0]!, attackerLink]];
    return [bySegment.get(segments[i - 1]!) ?? allIds];
  });
  return choicesPerParam.reduce<string[][]>((combos, choices) => combos.flatMap((combo) => choices.map((id) => [...combo, id])), [[]]).map((ids) => (ids.length ? ids : [allIds[0]!]));
}

function refusedByRoute(config: { auth?: string; permission?: string; person?: boolean }, caller: { role?: Role; bearer?: string }) {
  if (config.auth === 'public' || !config.auth) return false;
  if (!caller.role) return true;
  if (config.auth === 'user') return !!caller.bearer;
  return !can(caller.role, config.permission!) || (!!config.person && !!caller.bearer);
}

describe('tenant isolation, for every route and every role', () => {
  const victim = { ids: [] as string[], secrets: [] as string[], orgIds: [] as string[], bySegment: new Map<string, string[]>() };
  const attackers: Array<{ label: string; client: Client; bearer?: string; role?: Role }> = [];
  /** A respondent link of the attackers' own organisation: valid, so routes by `:token` get past the link. */
  let attackerLink = '';

  beforeAll(async () => {
    const a = await createOrg(t.app, { name: 'Victim Chamber of Tamale' });
    const branch = (await a.admin.post('/api/v1/org/branches', orgInput({ name: 'Victim Branch Yendi' }))).json();
    await a.admin.post('/api/v1/auth/switch-org', { orgId: a.orgId });
    const staff = await createPerson(t.app, a.orgId, 'staff', 'Victim Staff Wumpini');
    const invitation = (await a.admin.post('/api/v1/org/invitations', { email: 'victim.invitee@example.test', role: 'staff' })).json();
    const token = (await a.admin.post('/api/v1/org/api-tokens', { name: 'Victim token', role: 'viewer' })).json();
    const mail = (await a.admin.get('/api/v1/mail/outbox')).json().items[0];
    await a.admin.post('/api/v1/membership/tiers', { name: 'Victim tier', fees: { micro: 100, small: 200, medium: 300, large: 400 } });
    const tier = (await a.admin.get('/api/v1/membership/tiers')).json().items[0];
    const firm = await createMemberFirm(a.admin, { legalName: 'Victim Shea Processors', tierId: tier.id, region: 'GH-AA', email: 'victim.firm@victim.example' });
    await a.admin.post(`/api/v1/members/${firm.id}/status`, { status: 'active' });
    const invoice = (await a.admin.get(`/api/v1/members/${firm.id}/invoices`)).json().items[0];
    const contact = (await a.admin.post(`/api/v1/members/${firm.id}/contacts`, { name: 'Victim Contact Mariama', consentToContact: true })).json();
    await a.admin.post(`/api/v1/members/${firm.id}/interactions`, { kind: 'visit', occurredOn: '2026-01-05', summary: 'Victim visit notes' });
    const view = (await a.admin.post('/api/v1/members/views', { name: 'Victim view', query: { region: 'GH-AA' } })).json();
    const definition = portClearanceForm();
    definition.title = { en: 'Victim survey form' };
    const form = await createPublishedForm(a.admin, definition);
    const consultation = (await a.admin.post('/api/v1/consultations', { title: 'Victim consultation', formId: form.id, identity: 'firm' })).json();
    await a.admin.post(`/api/v1/consultations/${consultation.id}/open`);
    // The firm's personal link, mailed on opening: only the firm may ever see it.
    const [link] = await mailedLinks(a.admin);
    await a.admin.put(`/api/v1/consultations/${consultation.id}/firms/${firm.id}/response`, { answers: { imports: 'no', comment: 'Victim comment' }, submit: true, channel: 'phone' });
    const response = (await a.admin.get(`/api/v1/consultations/${consultation.id}/text-answers?question=comment`)).json().items[0];
    const issue = (await a.admin.post('/api/v1/member-issues', { title: 'Victim issue about shea levies', description: 'Victim issue description', category: 'tax', memberId: firm.id })).json();
    const advocacy = (await a.admin.post('/api/v1/advocacy-issues', { title: 'Victim advocacy on shea export levy', problem: 'Victim advocacy problem', category: 'tax', fromMemberIssueId: issue.id })).json();
    const costed = (await a.admin.post(`/api/v1/advocacy-issues/${advocacy.id}/cost-activities`, { name: 'Victim cost activity', minutes: 60, hourlyTariff: 1000, outOfPocket: 0, perYear: 1, firms: { micro: 1, small: 0, medium: 0, large: 0 } })).json();
    const forum = (await a.admin.post('/api/v1/forums', { name: 'Victim shea round table', kind: 'round_table' })).json();
    const seat = (await a.admin.post(`/api/v1/forums/${forum.id}/members`, { side: 'public', name: 'Victim official Alhassan', email: 'alhassan@victim.example' })).json().memberList[0];
    const meeting = (await a.admin.post(`/api/v1/forums/${forum.id}/meetings`, { title: 'Victim meeting', startsAt: '2027-01-10T09:00:00Z', endsAt: '2027-01-10T11:00:00Z' })).json();
    const agenda = (await a.admin.post(`/api/v1/meetings/${meeting.id}/agenda`, { title: 'Victim agenda item', issueId: advocacy.id })).json().agenda[0];
    const decision = (await a.admin.post(`/api/v1/meetings/${meeting.id}/decisions`, { text: 'Victim decision text', owner: 'Victim owner', agendaItemId: agenda.id })).json().decisions[0];
    const body = (await a.admin.post('/api/v1/public-bodies', { name: 'Victim Ministry of Food', classification: 'ministry' })).json().items[0];
    const post = (await a.admin.post(`/api/v1/public-bodies/${body.id}/posts`, { label: 'Victim Deputy Minister' })).json().items[0].posts[0];
    const dm = (await a.admin.post('/api/v1/decision-makers', { name: 'Victim Hon. Abdulai', email: 'abdulai@victim.example' })).json();
    const membership = (await a.admin.post(`/api/v1/decision-makers/${dm.id}/memberships`, { organizationId: body.id, postId: post.id })).json().memberships[0];
    await a.admin.put(`/api/v1/advocacy-issues/${advocacy.id}/stakeholders/${dm.id}`, { stance: 1, influence: 3, note: 'Victim stance note' });
    const objective = (await a.admin.post(`/api/v1/advocacy-issues/${advocacy.id}/objectives`, { text: 'Victim objective text', targetPersonId: dm.id })).json().objectives[0];
    const document = (await a.admin.upload(`/api/v1/advocacy-issues/${advocacy.id}/documents`, Buffer.from('Victim document body'), 'victim-levy-study.pdf', { description: 'Victim document description' })).json().items[0];
    const reached = (await a.admin.post('/api/v1/people-reached', { name: 'Victim Trainee Akosua', phone: '024 999 0001', email: 'akosua@victim.example', memberId: firm.id })).json();
    const fair = (await a.admin.post('/api/v1/events', { title: 'Victim shea fair', kind: 'trade_fair', startsAt: '2027-02-01T09:00:00Z', endsAt: '2027-02-01T17:00:00Z', capacity: 5, audience: 'public' })).json();
    await a.admin.post(`/api/v1/events/${fair.id}/state`, { state: 'published' });
    const ticket = (await a.admin.post(`/api/v1/events/${fair.id}/ticket-types`, { name: 'Victim exhibitor ticket', fee: 900 })).json().ticketTypes[0];
    const registration = (await a.admin.post(`/api/v1/events/${fair.id}/registrations`, { kind: 'public', name: 'Victim Visitor Adwoa', email: 'adwoa@victim.example', ticketTypeId: ticket.id })).json();
    const course = (await a.admin.post('/api/v1/training/courses', { title: 'Victim ToT on shea butter', kind: 'tot', audience: 'Victim audience of women processors', completionShare: 100 })).json();
    const courseModule = (await a.admin.post(`/api/v1/training/courses/${course.id}/modules`, { title: 'Victim module on quality', objectives: 'Victim objective of grading', materials: [{ title: 'Victim manual', url: 'https://victim.example/manual' }] })).json().modules[0];
    const courseSession = (await a.admin.post(`/api/v1/training/courses/${course.id}/sessions`, { title: 'Victim ToT session', startsAt: '2027-02-10T09:00:00Z', endsAt: '2027-02-10T13:00:00Z', audience: 'public' })).json().sessionList[0];
    await a.admin.post(`/api/v1/events/${courseSession.id}/state`, { state: 'published' });
    await a.admin.post(`/api/v1/training/courses/${course.id}/trainers`, { personId: reached.id });
    const learner = (await a.admin.post(`/api/v1/events/${courseSession.id}/registrations`, { kind: 'public', name: 'Victim Learner Fuseini', email: 'fuseini@victim.example' })).json();
    await a.admin.post(`/api/v1/events/${courseSession.id}/check-in`, { items: [{ registrationId: learner.id }] });
    const learnerPerson = (await a.admin.get(`/api/v1/training/courses/${course.id}`)).json().participants[0].personId;
    const certification = (await a.admin.post(`/api/v1/training/courses/${course.id}/certifications`, { personId: learnerPerson, certifiedOn: '2027-02-11', teachBack: 'Victim teach-back notes' })).json().participants[0].certification;
    // The course's pre-test (a scored form) and the learner's answers to it.
    const quiz = (await a.admin.post('/api/v1/forms', { purpose: 'evaluation', definition: {
      title: { en: 'Victim quiz on grading' }, languages: ['en'],
      questions: [{ name: 'grade', type: 'text', label: { en: 'Victim quiz question' } }, { name: 'score', type: 'calculate', label: { en: 'Score' }, calculation: 'string-length(${grade})' }],
    } })).json();
    await a.admin.post(`/api/v1/forms/${quiz.id}/publish`);
    await a.admin.put(`/api/v1/training/courses/${course.id}/evaluation`, { preFormId: quiz.id, minPostScore: 42 });
    await a.admin.put(`/api/v1/training/courses/${course.id}/evaluation/pre/people/${learnerPerson}`, { answers: { grade: 'Victim quiz answer' } });
    const assessment = (await a.admin.post('/api/v1/training/capacity/assessments', { year: 2026 })).json();
    await a.admin.put(`/api/v1/training/capacity/assessments/${assessment.id}`, { answers: CAPACITY_CATALOGUE.map((i, n) => ({ item: i.key, level: n ? 3 : 1, note: n ? '' : 'Victim capacity note' })) });
    await a.admin.post(`/api/v1/training/capacity/assessments/${assessment.id}/submit`);
    const gapCourse = (await a.admin.post(`/api/v1/training/capacity/assessments/${assessment.id}/courses`, { item: CAPACITY_CATALOGUE[0].key, course: { title: 'Victim board workshop', kind: 'workshop' } })).json();
    const ledRegion = (await a.admin.post('/api/v1/led/regions', { name: 'Victim LED region Savannah', region: 'GH-AA', branchId: branch.id, narrative: 'Victim LED narrative' })).json();
    const ledTeamMember = (await a.admin.post(`/api/v1/led/regions/${ledRegion.id}/team`, { sector: 'semi_public', name: 'Victim LED banker Issah', email: 'issah@victim.example' })).json().team[0];
    const ledFigure = (await a.admin.post(`/api/v1/led/regions/${ledRegion.id}/figures`, { topic: 'population', label: 'Victim LED population', value: 4242, source: 'Victim LED census', year: 2021 })).json().keyFigures[0];
    const ledCell = (await a.admin.post(`/api/v1/led/regions/${ledRegion.id}/matrix`, { year: 2026, factor: 'Victim LED factor', finding: 'weakness', rating: -2, evidence: 'Victim LED evidence' })).json().items[0];
    const ledBottleneck = (await a.admin.post(`/api/v1/led/regions/${ledRegion.id}/bottlenecks`, { title: 'Victim LED bottleneck of roads' })).json().bottleneckList[0];
    const ledMeasure = (await a.admin.post(`/api/v1/led/regions/${ledRegion.id}/measures`, { title: 'Victim LED measure of feeder roads', bottleneckId: ledBottleneck.id, budget: 777, startsOn: '2026-01-01', endsOn: '2026-12-31', partners: [{ name: 'Victim LED partner', sector: 'public' }] })).json().measureList[0];
    // An LED interview conducted with a guide and its answer coded to the bottleneck: who was interviewed and what they said are A's.
    const ledGuide = (await a.admin.post('/api/v1/forms', { purpose: 'interview', definition: { title: { en: 'Victim LED interview guide' }, languages: ['en'], questions: [{ name: 'obstacle', type: 'text', label: { en: 'Victim LED question' } }] } })).json();
    await a.admin.post(`/api/v1/forms/${ledGuide.id}/publish`);
    const ledInterview = (await a.admin.post(`/api/v1/led/regions/${ledRegion.id}/interviews`, { formId: ledGuide.id, interviewee: 'Victim LED interviewee Abiba', sector: 'private', interviewedOn: '2026-03-02' })).json();
    await a.admin.put(`/api/v1/led/interviews/${ledInterview.id}/answers`, { answers: { obstacle: 'Victim LED interview answer' }, submissionKey: null });
    const ledCode = (await a.admin.post(`/api/v1/led/regions/${ledRegion.id}/bottlenecks/${ledBottleneck.id}/codes`, { source: 'interview', interviewId: ledInterview.id, question: 'obstacle' })).json().interviews[0];
    const ledMeasureUrl = `/api/v1/led/measures/${ledMeasure.id}`;
    const ledMilestone = (await a.admin.post(`${ledMeasureUrl}/milestones`, { title: 'Victim LED milestone', dueOn: '2026-03-01' })).json().milestones[0];
    const ledLine = (await a.admin.post(`${ledMeasureUrl}/budget-lines`, { label: 'Victim LED budget line', source: 'donor', planned: 999 })).json().budgetLines[0];
    const ledReport = (await a.admin.post(`${ledMeasureUrl}/reports`, { reportedOn: '2026-03-02', text: 'Victim LED progress' })).json().reports[0];
    const ledTrainee = (await a.admin.post(`${ledMeasureUrl}/people`, { role: 'participant', person: { name: 'Victim LED trainee Zenabu', phone: '0209998877' } })).json().people[0];
    // An open call for LED measures with an application entered by staff (its public page shows the call, nothing of the application).
    const ledCall = (await a.admin.post('/api/v1/led/calls', { title: 'Victim LED call', budget: 5000, deadlineOn: '2099-12-31', regionIds: [ledRegion.id] })).json();
    await a.admin.post(`/api/v1/led/calls/${ledCall.id}/status`, { status: 'open' });
    const ledApplication = (await a.admin.post(`/api/v1/led/calls/${ledCall.id}/applications`, { regionId: ledRegion.id, title: 'Victim LED application', leadName: 'Victim LED applicant', leadEmail: 'applicant@victim.example' })).json();
    // B2B meetings at the fair: slots and tables, a participant's offer, a request accepted and scheduled (agendas issued).
    const buyer = (await a.admin.post(`/api/v1/events/${fair.id}/registrations`, { kind: 'public', name: 'Victim Buyer Kwame', email: 'kwame@victim.example', ticketTypeId: ticket.id })).json();
    await a.admin.put(`/api/v1/b2b/events/${fair.id}/settings`, { firstSlotAt: '2027-02-01T10:00:00Z', slotMinutes: 20, slotCount: 4, tableCount: 3, tableNames: ['Victim table Baobab'], requestDeadline: '2027-01-31T00:00:00Z' });
    await a.admin.put(`/api/v1/b2b/events/${fair.id}/participants/${registration.id}/profile`, { offer: 'Victim B2B offer of shea', seek: 'Victim B2B seek of buyers', sectors: ['C'] });
    const b2bRequest = (await a.admin.post(`/api/v1/b2b/events/${fair.id}/participants/${registration.id}/requests`, { toRegistrationId: buyer.id, message: 'Victim B2B request message' })).json().outgoing[0];
    await a.admin.post(`/api/v1/b2b/events/${fair.id}/participants/${buyer.id}/requests/${b2bRequest.id}/answer`, { accept: true });
    await a.admin.post(`/api/v1/b2b/events/${fair.id}/schedule`);
    // Networking: a profile not listed (the public directory shows nothing of it), a published offer, an introduction.
    await a.admin.put(`/api/v1/networking/profiles/${firm.id}`, { optedIn: false, summary: 'Victim networking summary', certifications: ['Victim certification'], offerings: [{ name: 'Victim shea product', kind: 'product', hsCode: '151590' }] });
    const partner = await createMemberFirm(a.admin, { legalName: 'Victim Cocoa Buyers', email: 'victim.buyers@victim.example' });
    const offer = (await a.admin.post('/api/v1/networking/offers', { memberId: firm.id, kind: 'supplier', side: 'offer', title: 'Victim offer of shea', offered: 'Victim offered text', hsCodes: ['1515'] })).json();
    await a.admin.post(`/api/v1/networking/offers/${offer.id}/submit`);
    await a.admin.post(`/api/v1/networking/offers/${offer.id}/approve`);
    const introduction = (await a.admin.post('/api/v1/networking/introductions', { firmA: firm.id, firmB: partner.id, offerId: offer.id, note: 'Victim introduction note' })).json();
    // A showcase product in draft: never public, so its name and group are secrets everywhere.
    const product = (await a.admin.post('/api/v1/networking/products', { producerGroup: 'Victim producer group', name: 'Victim showcase product', originPlace: 'Victim village' })).json();
    // A published information entry (networking's information service): members of its own organisation only.
    const infoEntry = (await a.admin.post('/api/v1/networking/info/entries', { type: 'finance', title: 'Victim info entry', source: 'Victim info source', reviewOn: '2099-01-01' })).json();
    await a.admin.post(`/api/v1/networking/info/entries/${infoEntry.id}/state`, { state: 'published' });
    await a.admin.put('/api/v1/networking/settings', { expiryMonths: 7, reminderDays: 11, weights: { sides: 1, products: 2, supplyChain: 3, sectors: 4, place: 5, size: 6, language: 7, certification: 8 } });
    const framework = (await a.admin.post('/api/v1/results/frameworks', { name: 'Victim donor framework', donor: 'Victim donor', iatiOrgRef: 'GH-RGD-VICTIM1', iatiActivityId: 'GH-RGD-VICTIM1-A', iatiOrgType: '22' })).json();
    const indicator = (await a.admin.post(`/api/v1/results/frameworks/${framework.id}/indicators`, { library: null, name: 'Victim indicator of trainees', level: 'output', kind: 'count' })).json().indicators[0];
    const period = (await a.admin.post(`/api/v1/results/frameworks/${framework.id}/periods`, { label: 'Victim period 2026', startsOn: '2026-01-01', endsOn: '2026-12-31' })).json();
    await a.admin.put(`/api/v1/results/periods/${period.id}/targets/${indicator.id}`, { value: 77 });
    await a.admin.post(`/api/v1/results/periods/${period.id}/indicators/${indicator.id}/values`, { value: 5, evidence: 'Victim evidence sheet' });
    const resultValue = (await a.admin.get(`/api/v1/results/periods/${period.id}/indicators/${indicator.id}/records`)).json().items[0];
    await a.admin.post(`/api/v1/results/frameworks/${framework.id}/iati/publish`);
    // Shared with a donor: another organisation may neither see nor revoke the share.
    const victimDonor = await createDonor(t.app.database.db, 'Victim GIZ');
    await a.admin.post(`/api/v1/results/frameworks/${framework.id}/shares`, { donorId: victimDonor.id });
    const budget = (await a.admin.post(`/api/v1/results/frameworks/${framework.id}/budgets`, { startsOn: '2026-01-01', endsOn: '2026-12-31', value: 7_700_000 })).json().budgets[0];
    const transaction = (await a.admin.post(`/api/v1/results/frameworks/${framework.id}/transactions`, { on: '2026-02-01', type: '1', value: 7_700_000, description: 'Victim tranche of funds' })).json().transactions[0];
    victim.orgIds = [a.orgId, branch.id];
    // The victim's ids by the path segment that names their kind (`/members/:id` takes a firm's id):
    // a route's parameter gets the victim records of its own kind, parent and child together, where
    // an id of another kind could only be "not found". A segment not listed here gets every id.
    victim.bySegment = new Map(
      Object.entries({
        reforms: [a.orgId],
        iati: [a.orgId],
        branches: [branch.id],
        people: [a.adminId, staff.userId, ledTrainee.personId],
        invitations: [invitation.id],
        'api-tokens': [token.token.id],
        outbox: [mail.id],
        tiers: [tier.id],
        members: [firm.id, seat.id],
        firms: [firm.id],
        entries: [infoEntry.id],
        invoices: [invoice.id],
        contacts: [contact.id],
        'portal-access': [contact.id],
        views: [view.id],
        forms: [form.id],
        consultations: [consultation.id],
        responses: [response.responseId],
        'member-issues': [issue.id],
        'advocacy-issues': [advocacy.id],
        'cost-activities': [costed.costs.activities[0].id],
        forums: [forum.id],
        meetings: [meeting.id],
        agenda: [agenda.id],
        decisions: [decision.id],
        'public-bodies': [body.id],
        posts: [post.id],
        'decision-makers': [dm.id],
        stakeholders: [dm.id],
        memberships: [membership.id],
        objectives: [objective.id],
        documents: [document.id],
        'people-reached': [reached.id],
        events: [fair.id],
        'ticket-types': [ticket.id],
        registrations: [registration.id, learner.id],
        courses: [course.id, gapCourse.courseId],
        assessments: [assessment.id],
        modules: [courseModule.id],
        sessions: [courseSession.id],
        trainers: [reached.id, learnerPerson],
        certifications: [certification.id],
        // A course's form kind, not an id: every kind, rather than every victim id.
        evaluation: ['pre', 'post', 'satisfaction'],
        frameworks: [framework.id],
        budgets: [budget.id],
        transactions: [transaction.id],
        indicators: [indicator.id],
        shares: [victimDonor.id],
        targets: [indicator.id],
        periods: [period.id],
        values: [resultValue.id],
        regions: [ledRegion.id],
        team: [ledTeamMember.id],
        figures: [ledFigure.id],
        matrix: [ledCell.id],
        bottlenecks: [ledBottleneck.id],
        interviews: [ledInterview.id],
        codes: [ledCode.codeId],
        'survey-responses': [response.responseId],
        measures: [ledMeasure.id],
        milestones: [ledMilestone.id],
        'budget-lines': [ledLine.id],
        reports: [ledReport.id],
        calls: [ledCall.id],
        applications: [ledApplication.id],
        'led-calls': [a.orgId],
        // The self check-in page (/check-in/:orgId/:eventId): the organisation's id first, then every id as the event.
        'check-in': [a.orgId],
        participants: [registration.id, buyer.id],
        requests: [b2bRequest.id],
        directory: [a.orgId],
        'local-development': [a.orgId],
        profiles: [firm.id],
        'why-not': [partner.id],
        offers: [offer.id],
        market: [offer.id],
        introductions: [introduction.id],
        products: [product.id],
      }),
    );
    victim.ids = [
      a.orgId, branch.id, a.adminId, staff.userId, invitation.id, token.token.id, mail.id, tier.id, firm.id, invoice.id, contact.id, view.id, form.id, consultation.id, response.responseId, issue.id,
      advocacy.id, costed.costs.activities[0].id, forum.id, seat.id, meeting.id, agenda.id, decision.id,
      body.id, post.id, dm.id, membership.id, objective.id, document.id, reached.id, fair.id, ticket.id, registration.id, framework.id, indicator.id, period.id, resultValue.id, budget.id, transaction.id,
      course.id, courseModule.id, courseSession.id, learner.id, learnerPerson, certification.id, quiz.id, assessment.id, gapCourse.courseId,
      ledRegion.id, ledTeamMember.id, ledFigure.id, ledCell.id, ledBottleneck.id, ledMeasure.id, ledMilestone.id, ledLine.id, ledReport.id, ledTrainee.personId, ledCall.id, ledApplication.id, ledInterview.id, ledCode.codeId,
      buyer.id, b2bRequest.id,
      partner.id, offer.id, introduction.id, product.id,
    ];
    victim.secrets = [
      'Victim Chamber of Tamale', 'Victim Branch Yendi', 'Victim Staff Wumpini', 'victim.invitee@example.test', a.adminEmail, staff.email,
      'Victim LED interviewee Abiba', 'Victim LED interview answer',
      'Victim tier', 'Victim Shea Processors', 'Victim Contact Mariama', 'Victim visit notes', 'Victim view',
      'Victim survey form', 'Victim consultation', 'Victim comment', 'Victim issue about shea levies', 'Victim issue description',
      'Victim advocacy on shea export levy', 'Victim advocacy problem', 'Victim cost activity', 'Victim shea round table', 'Victim official Alhassan', 'alhassan@victim.example',
      'Victim meeting', 'Victim agenda item', 'Victim decision text', 'Victim Ministry of Food', 'Victim Deputy Minister', 'Victim Hon. Abdulai', 'abdulai@victim.example',
      'Victim stance note', 'Victim objective text', 'victim-levy-study.pdf', 'Victim document description', 'Victim document body',
      'Victim Trainee Akosua', 'akosua@victim.example', 'Victim shea fair', 'Victim exhibitor ticket', 'Victim Visitor Adwoa', 'adwoa@victim.example', registration.ticketCode, 'Victim ToT on shea butter', 'Victim audience of women processors', 'Victim module on quality', 'Victim objective of grading', 'Victim manual', 'Victim ToT session', 'Victim Learner Fuseini', 'fuseini@victim.example', learner.ticketCode, 'Victim teach-back notes', 'Victim quiz on grading', 'Victim quiz question', 'Victim quiz answer', 'Victim capacity note', 'Victim board workshop', 'Victim donor framework', 'Victim indicator of trainees', 'Victim period 2026', 'Victim evidence sheet', 'GH-RGD-VICTIM1-A', 'Victim tranche of funds',
      'Victim LED region Savannah', 'Victim LED narrative', 'Victim LED banker Issah', 'issah@victim.example', 'Victim LED population', 'Victim LED census', 'Victim LED factor', 'Victim LED evidence', 'Victim LED bottleneck of roads', 'Victim LED measure of feeder roads', 'Victim LED partner', 'Victim LED milestone', 'Victim LED budget line', 'Victim LED progress', 'Victim LED trainee Zenabu', 'Victim LED call', 'Victim LED application', 'Victim LED applicant', 'applicant@victim.example',
      'Victim Buyer Kwame', 'kwame@victim.example', buyer.ticketCode, 'Victim table Baobab', 'Victim B2B offer of shea', 'Victim B2B seek of buyers', 'Victim B2B request message',
      'Victim networking summary', 'Victim certification', 'Victim shea product', 'Victim Cocoa Buyers', 'victim.buyers@victim.example', 'Victim offer of shea', 'Victim offered text', 'Victim info entry', 'Victim info source', 'Victim introduction note',
      'Victim showcase product', 'Victim producer group', 'Victim village',
      'victim.firm@victim.example', link!.token,
      // The call's id is its public link's address (its title is checked as a secret on every other route).
      ...victim.ids.filter((id) => id !== ledCall.id),
    ];

    const b = await createOrg(t.app, { name: 'Other Chamber' });
    const otherFirm = await createMemberFirm(b.admin, { legalName: 'Other Firm', email: 'other.firm@other.example' });
    await b.admin.post(`/api/v1/members/${otherFirm.id}/status`, { status: 'active' });
    const otherForm = await createPublishedForm(b.admin);
    const otherConsultation = (await b.admin.post('/api/v1/consultations', { title: 'Other consultation', formId: otherForm.id, identity: 'firm' })).json();
    await b.admin.post(`/api/v1/consultations/${otherConsultation.id}/open`);
    attackerLink = (await mailedLinks(b.admin))[0]!.token;
    attackers.push({ label: 'admin', client: b.admin, role: 'admin' });
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      attackers.push({ label: role, client: (await createPerson(t.app, b.orgId, role)).client, role });
    }
    for (const role of ['staff', 'viewer'] as const) {
      const created = (await b.admin.post('/api/v1/org/api-tokens', { name: `B ${role}`, role })).json();
      attackers.push({ label: `token:${role}`, client: new Client(t.app), bearer: created.secret, role });
    }
    attackers.push({ label: 'anonymous', client: new Client(t.app) });
  });

  // Every route × every foreign id × every attacker: tens of thousands of requests, slow on the embedded database.
  it('no route lets another organisation read or change its data', { timeout: 600_000 }, async () => {
    // Signing out or changing one's own password touches only the caller.
    const routes = t.app.routeTable.filter((r) => !['/api/v1/auth/logout', '/api/v1/auth/password'].includes(r.url));
    expect(routes.length).toBeGreaterThan(20);
    // Outside the API too: the public reform tracker, the respondent's links and their API.
    for (const url of ['/reforms/:orgId', '/reforms/:orgId/papers/:paperId', '/directory/:orgId', '/directory/:orgId/firms/:memberId', '/local-development/:orgId', '/local-development/:orgId/regions/:regionId', '/api/v1/respond/:token', '/api/v1/invitations/:token']) {
      expect(routes.some((r) => r.url === url), url).toBe(true);
    }
    // The respondent page is the web app's shell for any `/r/…` path; its data comes only through the API above.
    routes.push({ method: 'GET', url: '/r/:token', config: {} });
    // The reform tracker, the directory and the LED page are public by design: they show an organisation's name and what it published (nothing here is).
    const publicNames = new Set(['Victim Chamber of Tamale', 'Victim Branch Yendi', 'Victim LED call']);
    const before = await snapshotOf(victim.orgIds);
    const succeeded = new Map<string, number>();
    const failures: string[] = [];

    // The probes, made in the order they are listed (route by route, id by id, caller by caller), up
    // to PROBES_IN_FLIGHT at once, so that the app and its database work side by side. A caller's own
    // requests never overlap (its client carries its session and CSRF token from one answer to the
    // next), and a probe starts only after every probe listed before it has started, so a route's
    // rate limit lets the same first probes through as one at a time would. A probe that repeats
    // one already made (same caller, method, address and body) is made once.
    const probesInOrder: Array<{ client: Client; run: () => Promise<void> }> = [];
    const made = new Set<string>();
    for (const route of routes) {
      const pathChoices = victimIdsFor(route.url, victim.bySegment, victim.ids, attackerLink);
      // Ids the body or query names (a firm to cite, an issue to put on an agenda) take every victim id in turn.
      const carriesIds = [route.schema?.body, route.schema?.querystring].some((schema) => schema && (JSON.stringify(sampleInput(schema, MARK)) ?? '').includes(MARK));
      const probes = [
        ...pathChoices.map((ids) => ({ path: ids, inBody: ids[0]! })),
        ...(carriesIds ? victim.ids.filter((id) => !pathChoices.some((ids) => ids[0] === id)).map((id) => ({ path: pathChoices[0]!, inBody: id })) : []),
      ];
      for (const [choice, { path, inBody }] of probes.entries()) {
        const url = path.reduce((u, id) => u.replace(/:\w+/, id), route.url);
        const payload = route.schema?.body ? sampleInput(route.schema.body, inBody) : undefined;
        const query = route.schema?.querystring ? (sampleInput(route.schema.querystring, inBody) as Record<string, unknown>) : undefined;
        const search = query ? `?${new URLSearchParams(Object.entries(query).filter(([k, v]) => v !== undefined && k !== 'cursor' && k !== 'from' && k !== 'to').map(([k, v]) => [k, String(v)]))}` : '';
        const address = url + (route.method === 'GET' ? search : '');
        for (const attacker of attackers) {
          // A caller the route itself refuses (by its auth and permission, before any id is read) is refused
          // alike whatever the ids: one probe proves it, and the time goes to the callers who get further.
          if (choice > 0 && refusedByRoute(route.config, attacker)) continue;
          const key = `${attacker.label} ${route.method} ${address} ${JSON.stringify(payload) ?? ''}`;
          if (made.has(key)) continue;
          made.add(key);
          const run = async () => {
            const headers = attacker.bearer ? { authorization: `Bearer ${attacker.bearer}` } : undefined;
            const res = await attacker.client.request({ method: route.method as 'GET', url: address, payload: payload as object, headers });
            const where = `${attacker.label} ${route.method} ${url}`;
            if (res.statusCode >= 500) failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
            if (res.statusCode < 300) succeeded.set(attacker.label, (succeeded.get(attacker.label) ?? 0) + 1);
            let body = res.body;
            if (res.headers['content-type']?.includes('problem+json')) body = JSON.stringify({ ...res.json(), instance: undefined, detail: undefined });
            for (const secret of victim.secrets) {
              if ((route.url.startsWith('/reforms/') || route.url.startsWith('/directory/') || route.url.startsWith('/local-development/') || route.url.startsWith('/led-calls/')) && publicNames.has(secret)) continue;
              // The public directory's and LED page's links and forms name the organisation by the id its own address holds.
              if ((route.url.startsWith('/directory/') || route.url.startsWith('/local-development/') || route.url.startsWith('/led-calls/')) && secret === victim.orgIds[0]) continue;
              if (body.includes(secret)) failures.push(`${where}: leaked ${secret} (${res.statusCode})`);
            }
          };
          probesInOrder.push({ client: attacker.client, run });
        }
      }
    }
    const running = new Set<Promise<void>>();
    const lastOf = new Map<Client, Promise<void>>();
    for (const probe of probesInOrder) {
      await lastOf.get(probe.client);
      while (running.size >= PROBES_IN_FLIGHT) await Promise.race(running);
      const request = probe.run().finally(() => running.delete(request));
      running.add(request);
      lastOf.set(probe.client, request);
    }
    await Promise.all(running);
    expect(failures).toEqual([]);
    expect(await snapshotOf(victim.orgIds)).toEqual(before);
    // Every signed-in role could use its own organisation: the probes were real.
    for (const label of ['admin', 'staff', 'member', 'official', 'viewer', 'token:staff', 'token:viewer']) {
      expect(succeeded.get(label) ?? 0, label).toBeGreaterThan(0);
    }
  });
});
