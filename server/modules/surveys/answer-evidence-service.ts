import { and, eq, inArray } from 'drizzle-orm';
import { answerLines, answerText, citableQuestions } from '../../../contracts/surveys/answer-text.js';
import { pickLabel, type FormDefinition } from '../../../contracts/surveys/form-model.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { firmProfiles } from '../members/audience-service.js';
import { formVersion } from './form-service.js';
import { consultations, responses } from './tables.js';

/** One answer of a submitted response, as a module above cites it (LED codes it to a bottleneck). */
export interface SubmittedAnswer {
  responseId: string;
  consultationId: string;
  consultationTitle: string;
  /** The firm that answered; null for an anonymous consultation. */
  firmName: string | null;
  submittedAt: string | null;
  question: string;
  label: string;
  text: string;
}

export const answerKey = (responseId: string, question: string) => `${responseId}:${question}`;

/** Submitted responses of the organisation with their consultation's title, the form each answers, and the firm's name. */
async function submittedResponses(ctx: TenantCtx, ids: string[]) {
  if (!ids.length) return [];
  const rows = await ctx.tx
    .select({ id: responses.id, consultationId: responses.consultationId, formId: consultations.formId, formVersion: responses.formVersion, memberId: responses.memberId, answers: responses.answers, submittedAt: responses.submittedAt, title: consultations.title })
    .from(responses)
    .innerJoin(consultations, and(eq(consultations.id, responses.consultationId), eq(consultations.orgId, responses.orgId)))
    .where(and(eq(responses.orgId, ctx.orgId), inArray(responses.id, [...new Set(ids)]), eq(responses.status, 'submitted')));
  const firms = await firmProfiles(ctx, rows.flatMap((r) => (r.memberId ? [r.memberId] : [])));
  const forms = new Map<string, FormDefinition>();
  const result = [];
  for (const r of rows) {
    const key = `${r.formId}:${r.formVersion}`;
    if (!forms.has(key)) forms.set(key, await formVersion(ctx, r.formId, r.formVersion));
    result.push({ ...r, form: forms.get(key)!, firmName: r.memberId ? (firms.get(r.memberId)?.name ?? null) : null });
  }
  return result;
}

/**
 * Answers of submitted responses, each named by response and question, in the
 * reader's language. An answer that is not there — a response of another
 * organisation (row-level security hides it), not submitted, a question the
 * form does not have or left unanswered — is missing from the map.
 */
export async function submittedAnswers(ctx: TenantCtx, refs: Array<{ responseId: string; question: string }>): Promise<Map<string, SubmittedAnswer>> {
  const found = new Map<string, SubmittedAnswer>();
  const rows = new Map((await submittedResponses(ctx, refs.map((r) => r.responseId))).map((r) => [r.id, r]));
  for (const ref of refs) {
    const r = rows.get(ref.responseId);
    const q = r && citableQuestions(r.form).find((x) => x.name === ref.question);
    if (!r || !q || !Object.hasOwn(r.answers, q.name)) continue;
    const text = answerText(q, r.answers[q.name], ctx.locale, r.form.languages);
    if (!text) continue;
    found.set(answerKey(r.id, q.name), {
      responseId: r.id, consultationId: r.consultationId, consultationTitle: r.title, firmName: r.firmName, submittedAt: r.submittedAt?.toISOString() ?? null,
      question: q.name, label: pickLabel(q.label, ctx.locale, r.form.languages) || q.name, text,
    });
  }
  return found;
}

/** Every answer of one submitted response, in the form's order (null when there is no such response of the organisation). */
export async function submittedResponseAnswers(ctx: TenantCtx, responseId: string) {
  const [r] = await submittedResponses(ctx, [responseId]);
  if (!r) return null;
  return { responseId: r.id, consultationId: r.consultationId, consultationTitle: r.title, firmName: r.firmName, answers: answerLines(r.form, r.answers, ctx.locale) };
}
