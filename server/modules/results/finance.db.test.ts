import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../test/pdf-text.js';
import { useTestApp } from '../../test/app.js';
import { createOrg, createPerson } from '../../test/factories.js';

const t = useTestApp();
type Finance = { currency: string; budgets: Array<{ id: string; startsOn: string; endsOn: string; value: number; currency: string; type: string; status: string }>; transactions: Array<{ id: string; on: string; type: string; value: number; currency: string }> };

async function framework(admin: Awaited<ReturnType<typeof createOrg>>['admin']) {
  const res = await admin.post('/api/v1/results/frameworks', { name: 'SME Programme', donor: 'Donor X', iatiOrgRef: 'GH-RGD-CS1234', iatiActivityId: 'GH-RGD-CS1234-PSD-1', iatiOrgType: '22' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('a framework\'s budget and transactions', () => {
  it('keeps budget lines of at most a year that do not overlap, in the organisation\'s currency unless told, each write audited', async () => {
    const { admin } = await createOrg(t.app, { currency: 'GHS' });
    const id = await framework(admin);
    const budgets = `/api/v1/results/frameworks/${id}/budgets`;
    const added = await admin.post(budgets, { startsOn: '2026-01-01', endsOn: '2026-12-31', value: 10_000_000, status: 'committed' });
    expect(added.statusCode, added.body).toBe(201);
    const first = (added.json() as Finance).budgets[0]!;
    expect(first).toMatchObject({ startsOn: '2026-01-01', endsOn: '2026-12-31', value: 10_000_000, currency: 'GHS', type: 'original', status: 'committed' });

    // Thirteen months: refused with IATI's rule, in the reader's language.
    const long = await admin.post(budgets, { startsOn: '2027-01-01', endsOn: '2028-01-31', value: 1 });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0]).toMatchObject({ path: 'endsOn', code: 'results.budget_over_a_year' });
    const longFr = await admin.post(budgets, { startsOn: '2027-01-01', endsOn: '2028-01-31', value: 1 }, { 'accept-language': 'fr' });
    expect(longFr.json().errors[0].message).toContain('366 jours');
    // A leap year of 366 days is a year.
    expect((await admin.post(budgets, { startsOn: '2028-01-01', endsOn: '2028-12-31', value: 1 })).statusCode).toBe(201);
    const backwards = await admin.post(budgets, { startsOn: '2027-06-01', endsOn: '2027-01-01', value: 1 });
    expect(backwards.json().errors[0]).toMatchObject({ path: 'endsOn', code: 'results.budget_ends_before_start' });
    expect((await admin.post(budgets, { startsOn: '2027-01-01', endsOn: '2027-12-31', value: -1 })).json().errors[0]).toMatchObject({ path: 'value' });

    // The same type may not overlap; a revised budget may cover an original one's days.
    const overlap = await admin.post(budgets, { startsOn: '2026-12-31', endsOn: '2027-06-30', value: 5 });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().errors[0]).toMatchObject({ path: 'startsOn', code: 'results.budget_overlaps' });
    expect(overlap.json().errors[0].message).toContain('2026-01-01');
    const revised = await admin.post(budgets, { startsOn: '2026-07-01', endsOn: '2027-06-30', value: 12_000_000, type: 'revised', currency: 'usd' });
    expect(revised.statusCode, revised.body).toBe(201);
    const revisedLine = (revised.json() as Finance).budgets.find((b) => b.type === 'revised')!;
    expect(revisedLine.currency).toBe('USD');

    // Editing a line does not overlap with itself, but may not move onto another of its type.
    const edited = await admin.put(`${budgets}/${first.id}`, { startsOn: '2026-01-01', endsOn: '2026-12-31', value: 11_000_000, status: 'committed' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((edited.json() as Finance).budgets.find((b) => b.id === first.id)!.value).toBe(11_000_000);
    const onto = await admin.put(`${budgets}/${first.id}`, { startsOn: '2028-06-01', endsOn: '2028-12-31', value: 1 });
    expect(onto.json().errors[0]).toMatchObject({ code: 'results.budget_overlaps' });

    const removed = await admin.delete(`${budgets}/${revisedLine.id}`);
    expect(removed.statusCode).toBe(200);
    expect((removed.json() as Finance).budgets.map((b) => b.startsOn)).toEqual(['2026-01-01', '2028-01-01']);
    expect((await admin.delete(`${budgets}/${revisedLine.id}`)).statusCode).toBe(404);

    const audit = (await admin.get(`/api/v1/audit?entityType=results_framework&entityId=${id}`)).json().items as Array<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>;
    const actions = audit.map((a) => a.action);
    expect(actions.filter((a) => a === 'results.budget_add')).toHaveLength(3);
    expect(actions).toContain('results.budget_update');
    expect(actions).toContain('results.budget_remove');
    const update = audit.find((a) => a.action === 'results.budget_update')!;
    expect(update.before).toEqual({ budgetId: first.id, value: 10_000_000 });
    expect(update.after).toEqual({ budgetId: first.id, value: 11_000_000 });
  });

  it('records transactions of IATI\'s types, and the IATI file carries budgets and transactions', async () => {
    const { admin } = await createOrg(t.app, { currency: 'GHS' });
    const id = await framework(admin);
    const transactions = `/api/v1/results/frameworks/${id}/transactions`;
    const entered = [
      { on: '2026-03-01', type: '3', value: 250_050, description: 'First tranche', providerOrg: 'Donor X' },
      { on: '2026-02-01', type: '1', value: 1_000_000, providerOrg: 'Donor X', receiverOrg: 'The chamber' },
      { on: '2026-04-15', type: '4', value: 99_999 },
    ];
    for (const tr of entered) expect((await admin.post(transactions, tr)).statusCode).toBe(201);
    expect((await admin.post(transactions, { on: '2026-04-15', type: '99', value: 1 })).json().errors[0]).toMatchObject({ path: 'type' });
    const list = (await admin.get(`/api/v1/results/frameworks/${id}/finance`)).json() as Finance;
    expect(list.transactions.map((tr) => tr.on)).toEqual(['2026-02-01', '2026-03-01', '2026-04-15']);
    expect(list.transactions.every((tr) => tr.currency === 'GHS')).toBe(true);
    const expense = list.transactions[2]!;
    expect((await admin.put(`${transactions}/${expense.id}`, { on: '2026-04-16', type: '4', value: 100_000, description: 'Trainers' })).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/results/frameworks/${id}/budgets`, { startsOn: '2026-01-01', endsOn: '2026-12-31', value: 5_000_000 })).statusCode).toBe(201);
    expect((await admin.post(`/api/v1/results/frameworks/${id}/budgets`, { startsOn: '2027-01-01', endsOn: '2027-12-31', value: 6_000_001 })).statusCode).toBe(201);

    const file = await admin.get(`/api/v1/results/frameworks/${id}/iati.xml`);
    expect(file.statusCode, file.body).toBe(200);
    const xml = file.body;
    expect(xml).toContain('<value currency="GHS" value-date="2026-01-01">50000.00</value>');
    const budgetCents = [...xml.matchAll(/<budget[^>]*>[\s\S]*?<value[^>]*>([^<]+)<\/value>/g)].reduce((s, m) => s + Math.round(Number(m[1]) * 100), 0);
    expect(budgetCents).toBe(5_000_000 + 6_000_001);
    const transactionCents = [...xml.matchAll(/<transaction>[\s\S]*?<value[^>]*>([^<]+)<\/value>/g)].reduce((s, m) => s + Math.round(Number(m[1]) * 100), 0);
    expect(transactionCents).toBe(250_050 + 1_000_000 + 100_000);
    expect(xml).toContain('<transaction-type code="4"/>');
    expect((await admin.post(`/api/v1/results/frameworks/${id}/iati/publish`)).statusCode).toBe(200);

    // The donor report of 2026 carries the budget lines that cover its days and the transactions of its days added up by type.
    const period = (await admin.post(`/api/v1/results/frameworks/${id}/periods`, { label: '2026', startsOn: '2026-01-01', endsOn: '2026-12-31' })).json();
    const xlsx = await admin.get(`/api/v1/results/periods/${period.id}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Budget and transactions')!;
    const rows = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows.filter((r) => r[1] === 'Original').map((r) => r[3])).toEqual([50_000]);
    const byType = Object.fromEntries(rows.filter((r) => typeof r[1] === 'number').map((r) => [r[0], r[3]]));
    expect(byType).toEqual({ 'Incoming funds': 1_000_000 / 100, Disbursement: 250_050 / 100, Expenditure: 100_000 / 100 });
    const pdf = await admin.get(`/api/v1/results/periods/${period.id}/report.pdf`);
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Budget and transactions');
    expect(text).toContain('Disbursement');

    const removed = await admin.delete(`${transactions}/${expense.id}`);
    expect((removed.json() as Finance).transactions).toHaveLength(2);
    const actions = ((await admin.get(`/api/v1/audit?entityType=results_framework&entityId=${id}`)).json().items as Array<{ action: string }>).map((a) => a.action);
    expect(actions.filter((a) => a === 'results.transaction_add')).toHaveLength(3);
    expect(actions).toEqual(expect.arrayContaining(['results.transaction_update', 'results.transaction_remove']));
  });

  it('is read by viewers, changed by those who edit frameworks, and neither read nor changed by another organisation', async () => {
    const { orgId, admin } = await createOrg(t.app);
    const id = await framework(admin);
    const budget = ((await admin.post(`/api/v1/results/frameworks/${id}/budgets`, { startsOn: '2026-01-01', endsOn: '2026-12-31', value: 7 })).json() as Finance).budgets[0]!;
    const transaction = ((await admin.post(`/api/v1/results/frameworks/${id}/transactions`, { on: '2026-01-02', type: '1', value: 7 })).json() as Finance).transactions[0]!;
    const viewer = await createPerson(t.app, orgId, 'viewer');
    expect((await viewer.client.get(`/api/v1/results/frameworks/${id}/finance`)).statusCode).toBe(200);
    expect((await viewer.client.post(`/api/v1/results/frameworks/${id}/budgets`, { startsOn: '2027-01-01', endsOn: '2027-12-31', value: 1 })).statusCode).toBe(403);
    expect((await viewer.client.delete(`/api/v1/results/frameworks/${id}/transactions/${transaction.id}`)).statusCode).toBe(403);
    const staff = await createPerson(t.app, orgId, 'staff');
    expect((await staff.client.post(`/api/v1/results/frameworks/${id}/budgets`, { startsOn: '2027-01-01', endsOn: '2027-12-31', value: 1 })).statusCode).toBe(201);

    const other = await createOrg(t.app);
    const otherId = await framework(other.admin);
    expect((await other.admin.get(`/api/v1/results/frameworks/${id}/finance`)).statusCode).toBe(404);
    expect((await other.admin.post(`/api/v1/results/frameworks/${id}/budgets`, { startsOn: '2029-01-01', endsOn: '2029-12-31', value: 1 })).statusCode).toBe(404);
    expect((await other.admin.put(`/api/v1/results/frameworks/${id}/budgets/${budget.id}`, { startsOn: '2026-01-01', endsOn: '2026-12-31', value: 1 })).statusCode).toBe(404);
    expect((await other.admin.delete(`/api/v1/results/frameworks/${id}/budgets/${budget.id}`)).statusCode).toBe(404);
    // Its own framework's address with our line's id finds nothing either.
    expect((await other.admin.put(`/api/v1/results/frameworks/${otherId}/budgets/${budget.id}`, { startsOn: '2026-01-01', endsOn: '2026-12-31', value: 1 })).statusCode).toBe(404);
    expect((await other.admin.delete(`/api/v1/results/frameworks/${otherId}/transactions/${transaction.id}`)).statusCode).toBe(404);
    expect((await other.admin.put(`/api/v1/results/frameworks/${id}/transactions/${transaction.id}`, { on: '2026-01-02', type: '1', value: 1 })).statusCode).toBe(404);
    const ours = (await admin.get(`/api/v1/results/frameworks/${id}/finance`)).json() as Finance;
    expect(ours.budgets.find((b) => b.id === budget.id)!.value).toBe(7);
    expect(ours.transactions.map((tr) => tr.value)).toEqual([7]);
  });
});
