import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/seed-demo.js';
import { expectAccessible, openPage, signIn, useProductAndBrowser } from './browser.js';

const admin = DEMO_PEOPLE.find((p) => p.role === 'admin')!;
const member = DEMO_PEOPLE.find((p) => p.role === 'member')!;
const env = useProductAndBrowser();
const B2B_DAY = 'Ashanti B2B day: crafts and food processors meet hotel and tour buyers';

describe('a B2B day', () => {
  it('staff read the schedule and why a meeting was not placed; a participant reads her agenda on a phone; the door ticks her ticket offline and sends it when the connection returns', async () => {
    const staff = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
    await signIn(staff, env.product.url, admin.email, DEMO_PASSWORD);
    await staff.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await staff.goto(`${env.product.url}/events`);
    await staff.getByRole('link', { name: B2B_DAY }).click();
    await staff.getByRole('heading', { name: B2B_DAY }).waitFor();
    const eventId = /\/events\/([0-9a-f-]{36})/.exec(staff.url())![1]!;
    await staff.getByRole('link', { name: 'B2B meetings' }).click();
    // The scheduler placed what it could and names the meeting it could not, with the reason.
    await staff.getByRole('heading', { name: 'Not placed' }).waitFor();
    await staff.getByText(/have no free slot in common/).waitFor();
    await expectAccessible(staff, 'B2B schedule (staff)');

    // The participant, on her phone: her agenda, as a list, as text messages and as a PDF.
    const phone = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
    await signIn(phone, env.product.url, member.email, DEMO_PASSWORD);
    await phone.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await phone.goto(`${env.product.url}/events/${eventId}/b2b`);
    const chooser = phone.getByText("Act for which of your firm's people?");
    await phone.getByRole('heading', { name: 'My agenda' }).or(chooser).first().waitFor();
    if (await chooser.isVisible()) await phone.getByRole('link', { name: member.name }).click();
    await phone.getByRole('heading', { name: 'My agenda' }).waitFor();
    await phone.getByText('As text messages').waitFor();
    const pdf = await phone.request.get(new URL((await phone.getByRole('link', { name: 'Download PDF' }).getAttribute('href'))!, env.product.url).href);
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await expectAccessible(phone, 'B2B agenda (390 px)');

    // At the door, a phone that holds the list ticks her ticket without a connection.
    const registrations = (await (await staff.request.get(`${env.product.url}/api/v1/events/${eventId}/registrations?q=${encodeURIComponent(member.name)}`)).json()) as { items: Array<{ id: string; name: string; ticketCode: string; attendedAt?: string | null; status: string }> };
    // Her own seat (the search also finds what matches her name elsewhere), on the door's list and not yet ticked.
    const ticket = registrations.items.find((r) => r.name === member.name && r.status === 'registered' && !r.attendedAt)!;
    expect(ticket).toBeTruthy();
    const door = await openPage(env.browser, { viewport: { width: 390, height: 844 } });
    await signIn(door, env.product.url, admin.email, DEMO_PASSWORD);
    await door.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await door.goto(`${env.product.url}/events/${eventId}/check-in`);
    await door.getByText(/^Present: \d+ of \d+$/).waitFor();
    // Nothing may be thrown on the door's page while it is offline: a notice's code that could not be
    // downloaded then once took the whole app off the screen, ticks and all (web/main.tsx, NoticeContainer).
    const thrown: string[] = [];
    door.on('pageerror', (error) => thrown.push(error.message));
    await door.context().setOffline(true);
    await door.getByText('No connection: ticks are kept on this phone and sent when the connection returns.').waitFor();
    await door.getByLabel('Ticket code').fill(ticket.ticketCode);
    await door.getByRole('button', { name: 'Tick', exact: true }).click();
    const card = door.getByRole('button').filter({ hasText: ticket.ticketCode });
    await card.getByText('Here, not sent yet').waitFor();
    await door.context().setOffline(false);
    // Sent when the connection returns (at the latest by the page's retry every 20 s).
    await card.getByText('Here', { exact: true }).waitFor({ timeout: 30_000 });
    expect(thrown).toEqual([]);
    const after = (await (await staff.request.get(`${env.product.url}/api/v1/events/${eventId}/registrations?q=${encodeURIComponent(member.name)}`)).json()) as { items: Array<{ id: string; attendedAt?: string | null }> };
    expect(after.items.find((r) => r.id === ticket.id)?.attendedAt).toBeTruthy();
  });
});
