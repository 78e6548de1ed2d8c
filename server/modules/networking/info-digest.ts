import { and, arrayOverlaps, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { InfoSubscription, InfoSubscriptionInput } from '../../../contracts/networking-info.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/database.js';
import { withSystem, type TenantCtx } from '../../platform/db/tenancy.js';
import { orgMailLocale, translator } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { orgs } from '../../platform/tenants/tables.js';
import { firmRecipientsById } from '../members/audience-service.js';
import { codeMatches } from './info-entry-service.js';
import { networkingInfoEntries, networkingInfoSubscriptions } from './tables.js';

/** At most one digest per firm in this many days. */
export const DIGEST_INTERVAL_DAYS = 7;
/** A digest lists at most this many entries, then says how many more there are. */
export const DIGEST_MAX_ENTRIES = 15;

type Subscription = typeof networkingInfoSubscriptions.$inferSelect;
const e = networkingInfoEntries;

/**
 * Which published entries a subscription follows: those of its types (all if
 * it names none) that share a sector, a product (HS, either code a prefix of
 * the other) or a country with it. A subscription naming no sector, product
 * or country follows every entry of its types.
 */
export function subscriptionMatches(s: Pick<Subscription, 'sectors' | 'hsCodes' | 'countries' | 'types'>): SQL | undefined {
  const any: SQL[] = [
    ...s.sectors.map((c) => codeMatches(e.sectors, c)),
    ...s.hsCodes.map((c) => codeMatches(e.hsCodes, c)),
    ...(s.countries.length ? [arrayOverlaps(e.countries, s.countries)] : []),
  ];
  return and(s.types.length ? inArray(e.type, s.types) : undefined, any.length ? or(...any) : undefined);
}

/**
 * The weekly digest (pg-boss, daily, server/main.ts): each active
 * subscription whose last digest is at least a week old gets one mail to its
 * firm's consenting contacts (or the firm's address) listing the entries
 * published since its last digest (or since it subscribed) that match it:
 * the organisation's own, and those the other organisations of its federation
 * share with it at the time of the digest (issue 18.8), each marked with the
 * organisation it comes from. A subscription with nothing new gets nothing and
 * is looked at again the next day. A subscription another process is handling
 * is skipped.
 */
export async function sendInfoDigests(database: Database, now = clock.now()) {
  return withSystem(database.db, async (tx) => {
    const s = networkingInfoSubscriptions;
    const due = await tx.select({ sub: s, orgName: orgs.name, languages: orgs.languages })
      .from(s).innerJoin(orgs, eq(orgs.id, s.orgId))
      .where(and(eq(s.active, true), or(isNull(s.lastDigestAt), lte(s.lastDigestAt, sql`${now}::timestamptz - make_interval(days => ${DIGEST_INTERVAL_DAYS})`))))
      .for('update', { of: s, skipLocked: true });
    let digests = 0;
    let mails = 0;
    for (const { sub, orgName, languages } of due) {
      const since = sub.lastDigestAt ?? sub.createdAt;
      // The organisation's own entries first, then those its federation shares with it: one mail of at most 15 entries,
      // so a week of many own entries leaves the shared ones out rather than making the mail long.
      const sharers = sql`(SELECT f.org_id FROM federation_info_sharers_of(${sub.orgId}::uuid) f)`;
      const entries = await tx.select({ type: e.type, title: e.title, source: e.source, orgId: e.orgId, from: orgs.name }).from(e)
        .innerJoin(orgs, eq(orgs.id, e.orgId))
        .where(and(or(eq(e.orgId, sub.orgId), sql`${e.orgId} IN ${sharers}`), eq(e.state, 'published'), gt(e.publishedAt, since), lte(e.publishedAt, now), subscriptionMatches(sub)))
        .orderBy(sql`${e.orgId} <> ${sub.orgId}`, e.publishedAt, e.id).limit(500);
      if (!entries.length) continue;
      const firm = await firmRecipientsById(tx, sub.orgId, sub.memberId);
      const locale = orgMailLocale(languages, 'en');
      const t = translator(locale);
      const listed = entries.slice(0, DIGEST_MAX_ENTRIES).map((x) => `- ${t(`networkingInfo.types.${x.type}`)}: ${x.title} (${x.source})${x.orgId === sub.orgId ? '' : ` — ${t('networkingInfo.digestSharedBy', { org: x.from })}`}`);
      if (entries.length > DIGEST_MAX_ENTRIES) listed.push(t('networkingInfo.digestMore', { count: String(entries.length - DIGEST_MAX_ENTRIES) }));
      for (const to of firm?.to ?? []) {
        await queueMail(tx, { orgId: sub.orgId, kind: 'info_digest', to, locale, params: { firm: firm!.name, orgName, count: String(entries.length), entries: listed.join('\n') } });
        mails++;
      }
      await tx.update(s).set({ lastDigestAt: now }).where(and(eq(s.orgId, sub.orgId), eq(s.memberId, sub.memberId)));
      digests++;
    }
    return { subscriptions: due.length, digests, mails };
  });
}

const presentSubscription = (r: Subscription | undefined): InfoSubscription => ({
  active: r?.active ?? false, sectors: r?.sectors ?? [], hsCodes: r?.hsCodes ?? [], countries: r?.countries ?? [],
  types: (r?.types ?? []) as InfoSubscription['types'], lastDigestAt: r?.lastDigestAt?.toISOString() ?? null,
});

/** A firm's subscription; a firm that never subscribed has an inactive, empty one. */
export async function getInfoSubscription(ctx: TenantCtx, memberId: string): Promise<InfoSubscription> {
  const s = networkingInfoSubscriptions;
  const [row] = await ctx.tx.select().from(s).where(and(eq(s.orgId, ctx.orgId), eq(s.memberId, memberId)));
  return presentSubscription(row);
}

/** Saves what a firm follows. Subscribing anew counts from now: older entries are not sent. */
export async function saveInfoSubscription(ctx: TenantCtx, memberId: string, input: InfoSubscriptionInput, now: Date): Promise<InfoSubscription> {
  const s = networkingInfoSubscriptions;
  const [before] = await ctx.tx.select().from(s).where(and(eq(s.orgId, ctx.orgId), eq(s.memberId, memberId))).for('update');
  const v = { active: input.active, sectors: [...new Set(input.sectors)], hsCodes: [...new Set(input.hsCodes)], countries: [...new Set(input.countries)], types: [...new Set(input.types)] };
  const old = before ? { active: before.active, sectors: before.sectors, hsCodes: before.hsCodes, countries: before.countries, types: before.types } : {};
  const changed = changedFields(old, v);
  if (before && !Object.keys(changed.after).length) {
    nothingChanged();
    return presentSubscription(before);
  }
  // Coming back after a pause starts from now, as a new subscription does.
  const restart = !before || (!before.active && v.active) ? { createdAt: now, lastDigestAt: null } : {};
  const [row] = await ctx.tx.insert(s).values({ orgId: ctx.orgId, memberId, ...v, createdAt: now })
    .onConflictDoUpdate({ target: [s.memberId, s.orgId], set: { ...v, ...restart, updatedAt: sql`now()` } }).returning();
  await recordAudit(ctx, { action: 'networking_info_subscription.save', entityType: 'member', entityId: memberId, ...changed });
  return presentSubscription(row);
}
