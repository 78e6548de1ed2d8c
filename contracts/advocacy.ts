import { z } from 'zod';
import { PageQuery, SortParam, Uuid } from './common.js';
import { costIsCountable } from './standard-cost.js';
import { AffectedBreakdown, ISSUE_STATUSES } from './intake.js';

/**
 * Advocacy: an issue the organisation takes to decision-makers, its evidence
 * (member issues, consultation answers, the cost of a regulation), and its
 * course through the five steps of public-private dialogue to an outcome.
 */
export const ADVOCACY_CATEGORIES = ['regulation', 'red_tape', 'tax', 'monopoly', 'corruption', 'infrastructure', 'finance', 'skills', 'markets', 'other'] as const;
export type AdvocacyCategory = (typeof ADVOCACY_CATEGORIES)[number];

/** The five steps of public-private dialogue, in order. */
export const PPD_STEPS = ['diagnostic', 'solution_design', 'advocacy', 'legislative', 'implementation'] as const;
export type PpdStep = (typeof PPD_STEPS)[number];

export const OUTCOMES = ['adopted', 'implemented', 'rejected', 'dropped', 'on_hold'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;

const IsicSection = z.string().refine((s) => /^[A-U]$/.test(s), { params: { code: 'advocacy.bad_sector' } });
const Region = z.string().trim().min(1).max(50);
const Level = z.number().int().min(1).max(5);

export const AdvocacyIssueInput = z.object({
  title: z.string().trim().min(5).max(200),
  problem: z.string().trim().min(1).max(10000),
  category: z.enum(ADVOCACY_CATEGORIES),
  sectors: z.array(IsicSection).max(21).default([]),
  regions: z.array(Region).max(100).default([]),
  /** How badly members are hurt, 1 (a nuisance) to 5 (threatens firms' survival). */
  severity: Level.default(3),
  /** How likely a reform is, 1 (out of reach) to 5 (an open door). */
  feasibility: Level.default(3),
});
export type AdvocacyIssueInput = z.infer<typeof AdvocacyIssueInput>;

/** A new issue may start from a member issue, which becomes its first evidence. */
export const NewAdvocacyIssue = AdvocacyIssueInput.extend({ fromMemberIssueId: Uuid.optional() });

/** The columns the issues sort by: the priority (the most urgent first by default), the title, when added, when last changed. */
export const ADVOCACY_SORTS = ['priority', 'title', 'created', 'updated'] as const;
export const AdvocacyFilter = z.object({
  step: z.enum(PPD_STEPS).optional(),
  /** `open`: no outcome yet; `closed`: any outcome. */
  state: z.enum(['open', 'closed', 'all']).default('all'),
  q: z.string().trim().max(200).optional(),
  sort: SortParam(ADVOCACY_SORTS, '-priority'),
});
export type AdvocacyFilter = z.infer<typeof AdvocacyFilter>;
export const AdvocacyQuery = PageQuery.extend(AdvocacyFilter.shape);
export type AdvocacyQuery = z.infer<typeof AdvocacyQuery>;

export const Priority = z.object({ score: z.number().int(), firms: z.number().int(), severity: z.number().int(), feasibility: z.number().int() });
export type Priority = z.infer<typeof Priority>;

export const AdvocacyIssue = z.object({
  id: Uuid,
  title: z.string(),
  category: z.enum(ADVOCACY_CATEGORIES),
  sectors: z.array(z.string()),
  regions: z.array(z.string()),
  step: z.enum(PPD_STEPS),
  outcome: z.enum(OUTCOMES).nullable(),
  published: z.boolean(),
  priority: Priority,
  /** The yearly cost of the regulation to firms, from the Standard Cost Model (minor units). */
  yearlyCost: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type AdvocacyIssue = z.infer<typeof AdvocacyIssue>;

export const StepScoreInput = z.object({ step: z.enum(PPD_STEPS), score: z.number().int().min(0).max(3), note: z.string().trim().max(2000).default('') });
export const StepScore = z.object({ step: z.enum(PPD_STEPS), score: z.number().int(), note: z.string(), at: z.iso.datetime(), actor: z.string() });
export type StepScore = z.infer<typeof StepScore>;

export const StepInput = z.object({ step: z.enum(PPD_STEPS), note: z.string().trim().max(2000).default('') });

export const OutcomeInput = z.object({
  outcome: z.enum(OUTCOMES).nullable(),
  /** What shows it: the gazette notice, the minister's letter, the new form. */
  evidence: z.string().trim().max(5000).default(''),
  /** Share of the regulation's yearly cost the reform saves firms, claimed when adopted. */
  savingShare: z.number().int().min(0).max(100).default(100),
});
export type OutcomeInput = z.infer<typeof OutcomeInput>;

export const AdvocacyEvent = z.object({
  at: z.iso.datetime(),
  actor: z.string(),
  action: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  note: z.string(),
});
export type AdvocacyEvent = z.infer<typeof AdvocacyEvent>;

// ---- evidence ----

export const EvidenceInput = z.union([
  z.object({ memberIssueId: Uuid, note: z.string().trim().max(2000).default('') }),
  z.object({ consultationId: Uuid, question: z.string().min(1).max(64), note: z.string().trim().max(2000).default('') }),
]);
export type EvidenceInput = z.infer<typeof EvidenceInput>;

export const QuestionEvidence = z.object({
  consultationId: Uuid,
  consultationTitle: z.string(),
  name: z.string(),
  label: z.string(),
  type: z.string(),
  submitted: z.number().int(),
  answered: z.number().int(),
  counts: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() })),
  stats: z.object({ mean: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable(), median: z.number().nullable() }).nullable(),
});
export type QuestionEvidence = z.infer<typeof QuestionEvidence>;

export const MemberIssueEvidence = z.object({
  id: Uuid, title: z.string(), status: z.enum(ISSUE_STATUSES), affectedFirms: z.number().int(), breakdown: AffectedBreakdown,
});

/** A link to evidence, with its figures read afresh each time: they move as members answer. */
export const Evidence = z.object({
  id: Uuid,
  kind: z.enum(['member_issue', 'survey_question']),
  note: z.string(),
  addedAt: z.iso.datetime(),
  memberIssue: MemberIssueEvidence.nullable(),
  question: QuestionEvidence.nullable(),
});
export type Evidence = z.infer<typeof Evidence>;

// ---- the cost of a regulation (Standard Cost Model) ----

const Minor = z.number().int().min(0).max(1e12);
export const FirmsBySize = z.object({ micro: z.number().int().min(0).max(1e7), small: z.number().int().min(0).max(1e7), medium: z.number().int().min(0).max(1e7), large: z.number().int().min(0).max(1e7) });
export type FirmsBySize = z.infer<typeof FirmsBySize>;

const CostActivityFields = z.object({
  /** An administrative activity the rule requires: "fill in the declaration", "travel to the office". */
  name: z.string().trim().min(1).max(200),
  minutes: z.number().int().min(0).max(100000),
  /** Cost of an hour of the staff who do it, in minor units. */
  hourlyTariff: Minor,
  /** Fees, copies, travel: paid each time, in minor units. */
  outOfPocket: Minor,
  /** Times a year a firm does it; 0.5 is every second year. */
  perYear: z.number().min(0.01).max(10000),
  firms: FirmsBySize,
});
/**
 * Each field within its bounds can still multiply past what a number holds
 * exactly (tariff × time × frequency × firms): such an activity is refused,
 * never stored and then unreadable.
 */
export const CostActivityInput = CostActivityFields.refine((a) => costIsCountable(a), { path: ['hourlyTariff'], params: { code: 'advocacy.cost_too_large' } });
export type CostActivityInput = z.infer<typeof CostActivityInput>;

export const CostActivity = CostActivityFields.extend({ id: Uuid, perFirmYearly: z.number().int(), yearlyCost: z.number().int() });
export type CostActivity = z.infer<typeof CostActivity>;

export const CostSummary = z.object({
  currency: z.string(),
  activities: z.array(CostActivity),
  yearlyCost: z.number().int(),
  bySize: z.object({ micro: z.number().int(), small: z.number().int(), medium: z.number().int(), large: z.number().int() }),
  /** What one firm of each size pays a year: the same activities, so the same for any firm doing all of them. */
  perFirm: z.number().int(),
});
export type CostSummary = z.infer<typeof CostSummary>;

export const LinkedItem = z.object({ id: Uuid, title: z.string() });

export const IssueDecision = z.object({
  id: Uuid, text: z.string(), owner: z.string(), dueOn: z.iso.date().nullable(), status: z.enum(['open', 'done', 'dropped']), overdue: z.boolean(),
  meeting: z.object({ id: Uuid, title: z.string(), startsAt: z.iso.datetime(), forumName: z.string() }),
  followUps: z.array(z.object({ at: z.iso.datetime(), actor: z.string(), note: z.string(), status: z.enum(['open', 'done', 'dropped']).nullable() })),
});

export const AdvocacyIssueDetail = AdvocacyIssue.extend({
  problem: z.string(),
  outcomeEvidence: z.string(),
  outcomeAt: z.iso.datetime().nullable(),
  savingShare: z.number().int(),
  /** Claimed once the reform is adopted or implemented: the share of the yearly cost it saves. */
  savingClaimed: z.number().int().nullable(),
  scores: z.array(StepScore),
  evidence: z.array(Evidence),
  costs: CostSummary,
  history: z.array(AdvocacyEvent),
  /** Where the issue went in public-private dialogue: meetings that discussed it, what they decided. */
  dialogue: z.object({
    meetings: z.array(z.object({ meetingId: Uuid, meetingTitle: z.string(), startsAt: z.iso.datetime(), status: z.enum(['planned', 'held', 'cancelled']), forumId: Uuid, forumName: z.string(), item: z.string() })),
    decisions: z.array(IssueDecision),
  }),
});
export type AdvocacyIssueDetail = z.infer<typeof AdvocacyIssueDetail>;

/** A document behind an issue: the regulation, a ministry's letter, a study. Downloaded, never shown inline. */
export const AdvocacyDocument = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type AdvocacyDocument = z.infer<typeof AdvocacyDocument>;
