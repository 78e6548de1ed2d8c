import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { Client, useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg, createPerson } from '../../test/factories.js';
import { createPublishedForm, mailedLinks, portClearanceForm, xlsformWorkbook } from '../../test/survey-factories.js';

const t = useTestApp();
const ghana = { regions: ['GH-AA', 'GH-AH', 'GH-NP'] };

async function activeFirm(admin: Client, overrides: Record<string, unknown>) {
  const firm = await createMemberFirm(admin, overrides);
  await admin.post(`/api/v1/members/${firm.id}/status`, { status: 'active' });
  return firm;
}

const good = { imports: 'yes', days: 12, problems: ['fees', 'inspection'], satisfaction: 2, rating: { speed: 'poor', cost: 'poor' }, comment: 'Fewer inspections' };

describe('forms', () => {
  it('lists problems, refuses to publish until they are fixed, and freezes each published version', async () => {
    const { admin } = await createOrg(t.app);
    const broken = portClearanceForm();
    broken.questions.push({ name: 'comment', type: 'text', label: { en: 'Again' }, relevant: '${nowhere} = 1' });
    const created = await admin.post('/api/v1/forms', { definition: broken });
    expect(created.statusCode).toBe(201);
    expect(created.json().problems.map((p: { code: string }) => p.code)).toEqual(['survey.name_duplicate', 'survey.expression_unknown_question']);
    const refused = await admin.post(`/api/v1/forms/${created.json().id}/publish`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('surveys.form_has_problems');

    const id = created.json().id;
    expect((await admin.put(`/api/v1/forms/${id}`, { definition: portClearanceForm() })).json().problems).toEqual([]);
    expect((await admin.post(`/api/v1/forms/${id}/publish`)).json()).toMatchObject({ publishedVersion: 1, hasChanges: false });
    const changed = portClearanceForm();
    changed.questions.pop();
    expect((await admin.put(`/api/v1/forms/${id}`, { definition: changed })).json().hasChanges).toBe(true);
    const v2 = (await admin.post(`/api/v1/forms/${id}/publish`)).json();
    expect(v2.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // Publishing an unchanged form makes no new version.
    expect((await admin.post(`/api/v1/forms/${id}/publish`)).json().publishedVersion).toBe(2);
  });

  it('refuses a malformed definition with field errors, and a form in use cannot be deleted', async () => {
    const { admin } = await createOrg(t.app);
    const bad = await admin.post('/api/v1/forms', { definition: { title: { en: 'x' }, languages: ['en'], questions: [{ name: '1bad name', type: 'telepathy', label: {} }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['definition.questions.0.name', 'definition.questions.0.type']);
    const form = await createPublishedForm(admin);
    await admin.post('/api/v1/consultations', { title: 'Port survey', formId: form.id, identity: 'anonymous' });
    const del = await admin.delete(`/api/v1/forms/${form.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('surveys.form_in_use');
  });
});

describe('XLSForm', () => {
  const survey = [
    ['type', 'name', 'label::English (en)', 'label::Français (fr)', 'required', 'relevant', 'constraint', 'constraint_message::English (en)', 'appearance', 'parameters', 'calculation'],
    ['start', 'start'],
    ['select_one yn', 'imports', 'Do you import?', 'Importez-vous ?', 'yes'],
    ['integer', 'days', 'Days to clear', 'Jours', 'yes', "${imports} = 'yes'", '. >= 0', 'Not negative'],
    ['select_multiple topics', 'topics', 'Topics', 'Sujets'],
    ['range', 'score', 'Score', 'Note', '', '', '', '', '', 'start=1 end=5'],
    ['rank topics', 'priority', 'Priority', 'Priorité'],
    ['begin_group', 'rating', 'Rate', 'Notez', '', '', '', '', 'table-list'],
    ['select_one good', 'speed', 'Speed', 'Rapidité'],
    ['select_one good', 'cost', 'Cost', 'Coût'],
    ['end_group'],
    ['begin_repeat', 'shipments', 'Shipments', 'Envois'],
    ['decimal', 'weight', 'Weight', 'Poids', 'yes'],
    ['end_repeat'],
    ['calculate', 'twice', '', '', '', '', '', '', '', '', '${days} * 2'],
  ];
  const choices = [
    ['list_name', 'name', 'label::English (en)', 'label::Français (fr)'],
    ['yn', 'yes', 'Yes', 'Oui'], ['yn', 'no', 'No', 'Non'],
    ['topics', 'tax', 'Tax', 'Impôts'], ['topics', 'ports', 'Ports', 'Ports'],
    ['good', 'good', 'Good', 'Bon'], ['good', 'poor', 'Poor', 'Mauvais'],
  ];

  it('imports the supported subset, reports what it left out, and exports a workbook that reads back the same', async () => {
    const { admin } = await createOrg(t.app);
    const file = await xlsformWorkbook({ survey, choices, settings: [['form_title', 'form_id', 'default_language'], ['Trade survey', 'trade_2026', 'English (en)']] });
    const res = await admin.upload('/api/v1/forms/import', file, 'trade.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().notices.map((n: { code: string; row: number }) => `${n.code}@${n.row}`)).toEqual(['xlsform.metadata_ignored@2']);
    const form = (await admin.get(`/api/v1/forms/${res.json().form.id}`)).json();
    expect(form.title).toBe('Trade survey');
    expect(form.definition.languages).toEqual(['en', 'fr']);
    expect(form.definition.questions.map((q: { name: string; type: string }) => `${q.name}:${q.type}`)).toEqual([
      'imports:select_one', 'days:integer', 'topics:select_multiple', 'score:scale', 'priority:ranking', 'rating:matrix', 'shipments:repeat', 'twice:calculate',
    ]);
    expect(form.definition.questions[5]).toMatchObject({ rows: [{ value: 'speed' }, { value: 'cost' }], choices: [{ value: 'good' }, { value: 'poor' }] });
    expect(form.definition.questions[1]).toMatchObject({ required: true, relevant: "${imports} = 'yes'", constraintMessage: { en: 'Not negative' } });
    expect(form.problems).toEqual([]);

    const exported = await admin.get(`/api/v1/forms/${form.id}/xlsform`);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const again = await admin.upload('/api/v1/forms/import', exported.rawPayload, 'again.xlsx');
    expect(again.statusCode, again.body).toBe(201);
    const reread = (await admin.get(`/api/v1/forms/${again.json().form.id}`)).json();
    expect(reread.definition).toEqual(form.definition);
  });

  it('refuses a form outside the subset, naming every cell, and creates nothing', async () => {
    const { admin } = await createOrg(t.app);
    const file = await xlsformWorkbook({
      survey: [
        ['type', 'name', 'label', 'relevant', 'choice_filter'],
        ['select_one_from_file towns.csv', 'town', 'Town'],
        ['text', 'x', 'X', 'pulldata("a", 1)'],
        ['begin_group', 'g', 'G'],
        ['select_one colours', 'colour', 'Colour', '', "filter = 'x'"],
        ['text', 'bad name', 'Bad'],
      ],
    });
    const res = await admin.upload('/api/v1/forms/import', file, 'bad.xlsx');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('surveys.xlsform_invalid');
    expect(res.json().errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual([
      'survey!A2 xlsform.type_unsupported', 'survey!D3 survey.expression_function', 'survey!E5 xlsform.column_unsupported',
      'survey!A5 xlsform.list_unknown', 'survey!B6 xlsform.name_invalid', 'survey!A4 xlsform.not_closed',
    ]);
    expect(res.json().errors[0].message).toContain('select_one_from_file towns.csv');
    expect((await admin.get('/api/v1/forms')).json().items).toEqual([]);
    const notZip = await admin.upload('/api/v1/forms/import', Buffer.from('type,name\ntext,a\n'), 'form.xlsx');
    expect(notZip.json().code).toBe('file.unreadable');
  });
});

describe('a consultation of member firms', () => {
  it('invites a segment by personal links, keeps drafts, checks answers like the page does, reminds and analyses', async () => {
    const { admin } = await createOrg(t.app, ghana);
    await activeFirm(admin, { legalName: 'Tamale Shea Co', region: 'GH-NP', email: 'shea@tamale.example', womenLed: true });
    await activeFirm(admin, { legalName: 'Bolga Baskets', region: 'GH-NP', email: 'baskets@bolga.example', employeesMale: 30 });
    const c = await activeFirm(admin, { legalName: 'Accra Traders', region: 'GH-AA', email: 'trade@accra.example' });
    await createMemberFirm(admin, { region: 'GH-NP', email: 'applicant@np.example' }); // not active: not invited
    const form = await createPublishedForm(admin);
    const created = await admin.post('/api/v1/consultations', { title: 'Port clearance 2026', formId: form.id, identity: 'firm', audience: { region: 'GH-NP' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const opened = (await admin.post(`/api/v1/consultations/${id}/open`)).json();
    expect(opened).toMatchObject({ status: 'open', formVersion: 1, invited: 2 });
    expect((await admin.put(`/api/v1/consultations/${id}`, { title: 'Changed', formId: form.id, identity: 'firm' })).statusCode).toBe(409);

    const links = await mailedLinks(admin);
    expect(links.map((l) => l.to).sort()).toEqual(['baskets@bolga.example', 'shea@tamale.example']);
    const shea = links.find((l) => l.to === 'shea@tamale.example')!.token;
    const anon = new Client(t.app);

    const view = (await anon.get(`/api/v1/respond/${shea}`)).json();
    expect(view).toMatchObject({ status: 'new', firmName: 'Tamale Shea Co', consultation: { title: 'Port clearance 2026', locale: 'en-GH' } });
    expect(view.form.questions[0].name).toBe('imports');
    // A draft is kept as typed; it comes back when the respondent returns.
    expect((await anon.put(`/api/v1/respond/${shea}`, { answers: { imports: 'yes', days: 'twelve' } })).json().status).toBe('draft');
    expect((await anon.get(`/api/v1/respond/${shea}`)).json()).toMatchObject({ status: 'draft', answers: { imports: 'yes', days: 'twelve' } });
    // Submitting checks every rule, with the author's message in the respondent's language.
    const refused = await anon.put(`/api/v1/respond/${shea}`, { answers: { imports: 'yes', days: 400, satisfaction: 9 }, submit: true }, { 'accept-language': 'fr' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      { path: 'days', code: 'survey.constraint', message: 'Entre 0 et 364 jours' },
      { path: 'satisfaction', code: 'survey.out_of_range', message: 'Choisissez de 1 à 5.' },
    ]);
    expect((await anon.put(`/api/v1/respond/${shea}`, { answers: good, submit: true })).json().status).toBe('submitted');
    const again = await anon.put(`/api/v1/respond/${shea}`, { answers: good, submit: true });
    expect(again.json().code).toBe('surveys.already_submitted');
    expect((await anon.get('/api/v1/respond/i-not-a-real-link-at-all')).json().code).toBe('surveys.link_invalid');

    // Reminders go only to firms that have not answered, with a new link.
    expect((await admin.post(`/api/v1/consultations/${id}/remind`)).json()).toEqual({ reminded: 1 });
    const reminder = (await mailedLinks(admin, 'consultation_reminder'))[0]!;
    expect(reminder.to).toBe('baskets@bolga.example');
    const oldBaskets = links.find((l) => l.to === 'baskets@bolga.example')!.token;
    expect((await anon.get(`/api/v1/respond/${oldBaskets}`)).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/consultations/${id}/remind`)).json()).toEqual({ reminded: 0 });
    await anon.put(`/api/v1/respond/${reminder.token}`, { answers: { imports: 'no', satisfaction: 4, rating: { speed: 'good', cost: 'poor' }, comment: '=HYPERLINK("x")' }, submit: true });

    // A phone interview with a firm outside the segment: staff see the firm's page, then it counts as invited.
    const before = (await admin.get(`/api/v1/consultations/${id}/firms/${c.id}/response`)).json();
    expect(before).toMatchObject({ status: 'new', firmName: 'Accra Traders', channel: null, answers: {} });
    expect(before.form.questions.map((x: { name: string }) => x.name)).toContain('imports');
    const note = await admin.upload(`/api/v1/consultations/${id}/firms/${c.id}/files`, Buffer.from('call notes'), 'notes.txt');
    expect(note.statusCode).toBe(201);
    const phone = await admin.put(`/api/v1/consultations/${id}/firms/${c.id}/response`, { answers: { ...good, days: 3, problems: ['systems'] }, submit: true, channel: 'phone' });
    expect(phone.json()).toEqual({ status: 'submitted' });
    expect((await admin.get(`/api/v1/consultations/${id}/firms/${c.id}/response`)).json()).toMatchObject({ status: 'submitted', channel: 'phone' });

    const analysis = (await admin.get(`/api/v1/consultations/${id}/analysis`)).json();
    expect(analysis).toMatchObject({ invited: 3, submitted: 3, responseRate: 1 });
    const q = (name: string) => analysis.questions.find((x: { name: string }) => x.name === name);
    expect(q('imports').counts).toEqual(expect.arrayContaining([{ value: 'yes', count: 2, by: null }, { value: 'no', count: 1, by: null }]));
    expect(q('problems').counts).toEqual(expect.arrayContaining([{ value: 'fees', count: 1, by: null }, { value: 'inspection', count: 1, by: null }, { value: 'systems', count: 1, by: null }]));
    expect(q('days')).toMatchObject({ answered: 2, stats: { mean: 7.5, min: 3, max: 12, median: 7.5 } });
    expect(q('rating').counts).toEqual(expect.arrayContaining([{ value: 'speed=poor', count: 2, by: null }, { value: 'speed=good', count: 1, by: null }]));
    const byRegion = (await admin.get(`/api/v1/consultations/${id}/analysis?by=region`)).json();
    expect(byRegion.questions[0].counts).toEqual(expect.arrayContaining([
      { value: 'yes', count: 1, by: 'GH-NP' }, { value: 'no', count: 1, by: 'GH-NP' }, { value: 'yes', count: 1, by: 'GH-AA' },
    ]));
    const byOwnership = (await admin.get(`/api/v1/consultations/${id}/analysis?by=ownership`)).json();
    expect(byOwnership.questions[0].counts).toEqual(expect.arrayContaining([{ value: 'yes', count: 1, by: 'women_led' }]));
    expect((await admin.get(`/api/v1/consultations/${id}/analysis?region=GH-AA`)).json().submitted).toBe(1);
    // Submissions from before answers were kept as rows are written there on the first analysis, with the same result.
    await t.app.database.db.execute(sql`DELETE FROM response_tallies WHERE consultation_id = ${id}`);
    await t.app.database.db.execute(sql`UPDATE responses SET tallied = false WHERE consultation_id = ${id}`);
    expect((await admin.get(`/api/v1/consultations/${id}/analysis`)).json()).toEqual(analysis);

    // Free text: listed, tagged, filtered by tag.
    const texts = (await admin.get(`/api/v1/consultations/${id}/text-answers?question=comment`)).json().items;
    expect(texts).toHaveLength(3);
    const first = texts.find((x: { text: string; firmName: string }) => x.text === 'Fewer inspections' && x.firmName === 'Tamale Shea Co');
    expect((await admin.put(`/api/v1/consultations/${id}/responses/${first.responseId}/tags`, { question: 'comment', tags: ['Inspections', 'inspections'] })).json()).toEqual({ tags: ['inspections'] });
    expect((await admin.get(`/api/v1/consultations/${id}/text-answers?question=comment&tag=inspections`)).json().items.map((x: { responseId: string }) => x.responseId)).toEqual([first.responseId]);

    // Raw answers, one column per question, formulas neutralised.
    const csv = (await admin.get(`/api/v1/consultations/${id}/answers.csv`)).body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(csv).toHaveLength(4);
    expect(csv[0]).toBe('response_id,submitted_at,channel,firm,firm_sector,firm_region,firm_size,firm_ownership,firm_owner_sex,imports,days,problems,satisfaction,rating/speed,rating/cost,comment');
    expect(csv.find((l) => l.includes('Tamale Shea Co'))).toContain(',women_led,,yes,12,fees inspection,2,poor,poor,Fewer inspections');
    expect(csv.find((l) => l.includes('Bolga'))).toContain(`"'=HYPERLINK(""x"")"`);
    const xlsx = await admin.get(`/api/v1/consultations/${id}/answers.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(4);

    // Closing stops answers; a submitted respondent still sees what it sent.
    await admin.post(`/api/v1/consultations/${id}/close`);
    expect((await anon.get(`/api/v1/respond/${shea}`)).json().status).toBe('submitted');
    expect((await anon.put(`/api/v1/respond/${reminder.token}`, { answers: {} })).json().code).toBe('surveys.consultation_not_open');
  });

  it('keeps old answers readable when the form changes after responses arrive', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const firm = await activeFirm(admin, { region: 'GH-AA', email: 'v1@firm.example' });
    const form = await createPublishedForm(admin);
    const id = (await admin.post('/api/v1/consultations', { title: 'First round', formId: form.id, identity: 'firm' })).json().id;
    await admin.post(`/api/v1/consultations/${id}/open`);
    await admin.put(`/api/v1/consultations/${id}/firms/${firm.id}/response`, { answers: good, submit: true, channel: 'field' });

    const changed = portClearanceForm();
    changed.questions = changed.questions.filter((q) => q.name !== 'comment');
    await admin.put(`/api/v1/forms/${form.id}`, { definition: changed });
    await admin.post(`/api/v1/forms/${form.id}/publish`);
    expect((await admin.get(`/api/v1/consultations/${id}/form`)).json().questions.map((q: { name: string }) => q.name)).toContain('comment');
    const csv = (await admin.get(`/api/v1/consultations/${id}/answers.csv`)).body;
    expect(csv).toContain('Fewer inspections');
    expect((await admin.get(`/api/v1/forms/${form.id}`)).json().versions).toEqual([
      expect.objectContaining({ version: 2, responses: 0 }), expect.objectContaining({ version: 1, responses: 1 }),
    ]);
  });
});

describe('an anonymous consultation', () => {
  it('publishes one link; each respondent resumes with a key only it holds; no firm is recorded', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const form = await createPublishedForm(admin);
    const id = (await admin.post('/api/v1/consultations', { title: 'Open call', formId: form.id, identity: 'anonymous' })).json().id;
    expect((await admin.get(`/api/v1/consultations/${id}`)).json().publicUrl).toBeNull();
    const opened = (await admin.post(`/api/v1/consultations/${id}/open`)).json();
    const token = /\/r\/(p-[\w-]+)$/.exec(opened.publicUrl)![1]!;
    const anon = new Client(t.app);
    const first = (await anon.put(`/api/v1/respond/${token}`, { answers: { imports: 'no' } })).json();
    expect(first.resumeKey).toMatch(/^[\w-]{40,}$/);
    expect((await anon.get(`/api/v1/respond/${token}?resume=${first.resumeKey}`)).json()).toMatchObject({ status: 'draft', answers: { imports: 'no' }, firmName: null });
    expect((await anon.get(`/api/v1/respond/${token}`)).json()).toMatchObject({ status: 'new', answers: {} });
    await anon.put(`/api/v1/respond/${token}`, { answers: { imports: 'no', satisfaction: 3 }, submit: true, resumeKey: first.resumeKey });
    await anon.put(`/api/v1/respond/${token}`, { answers: { imports: 'yes', days: 5 }, submit: true });
    const analysis = (await admin.get(`/api/v1/consultations/${id}/analysis`)).json();
    expect(analysis).toMatchObject({ invited: 0, submitted: 2, responseRate: null });
    const firm = await createMemberFirm(admin);
    expect((await admin.put(`/api/v1/consultations/${id}/firms/${firm.id}/response`, { answers: {}, channel: 'phone' })).json().code).toBe('surveys.anonymous_entry');
    expect((await admin.get(`/api/v1/consultations/${id}/answers.csv`)).body.split(/\r?\n/)[0]).not.toContain('firm');
  });
});

describe('files attached to answers', () => {
  it('keeps a respondent file, refuses answers naming a file it does not hold, and lets staff download it', async () => {
    const { admin } = await createOrg(t.app);
    const form = await createPublishedForm(admin, { title: { en: 'Permits' }, languages: ['en'], questions: [{ name: 'permit', type: 'file', label: { en: 'Photo of your permit' }, required: true }] });
    const id = (await admin.post('/api/v1/consultations', { title: 'Permits', formId: form.id, identity: 'anonymous' })).json().id;
    const token = /\/r\/(p-[\w-]+)$/.exec((await admin.post(`/api/v1/consultations/${id}/open`)).json().publicUrl)![1]!;
    const anon = new Client(t.app);
    const stored = await anon.upload(`/api/v1/respond/${token}/files`, Buffer.from('%PDF-1.4 permit'), 'permit.pdf');
    expect(stored.statusCode).toBe(201);
    const forged = await anon.put(`/api/v1/respond/${token}`, { answers: { permit: { fileId: '00000000-0000-4000-8000-000000000000', name: 'x.pdf' } }, submit: true });
    expect(forged.json().code).toBe('surveys.answers_invalid');
    expect((await anon.put(`/api/v1/respond/${token}`, { answers: { permit: stored.json() }, submit: true })).json().status).toBe('submitted');
    const file = await admin.get(`/api/v1/consultations/${id}/files/${stored.json().fileId}`);
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(file.body).toBe('%PDF-1.4 permit');
    const tooBig = await anon.upload(`/api/v1/respond/${token}/files`, Buffer.alloc(5 * 1024 * 1024 + 1), 'huge.bin');
    expect(tooBig.statusCode).toBe(413);
  });
});

describe('who may do what', () => {
  it('lets viewers read results but not send or change; members see no consultations', async () => {
    const { admin, orgId } = await createOrg(t.app);
    const form = await createPublishedForm(admin);
    const id = (await admin.post('/api/v1/consultations', { title: 'Round', formId: form.id, identity: 'anonymous' })).json().id;
    const viewer = (await createPerson(t.app, orgId, 'viewer')).client;
    expect((await viewer.get(`/api/v1/consultations/${id}`)).statusCode).toBe(200);
    expect((await viewer.post(`/api/v1/consultations/${id}/open`)).statusCode).toBe(403);
    expect((await viewer.get(`/api/v1/consultations/${id}/answers.csv`)).statusCode).toBe(403);
    const member = (await createPerson(t.app, orgId, 'member')).client;
    expect((await member.get('/api/v1/consultations')).statusCode).toBe(403);
    expect((await member.get('/api/v1/forms')).statusCode).toBe(403);
  });
});
