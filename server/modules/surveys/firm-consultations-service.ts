import { and, eq, sql } from 'drizzle-orm';
import type { FirmConsultation } from '../../../contracts/home.js';
import { hashSecret, newSecret } from '../../platform/auth/tokens.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { orgToday } from '../orgs/org-service.js';
import { respondentUrl } from './consultation-service.js';
import { consultationInvitations, consultations, responses } from './tables.js';

/**
 * What a firm is asked to answer: the open consultations it was invited to
 * (not past their closing day) whose answer it has not submitted, and how
 * many consultations it answered.
 */
export async function consultationsOfFirm(ctx: TenantCtx, memberId: string): Promise<{ open: FirmConsultation[]; answered: number }> {
  const today = await orgToday(ctx);
  const rows = await ctx.tx.execute<{ id: string; title: string; closes_on: string | null; status: string; answer: string | null }>(sql`
    SELECT c.id, c.title, c.closes_on::text, c.status, r.status AS answer
    FROM ${consultationInvitations} i
    JOIN ${consultations} c ON c.org_id = i.org_id AND c.id = i.consultation_id
    LEFT JOIN ${responses} r ON r.org_id = i.org_id AND r.consultation_id = i.consultation_id AND r.member_id = i.member_id
    WHERE i.org_id = ${ctx.orgId} AND i.member_id = ${memberId}
    ORDER BY c.closes_on ASC NULLS LAST, c.opened_at DESC`);
  const open = rows.rows
    .filter((r) => r.status === 'open' && (r.closes_on === null || r.closes_on >= today) && r.answer !== 'submitted')
    .map((r): FirmConsultation => ({ id: r.id, title: r.title, closesOn: r.closes_on, answer: r.answer === 'draft' ? 'draft' : 'none' }));
  return { open, answered: rows.rows.filter((r) => r.answer === 'submitted').length };
}

/**
 * A firm's own signed-in user opens its answer: the personal link is renewed
 * (only its hash is kept, so the mailed one cannot be given back) and handed
 * to them, not mailed. The answer saved so far is the firm's, whichever link.
 */
export async function renewFirmLink(ctx: TenantCtx, consultationId: string, memberId: string) {
  const { open } = await consultationsOfFirm(ctx, memberId);
  if (!open.some((c) => c.id === consultationId)) throw new AppError('surveys.consultation_not_open');
  const token = `i-${newSecret()}`;
  await ctx.tx
    .update(consultationInvitations)
    .set({ tokenHash: hashSecret(token) })
    .where(and(eq(consultationInvitations.consultationId, consultationId), eq(consultationInvitations.memberId, memberId), eq(consultationInvitations.orgId, ctx.orgId)));
  await recordAudit(ctx, { action: 'consultation.link_renewed', entityType: 'consultation', entityId: consultationId, after: { memberId } });
  return { url: respondentUrl('', token) };
}
