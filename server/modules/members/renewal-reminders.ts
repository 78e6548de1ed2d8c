import { and, eq, gte, isNull, lte, ne, or } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { orgMailLocale } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { orgs } from '../orgs/tables.js';
import { firmRecipients } from './audience.js';
import { addDays } from './billing-service.js';
import { members } from './tables.js';

export const REMINDER_DAYS = 30;

/**
 * Reminds firms whose membership ends within the next 30 days, once per
 * renewal date: to the contacts who agreed to be contacted, or else to the
 * firm's own address. Runs daily for every organisation.
 */
export async function sendRenewalReminders(database: Database, today = new Date().toISOString().slice(0, 10)) {
  return withSystem(database.db, async (tx) => {
    const due = await tx
      .select({ member: members, orgName: orgs.name, languages: orgs.languages })
      .from(members)
      .innerJoin(orgs, eq(orgs.id, members.orgId))
      .where(
        and(
          eq(members.status, 'active'),
          gte(members.renewalDueOn, today),
          lte(members.renewalDueOn, addDays(today, REMINDER_DAYS)),
          or(isNull(members.remindedForRenewalOn), ne(members.remindedForRenewalOn, members.renewalDueOn)),
        ),
      )
      .for('update', { of: members, skipLocked: true });
    let mails = 0;
    for (const { member, orgName, languages } of due) {
      const recipients = await firmRecipients(tx, member);
      const locale = orgMailLocale(languages, 'en');
      for (const to of recipients) {
        await queueMail(tx, { orgId: member.orgId, kind: 'renewal_reminder', to, locale, params: { firm: member.legalName, orgName, date: member.renewalDueOn! } });
        mails++;
      }
      await tx.update(members).set({ remindedForRenewalOn: member.renewalDueOn }).where(eq(members.id, member.id));
    }
    return { firms: due.length, mails };
  });
}
