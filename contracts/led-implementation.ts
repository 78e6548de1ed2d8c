import { z } from 'zod';
import { IsoDate, Name, SafeInt, Text, Uuid } from './common.js';
import { Measure } from './led.js';
import { FollowUp } from './led-follow-ups.js';
import { AGE_BANDS_AND_UNKNOWN, PersonInput, PersonSex, UniqueCount } from './people.js';

/**
 * A measure as carried out (issue 17.7): milestones, budget lines by funding
 * source, progress reports with their photos, the people it reached and its
 * closing; its follow-ups (17.8) are `led-follow-ups.ts`.
 */

/** Where a budget line's money comes from. */
export const FUNDING_SOURCES = ['led_fund', 'partner_cash', 'partner_in_kind', 'donor', 'other'] as const;
export const FundingSource = z.enum(FUNDING_SOURCES);
export type FundingSource = z.infer<typeof FundingSource>;

export const MilestoneInput = z.object({
  title: Name,
  dueOn: IsoDate,
  doneOn: IsoDate.nullable().default(null),
  note: Text(2000).default(''),
});
export type MilestoneInput = z.infer<typeof MilestoneInput>;
export const Milestone = z.object({ id: Uuid, title: z.string(), dueOn: z.string(), doneOn: z.string().nullable(), note: z.string() });
export type Milestone = z.infer<typeof Milestone>;

/** Amounts in minor units of the organisation's currency. */
export const BudgetLineInput = z.object({
  label: Name,
  source: FundingSource,
  planned: SafeInt.min(0),
  actual: SafeInt.min(0).default(0),
});
export type BudgetLineInput = z.infer<typeof BudgetLineInput>;
export const BudgetLine = z.object({ id: Uuid, label: z.string(), source: FundingSource, planned: z.number(), actual: z.number() });
export type BudgetLine = z.infer<typeof BudgetLine>;

export const ProgressReportInput = z.object({ reportedOn: IsoDate, text: Text(10_000).trim().min(1) });
export type ProgressReportInput = z.infer<typeof ProgressReportInput>;
/** Photos a progress report may carry (issue 17.7): enough to show the work, few enough for a phone's data plan. */
export const MAX_PHOTOS_PER_REPORT = 6;
/** A stored photo: the phone-sized copy's and the thumbnail's sizes, for the page to reserve their room. */
export const ProgressPhoto = z.object({ id: Uuid, caption: z.string(), width: z.number(), height: z.number(), thumbWidth: z.number(), thumbHeight: z.number() });
export type ProgressPhoto = z.infer<typeof ProgressPhoto>;
export const ProgressReport = z.object({ id: Uuid, reportedOn: z.string(), text: z.string(), photos: z.array(ProgressPhoto) });
export type ProgressReport = z.infer<typeof ProgressReport>;

/** What a person recorded on a measure is: a participant (trained), in a new job, or with a higher income. */
export const MEASURE_ROLES = ['participant', 'new_job', 'higher_income'] as const;
export const MeasureRole = z.enum(MEASURE_ROLES);
export type MeasureRole = z.infer<typeof MeasureRole>;

/**
 * A person recorded on a measure: someone already among the people reached
 * (`personId`), or typed in (`person`: the people module finds them again by
 * phone or e-mail). A new job is recorded with the firm it is in (`memberId`
 * of the person). The day defaults to the organisation's today.
 */
export const MeasurePersonInput = z.object({
  role: MeasureRole,
  personId: Uuid.nullable().default(null),
  person: PersonInput.nullable().default(null),
  on: IsoDate.optional(),
}).refine((p) => !!p.personId !== !!p.person, { path: ['personId'], params: { code: 'led.person_required' } });
export type MeasurePersonInput = z.infer<typeof MeasurePersonInput>;
export const MeasurePersonQuery = z.object({ role: MeasureRole });

export const MeasurePerson = z.object({
  personId: Uuid,
  name: z.string(),
  role: MeasureRole,
  on: z.string(),
  sex: PersonSex,
  /** The band on the day recorded. */
  ageBand: z.enum(AGE_BANDS_AND_UNKNOWN),
  firm: z.object({ id: Uuid, name: z.string() }).nullable(),
});
export type MeasurePerson = z.infer<typeof MeasurePerson>;

export const ClosingInput = z.object({ evaluation: Text(20_000).default(''), closedOn: IsoDate.nullable().default(null) });
export type ClosingInput = z.infer<typeof ClosingInput>;

/** A measure as carried out: milestones, budget lines, reports, the people it reached counted from their records, the closing and the follow-ups. */
export const MeasureDetail = Measure.extend({
  regionId: Uuid,
  regionName: z.string(),
  currency: z.string(),
  milestones: z.array(Milestone),
  budgetLines: z.array(BudgetLine),
  budgetBySource: z.array(z.object({ source: FundingSource, planned: z.number(), actual: z.number() })),
  reports: z.array(ProgressReport),
  people: z.array(MeasurePerson),
  /** Each role's people once each, by sex and age band (people module's count): each breakdown adds up to its total. */
  results: z.object({ participant: UniqueCount, new_job: UniqueCount, higher_income: UniqueCount }),
  newJobsByFirm: z.array(z.object({ memberId: Uuid.nullable(), name: z.string().nullable(), people: z.number() })),
  closingEvaluation: z.string(),
  closedOn: z.string().nullable(),
  followUps: z.array(FollowUp),
});
export type MeasureDetail = z.infer<typeof MeasureDetail>;
