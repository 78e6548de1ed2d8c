import type { Dimension, IndicatorKind } from '../../../contracts/results.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { reformsBetween } from '../advocacy/figures-service.js';
import { decisionsDoneBetween, meetingsHeldBetween } from '../dialogue/figures-service.js';
import { ledPeopleBetween, measuresEffectiveAt } from '../led/figures-service.js';
import { activeMembersAt, firmFigures, newMembersBetween, type FirmFigure } from '../members/figures-service.js';
import { dealsBetween, introductionsBetween } from '../networking/figures-service.js';
import { participationsBetween } from '../people/figures-service.js';
import { firmsConsultedBetween } from '../surveys/figures-service.js';
import { peopleTrainedBetween, trainersCertifiedBetween } from '../training/figures-service.js';
import type { Observation } from './engine/aggregate.js';

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
  unit: 'firms' | 'people' | 'reforms' | 'meetings' | 'decisions' | 'introductions' | 'deals' | 'currency' | 'percent';
  dimensions: Dimension[];
  observe(ctx: TenantCtx, period: Period, reads: Reads): Promise<Observation[]>;
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

const firmCells = (f: Omit<FirmFigure, 'on'>): Observation['cells'] => ({
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
const peopleCounted = (code: string, level: LibraryIndicator['level'], observe: LibraryIndicator['observe']): LibraryIndicator => ({
  code, kind: 'unique_people', level, unit: 'people', dimensions: ['sex', 'age_band'], observe,
});

/** People once each, across every module that records them (people/participation-service.ts). */
const peopleIndicator = (code: string, roles: Array<'participant' | 'trainer' | 'new_job' | 'higher_income'>, level: LibraryIndicator['level']) =>
  peopleCounted(code, level, async (ctx, p, reads) =>
    (await reads.once('participations', () => participationsBetween(ctx, p.startsOn, p.endsOn, [...ROLES])))
      .filter((r) => roles.includes(r.role as (typeof ROLES)[number]))
      .map(asPerson('participation')));

/** People an LED measure recorded in one role, once each across measures and regions. */
const ledPeopleIndicator = (code: string, role: 'participant' | 'new_job' | 'higher_income', level: LibraryIndicator['level']) =>
  peopleCounted(code, level, async (ctx, p, reads) =>
    (await reads.once('led people', () => ledPeopleBetween(ctx, p.startsOn, p.endsOn))).filter((r) => r.role === role).map(asPerson('participation')));

const asFirm = (f: FirmFigure): Observation => ({ record: { type: 'member', id: f.id, on: f.on }, unit: f.id, cells: firmCells(f) });

export const LIBRARY: readonly LibraryIndicator[] = [
  peopleIndicator('people.reached', ['participant'], 'output'),
  peopleIndicator('people.new_jobs', ['new_job'], 'outcome'),
  peopleIndicator('people.higher_income', ['higher_income'], 'impact'),
  // Course attendance as training records it (source training): each person once across courses.
  peopleCounted('training.people_trained', 'output', async (ctx, p) => (await peopleTrainedBetween(ctx, p.startsOn, p.endsOn)).map(asPerson('participation'))),
  // Trainers certified after a ToT and a teach-back, on the day certified.
  peopleCounted('training.certified_trainers', 'output', async (ctx, p) => (await trainersCertifiedBetween(ctx, p.startsOn, p.endsOn)).map(asPerson('training_certification'))),
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
  {
    code: 'members.active',
    kind: 'unique_firms',
    level: 'output',
    unit: 'firms',
    dimensions: FIRM_DIMENSIONS,
    observe: async (ctx, p, reads) => (await reads.once('active members', () => activeMembersAt(ctx, p.endsOn))).map(asFirm),
  },
  {
    code: 'members.new',
    kind: 'unique_firms',
    level: 'output',
    unit: 'firms',
    dimensions: FIRM_DIMENSIONS,
    observe: async (ctx, p) => (await newMembersBetween(ctx, p.startsOn, p.endsOn)).map(asFirm),
  },
  {
    code: 'members.women_led_share',
    kind: 'pooled_percentage',
    level: 'outcome',
    unit: 'percent',
    dimensions: ['size_class', 'region', 'sector', 'formality'],
    observe: async (ctx, p, reads) => (await reads.once('active members', () => activeMembersAt(ctx, p.endsOn))).map((f) => ({ ...asFirm(f), num: f.womenLed ? 1 : 0, den: 1 })),
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
    observe: async (ctx, p, reads) => (await reads.once('reforms', () => reformsBetween(ctx, p.startsOn, p.endsOn))).map((r) => ({ record: { type: 'advocacy_issue', id: r.id, on: r.on }, value: r.yearlySaving, cells: {} })),
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
