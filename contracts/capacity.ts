import { z } from 'zod';
import { Int, PageQuery, SortParam, Text, Uuid } from './common.js';
import { CourseInput } from './training.js';

/**
 * The BMO's own capacity (server/modules/training, capacity-*.ts): a
 * self-assessment per organisation (a branch is one) and year, item by item
 * on four levels, each level with a descriptor a chamber recognises. The
 * catalogue is here; its words are in the locales: `capacity.domains.<domain>`,
 * `capacity.items.<item>.title` and `capacity.items.<item>.l1` … `l4`.
 */
export const CAPACITY_DOMAINS = ['governance', 'finances', 'membership', 'advocacy', 'led', 'training', 'networking'] as const;
export type CapacityDomain = (typeof CAPACITY_DOMAINS)[number];

/** Every item, in the order of the form, with its domain. */
export const CAPACITY_CATALOGUE = [
  { key: 'governance_board', domain: 'governance' },
  { key: 'governance_strategy', domain: 'governance' },
  { key: 'governance_staff', domain: 'governance' },
  { key: 'finances_income', domain: 'finances' },
  { key: 'finances_accounts', domain: 'finances' },
  { key: 'finances_fees', domain: 'finances' },
  { key: 'membership_register', domain: 'membership' },
  { key: 'membership_services', domain: 'membership' },
  { key: 'membership_feedback', domain: 'membership' },
  { key: 'advocacy_evidence', domain: 'advocacy' },
  { key: 'advocacy_positions', domain: 'advocacy' },
  { key: 'advocacy_dialogue', domain: 'advocacy' },
  { key: 'led_analysis', domain: 'led' },
  { key: 'led_measures', domain: 'led' },
  { key: 'led_partners', domain: 'led' },
  { key: 'training_offer', domain: 'training' },
  { key: 'training_trainers', domain: 'training' },
  { key: 'training_evaluation', domain: 'training' },
  { key: 'networking_matching', domain: 'networking' },
  { key: 'networking_information', domain: 'networking' },
] as const satisfies ReadonlyArray<{ key: string; domain: CapacityDomain }>;

export const CAPACITY_ITEMS = CAPACITY_CATALOGUE.map((i) => i.key) as [(typeof CAPACITY_CATALOGUE)[number]['key'], ...Array<(typeof CAPACITY_CATALOGUE)[number]['key']>];
export const CapacityItem = z.enum(CAPACITY_ITEMS);
export type CapacityItem = z.infer<typeof CapacityItem>;
export const domainOf = (item: CapacityItem): CapacityDomain => CAPACITY_CATALOGUE.find((i) => i.key === item)!.domain;

/** 1: not in place … 4: in place, working and reviewed. */
export const CAPACITY_LEVELS = [1, 2, 3, 4] as const;
export const CAPACITY_MAX_LEVEL = 4;
/** An item at level 1 or 2 is a gap: a training need. */
export const CAPACITY_GAP_MAX = 2;
export const CapacityLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const CAPACITY_STATUSES = ['draft', 'submitted'] as const;
export const CapacityStatus = z.enum(CAPACITY_STATUSES);
export type CapacityStatus = z.infer<typeof CapacityStatus>;

/** The year assessed: one self-assessment per organisation and year. */
export const CapacityYear = Int.min(2000).max(2100);
export const NewAssessmentInput = z.object({ year: CapacityYear });

export const CapacityAnswerInput = z.object({
  item: CapacityItem,
  /** Null: not decided yet (a draft may be saved part-way). */
  level: CapacityLevel.nullable(),
  /** What shows the level: minutes, a plan, a register, a report… */
  note: Text(2000).default(''),
});
/** The answers changed since the last save (a draft saved part-way); items not listed stay as they are. */
export const SaveAssessmentInput = z.object({ answers: z.array(CapacityAnswerInput).max(CAPACITY_CATALOGUE.length) });
export type SaveAssessmentInput = z.infer<typeof SaveAssessmentInput>;

export const ReopenAssessmentInput = z.object({
  reason: Text(1000).refine((s) => s.trim().length > 0, { params: { code: 'capacity.reason_required' } }),
});

/** A course planned for a gap: the new course's fields and the item it answers. */
export const PlanCourseInput = z.object({ item: CapacityItem, course: CourseInput });

export const DomainScore = z.object({
  domain: z.enum(CAPACITY_DOMAINS),
  items: z.number().int(),
  answered: z.number().int(),
  /** Mean level of the items answered, or null when none is. */
  mean: z.number().nullable(),
  /** The mean as a share of the highest level (4), in per cent, or null. */
  share: z.number().nullable(),
});
export type DomainScore = z.infer<typeof DomainScore>;

export const CapacityAnswer = z.object({ item: CapacityItem, level: CapacityLevel.nullable(), note: z.string() });
export type CapacityAnswer = z.infer<typeof CapacityAnswer>;

export const CapacityGap = z.object({
  item: CapacityItem,
  domain: z.enum(CAPACITY_DOMAINS),
  level: z.number().int(),
  /** The courses planned for it. */
  courses: z.array(z.object({ id: Uuid, title: z.string() })),
});
export type CapacityGap = z.infer<typeof CapacityGap>;

export const AssessmentSummary = z.object({
  id: Uuid,
  year: z.number().int(),
  status: CapacityStatus,
  answered: z.number().int(),
  items: z.number().int(),
  scores: z.array(DomainScore),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;

/** The columns the self-assessments sort by: the year (newest first by default), how many items answered, when submitted (drafts last). */
export const ASSESSMENT_SORTS = ['year', 'answered', 'submitted'] as const;
export const AssessmentFilter = z.object({
  status: CapacityStatus.optional(),
  sort: SortParam(ASSESSMENT_SORTS, '-year'),
});
export type AssessmentFilter = z.infer<typeof AssessmentFilter>;
export const AssessmentQuery = PageQuery.extend(AssessmentFilter.shape);
export type AssessmentQuery = z.infer<typeof AssessmentQuery>;

export const Assessment = AssessmentSummary.extend({
  answers: z.array(CapacityAnswer),
  gaps: z.array(CapacityGap),
});
export type Assessment = z.infer<typeof Assessment>;

/** The umbrella's view: each branch's submitted self-assessment of a year, in scores only. */
export const BranchCapacity = z.object({
  orgId: Uuid,
  name: z.string(),
  /** False: the branch has not submitted one for the year (drafts do not cross). */
  submitted: z.boolean(),
  scores: z.array(DomainScore),
});
export type BranchCapacity = z.infer<typeof BranchCapacity>;
export const BranchCapacityList = z.object({ year: z.number().int(), items: z.array(BranchCapacity) });
export const BranchCapacityQuery = z.object({ year: z.coerce.number().pipe(CapacityYear) });

/**
 * The federation's average of a domain: the mean over the branches compared
 * of each one's mean level (each branch counts once), as a share of level 4.
 */
export const DomainAverage = z.object({
  domain: z.enum(CAPACITY_DOMAINS),
  /** How many branches answered the domain: the average is over them. */
  branches: z.number().int(),
  mean: z.number().nullable(),
  share: z.number().nullable(),
});
export type DomainAverage = z.infer<typeof DomainAverage>;

/** A sibling branch that shares its capacity: the scores of its submitted self-assessment of the year, per domain only. */
export const SiblingCapacity = z.object({ orgId: Uuid, name: z.string(), scores: z.array(DomainScore) });
export type SiblingCapacity = z.infer<typeof SiblingCapacity>;

/**
 * A branch's view of its peers for a year: its own scores, those of the other
 * branches of its umbrella that submitted and chose to share
 * (`shareCapacityWithSiblings` of their settings), and their average with its
 * own when its own is submitted. Not a branch: no siblings.
 */
export const SiblingCapacityView = z.object({
  year: z.number().int(),
  isBranch: z.boolean(),
  /** Whether this branch shows its own scores to its siblings (its settings). */
  sharing: z.boolean(),
  own: z.object({ id: Uuid, status: CapacityStatus, scores: z.array(DomainScore) }).nullable(),
  siblings: z.array(SiblingCapacity),
  /** Over the siblings shown and this branch when its own is submitted; none of them: every domain null. */
  average: z.array(DomainAverage),
  /** How many branches the average is over. */
  averageOf: z.number().int(),
});
export type SiblingCapacityView = z.infer<typeof SiblingCapacityView>;

/** The gap a course was planned for, shown on the course. */
export const CourseGap = z.object({ assessmentId: Uuid, year: z.number().int(), item: CapacityItem, level: z.number().int().nullable() });
export type CourseGap = z.infer<typeof CourseGap>;
