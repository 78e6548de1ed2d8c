import { z } from 'zod';
import { IsoDate, Name, PageQuery, SafeInt, SortParam, Text, Uuid } from './common.js';

/**
 * How an indicator's records add up. A count counts records; a unique count
 * counts firms or people once however many records they have; a sum adds a
 * value; a pooled percentage is Σ numerator / Σ denominator (never a mean of
 * percentages); qualitative holds text and no figure.
 */
export const INDICATOR_KINDS = ['count', 'unique_firms', 'unique_people', 'sum', 'pooled_percentage', 'qualitative'] as const;
export const IndicatorKind = z.enum(INDICATOR_KINDS);
export type IndicatorKind = z.infer<typeof IndicatorKind>;

/** The breakdowns a donor asks for; a record that does not state one is counted as `not_stated`. */
export const DIMENSIONS = ['sex', 'age_band', 'size_class', 'region', 'sector', 'formality', 'women_led'] as const;
export const Dimension = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof Dimension>;
export const NOT_STATED = 'not_stated';

/** The levels of a results chain, from what the organisation does to what changes. */
export const RESULT_LEVELS = ['activity', 'output', 'outcome', 'impact'] as const;
export const ResultLevel = z.enum(RESULT_LEVELS);

export const REPORT_STATES = ['draft', 'submitted', 'approved'] as const;

const invalidRef = { params: { code: 'results.iati_ref_invalid' } };
/** An IATI organisation identifier: registration agency prefix and number, e.g. `GH-RGD-CS123456789`; empty for none. */
const IatiRef = z
  .string()
  .trim()
  .max(120)
  .refine((v) => v === '' || /^[A-Za-z]{2}-[A-Za-z0-9]+-[A-Za-z0-9._-]+$/.test(v), invalidRef)
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .default(null);
const IatiActivityId = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === '' || /^[A-Za-z0-9._-]+$/.test(v), invalidRef)
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .default(null);

export const FrameworkInput = z
  .object({
    name: Name,
    donor: Text(200).trim().default(''),
    description: Text(4000).default(''),
    iatiOrgRef: IatiRef,
    /** The activity's identifier starts with the reporting organisation's, as IATI requires. */
    iatiActivityId: IatiActivityId,
    iatiOrgType: z.string().refine((v) => /^\d{2}$/.test(v), invalidRef).nullable().default(null),
  })
  .refine((f) => !f.iatiActivityId || !f.iatiOrgRef || f.iatiActivityId.startsWith(`${f.iatiOrgRef}-`), { path: ['iatiActivityId'], params: { code: 'results.iati_activity_prefix' } });
export type FrameworkInput = z.infer<typeof FrameworkInput>;

/** A framework as the results page lists it: its counts, and when it was last published to IATI. */
export const FrameworkSummary = z.object({
  id: Uuid,
  name: z.string(),
  donor: z.string(),
  indicators: z.number().int(),
  periods: z.number().int(),
  iatiActivityId: z.string().nullable(),
  iatiPublishedAt: z.string().nullable(),
});
export type FrameworkSummary = z.infer<typeof FrameworkSummary>;

/** The columns the frameworks sort by: the name, the donor, how many indicators, how many periods. */
export const FRAMEWORK_SORTS = ['name', 'donor', 'indicators', 'periods'] as const;
/** Whether a framework's IATI file has been published. */
export const FRAMEWORK_IATI = ['published', 'unpublished'] as const;
export const FrameworkFilter = z.object({
  /** Part of the name or the donor. */
  q: z.string().trim().max(200).optional(),
  iati: z.enum(FRAMEWORK_IATI).optional(),
  sort: SortParam(FRAMEWORK_SORTS, 'name'),
});
export type FrameworkFilter = z.infer<typeof FrameworkFilter>;
export const FrameworkQuery = PageQuery.extend(FrameworkFilter.shape);
export type FrameworkQuery = z.infer<typeof FrameworkQuery>;

/** An indicator is either one the product computes (`library`) or one entered by hand with evidence. */
export const IndicatorInput = z
  .object({
    library: z.string().max(80).nullable().default(null),
    name: Name,
    level: ResultLevel,
    kind: IndicatorKind,
    unit: Text(60).trim().default(''),
    dimensions: z.array(Dimension).max(DIMENSIONS.length).default([]),
    baseline: SafeInt.nullable().default(null),
    baselineYear: z.number().int().min(1900).max(2999).nullable().default(null),
  })
  .refine((i) => new Set(i.dimensions).size === i.dimensions.length, { path: ['dimensions'], params: { code: 'results.dimension_twice' } });
export type IndicatorInput = z.infer<typeof IndicatorInput>;

/** An indicator as a framework lists it: `position` is its number in the framework, kept when others are removed. */
export const Indicator = z.object({
  id: Uuid,
  position: z.number().int(),
  library: z.string().nullable(),
  name: z.string(),
  level: ResultLevel,
  kind: IndicatorKind,
  unit: z.string(),
  dimensions: z.array(Dimension),
  baseline: z.number().nullable(),
  baselineYear: z.number().int().nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

/** The columns a framework's indicators sort by: their number (as added), the name, the level along the chain (activity → impact). */
export const INDICATOR_SORTS = ['position', 'name', 'level'] as const;
/** Where an indicator's figures come from: counted from the records (the library) or entered by hand. */
export const INDICATOR_SOURCES = ['library', 'manual'] as const;
export const IndicatorFilter = z.object({
  /** Part of the indicator's name. */
  q: z.string().trim().max(200).optional(),
  level: ResultLevel.optional(),
  source: z.enum(INDICATOR_SOURCES).optional(),
  sort: SortParam(INDICATOR_SORTS, 'position'),
});
export type IndicatorFilter = z.infer<typeof IndicatorFilter>;
export const IndicatorQuery = PageQuery.extend(IndicatorFilter.shape);
export type IndicatorQuery = z.infer<typeof IndicatorQuery>;

export const ReportState = z.enum(REPORT_STATES);
/** A reporting period as its framework lists it. */
export const PeriodSummary = z.object({
  id: Uuid,
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  state: ReportState,
  approvedAt: z.string().nullable(),
});
export type PeriodSummary = z.infer<typeof PeriodSummary>;

/** The columns a framework's periods sort by: the first day (earliest first by default) or the label. */
export const PERIOD_SORTS = ['starts', 'label'] as const;
export const PeriodFilter = z.object({
  state: ReportState.optional(),
  sort: SortParam(PERIOD_SORTS, 'starts'),
});
export type PeriodFilter = z.infer<typeof PeriodFilter>;
export const PeriodQuery = PageQuery.extend(PeriodFilter.shape);
export type PeriodQuery = z.infer<typeof PeriodQuery>;

export const PeriodInput = z
  .object({ label: Name, startsOn: IsoDate, endsOn: IsoDate })
  .refine((p) => p.endsOn >= p.startsOn, { path: ['endsOn'], params: { code: 'results.period_ends_before_start' } });
export type PeriodInput = z.infer<typeof PeriodInput>;

export const TargetInput = z.object({ value: SafeInt.min(0) });

/** A value entered by hand where no record exists, for one cell of the breakdown, with its evidence. */
export const ManualValueInput = z.object({
  cell: z.partialRecord(Dimension, z.string().min(1).max(60)).default({}),
  value: SafeInt.min(0).nullable().default(null),
  numerator: SafeInt.min(0).nullable().default(null),
  denominator: SafeInt.min(1).nullable().default(null),
  text: Text(4000).default(''),
  evidence: Text(4000).trim().min(1),
});
export type ManualValueInput = z.infer<typeof ManualValueInput>;

/** A figure: a number, or for a pooled percentage its parts and the share they give. */
export type Figure = { n: number } | { num: number; den: number; pct: number | null } | { text: string[] };

export interface IndicatorResult {
  indicatorId: string;
  name: string;
  kind: IndicatorKind;
  level: z.infer<typeof ResultLevel>;
  unit: string;
  total: Figure;
  /**
   * Per dimension, each category's figure. `overlap` is how many more the
   * categories add up to than the total: a person trained in two regions is
   * in both regions and once in the total. It is 0 for everything else, since
   * a firm or person counts in one category of its own attributes (the one of
   * its first record counted).
   */
  breakdowns: Partial<Record<Dimension, { categories: Array<{ category: string; figure: Figure }>; overlap: number }>>;
  records: number;
  target: number | null;
  baseline: number | null;
}
