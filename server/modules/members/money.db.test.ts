import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../test/app.js';
import { useTestApp } from '../../test/app.js';
import { createFirmUser, createMemberFirm, createOrg } from '../../test/factories.js';

const t = useTestApp();
const today = new Date().toISOString().slice(0, 10);

/** The first day of the month `n` months before this one. */
function monthStart(n: number) {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
}

type Invoice = { id: string; memberId: string; amount: number; paid: number; status: string };
type Payment = { invoiceId: string; memberId: string; amount: number; paidOn: string };

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

async function feeTier(admin: Client) {
  expect((await admin.post('/api/v1/membership/tiers', { name: 'Ordinary', fees: { micro: 20000, small: 50000, medium: 150000, large: 400000 } })).statusCode).toBe(201);
  return (await admin.get('/api/v1/membership/tiers')).json().items[0].id as string;
}

async function invoicesOf(client: Client, memberId: string): Promise<Invoice[]> {
  return (await client.get(`/api/v1/members/${memberId}/invoices`)).json().items;
}

/**
 * Four firms with invoices paid in full, in part and not at all, payments
 * spread over three months; every payment is kept here so the figures the
 * routes answer can be checked against sums made in the test.
 */
async function billedChamber() {
  const { admin, orgId } = await createOrg(t.app);
  const tierId = await feeTier(admin);
  const payments: Payment[] = [];
  const pay = async (invoice: Invoice, amount: number, paidOn: string) => {
    const res = await admin.post(`/api/v1/invoices/${invoice.id}/payments`, { amount, paidOn, method: 'mobile_money' });
    expect(res.statusCode).toBe(200);
    payments.push({ invoiceId: invoice.id, memberId: invoice.memberId, amount, paidOn });
  };
  const approve = async (firmId: string) => expect((await admin.post(`/api/v1/members/${firmId}/status`, { status: 'active' })).statusCode).toBe(200);

  const renewed = await createMemberFirm(admin, { tierId, employeesFemale: 2, employeesMale: 1 });
  await approve(renewed.id);
  const [firstYear] = await invoicesOf(admin, renewed.id);
  await pay(firstYear!, 5000, today);
  await pay(firstYear!, firstYear!.amount - 5000, monthStart(2));
  await admin.post(`/api/v1/members/${renewed.id}/status`, { status: 'lapsed' });
  await approve(renewed.id);
  const [secondYear] = await invoicesOf(admin, renewed.id);
  expect(secondYear!.id).not.toBe(firstYear!.id);
  await pay(secondYear!, 7500, today);

  const partly = await createMemberFirm(admin, { tierId, employeesFemale: 6, employeesMale: 6 });
  await approve(partly.id);
  await pay((await invoicesOf(admin, partly.id))[0]!, 12345, monthStart(1));

  const unpaid = await createMemberFirm(admin, { tierId });
  await approve(unpaid.id);

  const settled = await createMemberFirm(admin, { tierId });
  await approve(settled.id);
  const [settledInvoice] = await invoicesOf(admin, settled.id);
  await pay(settledInvoice!, settledInvoice!.amount, today);

  // Every invoice falls due in the past, so all that is still owed is in arrears.
  await t.database.db.execute(sql`UPDATE invoices SET due_on = due_on - 90 WHERE org_id = ${orgId}`);
  return { admin, orgId, payments, firms: { renewed, partly, unpaid, settled } };
}

describe('money of invoices, arrears, the dashboard and the member portal', () => {
  it('agrees with the payments recorded, summed independently', async () => {
    // Another chamber's payments must count nowhere here.
    const other = await createOrg(t.app);
    const otherTier = await feeTier(other.admin);
    const otherFirm = await createMemberFirm(other.admin, { tierId: otherTier });
    await other.admin.post(`/api/v1/members/${otherFirm.id}/status`, { status: 'active' });
    const [otherInvoice] = await invoicesOf(other.admin, otherFirm.id);
    await other.admin.post(`/api/v1/invoices/${otherInvoice!.id}/payments`, { amount: 999, paidOn: today, method: 'cash' });

    const { admin, orgId, payments, firms } = await billedChamber();
    const paidOn = (invoiceId: string) => sum(payments.filter((p) => p.invoiceId === invoiceId).map((p) => p.amount));

    // The invoice list: paid is what was paid on that invoice.
    const invoices: Invoice[] = [];
    for (const firm of Object.values(firms)) invoices.push(...(await invoicesOf(admin, firm.id)));
    expect(invoices).toHaveLength(5);
    for (const invoice of invoices) {
      expect(invoice.paid, `invoice ${invoice.id}`).toBe(paidOn(invoice.id));
      expect(invoice.status).toBe(invoice.paid === invoice.amount ? 'paid' : 'open');
    }
    expect(invoices.filter((i) => i.status === 'paid')).toHaveLength(2);

    // Arrears: what is left on open invoices, per firm; fully paid firms owe nothing.
    const owedBy = new Map<string, number>();
    for (const i of invoices.filter((x) => x.status === 'open')) owedBy.set(i.memberId, (owedBy.get(i.memberId) ?? 0) + i.amount - paidOn(i.id));
    const arrears = (await admin.get('/api/v1/membership/arrears')).json().items as Array<{ memberId: string; amount: number }>;
    expect(new Map(arrears.map((a) => [a.memberId, a.amount]))).toEqual(owedBy);
    expect(owedBy.has(firms.settled.id)).toBe(false);
    expect(owedBy.get(firms.renewed.id)).toBe(invoices.find((i) => i.memberId === firms.renewed.id && i.status === 'open')!.amount - 7500);

    // The dashboard: fee income per month is what was paid that month; arrears are the same total.
    const dashboard = (await admin.get('/api/v1/members/dashboard?months=12')).json();
    const incomeByMonth = new Map<string, number>();
    for (const p of payments) incomeByMonth.set(p.paidOn.slice(0, 7), (incomeByMonth.get(p.paidOn.slice(0, 7)) ?? 0) + p.amount);
    for (const m of dashboard.series as Array<{ month: string; income: number }>) expect(m.income, m.month).toBe(incomeByMonth.get(m.month) ?? 0);
    expect(sum(dashboard.series.map((m: { income: number }) => m.income))).toBe(sum(payments.map((p) => p.amount)));
    expect(dashboard.arrears).toEqual({ amount: sum([...owedBy.values()]), firms: owedBy.size });

    // The member portal: the firm's own user sees the same amounts paid.
    const firmUser = await createFirmUser(t.app, admin, orgId, firms.renewed.id);
    const own = (await firmUser.get('/api/v1/portal/invoices')).json().items as Invoice[];
    expect(own).toHaveLength(2);
    for (const invoice of own) expect(invoice.paid).toBe(paidOn(invoice.id));
    expect(sum(own.map((i) => i.paid))).toBe(sum(payments.filter((p) => p.memberId === firms.renewed.id).map((p) => p.amount)));
  });
});
