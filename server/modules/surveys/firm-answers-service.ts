import { and, desc, eq, sql } from 'drizzle-orm';
import type { FirmAnswer } from '../../../contracts/firm-activity.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { consultations, responses } from './tables.js';

/** The consultations a firm answered or began to answer, the latest first: its member page. */
export async function answersOfFirm(ctx: TenantCtx, memberId: string): Promise<FirmAnswer[]> {
  const rows = await ctx.tx
    .select({ consultationId: responses.consultationId, consultation: consultations.title, status: responses.status, channel: responses.channel, submittedAt: responses.submittedAt, updatedAt: responses.updatedAt })
    .from(responses)
    .innerJoin(consultations, and(eq(consultations.orgId, responses.orgId), eq(consultations.id, responses.consultationId)))
    .where(and(eq(responses.orgId, ctx.orgId), eq(responses.memberId, memberId)))
    .orderBy(desc(sql`coalesce(${responses.submittedAt}, ${responses.updatedAt})`), desc(responses.id))
    .limit(200);
  return rows.map((r) => ({
    consultationId: r.consultationId, consultation: r.consultation,
    status: r.status === 'submitted' ? 'submitted' : 'draft', channel: r.channel as FirmAnswer['channel'],
    submittedAt: r.submittedAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString(),
  }));
}
