import { MeasureInput } from '../../contracts/led.js';
import { FollowUpAnswerInput } from '../../contracts/led-follow-ups.js';
import { ClosingInput, MeasurePersonInput, type MeasureRole } from '../../contracts/led-implementation.js';
import { answerFollowUp } from '../modules/led/follow-up-service.js';
import { addMeasurePerson, addPart, closeMeasure } from '../modules/led/implementation-service.js';
import { addMeasure, measuresOf } from '../modules/led/measure-service.js';
import type { TenantCtx } from '../platform/db/tenancy.js';
import { dayOf } from './back-date.js';
import { chapter, staffCtx, type DemoCast } from './seed-events.js';

/**
 * LED results the demo's pages and roll-up count (issue 17.9): people recorded
 * on measures through the people module (sex, and a birth year or a band where
 * only that was asked), never typed totals.
 */

export interface Person { name: string; sex: 'female' | 'male' | 'not_stated'; phone: string; birthYear?: number; ageBand?: '15_24' | '25_34' | '35_plus' }

/** Kejetia traders coached in the branch's pilot, some of them guides of the craft trail later. */
const TRADERS: Person[] = [
  { name: 'Adwoa Sarpong', sex: 'female', phone: '+233 24 531 0101', birthYear: 1988 },
  { name: 'Yaa Asantewaa Boakye', sex: 'female', phone: '+233 24 531 0102', birthYear: 2001 },
  { name: 'Kwabena Ofori', sex: 'male', phone: '+233 24 531 0103', birthYear: 1979 },
  { name: 'Akua Frimpong', sex: 'female', phone: '+233 24 531 0104', ageBand: '25_34' },
  { name: 'Kojo Antwi', sex: 'male', phone: '+233 24 531 0105', birthYear: 2003 },
  { name: 'Efua Mensah', sex: 'female', phone: '+233 24 531 0106', birthYear: 1992 },
  { name: 'Osei Tutu Agyeman', sex: 'male', phone: '+233 24 531 0107', ageBand: '35_plus' },
  { name: 'Abena Pokuaa', sex: 'not_stated', phone: '+233 24 531 0108', birthYear: 1997 },
];
/** Young people trained as guides of the craft trail (two of them traders of the pilot). */
const GUIDES: Person[] = [
  TRADERS[1]!, TRADERS[4]!,
  { name: 'Nana Ama Owusu', sex: 'female', phone: '+233 24 531 0201', birthYear: 2002 },
  { name: 'Kwame Adjei', sex: 'male', phone: '+233 24 531 0202', birthYear: 2000 },
  { name: 'Esi Bonsu', sex: 'female', phone: '+233 24 531 0203', ageBand: '15_24' },
  { name: 'Fiifi Quaye', sex: 'male', phone: '+233 24 531 0204', birthYear: 1996 },
];

const person = (p: Person) => ({ name: p.name, sex: p.sex, phone: p.phone, birthYear: p.birthYear ?? null, ageBand: p.ageBand ?? null });

export async function record(ctx: TenantCtx, measureId: string, role: MeasureRole, people: Person[], on: string) {
  for (const p of people) await addMeasurePerson(ctx, measureId, MeasurePersonInput.parse({ role, person: person(p), on }));
}

/**
 * The Ashanti branch's pilot, run before the chamber took up the LED method
 * and recorded as the cycle began: bookkeeping clinics for Kejetia market
 * traders, ended about fifteen months ago, closed with its evaluation; its 6-
 * and 12-month follow-ups entered by staff from the lead partner's answers
 * (still effective: the traders' association pays the clinic now). Eight
 * traders coached, two of them took on an assistant (new jobs), three earn
 * more. Called within the Ashanti LED chapter.
 */
export async function seedLedPilot(cast: DemoCast, regionId: string) {
  const ctx = staffCtx(cast);
  const startsOn = dayOf(cast.today, -760);
  const endsOn = dayOf(cast.today, -460);
  const id = await addMeasure(ctx, regionId, MeasureInput.parse({
    title: 'Bookkeeping clinics for Kejetia market traders (pilot)',
    description: 'Weekly clinics at the Kejetia traders\' association office: a cash book, separating the stall\'s money from the household\'s, and pricing with what a piece costs. The branch\'s first measure with the method, before the regional cycle.',
    partners: [
      { name: 'Kejetia Traders\' Association', sector: 'private' },
      { name: 'Kumasi Metropolitan Assembly', sector: 'public' },
      { name: 'Ashanti Regional Chamber', sector: 'semi_public' },
    ],
    budget: 2_400_000, startsOn, endsOn, status: 'done', leadEmail: 'secretary@kejetia-traders.example',
  }));
  await addPart(ctx, id, 'budget_line', { label: 'Coaches\' fees', source: 'led_fund', planned: 1_500_000, actual: 1_420_000 });
  await addPart(ctx, id, 'budget_line', { label: 'Clinic room and printing', source: 'partner_in_kind', planned: 600_000, actual: 650_000 });
  await addPart(ctx, id, 'budget_line', { label: 'Cash books', source: 'partner_cash', planned: 300_000, actual: 300_000 });
  await addPart(ctx, id, 'milestone', { title: 'First clinic held', dueOn: dayOf(cast.today, -740), doneOn: dayOf(cast.today, -742), note: '' });
  await addPart(ctx, id, 'milestone', { title: 'Every trader keeps a cash book', dueOn: dayOf(cast.today, -500), doneOn: dayOf(cast.today, -470), note: 'Seven of eight by the end; the eighth by the first follow-up.' });
  await record(ctx, id, 'participant', TRADERS, dayOf(cast.today, -742));
  await record(ctx, id, 'new_job', [TRADERS[0]!, TRADERS[5]!], dayOf(cast.today, -520));
  await record(ctx, id, 'higher_income', [TRADERS[0]!, TRADERS[2]!, TRADERS[5]!], dayOf(cast.today, -465));
  await closeMeasure(ctx, id, ClosingInput.parse({
    evaluation: 'Eight traders coached; seven kept a cash book every week by the end. Two took on an assistant from the stall\'s own takings, three earn more than before by pricing with their costs. The association asked to keep the clinic going and to pay for it.',
    closedOn: dayOf(cast.today, -455),
  }));
  await answerFollowUp(ctx, id, 6, FollowUpAnswerInput.parse({ stillEffective: true, jobsKept: 2, whoPays: 'Kejetia Traders\' Association', note: 'Clinic continues monthly.' }), 'staff');
  await answerFollowUp(ctx, id, 12, FollowUpAnswerInput.parse({ stillEffective: true, jobsKept: 2, whoPays: 'Kejetia Traders\' Association (members\' dues)', note: 'Both assistants still employed; four new traders joined the clinic.' }), 'staff');
  return id;
}

/**
 * Recorded this morning: the craft trail's first guides trained (two of them traders
 * of the pilot, so the roll-up counts them once across both measures), one
 * hired by a tour operator, and a weaver selling on the trail who earns more.
 */
export async function seedCraftTrailPeople(cast: DemoCast, regionId: string) {
  return chapter(cast, [0.09, 0.07], async () => {
    const ctx = staffCtx(cast);
    const trail = (await measuresOf(ctx, regionId)).find((m) => m.title.startsWith('Kente and adinkra craft trail'));
    if (!trail) return;
    await record(ctx, trail.id, 'participant', GUIDES, dayOf(cast.today, -20));
    await record(ctx, trail.id, 'new_job', [GUIDES[2]!], dayOf(cast.today, -8));
    await record(ctx, trail.id, 'higher_income', [GUIDES[1]!], dayOf(cast.today, -7));
  });
}
