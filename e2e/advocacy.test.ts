import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { expectAccessible, openPage, signIn, useProductAndBrowser } from './browser.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const official = DEMO_PEOPLE.find((p) => p.role === 'official')!;
const env = useProductAndBrowser();

describe('advocacy and dialogue', () => {
  it('staff turn a member issue into an advocacy issue, price it, take it to a round table and record a decision the official follows up', async () => {
    const staff = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
    await signIn(staff, env.product.url, admin.email, DEMO_PASSWORD);
    await staff.getByRole('link', { name: 'Issues raised' }).click();
    await staff.getByRole('link', { name: 'Power cuts in the Kumasi industrial area' }).click();
    await staff.getByText('Not yet part of an advocacy issue.').waitFor();
    await staff.getByRole('link', { name: 'Start an advocacy issue from this' }).click();

    // The new issue starts from the member issue's words; it becomes the first evidence.
    const dialog = staff.getByRole('dialog');
    await dialog.getByText(/Started from the member issue/).waitFor();
    expect(await dialog.getByLabel(/^Issue/).inputValue()).toBe('Power cuts in the Kumasi industrial area');
    await dialog.getByLabel(/^Issue/).fill('Reliable power for the Kumasi industrial area');
    await dialog.getByRole('button', { name: 'Create issue' }).click();
    await staff.getByRole('heading', { name: 'Reliable power for the Kumasi industrial area' }).waitFor();
    await staff.getByRole('link', { name: 'Power cuts in the Kumasi industrial area' }).waitFor();
    await expectAccessible(staff, 'advocacy issue');

    // The cost of the problem, by the Standard Cost Model.
    await staff.getByRole('tab', { name: 'Cost of the regulation' }).click();
    await staff.getByRole('button', { name: 'Add activity' }).click();
    await staff.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await staff.getByRole('dialog').getByText('Required.').first().waitFor();
    await staff.getByLabel(/^Activity/).fill('Run the generator during cuts');
    await staff.getByLabel('Minutes each time').fill('30');
    await staff.getByLabel('Hourly staff cost').fill('20');
    await staff.getByLabel('Fees and expenses each time').fill('150');
    await staff.getByLabel(/^Times a year/).fill('150');
    await staff.getByLabel('Small').fill('10');
    await staff.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await staff.getByRole('cell', { name: 'Run the generator during cuts' }).waitFor();
    // (0.5 h × 20 + 150) × 150 a year = 24,000 per firm; 10 small firms.
    // In the chamber's own locale (en-GH): the cedi as Ghanaians write it.
    await staff.getByText('GH₵240,000.00').first().waitFor();

    // To the round table: a meeting with the issue on its agenda, and a decision under it.
    await staff.getByRole('link', { name: 'Dialogue forums' }).click();
    await staff.getByRole('link', { name: 'Trade facilitation round table' }).first().click();
    await staff.getByRole('button', { name: 'Schedule meeting' }).click();
    await staff.getByLabel(/^Title/).fill('Special session on power supply');
    await staff.getByLabel(/^Starts/).fill('2027-02-10T09:00');
    await staff.getByLabel(/^Ends/).fill('2027-02-10T08:00');
    await staff.getByRole('dialog').getByRole('button', { name: 'Schedule meeting' }).click();
    await staff.getByText('The meeting must end after it starts.').first().waitFor();
    await staff.getByLabel(/^Ends/).fill('2027-02-10T11:00');
    await staff.getByRole('dialog').getByRole('button', { name: 'Schedule meeting' }).click();
    await staff.getByRole('heading', { name: 'Special session on power supply' }).waitFor();
    await staff.getByRole('combobox', { name: /From an advocacy issue/ }).click();
    await staff.getByRole('option', { name: 'Reliable power for the Kumasi industrial area' }).click();
    await staff.getByRole('button', { name: 'Add to agenda' }).click();
    await staff.getByRole('link', { name: /Advocacy issue: Reliable power/ }).waitFor();
    await staff.getByRole('button', { name: 'Send invitations' }).click();
    await staff.getByText(/Invitations sent: 4/).waitFor();
    await staff.getByLabel(/^Decision/).fill('The utility publishes a load-shedding timetable for the area');
    await staff.getByLabel(/^Owner/).fill('Electricity Company of Ghana');
    await staff.getByRole('combobox', { name: /Under agenda item/ }).click();
    await staff.getByRole('option', { name: 'Reliable power for the Kumasi industrial area' }).click();
    await staff.getByRole('button', { name: 'Record decision' }).last().click();
    // The decision's card, not the form that still holds the words until the save returns.
    await staff.getByRole('article').getByText('The utility publishes a load-shedding timetable for the area').waitFor();
    expect(await staff.getByLabel(/^Decision/).inputValue()).toBe('');
    await expectAccessible(staff, 'meeting page');

    // The official of the ministry sees this forum only, and reports progress on the decision.
    const ministry = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
    await signIn(ministry, env.product.url, official.email, DEMO_PASSWORD);
    await ministry.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await ministry.goto(`${env.product.url}/dialogue`);
    await ministry.getByRole('link', { name: 'Trade facilitation round table' }).first().waitFor();
    expect(await ministry.getByText('Monthly meeting with the Ghana Revenue Authority').count()).toBe(0);
    const decision = ministry.getByRole('article').filter({ hasText: 'load-shedding timetable' });
    await decision.getByRole('button', { name: 'Add follow-up' }).click();
    await decision.getByLabel(/What was done/).fill('Timetable published on 3 March.');
    await decision.getByRole('radio', { name: 'Done' }).check();
    await decision.getByRole('button', { name: 'Add follow-up' }).click();
    // Done, it leaves the list of open decisions.
    await expect.poll(() => decision.count()).toBe(0);
    await expectAccessible(ministry, 'dialogue page for an official');

    // Back on the issue, the decision and its closure are there: the chain walked back.
    await staff.getByRole('link', { name: /Advocacy issue: Reliable power/ }).click();
    await staff.getByRole('tab', { name: 'Meetings and decisions' }).click();
    await staff.getByRole('cell', { name: /load-shedding timetable/ }).waitFor();
    await staff.getByText('Done').first().waitFor();
    await staff.getByRole('tab', { name: 'History' }).click();
    await staff.getByText('A decision was marked Done').waitFor();
  });

  it('staff map who decides the port issue, aim an objective at the minister, keep a document, and walk from the minister back to the issue', async () => {
    const staff = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
    await signIn(staff, env.product.url, admin.email, DEMO_PASSWORD);
    await staff.getByRole('link', { name: 'Decision-makers' }).click();
    await staff.getByRole('link', { name: 'Hon. Kofi Ansah' }).waitFor();

    // A new person, refused without a name, then placed in a post of a public body.
    await staff.getByRole('button', { name: 'Add decision-maker' }).click();
    await staff.getByRole('dialog').getByRole('button', { name: 'Add decision-maker' }).click();
    await staff.getByRole('dialog').getByText('Required.').first().waitFor();
    await staff.getByLabel(/^Name/).fill('Mariama Alhassan');
    await staff.getByLabel(/^E-mail/).fill('m.alhassan@ports.gov.example');
    await staff.getByRole('dialog').getByRole('button', { name: 'Add decision-maker' }).click();
    await staff.getByRole('heading', { name: 'Mariama Alhassan' }).waitFor();
    await staff.getByRole('combobox', { name: /^Public body/ }).click();
    await staff.getByRole('option', { name: 'Customs Division, Ghana Revenue Authority' }).click();
    await staff.getByLabel(/^From/).fill('2026-01-15');
    await staff.getByLabel(/^Until/).fill('2025-12-01');
    await staff.getByRole('button', { name: 'Add post' }).click();
    await staff.getByText('The end cannot come before the start.').first().waitFor();
    await staff.getByLabel(/^Until/).fill('');
    await staff.getByRole('button', { name: 'Add post' }).click();
    await staff.getByRole('cell', { name: /Customs Division/ }).waitFor();
    await expectAccessible(staff, 'decision-maker page');
    // She held an acting post before: recorded, then ended.
    await staff.getByRole('combobox', { name: /^Public body/ }).click();
    await staff.getByRole('option', { name: 'Ministry of Trade and Industry' }).click();
    await staff.getByLabel(/^Role/).fill('Acting director');
    await staff.getByRole('button', { name: 'Add post' }).click();
    await staff.getByRole('cell', { name: 'Acting director' }).waitFor();
    await staff.getByRole('row', { name: /Acting director/ }).getByRole('button', { name: 'Edit' }).click();
    await staff.getByLabel(/^Until/).fill('2025-12-31');
    await staff.getByRole('button', { name: 'Save' }).click();
    await staff.getByRole('row', { name: /Acting director/ }).getByText('past').waitFor();

    // On the port issue's map, beside the demo's ministers and agencies.
    await staff.getByRole('link', { name: 'Advocacy issues' }).click();
    await staff.getByRole('link', { name: 'One joint inspection per container at Tema port' }).click();
    await staff.getByRole('tab', { name: 'Decision-makers' }).click();
    await staff.getByRole('img', { name: /Map of the decision-makers/ }).getByText('Hon. Kofi Ansah').waitFor();
    await staff.getByRole('combobox', { name: /^Decision-maker/ }).fill('Mariama');
    await staff.getByRole('option', { name: 'Mariama Alhassan' }).click();
    await staff.getByRole('combobox', { name: 'Stance', exact: true }).click();
    await staff.getByRole('option', { name: 'Against', exact: true }).click();
    await staff.getByRole('textbox', { name: 'Note', exact: true }).fill('Worried about release times');
    await staff.getByRole('button', { name: 'Put on the map' }).click();
    await expect.poll(() => staff.getByRole('textbox', { name: 'Note on Mariama Alhassan' }).inputValue()).toBe('Worried about release times');
    await staff.getByRole('img', { name: /Map of the decision-makers/ }).getByText('Mariama Alhassan').waitFor();
    // She comes round: the move is a step in the history.
    await staff.getByRole('combobox', { name: 'Stance of Mariama Alhassan' }).click();
    await staff.getByRole('option', { name: 'For', exact: true }).click();
    await expectAccessible(staff, 'decision-makers map');
    await staff.getByRole('tab', { name: 'History' }).click();
    await staff.getByText('A decision-maker moved from Against, shapes the decision to For, shapes the decision').waitFor();

    // An objective aimed at her, and a document behind the case.
    await staff.getByRole('tab', { name: 'Strategy and plan' }).click();
    await staff.getByLabel('New objective').fill('Customs agrees to release after one joint inspection');
    await staff.getByRole('combobox', { name: 'Decision-maker to move' }).click();
    await staff.getByRole('option', { name: 'Mariama Alhassan' }).click();
    await staff.getByRole('button', { name: 'Add objective' }).click();
    await staff.getByText(/aimed at/).filter({ hasText: 'Mariama Alhassan' }).waitFor();
    await staff.getByRole('tab', { name: 'Case and evidence' }).click();
    await staff.locator('input[type=file]').setInputFiles({ name: 'joint-inspection-protocol.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 protocol') });
    await staff.getByLabel('What it is').fill('Draft protocol from the agencies');
    await staff.getByRole('button', { name: 'Add document' }).click();
    await staff.getByRole('link', { name: 'joint-inspection-protocol.pdf' }).waitFor();

    // From the person back to the issue.
    await staff.getByRole('link', { name: 'Decision-makers' }).first().click();
    await staff.getByLabel('Search by name or body').fill('alhassan');
    await staff.getByRole('link', { name: 'Mariama Alhassan' }).click();
    await staff.getByRole('link', { name: 'One joint inspection per container at Tema port' }).first().click();
    await expect.poll(() => staff.getByRole('textbox', { name: 'Note on Mariama Alhassan' }).inputValue()).toBe('Worried about release times');
  });
});
