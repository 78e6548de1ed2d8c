import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/database.js';
import { withSystem, type Tx } from '../../platform/db/tenancy.js';
import { orgMailLocale, translator } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { clockFormat } from '../../platform/time.js';
import { orgs } from '../../platform/tenants/tables.js';
import { firmRecipientsById } from '../members/audience-service.js';
import { orgClocks } from '../orgs/org-service.js';
import { networkingOffers, networkingProfiles, networkingSettings } from './tables.js';

/** Days before expiry to remind, the organisation's setting or 30. */
const reminderDays = (alias: typeof networkingOffers | typeof networkingProfiles) =>
  sql`coalesce((SELECT ${networkingSettings.reminderDays} FROM ${networkingSettings} WHERE ${networkingSettings.orgId} = ${alias.orgId}), 30)`;

/**
 * Reminds firms to renew a published offer or a listed profile before it
 * expires, once per listing (`reminded_at`, cleared when it is renewed).
 * Runs daily for every organisation (pg-boss, server/main.ts); a row another
 * process is reminding is skipped.
 */
export async function sendNetworkingReminders(database: Database, now = clock.now()) {
  return withSystem(database.db, async (tx) => {
    const o = networkingOffers;
    const p = networkingProfiles;
    const offers = await tx.select({ orgId: o.orgId, id: o.id, memberId: o.memberId, title: o.title, expiresAt: o.expiresAt, orgName: orgs.name, languages: orgs.languages })
      .from(o).innerJoin(orgs, eq(orgs.id, o.orgId))
      .where(and(eq(o.state, 'published'), isNull(o.remindedAt), gt(o.expiresAt, now), sql`${o.expiresAt} <= ${now}::timestamptz + make_interval(days => ${reminderDays(o)})`))
      .for('update', { of: o, skipLocked: true });
    const profiles = await tx.select({ orgId: p.orgId, memberId: p.memberId, expiresAt: p.expiresAt, orgName: orgs.name, languages: orgs.languages })
      .from(p).innerJoin(orgs, eq(orgs.id, p.orgId))
      .where(and(eq(p.optedIn, true), isNull(p.remindedAt), gt(p.expiresAt, now), sql`${p.expiresAt} <= ${now}::timestamptz + make_interval(days => ${reminderDays(p)})`))
      .for('update', { of: p, skipLocked: true });
    const clocks = await orgClocks(tx, [...new Set([...offers, ...profiles].map((r) => r.orgId))]);
    let mails = 0;
    const remind = async (tx: Tx, r: { orgId: string; memberId: string; expiresAt: Date | null; orgName: string; languages: string[] }, offerTitle: string | null) => {
      const firm = await firmRecipientsById(tx, r.orgId, r.memberId);
      const locale = orgMailLocale(r.languages, 'en');
      // An offer is named by its title, a profile as the directory profile.
      const title = offerTitle ?? translator(locale)('networking.firmProfile');
      const date = clockFormat(clocks.get(r.orgId)!, locale).date(r.expiresAt!, 'long');
      for (const to of firm?.to ?? []) {
        await queueMail(tx, { orgId: r.orgId, kind: 'networking_renewal', to, locale, params: { firm: firm!.name, orgName: r.orgName, title, date } });
        mails++;
      }
    };
    for (const r of offers) {
      await remind(tx, r, r.title);
      await tx.update(o).set({ remindedAt: sql`now()` }).where(and(eq(o.orgId, r.orgId), eq(o.id, r.id)));
    }
    for (const r of profiles) {
      await remind(tx, r, null);
      await tx.update(p).set({ remindedAt: sql`now()` }).where(and(eq(p.orgId, r.orgId), eq(p.memberId, r.memberId)));
    }
    return { offers: offers.length, profiles: profiles.length, mails };
  });
}
