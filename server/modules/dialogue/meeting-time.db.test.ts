import { describe, expect, it } from 'vitest';
import { wallTimeToInstant } from '../../../contracts/time.js';
import { useTestApp } from '../../test/app.js';
import { createOrg } from '../../test/factories.js';
import { pdfText } from '../../test/pdf-text.js';

const t = useTestApp();

describe('meeting times on the organisation’s clock', () => {
  it('a meeting at 11:00 in Kolkata reads 11:00 in the invitation, the calendar file and the minutes', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const { admin } = await createOrg(t.app, { country: 'IN', currency: 'INR', regions: [] });
    const forum = (await admin.post('/api/v1/forums', { name: 'MSME facilitation council', kind: 'round_table', isPublic: false })).json();
    await admin.post(`/api/v1/forums/${forum.id}/members`, { side: 'public', name: 'Shri A. Kumar', email: 'a.kumar@msme.gov.example', affiliation: 'Ministry of MSME', role: 'co_chair' });
    // What the web form sends for 11:00–13:00 typed in the organisation's zone.
    const startsAt = wallTimeToInstant(`${year}-01-15T11:00`, 'Asia/Kolkata');
    expect(startsAt).toBe(`${year}-01-15T05:30:00.000Z`);
    const meeting = (await admin.post(`/api/v1/forums/${forum.id}/meetings`, { title: 'Quarterly council', startsAt, endsAt: wallTimeToInstant(`${year}-01-15T13:00`, 'Asia/Kolkata'), location: 'Udyog Bhawan, New Delhi' })).json();
    await admin.post(`/api/v1/meetings/${meeting.id}/decisions`, { text: 'Ministry circulates the draft rules', owner: 'Ministry of MSME', dueOn: `${year}-02-28` });

    expect((await admin.post(`/api/v1/meetings/${meeting.id}/invitations`)).json()).toEqual({ invited: 1 });
    const [mail] = (await admin.get('/api/v1/mail/outbox')).json().items.filter((m: { kind: string }) => m.kind === 'meeting_invitation');
    expect(mail.body).toMatch(new RegExp(`When: \\w+day, 15 January ${year} at 11:00 am IST`));
    expect(mail.body).not.toContain('UTC');

    // Calendars get the instant in UTC (05:30Z) and show it at 11:00 to readers in Kolkata; the description says 11:00 IST.
    const ics = mail.attachments[0].content as string;
    expect(ics).toContain(`DTSTART:${year}0115T053000Z`);
    expect(ics).toContain(`DTEND:${year}0115T073000Z`);
    expect(ics.replace(/\r\n[ \t]/g, '')).toMatch(new RegExp(`DESCRIPTION:\\w+day\\\\, 15 January ${year} at 11:00 am IST`));

    await admin.put(`/api/v1/meetings/${meeting.id}/minutes`, { minutes: 'The council reviewed the draft rules.', present: [], status: 'held' });
    const text = await pdfText((await admin.get(`/api/v1/meetings/${meeting.id}/minutes.pdf`)).rawPayload);
    expect(text).toContain(`15 January ${year} at 11:00 am IST`);
    expect(text).toContain(`28 February ${year}`);
    expect(text).not.toContain('5:30');
  });
});
