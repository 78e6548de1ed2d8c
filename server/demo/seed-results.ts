import { eq } from 'drizzle-orm';
import { FrameworkInput, IndicatorInput, ManualValueInput, PeriodInput, type Dimension } from '../../contracts/results.js';
import { aggregate } from '../modules/results/engine/aggregate.js';
import { addIndicator, createFramework } from '../modules/results/framework-service.js';
import { libraryIndicator, Reads, type Period } from '../modules/results/library.js';
import { addManualValue, addPeriod, approvePeriod, returnPeriod, setTarget, submitPeriod } from '../modules/results/period-service.js';
import { users } from '../platform/auth/tables.js';
import type { TenantCtx } from '../platform/db/tenancy.js';
import { chapter, staffCtx, type DemoCast } from './seed-events.js';

/** A month's first or last day (`YYYY-MM-DD`), `months` from today's month (the demo chamber's calendar is UTC, Africa/Accra). */
const monthStart = (today: Date, months: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
const monthEnd = (today: Date, months: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + months + 1, 0)).toISOString().slice(0, 10);
const monthName = (day: string) => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

/**
 * The programme's indicators along its results chain, each counted from the
 * records the chamber's work left (the results library) with the breakdowns
 * the donor asks for, and one the firms report by phone (entered by hand).
 * Targets per year are the programme document's; a percentage's in percent.
 */
const INDICATORS: Array<{ input: Omit<IndicatorInput, 'baseline' | 'baselineYear'>; targets: [number, number] }> = [
  { input: { library: 'dialogue.meetings_held', name: 'Public-private dialogue meetings held with government', level: 'activity', kind: 'count', unit: 'meetings', dimensions: [] }, targets: [2, 4] },
  { input: { library: 'members.active', name: 'Member firms in good standing at the end of the year', level: 'output', kind: 'unique_firms', unit: 'firms', dimensions: ['region', 'size_class', 'women_led'] }, targets: [55, 75] },
  { input: { library: 'surveys.firms_consulted', name: 'Member firms consulted on a policy question', level: 'output', kind: 'unique_firms', unit: 'firms', dimensions: ['size_class', 'women_led'] }, targets: [40, 60] },
  { input: { library: 'people.reached', name: 'People who took part in the chamber\'s events and courses (each once)', level: 'output', kind: 'unique_people', unit: 'people', dimensions: ['sex', 'age_band'] }, targets: [40, 100] },
  { input: { library: 'training.people_trained', name: 'People trained in business skills (each once across courses)', level: 'output', kind: 'unique_people', unit: 'people', dimensions: ['sex', 'age_band'] }, targets: [15, 40] },
  { input: { library: 'training.certified_trainers', name: 'Business coaches certified after the training of trainers', level: 'output', kind: 'unique_people', unit: 'people', dimensions: ['sex'] }, targets: [2, 3] },
  { input: { library: 'networking.introductions', name: 'Introductions made between member firms', level: 'output', kind: 'count', unit: 'introductions', dimensions: [] }, targets: [5, 10] },
  { input: { library: 'members.women_led_share', name: 'Share of member firms led by women', level: 'outcome', kind: 'pooled_percentage', unit: '%', dimensions: ['size_class'] }, targets: [55, 57] },
  { input: { library: 'advocacy.reforms', name: 'Reforms adopted or implemented after the chamber\'s advocacy', level: 'outcome', kind: 'count', unit: 'reforms', dimensions: [] }, targets: [1, 2] },
  { input: { library: null, name: 'New jobs in firms the chamber coached, as the firms report them', level: 'impact', kind: 'unique_people', unit: 'people', dimensions: ['sex', 'age_band'] }, targets: [5, 15] },
];

/**
 * The figure an indicator of the library counts over a period, as the results
 * module counts it (its library and engine): the baseline of a counted
 * indicator is the year before the programme in the same records, never a
 * number typed beside them. A percentage is rounded to a whole percent.
 */
async function countedBaseline(ctx: TenantCtx, code: string, period: Period) {
  const known = libraryIndicator(code)!;
  const { total } = aggregate(known.kind, await known.observe(ctx, period, new Reads()), []);
  if ('n' in total) return total.n;
  return 'pct' in total && total.pct !== null ? Math.round(total.pct) : null;
}

/**
 * The donor programme the chamber reports to, set up in results at the end of
 * the story: its framework (three years from the first day of the month
 * fourteen months ago) with ten indicators along the chain, year 1 (ended two
 * to three months ago) counted, submitted by staff, sent back once by the
 * director for the jobs the coached firms reported, then approved and frozen;
 * year 2 (today's) drafted, counted live. Returns the framework's and the
 * periods' ids.
 */
export async function seedDemoResults(cast: DemoCast) {
  return chapter(cast, [0.06, 0.002], () => resultsStory(cast));
}

async function resultsStory(cast: DemoCast) {
  const director = staffCtx(cast);
  // The chamber's staff member drafts and submits; the director (the admin) sends back and approves.
  const [officer] = await cast.tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, 'kwame.asante@ghanachamber.example'));
  const staff: TenantCtx = { ...director, role: 'staff', actor: { userId: officer!.id, name: officer!.name } };

  const start = -14;
  const years = [
    { startsOn: monthStart(cast.today, start), endsOn: monthEnd(cast.today, start + 11) },
    { startsOn: monthStart(cast.today, start + 12), endsOn: monthEnd(cast.today, start + 23) },
  ];
  const baseline: Period = { startsOn: monthStart(cast.today, start - 12), endsOn: monthEnd(cast.today, start - 1) };
  const baselineYear = Number(baseline.endsOn.slice(0, 4));
  const lastDay = monthEnd(cast.today, start + 35);
  const ref = 'GH-RGD-CS000412739';
  const framework = await createFramework(staff, FrameworkInput.parse({
    name: `BMO strengthening programme, Ghana ${years[0]!.startsOn.slice(0, 4)}–${lastDay.slice(0, 4)}`,
    donor: 'SME Programme (multi-donor trust fund)',
    description: `Three years (${monthName(years[0]!.startsOn)} to ${monthName(lastDay)}) to make the chamber and its regional branches serve their members better: members consulted and heard by government, advocacy carried to reforms, business skills taught by coaches the chamber certifies, and firms introduced to buyers. The programme pays the chamber's advocacy and training staff and the Ashanti branch's coaches; figures are counted from the chamber's own records, and the jobs the coached firms create are asked of the firms.`,
    iatiOrgRef: ref,
    iatiActivityId: `${ref}-BMOSP-${years[0]!.startsOn.slice(0, 4)}`,
    iatiOrgType: '24',
  }));

  const ids: string[] = [];
  for (const { input } of INDICATORS) {
    const counted = input.library ? await countedBaseline(staff, input.library, baseline) : null;
    ids.push(await addIndicator(staff, framework, IndicatorInput.parse({ ...input, baseline: counted, baselineYear: counted === null ? null : baselineYear })));
  }

  const periods: string[] = [];
  for (const [n, year] of years.entries()) {
    const id = await addPeriod(staff, framework, PeriodInput.parse({ label: `Year ${n + 1}: ${monthName(year.startsOn)} to ${monthName(year.endsOn)}`, ...year }));
    periods.push(id);
    for (const [i, { targets }] of INDICATORS.entries()) await setTarget(staff, id, ids[i]!, targets[n]!);
  }
  const [year1, year2] = periods as [string, string];

  // Year 1: counted from the records, submitted, sent back for the jobs the coached firms reported, then approved.
  await submitPeriod(staff, year1);
  await returnPeriod(director, year1);
  const jobs = ids[INDICATORS.findIndex((i) => i.input.library === null)]!;
  const evidence = 'Calls by the Ashanti Regional Chamber to the kente workshops whose weavers completed the costing course, a month after its last evening: three workshops took on an apprentice. Call notes kept by Akosua Darko.';
  const reported: Array<[Partial<Record<Dimension, string>>, number]> = [[{ sex: 'female', age_band: '15_24' }, 2], [{ sex: 'male', age_band: '15_24' }, 1]];
  for (const [cell, value] of reported) await addManualValue(staff, year1, jobs, ManualValueInput.parse({ cell, value, evidence }));
  await submitPeriod(staff, year1);
  await approvePeriod(director, year1);
  return { framework, year1, year2 };
}
