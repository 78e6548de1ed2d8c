import { and, eq, inArray, sql } from 'drizzle-orm';
import type { LedInterview, LedInterviewDetail, LedInterviewInput, LedInterviewQuery, INTERVIEW_SORTS } from '../../../contracts/led-interviews.js';
import type { RespondentView } from '../../../contracts/surveys.js';
import { answerLines } from '../../../contracts/surveys/answer-text.js';
import { pickLabel, type FormDefinition } from '../../../contracts/surveys/form-model.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { recordAudit } from '../../platform/audit/record.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { orgClock } from '../../platform/org-clock.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { formVersion, getFormRow } from '../surveys/form-service.js';
import { checkSubmission } from '../surveys/respond-service.js';
import { codesOfInterview } from './coding-service.js';
import { getRegionRow } from './region-rows.js';
import { ledBottleneckCodes, ledInterviews } from './tables.js';

type InterviewRow = typeof ledInterviews.$inferSelect;

/** An interview of the organisation; locked for the rest of the transaction when asked. */
export async function getInterviewRow(ctx: TenantCtx, id: string, lock = false): Promise<InterviewRow> {
  const query = ctx.tx.select().from(ledInterviews).where(and(eq(ledInterviews.orgId, ctx.orgId), eq(ledInterviews.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('led.interview_not_found');
  return row;
}

function present(row: InterviewRow, codes: number): LedInterview {
  return {
    id: row.id, regionId: row.regionId, formId: row.formId, formVersion: row.formVersion, formTitle: row.formTitle,
    interviewee: row.interviewee, sector: row.sector as LedInterview['sector'], organisation: row.organisation, interviewedOn: row.interviewedOn,
    conductedBy: row.conductedByName, status: row.status as LedInterview['status'], submittedAt: row.submittedAt?.toISOString() ?? null, codes,
  };
}

async function codeCounts(ctx: TenantCtx, ids: string[]) {
  if (!ids.length) return new Map<string, number>();
  const rows = await ctx.tx.select({ id: ledBottleneckCodes.interviewId, n: sql<number>`count(*)::int` }).from(ledBottleneckCodes)
    .where(and(eq(ledBottleneckCodes.orgId, ctx.orgId), inArray(ledBottleneckCodes.interviewId, ids))).groupBy(ledBottleneckCodes.interviewId);
  return new Map(rows.map((r) => [r.id!, r.n]));
}

/** The columns a region's interviews sort by (contracts' INTERVIEW_SORTS). */
const INTERVIEW_LIST: SortedList<(typeof INTERVIEW_SORTS)[number]> = {
  id: ledInterviews.id,
  columns: {
    interviewed: { by: ledInterviews.interviewedOn, type: 'date' },
    interviewee: { by: ledInterviews.interviewee, type: 'text' },
  },
};

export async function listInterviews(ctx: TenantCtx, regionId: string, query: LedInterviewQuery) {
  await getRegionRow(ctx, regionId);
  const page = await sortedPage(INTERVIEW_LIST, query, (k) => ctx.tx.select({ row: ledInterviews, k }).from(ledInterviews).$dynamic(), [
    eq(ledInterviews.orgId, ctx.orgId), eq(ledInterviews.regionId, regionId),
  ], (r) => r.row.id);
  const counts = await codeCounts(ctx, page.items.map((r) => r.row.id));
  return { items: page.items.map((r) => present(r.row, counts.get(r.row.id) ?? 0)), nextCursor: page.nextCursor };
}

/**
 * Starts an interview of the region with a guide: a form of purpose
 * `interview`, published; its latest version is frozen on the interview, so
 * editing the guide later changes nothing of the answers given.
 */
export async function startInterview(ctx: TenantCtx, regionId: string, input: LedInterviewInput): Promise<string> {
  await getRegionRow(ctx, regionId);
  const form = await getFormRow(ctx, input.formId).catch((e: unknown) => {
    if (e instanceof AppError) throw fieldError('formId', 'led.guide_not_found');
    throw e;
  });
  if (form.purpose !== 'interview') throw fieldError('formId', 'led.guide_not_interview');
  if (!form.publishedVersion) throw fieldError('formId', 'led.guide_not_published');
  const [row] = await ctx.tx.insert(ledInterviews).values({
    orgId: ctx.orgId, regionId, formId: form.id, formVersion: form.publishedVersion, formTitle: form.title,
    interviewee: input.interviewee, sector: input.sector, organisation: input.organisation, interviewedOn: input.interviewedOn,
    conductedBy: ctx.actor.userId, conductedByName: ctx.actor.name,
  }).returning({ id: ledInterviews.id });
  await recordAudit(ctx, {
    action: 'led_interview.start', entityType: 'led_interview', entityId: row!.id,
    after: { regionId, formId: form.id, formVersion: form.publishedVersion, interviewee: input.interviewee, sector: input.sector, organisation: input.organisation, interviewedOn: input.interviewedOn },
  });
  return row!.id;
}

/** The guide's version the interview asks; null when the form was deleted since (its answers are then shown by question name). */
async function guideOf(ctx: TenantCtx, row: InterviewRow): Promise<FormDefinition | null> {
  return formVersion(ctx, row.formId, row.formVersion).catch((e: unknown) => {
    if (e instanceof AppError) return null;
    throw e;
  });
}

/** An interview with its answers in the guide's order, each with the bottlenecks it is coded to. */
export async function getInterview(ctx: TenantCtx, id: string): Promise<LedInterviewDetail> {
  const row = await getInterviewRow(ctx, id);
  const region = await getRegionRow(ctx, row.regionId);
  const guide = await guideOf(ctx, row);
  const lines = guide
    ? answerLines(guide, row.answers, ctx.locale)
    : Object.entries(row.answers).map(([question, v]) => ({ question, label: question, text: typeof v === 'object' ? JSON.stringify(v) : String(v) }));
  const codes = await codesOfInterview(ctx, id);
  const count = [...codes.values()].reduce((n, c) => n + c.length, 0);
  return { ...present(row, count), regionName: region.name, answers: lines.map((l) => ({ ...l, codedTo: codes.get(l.question) ?? [] })) };
}

/** What the respondent page shows staff conducting the interview: the guide, and the answers once given (a draft is on the phone). */
export async function interviewView(ctx: TenantCtx, id: string): Promise<RespondentView> {
  const row = await getInterviewRow(ctx, id);
  const org = await getCurrentOrg(ctx);
  const guide = await guideOf(ctx, row);
  if (!guide) throw new AppError('led.guide_not_found');
  const title = row.formTitle || pickLabel(guide.title, ctx.locale, guide.languages);
  return {
    consultation: { title, orgName: org.name, closesOn: null, identity: 'anonymous', locale: orgClock(org).locale },
    firmName: row.organisation ? `${row.interviewee} (${row.organisation})` : row.interviewee,
    form: guide,
    answers: row.answers,
    status: row.status === 'submitted' ? 'submitted' : 'new',
    resumeKey: null,
  };
}

/**
 * Keeps the interview's answers, checked by the surveys module as a
 * consultation's are (hidden answers dropped, calculations computed). Once:
 * the same submission sent again after a lost connection (its key) is
 * answered without a change; another is refused.
 */
export async function submitInterview(ctx: TenantCtx, id: string, input: { answers: Record<string, unknown>; submissionKey: string | null }) {
  const row = await getInterviewRow(ctx, id, true);
  if (row.status === 'submitted') {
    if (input.submissionKey && row.submissionKey === input.submissionKey) return nothingChanged();
    throw new AppError('led.interview_submitted');
  }
  const answers = await checkSubmission(ctx, row.formId, row.formVersion, input.answers);
  await ctx.tx.update(ledInterviews).set({ answers, status: 'submitted', submissionKey: input.submissionKey, submittedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(ledInterviews.orgId, ctx.orgId), eq(ledInterviews.id, id)));
  await recordAudit(ctx, { action: 'led_interview.submit', entityType: 'led_interview', entityId: id, after: { answers: Object.keys(answers).length } });
}

/** Removes an interview (one started by mistake, or with the wrong person); its codes go with it, and the audit entry keeps what it was. */
export async function removeInterview(ctx: TenantCtx, id: string) {
  const row = await getInterviewRow(ctx, id, true);
  const codes = (await codeCounts(ctx, [id])).get(id) ?? 0;
  await ctx.tx.delete(ledInterviews).where(and(eq(ledInterviews.orgId, ctx.orgId), eq(ledInterviews.id, id)));
  await recordAudit(ctx, {
    action: 'led_interview.remove', entityType: 'led_interview', entityId: id,
    before: { regionId: row.regionId, interviewee: row.interviewee, organisation: row.organisation, interviewedOn: row.interviewedOn, status: row.status, answers: row.answers, codes },
  });
}
