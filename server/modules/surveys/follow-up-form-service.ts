import { and, asc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import { addMonths } from '../../../contracts/led-follow-ups.js';
import type { FollowUpFormState, RespondentView } from '../../../contracts/surveys.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
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
import { orgClock } from '../../platform/org-clock.js';
import { getCurrentOrg, orgClocks, orgToday } from '../orgs/org-service.js';
import { formVersion, getFormRow } from './form-service.js';
import { checkSubmission } from './respond-service.js';
import { forms, surveyFollowUps } from './tables.js';

/**
 * Follow-up forms, built once for every module that asks someone again some
 * months after something happened (networking's deals; later self-help
 * services, local partnerships): the subject's module schedules a form of
 * the form engine for its recipients, the daily job mails each one its
 * personal link when due, the recipient answers on the respondent page
 * (`/r/fu-…`), and the subject's module reads the answers back
 * (`followUpsOf`). Surveys knows nothing of the subjects: their type and id
 * are the caller's.
 */

/** How long a mailed follow-up link works. */
export const FOLLOW_UP_FORM_LINK_DAYS = 60;
/** A follow-up link: `fu-` and 32 random bytes, so the log's address filter (`platform/http/log-url.ts`) hides it. */
const PREFIX = 'fu-';
export const followUpFormUrl = (publicUrl: string, token: string) => `${publicUrl}/r/${token}`;

export interface FollowUpRecipient {
  /** The recipient as the subject's module knows them (a member firm, a person). */
  id: string;
  name: string;
  /** Where the link goes; none: the follow-up stays due, shown to staff (mailing it later is not built). */
  emails: string[];
  /** What it is about for this recipient, in the subject module's words (the mail and the page say it). */
  about: string;
}

export interface FollowUpPlan {
  formId: string;
  subjectType: string;
  subjectId: string;
  /** The day the months count from (the organisation's day). */
  from: string;
  months: number[];
  recipients: FollowUpRecipient[];
}

/**
 * Plans a form for each recipient at each month after `from`, once (a plan
 * made again for the same subject adds nothing). The form must be published:
 * the version mailed is the one published on the day it is sent.
 */
export async function scheduleFollowUps(ctx: TenantCtx, plan: FollowUpPlan): Promise<number> {
  const form = await getFormRow(ctx, plan.formId);
  if (!form.publishedVersion) throw new AppError('surveys.form_unpublished');
  const values = plan.recipients.flatMap((r) => plan.months.map((months) => ({
    orgId: ctx.orgId, formId: plan.formId, subjectType: plan.subjectType, subjectId: plan.subjectId,
    recipientId: r.id, recipientName: r.name, recipientEmails: r.emails, months, dueOn: addMonths(plan.from, months), about: r.about,
  })));
  if (!values.length) return 0;
  const rows = await ctx.tx.insert(surveyFollowUps).values(values).onConflictDoNothing()
    .returning({ id: surveyFollowUps.id, recipientId: surveyFollowUps.recipientId, months: surveyFollowUps.months, dueOn: surveyFollowUps.dueOn });
  for (const row of rows) {
    await recordAudit(ctx, {
      action: 'survey_follow_up.schedule', entityType: 'survey_follow_up', entityId: row.id,
      after: { formId: plan.formId, subjectType: plan.subjectType, subjectId: plan.subjectId, recipientId: row.recipientId, months: row.months, dueOn: row.dueOn },
    });
  }
  return rows.length;
}

/**
 * Mails every follow-up due by its organisation's today and not yet sent,
 * once: the row is marked sent in the same transaction as its mail, and rows
 * another process is sending are skipped. Each recipient's addresses get the
 * same personal link, valid FOLLOW_UP_FORM_LINK_DAYS days, kept as its hash.
 * A follow-up whose recipient has no address, or whose form has no published
 * version any more, stays due. Runs daily (pg-boss, server/main.ts).
 */
export async function sendDueFollowUps(database: Database, publicUrl: string, now = clock.now()) {
  return withSystem(database.db, async (tx) => {
    const f = surveyFollowUps;
    // A day ahead of UTC covers every time zone; each organisation's own today decides below.
    const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
    const candidates = await tx
      .select({ row: f, orgName: orgs.name, languages: orgs.languages, published: forms.publishedVersion, formTitle: forms.title })
      .from(f).innerJoin(orgs, eq(orgs.id, f.orgId)).innerJoin(forms, and(eq(forms.orgId, f.orgId), eq(forms.id, f.formId)))
      .where(and(isNull(f.sentAt), lte(f.dueOn, tomorrow)))
      .orderBy(asc(f.dueOn), asc(f.id))
      .for('update', { of: f, skipLocked: true });
    const clocks = await orgClocks(tx, candidates.map((c) => c.row.orgId));
    let sent = 0;
    let mails = 0;
    for (const { row, orgName, languages, published, formTitle } of candidates) {
      if (row.dueOn > todayIn(clocks.get(row.orgId)!.timeZone, now) || !published || !row.recipientEmails.length) continue;
      const token = newSecret(PREFIX);
      const expiresAt = new Date(now.getTime() + FOLLOW_UP_FORM_LINK_DAYS * 86_400_000);
      const sentTo = row.recipientEmails.join(', ');
      await tx.update(f).set({ tokenHash: hashSecret(token), sentTo, sentAt: now, expiresAt, formVersion: published })
        .where(and(eq(f.orgId, row.orgId), eq(f.id, row.id)));
      const locale = orgMailLocale(languages, 'en');
      for (const to of row.recipientEmails) {
        await queueMail(tx, {
          orgId: row.orgId, kind: 'follow_up_form', to, locale, secretExpiresAt: expiresAt,
          params: { orgName, name: row.recipientName, form: formTitle, about: row.about, months: String(row.months), link: followUpFormUrl(publicUrl, token), days: String(FOLLOW_UP_FORM_LINK_DAYS) },
        });
        mails++;
      }
      const ctx: TenantCtx = { tx, orgId: row.orgId, role: 'admin', actor: { userId: null, name: 'Follow-up job' }, locale };
      await recordAudit(ctx, {
        action: 'survey_follow_up.send', entityType: 'survey_follow_up', entityId: row.id,
        after: { subjectType: row.subjectType, subjectId: row.subjectId, months: row.months, formVersion: published, sentTo, expiresAt: expiresAt.toISOString() },
      });
      sent++;
    }
    return { sent, mails };
  });
}

/** Whom a follow-up link stands for: its organisation and follow-up, from the link's row only. */
export interface FollowUpLink {
  orgId: string;
  id: string;
}

/** Finds the follow-up behind a link before any tenant is known (as the owner, by the token's hash alone). */
export async function resolveFollowUpFormLink(tx: Tx, token: string): Promise<FollowUpLink> {
  if (!token.startsWith(PREFIX)) throw new AppError('surveys.follow_up_link_invalid');
  const [row] = await tx.select({ orgId: surveyFollowUps.orgId, id: surveyFollowUps.id }).from(surveyFollowUps).where(eq(surveyFollowUps.tokenHash, hashSecret(token)));
  if (!row) throw new AppError('surveys.follow_up_link_invalid');
  return row;
}

/** The link's row in the tenant's organisation (a link of another organisation is not found), checked usable. */
async function usableRow(ctx: TenantCtx, link: FollowUpLink, token: string, lock = false) {
  const query = ctx.tx.select().from(surveyFollowUps)
    .where(and(eq(surveyFollowUps.orgId, ctx.orgId), eq(surveyFollowUps.id, link.id), eq(surveyFollowUps.tokenHash, hashSecret(token))));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !row.formVersion) throw new AppError('surveys.follow_up_link_invalid');
  return row;
}

/** What the respondent page shows on a follow-up link: the form as mailed, while the link works and was not answered. */
export async function followUpFormView(ctx: TenantCtx, link: FollowUpLink, token: string, now = clock.now()): Promise<RespondentView> {
  const row = await usableRow(ctx, link, token);
  if (row.answeredAt) throw new AppError('surveys.follow_up_answered');
  if (!row.expiresAt || row.expiresAt <= now) throw new AppError('surveys.follow_up_expired');
  const org = await getCurrentOrg(ctx);
  const form = await formVersion(ctx, row.formId, row.formVersion!);
  return {
    consultation: { title: row.about || (await getFormRow(ctx, row.formId)).title, orgName: org.name, closesOn: null, identity: 'anonymous', locale: orgClock(org).locale },
    firmName: row.recipientName || null,
    form,
    answers: {},
    status: 'new',
    resumeKey: null,
  };
}

/** An answer just kept, as the subject's module reads it (`FollowUpAnswered` hooks, handed to the routes by server/app.ts). */
export interface AnsweredFollowUp {
  id: string;
  subjectType: string;
  subjectId: string;
  recipientId: string;
  months: number;
  answers: Record<string, unknown>;
}
/** What a subject's module does when one of its follow-ups is answered, in the same transaction (e.g. stop the later ones). */
export type FollowUpAnswered = (ctx: TenantCtx, answered: AnsweredFollowUp) => Promise<void>;

/**
 * Keeps the answers given on a follow-up link, checked as a consultation's
 * submission against the version mailed; once. The same submission sent again
 * after a lost connection (its key) is answered without a second one (null).
 */
export async function submitFollowUpForm(ctx: TenantCtx, link: FollowUpLink, token: string, input: { answers: Record<string, unknown>; submissionKey: string | null }, now = clock.now()): Promise<AnsweredFollowUp | null> {
  const row = await usableRow(ctx, link, token, true);
  if (row.answeredAt) {
    if (input.submissionKey && row.submissionKey === input.submissionKey) {
      nothingChanged();
      return null;
    }
    throw new AppError('surveys.follow_up_answered');
  }
  if (!row.expiresAt || row.expiresAt <= now) throw new AppError('surveys.follow_up_expired');
  const answers = await checkSubmission(ctx, row.formId, row.formVersion!, input.answers);
  await ctx.tx.update(surveyFollowUps).set({ answers, answeredAt: now, submissionKey: input.submissionKey })
    .where(and(eq(surveyFollowUps.orgId, ctx.orgId), eq(surveyFollowUps.id, row.id)));
  await recordAudit(ctx, {
    action: 'survey_follow_up.answer', entityType: 'survey_follow_up', entityId: row.id,
    after: { subjectType: row.subjectType, subjectId: row.subjectId, recipientId: row.recipientId, months: row.months, formVersion: row.formVersion, answers },
  });
  return { id: row.id, subjectType: row.subjectType, subjectId: row.subjectId, recipientId: row.recipientId, months: row.months, answers };
}

/**
 * Takes back a subject's follow-ups not yet sent nor answered, all of them or
 * those after some months (its module's rule: e.g. no deal and none expected),
 * so they are never sent; each is audited with the reason. Sent ones stay.
 */
export async function cancelFollowUps(ctx: TenantCtx, input: { subjectType: string; subjectId: string; afterMonths?: number; reason: string }): Promise<number> {
  const f = surveyFollowUps;
  const rows = await ctx.tx.delete(f)
    .where(and(eq(f.orgId, ctx.orgId), eq(f.subjectType, input.subjectType), eq(f.subjectId, input.subjectId), isNull(f.sentAt), isNull(f.answeredAt),
      input.afterMonths === undefined ? undefined : gt(f.months, input.afterMonths)))
    .returning({ id: f.id, recipientId: f.recipientId, months: f.months, dueOn: f.dueOn });
  for (const row of rows) {
    await recordAudit(ctx, {
      action: 'survey_follow_up.cancel', entityType: 'survey_follow_up', entityId: row.id,
      before: { subjectType: input.subjectType, subjectId: input.subjectId, recipientId: row.recipientId, months: row.months, dueOn: row.dueOn }, after: { reason: input.reason },
    });
  }
  return rows.length;
}

/** A follow-up as its subject's module and staff see it. */
export interface FollowUpForm {
  id: string;
  formId: string;
  formVersion: number | null;
  subjectId: string;
  recipientId: string;
  recipientName: string;
  hasEmail: boolean;
  months: number;
  dueOn: string;
  state: FollowUpFormState;
  sentTo: string;
  sentAt: Date | null;
  expiresAt: Date | null;
  answeredAt: Date | null;
  answers: Record<string, unknown> | null;
}

/** planned (not yet due), due (not mailed), sent (link working), expired (not answered in time), answered. */
export function followUpState(row: { dueOn: string; sentAt: Date | null; expiresAt: Date | null; answeredAt: Date | null }, today: string, now: Date): FollowUpFormState {
  if (row.answeredAt) return 'answered';
  if (row.sentAt) return row.expiresAt && row.expiresAt > now ? 'sent' : 'expired';
  return row.dueOn <= today ? 'due' : 'planned';
}

function present(row: typeof surveyFollowUps.$inferSelect, today: string, now: Date): FollowUpForm {
  return {
    id: row.id, formId: row.formId, formVersion: row.formVersion, subjectId: row.subjectId, recipientId: row.recipientId, recipientName: row.recipientName,
    hasEmail: row.recipientEmails.length > 0, months: row.months, dueOn: row.dueOn, state: followUpState(row, today, now),
    sentTo: row.sentTo, sentAt: row.sentAt, expiresAt: row.expiresAt, answeredAt: row.answeredAt, answers: row.answers,
  };
}

/**
 * The follow-ups of some subjects of one type (all of them without `subjectIds`),
 * by due day: what the subject's module reads back, answers included.
 */
export async function followUpsOf(ctx: TenantCtx, subjectType: string, subjectIds?: string[], now = clock.now()): Promise<FollowUpForm[]> {
  if (subjectIds && !subjectIds.length) return [];
  const f = surveyFollowUps;
  const rows = await ctx.tx.select().from(f)
    .where(and(eq(f.orgId, ctx.orgId), eq(f.subjectType, subjectType), subjectIds ? inArray(f.subjectId, subjectIds) : undefined))
    .orderBy(asc(f.dueOn), asc(f.recipientName), asc(f.id));
  const today = await orgToday(ctx, now);
  return rows.map((r) => present(r, today, now));
}

/** The answered follow-ups of one type, by the day answered: what figures count. */
export async function answeredFollowUpsOf(ctx: TenantCtx, subjectType: string) {
  const f = surveyFollowUps;
  return ctx.tx.select({ id: f.id, subjectId: f.subjectId, recipientId: f.recipientId, months: f.months, answeredAt: f.answeredAt, answers: f.answers }).from(f)
    .where(and(eq(f.orgId, ctx.orgId), eq(f.subjectType, subjectType), sql`${f.answeredAt} IS NOT NULL`))
    .orderBy(asc(f.answeredAt), asc(f.id)) as Promise<Array<{ id: string; subjectId: string; recipientId: string; months: number; answeredAt: Date; answers: Record<string, unknown> }>>;
}
