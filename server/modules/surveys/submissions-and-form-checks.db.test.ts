import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../contracts/surveys/form-definition.js';
import { Client, useTestApp } from '../../test/app.js';
import { createMemberFirm, createOrg } from '../../test/factories.js';
import { createPublishedForm, xlsformWorkbook } from '../../test/survey-factories.js';

const t = useTestApp();

const costForm: FormDefinition = {
  title: { en: 'Monthly costs' },
  languages: ['en'],
  questions: [
    { name: 'monthly_cost', type: 'integer', label: { en: 'What does clearance cost you a month?' }, required: true },
    { name: 'yearly_cost', type: 'calculate', label: {}, calculation: '${monthly_cost} * 12' },
    { name: 'summary', type: 'calculate', label: {}, calculation: "concat('cost ', ${monthly_cost})" },
    { name: 'code', type: 'text', label: { en: 'Customs code' }, constraint: "regex(., '^(a|a)*$') or regex(., '^[A-Z]{2}\\d+$')" },
  ],
};

async function openAnonymous(admin: Client, definition: FormDefinition) {
  const form = await createPublishedForm(admin, definition);
  await admin.post(`/api/v1/forms/${form.id}/publish`);
  const id = (await admin.post('/api/v1/consultations', { title: 'Costs', formId: form.id, identity: 'anonymous' })).json().id as string;
  const token = /\/r\/(p-[\w-]+)$/.exec((await admin.post(`/api/v1/consultations/${id}/open`)).json().publicUrl)![1]!;
  return { id, token };
}

describe('a submission sent again after a lost connection', () => {
  it('is counted once: the same key answers "submitted" without a second response', async () => {
    const { admin } = await createOrg(t.app);
    const { id, token } = await openAnonymous(admin, costForm);
    const phone = new Client(t.app);
    const body = { answers: { monthly_cost: 1500 }, submit: true, submissionKey: 'k7f3c1a9e2b84d6f90a1' };
    const first = await phone.put(`/api/v1/respond/${token}`, body);
    expect(first.json()).toMatchObject({ status: 'submitted' });
    // The answer to the first was lost on the way back: the page sends it again, as it was.
    const again = await phone.put(`/api/v1/respond/${token}`, body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().status).toBe('submitted');
    expect((await admin.get(`/api/v1/consultations/${id}/analysis`)).json().submitted).toBe(1);
    // Another submission (another key) is another response.
    await phone.put(`/api/v1/respond/${token}`, { ...body, submissionKey: 'a0b1c2d3e4f5a6b7c8d9' });
    expect((await admin.get(`/api/v1/consultations/${id}/analysis`)).json().submitted).toBe(2);
    // Two attempts of one submission arriving together: one response.
    const twice = { ...body, submissionKey: 'same-moment-0001-abcd' };
    const both = await Promise.all([new Client(t.app).put(`/api/v1/respond/${token}`, twice), new Client(t.app).put(`/api/v1/respond/${token}`, twice)]);
    expect(both.map((r) => r.json().status)).toEqual(['submitted', 'submitted']);
    expect((await admin.get(`/api/v1/consultations/${id}/analysis`)).json().submitted).toBe(3);
  });

  it('is counted once for a firm too, and after the consultation closed', async () => {
    const { admin } = await createOrg(t.app);
    const firm = await createMemberFirm(admin);
    const form = await createPublishedForm(admin, costForm);
    await admin.post(`/api/v1/forms/${form.id}/publish`);
    const id = (await admin.post('/api/v1/consultations', { title: 'Costs', formId: form.id, identity: 'firm' })).json().id;
    await admin.post(`/api/v1/consultations/${id}/open`);
    const url = `/api/v1/consultations/${id}/firms/${firm.id}/response`;
    const body = { answers: { monthly_cost: 900 }, submit: true, channel: 'field', submissionKey: 'field-visit-0001-abcd' };
    expect((await admin.put(url, body)).json()).toEqual({ status: 'submitted' });
    expect((await admin.put(url, body)).json()).toEqual({ status: 'submitted' });
    expect((await admin.put(url, { ...body, submissionKey: 'field-visit-0002-abcd' })).json().code).toBe('surveys.already_submitted');
    await admin.post(`/api/v1/consultations/${id}/close`);
    expect((await admin.put(url, body)).json()).toEqual({ status: 'submitted' });
    expect((await admin.get(`/api/v1/consultations/${id}/analysis`)).json().submitted).toBe(1);
  });
});

describe('results of calculated questions', () => {
  it('have statistics like numbers when the calculation gives one', async () => {
    const { admin } = await createOrg(t.app);
    const { id, token } = await openAnonymous(admin, costForm);
    for (const monthly_cost of [100, 200, 600]) await new Client(t.app).put(`/api/v1/respond/${token}`, { answers: { monthly_cost }, submit: true });
    const questions = (await admin.get(`/api/v1/consultations/${id}/analysis`)).json().questions;
    const q = (name: string) => questions.find((x: { name: string }) => x.name === name);
    expect(q('yearly_cost')).toMatchObject({ answered: 3, stats: { mean: 3600, min: 1200, max: 7200, median: 2400 } });
    expect(q('summary')).toMatchObject({ answered: 3, stats: null });
  });
});

describe('form patterns', () => {
  it('are run in linear time on public submissions', async () => {
    const { admin } = await createOrg(t.app);
    const { token } = await openAnonymous(admin, costForm);
    const started = Date.now();
    const res = await new Client(t.app).put(`/api/v1/respond/${token}`, { answers: { monthly_cost: 1, code: `${'a'.repeat(28)}!` }, submit: true });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'code', code: 'survey.constraint' })]);
    expect((await new Client(t.app).put(`/api/v1/respond/${token}`, { answers: { monthly_cost: 1, code: 'GH42' }, submit: true })).json().status).toBe('submitted');
  });

  it('that RE2 cannot run are refused at save and at import, with a translated reason', async () => {
    const { admin } = await createOrg(t.app);
    const backref: FormDefinition = { ...costForm, questions: [{ name: 'pair', type: 'text', label: { en: 'Pair' }, constraint: "regex(., '^(\\w)\\1$')" }] };
    const saved = await admin.post('/api/v1/forms', { definition: backref }, { 'accept-language': 'fr' });
    expect(saved.statusCode).toBe(400);
    expect(saved.json().errors).toEqual([expect.objectContaining({ path: 'definition.questions.0.constraint', code: 'survey.pattern_unsupported' })]);
    expect(saved.json().errors[0].message).toContain('ne peut pas être utilisé');
    const file = await xlsformWorkbook({
      survey: [
        ['type', 'name', 'label', 'constraint'],
        ['text', 'pair', 'Pair', "regex(., '^(\\w)\\1$')"],
        ['text', 'next', 'Next', "regex(., 'a(?=b)')"],
      ],
    });
    const imported = await admin.upload('/api/v1/forms/import', file, 'patterns.xlsx');
    expect(imported.json().errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual(['survey!D2 survey.pattern_unsupported', 'survey!D3 survey.pattern_unsupported']);
  });
});

describe('question names objects already use', () => {
  it('are refused at save and at import', async () => {
    const { admin } = await createOrg(t.app);
    const saved = await admin.post('/api/v1/forms', { definition: { title: { en: 'x' }, languages: ['en'], questions: [{ name: 'constructor', type: 'integer', label: { en: 'Staff' } }] } });
    expect(saved.statusCode).toBe(400);
    expect(saved.json().errors).toEqual([expect.objectContaining({ path: 'definition.questions.0.name', code: 'survey.name_reserved' })]);
    const file = await xlsformWorkbook({ survey: [['type', 'name', 'label'], ['integer', '__proto__', 'Staff'], ['text', 'prototype', 'Model']] });
    const imported = await admin.upload('/api/v1/forms/import', file, 'names.xlsx');
    expect(imported.json().errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual(['survey!B2 survey.name_reserved', 'survey!B3 survey.name_reserved']);
  });
});

describe('the XLSForm import report', () => {
  it('names every row whose type Roundtable cannot collect, each with its type, at once', async () => {
    const { admin } = await createOrg(t.app);
    const file = await xlsformWorkbook({
      survey: [
        ['type', 'name', 'label', 'parameters'],
        ['start', 'start'],
        ['audit', 'audit', '', 'location-priority=balanced'],
        ['start-geopoint', 'where_started'],
        ['deviceid', 'device'],
        ['text', 'firm', 'Firm'],
        ['background-audio', 'sound'],
        ['begin_group', 'g', 'G'],
        ['background-geopoint', 'track', '', 'question=firm'],
        ['geotrace', 'route', 'Route'],
        ['end_group'],
      ],
    });
    const res = await admin.upload('/api/v1/forms/import', file, 'meta.xlsx');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual([
      'survey!A3 xlsform.type_device_only', 'survey!A4 xlsform.type_device_only', 'survey!A7 xlsform.type_device_only',
      'survey!A9 xlsform.type_device_only', 'survey!A10 xlsform.type_unsupported',
    ]);
    expect(res.json().errors[0].message).toContain('audit');
    expect(res.json().errors[2].message).toContain('background-audio');
    // Without them the file goes in; what was left out is said row by row.
    const ok = await xlsformWorkbook({ survey: [['type', 'name', 'label'], ['start', 'start'], ['deviceid', 'device'], ['text', 'firm', 'Firm']] });
    const accepted = await admin.upload('/api/v1/forms/import', ok, 'ok.xlsx');
    expect(accepted.json().notices.map((n: { code: string; row: number }) => `${n.code}@${n.row}`)).toEqual(['xlsform.metadata_ignored@2', 'xlsform.metadata_not_collected@3']);
  });
});
