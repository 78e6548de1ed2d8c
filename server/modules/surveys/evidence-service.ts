import type { QuestionEvidence } from '../../../contracts/advocacy.js';
import { pickLabel } from '../../../contracts/surveys/form-model.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { analyseConsultation } from './analysis-service.js';
import { chartable } from './answer-values.js';
import { getConsultationRow } from './consultation-service.js';
import { formVersion } from './form-service.js';

/**
 * One question's results as evidence for advocacy, labelled in the reader's
 * language. Read from the running tallies each time, so the figures move as
 * members answer.
 */
export async function questionEvidence(ctx: TenantCtx, consultationId: string, name: string): Promise<QuestionEvidence> {
  const row = await getConsultationRow(ctx, consultationId);
  if (!row.formVersion) throw new AppError('surveys.form_unpublished');
  const form = await formVersion(ctx, row.formId, row.formVersion);
  const question = chartable(form).find((w) => w.question.name === name)?.question;
  if (!question) throw fieldError('question', 'advocacy.question_not_found');
  const analysis = await analyseConsultation(ctx, consultationId, {});
  const result = analysis.questions.find((q) => q.name === name)!;
  const label = (text: Parameters<typeof pickLabel>[0]) => pickLabel(text, ctx.locale, form.languages);
  const choiceLabel = new Map((question.choices ?? []).map((c) => [c.value, label(c.label)]));
  return {
    consultationId, consultationTitle: row.title, name, label: label(question.label) || name, type: question.type,
    submitted: analysis.submitted, answered: result.answered,
    counts: result.counts.map((c) => ({ value: c.value, label: choiceLabel.get(c.value) ?? c.value, count: c.count })).sort((a, b) => b.count - a.count),
    stats: result.stats,
  };
}
