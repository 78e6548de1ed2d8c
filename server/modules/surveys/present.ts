import type { Consultation, FormInput } from '../../../contracts/surveys.js';
import type { FormDefinition } from '../../../contracts/surveys/form-definition.js';
import type { consultations, forms } from './tables.js';

// How the API shows this module's rows; the services gather what a row alone does not hold.

/** A consultation, with its form's title, its public link (when it has one and is open) and its counts. */
export function presentConsultation(
  row: typeof consultations.$inferSelect,
  beside: { formTitle: string; publicUrl: string | null; invited: number; submitted: number; drafts: number },
): Consultation {
  return {
    id: row.id,
    title: row.title,
    formId: row.formId,
    formTitle: beside.formTitle,
    formVersion: row.formVersion,
    identity: row.identity as Consultation['identity'],
    audience: row.audience,
    status: row.status as Consultation['status'],
    closesOn: row.closesOn,
    publicUrl: beside.publicUrl,
    invited: beside.invited,
    submitted: beside.submitted,
    drafts: beside.drafts,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A form as lists show it; `published` is its published definition, to tell whether the draft has changed since. */
export function presentFormSummary(row: typeof forms.$inferSelect, published: FormDefinition | null) {
  return {
    id: row.id,
    title: row.title,
    purpose: row.purpose as FormInput['purpose'],
    publishedVersion: row.publishedVersion,
    hasChanges: JSON.stringify(published) !== JSON.stringify(row.definition),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** One response's answer to a text question, with its tags and (when the reader may know it) the firm's name. */
export function presentTextAnswer(r: { id: string; answers: Record<string, unknown>; textTags: Record<string, string[]>; submittedAt: Date | null }, question: string, firmName: string | null) {
  return {
    responseId: r.id,
    text: String(r.answers[question]),
    tags: r.textTags[question] ?? [],
    firmName,
    submittedAt: r.submittedAt!.toISOString(),
  };
}
