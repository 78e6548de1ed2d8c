import { and, eq } from 'drizzle-orm';
import { wallTimeToInstant } from '../../../contracts/time.js';
import { recordAudit } from '../../platform/audit/record.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import { clock } from '../../platform/clock.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { orgMailLocale } from '../../platform/i18n/i18n.js';
import { orgClock } from '../../platform/org-clock.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { currentOrgClock, getCurrentOrg, orgToday } from '../orgs/org-service.js';
import { checkTakesApplications } from './application-service.js';
import { bottlenecksOfCall, criteriaOf, getCallRow, regionsOfCalls } from './call-service.js';
import { ledApplications } from './call-tables.js';

/**
 * A call's public side (issue 17.5): the page a call that is no longer a
 * draft shows to anyone, and the personal link a partner's application is
 * resumed on, mailed when they start it.
 */

/** The day after `day` (YYYY-MM-DD). */
function nextDay(day: string) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** What the call's public page shows: the call, open or not, its regions, bottlenecks and criteria, and the organisation. */
export async function publicCall(ctx: TenantCtx, callId: string) {
  const row = await getCallRow(ctx, callId);
  // A draft is not public yet: as if it did not exist.
  if (row.status === 'draft') throw new AppError('led.call_not_found');
  const org = await getCurrentOrg(ctx);
  return {
    call: row,
    regions: (await regionsOfCalls(ctx, [callId])).get(callId)!,
    bottlenecks: await bottlenecksOfCall(ctx, callId),
    criteria: await criteriaOf(ctx, callId),
    org: { name: org.name, languages: org.languages, currency: org.currency, clock: orgClock(org) },
    today: await orgToday(ctx),
  };
}

/**
 * A partner starts an application with their e-mail: a draft in the call's
 * first region, and a personal link mailed to them (its SHA-256 kept, never
 * the token), working until the end of the deadline day on the
 * organisation's clock. The mailbox is the applicant's identity: the page
 * only says a link was sent, so typing someone else's address opens nothing.
 */
export async function startApplication(ctx: TenantCtx, callId: string, email: string, publicUrl: string) {
  const call = await getCallRow(ctx, callId, 'share');
  if (call.status === 'draft') throw new AppError('led.call_not_found');
  await checkTakesApplications(ctx, call);
  const regions = (await regionsOfCalls(ctx, [callId])).get(callId)!;
  const { timeZone } = await currentOrgClock(ctx);
  const token = newSecret('c-');
  const expiresAt = new Date(wallTimeToInstant(nextDay(call.deadlineOn), timeZone));
  const [row] = await ctx.tx.insert(ledApplications).values({
    orgId: ctx.orgId, callId, regionId: regions[0]!.id, leadName: '', leadSector: 'private', leadEmail: email,
    expectedResults: { trained: { total: 0, female: 0, male: 0, youth: 0, adult: 0 }, jobs: { total: 0, female: 0, male: 0, youth: 0, adult: 0 }, higherIncome: { total: 0, female: 0, male: 0, youth: 0, adult: 0 } },
    status: 'draft', enteredBy: 'partner', resumeTokenHash: hashSecret(token), resumeExpiresAt: expiresAt,
  }).returning({ id: ledApplications.id });
  const org = await getCurrentOrg(ctx);
  await queueMail(ctx.tx, {
    orgId: ctx.orgId, kind: 'led_call_resume', to: email, locale: orgMailLocale(org.languages, 'en'), secretExpiresAt: expiresAt,
    params: { title: call.title, orgName: org.name, date: call.deadlineOn, link: `${publicUrl}/led-calls/${ctx.orgId}/${callId}/${token}` },
  });
  await recordAudit(ctx, { action: 'led_application.start', entityType: 'led_application', entityId: row!.id, after: { leadEmail: email, by: 'partner' } });
  return row!.id;
}

/** The application a resume link opens: 404 for no link, 410 once it ran out (the deadline day ended) or the application was withdrawn. */
export async function resolveResumeLink(ctx: TenantCtx, callId: string, token: string, now = clock.now()) {
  const [row] = await ctx.tx.select().from(ledApplications)
    .where(and(eq(ledApplications.orgId, ctx.orgId), eq(ledApplications.callId, callId), eq(ledApplications.resumeTokenHash, hashSecret(token))));
  if (!row) throw new AppError('led.resume_link_invalid');
  if (!row.resumeExpiresAt || row.resumeExpiresAt <= now) throw new AppError('led.call_deadline_passed', { date: '' });
  return row;
}
