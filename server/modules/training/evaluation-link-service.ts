import { and, eq, sql } from 'drizzle-orm';
import type { RespondentView } from '../../../contracts/surveys.js';
import { EVALUATION_LINK_DAYS, type EvaluationKind } from '../../../contracts/training.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { recordAudit } from '../../platform/audit/record.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import { clock } from '../../platform/clock.js';
import type { TenantCtx, Tx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { orgMailLocale, translator } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { peopleByIds } from '../people/person-service.js';
import { getCourseRow } from './course-service.js';
import { evaluationTarget, evaluationView, getEvaluation, submitEvaluation } from './evaluation-service.js';
import { trainingEvaluationLinks } from './tables.js';

/** A participant's link: `t-` and 32 random bytes, so the log's address filter (`platform/http/log-url.ts`) hides it. */
const PREFIX = 't-';

/** The page a participant answers on: the surveys module's light respondent page (`web/respond`, `/r/<token>`). */
export const evaluationLinkUrl = (publicUrl: string, token: string) => `${publicUrl}/r/${token}`;

/**
 * Makes (or renews) a person's link to one of a course's forms: a new token,
 * whose hash replaces the one before, so an older link stops working. Gives
 * the token itself, which is never stored.
 */
async function issueLink(ctx: TenantCtx, courseId: string, kind: EvaluationKind, personId: string, sentTo: string, now: Date) {
  const token = newSecret(PREFIX);
  const expiresAt = new Date(now.getTime() + EVALUATION_LINK_DAYS * 86_400_000);
  await ctx.tx.insert(trainingEvaluationLinks)
    .values({ orgId: ctx.orgId, courseId, kind, personId, tokenHash: hashSecret(token), sentTo, sentAt: now, expiresAt })
    .onConflictDoUpdate({
      target: [trainingEvaluationLinks.courseId, trainingEvaluationLinks.kind, trainingEvaluationLinks.personId, trainingEvaluationLinks.orgId],
      set: { tokenHash: hashSecret(token), sentTo, sentAt: now, expiresAt, usedAt: null },
    });
  return { token, expiresAt };
}

/**
 * Mails each person of the course's evaluation list who has not answered a
 * form their own link to it (through the outbox, the link sealed as every
 * token-bearing mail). A link mailed before is renewed. People without an
 * address are counted, not mailed: staff show them their link on the spot.
 */
export async function sendEvaluationLinks(ctx: TenantCtx, courseId: string, kind: EvaluationKind, publicUrl: string, now = clock.now()) {
  const evaluation = await getEvaluation(ctx, courseId, now);
  if (!evaluation.forms[kind]) throw new AppError('training.no_evaluation_form');
  const answered = (p: (typeof evaluation.people)[number]) => (kind === 'pre' ? p.preAnswered : kind === 'post' ? p.postAnswered : p.satisfaction);
  const due = evaluation.people.filter((p) => !answered(p));
  const persons = await peopleByIds(ctx, due.map((p) => p.personId));
  const org = await getCurrentOrg(ctx);
  const locale = orgMailLocale(org.languages, ctx.locale);
  const t = translator(locale);
  const { title } = await getCourseRow(ctx, courseId, true);
  let mailed = 0;
  let withoutEmail = 0;
  for (const p of due) {
    const email = persons.get(p.personId)?.email ?? '';
    if (!email) {
      withoutEmail++;
      continue;
    }
    const { token, expiresAt } = await issueLink(ctx, courseId, kind, p.personId, email, now);
    await queueMail(ctx.tx, {
      orgId: ctx.orgId, kind: 'training_evaluation', to: email, locale, secretExpiresAt: expiresAt,
      params: { orgName: org.name, name: p.name, course: title, form: t(`training.evaluation.kinds.${kind}`), link: evaluationLinkUrl(publicUrl, token), days: String(EVALUATION_LINK_DAYS) },
    });
    mailed++;
  }
  // Who was mailed is in the outbox; the entry says how many, and how many had no address.
  await recordAudit(ctx, { action: 'training_course.evaluation_links_send', entityType: 'training_course', entityId: courseId, after: { kind, mailed, withoutEmail } });
  return { mailed, withoutEmail };
}

/**
 * A person's link handed over on the spot (a QR code on staff's phone, or
 * copied into a message), for someone without an address: made or renewed
 * like a mailed one, and given once, since only its hash is kept.
 */
export async function handOverEvaluationLink(ctx: TenantCtx, courseId: string, kind: EvaluationKind, personId: string, publicUrl: string, now = clock.now()) {
  const { person, existing } = await evaluationTarget(ctx, courseId, kind, personId, true);
  if (existing) throw new AppError('training.already_answered');
  const { token, expiresAt } = await issueLink(ctx, courseId, kind, person.id, '', now);
  await recordAudit(ctx, { action: 'training_course.evaluation_link', entityType: 'training_course', entityId: courseId, after: { kind, personId: person.id, expiresAt: expiresAt.toISOString() } });
  return { url: evaluationLinkUrl(publicUrl, token), expiresAt: expiresAt.toISOString() };
}

/** Whom a participant's link stands for. */
export interface EvaluationLink {
  orgId: string;
  courseId: string;
  kind: EvaluationKind;
  personId: string;
}

/**
 * Finds the organisation behind a participant's link before any tenant is
 * known (so as the owner, reading only the link's own row, by the hash of the
 * token). What the link answers — course, form kind, person — comes from its
 * row only, never from the request.
 */
export async function resolveEvaluationLink(tx: Tx, token: string): Promise<EvaluationLink> {
  if (!token.startsWith(PREFIX)) throw new AppError('training.link_invalid');
  const [row] = await tx.select({ orgId: trainingEvaluationLinks.orgId, courseId: trainingEvaluationLinks.courseId, kind: trainingEvaluationLinks.kind, personId: trainingEvaluationLinks.personId })
    .from(trainingEvaluationLinks).where(eq(trainingEvaluationLinks.tokenHash, hashSecret(token)));
  if (!row) throw new AppError('training.link_invalid');
  return { ...row, kind: row.kind as EvaluationKind };
}

/** The link's row in its organisation, locked when a submission is to be written. */
async function linkRow(ctx: TenantCtx, link: EvaluationLink, token: string, lock = false) {
  const query = ctx.tx.select().from(trainingEvaluationLinks)
    .where(and(eq(trainingEvaluationLinks.orgId, ctx.orgId), eq(trainingEvaluationLinks.tokenHash, hashSecret(token)), eq(trainingEvaluationLinks.courseId, link.courseId), eq(trainingEvaluationLinks.kind, link.kind)));
  const [row] = lock ? await query.for('update') : await query;
  // Renewed between the lookup and now: the older token no longer works.
  if (!row) throw new AppError('training.link_invalid');
  return row;
}

/** What the respondent page shows a participant on their link: the form, while the link works and they have not answered. */
export async function participantView(ctx: TenantCtx, link: EvaluationLink, token: string, now = clock.now()): Promise<RespondentView> {
  const row = await linkRow(ctx, link, token);
  const { existing } = await evaluationTarget(ctx, link.courseId, link.kind, link.personId);
  if (row.usedAt || existing) throw new AppError('training.link_used');
  if (row.expiresAt <= now) throw new AppError('training.link_expired');
  return evaluationView(ctx, link.courseId, link.kind, link.personId);
}

/**
 * A participant's submission on their own link: kept exactly as staff's
 * entry of the same answers (`submitEvaluation`: the surveys module's checks,
 * the score, once per person and kind), and the link is used up. Sent again
 * with the same key after a lost connection, it is answered "submitted"
 * without a second answer; any other second submission is refused.
 */
export async function participantSubmit(ctx: TenantCtx, link: EvaluationLink, token: string, input: { answers: Record<string, unknown>; submissionKey: string | null }, now = clock.now()) {
  const row = await linkRow(ctx, link, token, true);
  const { existing } = await evaluationTarget(ctx, link.courseId, link.kind, link.personId, true);
  if (existing) {
    if (input.submissionKey && existing.submissionKey === input.submissionKey) return nothingChanged();
    throw new AppError('training.link_used');
  }
  if (row.usedAt) throw new AppError('training.link_used');
  if (row.expiresAt <= now) throw new AppError('training.link_expired');
  await submitEvaluation(ctx, link.courseId, link.kind, link.personId, input);
  await ctx.tx.update(trainingEvaluationLinks).set({ usedAt: sql`now()` }).where(and(eq(trainingEvaluationLinks.orgId, ctx.orgId), eq(trainingEvaluationLinks.id, row.id)));
}
