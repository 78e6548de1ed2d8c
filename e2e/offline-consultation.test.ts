import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { openPage, signIn, useProductAndBrowser } from './browser.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const env = useProductAndBrowser();

/** A consultation in Hindi and English, whose note names an answer and a calculation. */
async function openHindiConsultation(staff: Page) {
  const base = env.product.url;
  const { csrfToken } = await (await staff.request.get(`${base}/api/v1/auth/session`)).json();
  const post = async (path: string, data: unknown = {}) => (await staff.request.post(`${base}${path}`, { data, headers: { 'x-csrf-token': csrfToken } })).json();
  const form = await post('/api/v1/forms', {
    definition: {
      title: { hi: 'बंदरगाह की लागत', en: 'Port costs' },
      languages: ['hi', 'en'],
      questions: [
        { name: 'monthly_cost', type: 'integer', label: { hi: 'हर महीने कितना खर्च होता है?', en: 'What does it cost a month?' }, required: true },
        { name: 'yearly_cost', type: 'calculate', label: {}, calculation: '${monthly_cost} * 12' },
        { name: 'confirm', type: 'note', label: { hi: '₹ ${monthly_cost} प्रति माह, यानी ₹ ${yearly_cost} प्रति वर्ष', en: '₹ ${monthly_cost} a month, ₹ ${yearly_cost} a year' } },
      ],
    },
  });
  await post(`/api/v1/forms/${form.id}/publish`);
  const consultation = await post('/api/v1/consultations', { title: 'Port costs', formId: form.id, identity: 'anonymous' });
  const opened = await post(`/api/v1/consultations/${consultation.id}/open`);
  return { id: consultation.id as string, path: new URL(opened.publicUrl).pathname };
}

describe('a consultation answered on a phone that loses its connection', () => {
  it('sends the answers pressed "Send" offline once the connection returns, exactly once', async () => {
    const staff = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
    await signIn(staff, env.product.url, admin.email, DEMO_PASSWORD);
    await staff.getByRole('link', { name: 'Consultations', exact: true }).waitFor();
    const { id, path } = await openHindiConsultation(staff);

    // A Hindi reader: the form in Hindi, the page's own words in English (no Hindi catalogue ships), each marked.
    const phone = await openPage(env.browser, { viewport: { width: 360, height: 720 }, locale: 'hi-IN' });
    await phone.goto(`${env.product.url}${path}`);
    const cost = phone.getByLabel(/हर महीने कितना खर्च होता है/);
    await cost.waitFor();
    expect(await phone.locator('html').getAttribute('lang')).toBe('en');
    expect(await phone.locator('span[lang="hi"]', { hasText: 'हर महीने' }).count()).toBe(1);
    await cost.fill('1500');
    // The note names the answer and the calculation: filled in as they change.
    await phone.getByText(/₹ 1,500 प्रति माह, यानी ₹ 18,000 प्रति वर्ष/).waitFor();

    await phone.context().setOffline(true);
    await phone.getByRole('button', { name: 'Send my answers' }).click();
    await phone.getByText(/will be sent as soon as the connection returns/).waitFor();

    // A second phone sends offline too, and is closed before the connection returns: opened again, it sends.
    const other = await openPage(env.browser, { viewport: { width: 360, height: 720 } });
    await other.goto(`${env.product.url}${path}`);
    await other.getByLabel(/What does it cost a month/).fill('300');
    await other.context().setOffline(true);
    await other.getByRole('button', { name: 'Send my answers' }).click();
    await other.getByText(/will be sent as soon as the connection returns/).waitFor();
    await other.close();

    await phone.context().setOffline(false);
    await phone.getByText(/Thank you. Your answers were sent/).waitFor({ timeout: 20_000 });
    const again = await other.context().newPage();
    await other.context().setOffline(false);
    await again.goto(`${env.product.url}${path}`);
    await again.getByText(/Thank you. Your answers were sent/).waitFor({ timeout: 20_000 });

    const analysis = await (await staff.request.get(`${env.product.url}/api/v1/consultations/${id}/analysis`)).json();
    expect(analysis.submitted).toBe(2);
    expect(analysis.questions.find((q: { name: string }) => q.name === 'yearly_cost').stats).toMatchObject({ min: 3600, max: 18000 });
  });
});
