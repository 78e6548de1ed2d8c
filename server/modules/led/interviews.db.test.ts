import { describe, expect, it } from 'vitest';
import type { BottleneckEvidence, LedInterview, LedInterviewDetail } from '../../../contracts/led-interviews.js';
import type { LedRegionDetail } from '../../../contracts/led.js';
import { Client, useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg, createPerson } from '../../test/factories.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-NP'] };
const choice = (value: string, en: string) => ({ value, label: { en } });

/** An interview guide: what holds firms back, and where finance comes from. */
const guide = {
  title: { en: 'LED interview guide' }, languages: ['en'],
  questions: [
    { name: 'obstacle', type: 'text', label: { en: 'What holds your business back?' }, required: true },
    { name: 'finance', type: 'select_one', label: { en: 'Where does your finance come from?' }, choices: [choice('bank', 'A bank'), choice('family', 'Family')] },
    { name: 'intro', type: 'note', label: { en: 'Thank the interviewee.' } },
  ],
};
/** A consultation's form: one choice, one comment. */
const surveyForm = {
  title: { en: 'Port clearance' }, languages: ['en'],
  questions: [
    { name: 'delay', type: 'select_one', label: { en: 'Was clearance delayed?' }, choices: [choice('yes', 'Yes'), choice('no', 'No')] },
    { name: 'comment', type: 'text', label: { en: 'Comment' } },
  ],
};

async function publishedForm(admin: Client, definition: object, purpose: string, publish = true) {
  const res = await admin.post('/api/v1/forms', { definition, purpose });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string }).id;
  if (publish) expect((await admin.post(`/api/v1/forms/${id}/publish`)).statusCode).toBe(200);
  return id;
}

/** An org with two regions, a bottleneck in each, and a published interview guide. */
async function world() {
  const { admin, orgId } = await createOrg(t.app, ghana);
  const accra = (await admin.post('/api/v1/led/regions', { name: 'Accra', region: 'GH-AA' })).json() as LedRegionDetail;
  const tamale = (await admin.post('/api/v1/led/regions', { name: 'Tamale', region: 'GH-NP' })).json() as LedRegionDetail;
  const bottleneck = async (regionId: string, title: string, kind = 'locational') =>
    ((await admin.post(`/api/v1/led/regions/${regionId}/bottlenecks`, { title, kind })).json() as LedRegionDetail).bottleneckList.find((b) => b.title === title)!.id;
  const permits = await bottleneck(accra.id, 'Traders need three permits', 'regulatory');
  const credit = await bottleneck(accra.id, 'No credit for small firms');
  const roads = await bottleneck(tamale.id, 'Feeder roads impassable in the rains');
  const guideId = await publishedForm(admin, guide, 'interview');
  return { admin, orgId, accra, tamale, permits, credit, roads, guideId };
}

/** A submitted answer of a member firm to a consultation, entered by staff from a call. */
async function surveyAnswer(admin: Client, answers: Record<string, unknown>) {
  const formId = await publishedForm(admin, surveyForm, 'survey');
  const firm = await createMemberFirm(admin, { legalName: 'Tema Forwarders', region: 'GH-AA' });
  await admin.post(`/api/v1/members/${firm.id}/status`, { status: 'active' });
  const consultation = (await admin.post('/api/v1/consultations', { title: 'Port clearance 2026', formId, identity: 'firm', audience: {} })).json();
  expect((await admin.post(`/api/v1/consultations/${consultation.id}/open`)).statusCode).toBe(200);
  const put = await admin.put(`/api/v1/consultations/${consultation.id}/firms/${firm.id}/response`, { answers, submit: true, channel: 'phone' });
  expect(put.statusCode, put.body).toBe(200);
  const texts = (await admin.get(`/api/v1/consultations/${consultation.id}/text-answers?question=comment`)).json().items;
  return { consultationId: consultation.id as string, responseId: texts[0].responseId as string, firm };
}

/** A member issue staff record for a firm (from a call). */
async function memberIssue(admin: Client, title: string, category = 'regulation') {
  const firm = await createMemberFirm(admin, { legalName: `${title} Ltd` });
  const res = await admin.post('/api/v1/member-issues', { title, description: `${title}.`, category, memberId: firm.id });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

const startInterview = (admin: Client, regionId: string, body: Record<string, unknown>) => admin.post(`/api/v1/led/regions/${regionId}/interviews`, {
  interviewee: 'Ama Mensah', sector: 'private', organisation: 'Makola Traders Association', interviewedOn: '2026-03-02', ...body,
});

describe('LED interviews', () => {
  it('conducts an interview with a published interview guide on the respondent page, checked by the form engine, once', async () => {
    const { admin, orgId, accra, guideId } = await world();
    const surveyId = await publishedForm(admin, surveyForm, 'survey');
    const draftGuide = await publishedForm(admin, guide, 'interview', false);
    expect((await startInterview(admin, accra.id, { formId: surveyId })).json().errors).toEqual([expect.objectContaining({ path: 'formId', code: 'led.guide_not_interview' })]);
    expect((await startInterview(admin, accra.id, { formId: draftGuide })).json().errors).toEqual([expect.objectContaining({ path: 'formId', code: 'led.guide_not_published' })]);
    expect((await startInterview(admin, accra.id, { formId: guideId, sector: 'church' })).statusCode).toBe(400);
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    expect((await startInterview(viewer, accra.id, { formId: guideId })).statusCode).toBe(403);

    const started = await startInterview(admin, accra.id, { formId: guideId });
    expect(started.statusCode, started.body).toBe(201);
    const interview = started.json() as LedInterviewDetail;
    expect(interview).toMatchObject({ regionName: 'Accra', formVersion: 1, formTitle: 'LED interview guide', status: 'draft', interviewee: 'Ama Mensah', sector: 'private', answers: [], codes: 0 });
    // The respondent page reads the guide through the interview.
    const view = (await admin.get(`/api/v1/led/interviews/${interview.id}/answers`)).json();
    expect(view).toMatchObject({ status: 'new', firmName: 'Ama Mensah (Makola Traders Association)', form: { title: { en: 'LED interview guide' } } });
    expect((await viewer.get(`/api/v1/led/interviews/${interview.id}/answers`)).statusCode).toBe(403);

    const url = `/api/v1/led/interviews/${interview.id}/answers`;
    const missing = await admin.put(url, { answers: { finance: 'bank' }, submissionKey: 'k-0123456789abcdef' });
    expect([missing.statusCode, missing.json().code]).toEqual([400, 'surveys.answers_invalid']);
    const key = 'k-fedcba9876543210';
    expect((await admin.put(url, { answers: { obstacle: 'Permits take six months', finance: 'family' }, submissionKey: key })).statusCode).toBe(200);
    // Sent again after a lost connection: answered, nothing changes; another submission is refused.
    expect((await admin.put(url, { answers: { obstacle: 'Permits take six months', finance: 'family' }, submissionKey: key })).statusCode).toBe(200);
    const twice = await admin.put(url, { answers: { obstacle: 'Other' }, submissionKey: 'k-aaaaaaaaaaaaaaaa' });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'led.interview_submitted']);

    const detail = (await viewer.get(`/api/v1/led/interviews/${interview.id}`)).json() as LedInterviewDetail;
    expect(detail.status).toBe('submitted');
    // In the guide's order, choices by their label; the note takes no answer.
    expect(detail.answers.map((a) => [a.question, a.label, a.text])).toEqual([
      ['obstacle', 'What holds your business back?', 'Permits take six months'],
      ['finance', 'Where does your finance come from?', 'Family'],
    ]);
    const list = (await viewer.get(`/api/v1/led/regions/${accra.id}/interviews`)).json();
    expect(list.items.map((i: LedInterview) => [i.interviewee, i.status])).toEqual([['Ama Mensah', 'submitted']]);
    const audit = (await admin.get(`/api/v1/audit?entityType=led_interview&entityId=${interview.id}`)).json();
    expect(audit.items.map((e: { action: string; entityName: string }) => [e.action, e.entityName]).sort()).toEqual([['led_interview.start', 'Ama Mensah'], ['led_interview.submit', 'Ama Mensah']]);
  });

  it('lists a region’s interviews newest first, cursor-paged, and by interviewee', async () => {
    const { admin, accra, tamale, guideId } = await world();
    const days = ['2026-01-10', '2026-03-05', '2026-02-20'];
    for (const [i, day] of days.entries()) expect((await startInterview(admin, accra.id, { formId: guideId, interviewee: `Person ${i}`, interviewedOn: day })).statusCode).toBe(201);
    await startInterview(admin, tamale.id, { formId: guideId, interviewee: 'Elsewhere' });
    const first = (await admin.get(`/api/v1/led/regions/${accra.id}/interviews?limit=2`)).json();
    const second = (await admin.get(`/api/v1/led/regions/${accra.id}/interviews?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)).json();
    expect([...first.items, ...second.items].map((i: LedInterview) => i.interviewedOn)).toEqual([...days].sort().reverse());
    expect(second.nextCursor).toBeNull();
    expect((await admin.get(`/api/v1/led/regions/${accra.id}/interviews?sort=interviewee`)).json().items.map((i: LedInterview) => i.interviewee)).toEqual(['Person 0', 'Person 1', 'Person 2']);
  });
});

describe('evidence coded to bottlenecks', () => {
  it('codes interview answers, survey answers and member issues to a bottleneck of the region, counted as coded, both ways', async () => {
    const { admin, orgId, accra, tamale, permits, credit, roads, guideId } = await world();
    const interview = (await startInterview(admin, accra.id, { formId: guideId })).json() as LedInterviewDetail;
    const codes = (regionId: string, bottleneckId: string) => `/api/v1/led/regions/${regionId}/bottlenecks/${bottleneckId}/codes`;
    // A draft has no answers to code yet.
    const early = await admin.post(codes(accra.id, permits), { source: 'interview', interviewId: interview.id, question: 'obstacle' });
    expect([early.statusCode, early.json().code]).toEqual([409, 'led.interview_not_submitted']);
    await admin.put(`/api/v1/led/interviews/${interview.id}/answers`, { answers: { obstacle: 'Permits take six months', finance: 'bank' }, submissionKey: null });
    const second = (await startInterview(admin, accra.id, { formId: guideId, interviewee: 'Kofi Boateng', sector: 'public', organisation: 'Accra Metropolitan Assembly' })).json() as LedInterviewDetail;
    await admin.put(`/api/v1/led/interviews/${second.id}/answers`, { answers: { obstacle: 'Three offices license one stall' }, submissionKey: null });
    const { responseId, consultationId } = await surveyAnswer(admin, { delay: 'yes', comment: 'Inspections by three agencies' });
    const issue = await memberIssue(admin, 'Stall licences cost too much');
    const issue2 = await memberIssue(admin, 'Market toilets closed', 'infrastructure');

    // What was coded, tallied here as each code is accepted.
    const coded = { interviews: 0, surveys: 0, memberIssues: 0 };
    const code = async (bottleneckId: string, body: Record<string, unknown>) => {
      const res = await admin.post(codes(accra.id, bottleneckId), body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as BottleneckEvidence;
    };
    await code(permits, { source: 'interview', interviewId: interview.id, question: 'obstacle', note: 'Said twice' });
    coded.interviews++;
    await code(permits, { source: 'interview', interviewId: second.id, question: 'obstacle' });
    coded.interviews++;
    await code(credit, { source: 'interview', interviewId: interview.id, question: 'finance' });
    await code(credit, { source: 'interview', interviewId: interview.id, question: 'obstacle' });
    await code(permits, { source: 'survey', responseId, question: 'comment' });
    coded.surveys++;
    await code(permits, { source: 'survey', responseId, question: 'delay' });
    coded.surveys++;
    await code(permits, { source: 'member_issue', memberIssueId: issue.id });
    coded.memberIssues++;
    const evidence = await code(permits, { source: 'member_issue', memberIssueId: issue2.id, note: 'Same market' });
    coded.memberIssues++;

    expect(evidence.counts).toEqual({ ...coded, total: coded.interviews + coded.surveys + coded.memberIssues });
    expect(evidence.interviews.map((i) => [i.interviewee, i.organisation, i.sector, i.label, i.text, i.note])).toEqual([
      ['Ama Mensah', 'Makola Traders Association', 'private', 'What holds your business back?', 'Permits take six months', 'Said twice'],
      ['Kofi Boateng', 'Accra Metropolitan Assembly', 'public', 'What holds your business back?', 'Three offices license one stall', ''],
    ]);
    // Each piece links back to its source.
    expect(evidence.interviews.map((i) => i.interviewId)).toEqual([interview.id, second.id]);
    expect(evidence.surveys.map((s) => [s.responseId, s.consultationId, s.consultationTitle, s.firmName, s.label, s.text])).toEqual([
      [responseId, consultationId, 'Port clearance 2026', 'Tema Forwarders', 'Comment', 'Inspections by three agencies'],
      [responseId, consultationId, 'Port clearance 2026', 'Tema Forwarders', 'Was clearance delayed?', 'Yes'],
    ]);
    expect(evidence.memberIssues.map((m) => [m.memberIssueId, m.title, m.note])).toEqual([[issue.id, 'Stall licences cost too much', ''], [issue2.id, 'Market toilets closed', 'Same market']]);
    // A viewer reads the same evidence.
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    expect((await viewer.get(`/api/v1/led/regions/${accra.id}/bottlenecks/${permits}`)).json()).toEqual(evidence);
    expect((await viewer.post(codes(accra.id, permits), { source: 'member_issue', memberIssueId: issue.id })).statusCode).toBe(403);

    // From the interview's answer, the bottlenecks it is coded to.
    const detail = (await admin.get(`/api/v1/led/interviews/${interview.id}`)).json() as LedInterviewDetail;
    expect(Object.fromEntries(detail.answers.map((a) => [a.question, a.codedTo.map((c) => c.bottleneckId).sort()]))).toEqual({ obstacle: [permits, credit].sort(), finance: [credit] });
    expect(detail.codes).toBe(3);
    expect((await admin.get(`/api/v1/led/regions/${accra.id}/interviews`)).json().items.map((i: LedInterview) => [i.interviewee, i.codes]).sort()).toEqual([['Ama Mensah', 3], ['Kofi Boateng', 1]]);

    // Refused: the same evidence twice, a question not answered or not in the form, another region's bottleneck.
    const twice = await admin.post(codes(accra.id, permits), { source: 'member_issue', memberIssueId: issue.id });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'led.already_coded']);
    expect((await admin.post(codes(accra.id, permits), { source: 'interview', interviewId: second.id, question: 'finance' })).json().errors).toEqual([expect.objectContaining({ path: 'question', code: 'led.answer_not_found' })]);
    expect((await admin.post(codes(accra.id, permits), { source: 'survey', responseId, question: 'nowhere' })).json().errors).toEqual([expect.objectContaining({ path: 'question', code: 'led.answer_not_found' })]);
    const otherRegion = await admin.post(codes(tamale.id, roads), { source: 'interview', interviewId: interview.id, question: 'obstacle' });
    expect(otherRegion.json().errors).toEqual([expect.objectContaining({ path: 'interviewId', code: 'led.bottleneck_of_other_region' })]);
    // A bottleneck named under another region is not found.
    expect((await admin.post(codes(tamale.id, permits), { source: 'member_issue', memberIssueId: issue.id })).statusCode).toBe(404);

    // Taking a code back: the evidence drops by one, the source stays, and both steps are audited on the bottleneck.
    const [first] = evidence.interviews;
    const removed = await admin.delete(`${codes(accra.id, permits)}/${first!.codeId}`);
    expect(removed.statusCode).toBe(200);
    expect((removed.json() as BottleneckEvidence).counts).toEqual({ interviews: coded.interviews - 1, surveys: coded.surveys, memberIssues: coded.memberIssues, total: coded.interviews - 1 + coded.surveys + coded.memberIssues });
    expect((await admin.delete(`${codes(accra.id, permits)}/${first!.codeId}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/led/interviews/${interview.id}`)).json().answers.find((a: { question: string }) => a.question === 'obstacle').codedTo.map((c: { bottleneckId: string }) => c.bottleneckId)).toEqual([credit]);
    const audit = (await admin.get(`/api/v1/audit?entityType=led_bottleneck&entityId=${permits}`)).json();
    const actions = audit.items.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'led_bottleneck.code')).toHaveLength(coded.interviews + coded.surveys + coded.memberIssues);
    expect(actions.filter((a: string) => a === 'led_bottleneck.uncode')).toHaveLength(1);
  });

  it('refuses another organisation’s interview, survey answer and member issue, and hides its bottlenecks', async () => {
    const ours = await world();
    const theirs = await world();
    const interview = (await startInterview(theirs.admin, theirs.accra.id, { formId: theirs.guideId })).json() as LedInterviewDetail;
    await theirs.admin.put(`/api/v1/led/interviews/${interview.id}/answers`, { answers: { obstacle: 'Theirs' }, submissionKey: null });
    const { responseId } = await surveyAnswer(theirs.admin, { delay: 'no', comment: 'Theirs too' });
    const issue = await memberIssue(theirs.admin, 'Their own member issue');
    const url = `/api/v1/led/regions/${ours.accra.id}/bottlenecks/${ours.permits}/codes`;

    expect((await ours.admin.post(url, { source: 'interview', interviewId: interview.id, question: 'obstacle' })).json().errors).toEqual([expect.objectContaining({ path: 'interviewId', code: 'led.interview_not_found' })]);
    expect((await ours.admin.post(url, { source: 'survey', responseId, question: 'comment' })).json().errors).toEqual([expect.objectContaining({ path: 'question', code: 'led.answer_not_found' })]);
    expect((await ours.admin.post(url, { source: 'member_issue', memberIssueId: issue.id })).json().errors).toEqual([expect.objectContaining({ path: 'memberIssueId', code: 'led.member_issue_not_found' })]);
    expect((await ours.admin.get(`/api/v1/led/survey-responses/${responseId}`)).statusCode).toBe(404);
    expect((await ours.admin.get(`/api/v1/led/interviews/${interview.id}`)).statusCode).toBe(404);
    // Nor may they code to our bottleneck, or read it.
    expect((await theirs.admin.post(url, { source: 'member_issue', memberIssueId: issue.id })).statusCode).toBe(404);
    expect((await theirs.admin.get(`/api/v1/led/regions/${ours.accra.id}/bottlenecks/${ours.permits}`)).statusCode).toBe(404);
    expect((await ours.admin.get(`/api/v1/led/regions/${ours.accra.id}/bottlenecks/${ours.permits}`)).json().counts).toEqual({ interviews: 0, surveys: 0, memberIssues: 0, total: 0 });
  });

  it('shows a submitted response’s answers to choose from, and drops the codes of an interview removed', async () => {
    const { admin, accra, permits, guideId } = await world();
    const { responseId, consultationId } = await surveyAnswer(admin, { delay: 'yes', comment: 'Slow' });
    expect((await admin.get(`/api/v1/led/survey-responses/${responseId}`)).json()).toEqual({
      responseId, consultationId, consultationTitle: 'Port clearance 2026', firmName: 'Tema Forwarders',
      answers: [{ question: 'delay', label: 'Was clearance delayed?', text: 'Yes' }, { question: 'comment', label: 'Comment', text: 'Slow' }],
    });
    const interview = (await startInterview(admin, accra.id, { formId: guideId })).json() as LedInterviewDetail;
    await admin.put(`/api/v1/led/interviews/${interview.id}/answers`, { answers: { obstacle: 'Permits' }, submissionKey: null });
    await admin.post(`/api/v1/led/regions/${accra.id}/bottlenecks/${permits}/codes`, { source: 'interview', interviewId: interview.id, question: 'obstacle' });
    expect((await admin.delete(`/api/v1/led/interviews/${interview.id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/led/regions/${accra.id}/bottlenecks/${permits}`)).json().counts.total).toBe(0);
    const audit = (await admin.get(`/api/v1/audit?entityType=led_interview&entityId=${interview.id}`)).json();
    expect(audit.items.find((e: { action: string }) => e.action === 'led_interview.remove').before).toMatchObject({ interviewee: 'Ama Mensah', codes: 1 });
  });

  it('carries the coded evidence into the advocacy issue a regulatory bottleneck is sent to', async () => {
    const { admin, accra, permits, guideId } = await world();
    const interview = (await startInterview(admin, accra.id, { formId: guideId })).json() as LedInterviewDetail;
    await admin.put(`/api/v1/led/interviews/${interview.id}/answers`, { answers: { obstacle: 'Permits take six months' }, submissionKey: null });
    const { responseId, consultationId } = await surveyAnswer(admin, { delay: 'yes', comment: 'Inspections by three agencies' });
    const issue = await memberIssue(admin, 'Stall licences cost too much');
    const url = `/api/v1/led/regions/${accra.id}/bottlenecks/${permits}/codes`;
    for (const body of [
      { source: 'interview', interviewId: interview.id, question: 'obstacle' },
      { source: 'survey', responseId, question: 'comment' },
      { source: 'survey', responseId, question: 'delay' },
      { source: 'member_issue', memberIssueId: issue.id },
    ]) expect((await admin.post(url, body)).statusCode).toBe(201);

    const taken = await admin.post(`/api/v1/led/regions/${accra.id}/bottlenecks/${permits}/advocacy`);
    expect(taken.statusCode, taken.body).toBe(201);
    const advocacy = (await admin.get(`/api/v1/advocacy-issues/${taken.json().advocacyIssueId}`)).json();
    expect(advocacy.problem).toBe([
      'Interviews (1):\n- What holds your business back?: “Permits take six months” (Ama Mensah, Makola Traders Association, Private, 2026-03-02)',
      'Survey answers (2):\n- Port clearance 2026, Comment: “Inspections by three agencies” (Tema Forwarders)\n- Port clearance 2026, Was clearance delayed?: “Yes” (Tema Forwarders)',
      'Member issues (1):\n- Stall licences cost too much',
    ].join('\n\n'));
    // What advocacy keeps as its own evidence, linked in one transaction (so in no order of time): the member issue and each question answered.
    expect(advocacy.evidence.map((e: { kind: string; memberIssue: { id: string } | null; question: { consultationId: string; name: string } | null }) => (e.kind === 'member_issue' ? [e.kind, e.memberIssue!.id] : [e.kind, e.question!.consultationId, e.question!.name])).sort()).toEqual([
      ['member_issue', issue.id], ['survey_question', consultationId, 'comment'], ['survey_question', consultationId, 'delay'],
    ]);
    expect(advocacy.history.filter((e: { action: string }) => e.action === 'evidence_added')).toHaveLength(3);
    // The bottleneck's page links to the issue; the member issue was forwarded to it.
    expect((await admin.get(`/api/v1/led/regions/${accra.id}/bottlenecks/${permits}`)).json().advocacyIssueId).toBe(taken.json().advocacyIssueId);
    expect((await admin.get(`/api/v1/member-issues/${issue.id}`)).json().status).toBe('forwarded');
  });
});
