import { z } from 'zod';
import { Int, IsoDate, IsoDateTime, Name, PageQuery, SortParam, Text, Uuid } from './common.js';
import { EventSummary } from './events.js';
import { AGE_BANDS_AND_UNKNOWN, PersonSex } from './people.js';
import { Answers, SubmissionKey } from './surveys.js';

/**
 * Training (server/modules/training): courses with a curriculum, whose
 * sessions are events of the events module (kind `training_session`), the
 * people they train counted once across courses, trainers certified after a
 * training of trainers (ToT) and the lineage master trainer → trainers →
 * participants.
 */
export const COURSE_KINDS = ['workshop', 'course', 'tot', 'coaching'] as const;
export const CourseKind = z.enum(COURSE_KINDS);
export type CourseKind = z.infer<typeof CourseKind>;

const Url = z.string().trim().max(500).pipe(z.url({ protocol: /^https?$/ }));

export const CourseInput = z.object({
  title: Name,
  kind: CourseKind,
  description: Text(5000).default(''),
  /** Who the course is for, in words (BMO staff, women-led firms' owners…). */
  audience: Text(500).default(''),
  /** Hours of teaching; halves allowed. */
  hours: z.number().min(0).max(10_000).multipleOf(0.5).default(0),
  /** Share of the sessions (per cent) a participant attends to complete the course. */
  completionShare: Int.min(1).max(100).default(80),
});
export type CourseInput = z.infer<typeof CourseInput>;

export const Material = z.object({ title: Name, url: z.union([z.literal(''), Url]).default('') });
export type Material = z.infer<typeof Material>;

export const ModuleInput = z.object({
  title: Name,
  /** One learning objective a line. */
  objectives: Text(3000).default(''),
  materials: z.array(Material).max(20).default([]),
  /** Hours of this module. */
  hours: z.number().min(0).max(10_000).multipleOf(0.5).default(0),
});
export type ModuleInput = z.infer<typeof ModuleInput>;

export const CourseModule = z.object({
  id: Uuid,
  position: z.number().int(),
  title: z.string(),
  objectives: z.string(),
  materials: z.array(z.object({ title: z.string(), url: z.string() })),
  hours: z.number(),
});
export type CourseModule = z.infer<typeof CourseModule>;

/** A session: an event of kind `training_session`, created through the events module. */
export const SessionInput = z
  .object({
    title: Name,
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    venue: Text(300).default(''),
    onlineUrl: z.union([z.literal(''), Url]).default(''),
    capacity: Int.min(1).max(100_000).nullable().default(null),
    audience: z.enum(['members', 'public']).default('members'),
  })
  .refine((e) => Number.isNaN(Date.parse(e.startsAt)) || Number.isNaN(Date.parse(e.endsAt)) || Date.parse(e.endsAt) > Date.parse(e.startsAt), {
    path: ['endsAt'], params: { code: 'events.ends_before_start' },
  });
export type SessionInput = z.infer<typeof SessionInput>;

export const TrainerInput = z.object({ personId: Uuid });

export const CertificationInput = z.object({
  personId: Uuid,
  /** The day the teach-back was judged good enough. */
  certifiedOn: IsoDate,
  /** What the teach-back was and how it went. */
  teachBack: Text(2000).refine((s) => s.trim().length > 0, { params: { code: 'training.teach_back_required' } }),
});
export type CertificationInput = z.infer<typeof CertificationInput>;

export const CourseSummary = z.object({
  id: Uuid,
  title: z.string(),
  kind: CourseKind,
  description: z.string(),
  audience: z.string(),
  hours: z.number(),
  completionShare: z.number().int(),
  sessions: z.number().int(),
  /** The start of the next session not yet begun, or null. */
  nextSessionAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CourseSummary = z.infer<typeof CourseSummary>;

/** The columns the list of courses sorts by: newest first by default. */
export const COURSE_SORTS = ['created', 'title'] as const;
export const CourseFilter = z.object({
  kind: CourseKind.optional(),
  sort: SortParam(COURSE_SORTS, '-created'),
});
export type CourseFilter = z.infer<typeof CourseFilter>;
export const CourseQuery = PageQuery.extend(CourseFilter.shape);
export type CourseQuery = z.infer<typeof CourseQuery>;

export const CourseTrainer = z.object({
  personId: Uuid,
  name: z.string(),
  /** Certified through a ToT of the organisation. */
  certified: z.boolean(),
});
export type CourseTrainer = z.infer<typeof CourseTrainer>;

/** Someone who attended at least one session, with their attendance against the completion rule. */
export const CourseParticipant = z.object({
  personId: Uuid,
  name: z.string(),
  sex: PersonSex,
  ageBand: z.enum(AGE_BANDS_AND_UNKNOWN),
  firm: z.string().nullable(),
  attended: z.number().int(),
  sessions: z.number().int(),
  /** Per cent of the sessions attended, rounded down. */
  share: z.number().int(),
  completed: z.boolean(),
  /** The post-test's score (its calculated field `score`), or null when not taken. */
  postScore: z.number().nullable(),
  /** A ToT's completer certified as a trainer through this course. */
  certification: z.object({ id: Uuid, certifiedOn: z.string(), teachBack: z.string(), certifiedBy: z.string() }).nullable(),
});
export type CourseParticipant = z.infer<typeof CourseParticipant>;

/**
 * The columns a course's participants sort by: the name, the share of sessions
 * attended, the post-test's score (not taken: last). Attendance is computed
 * in SQL from the sessions' check-ins (`participant-list-service.ts`), which
 * filters, sorts and pages there; ties by the person's id.
 */
export const COURSE_PARTICIPANT_SORTS = ['name', 'attended', 'score'] as const;
export const COURSE_COMPLETIONS = ['completed', 'not_completed'] as const;
export const CourseParticipantFilter = z.object({
  /** Part of the name or the firm's name. */
  q: z.string().trim().max(200).optional(),
  completion: z.enum(COURSE_COMPLETIONS).optional(),
  sort: SortParam(COURSE_PARTICIPANT_SORTS, 'name'),
});
export type CourseParticipantFilter = z.infer<typeof CourseParticipantFilter>;
export const CourseParticipantQuery = PageQuery.extend(CourseParticipantFilter.shape);
export type CourseParticipantQuery = z.infer<typeof CourseParticipantQuery>;

export const CourseDetail = CourseSummary.extend({
  modules: z.array(CourseModule),
  sessionList: z.array(EventSummary),
  trainers: z.array(CourseTrainer),
  participants: z.array(CourseParticipant),
});
export type CourseDetail = z.infer<typeof CourseDetail>;

/** A trainer in the lineage: who certified them (the trainers of their ToT) and whom they reached. */
export const LineageTrainer = z.object({
  personId: Uuid,
  name: z.string(),
  /** 0: a master trainer (not certified here); 1: certified by a master; … */
  generation: z.number().int(),
  trainedBy: z.array(Uuid),
  certifiedThrough: z.array(z.object({ courseId: Uuid, title: z.string(), certifiedOn: z.string() })),
  courses: z.number().int(),
  /** Unique people who attended the courses this trainer ran. */
  reach: z.number().int(),
});
export type LineageTrainer = z.infer<typeof LineageTrainer>;

export const Lineage = z.object({
  trainers: z.array(LineageTrainer),
  /** Unique people reached by the trainers of each generation. */
  generations: z.array(z.object({ generation: z.number().int(), trainers: z.number().int(), reach: z.number().int() })),
  /** Unique people reached by all trainers together. */
  reach: z.number().int(),
});
export type Lineage = z.infer<typeof Lineage>;

/**
 * Evaluations (issue 19.3): a course names up to three published forms of the
 * surveys module — a pre-test, a post-test and a satisfaction form. A test is
 * scored by its calculated field named `score`; knowledge gain is post − pre.
 */
export const EVALUATION_KINDS = ['pre', 'post', 'satisfaction'] as const;
export const EvaluationKind = z.enum(EVALUATION_KINDS);
export type EvaluationKind = z.infer<typeof EvaluationKind>;

export const EvaluationSettingsInput = z.object({
  preFormId: Uuid.nullable().default(null),
  postFormId: Uuid.nullable().default(null),
  satisfactionFormId: Uuid.nullable().default(null),
  /** The least post-test score a participant needs to complete the course, beside attendance; null: no score rule. */
  minPostScore: z.number().min(0).max(1_000_000).nullable().default(null),
});
export type EvaluationSettingsInput = z.infer<typeof EvaluationSettingsInput>;

export const EvaluationParams = z.object({ id: Uuid, kind: EvaluationKind, personId: Uuid });

/** A submission of a participant's answers, entered by staff on the respondent page. */
export const EvaluationAnswersInput = z.object({
  answers: Answers,
  submissionKey: SubmissionKey,
});

/** How long a participant's own link works: long enough for a course of some weeks and its post-test. */
export const EVALUATION_LINK_DAYS = 30;

/** The state of a participant's own link to one of a course's forms. */
export const EVALUATION_LINK_STATES = ['not_sent', 'sent', 'expired', 'answered'] as const;
export const EvaluationLinkState = z.enum(EVALUATION_LINK_STATES);
export type EvaluationLinkState = z.infer<typeof EvaluationLinkState>;

/** Links mailed to a course's participants for one form, and the people left without (no address). */
export const EvaluationLinksSent = z.object({ mailed: z.number().int(), withoutEmail: z.number().int() });
export type EvaluationLinksSent = z.infer<typeof EvaluationLinksSent>;

/** A participant's link handed over on the spot (QR code or copied): shown once, only its hash is kept. */
export const EvaluationLinkHandOver = z.object({ url: z.string(), expiresAt: z.string() });
export type EvaluationLinkHandOver = z.infer<typeof EvaluationLinkHandOver>;

/** Mean gain (post − pre) over the people with both tests; null means when nobody has both. */
export const KnowledgeGain = z.object({
  withBoth: z.number().int(),
  meanPre: z.number().nullable(),
  meanPost: z.number().nullable(),
  meanGain: z.number().nullable(),
});
export type KnowledgeGain = z.infer<typeof KnowledgeGain>;

/** A form a course uses, with the version its answers are taken on (the newest published when chosen). */
const EvaluationForm = z.object({ formId: Uuid, title: z.string(), version: z.number().int() }).nullable();

export const CourseEvaluation = z.object({
  forms: z.object({ pre: EvaluationForm, post: EvaluationForm, satisfaction: EvaluationForm }),
  minPostScore: z.number().nullable(),
  gain: KnowledgeGain,
  /** Everyone with an answer or who attended, by name: scores of each test, gain, satisfaction answered. */
  people: z.array(z.object({
    personId: Uuid,
    name: z.string(),
    pre: z.number().nullable(),
    post: z.number().nullable(),
    /** Whether each test was answered: a form whose `score` came out empty leaves an answer without a score. */
    preAnswered: z.boolean(),
    postAnswered: z.boolean(),
    gain: z.number().nullable(),
    satisfaction: z.boolean(),
    completed: z.boolean(),
    /** Whether the person has an address their own links can be mailed to. */
    hasEmail: z.boolean(),
    /** Their own link to each form (answered on their phone): not sent, sent, expired, answered (by the link or entered by staff). */
    links: z.object({ pre: EvaluationLinkState, post: EvaluationLinkState, satisfaction: EvaluationLinkState }),
  })),
  /** The satisfaction form's rating (scale) questions: mean answer of each and over all of them. */
  satisfaction: z.object({
    responses: z.number().int(),
    mean: z.number().nullable(),
    questions: z.array(z.object({ name: z.string(), label: z.string(), min: z.number(), max: z.number(), answered: z.number().int(), mean: z.number().nullable() })),
  }),
  /** The course's trainers, each with the gain over every course they ran. */
  trainers: z.array(KnowledgeGain.extend({ personId: Uuid, name: z.string(), courses: z.number().int() })),
});
export type CourseEvaluation = z.infer<typeof CourseEvaluation>;
