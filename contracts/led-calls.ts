import { z } from 'zod';
import { Email, IsoDate, Name, PageQuery, SafeInt, SortParam, Text, Uuid } from './common.js';
import { LedSector } from './led.js';

/**
 * Calls for LED measures (issue 17.5): a call for one or more LED regions with a
 * budget, a deadline and weighted criteria, and the applications partners send
 * to it (on the call's public link) or staff enter for them.
 */

export const CALL_STATUSES = ['draft', 'open', 'closed', 'selected'] as const;
export const CallStatus = z.enum(CALL_STATUSES);
export type CallStatus = z.infer<typeof CallStatus>;

/**
 * The criteria every call starts with: the five LED principles (local focus;
 * cooperation of private, public and semi-public actors; broad effects;
 * committed people, not positions; visible results within a year), then jobs
 * and income for women and youth, cost and co-funding, feasibility and
 * sustainability. Equal weights until staff change them.
 */
export const DEFAULT_CRITERIA = [
  'local_focus', 'cooperation', 'broad_effects', 'committed_people', 'visible_results',
  'women_youth', 'cost_cofunding', 'feasibility', 'sustainability',
] as const;
export const DEFAULT_CRITERION_WEIGHT = 10;

export const CallInput = z.object({
  title: Name,
  description: Text(10_000).default(''),
  /** Minor units of the organisation's currency. */
  budget: SafeInt.min(0),
  /** The last day an application may be submitted (the organisation's calendar). */
  deadlineOn: IsoDate,
  regionIds: z.array(Uuid).max(30).refine((ids) => ids.length > 0, { params: { code: 'led.call_needs_region' } }),
});
export type CallInput = z.infer<typeof CallInput>;

export const CriterionInput = z.object({
  /** A default key, or the key of a criterion added earlier; none for a new one. */
  key: z.string().trim().max(60).optional(),
  /** Empty for a default key: its translated name. */
  label: Text(200).trim().default(''),
  weight: z.number().int().min(0).max(100),
});
/** The criteria of a call, whole, in their order: those left out are removed. */
export const CriteriaInput = z.object({ criteria: z.array(CriterionInput).min(1).max(30) })
  .refine((c) => c.criteria.some((x) => x.weight > 0), { path: ['criteria'], params: { code: 'led.criteria_all_zero' } });
export type CriteriaInput = z.infer<typeof CriteriaInput>;

export const CallStatusInput = z.object({ status: z.enum(['open', 'closed']) });

export const Criterion = z.object({ id: Uuid, key: z.string(), label: z.string(), weight: z.number(), position: z.number() });
export type Criterion = z.infer<typeof Criterion>;

export const Call = z.object({
  id: Uuid,
  title: z.string(),
  description: z.string(),
  budget: z.number(),
  deadlineOn: z.string(),
  status: CallStatus,
  regions: z.array(z.object({ id: Uuid, name: z.string() })),
  applications: z.number(),
  submitted: z.number(),
  updatedAt: z.string(),
});
export type Call = z.infer<typeof Call>;

export const CallDetail = Call.extend({
  criteria: z.array(Criterion),
  currency: z.string(),
  /** The public page partners apply on (`/led-calls/<org>/<call>`), open while the call is. */
  publicPath: z.string(),
  /** Bottlenecks of the call's regions an application may address. */
  bottlenecks: z.array(z.object({ id: Uuid, regionId: Uuid, title: z.string() })),
});
export type CallDetail = z.infer<typeof CallDetail>;

/** The columns the list of calls sorts by. */
export const CALL_SORTS = ['deadline', 'title', 'updated'] as const;
export const CallFilter = z.object({
  /** Part of the title. */
  q: z.string().trim().max(200).optional(),
  status: CallStatus.optional(),
  sort: SortParam(CALL_SORTS, '-deadline'),
});
export const CallQuery = PageQuery.extend(CallFilter.shape);
export type CallQuery = z.infer<typeof CallQuery>;

// ─── Applications ────────────────────────────────────────────────────────────

export const APPLICATION_STATUSES = ['draft', 'submitted', 'withdrawn'] as const;
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const ApplicationPartner = z.object({
  name: Name,
  sector: LedSector,
  /** The member firm the partner is, where it is one (staff choose it; conflicts of interest are found from it). */
  memberId: Uuid.nullable().default(null),
});
export type ApplicationPartner = z.infer<typeof ApplicationPartner>;

const Amount = SafeInt.min(0);
export const ApplicationBudgetLine = z.object({
  label: Name,
  /** What the call is asked for, in minor units of the organisation's currency. */
  requested: Amount.default(0),
  cofundingCash: Amount.default(0),
  cofundingInKind: Amount.default(0),
});
export type ApplicationBudgetLine = z.infer<typeof ApplicationBudgetLine>;

/** An expected result: a total and its two breakdowns, by sex and by age band, each adding up to it. */
export const ResultBreakdown = z.object({
  total: z.number().int().min(0).max(10_000_000).default(0),
  female: z.number().int().min(0).max(10_000_000).default(0),
  male: z.number().int().min(0).max(10_000_000).default(0),
  youth: z.number().int().min(0).max(10_000_000).default(0),
  adult: z.number().int().min(0).max(10_000_000).default(0),
});
export type ResultBreakdown = z.infer<typeof ResultBreakdown>;
export const EXPECTED_RESULTS = ['trained', 'jobs', 'higherIncome'] as const;
export type ExpectedResultKey = (typeof EXPECTED_RESULTS)[number];
export const EMPTY_RESULT: ResultBreakdown = { total: 0, female: 0, male: 0, youth: 0, adult: 0 };
export const ExpectedResults = z.object({
  trained: ResultBreakdown.default(EMPTY_RESULT),
  jobs: ResultBreakdown.default(EMPTY_RESULT),
  higherIncome: ResultBreakdown.default(EMPTY_RESULT),
});
export type ExpectedResults = z.infer<typeof ExpectedResults>;

/** Where a result's breakdowns do not add up to its total: `[result, 'female' | 'youth']` for each. */
export function breakdownProblems(results: ExpectedResults): Array<{ result: ExpectedResultKey; breakdown: 'female' | 'youth' }> {
  return EXPECTED_RESULTS.flatMap((result) => {
    const r = results[result];
    return [
      ...(r.female + r.male !== r.total ? [{ result, breakdown: 'female' as const }] : []),
      ...(r.youth + r.adult !== r.total ? [{ result, breakdown: 'youth' as const }] : []),
    ];
  });
}

/** What an application asks for and what its partners bring, in minor units. */
export function budgetTotals(lines: readonly ApplicationBudgetLine[]) {
  const requested = lines.reduce((s, l) => s + l.requested, 0);
  const cofundingCash = lines.reduce((s, l) => s + l.cofundingCash, 0);
  const cofundingInKind = lines.reduce((s, l) => s + l.cofundingInKind, 0);
  return { requested, cofundingCash, cofundingInKind, cofunding: cofundingCash + cofundingInKind, total: requested + cofundingCash + cofundingInKind };
}

/**
 * An application as typed, draft or not: formats are checked at once and the
 * expected results' breakdowns must add up to their totals; what a submission
 * further needs (`submissionProblems`) may still be missing from a draft.
 */
export const ApplicationInput = z.object({
  regionId: Uuid,
  title: Text(200).trim().default(''),
  leadName: Text(200).trim().default(''),
  leadSector: LedSector.default('private'),
  leadEmail: Email,
  /** The member firm the lead partner is, where it is one. */
  leadMemberId: Uuid.nullable().default(null),
  partners: z.array(ApplicationPartner).max(30).default([]),
  bottleneckIds: z.array(Uuid).max(50).default([]),
  activities: Text(20_000).default(''),
  budgetLines: z.array(ApplicationBudgetLine).max(50).default([]),
  expectedResults: ExpectedResults.default({ trained: EMPTY_RESULT, jobs: EMPTY_RESULT, higherIncome: EMPTY_RESULT }),
  /** Submit it now (before the deadline); otherwise it is saved as it is (a submitted one stays submitted). */
  submit: z.boolean().default(false),
}).superRefine((a, ctx) => {
  for (const p of breakdownProblems(a.expectedResults)) {
    ctx.addIssue({ code: 'custom', path: ['expectedResults', p.result, p.breakdown], params: { code: p.breakdown === 'female' ? 'led.sex_breakdown_sum' : 'led.age_breakdown_sum' } });
  }
});
export type ApplicationInput = z.infer<typeof ApplicationInput>;

/**
 * What a submission needs beyond a draft: a title, the lead partner's name,
 * at least one bottleneck, the activities, and budget lines asking for money
 * but no more than the call's whole budget. Each is a field and its code.
 */
export function submissionProblems(a: Pick<ApplicationInput, 'title' | 'leadName' | 'bottleneckIds' | 'activities' | 'budgetLines'>, callBudget: number): Array<{ path: string; code: string }> {
  const problems: Array<{ path: string; code: string }> = [];
  if (!a.title.trim()) problems.push({ path: 'title', code: 'led.application_field_required' });
  if (!a.leadName.trim()) problems.push({ path: 'leadName', code: 'led.application_field_required' });
  if (!a.bottleneckIds.length) problems.push({ path: 'bottleneckIds', code: 'led.application_needs_bottleneck' });
  if (!a.activities.trim()) problems.push({ path: 'activities', code: 'led.application_field_required' });
  const { requested } = budgetTotals(a.budgetLines);
  if (!a.budgetLines.length || requested === 0) problems.push({ path: 'budgetLines', code: 'led.application_needs_budget' });
  else if (requested > callBudget) problems.push({ path: 'budgetLines', code: 'led.requested_over_budget' });
  return problems;
}

/** Whether a call still takes submissions on a day of the organisation's calendar: open, and the deadline not passed. */
export function callTakesApplications(call: { status: string; deadlineOn: string }, today: string) {
  return call.status === 'open' && today <= call.deadlineOn;
}

/** The columns a call's applications sort by: lead partner, amount requested, last change. */
export const APPLICATION_SORTS = ['lead', 'requested', 'updated'] as const;
export const ApplicationQuery = PageQuery.extend({
  /** Part of the title or the lead partner's name. */
  q: z.string().trim().max(200).optional(),
  status: ApplicationStatus.optional(),
  sort: SortParam(APPLICATION_SORTS, 'lead'),
});
export type ApplicationQuery = z.infer<typeof ApplicationQuery>;

export const Application = z.object({
  id: Uuid,
  callId: Uuid,
  regionId: Uuid,
  regionName: z.string(),
  title: z.string(),
  leadName: z.string(),
  leadSector: LedSector,
  leadEmail: z.string(),
  leadMemberId: Uuid.nullable(),
  partners: z.array(ApplicationPartner),
  memberIds: z.array(Uuid),
  bottleneckIds: z.array(Uuid),
  activities: z.string(),
  budgetLines: z.array(ApplicationBudgetLine),
  requestedTotal: z.number(),
  cofundingTotal: z.number(),
  expectedResults: ExpectedResults,
  status: ApplicationStatus,
  submittedAt: z.string().nullable(),
  enteredBy: z.enum(['partner', 'staff']),
  updatedAt: z.string(),
});
export type Application = z.infer<typeof Application>;
