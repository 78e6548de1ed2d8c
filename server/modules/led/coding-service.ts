import { and, asc, eq, inArray } from 'drizzle-orm';
import type { BottleneckCodeInput, BottleneckEvidence, CodedTo } from '../../../contracts/led-interviews.js';
import { answerLines } from '../../../contracts/surveys/answer-text.js';
import { recordAudit } from '../../platform/audit/record.js';
import { isUniqueViolation } from '../../platform/db/pg-errors.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { memberIssueFigures } from '../intake/intake-service.js';
import { answerKey, submittedAnswers } from '../surveys/answer-evidence-service.js';
import { formVersion } from '../surveys/form-service.js';
import { getBottleneckRow, getRegionRow } from './region-rows.js';
import { ledBottleneckCodes, ledBottlenecks, ledInterviews } from './tables.js';

/**
 * Coding evidence to a region's bottleneck (17.4): an interview's answer, a
 * survey answer, a member issue. A code is a link, not a copy: the evidence is
 * read from its source each time, in the reader's language.
 */

type InterviewRow = typeof ledInterviews.$inferSelect;

/** The answers of interviews as lines (label, text), each interview read with its guide's version once. */
async function interviewLines(ctx: TenantCtx, rows: InterviewRow[]) {
  const guides = new Map<string, Awaited<ReturnType<typeof formVersion>> | null>();
  const lines = new Map<string, Map<string, { label: string; text: string }>>();
  for (const row of rows) {
    const key = `${row.formId}:${row.formVersion}`;
    if (!guides.has(key)) guides.set(key, await formVersion(ctx, row.formId, row.formVersion).catch((e: unknown) => { if (e instanceof AppError) return null; throw e; }));
    const guide = guides.get(key);
    const own = guide
      ? answerLines(guide, row.answers, ctx.locale)
      : Object.entries(row.answers).map(([question, v]) => ({ question, label: question, text: typeof v === 'object' ? JSON.stringify(v) : String(v) }));
    lines.set(row.id, new Map(own.map((l) => [l.question, { label: l.label, text: l.text }])));
  }
  return lines;
}

/**
 * Codes a piece of evidence to a bottleneck of the region. An interview's
 * answer must be of an interview of the same region, submitted, and answered;
 * a survey answer of a submitted response, answered; a member issue of the
 * organisation. What another organisation holds is not found (row-level
 * security hides it). Once per evidence and bottleneck.
 */
export async function codeToBottleneck(ctx: TenantCtx, regionId: string, bottleneckId: string, input: BottleneckCodeInput): Promise<string> {
  await getRegionRow(ctx, regionId);
  await getBottleneckRow(ctx, regionId, bottleneckId, true);
  let reference: { interviewId?: string; responseId?: string; memberIssueId?: string; question?: string };
  if (input.source === 'interview') {
    const [row] = await ctx.tx.select().from(ledInterviews).where(and(eq(ledInterviews.orgId, ctx.orgId), eq(ledInterviews.id, input.interviewId)));
    if (!row) throw fieldError('interviewId', 'led.interview_not_found');
    if (row.regionId !== regionId) throw fieldError('interviewId', 'led.bottleneck_of_other_region');
    if (row.status !== 'submitted') throw new AppError('led.interview_not_submitted');
    if (!(await interviewLines(ctx, [row])).get(row.id)!.has(input.question)) throw fieldError('question', 'led.answer_not_found');
    reference = { interviewId: row.id, question: input.question };
  } else if (input.source === 'survey') {
    const found = await submittedAnswers(ctx, [{ responseId: input.responseId, question: input.question }]);
    if (!found.has(answerKey(input.responseId, input.question))) throw fieldError('question', 'led.answer_not_found');
    reference = { responseId: input.responseId, question: input.question };
  } else {
    if (!(await memberIssueFigures(ctx, [input.memberIssueId])).has(input.memberIssueId)) throw fieldError('memberIssueId', 'led.member_issue_not_found');
    reference = { memberIssueId: input.memberIssueId };
  }
  let id: string;
  try {
    const [row] = await ctx.tx.insert(ledBottleneckCodes).values({
      orgId: ctx.orgId, bottleneckId, source: input.source, ...reference, note: input.note, codedBy: ctx.actor.userId,
    }).returning({ id: ledBottleneckCodes.id });
    id = row!.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('led.already_coded');
    throw error;
  }
  await recordAudit(ctx, { action: 'led_bottleneck.code', entityType: 'led_bottleneck', entityId: bottleneckId, after: { codeId: id, source: input.source, ...reference, note: input.note } });
  return id;
}

/** Takes a code back; the evidence itself stays where it is. */
export async function removeCode(ctx: TenantCtx, regionId: string, bottleneckId: string, codeId: string) {
  await getBottleneckRow(ctx, regionId, bottleneckId, true);
  const [removed] = await ctx.tx.delete(ledBottleneckCodes)
    .where(and(eq(ledBottleneckCodes.orgId, ctx.orgId), eq(ledBottleneckCodes.bottleneckId, bottleneckId), eq(ledBottleneckCodes.id, codeId)))
    .returning();
  if (!removed) throw new AppError('led.code_not_found');
  await recordAudit(ctx, {
    action: 'led_bottleneck.uncode', entityType: 'led_bottleneck', entityId: bottleneckId,
    before: { codeId, source: removed.source, interviewId: removed.interviewId, responseId: removed.responseId, memberIssueId: removed.memberIssueId, question: removed.question, note: removed.note },
  });
}

/** The bottlenecks each answer of an interview is coded to, by question. */
export async function codesOfInterview(ctx: TenantCtx, interviewId: string): Promise<Map<string, CodedTo[]>> {
  const rows = await ctx.tx
    .select({ codeId: ledBottleneckCodes.id, question: ledBottleneckCodes.question, bottleneckId: ledBottlenecks.id, title: ledBottlenecks.title, kind: ledBottlenecks.kind })
    .from(ledBottleneckCodes)
    .innerJoin(ledBottlenecks, and(eq(ledBottlenecks.orgId, ledBottleneckCodes.orgId), eq(ledBottlenecks.id, ledBottleneckCodes.bottleneckId)))
    .where(and(eq(ledBottleneckCodes.orgId, ctx.orgId), eq(ledBottleneckCodes.interviewId, interviewId)))
    .orderBy(asc(ledBottlenecks.title), asc(ledBottlenecks.id));
  const byQuestion = new Map<string, CodedTo[]>();
  for (const r of rows) byQuestion.set(r.question, [...(byQuestion.get(r.question) ?? []), { codeId: r.codeId, bottleneckId: r.bottleneckId, title: r.title, kind: r.kind }]);
  return byQuestion;
}

/**
 * A bottleneck with the evidence coded to it, oldest code first: interview
 * answers (with who was interviewed), survey answers (with the consultation
 * and the firm) and member issues (with their status and firms affected),
 * each read afresh from its source.
 */
export async function bottleneckEvidence(ctx: TenantCtx, regionId: string, bottleneckId: string): Promise<BottleneckEvidence> {
  const region = await getRegionRow(ctx, regionId);
  const b = await getBottleneckRow(ctx, regionId, bottleneckId);
  const codes = await ctx.tx.select().from(ledBottleneckCodes)
    .where(and(eq(ledBottleneckCodes.orgId, ctx.orgId), eq(ledBottleneckCodes.bottleneckId, bottleneckId)))
    .orderBy(asc(ledBottleneckCodes.createdAt), asc(ledBottleneckCodes.id));

  const interviewIds = [...new Set(codes.flatMap((c) => (c.interviewId ? [c.interviewId] : [])))];
  const interviewRows = interviewIds.length
    ? await ctx.tx.select().from(ledInterviews).where(and(eq(ledInterviews.orgId, ctx.orgId), inArray(ledInterviews.id, interviewIds)))
    : [];
  const interviews = new Map(interviewRows.map((r) => [r.id, r]));
  const lines = await interviewLines(ctx, interviewRows);
  const answers = await submittedAnswers(ctx, codes.flatMap((c) => (c.responseId ? [{ responseId: c.responseId, question: c.question }] : [])));
  const issues = await memberIssueFigures(ctx, codes.flatMap((c) => (c.memberIssueId ? [c.memberIssueId] : [])));

  const result: BottleneckEvidence = {
    id: b.id, regionId, regionName: region.name, title: b.title, kind: b.kind, description: b.description, factor: b.factor, evidence: b.evidence, advocacyIssueId: b.advocacyIssueId,
    interviews: [], surveys: [], memberIssues: [], counts: { interviews: 0, surveys: 0, memberIssues: 0, total: 0 },
  };
  for (const c of codes) {
    if (c.interviewId) {
      const i = interviews.get(c.interviewId)!;
      const line = lines.get(i.id)?.get(c.question);
      result.interviews.push({
        codeId: c.id, interviewId: i.id, interviewee: i.interviewee, organisation: i.organisation, sector: i.sector as 'private', interviewedOn: i.interviewedOn,
        question: c.question, label: line?.label ?? c.question, text: line?.text ?? '', note: c.note,
      });
    } else if (c.responseId) {
      const a = answers.get(answerKey(c.responseId, c.question));
      // A response is never edited once submitted: a missing answer is one whose form is gone.
      if (!a) continue;
      result.surveys.push({ codeId: c.id, ...a, note: c.note });
    } else if (c.memberIssueId) {
      const m = issues.get(c.memberIssueId);
      if (!m) continue;
      result.memberIssues.push({ codeId: c.id, memberIssueId: m.id, title: m.title, status: m.status, affectedFirms: m.affectedFirms, note: c.note });
    }
  }
  result.counts = { interviews: result.interviews.length, surveys: result.surveys.length, memberIssues: result.memberIssues.length, total: result.interviews.length + result.surveys.length + result.memberIssues.length };
  return result;
}
