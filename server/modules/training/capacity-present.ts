import type { Assessment, AssessmentSummary, CapacityAnswer, CapacityGap } from '../../../contracts/capacity.js';
import { CAPACITY_CATALOGUE, type CapacityStatus } from '../../../contracts/capacity.js';
import { domainScores } from './capacity-scoring.js';
import type { capacityAnswers, capacityAssessments } from './capacity-tables.js';

export type AssessmentRow = typeof capacityAssessments.$inferSelect;
export type AnswerRow = typeof capacityAnswers.$inferSelect;

/** A self-assessment with its scores per domain; the answers of items no longer in the catalogue are left out. */
export function presentAssessmentSummary(r: AssessmentRow, answers: AnswerRow[]): AssessmentSummary {
  const levels = answers.map((a) => ({ item: a.itemKey, level: a.level }));
  const scores = domainScores(levels);
  return {
    id: r.id,
    year: r.year,
    status: r.status as CapacityStatus,
    answered: scores.reduce((s, d) => s + d.answered, 0),
    items: CAPACITY_CATALOGUE.length,
    scores,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    submittedBy: r.submittedBy,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The whole self-assessment: every item of the catalogue (undecided ones with no level) and its gaps with the courses planned. */
export function presentAssessment(r: AssessmentRow, answers: AnswerRow[], beside: { gaps: CapacityGap[] }): Assessment {
  const byItem = new Map(answers.map((a) => [a.itemKey, a]));
  const list: CapacityAnswer[] = CAPACITY_CATALOGUE.map((i) => {
    const a = byItem.get(i.key);
    return { item: i.key, level: (a?.level ?? null) as CapacityAnswer['level'], note: a?.note ?? '' };
  });
  return { ...presentAssessmentSummary(r, answers), answers: list, gaps: beside.gaps };
}
