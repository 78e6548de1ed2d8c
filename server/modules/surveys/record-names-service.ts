import { and, eq, inArray } from 'drizzle-orm';
import { namesFrom, type RecordNamer, type RecordVocabulary } from '../../platform/audit/record-names.js';
import { consultations, forms, responses, surveyFollowUps } from './tables.js';

/** An answer is known by the consultation it answers. */
const responseNames: RecordNamer = async (ctx, ids) => {
  if (!ids.length) return new Map();
  const rows = await ctx.tx
    .select({ id: responses.id, title: consultations.title })
    .from(responses)
    .innerJoin(consultations, and(eq(consultations.id, responses.consultationId), eq(consultations.orgId, responses.orgId)))
    .where(and(eq(responses.orgId, ctx.orgId), inArray(responses.id, ids)));
  return new Map(rows.map((r) => [r.id, r.title]));
};

/** What the audit log calls forms, consultations and answers. */
export const surveyRecordNames: RecordVocabulary = {
  names: {
    form: namesFrom(forms, forms.id, forms.orgId, forms.title),
    consultation: namesFrom(consultations, consultations.id, consultations.orgId, consultations.title),
    response: responseNames,
    // A follow-up form is known by what it is about ("Your introduction to …").
    survey_follow_up: namesFrom(surveyFollowUps, surveyFollowUps.id, surveyFollowUps.orgId, surveyFollowUps.about),
  },
  references: { consultationId: 'consultation', formId: 'form' },
};
