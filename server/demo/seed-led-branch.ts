import { LedRegionInput, MeasureInput } from '../../contracts/led.js';
import { FollowUpAnswerInput } from '../../contracts/led-follow-ups.js';
import { ClosingInput } from '../../contracts/led-implementation.js';
import { answerFollowUp } from '../modules/led/follow-up-service.js';
import { addPart, closeMeasure } from '../modules/led/implementation-service.js';
import { addMeasure } from '../modules/led/measure-service.js';
import { createRegion } from '../modules/led/region-service.js';
import { listBranches } from '../modules/orgs/branch-service.js';
import { dayOf } from './back-date.js';
import { record, type Person } from './seed-led-results.js';
import { chapter, staffCtx, type DemoCast } from './seed-events.js';

/**
 * LED run by a branch on its own (issue 17.9): the Greater Accra Regional
 * Chamber is an organisation of its own that shares its data upward, so the
 * national chamber's roll-up over its branches (`/led/rollup`, "Across the
 * branches") shows its region, measures, people and share still effective —
 * figures the chamber reads through migrations 0066 and 0072, never its own
 * records. Recorded as the branch took up the method, between the Ashanti
 * chapter and the networking autumn: two measures that ended before (one
 * still effective at its 12-month follow-up, one not at its 6-month one) and
 * one running.
 */

/** Fish smokers of Tema New Town trained on improved ovens; two of them also at the export clinic. */
const SMOKERS: Person[] = [
  { name: 'Naa Adjeley Tetteh', sex: 'female', phone: '+233 24 612 0101', birthYear: 1975 },
  { name: 'Dede Ayikwei', sex: 'female', phone: '+233 24 612 0102', birthYear: 1983 },
  { name: 'Korkor Quaye', sex: 'female', phone: '+233 24 612 0103', ageBand: '35_plus' },
  { name: 'Nii Armah Lamptey', sex: 'male', phone: '+233 24 612 0104', birthYear: 1990 },
  { name: 'Akweley Mensah', sex: 'female', phone: '+233 24 612 0105', birthYear: 2000 },
  { name: 'Lamiley Addo', sex: 'female', phone: '+233 24 612 0106', ageBand: '25_34' },
];
/** Garment makers of Ashaiman at the export paperwork clinic. */
const MAKERS: Person[] = [
  SMOKERS[1]!, SMOKERS[4]!,
  { name: 'Sena Agbeko', sex: 'female', phone: '+233 24 612 0201', birthYear: 1994 },
  { name: 'Kwaku Dzidzienyo', sex: 'male', phone: '+233 24 612 0202', birthYear: 1987 },
];
/** Apprentices placed in Tema's fitting shops (running). */
const APPRENTICES: Person[] = [
  { name: 'Emmanuel Tagoe', sex: 'male', phone: '+233 24 612 0301', birthYear: 2006 },
  { name: 'Joyce Okine', sex: 'female', phone: '+233 24 612 0302', birthYear: 2005 },
  { name: 'Daniel Odoi', sex: 'male', phone: '+233 24 612 0303', ageBand: '15_24' },
];

export async function seedAccraBranchLed(cast: DemoCast) {
  const branch = (await listBranches(staffCtx(cast))).find((b) => b.regions.includes('GH-AA'));
  if (!branch) return null;
  return chapter(cast, [91.98, 91.85], async () => {
    // The branch's own records: written as the branch (the chamber's admin is its first admin).
    const ctx = staffCtx({ ...cast, orgId: branch.id });
    const region = await createRegion(ctx, LedRegionInput.parse({
      name: 'Tema and Ashaiman', region: 'GH-AA',
      narrative: 'The port city and its neighbour: fish landed and smoked at Tema New Town, garment makers in Ashaiman who sew for the market and would sew for buyers abroad, and the fitting shops that keep the port\'s trucks running.',
    }));
    const measure = async (input: Record<string, unknown>) => addMeasure(ctx, region, MeasureInput.parse(input));

    const ovens = await measure({
      title: 'Improved smoking ovens for Tema New Town fish smokers',
      description: 'Ovens that use a third of the firewood and keep smoke out of the kitchen, built with the smokers\' association; training in their use and in hygiene for the buyers who now ask for it.',
      partners: [
        { name: 'Tema New Town fish processors\' association', sector: 'private' },
        { name: 'Tema Metropolitan Assembly', sector: 'public' },
        { name: 'Greater Accra Regional Chamber', sector: 'semi_public' },
      ],
      budget: 3_600_000, startsOn: dayOf(cast.today, -820), endsOn: dayOf(cast.today, -520), status: 'done', leadEmail: 'secretary@tema-fish-processors.example',
    });
    await addPart(ctx, ovens, 'budget_line', { label: 'Ovens built', source: 'led_fund', planned: 2_400_000, actual: 2_520_000 });
    await addPart(ctx, ovens, 'budget_line', { label: 'Smokers\' labour and site', source: 'partner_in_kind', planned: 900_000, actual: 900_000 });
    await record(ctx, ovens, 'participant', SMOKERS, dayOf(cast.today, -800));
    await record(ctx, ovens, 'new_job', [SMOKERS[3]!], dayOf(cast.today, -600));
    await record(ctx, ovens, 'higher_income', [SMOKERS[0]!, SMOKERS[1]!, SMOKERS[5]!], dayOf(cast.today, -530));
    await closeMeasure(ctx, ovens, ClosingInput.parse({
      evaluation: 'Twelve ovens built for six smokers; firewood bought fell by about a third. A buyer from Accra now takes their fish every week.',
      closedOn: dayOf(cast.today, -515),
    }));
    await answerFollowUp(ctx, ovens, 6, FollowUpAnswerInput.parse({ stillEffective: true, jobsKept: 1, whoPays: 'The smokers, from the firewood saved', note: '' }), 'staff');
    await answerFollowUp(ctx, ovens, 12, FollowUpAnswerInput.parse({ stillEffective: true, jobsKept: 1, whoPays: 'The smokers\' association repairs the ovens', note: 'Two more smokers built ovens on their own.' }), 'staff');

    const clinic = await measure({
      title: 'Export paperwork clinic for Ashaiman garment makers',
      description: 'A volunteer customs broker met garment makers every fortnight to fill in the export forms for their first parcels abroad.',
      partners: [
        { name: 'Ashaiman garment makers\' cooperative', sector: 'private' },
        { name: 'Ghana Export Promotion Authority', sector: 'public' },
      ],
      budget: 800_000, startsOn: dayOf(cast.today, -560), endsOn: dayOf(cast.today, -300), status: 'done', leadEmail: 'chair@ashaiman-garments.example',
    });
    await addPart(ctx, clinic, 'budget_line', { label: 'Room and printing', source: 'led_fund', planned: 800_000, actual: 640_000 });
    await record(ctx, clinic, 'participant', MAKERS, dayOf(cast.today, -540));
    await closeMeasure(ctx, clinic, ClosingInput.parse({ evaluation: 'Four makers sent a first parcel abroad with the clinic\'s help.', closedOn: dayOf(cast.today, -298) }));
    await answerFollowUp(ctx, clinic, 6, FollowUpAnswerInput.parse({ stillEffective: false, jobsKept: null, whoPays: '', note: 'The broker moved to Takoradi and nobody took the clinic on.' }), 'staff');

    const apprentices = await measure({
      title: 'Apprentices in Tema fitting shops',
      description: 'Young people placed with fitting shops for a year, with a day a week at the technical institute.',
      partners: [
        { name: 'Tema fitters\' association', sector: 'private' },
        { name: 'Accra Technical Training Centre', sector: 'public' },
      ],
      budget: 2_000_000, startsOn: dayOf(cast.today, -150), endsOn: dayOf(cast.today, 150), status: 'running',
    });
    await record(ctx, apprentices, 'participant', APPRENTICES, dayOf(cast.today, -140));
    return { branchId: branch.id, region };
  });
}
