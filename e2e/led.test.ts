import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Application } from '../contracts/led-calls.js';
import type { LedRegionDetail } from '../contracts/led.js';
import type { MeasureDetail } from '../contracts/led-implementation.js';
import en from '../locales/en.json' with { type: 'json' };
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { apiOfPage, expectAccessible, openPage, signedInPage, useProductAndBrowser } from './browser.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const staff = DEMO_PEOPLE.find((p) => p.role === 'staff')!;
const env = useProductAndBrowser();
const PHONE = { viewport: { width: 390, height: 844 } };
const CALL = 'Ashanti call for measures 2027';
const LAND_TITLE = 'No loan without a land title';

const signedIn = (email: string) => signedInPage(env.browser, env.product.url, email, DEMO_PASSWORD, PHONE);
const apiOf = (page: Page) => apiOfPage(page, env.product.url);
type Api = Awaited<ReturnType<typeof apiOf>>;

async function ashanti(api: Api) {
  const { items } = await api.get<{ items: Array<{ id: string; name: string }> }>('/api/v1/led/regions?limit=50');
  const id = items.find((r) => r.name === 'Ashanti')!.id;
  return api.get<LedRegionDetail>(`/api/v1/led/regions/${id}`);
}

/** The smallest element holding both a text and a control: one card of a list, found by what it says. */
const cardOf = (page: Page, text: string, has: Locator) => page.locator('div').filter({ has: page.getByText(text, { exact: true }) }).filter({ has }).last();

/** Picks an option of a select field by its label (its list of options is labelled by it too). */
async function choose(page: Page, label: RegExp, option: string) {
  await page.getByLabel(label).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const noWiderThanPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

describe('local economic development', () => {
  it('staff code an interview answer to a bottleneck, read its evidence and take it to advocacy with that evidence', async () => {
    const phone = await signedIn(staff.email);
    const region = await ashanti(await apiOf(phone));
    await phone.goto(`${env.product.url}/led/${region.id}?tab=interviews`);
    await phone.getByRole('link', { name: 'Kwaku Boateng' }).click();
    await phone.getByRole('heading', { name: 'Kwaku Boateng' }).waitFor();
    await expectAccessible(phone, 'an interview (390 px)');

    // The answer on working capital, not coded yet (the seed coded the obstacle), goes to the land-title bottleneck.
    const question = 'Where does your working capital come from?';
    const codeTo = phone.getByRole('button', { name: en.led.interview.codeTo });
    const answer = cardOf(phone, question, codeTo);
    await answer.getByText('Savings and loans, susu', { exact: true }).waitFor();
    await answer.getByRole('button', { name: en.led.interview.codeTo }).click();
    await choose(phone, /^Bottleneck/, LAND_TITLE);
    await phone.getByRole('textbox', { name: 'Note' }).fill('Borrows from the susu because the bank wants a land title.');
    await phone.getByRole('button', { name: en.ui.save, exact: true }).click();
    await noWiderThanPhone(phone);
    const badge = cardOf(phone, question, phone.getByRole('link', { name: LAND_TITLE })).getByRole('link', { name: LAND_TITLE });
    await badge.click();

    // The bottleneck's evidence: the answer in the interviewee's words, with who said it.
    await phone.getByRole('heading', { name: LAND_TITLE }).waitFor();
    await phone.getByText('“Savings and loans, susu”', { exact: true }).waitFor();
    await phone.getByRole('link', { name: 'Kwaku Boateng, Suame Magazine artisans\' association' }).waitFor();
    await phone.getByText('Borrows from the susu because the bank wants a land title.').waitFor();
    await noWiderThanPhone(phone);
    await expectAccessible(phone, 'a bottleneck with its evidence (390 px)');

    await phone.getByRole('button', { name: en.led.toAdvocacy }).click();
    await phone.getByRole('dialog').getByRole('button', { name: en.led.toAdvocacy }).click();
    await phone.waitForURL(/\/advocacy\/[\da-f-]{36}$/);
    // The advocacy issue quotes the evidence: what was said, by whom, in which interview.
    await phone.getByRole('heading', { name: LAND_TITLE }).waitFor();
    const problem = phone.getByText(/“Savings and loans, susu” \(Kwaku Boateng, Suame Magazine artisans' association, Private, /);
    await problem.waitFor();
    expect(await problem.textContent()).toContain(`${question}: “Savings and loans, susu”`);
    await expectAccessible(phone, 'the advocacy issue made of the bottleneck (390 px)');

    // Back on the bottleneck, it links to the issue and is not offered to advocacy again.
    await phone.goBack();
    await phone.getByRole('link', { name: `${en.led.inAdvocacy} →` }).waitFor();
    expect(await phone.getByRole('button', { name: en.led.toAdvocacy }).count()).toBe(0);
  });

  it('a reviewer scores an application on a 390 px phone; staff select within the budget, the spend the sum of what the selected ask', async () => {
    const desk = await signedIn(admin.email);
    const api = await apiOf(desk);
    const region = await ashanti(api);
    const { items: calls } = await api.get<{ items: Array<{ id: string; title: string; budget: number }> }>(`/api/v1/led/calls?q=${encodeURIComponent(CALL)}`);
    const call = calls.find((c) => c.title === CALL)!;
    // A paper application entered by staff, new to the panel.
    const title = 'Cassava drying yard for Ejisu gari processors';
    await api.post<Application>(`/api/v1/led/calls/${call.id}/applications`, {
      regionId: region.id, title, leadName: 'Ejisu gari processors\' cooperative', leadEmail: 'gari.ejisu@example.org', leadSector: 'private',
      bottleneckIds: [region.bottleneckList.find((b) => b.title.startsWith('Power cuts'))!.id],
      activities: 'A covered drying yard with a shared solar dryer, so that gari is dried on the days the power is off.',
      budgetLines: [{ label: 'Yard, roof and dryer', requested: 1_650_000, cofundingCash: 250_000 }], submit: true,
    });

    // The reviewer, on a phone: every criterion of the new application scored.
    const phone = await signedIn(staff.email);
    await phone.goto(`${env.product.url}/led/calls/${call.id}/rating`);
    const yours = phone.getByRole('button', { name: en.led.selection.yourScores });
    const card = cardOf(phone, title, yours);
    await card.getByRole('button', { name: en.led.selection.yourScores }).click();
    for (const [key, score] of [['local_focus', '5'], ['cooperation', '4'], ['broad_effects', '5']] as const) {
      const criterion = (en.ledCalls.criteria as Record<string, string>)[key]!;
      await card.getByRole('radiogroup', { name: `${criterion}: ${en.led.selection.score}` }).getByText(score, { exact: true }).click();
      const save = card.getByRole('button', { name: en.led.selection.saveScore });
      await save.click();
      await save.waitFor({ state: 'detached' });
    }
    await card.getByText('1 reviewers scored every criterion').waitFor();
    await noWiderThanPhone(phone);
    await expectAccessible(phone, 'rating a call’s applications (390 px)');

    // Staff run the selection; its report opens.
    await desk.goto(`${env.product.url}/led/calls/${call.id}/rating`);
    await desk.getByRole('button', { name: en.led.selection.runSelection }).click();
    await desk.waitForURL(/\/selections\/[\da-f-]{36}$/);
    await desk.getByRole('heading', { name: `${en.led.selection.reportTitle}: ${CALL}` }).waitFor();

    // What the page says was selected, and what it says was spent and left.
    const { items: applications } = await api.get<{ items: Application[] }>(`/api/v1/led/calls/${call.id}/applications?limit=100&status=submitted`);
    expect(applications.map((a) => a.title)).toContain(title);
    const selected: Application[] = [];
    for (const a of applications) {
      const badge = await desk.getByText(a.title, { exact: true }).locator('xpath=following-sibling::*[1]').textContent();
      if (badge === en.led.selection.reasons.selected) selected.push(a);
    }
    expect(selected.map((a) => a.title)).toContain(title);
    const figures = (await desk.getByText(new RegExp(`^${en.led.selection.budget} .* · ${en.led.selection.spent} .* · ${en.led.selection.remaining} `)).textContent())!;
    const [budget, spent, left] = figures.split(' · ').map(minorUnits) as [number, number, number];
    // Checked against the applications as the API gives them: the sum of what the selected ask.
    const sum = selected.reduce((s, a) => s + a.requestedTotal, 0);
    expect([budget, spent, left]).toEqual([call.budget, sum, call.budget - sum]);
    expect(sum).toBeLessThanOrEqual(call.budget);
    // Each application left out says why.
    for (const a of applications.filter((x) => !selected.includes(x))) {
      await cardOf(desk, a.title, desk.getByText(/^Not selected: /)).getByText(/^Not selected: /).waitFor();
    }
    await noWiderThanPhone(desk);
    await expectAccessible(desk, 'a selection report (390 px)');
  });

  it('staff record a participant and a new job on a measure; its lead partner answers the mailed 12-month follow-up on a phone; the measure is still effective', async () => {
    const phone = await signedIn(staff.email);
    const api = await apiOf(phone);
    const region = await ashanti(api);
    // A measure carried out and ended a little more than a year ago: its 12-month follow-up is due.
    const day = (fromToday: number) => new Date(Date.now() + fromToday * 86_400_000).toISOString().slice(0, 10);
    const title = 'Kejetia porters\' savings groups';
    const lead = 'kayayei.union@example.org';
    const created = await api.post<LedRegionDetail>(`/api/v1/led/regions/${region.id}/measures`, {
      title, description: 'Weekly savings groups for the market\'s head porters, with a cash box and a book kept by the group.',
      partners: [{ name: 'Kejetia head porters\' union', sector: 'private' }], budget: 1_200_000, startsOn: day(-700), endsOn: day(-400), status: 'done', leadEmail: lead,
    });
    const measure = created.measureList.find((m) => m.title === title)!;

    await phone.goto(`${env.product.url}/led/measures/${measure.id}?tab=people`);
    const people = [
      { role: en.led.impl.roles.participant, name: 'Adjoa Kyerewaa', sex: 'Female', birthYear: '1990', phone: '+233 24 777 0101' },
      { role: en.led.impl.roles.new_job, name: 'Yaw Darkwa', sex: 'Male', ageBand: en.peopleReached.bands['15_24'], phone: '+233 24 777 0102' },
    ];
    for (const p of people) {
      await phone.getByRole('button', { name: en.led.impl.addPerson }).click();
      await choose(phone, /^Recorded as/, p.role);
      await phone.getByRole('textbox', { name: /^Name/ }).fill(p.name);
      await choose(phone, /^Sex/, p.sex);
      if (p.birthYear) await phone.getByRole('textbox', { name: /^Birth year/ }).fill(p.birthYear);
      if (p.ageBand) await choose(phone, /^Age band/, p.ageBand);
      await phone.getByRole('textbox', { name: /^Phone/ }).fill(p.phone);
      await phone.getByRole('button', { name: en.ui.save, exact: true }).click();
      await phone.getByText(p.name, { exact: true }).waitFor();
    }
    await noWiderThanPhone(phone);
    await expectAccessible(phone, 'a measure’s people (390 px)');

    // Counted from the records: one trained woman of 35 or more, one new job of a young man.
    await phone.getByRole('tab', { name: en.led.impl.tabs.results }).click();
    const counted = await api.get<MeasureDetail>(`/api/v1/led/measures/${measure.id}`);
    expect([counted.results.participant.people, counted.results.participant.bySex.female, counted.results.participant.byAgeBand['35_plus']]).toEqual([1, 1, 1]);
    expect([counted.results.new_job.people, counted.results.new_job.bySex.male, counted.results.new_job.byAgeBand['15_24']]).toEqual([1, 1, 1]);
    const trained = cardOf(phone, en.led.impl.roles.participant, phone.getByRole('table'));
    expect(await trained.getByRole('row', { name: 'Female' }).getByRole('cell').textContent()).toBe('1');
    expect(await trained.getByRole('row', { name: '35 and over' }).getByRole('cell').textContent()).toBe('1');

    // The 12-month form goes to the lead partner now, not at the daily job's hour.
    await phone.getByRole('tab', { name: en.led.impl.tabs.followUps }).click();
    const twelve = en.led.impl.followUpTitle.replace('{{months}}', '12');
    await phone.getByRole('button', { name: en.led.impl.sendForm }).click();
    await cardOf(phone, twelve, phone.getByText(`Form sent to ${lead}`, { exact: false })).waitFor();
    await expectAccessible(phone, 'a measure’s follow-ups (390 px)');

    const outbox = await (await apiOf(await signedIn(admin.email))).get<{ items: Array<{ kind: string; toEmail: string; body: string }> }>('/api/v1/mail/outbox?limit=200');
    const mails = outbox.items.filter((m) => m.kind === 'led_follow_up' && m.toEmail === lead);
    expect(mails).toHaveLength(1);
    const link = /https?:\/\/\S+(\/led\/follow-up\/f-[\w-]+)/.exec(mails[0]!.body)![1]!;

    // The lead partner, on a phone, without an account.
    const partner = await openPage(env.browser, PHONE);
    await partner.goto(`${env.product.url}${link}`);
    await partner.getByText(title, { exact: false }).first().waitFor();
    await noWiderThanPhone(partner);
    await expectAccessible(partner, 'the follow-up form (390 px)');
    await partner.getByRole('radio', { name: en.led.followUpPage.yes }).check();
    await partner.getByLabel(en.led.followUpPage.jobsKept).fill('1');
    await partner.getByLabel(en.led.followUpPage.whoPays).fill('The porters\' union, from the groups\' fees');
    await partner.getByRole('button', { name: en.led.followUpPage.send }).click();
    await partner.getByText(en.led.followUpPage.thanks).waitFor();

    // The measure says it: still effective, answered by the lead partner.
    await phone.reload();
    await phone.getByText(en.led.statuses.effective, { exact: true }).waitFor();
    // The reload stays on the follow-ups' tab (the address keeps it).
    const answered = cardOf(phone, twelve, phone.getByText(new RegExp(`${en.led.impl.by.partner}$`)));
    await answered.getByText(en.led.impl.effective, { exact: true }).waitFor();
    await answered.getByText(/The porters' union, from the groups' fees/).waitFor();
    const after = await api.get<MeasureDetail>(`/api/v1/led/measures/${measure.id}`);
    expect([after.status, after.followUps.find((f) => f.months === 12)?.answeredBy, after.followUps.find((f) => f.months === 12)?.jobsKept]).toEqual(['effective', 'partner', 1]);
  });
});

/** Money as the page writes it ("GHS 75,000.00"), in minor units: the currency shows every minor digit. */
function minorUnits(text: string) {
  return Number(text.replace(/[^\d]/g, ''));
}
