import { and, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/database.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { clockFormat } from '../../platform/time.js';
import { orgs } from '../../platform/tenants/tables.js';
import { orgClocks } from '../orgs/org-service.js';
import { eventRegistrations, events } from './tables.js';
import { eventMailLocale } from './waiting-list.js';

export const REMINDER_HOURS = 24;

/**
 * Reminds everyone holding a seat, the day before: events published, not
 * external, starting within the next 24 hours, once per event (`reminded_at`).
 * Runs every hour for every organisation (pg-boss, server/main.ts); a row
 * another process is reminding is skipped, not waited for.
 */
export async function sendEventReminders(database: Database, now = clock.now()) {
  const until = new Date(now.getTime() + REMINDER_HOURS * 3_600_000);
  return withSystem(database.db, async (tx) => {
    const due = await tx
      .select({ event: events, orgName: orgs.name, languages: orgs.languages })
      .from(events)
      .innerJoin(orgs, eq(orgs.id, events.orgId))
      .where(and(eq(events.state, 'published'), eq(events.external, false), isNull(events.remindedAt), gt(events.startsAt, now), lte(events.startsAt, until)))
      .for('update', { of: events, skipLocked: true });
    const clocks = await orgClocks(tx, [...new Set(due.map((d) => d.event.orgId))]);
    let mails = 0;
    for (const { event, orgName, languages } of due) {
      const locale = eventMailLocale(languages);
      const when = clockFormat(clocks.get(event.orgId)!, locale).meetingTime(event.startsAt);
      const seats = await tx.select().from(eventRegistrations)
        .where(and(eq(eventRegistrations.orgId, event.orgId), eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, 'registered')));
      for (const reg of seats.filter((s) => s.email)) {
        await queueMail(tx, {
          orgId: event.orgId, kind: 'event_reminder', to: reg.email, locale,
          params: { name: reg.name, title: event.title, orgName, when, location: event.venue || event.onlineUrl || '—', code: reg.ticketCode },
        });
        mails++;
      }
      await tx.update(events).set({ remindedAt: sql`now()` }).where(and(eq(events.orgId, event.orgId), eq(events.id, event.id)));
    }
    return { events: due.length, mails };
  });
}
