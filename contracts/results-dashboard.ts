import { z } from 'zod';
import { Uuid } from './common.js';
import { AGE_BAND_NAMES, PERSON_SEXES } from './people.js';
import { NOT_STATED, type Figure } from './results.js';

/**
 * Dashboards of results, read from stored figures only (approved reports as
 * reported, migration 0069): the organisation's own, and a donor's across the
 * partner organisations that share a framework with it. They carry figures,
 * never the records behind them.
 */
export interface DashboardIndicator {
  indicatorId: string;
  name: string;
  kind: string | null;
  level: string | null;
  unit: string | null;
  total: Figure;
  target: number | null;
  /** How many records the figure counted (never which); breakdowns are on the period's report. */
  records: number;
}

export interface DashboardPeriod {
  id: string;
  label: string;
  startsOn: string;
  endsOn: string;
  approvedAt: string;
  indicators: DashboardIndicator[];
}

/** One framework of one organisation with its approved reports, oldest first. */
export interface DashboardProgramme {
  orgId: string;
  orgName: string;
  frameworkId: string;
  name: string;
  periods: DashboardPeriod[];
}

export interface Dashboard {
  /** For a donor's dashboard, the donors its person signs in for. */
  donors: string[];
  programmes: DashboardProgramme[];
}

/** A donor an organisation may share a framework with. */
export const Donor = z.object({ id: Uuid, name: z.string() });
export type Donor = z.infer<typeof Donor>;

export const ShareInput = z.object({ donorId: Uuid });
export type ShareInput = z.infer<typeof ShareInput>;

/** A framework's share with a donor: who shared it and when. */
export const FrameworkShare = z.object({ donorId: Uuid, donorName: z.string(), sharedBy: z.string(), sharedAt: z.string() });
export type FrameworkShare = z.infer<typeof FrameworkShare>;

export const DonorShareParams = z.object({ id: Uuid, donorId: Uuid });

/**
 * An umbrella's indicator of people counted once, over its own records and by
 * the branch that ran each activity (an LED measure's region, `branch_id`):
 * `total` counts each person once over everything; a branch counts each person
 * once over its own activities, so a person reached by two branches counts in
 * both and once in the total, and `overlap` (the parts added up less the total)
 * says by how many.
 *
 * Beside them, each branch's own records (an organisation of its own, counted
 * as its own reports count them, migrations 0071, 0076, 0082 and 0083): people belong to one
 * organisation and nobody is linked across organisations, so these add up with
 * the umbrella's total into `together`.
 */
/**
 * People by sex and by age band, in the categories of the organisation's own report: `not_stated`
 * holds other or not said (sex) and no age known (age band). Each person counts in one category of
 * each (the one of their first record counted, as the report's engine counts), so female + male +
 * not stated and the age bands each add up to the figure they break down.
 */
export const BREAKDOWN_SEXES = PERSON_SEXES;
export const BREAKDOWN_AGE_BANDS = [...AGE_BAND_NAMES, NOT_STATED] as const;
export interface PeopleBreakdown {
  sex: Record<(typeof BREAKDOWN_SEXES)[number], number>;
  ageBand: Record<(typeof BREAKDOWN_AGE_BANDS)[number], number>;
}

export interface UmbrellaIndicator {
  indicatorId: string;
  name: string;
  library: string;
  level: string;
  target: number | null;
  total: number;
  totalBy: PeopleBreakdown;
  /**
   * `people`: the umbrella's records the branch ran; `recorded`: the people in the branch's own
   * records, as its own dashboard counts them for the same days (null: not counted across organisations).
   */
  branches: Array<{ id: string; name: string; people: number; peopleBy: PeopleBreakdown; recorded: number | null; recordedBy: PeopleBreakdown | null }>;
  /** People reached by activities no branch ran (the umbrella's own). */
  own: number;
  ownBy: PeopleBreakdown;
  overlap: number;
  /** The umbrella's total and every branch's own records added up (null when a branch's is not counted). */
  together: number | null;
  togetherBy: PeopleBreakdown | null;
}

export interface UmbrellaPeriod {
  id: string;
  label: string;
  startsOn: string;
  endsOn: string;
  state: string;
  indicators: UmbrellaIndicator[];
}

export interface UmbrellaProgramme {
  frameworkId: string;
  name: string;
  periods: UmbrellaPeriod[];
}

/** The umbrella's dashboard: its direct branches, and its frameworks' people indicators counted now from the records. */
export interface UmbrellaDashboard {
  branches: Array<{ id: string; name: string }>;
  programmes: UmbrellaProgramme[];
}
