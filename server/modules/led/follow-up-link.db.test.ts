import { describe, expect, it } from 'vitest';
import type { LedRegionDetail } from '../../../contracts/led.js';
import type { MeasureDetail } from '../../../contracts/led-implementation.js';
import { clock } from '../../platform/clock.js';
import { Client, useTestApp } from '../../test/app.js';
import { createOrg } from '../../test/factories.js';

const t = useTestApp();
const ghana = { country: 'GH', regions: ['GH-AA', 'GH-NP'] };
/** A day relative to today, as the organisation's calendar reads it closely enough for a follow-up a month past due. */
const day = (fromToday: number) => new Date(clock.ms() + fromToday * 86_400_000).toISOString().slice(0, 10);

describe('the follow-up form sent by staff', () => {
  it('mails the latest follow-up due to the lead partner at once, a new link replacing the first, and not once answered', async () => {
    const { admin } = await createOrg(t.app, ghana);
    const region = (await admin.post('/api/v1/led/regions', { name: 'Ho', region: 'GH-AA' })).json() as LedRegionDetail;
    const add = async (title: string, measure: object) => {
      const r = (await admin.post(`/api/v1/led/regions/${region.id}/measures`, { title, budget: 100_000, ...measure })).json() as LedRegionDetail;
      return r.measureList.find((m) => m.title === title)!.id;
    };
    // Ended about 13 months ago: the 6- and 12-month follow-ups are due, the 24-month one is not.
    const ended = { startsOn: day(-700), endsOn: day(-400), status: 'done' };
    const cold = await add('Cold room for fishmongers', { ...ended, leadEmail: 'lead@fishmongers.example' });
    const noEmail = await add('Dryer without a lead e-mail', ended);
    const running = await add('Still running', { startsOn: day(-30), endsOn: day(300), status: 'running', leadEmail: 'lead@running.example' });

    const refused = async (id: string) => {
      const r = await admin.post(`/api/v1/led/measures/${id}/follow-up-link`, {});
      return [r.statusCode, r.json().code];
    };
    expect(await refused(running)).toEqual([409, 'led.follow_up_not_due']);
    expect(await refused(noEmail)).toEqual([409, 'led.no_lead_email']);

    const sent = await admin.post(`/api/v1/led/measures/${cold}/follow-up-link`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    const twelve = (sent.json() as MeasureDetail).followUps.find((f) => f.months === 12)!;
    expect([twelve.sentTo, twelve.sentAt !== null, twelve.answeredAt]).toEqual(['lead@fishmongers.example', true, null]);
    // One form, the latest due: the 6-month one is not sent.
    expect((sent.json() as MeasureDetail).followUps.find((f) => f.months === 6)!.sentAt).toBeNull();

    const links = async () => {
      const mails = (await admin.get('/api/v1/mail/outbox?limit=200')).json().items.filter((m: { kind: string }) => m.kind === 'led_follow_up') as Array<{ toEmail: string; body: string }>;
      expect(mails.every((m) => m.toEmail === 'lead@fishmongers.example' && m.body.includes('12 months'))).toBe(true);
      return mails.map((m) => /\/led\/follow-up\/(f-[\w-]+)/.exec(m.body)![1]!);
    };
    const [first] = await links();
    const anonymous = new Client(t.app);
    expect((await anonymous.get(`/led/follow-up/${first}`)).body).toContain('Cold room for fishmongers');

    // Lost, so sent again: the new link works, the first no longer does.
    expect((await admin.post(`/api/v1/led/measures/${cold}/follow-up-link`, {})).statusCode).toBe(200);
    const both = await links();
    expect(both).toHaveLength(2);
    const second = both.find((l) => l !== first)!;
    expect((await anonymous.get(`/led/follow-up/${first}`)).statusCode).toBe(404);
    const answered = await anonymous.request({ method: 'POST', url: `/led/follow-up/${second}`, payload: 'stillEffective=yes&jobsKept=2', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(await refused(cold)).toEqual([409, 'led.follow_up_answered']);
    expect(((await admin.get(`/api/v1/led/measures/${cold}`)).json() as MeasureDetail).status).toBe('effective');

    // Audited on the measure, to whom and when, never the link.
    const audit = (await admin.get(`/api/v1/audit?entityType=led_measure&entityId=${cold}`)).json().items as Array<{ action: string; after: unknown }>;
    const sends = audit.filter((e) => e.action === 'led_measure.follow_up_send');
    expect(sends).toHaveLength(2);
    expect(sends[0]!.after).toMatchObject({ months: 12, sentTo: 'lead@fishmongers.example' });
    expect(JSON.stringify(sends)).not.toContain(second);
  });
});
