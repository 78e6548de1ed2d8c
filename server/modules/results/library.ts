import type { Dimension, IndicatorKind } from '../../../contracts/results.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { minorToMajor } from '../../../contracts/money.js';
import { reformsBetween } from '../advocacy/figures-service.js';
import { decisionsDoneBetween, meetingsHeldBetween } from '../dialogue/figures-service.js';
import { ledPeopleBetween, ledPeopleIn, measuresEffectiveAt } from '../led/figures-service.js';
import { activeMembersAt, activeMembersCountedAt, firmFigures, newMembersBetween, newMembersCountedBetween, type FirmCell, type FirmFigure } from '../members/figures-service.js';
import { dealsBetween, dealsReportedBetween, introductionsBetween } from '../networking/figures-service.js';
import { branchPeopleCountedBetween, participationsBetween, peopleCountedBetween, type ParticipationSelection, type PeopleCell } from '../people/figures-service.js';
import { firmsConsultedBetween } from '../surveys/figures-service.js';
import { branchTrainersCertifiedBetween, PEOPLE_TRAINED, peopleTrainedBetween, trainersCertifiedBetween } from '../training/figures-service.js';
import type { CellCount, Observation } from './engine/aggregate.js';

export interface Period {
  startsOn: string;
  endsOn: string;
}

/**
 * An indicator the product counts from the records the other modules keep,
 * through their figures services. Its name is `results.library.<code>` in the
 * locales; the breakdowns are those its records can support.
 */
export interface LibraryIndicator {
  code: string;
  kind: IndicatorKind;
  level: 'activity' | 'output' | 'outcome' | 'impact';
  /** `currency` is the organisation's. */
  unit: 'firms' | 'people' | 'reforms' | 'meetings' | 'decisions' | 'introductions' | 'deals' | 'jobs' | 'currency' | 'percent';
  dimensions: Dimension[];
  /** The records behind the figure, one by one: for drilling down, freezing and corrections. */
  observe(ctx: TenantCtx, period: Period, reads: Reads): Promise<Observation[]>;
  /**
   * The same records counted where they are kept, by cell (engine/aggregate.ts,
   * `CellCount`), when there are many: the figure is `observe`'s, without every
   * record travelling. `observe` is the reference the tests hold it to.
   */
  count?(ctx: TenantCtx, period: Period, reads: Reads): Promise<CellCount[]>;
  /**
   * The figure in a direct branch's own records (an organisation of its own), for
   * its umbrella: counted as the branch's own `count` counts it, with the owner's
   * rights for a direct branch only: the same cells of its breakdowns (sex, age
   * band), counts only, never who. Absent: the indicator is not counted across organisations.
   */
  countInBranch?(ctx: TenantCtx, branchId: string, period: Period, reads: Reads): Promise<CellCount[]>;
}

/**
 * What one report has read, by name: indicators that count the same records
 * (active members and their women-led share; people reached, in new jobs and
 * with higher income) read them once.
 */
export class Reads {
  private held = new Map<string, Promise<unknown>>();
  once<T>(name: string, read: () => Promise<T>): Promise<T> {
    if (!this.held.has(name)) this.held.set(name, read());
    return this.held.get(name) as Promise<T>;
  }
}
const ROLES = ['participant', 'trainer', 'new_job', 'higher_income'] as const;

const FIRM_DIMENSIONS: Dimension[] = ['size_class', 'region', 'sector', 'formality', 'women_led'];

const firmCells = (f: Omit<FirmFigure, 'id' | 'on'>): Observation['cells'] => ({
  ...(f.sizeClass ? { size_class: f.sizeClass } : {}),
  ...(f.region ? { region: f.region } : {}),
  ...(f.sector ? { sector: f.sector } : {}),
  formality: f.formality,
  women_led: f.womenLed ? 'yes' : 'no',
});
/** A record of a person, as a unique count of people sees it: the person once, by sex and age band on the day. */
const asPerson = (type: string) => (r: { id: string; on: string; personId: string; sex: string; ageBand: string }): Observation => ({
  record: { type, id: r.id, on: r.on },
  unit: r.personId,
  cells: { sex: r.sex, ...(r.ageBand !== 'unknown' ? { age_band: r.ageBand } : {}) },
});

/** An indicator of people counted once each, by sex and age band, from the records `observe` reads. */
const peopleCounted = (code: string, level: LibraryIndicator['level'], observe: LibraryIndicator['observe'], count?: LibraryIndicator['count']): LibraryIndicator => ({
  code, kind: 'unique_people', level, unit: 'people', dimensions: ['sex', 'age_band'], observe, ...(count ? { count } : {}),
  ...(code in PARTICIPATIONS ? { countInBranch: branchPeople(code) } : {}),
});

/**
 * The participations each people indicator counts, in one list: the people
 * module counts them all in one pass (`peopleCountedBetween`), once per report.
 */
const PARTICIPATIONS: Record<string, ParticipationSelection> = {
  'people.reached': { roles: ['participant'] },
  'people.new_jobs': { roles: ['new_job'] },
  'people.higher_income': { roles: ['higher_income'] },
  'training.people_trained': PEOPLE_TRAINED,
  'led.people_trained': ledPeopleIn('participant'),
  'led.new_jobs': ledPeopleIn('new_job'),
  'led.higher_income': ledPeopleIn('higher_income'),
};
const PARTICIPATION_CODES = Object.keys(PARTICIPATIONS);

const personCells = (c: PeopleCell): CellCount => ({ cells: { sex: c.sex, ...(c.ageBand !== 'unknown' ? { age_band: c.ageBand } : {}) }, records: c.participations, n: c.people });

/** The cells of one people indicator, of the report's one count of participations. */
const peopleCells = (code: string): LibraryIndicator['count'] => async (ctx, p, reads) => {
  const all = await reads.once('people counted', () => peopleCountedBetween(ctx, p.startsOn, p.endsOn, PARTICIPATION_CODES.map((c) => PARTICIPATIONS[c]!)));
  return all[PARTICIPATION_CODES.indexOf(code)]!.map(personCells);
};

/**
 * One people indicator in a direct branch's own records: the same selections, counted by the same
 * database function as the branch's own report (`branchPeopleCountedBetween`), once per branch and `reads`.
 */
const branchPeople = (code: string): LibraryIndicator['countInBranch'] => async (ctx, branchId, p, reads) => {
  const all = await reads.once(`people counted in ${branchId}`, () => branchPeopleCountedBetween(ctx, branchId, p.startsOn, p.endsOn, PARTICIPATION_CODES.map((c) => PARTICIPATIONS[c]!)));
  return all[PARTICIPATION_CODES.indexOf(code)]!.map(personCells);
};

/** A period's participations in every role the people indicators count, read once per `reads`. */
export const participationsOf = (ctx: TenantCtx, p: Period, reads: Reads) => reads.once('participations', () => participationsBetween(ctx, p.startsOn, p.endsOn, [...ROLES]));

/** People once each, across every module that records them (people/participation-service.ts). */
const peopleIndicator = (code: string, roles: Array<'participant' | 'trainer' | 'new_job' | 'higher_income'>, level: LibraryIndicator['level']) =>
  peopleCounted(code, level, async (ctx, p, reads) =>
    (await participationsOf(ctx, p, reads))
      .filter((r) => roles.includes(r.role as (typeof ROLES)[number]))
      .map(asPerson('participation')), peopleCells(code));

/** People an LED measure recorded in one role, once each across measures and regions. */
const ledPeopleIndicator = (code: string, role: 'participant' | 'new_job' | 'higher_income', level: LibraryIndicator['level']) =>
  peopleCounted(code, level, async (ctx, p, reads) =>
    (await reads.once('led people', () => ledPeopleBetween(ctx, p.startsOn, p.endsOn))).filter((r) => r.role === role).map(asPerson('participation')), peopleCells(code));

const asFirm = (f: FirmFigure): Observation => ({ record: { type: 'member', id: f.id, on: f.on }, unit: f.id, cells: firmCells(f) });
/** Firms counted by cell: each firm is one record, in one cell. */
const firmCount = (f: FirmCell): CellCount => ({ cells: firmCells(f), records: f.firms, n: f.firms });

export const LIBRARY: readonly LibraryIndicator[] = [
  peopleIndicator('people.reached', ['participant'], 'output'),
  peopleIndicator('people.new_jobs', ['new_job'], 'outcome'),
  peopleIndicator('people.higher_income', ['higher_income'], 'impact'),
  // Course attendance as training records it (source training): each person once across courses.
  peopleCounted('training.people_trained', 'output', async (ctx, p) => (await peopleTrainedBetween(ctx, p.startsOn, p.endsOn)).map(asPerson('participation')), peopleCells('training.people_trained')),
  // Trainers certified after a ToT and a teach-back, on the day certified; in a branch's own records as the branch counts them.
  {
    ...peopleCounted('training.certified_trainers', 'output', async (ctx, p) => (await trainersCertifiedBetween(ctx, p.startsOn, p.endsOn)).map(asPerson('training_certification'))),
    countInBranch: async (ctx, branchId, p) => (await branchTrainersCertifiedBetween(ctx, branchId, p.startsOn, p.endsOn)).map(personCells),
  },
  // LED measures (led/figures-service.ts): people as the people module records them, each once across measures and regions.
  ledPeopleIndicator('led.people_trained', 'participant', 'output'),
  ledPeopleIndicator('led.new_jobs', 'new_job', 'outcome'),
  ledPeopleIndicator('led.higher_income', 'higher_income', 'impact'),
  {
    // Measures still effective at their latest follow-up, among those with a follow-up due by the period's end; pooled.
    code: 'led.measures_effective',
    kind: 'pooled_percentage',
    level: 'outcome',
    unit: 'percent',
    dimensions: ['region'],
    observe: async (ctx, p) => (await measuresEffectiveAt(ctx, p.endsOn)).map((m) => ({
      record: { type: 'led_measure', id: m.id, on: m.on },
      num: m.effective ? 1 : 0,
      den: 1,
      cells: m.region ? { region: m.region } : {},
    })),
  },
  {
    // Introductions the chamber made between two firms (networking/figures-service.ts).
    code: 'networking.introductions',
    kind: 'count',
    level: 'output',
    unit: 'introductions',
    dimensions: [],
    observe: async (ctx, p) => (await introductionsBetween(ctx, p.startsOn, p.endsOn)).map((i) => ({ record: { type: 'networking_introduction', id: i.id, on: i.on }, cells: {} })),
  },
  {
    // Deals after an introduction, each pair of firms once (both sides may report the same deal).
    code: 'networking.deals',
    kind: 'count',
    level: 'outcome',
    unit: 'deals',
    dimensions: [],
    observe: async (ctx, p) => (await dealsBetween(ctx, p.startsOn, p.endsOn)).map((d) => ({ record: { type: 'networking_introduction', id: d.id, on: d.on }, cells: {} })),
  },
  // Deals the firms reported on the deal follow-up form, each pair of firms once, dated on its first report; their value
  // (the latest either firm gave: the form asks the deal's value) and jobs (each firm's latest: jobs created so far), in
  // the period of that first report (networking/figures-service.ts, dealsReportedBetween). Each drills down to the
  // introduction of the pair's first report.
  {
    code: 'networking.deals_reported',
    kind: 'count',
    level: 'outcome',
    unit: 'deals',
    dimensions: [],
    observe: async (ctx, p, reads) => (await reads.once('deals reported', () => dealsReportedBetween(ctx, p.startsOn, p.endsOn))).map((d) => ({ record: { type: 'networking_introduction', id: d.id, on: d.on }, cells: {} })),
  },
  {
    code: 'networking.deal_value',
    kind: 'sum',
    level: 'outcome',
    unit: 'currency',
    dimensions: [],
    observe: async (ctx, p, reads) => (await reads.once('deals reported', () => dealsReportedBetween(ctx, p.startsOn, p.endsOn)))
      .filter((d) => d.value !== null).map((d) => ({ record: { type: 'networking_introduction', id: d.id, on: d.on }, value: minorToMajor(d.value!, d.currency), cells: {} })),
  },
  {
    code: 'networking.deal_jobs',
    kind: 'sum',
    level: 'impact',
    unit: 'jobs',
    dimensions: [],
    observe: async (ctx, p, reads) => (await reads.once('deals reported', () => dealsReportedBetween(ctx, p.startsOn, p.endsOn)))
      .filter((d) => d.jobs !== null).map((d) => ({ record: { type: 'networking_introduction', id: d.id, on: d.on }, value: d.jobs!, cells: {} })),
  },
  {
    code: 'members.active',
    kind: 'unique_firms',
    level: 'output',
    unit: 'firms',
    dimensions: FIRM_DIMENSIONS,
    observe: async (ctx, p, reads) => (await reads.once('active members', () => activeMembersAt(ctx, p.endsOn))).map(asFirm),
    count: async (ctx, p, reads) => (await reads.once('active members counted', () => activeMembersCountedAt(ctx, p.endsOn))).map(firmCount),
  },
  {
    code: 'members.new',
    kind: 'unique_firms',
    level: 'output',
    unit: 'firms',
    dimensions: FIRM_DIMENSIONS,
    observe: async (ctx, p) => (await newMembersBetween(ctx, p.startsOn, p.endsOn)).map(asFirm),
    count: async (ctx, p) => (await newMembersCountedBetween(ctx, p.startsOn, p.endsOn)).map(firmCount),
  },
  {
    code: 'members.women_led_share',
    kind: 'pooled_percentage',
    level: 'outcome',
    unit: 'percent',
    dimensions: ['size_class', 'region', 'sector', 'formality'],
    observe: async (ctx, p, reads) => (await reads.once('active members', () => activeMembersAt(ctx, p.endsOn))).map((f) => ({ ...asFirm(f), num: f.womenLed ? 1 : 0, den: 1 })),
    count: async (ctx, p, reads) =>
      (await reads.once('active members counted', () => activeMembersCountedAt(ctx, p.endsOn))).map((f) => ({ cells: firmCells(f), records: f.firms, num: f.womenLed ? f.firms : 0, den: f.firms })),
  },
  {
    code: 'surveys.firms_consulted',
    kind: 'unique_firms',
    level: 'output',
    unit: 'firms',
    dimensions: FIRM_DIMENSIONS,
    async observe(ctx, p) {
      const answers = await firmsConsultedBetween(ctx, p.startsOn, p.endsOn);
      const firms = await firmFigures(ctx, answers.map((a) => a.memberId));
      return answers.flatMap((a) => {
        const firm = firms.get(a.memberId);
        return firm ? [{ record: { type: 'response', id: a.id, on: a.on }, unit: a.memberId, cells: firmCells(firm) }] : [];
      });
    },
  },
  {
    code: 'advocacy.reforms',
    kind: 'count',
    level: 'outcome',
    unit: 'reforms',
    dimensions: [],
    observe: async (ctx, p, reads) => (await reads.once('reforms', () => reformsBetween(ctx, p.startsOn, p.endsOn))).map((r) => ({ record: { type: 'advocacy_issue', id: r.id, on: r.on }, cells: {} })),
  },
  {
    code: 'advocacy.yearly_saving',
    kind: 'sum',
    level: 'impact',
    unit: 'currency',
    dimensions: [],
    observe: async (ctx, p, reads) => (await reads.once('reforms', () => reformsBetween(ctx, p.startsOn, p.endsOn))).map((r) => ({ record: { type: 'advocacy_issue', id: r.id, on: r.on }, value: minorToMajor(r.yearlySaving, r.currency), cells: {} })),
  },
  {
    code: 'dialogue.meetings_held',
    kind: 'count',
    level: 'activity',
    unit: 'meetings',
    dimensions: [],
    observe: async (ctx, p) => (await meetingsHeldBetween(ctx, p.startsOn, p.endsOn)).map((m) => ({ record: { type: 'forum_meeting', id: m.id, on: m.on }, cells: {} })),
  },
  {
    code: 'dialogue.decisions_done',
    kind: 'count',
    level: 'outcome',
    unit: 'decisions',
    dimensions: [],
    observe: async (ctx, p) => (await decisionsDoneBetween(ctx, p.startsOn, p.endsOn)).map((d) => ({ record: { type: 'forum_decision', id: d.id, on: d.on }, cells: {} })),
  },
];

export const libraryIndicator = (code: string) => LIBRARY.find((i) => i.code === code) ?? null;
