import { and, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { dueFollowUp, followUpSchedule, type FollowUpAnswerInput, type FollowUpMonths } from '../../../contracts/led-follow-ups.js';
import { recordAudit } from '../../platform/audit/record.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import { clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/database.js';
import { withSystem, type TenantCtx, type Tx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { orgMailLocale } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { todayIn } from '../../platform/time.js';
import { orgs } from '../../platform/tenants/tables.js';
import { currentOrgClock, orgClocks, orgToday } from '../orgs/org-service.js';
import { getMeasureRow } from './implementation-service.js';
import { ledFollowUps, ledMeasures } from './tables.js';

/** How long a mailed follow-up link works. */
export const FOLLOW_UP_LINK_DAYS = 60;
/** Measures that ended and were carried out are followed up; planned or running ones are not yet. */
const FOLLOWED = ['done', 'effective'];

/**
 * Mails each lead partner the follow-up their measure is due for, once
 * (`led_follow_ups_months_key`): a personal link to a short form, valid
 * FOLLOW_UP_LINK_DAYS days, stored as its hash. Runs daily for every
 * organisation (pg-boss, server/main.ts).
 */
export async function sendFollowUps(database: Database, publicUrl: string, now = clock.now()) {
  return withSystem(database.db, async (tx) => {
    const candidates = await tx
      .select({ measure: ledMeasures, orgName: orgs.name, languages: orgs.languages })
      .from(ledMeasures)
      .innerJoin(orgs, eq(orgs.id, ledMeasures.orgId))
      .where(and(inArray(ledMeasures.status, FOLLOWED), ne(ledMeasures.leadEmail, ''), sql`${ledMeasures.endsOn} <= (${now.toISOString().slice(0, 10)}::date - interval '6 months' + interval '4 days')::date`));
    const clocks = await orgClocks(tx, candidates.map((c) => c.measure.orgId));
    let mails = 0;
    for (const { measure, orgName, languages } of candidates) {
      const due = dueFollowUp(measure.endsOn, todayIn(clocks.get(measure.orgId)!.timeZone, now));
      if (!due) continue;
      const link = newLink(now);
      const [row] = await tx.insert(ledFollowUps).values({
        orgId: measure.orgId, measureId: measure.id, months: due.months, dueOn: due.dueOn, tokenHash: link.tokenHash, sentTo: measure.leadEmail, sentAt: now, expiresAt: link.expiresAt,
      }).onConflictDoNothing().returning({ id: ledFollowUps.id });
      if (!row) continue;
      await mailLink(tx, { measure, orgName, languages, months: due.months, link, publicUrl });
      mails++;
    }
    return { mails };
  });
}

/** A new personal link: the token for the mail, its hash for the table. */
function newLink(now: Date) {
  const token = newSecret('f-');
  return { token, tokenHash: hashSecret(token), expiresAt: new Date(now.getTime() + FOLLOW_UP_LINK_DAYS * 86_400_000) };
}

/** The lead partner's mail with the personal link, in the organisation's first language. */
async function mailLink(tx: Tx, m: { measure: { orgId: string; title: string; leadEmail: string }; orgName: string; languages: string[]; months: number; link: ReturnType<typeof newLink>; publicUrl: string }) {
  await queueMail(tx, {
    orgId: m.measure.orgId, kind: 'led_follow_up', to: m.measure.leadEmail, locale: orgMailLocale(m.languages, 'en'), secretExpiresAt: m.link.expiresAt,
    params: { title: m.measure.title, orgName: m.orgName, months: String(m.months), link: `${m.publicUrl}/led/follow-up/${m.link.token}`, days: String(FOLLOW_UP_LINK_DAYS) },
  });
}

/**
 * Staff send the follow-up due now without waiting for the daily job, or a
 * new link when the first was lost or expired (the expired link's page tells
 * the partner to ask for one): the earlier link stops working. Only the
 * latest follow-up due and not answered, to the measure's lead partner.
 */
export async function sendFollowUpLink(ctx: TenantCtx, measureId: string, publicUrl: string, now = clock.now()) {
  const measure = await getMeasureRow(ctx, measureId, true);
  if (!measure.leadEmail) throw new AppError('led.no_lead_email');
  const due = FOLLOWED.includes(measure.status) ? dueFollowUp(measure.endsOn, await orgToday(ctx, now)) : null;
  if (!due) throw new AppError('led.follow_up_not_due');
  const [before] = await ctx.tx.select().from(ledFollowUps).where(and(eq(ledFollowUps.orgId, ctx.orgId), eq(ledFollowUps.measureId, measureId), eq(ledFollowUps.months, due.months)));
  if (before?.answeredAt) throw new AppError('led.follow_up_answered');
  const link = newLink(now);
  const sent = { tokenHash: link.tokenHash, sentTo: measure.leadEmail, sentAt: now, expiresAt: link.expiresAt };
  if (before) await ctx.tx.update(ledFollowUps).set(sent).where(and(eq(ledFollowUps.orgId, ctx.orgId), eq(ledFollowUps.id, before.id)));
  else await ctx.tx.insert(ledFollowUps).values({ orgId: ctx.orgId, measureId, months: due.months, dueOn: due.dueOn, ...sent });
  const [org] = await ctx.tx.select({ name: orgs.name, languages: orgs.languages }).from(orgs).where(eq(orgs.id, ctx.orgId));
  await mailLink(ctx.tx, { measure, orgName: org?.name ?? '', languages: org?.languages ?? [], months: due.months, link, publicUrl });
  // The link itself is a secret: the entry says when and to whom, never the token.
  await recordAudit(ctx, {
    action: 'led_measure.follow_up_send', entityType: 'led_measure', entityId: measureId,
    before: { months: due.months, sentTo: before?.sentTo ?? null, sentAt: before?.sentAt?.toISOString() ?? null }, after: { months: due.months, sentTo: measure.leadEmail, sentAt: now.toISOString() },
  });
}

/** What a follow-up link leads to: its organisation and follow-up, if the link is one, still works and was not answered. */
export async function resolveFollowUpLink(tx: Tx, token: string, now = clock.now()) {
  const [row] = await tx.select({ id: ledFollowUps.id, orgId: ledFollowUps.orgId, measureId: ledFollowUps.measureId, months: ledFollowUps.months, expiresAt: ledFollowUps.expiresAt, answeredAt: ledFollowUps.answeredAt, languages: orgs.languages })
    .from(ledFollowUps).innerJoin(orgs, eq(orgs.id, ledFollowUps.orgId)).where(eq(ledFollowUps.tokenHash, hashSecret(token)));
  if (!row) throw new AppError('led.follow_up_link_invalid');
  if (row.answeredAt) throw new AppError('led.follow_up_answered');
  if (!row.expiresAt || row.expiresAt <= now) throw new AppError('led.follow_up_expired');
  const { languages, ...link } = row;
  // The page speaks the language its mail was written in (sendDueFollowUps), whatever the browser prefers.
  return { ...link, locale: orgMailLocale(languages, 'en') };
}

/** The measure's status follows its latest answered follow-up: still effective, or done. */
async function settleStatus(ctx: TenantCtx, measureId: string, status: string) {
  const answered = await ctx.tx.select({ months: ledFollowUps.months, stillEffective: ledFollowUps.stillEffective }).from(ledFollowUps)
    .where(and(eq(ledFollowUps.orgId, ctx.orgId), eq(ledFollowUps.measureId, measureId), isNotNull(ledFollowUps.answeredAt)));
  const latest = answered.sort((a, b) => b.months - a.months)[0];
  const next = latest?.stillEffective ? 'effective' : status === 'effective' ? 'done' : status;
  if (next !== status) await ctx.tx.update(ledMeasures).set({ status: next, updatedAt: sql`now()` }).where(and(eq(ledMeasures.orgId, ctx.orgId), eq(ledMeasures.id, measureId)));
  return next;
}

/**
 * Records a follow-up's answer: the lead partner's on their link, or staff
 * entering it (once due; staff may correct it). A measure whose latest
 * follow-up says it is still effective becomes `effective`.
 */
export async function answerFollowUp(ctx: TenantCtx, measureId: string, months: FollowUpMonths, input: FollowUpAnswerInput, by: 'partner' | 'staff') {
  const measure = await getMeasureRow(ctx, measureId, true);
  const scheduled = followUpSchedule(measure.endsOn).find((f) => f.months === months)!;
  if (by === 'staff' && (!FOLLOWED.includes(measure.status) || scheduled.dueOn > (await orgToday(ctx)))) throw new AppError('led.follow_up_not_due');
  const [before] = await ctx.tx.select().from(ledFollowUps).where(and(eq(ledFollowUps.orgId, ctx.orgId), eq(ledFollowUps.measureId, measureId), eq(ledFollowUps.months, months)));
  // The link was checked in its own transaction: under the measure's lock, a second post of the
  // same form (two tabs, a double tap) or one after the link ran out is refused here.
  if (by === 'partner') {
    if (before?.answeredAt) throw new AppError('led.follow_up_answered');
    if (!before?.expiresAt || before.expiresAt <= clock.now()) throw new AppError('led.follow_up_expired');
  }
  const answer = { stillEffective: input.stillEffective, jobsKept: input.jobsKept, whoPays: input.whoPays, note: input.note };
  if (before) {
    await ctx.tx.update(ledFollowUps).set({ ...answer, answeredAt: sql`now()`, answeredBy: by }).where(and(eq(ledFollowUps.orgId, ctx.orgId), eq(ledFollowUps.id, before.id)));
  } else {
    await ctx.tx.insert(ledFollowUps).values({ orgId: ctx.orgId, measureId, months, dueOn: scheduled.dueOn, ...answer, answeredAt: sql`now()`, answeredBy: by });
  }
  const status = await settleStatus(ctx, measureId, measure.status);
  await recordAudit(ctx, {
    action: 'led_measure.follow_up_answer', entityType: 'led_measure', entityId: measureId,
    before: before?.answeredAt ? { months, stillEffective: before.stillEffective, jobsKept: before.jobsKept, whoPays: before.whoPays, note: before.note, status: measure.status } : { months, status: measure.status },
    after: { months, ...answer, by, status },
  });
}

/** What the public form shows: the measure's title, the organisation's name and which follow-up it is. */
export async function followUpForm(ctx: TenantCtx, measureId: string, months: number) {
  const measure = await getMeasureRow(ctx, measureId);
  const [org] = await ctx.tx.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, ctx.orgId));
  return { title: measure.title, orgName: org?.name ?? '', months };
}

/**
 * Which measures count for "still effective", as of a day: those carried out
 * whose first follow-up is due by then; each is effective when its latest
 * follow-up answered (among those due by then) said so. A follow-up due and
 * not answered leaves a measure in the denominator and out of the numerator:
 * not known to be effective is not counted as effective.
 */
export async function measuresFollowedUp(ctx: TenantCtx, asOf: string, regionIds?: string[]) {
  const measures = await ctx.tx.select({ id: ledMeasures.id, regionId: ledMeasures.regionId, endsOn: ledMeasures.endsOn }).from(ledMeasures)
    .where(and(eq(ledMeasures.orgId, ctx.orgId), inArray(ledMeasures.status, FOLLOWED), regionIds ? inArray(ledMeasures.regionId, regionIds.length ? regionIds : ['00000000-0000-0000-0000-000000000000']) : undefined));
  const due = measures.flatMap((m) => {
    const first = followUpSchedule(m.endsOn)[0]!;
    return first.dueOn <= asOf ? [{ ...m, firstDueOn: first.dueOn }] : [];
  });
  if (!due.length) return [];
  const answers = await ctx.tx.select({ measureId: ledFollowUps.measureId, months: ledFollowUps.months, dueOn: ledFollowUps.dueOn, stillEffective: ledFollowUps.stillEffective, answeredAt: ledFollowUps.answeredAt })
    .from(ledFollowUps).where(and(eq(ledFollowUps.orgId, ctx.orgId), inArray(ledFollowUps.measureId, due.map((m) => m.id)), isNotNull(ledFollowUps.answeredAt)));
  // What was known on that day: an answer given later does not change a past period's figure.
  const { timeZone } = await currentOrgClock(ctx);
  // Answers by measure: a roll-up asks this of thousands of measures.
  const byMeasure = new Map<string, typeof answers>();
  for (const a of answers) byMeasure.set(a.measureId, [...(byMeasure.get(a.measureId) ?? []), a]);
  return due.map((m) => {
    const latest = (byMeasure.get(m.id) ?? []).filter((a) => a.dueOn <= asOf && todayIn(timeZone, a.answeredAt!) <= asOf).sort((a, b) => b.months - a.months)[0];
    return { id: m.id, regionId: m.regionId, firstDueOn: m.firstDueOn, effective: latest?.stillEffective === true, latestMonths: latest?.months ?? null };
  });
}

/** The share of measures still effective per region, pooled: Σ still effective / Σ with a follow-up due. */
export async function effectiveShares(ctx: TenantCtx, regionIds: string[]) {
  const rows = await measuresFollowedUp(ctx, await orgToday(ctx), regionIds);
  const shares = new Map(regionIds.map((id) => [id, { num: 0, den: 0 }]));
  for (const r of rows) {
    const s = shares.get(r.regionId);
    if (!s) continue;
    s.den += 1;
    if (r.effective) s.num += 1;
  }
  return shares;
}
