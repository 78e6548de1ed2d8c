import { and, asc, eq } from 'drizzle-orm';
import type { Evidence, EvidenceInput } from '../../../contracts/advocacy.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { isUniqueViolation } from '../../platform/db/pg-errors.js';
import { memberIssueFigures, takeUpMemberIssue } from '../intake/intake-service.js';
import { questionEvidence } from '../surveys/evidence-service.js';
import { addAdvocacyEvent } from './history-service.js';
import { getIssueRow } from './issue-row.js';
import { presentEvidence } from './present.js';
import { advocacyEvidence, advocacyIssues } from './tables.js';

/**
 * Evidence is a link, not a copy: each read asks intake and the consultation
 * for their current figures, so an issue's case grows as firms join and answer.
 */
export async function evidenceOf(ctx: TenantCtx, issueId: string): Promise<Evidence[]> {
  const rows = await ctx.tx.select().from(advocacyEvidence).where(and(eq(advocacyEvidence.issueId, issueId), eq(advocacyEvidence.orgId, ctx.orgId))).orderBy(asc(advocacyEvidence.addedAt), asc(advocacyEvidence.id));
  const figures = await memberIssueFigures(ctx, rows.flatMap((r) => (r.memberIssueId ? [r.memberIssueId] : [])));
  const result: Evidence[] = [];
  for (const r of rows) {
    if (r.memberIssueId) result.push(presentEvidence(r, { memberIssue: figures.get(r.memberIssueId) ?? null }));
    else result.push(presentEvidence(r, { question: await questionEvidence(ctx, r.consultationId!, r.question!).catch(() => null) }));
  }
  return result;
}

export async function linkEvidence(ctx: TenantCtx, issueId: string, input: EvidenceInput) {
  const issue = await getIssueRow(ctx, issueId, true);
  let label: string;
  if ('memberIssueId' in input) {
    await takeUpMemberIssue(ctx, input.memberIssueId, issue.title);
    label = (await memberIssueFigures(ctx, [input.memberIssueId])).get(input.memberIssueId)!.title;
  } else {
    // Checks the question exists and can be counted before linking to it.
    const q = await questionEvidence(ctx, input.consultationId, input.question);
    label = `${q.consultationTitle}: ${q.label}`;
  }
  try {
    await ctx.tx.insert(advocacyEvidence).values({
      orgId: ctx.orgId, issueId, note: input.note,
      ...('memberIssueId' in input ? { memberIssueId: input.memberIssueId } : { consultationId: input.consultationId, question: input.question }),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('advocacy.evidence_exists');
    throw error;
  }
  await addAdvocacyEvent(ctx, issueId, { action: 'evidence_added', to: label, note: input.note });
}

export async function unlinkEvidence(ctx: TenantCtx, issueId: string, evidenceId: string) {
  const [removed] = await ctx.tx.delete(advocacyEvidence).where(and(eq(advocacyEvidence.id, evidenceId), eq(advocacyEvidence.issueId, issueId), eq(advocacyEvidence.orgId, ctx.orgId))).returning();
  if (!removed) throw new AppError('advocacy.evidence_not_found');
  await addAdvocacyEvent(ctx, issueId, { action: 'evidence_removed', from: removed.memberIssueId ? 'member_issue' : `${removed.question}` });
}

/** The advocacy issues that cite a consultation's answers as evidence (the consultation's page links to them). */
export async function issuesCitingConsultation(ctx: TenantCtx, consultationId: string): Promise<Array<{ id: string; title: string; questions: string[] }>> {
  const rows = await ctx.tx
    .select({ id: advocacyIssues.id, title: advocacyIssues.title, question: advocacyEvidence.question })
    .from(advocacyEvidence)
    .innerJoin(advocacyIssues, and(eq(advocacyIssues.orgId, advocacyEvidence.orgId), eq(advocacyIssues.id, advocacyEvidence.issueId)))
    .where(and(eq(advocacyEvidence.orgId, ctx.orgId), eq(advocacyEvidence.consultationId, consultationId)))
    .orderBy(asc(advocacyIssues.title), asc(advocacyIssues.id));
  const issues = new Map<string, { id: string; title: string; questions: string[] }>();
  for (const r of rows) {
    if (!issues.has(r.id)) issues.set(r.id, { id: r.id, title: r.title, questions: [] });
    if (r.question) issues.get(r.id)!.questions.push(r.question);
  }
  return [...issues.values()];
}
