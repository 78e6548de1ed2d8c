import { z } from 'zod';
import { CROSS_TAB_DIMENSIONS } from './surveys/cross-tab.js';
import { IsoDate, PageQuery, SortParam, Uuid } from './common.js';
import { SizeClass } from './members.js';
import { FormDefinition } from './surveys/form-definition.js';

export { FormDefinition } from './surveys/form-definition.js';

export const FORM_PURPOSES = ['survey', 'interview', 'evaluation'] as const;

export const FormInput = z.object({
  definition: FormDefinition,
  purpose: z.enum(FORM_PURPOSES).default('survey'),
});
export type FormInput = z.infer<typeof FormInput>;

export const DefinitionProblem = z.object({ name: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export const XlsformProblem = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type XlsformProblem = z.infer<typeof XlsformProblem>;

export const FormSummary = z.object({
  id: Uuid,
  title: z.string(),
  purpose: z.enum(FORM_PURPOSES),
  /** The newest published version; 0 when never published. */
  publishedVersion: z.number().int(),
  /** The working copy differs from the newest published version. */
  hasChanges: z.boolean(),
  updatedAt: z.string(),
});
export type FormSummary = z.infer<typeof FormSummary>;

/** Published: a version has been published (the working copy may have changed since); never: never published. */
export const FORM_STATUSES = ['published', 'never'] as const;
/** The columns the list of forms sorts by: the title, the purpose, the last change (newest first by default). */
export const FORM_SORTS = ['title', 'purpose', 'updated'] as const;
export const FormFilter = z.object({
  /** Part of the form's title. */
  q: z.string().trim().max(200).optional(),
  purpose: z.enum(FORM_PURPOSES).optional(),
  status: z.enum(FORM_STATUSES).optional(),
  sort: SortParam(FORM_SORTS, '-updated'),
});
export type FormFilter = z.infer<typeof FormFilter>;
export const FormQuery = PageQuery.extend(FormFilter.shape);
export type FormQuery = z.infer<typeof FormQuery>;

export const Form = FormSummary.extend({
  definition: FormDefinition,
  problems: z.array(DefinitionProblem),
  versions: z.array(z.object({ version: z.number().int(), publishedAt: z.string(), responses: z.number().int() })),
});
export type Form = z.infer<typeof Form>;

/** A refused file is a problem+json naming each cell; an accepted one says what was left out. */
export const XlsformImportResult = z.object({
  form: FormSummary,
  notices: z.array(XlsformProblem),
});

/** Who a consultation goes to: a segment of the member registry. Empty = every active member. */
export const Audience = z.object({
  sector: z.string().trim().max(4).optional(),
  region: z.string().trim().toUpperCase().max(10).optional(),
  size: z.array(SizeClass).optional(),
  womenLed: z.boolean().optional(),
  youthLed: z.boolean().optional(),
  informal: z.boolean().optional(),
});
export type Audience = z.infer<typeof Audience>;

export const CONSULTATION_STATUSES = ['draft', 'open', 'closed'] as const;
export const RESPONDENT_IDENTITIES = ['firm', 'anonymous'] as const;
export const RESPONSE_CHANNELS = ['web', 'phone', 'field'] as const;

export const ConsultationInput = z.object({
  title: z.string().trim().min(1).max(200),
  formId: Uuid,
  /** "firm": one response per member firm, by personal links; "anonymous": one public link, no firm recorded. */
  identity: z.enum(RESPONDENT_IDENTITIES),
  audience: Audience.default({}),
  closesOn: IsoDate.nullable().default(null),
});
export type ConsultationInput = z.infer<typeof ConsultationInput>;

/** An advocacy issue that cites a consultation's answers as evidence, with the questions it cites. */
export const CitingIssue = z.object({ id: Uuid, title: z.string(), questions: z.array(z.string()) });
export type CitingIssue = z.infer<typeof CitingIssue>;

export const Consultation = z.object({
  id: Uuid,
  title: z.string(),
  formId: Uuid,
  formTitle: z.string(),
  formVersion: z.number().int().nullable(),
  identity: z.enum(RESPONDENT_IDENTITIES),
  audience: Audience,
  status: z.enum(CONSULTATION_STATUSES),
  closesOn: z.string().nullable(),
  publicUrl: z.string().nullable(),
  invited: z.number().int(),
  submitted: z.number().int(),
  drafts: z.number().int(),
  createdAt: z.string(),
});
export type Consultation = z.infer<typeof Consultation>;
/** The columns the list of consultations sorts by: newest first by default. */
export const CONSULTATION_SORTS = ['created', 'title', 'closes'] as const;
export const ConsultationFilter = z.object({ status: z.enum(CONSULTATION_STATUSES).optional(), sort: SortParam(CONSULTATION_SORTS, '-created') });
export type ConsultationFilter = z.infer<typeof ConsultationFilter>;
export const ConsultationQuery = PageQuery.extend(ConsultationFilter.shape);
export type ConsultationQuery = z.infer<typeof ConsultationQuery>;

export const Answers = z.record(z.string().max(64), z.unknown());

/** What the respondent page needs: the form, the answers so far, and where it stands. */
export const RespondentView = z.object({
  /** `locale`: the organisation's, for dates and numbers (its region's style, never US-style unless it is in the US). */
  consultation: z.object({ title: z.string(), orgName: z.string(), closesOn: z.string().nullable(), identity: z.enum(RESPONDENT_IDENTITIES), locale: z.string() }),
  firmName: z.string().nullable(),
  form: FormDefinition,
  answers: Answers,
  status: z.enum(['new', 'draft', 'submitted']),
  /** For a public link: the key that resumes this respondent's answers. */
  resumeKey: z.string().nullable(),
});
export type RespondentView = z.infer<typeof RespondentView>;

/**
 * Made by the browser once per submission and sent with each attempt: a
 * submission repeated after a lost connection is answered "submitted"
 * without a second response.
 */
export const SubmissionKey = z.string().regex(/^[\w-]{16,100}$/).nullable().default(null);
export const SaveAnswersInput = z.object({ answers: Answers, submit: z.boolean().default(false), resumeKey: z.string().max(100).nullable().default(null), submissionKey: SubmissionKey });
export const StaffAnswersInput = z.object({ memberId: Uuid, answers: Answers, submit: z.boolean().default(false), channel: z.enum(RESPONSE_CHANNELS), submissionKey: SubmissionKey });

export { CROSS_TAB_DIMENSIONS };
export const AnalysisQuery = z.object({
  by: z.enum(CROSS_TAB_DIMENSIONS).optional(),
  // Filters on the firm as it was when it answered.
  sector: z.string().trim().max(1).optional(),
  region: z.string().trim().max(10).optional(),
  size: SizeClass.optional(),
});
export type AnalysisQuery = z.infer<typeof AnalysisQuery>;

export const QuestionResult = z.object({
  name: z.string(),
  type: z.string(),
  answered: z.number().int(),
  /** Choice questions: count per value (and per dimension value when crossed). */
  counts: z.array(z.object({ value: z.string(), count: z.number().int(), by: z.string().nullable() })),
  /** Number questions. */
  stats: z.object({ mean: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable(), median: z.number().nullable() }).nullable(),
});
export const Analysis = z.object({
  invited: z.number().int(),
  submitted: z.number().int(),
  responseRate: z.number().nullable(),
  dimension: z.enum(CROSS_TAB_DIMENSIONS).nullable(),
  questions: z.array(QuestionResult),
});
export type Analysis = z.infer<typeof Analysis>;

export const TextAnswersQuery = PageQuery.extend({ question: z.string().max(64), tag: z.string().max(50).optional() });
export const TextAnswer = z.object({ responseId: Uuid, text: z.string(), tags: z.array(z.string()), firmName: z.string().nullable(), submittedAt: z.string() });
export const TagAnswerInput = z.object({ question: z.string().max(64), tags: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(20) });

/**
 * A follow-up form's state (server/modules/surveys/follow-up-form-service.ts):
 * planned (not yet due), due (not mailed yet: its day has come, or the recipient
 * has no address), sent (the link works), expired (not answered in time), answered.
 */
export const FOLLOW_UP_FORM_STATES = ['planned', 'due', 'sent', 'expired', 'answered'] as const;
export type FollowUpFormState = (typeof FOLLOW_UP_FORM_STATES)[number];
