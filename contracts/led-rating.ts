import { z } from 'zod';
import { Text, Uuid } from './common.js';

/**
 * Rating and selection of a call's applications (issue 17.6): the panel, conflicts of interest,
 * scores per application × criterion, and the selection runs with their report.
 */

/** Scores are whole points on this scale (migration 0055 checks it). */
export const SCORE_MIN = 0;
export const SCORE_MAX = 5;

export const ReviewerInput = z.object({ userId: Uuid });
export type ReviewerInput = z.infer<typeof ReviewerInput>;

export const ConflictInput = z.object({ applicationId: Uuid, note: Text(2000).default('') });
export type ConflictInput = z.infer<typeof ConflictInput>;

export const ScoreInput = z.object({
  applicationId: Uuid,
  criterionId: Uuid,
  score: z.number().int().min(SCORE_MIN).max(SCORE_MAX),
  comment: Text(2000).default(''),
});
export type ScoreInput = z.infer<typeof ScoreInput>;

export const RunInput = z.object({
  /** Per-reviewer normalised scores (default), or the raw ones. */
  normalised: z.boolean().default(true),
});
export type RunInput = z.infer<typeof RunInput>;

export const ConflictCause = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('declared') }),
  z.object({ kind: z.literal('contact'), memberId: Uuid }),
]);
export const Conflict = z.object({ userId: Uuid, applicationId: Uuid, causes: z.array(ConflictCause) });
export type Conflict = z.infer<typeof Conflict>;

export const Reviewer = z.object({ userId: Uuid, name: z.string(), email: z.string() });
export type Reviewer = z.infer<typeof Reviewer>;

export const Score = z.object({
  id: Uuid,
  applicationId: Uuid,
  criterionId: Uuid,
  userId: Uuid,
  reviewerName: z.string(),
  score: z.number(),
  comment: z.string(),
  at: z.string(),
  /** False for a score replaced by a later one of the same reviewer (kept as history). */
  latest: z.boolean(),
});
export type Score = z.infer<typeof Score>;

export const SELECTION_REASONS = ['selected', 'not_scored', 'incomplete', 'over_budget', 'exceeds_remaining', 'below_cut'] as const;
export const SelectionReason = z.object({
  code: z.enum(SELECTION_REASONS),
  missing: z.array(z.string()).optional(),
  remaining: z.number().optional(),
});

export const SelectionOutcome = z.object({
  id: Uuid,
  title: z.string(),
  leadName: z.string(),
  amount: z.number(),
  rawScore: z.number().nullable(),
  normalisedScore: z.number().nullable(),
  rawRank: z.number().nullable(),
  normalisedRank: z.number().nullable(),
  reviewers: z.number(),
  conflictedScores: z.number(),
  selected: z.boolean(),
  reason: SelectionReason,
});
export type SelectionOutcome = z.infer<typeof SelectionOutcome>;

export const WeightMove = z.object({
  criterionId: Uuid,
  change: z.union([z.literal(10), z.literal(-10)]),
  weight: z.number(),
  entering: z.array(Uuid),
  leaving: z.array(Uuid),
});
export type WeightMove = z.infer<typeof WeightMove>;

/** What a run was given, kept with it so a report can be read again whatever changed since. */
export const RunInputs = z.object({
  scale: z.object({ min: z.number(), max: z.number() }),
  criteria: z.array(z.object({ id: Uuid, key: z.string(), label: z.string(), weight: z.number() })),
  reviewers: z.array(z.object({ userId: Uuid, name: z.string() })),
  scores: z.array(z.object({ reviewerId: Uuid, applicationId: Uuid, criterionId: Uuid, score: z.number() })),
  conflicts: z.array(Conflict),
  /** False when the solver stopped short of proving the set the best (knapsack.ts). */
  optimal: z.boolean(),
});
export type RunInputs = z.infer<typeof RunInputs>;

export const RunSummary = z.object({
  id: Uuid,
  seq: z.number(),
  at: z.string(),
  normalised: z.boolean(),
  budget: z.number(),
  spent: z.number(),
  selected: z.number(),
  byName: z.string().nullable(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const RunDetail = RunSummary.extend({
  callId: Uuid,
  callTitle: z.string(),
  currency: z.string(),
  inputs: RunInputs,
  results: z.array(SelectionOutcome),
  sensitivity: z.array(WeightMove),
  /** Applications already taken to a measure: application id → measure id. */
  measures: z.record(z.string(), Uuid),
});
export type RunDetail = z.infer<typeof RunDetail>;

export const RatingBoard = z.object({
  callId: Uuid,
  callTitle: z.string(),
  callStatus: z.string(),
  budget: z.number(),
  currency: z.string(),
  criteria: z.array(z.object({ id: Uuid, key: z.string(), label: z.string(), weight: z.number() })),
  reviewers: z.array(Reviewer),
  applications: z.array(z.object({ id: Uuid, title: z.string(), leadName: z.string(), amount: z.number() })),
  conflicts: z.array(Conflict),
  /** The one asking: whether they sit on the panel, and their latest scores. */
  me: Uuid.nullable(),
  onPanel: z.boolean(),
  myScores: z.array(Score),
  /** Per application: reviewers who scored every weighted criterion. */
  scored: z.record(z.string(), z.number()),
  runs: z.array(RunSummary),
});
export type RatingBoard = z.infer<typeof RatingBoard>;

export const MeasureFromApplicationInput = z.object({ applicationId: Uuid });
