import { and, eq, sql } from 'drizzle-orm';
import type { Consultation, ConsultationInput, ConsultationQuery, CONSULTATION_SORTS } from '../../../contracts/surveys.js';
import { newSecret, hashSecret } from '../../platform/auth/tokens.js';
import { recordAudit } from '../../platform/audit/record.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { orgMailLocale } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/queue-mail.js';
import { firmProfiles, firmRecipients, firmsInAudience } from '../members/audience-service.js';
import { clockFormat } from '../../platform/time.js';
import { orgClock } from '../../platform/org-clock.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { getFormRow, publishForm } from './form-service.js';
import { presentConsultation } from './present.js';
import { consultationInvitations, consultations, forms, responses } from './tables.js';
import { clock } from '../../platform/clock.js';

type Row = typeof consultations.$inferSelect;

export async function getConsultationRow(ctx: TenantCtx, id: string): Promise<Row> {
  const [row] = await ctx.tx.select().from(consultations).where(and(eq(consultations.id, id), eq(consultations.orgId, ctx.orgId)));
  if (!row) throw new AppError('surveys.consultation_not_found');
  return row;
}

export const respondentUrl = (publicUrl: string, token: string) => `${publicUrl}/r/${token}`;

/** Consultations with their counts: one query for a whole page, each response read once. */
async function present(ctx: TenantCtx, rows: Row[], publicUrl: string): Promise<Consultation[]> {
  if (!rows.length) return [];
  const ids = sql.join(rows.map((r) => sql`${r.id}::uuid`), sql`, `);
  const counted = await ctx.tx.execute<{ id: string; invited: number; submitted: number; drafts: number; form_title: string }>(sql`
    SELECT c.id,
           (SELECT count(*)::int FROM ${consultationInvitations} i WHERE i.consultation_id = c.id) AS invited,
           coalesce(r.submitted, 0) AS submitted, coalesce(r.drafts, 0) AS drafts,
           f.title AS form_title
    FROM ${consultations} c
    JOIN ${forms} f ON f.id = c.form_id
    LEFT JOIN (
      SELECT consultation_id, count(*) FILTER (WHERE status = 'submitted')::int AS submitted, count(*) FILTER (WHERE status = 'draft')::int AS drafts
      FROM ${responses} WHERE consultation_id IN (${ids}) GROUP BY consultation_id
    ) r ON r.consultation_id = c.id
    WHERE c.id IN (${ids}) AND c.org_id = ${ctx.orgId}`);
  const byId = new Map(counted.rows.map((c) => [c.id, c]));
  return rows.map((row) => {
    const counts = byId.get(row.id)!;
    return presentConsultation(row, {
      formTitle: counts.form_title,
      publicUrl: row.publicToken && row.status !== 'draft' ? respondentUrl(publicUrl, `p-${row.publicToken}`) : null,
      invited: counts.invited,
      submitted: counts.submitted,
      drafts: counts.drafts,
    });
  });
}

export async function getConsultation(ctx: TenantCtx, id: string, publicUrl: string) {
  const [presented] = await present(ctx, [await getConsultationRow(ctx, id)], publicUrl);
  return presented!;
}

/** The columns the list sorts by (contracts' CONSULTATION_SORTS); a consultation with no closing day comes last. */
const CONSULTATION_LIST: SortedList<(typeof CONSULTATION_SORTS)[number]> = {
  id: consultations.id,
  columns: {
    created: { by: consultations.createdAt, type: 'timestamptz' },
    title: { by: consultations.title, type: 'text' },
    closes: { by: consultations.closesOn, type: 'date', nullable: true },
  },
};

export async function listConsultations(ctx: TenantCtx, query: ConsultationQuery, publicUrl: string) {
  const page = await sortedPage(CONSULTATION_LIST, query, (k) => ctx.tx.select({ row: consultations, k }).from(consultations).$dynamic(), [
    eq(consultations.orgId, ctx.orgId),
    query.status ? eq(consultations.status, query.status) : undefined,
  ], (r) => r.row.id);
  return { items: await present(ctx, page.items.map((r) => r.row), publicUrl), nextCursor: page.nextCursor };
}

export async function createConsultation(ctx: TenantCtx, input: ConsultationInput) {
  await getFormRow(ctx, input.formId);
  const [row] = await ctx.tx
    .insert(consultations)
    .values({ orgId: ctx.orgId, title: input.title, formId: input.formId, identity: input.identity, audience: input.audience, closesOn: input.closesOn })
    .returning();
  await recordAudit(ctx, { action: 'consultation.create', entityType: 'consultation', entityId: row!.id, after: { title: input.title } });
  return row!;
}

export async function updateConsultation(ctx: TenantCtx, id: string, input: ConsultationInput) {
  const before = await getConsultationRow(ctx, id);
  if (before.status !== 'draft') throw new AppError('surveys.consultation_not_draft');
  await getFormRow(ctx, input.formId);
  const [row] = await ctx.tx
    .update(consultations)
    .set({ title: input.title, formId: input.formId, identity: input.identity, audience: input.audience, closesOn: input.closesOn })
    .where(and(eq(consultations.id, id), eq(consultations.orgId, ctx.orgId)))
    .returning();
  await recordAudit(ctx, { action: 'consultation.update', entityType: 'consultation', entityId: id, before: { title: before.title }, after: { title: row!.title } });
  return row!;
}

/** Writes to firms about one consultation; the organisation's name and mail language are read once, not per firm. */
async function firmMailer(ctx: TenantCtx, row: Row, kind: 'consultation_invitation' | 'consultation_reminder') {
  const org = await getCurrentOrg(ctx);
  const locale = orgMailLocale(org.languages, ctx.locale);
  const closesOn = row.closesOn ? clockFormat(orgClock(org), locale).date(row.closesOn, 'long') : '—';
  return async (member: { id: string; email: string | null; legalName: string }, link: string) => {
    for (const to of await firmRecipients(ctx.tx, member)) {
      await queueMail(ctx.tx, { orgId: ctx.orgId, kind, to, locale, params: { orgName: org.name, firm: member.legalName, title: row.title, link, closesOn } });
    }
  };
}

/**
 * Opens a consultation: publishes its form (freezing the version every
 * response will answer), and either invites every firm of the audience with
 * a personal link or creates the public link. All in one transaction.
 */
export async function openConsultation(ctx: TenantCtx, id: string, publicUrl: string) {
  const row = await getConsultationRow(ctx, id);
  if (row.status !== 'draft') throw new AppError('surveys.consultation_not_draft');
  const form = await publishForm(ctx, row.formId);
  let invited = 0;
  let publicToken: string | null = null;
  if (row.identity === 'anonymous') {
    publicToken = newSecret();
  } else {
    const invite = await firmMailer(ctx, row, 'consultation_invitation');
    for (const firm of await firmsInAudience(ctx, row.audience)) {
      const token = `i-${newSecret()}`;
      await ctx.tx.insert(consultationInvitations).values({ orgId: ctx.orgId, consultationId: id, memberId: firm.id, tokenHash: hashSecret(token) });
      await invite(firm, respondentUrl(publicUrl, token));
      invited++;
    }
  }
  const [opened] = await ctx.tx
    .update(consultations)
    .set({ status: 'open', formVersion: form.publishedVersion, publicToken, openedAt: sql`now()` })
    .where(and(eq(consultations.id, id), eq(consultations.orgId, ctx.orgId)))
    .returning();
  await recordAudit(ctx, { action: 'consultation.open', entityType: 'consultation', entityId: id, after: { formVersion: form.publishedVersion, invited } });
  return opened!;
}

export async function closeConsultation(ctx: TenantCtx, id: string) {
  const row = await getConsultationRow(ctx, id);
  if (row.status !== 'open') throw new AppError('surveys.consultation_not_open');
  await ctx.tx.update(consultations).set({ status: 'closed' }).where(and(eq(consultations.id, id), eq(consultations.orgId, ctx.orgId)));
  await recordAudit(ctx, { action: 'consultation.close', entityType: 'consultation', entityId: id });
}

/**
 * Reminds invited firms that have not submitted: their personal link is
 * renewed (only its hash is kept, so the old one cannot be re-sent) and
 * mailed again. A firm is reminded at most once a day.
 */
export async function remindNonRespondents(ctx: TenantCtx, id: string, publicUrl: string, now = clock.now()) {
  const row = await getConsultationRow(ctx, id);
  if (row.status !== 'open') throw new AppError('surveys.consultation_not_open');
  if (row.identity !== 'firm') throw new AppError('surveys.anonymous_entry');
  const due = await ctx.tx.execute<{ member_id: string }>(sql`
    SELECT i.member_id FROM ${consultationInvitations} i
    WHERE i.consultation_id = ${id} AND i.org_id = ${ctx.orgId}
      AND (i.reminded_at IS NULL OR i.reminded_at < ${new Date(now.getTime() - 20 * 3600 * 1000)})
      AND NOT EXISTS (SELECT 1 FROM ${responses} r WHERE r.consultation_id = i.consultation_id AND r.member_id = i.member_id AND r.status = 'submitted')`);
  const ids = due.rows.map((r) => r.member_id);
  const profiles = await firmProfiles(ctx, ids);
  const remind = await firmMailer(ctx, row, 'consultation_reminder');
  for (const memberId of ids) {
    const token = `i-${newSecret()}`;
    await ctx.tx
      .update(consultationInvitations)
      .set({ tokenHash: hashSecret(token), remindedAt: now })
      .where(and(eq(consultationInvitations.consultationId, id), eq(consultationInvitations.memberId, memberId), eq(consultationInvitations.orgId, ctx.orgId)));
    const p = profiles.get(memberId);
    if (p) await remind({ id: memberId, email: p.email, legalName: p.name }, respondentUrl(publicUrl, token));
  }
  await recordAudit(ctx, { action: 'consultation.remind', entityType: 'consultation', entityId: id, after: { firms: ids.length } });
  return { reminded: ids.length };
}
