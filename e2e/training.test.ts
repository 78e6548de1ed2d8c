import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { create as createQr } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { CAPACITY_CATALOGUE, CAPACITY_DOMAINS } from '../contracts/capacity.js';
import en from '../locales/en.json' with { type: 'json' };
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { apiOfPage, expectAccessible, openPage, signedInPage, useProductAndBrowser } from './browser.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const staff = DEMO_PEOPLE.find((p) => p.role === 'staff')!;
const member = DEMO_PEOPLE.find((p) => p.role === 'member')!;
// The Northern branch's staff member (server/demo/seed-demo.ts `branches`): its self-assessment of this year is a draft of nine items.
const NORTHERN_STAFF = 'abdul-rahman.issah@northern.ghanachamber.example';
const WEAVERS = 'Costing, pricing and bookkeeping for kente weavers';
const TOT = 'Training of trainers: business coaching for craft and agro-processing firms';
const CHAMBER = 'Ghana National Chamber of Commerce and Industry';
const env = useProductAndBrowser();

const PHONE = { viewport: { width: 390, height: 844 } };
const DESK = { viewport: { width: 1280, height: 900 } };

/** The umbrella's admin at a desk, signed in once for the file's journeys (set up data through the API, read what staff see). */
let adminDesk: Promise<{ page: Page; api: Api }> | undefined;
const umbrellaAdmin = () => (adminDesk ??= signedIn(admin.email).then(async (page) => ({ page, api: await apiOf(page) })));

const signedIn = (email: string, options = DESK) => signedInPage(env.browser, env.product.url, email, DEMO_PASSWORD, options);

/** The API as the page's signed-in person, and the PDF a path downloads. */
async function apiOf(page: Page) {
  const base = env.product.url;
  return {
    ...(await apiOfPage(page, base)),
    bytes: async (path: string) => {
      const r = await page.request.get(`${base}${path}`);
      expect([r.status(), r.headers()['content-type']]).toEqual([200, 'application/pdf']);
      return r.body();
    },
  };
}
type Api = Awaited<ReturnType<typeof apiOf>>;

async function courseId(api: Api, title: string) {
  const { items } = await api.get<{ items: Array<{ id: string; title: string }> }>('/api/v1/training/courses?limit=200');
  const found = items.find((c) => c.title === title);
  if (!found) throw new Error(`no course "${title}" in the demo`);
  return found.id;
}

interface Participant { personId: string; name: string; attended: number; sessions: number; completed: boolean }
async function participant(api: Api, course: string, name: string) {
  const { items } = await api.get<{ items: Participant[] }>(`/api/v1/training/courses/${course}/participants?limit=200`);
  const found = items.filter((p) => p.name === name);
  expect(found, `${name} on the course`).toHaveLength(1);
  return found[0]!;
}

describe('training', () => {
  it('a trainer ticks a session on a 390 px phone without a connection; the ticks reach the course once the connection returns, each once', async () => {
    const { page: desk, api } = await umbrellaAdmin();
    const course = await courseId(api, WEAVERS);

    // Three of the course's people (matched by their phones, as the check-in matches people) come to a fourth evening, today.
    const people = [
      { name: 'Afia Pokuaa', phone: '+233 24 839 2256', sex: 'female', ageBand: '35_plus', comes: true },
      { name: 'Kofi Bonsu', phone: '+233 59 104 7723', sex: 'male', ageBand: '15_24', comes: true },
      { name: 'Yaa Serwaa', phone: '+233 26 418 9904', sex: 'female', ageBand: '25_34', comes: false },
    ];
    const before = new Map(await Promise.all(people.map(async (p) => [p.name, await participant(api, course, p.name)] as const)));
    const now = Date.now();
    const title = 'Kente costing, evening 4: questions from the workshops';
    const detail = await api.post<{ sessionList: Array<{ id: string; title: string }> }>(`/api/v1/training/courses/${course}/sessions`, {
      title, startsAt: new Date(now - 30 * 60_000).toISOString(), endsAt: new Date(now + 150 * 60_000).toISOString(),
      venue: 'Bonwire Kente Weaving Centre, Bonwire', capacity: 15, audience: 'public',
    });
    const session = detail.sessionList.find((s) => s.title === title)!.id;
    await api.post(`/api/v1/events/${session}/state`, { state: 'published' });
    const registrations = new Map<string, string>();
    for (const p of people) {
      const r = await api.post<{ id: string }>(`/api/v1/events/${session}/registrations`, { kind: 'public', name: p.name, phone: p.phone, sex: p.sex, ageBand: p.ageBand });
      registrations.set(p.name, r.id);
    }

    // The trainer, on her phone: the course, its new evening, the door's list.
    const phone = await signedIn(staff.email, PHONE);
    await phone.goto(`${env.product.url}/training/${course}`);
    await phone.getByRole('link', { name: title }).click();
    await phone.getByRole('heading', { name: title }).waitFor();
    await phone.getByRole('link', { name: 'Check-in at the door' }).click();
    await phone.getByText('Present: 0 of 3', { exact: true }).waitFor();
    await phone.context().setOffline(true);
    await phone.getByText('No connection: ticks are kept on this phone and sent when the connection returns.').waitFor();
    for (const p of people.filter((x) => x.comes)) {
      const card = phone.getByRole('button').filter({ hasText: p.name });
      await card.click();
      await card.getByText('Here, not sent yet').waitFor();
    }
    await phone.getByText('Present: 2 of 3', { exact: true }).waitFor();
    await phone.getByText('Ticks waiting to be sent: 2', { exact: true }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(phone, 'check-in of a course session, offline (390 px)');

    await phone.context().setOffline(false);
    for (const p of people.filter((x) => x.comes)) await phone.getByRole('button').filter({ hasText: p.name }).getByText('Here', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await phone.getByText(/^Ticks waiting to be sent/).count()).toBe(0);

    // Read again from the server: two of three present, Yaa Serwaa still to tick.
    await phone.reload();
    await phone.getByText('Present: 2 of 3', { exact: true }).waitFor();
    await phone.getByRole('button').filter({ hasText: 'Yaa Serwaa' }).getByText('Tap to tick').waitFor();

    // Each tick arrived once: one check-in in the audit log per person ticked, none for the one who did not come.
    for (const p of people) {
      const log = await api.get<{ items: Array<{ action: string }> }>(`/api/v1/audit?action=event_registration.check_in&entityId=${registrations.get(p.name)}`);
      expect(log.items.length, `check-ins of ${p.name}`).toBe(p.comes ? 1 : 0);
    }

    // And the course counts the evening once for those who came: one session more for all, one attended more for the two.
    for (const p of people) {
      const was = before.get(p.name)!;
      const is = await participant(api, course, p.name);
      expect([is.personId, is.sessions, is.attended], p.name).toEqual([was.personId, was.sessions + 1, was.attended + (p.comes ? 1 : 0)]);
    }

    // The course page shows it too: Afia Pokuaa came to every evening.
    await desk.goto(`${env.product.url}/training/${course}`);
    const afia = before.get('Afia Pokuaa')!;
    await desk.getByRole('row').filter({ hasText: 'Afia Pokuaa' }).getByText(`${afia.attended + 1} of ${afia.sessions + 1} sessions (${Math.floor(((afia.attended + 1) * 100) / (afia.sessions + 1))} %)`).waitFor();
  });

  it('a certificate is verified from the QR of its PDF on a phone; a copy with one field changed is refused, naming it; once revoked it shows revoked', async () => {
    const { api } = await umbrellaAdmin();
    const course = await courseId(api, WEAVERS);
    const persona = await participant(api, course, member.name);
    expect(persona.completed).toBe(true);
    const cert = await api.post<{ id: string; issuedAt: string; verifyUrl: string }>(`/api/v1/training/courses/${course}/certificates`, { personId: persona.personId, validUntil: null });

    // What the PDF's QR code holds: its squares are exactly the QR code of the verification address.
    const url = verifyUrlOfQr(await api.bytes(`/api/v1/training/certificates/${cert.id}/certificate.pdf`), cert.verifyUrl);
    expect(url).toBe(cert.verifyUrl);
    expect(new URL(url).pathname).toBe('/verify');

    // Scanned with a phone that has never seen the issuer: every signed field, and valid.
    const phone = await openPage(env.browser, PHONE);
    await phone.goto(url);
    await verdict(phone, 'Valid certificate');
    expect(await fields(phone)).toEqual({
      Name: member.name, Course: WEAVERS, Level: 'Completed the course', Hours: '9', Issued: new Date(cert.issuedAt).toLocaleDateString('en', { dateStyle: 'long' }), 'Valid until': 'Does not expire.',
      Issuer: CHAMBER, 'Certificate number': cert.id,
    });
    expect(await checks(phone)).toEqual(['Signed by the issuer.', 'Does not expire.', 'Not revoked.']);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(phone, 'verification page, valid (390 px)');

    // A copy whose hours were raised from 9 to 90, the signature kept: refused, and the page names the field.
    const [header, payload, signature] = url.slice(url.indexOf('#') + 1).split('.') as [string, string, string];
    const credential = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { credentialSubject: { achievement: { hours: number } } };
    credential.credentialSubject.achievement.hours = 90;
    const tampered = `${url.slice(0, url.indexOf('#'))}#${header}.${Buffer.from(JSON.stringify(credential)).toString('base64url')}.${signature}`;
    const copy = await openPage(env.browser, PHONE);
    await copy.goto(tampered);
    await verdict(copy, 'Not valid: the certificate was changed after it was signed');
    expect(await checks(copy)).toEqual(['The signature does not match the issuer’s key.', 'Changed: Hours']);
    expect(await copy.locator('dd.changed').allTextContents()).toEqual(['90']);
    expect((await fields(copy)).Name).toBe(member.name);

    // Revoked by staff: the same QR now says so.
    await api.post(`/api/v1/training/certificates/${cert.id}/revoke`, { reason: 'Issued to the wrong person: the record was merged.' });
    const later = await openPage(env.browser, PHONE);
    await later.goto(url);
    await verdict(later, 'Revoked: the issuer withdrew this certificate');
    expect(await checks(later)).toEqual(['Signed by the issuer.', 'Does not expire.']);

    // A trainer's certificate names the training of trainers that certified her.
    const tot = await courseId(api, TOT);
    const grace = await participant(api, tot, 'Grace Ampofo');
    const trainer = await api.post<{ verifyUrl: string }>(`/api/v1/training/courses/${tot}/certificates`, { personId: grace.personId, validUntil: null });
    const hers = await openPage(env.browser, PHONE);
    await hers.goto(trainer.verifyUrl);
    await verdict(hers, 'Valid certificate');
    expect(await fields(hers)).toMatchObject({ Name: 'Grace Ampofo', Course: TOT, Level: 'Certified trainer', Hours: '21', 'Certified through': TOT, Issuer: CHAMBER });

    // Everyone else who completed the weavers' course at once, from the course page: the dialog says how many
    // (counted here: completers less those with a certificate, the revoked one included), then the page says so.
    const completers = (await api.get<{ items: Participant[] }>(`/api/v1/training/courses/${course}/participants?limit=200`)).items.filter((p) => p.completed);
    const holders = new Set((await api.get<{ items: Array<{ personId: string }> }>(`/api/v1/training/courses/${course}/certificates`)).items.map((c) => c.personId));
    const due = completers.filter((p) => !holders.has(p.personId)).length;
    expect(due).toBeGreaterThan(0);
    const words = en.training.certificates;
    const said = (one: string, other: string) => (due === 1 ? one : other).replace('{{count}}', String(due)).replace('{{course}}', WEAVERS);
    const { page: desk } = await umbrellaAdmin();
    await desk.goto(`${env.product.url}/training/${course}`);
    await desk.getByRole('button', { name: 'Issue certificates to all who completed' }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByText(said(words.issueAllQuestion_one, words.issueAllQuestion_other)).waitFor();
    await dialog.getByRole('button', { name: said(words.issueAllConfirm_one, words.issueAllConfirm_other), exact: true }).click();
    await desk.getByText(said(words.issuedAll_one, words.issuedAll_other)).first().waitFor();
    const after = (await api.get<{ items: Array<{ personId: string; revokedAt: string | null }> }>(`/api/v1/training/courses/${course}/certificates`)).items;
    expect(after.length).toBe(holders.size + due);
    expect(await desk.getByRole('button', { name: 'Issue certificates to all who completed' }).isDisabled()).toBe(true);
  });

  it('a branch fills its self-assessment on a 390 px phone, reads its scores, and its umbrella sees it beside the other branches', async () => {
    const year = new Date().getUTCFullYear();
    // The draft's nine items (server/demo/seed-capacity.ts), then the eleven the branch answers now.
    const levels = [2, 2, 1, 1, 2, 1, 2, 2, 1, 3, 2, 2, 1, 2, 3, 2, 1, 2, 3, 2];
    const expected = domainShares(levels);

    const phone = await signedIn(NORTHERN_STAFF, PHONE);
    await phone.goto(`${env.product.url}/training/capacity`);
    await phone.getByText('9 of 20 items', { exact: true }).filter({ visible: true }).first().waitFor();
    await phone.getByRole('link', { name: `Self-assessment ${year}` }).filter({ visible: true }).first().click();
    await phone.getByRole('button', { name: 'Save draft' }).waitFor();
    await phone.getByText('9 of 20 items', { exact: true }).waitFor();
    const label = (key: string) => (en.capacity.items as Record<string, string>)[key]!;
    for (const [n, item] of CAPACITY_CATALOGUE.entries()) {
      if (n < 9) {
        // What the branch saved before is there.
        expect(await phone.getByRole('radiogroup', { name: label(item.key) }).getByRole('radio', { checked: true }).textContent(), item.key).toMatch(new RegExp(`^${levelName(levels[n]!)}`));
        continue;
      }
      await phone.getByRole('radiogroup', { name: label(item.key) }).getByRole('radio').nth(levels[n]! - 1).click();
    }
    await phone.getByText('20 of 20 items', { exact: true }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.getByRole('button', { name: 'Submit', exact: true }).click();
    await phone.getByRole('dialog').getByRole('button', { name: 'Submit', exact: true }).click();
    await phone.getByText('Self-assessment submitted.').waitFor();
    await phone.getByText('Submitted', { exact: true }).first().waitFor();

    // Its results per domain, as shares of level 4, each as computed here from the levels given.
    const results = phone.locator('table').filter({ has: phone.getByRole('columnheader', { name: 'Mean level' }) });
    for (const d of CAPACITY_DOMAINS) {
      await expect.poll(() => results.getByRole('row').filter({ hasText: domainName(d) }).locator('td').nth(2).textContent(), { message: d }).toBe(`${expected[d]}%`);
    }
    await expectAccessible(phone, 'capacity self-assessment, submitted (390 px)');

    // Beside the other branches on the phone: Greater Accra and Ashanti share theirs (server/demo/seed-demo.ts);
    // the federation average is the mean of the three branches' means, computed here from the levels.
    const accraLevels = [4, 3, 3, 4, 4, 3, 4, 4, 3, 3, 3, 4, 2, 2, 2, 3, 2, 3, 4, 3];
    const ashantiLevels = [3, 3, 2, 3, 3, 2, 3, 3, 3, 2, 3, 3, 3, 4, 3, 3, 3, 3, 3, 2];
    await phone.goto(`${env.product.url}/training/capacity`);
    await phone.getByRole('heading', { name: 'Beside the other branches' }).waitFor();
    const peers = phone.locator('table').filter({ has: phone.locator('caption', { hasText: `Capacity per domain beside the other branches, ${year}` }) });
    await peers.waitFor();
    expect((await peers.locator('thead th').allTextContents()).slice(1)).toEqual(['Your branch', 'Ashanti Regional Chamber', 'Greater Accra Regional Chamber', 'Federation average']);
    const accra = domainShares(accraLevels);
    const average = averageShares([levels, ashantiLevels, accraLevels]);
    for (const d of CAPACITY_DOMAINS) {
      const cells = await peers.getByRole('row').filter({ has: phone.getByRole('rowheader', { name: domainName(d), exact: true }) }).locator('td').allTextContents();
      expect(cells, d).toEqual([`${expected[d]}%`, `${domainShares(ashantiLevels)[d]}%`, `${accra[d]}%`, `${average[d]}%`]);
    }
    await phone.getByText('The federation average is over 3 branches', { exact: false }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The umbrella's page: the branch beside the others that submitted this year, its shares the same.
    const { page: desk } = await umbrellaAdmin();
    await desk.goto(`${env.product.url}/training/capacity`);
    await desk.getByRole('heading', { name: 'Branches side by side' }).waitFor();
    const table = desk.locator('table').filter({ has: desk.locator('caption', { hasText: `Capacity per domain of the branches, ${year}` }) });
    await table.waitFor();
    const headers = (await table.locator('thead th').allTextContents()).slice(1);
    expect(headers).toEqual(['Ashanti Regional Chamber', 'Greater Accra Regional Chamber', 'Northern Regional Chamber']);
    const ashanti = domainShares([3, 3, 2, 3, 3, 2, 3, 3, 3, 2, 3, 3, 3, 4, 3, 3, 3, 3, 3, 2]);
    for (const d of CAPACITY_DOMAINS) {
      const cells = await table.getByRole('row').filter({ has: desk.getByRole('rowheader', { name: domainName(d), exact: true }) }).locator('td').allTextContents();
      expect(cells[0], `Ashanti, ${d}`).toBe(`${ashanti[d]}%`);
      expect(cells[2], `Northern, ${d}`).toBe(`${expected[d]}%`);
    }
    expect(await desk.getByText(/^Not submitted for/).count()).toBe(0);
  });
});

const levelName = (level: number) => (en.capacity.levelNames as Record<string, string>)[level]!;

function domainName(d: string) {
  return (en.capacity.domains as Record<string, string>)[d]!;
}

/** Each domain's mean level as a share of level 4, one decimal, as the page writes it ("62.5"). */
function domainShares(levels: number[]) {
  return Object.fromEntries(CAPACITY_DOMAINS.map((d) => {
    const mine = CAPACITY_CATALOGUE.flatMap((i, n) => (i.domain === d ? [levels[n]!] : []));
    const share = Math.round((mine.reduce((a, b) => a + b, 0) / mine.length / 4) * 1000) / 10;
    return [d, share.toLocaleString('en-GH', { maximumFractionDigits: 1 })];
  })) as Record<string, string>;
}

/** Per domain, the mean of each branch's mean level, as a share of level 4, as the page writes it. */
function averageShares(branches: number[][]) {
  return Object.fromEntries(CAPACITY_DOMAINS.map((d) => {
    const means = branches.map((levels) => {
      const mine = CAPACITY_CATALOGUE.flatMap((i, n) => (i.domain === d ? [levels[n]!] : []));
      return mine.reduce((a, b) => a + b, 0) / mine.length;
    });
    const share = Math.round((means.reduce((a, b) => a + b, 0) / means.length / 4) * 1000) / 10;
    return [d, share.toLocaleString('en-GH', { maximumFractionDigits: 1 })];
  })) as Record<string, string>;
}

async function verdict(page: Page, headline: string) {
  await page.locator('#verdict').filter({ hasText: headline }).waitFor({ timeout: 20_000 });
}

/** The checks listed under the verdict. */
const checks = (page: Page) => page.locator('#verdict li').allTextContents();

/** The signed fields the page shows, by their names. */
async function fields(page: Page): Promise<Record<string, string>> {
  const dts = await page.locator('#fields dt').allTextContents();
  const dds = await page.locator('#fields dd').allTextContents();
  return Object.fromEntries(dts.map((dt, i) => [dt, dds[i]!]));
}

/**
 * The address the certificate's QR code holds. The PDF draws the code as
 * equal squares (certificate-pdf.ts); they are read back from its content
 * streams into a grid of modules, which must be exactly the QR code of the
 * address expected (qrcode is deterministic for one text and correction level).
 */
function verifyUrlOfQr(pdf: Buffer, candidate: string): string {
  const text = pdf.toString('latin1');
  const rects: Array<[number, number, number]> = [];
  for (const m of text.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const r of content.matchAll(/(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+) re/g)) {
      if (r[3] === r[4]) rects.push([Number(r[1]), Number(r[2]), Number(r[3])]);
    }
  }
  expect(rects.length, 'squares of the QR code in the PDF').toBeGreaterThan(100);
  const cell = rects[0]![2];
  const x0 = Math.min(...rects.map((r) => r[0]));
  const y0 = Math.min(...rects.map((r) => r[1]));
  const drawn = new Set(rects.filter((r) => Math.abs(r[2] - cell) < 1e-6).map(([x, y]) => `${Math.round((y - y0) / cell)},${Math.round((x - x0) / cell)}`));
  const { modules } = createQr(candidate, { errorCorrectionLevel: 'L' });
  const wanted = new Set<string>();
  for (let row = 0; row < modules.size; row++) for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) wanted.add(`${row},${col}`);
  expect([...drawn].sort()).toEqual([...wanted].sort());
  return candidate;
}
