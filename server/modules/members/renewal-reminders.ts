import { and, eq, gte, isNull, lte, ne, or } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { orgMailLocale } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { clockFormat, todayIn } from '../../platform/time.js';
import { orgClocks } from '../orgs/org-service.js';
import { orgs } from '../../platform/tenants/tables.js';
import { firmRecipients } from './audience-service.js';
import { addDays } from './billing-service.js';
import { members } from './tables.js';
import { clock } from '../../platform/clock.js';

export const REMINDER_DAYS = 30;

/**
 * Reminds firms whose membership ends within the next 30 days, once per
 * renewal date: to the contacts who agreed to be contacted, or else to the
 * firm's own address. Runs daily for every organisation, each on its own
 * calendar.
 */
export async function sendRenewalReminders(database: Database, now = clock.now()) {
  // Every organisation's today lies within a day of UTC's: the query takes the
  // widest bounds and each organisation's own date decides below.
  const utcToday = todayIn('UTC', now);
  return withSystem(database.db, async (tx) => {
    const candidates = await tx
      .select({ member: members, orgName: orgs.name, languages: orgs.languages })
      .from(members)
      .innerJoin(orgs, eq(orgs.id, members.orgId))
      .where(
        and(
          eq(members.status, 'active'),
          gte(members.renewalDueOn, addDays(utcToday, -1)),
          lte(members.renewalDueOn, addDays(utcToday, REMINDER_DAYS + 1)),
          or(isNull(members.remindedForRenewalOn), ne(members.remindedForRenewalOn, members.renewalDueOn)),
        ),
      )
      .for('update', { of: members, skipLocked: true });
    const clocks = await orgClocks(tx, candidates.map((c) => c.member.orgId));
    let firms = 0;
    let mails = 0;
    for (const { member, orgName, languages } of candidates) {
      const clock = clocks.get(member.orgId)!;
      const today = todayIn(clock.timeZone, now);
      const due = member.renewalDueOn!;
      if (due < today || due > addDays(today, REMINDER_DAYS)) continue;
      const recipients = await firmRecipients(tx, member);
      const locale = orgMailLocale(languages, 'en');
      const date = clockFormat(clock, locale).date(due, 'long');
      for (const to of recipients) {
        await queueMail(tx, { orgId: member.orgId, kind: 'renewal_reminder', to, locale, params: { firm: member.legalName, orgName, date } });
        mails++;
      }
      await tx.update(members).set({ remindedForRenewalOn: due }).where(eq(members.id, member.id));
      firms++;
    }
    return { firms, mails };
  });
}
