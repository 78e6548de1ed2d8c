import { and, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import { users } from '../../platform/auth/tables.js';
import type { Database } from '../../platform/db/database.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { addDays } from '../members/billing-service.js';
import { advocacyActions, advocacyIssues } from './tables.js';

/** Days between two reminders of the same overdue activity. */
export const REMIND_EVERY_DAYS = 7;

/**
 * Reminds the owner of every overdue activity of an action plan, once a week
 * while it stays overdue. Runs daily for every organisation.
 */
export async function sendOverdueActionReminders(database: Database, publicUrl: string, today = new Date().toISOString().slice(0, 10)) {
  return withSystem(database.db, async (tx) => {
    const due = await tx
      .select({ action: advocacyActions, issueTitle: advocacyIssues.title, ownerName: users.name, ownerEmail: users.email, locale: users.locale })
      .from(advocacyActions)
      .innerJoin(advocacyIssues, eq(advocacyIssues.id, advocacyActions.issueId))
      .innerJoin(users, eq(users.id, advocacyActions.ownerUserId))
      .where(and(
        inArray(advocacyActions.status, ['planned', 'in_progress']),
        lt(advocacyActions.dueOn, today),
        or(isNull(advocacyActions.remindedOn), lte(advocacyActions.remindedOn, addDays(today, -REMIND_EVERY_DAYS))),
      ))
      .for('update', { of: advocacyActions, skipLocked: true });
    for (const d of due) {
      await queueMail(tx, {
        orgId: d.action.orgId, kind: 'action_overdue', to: d.ownerEmail, locale: d.locale,
        params: { name: d.ownerName, title: d.action.title, issue: d.issueTitle, due: d.action.dueOn, link: `${publicUrl}/advocacy/${d.action.issueId}?tab=plan` },
      });
      await tx.update(advocacyActions).set({ remindedOn: today }).where(eq(advocacyActions.id, d.action.id));
    }
    return { reminded: due.length };
  });
}
