import { and, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import { users } from '../../platform/auth/tables.js';
import type { Database } from '../../platform/db/database.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { clockFormat, todayIn } from '../../platform/time.js';
import { addDays } from '../members/billing-service.js';
import { orgClocks, roleOfUser } from '../orgs/org-service.js';
import { advocacyActions, advocacyIssues } from './tables.js';
import { clock } from '../../platform/clock.js';

/** Days between two reminders of the same overdue activity. */
export const REMIND_EVERY_DAYS = 7;

/**
 * Reminds the owner of every overdue activity of an action plan, once a week
 * while it stays overdue. Runs daily for every organisation; "overdue" is on
 * each organisation's calendar (due today in Kolkata is not overdue while it
 * is still yesterday in UTC, nor the other way round).
 */
export async function sendOverdueActionReminders(database: Database, publicUrl: string, now = clock.now()) {
  // Every organisation's today lies within a day of UTC's: the query takes the
  // widest bounds and each organisation's own date decides below.
  const latest = addDays(todayIn('UTC', now), 1);
  return withSystem(database.db, async (tx) => {
    const candidates = await tx
      .select({ action: advocacyActions, issueTitle: advocacyIssues.title, ownerName: users.name, ownerEmail: users.email, locale: users.locale })
      .from(advocacyActions)
      .innerJoin(advocacyIssues, eq(advocacyIssues.id, advocacyActions.issueId))
      .innerJoin(users, eq(users.id, advocacyActions.ownerUserId))
      .where(and(
        inArray(advocacyActions.status, ['planned', 'in_progress']),
        lt(advocacyActions.dueOn, latest),
        or(isNull(advocacyActions.remindedOn), lte(advocacyActions.remindedOn, addDays(latest, -REMIND_EVERY_DAYS))),
      ))
      .for('update', { of: advocacyActions, skipLocked: true });
    const clocks = await orgClocks(tx, candidates.map((d) => d.action.orgId));
    let reminded = 0;
    for (const d of candidates) {
      const clock = clocks.get(d.action.orgId)!;
      const today = todayIn(clock.timeZone, now);
      if (d.action.dueOn >= today || (d.action.remindedOn && d.action.remindedOn > addDays(today, -REMIND_EVERY_DAYS))) continue;
      // Someone who has left the organisation is not written to about its work.
      if (!(await roleOfUser(tx, d.action.ownerUserId!, d.action.orgId))) continue;
      await queueMail(tx, {
        orgId: d.action.orgId, kind: 'action_overdue', to: d.ownerEmail, locale: d.locale,
        params: { name: d.ownerName, title: d.action.title, issue: d.issueTitle, due: clockFormat(clock, d.locale).date(d.action.dueOn, 'long'), link: `${publicUrl}/advocacy/${d.action.issueId}?tab=plan` },
      });
      await tx.update(advocacyActions).set({ remindedOn: today }).where(eq(advocacyActions.id, d.action.id));
      reminded++;
    }
    return { reminded };
  });
}
