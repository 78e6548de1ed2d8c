import { eq } from 'drizzle-orm';
import { ApplicationInput, CallInput, CriteriaInput, DEFAULT_CRITERIA } from '../../contracts/led-calls.js';
import { BottleneckCodeInput, LedInterviewInput } from '../../contracts/led-interviews.js';
import { FormInput } from '../../contracts/surveys.js';
import { saveApplication } from '../modules/led/application-service.js';
import { createCall, criteriaOf, setCallStatus, setCriteria } from '../modules/led/call-service.js';
import { codeToBottleneck } from '../modules/led/coding-service.js';
import { startInterview, submitInterview } from '../modules/led/interview-service.js';
import { addReviewer, runSelection, scoreApplication } from '../modules/led/rating-service.js';
import { createForm, publishForm } from '../modules/surveys/form-service.js';
import { users } from '../platform/auth/tables.js';
import { dayOf } from './back-date.js';
import { chapter, staffCtx, type DemoCast } from './seed-events.js';

/** The Ashanti bottlenecks the call and the interviews speak to. */
export interface AshantiBottlenecks { power: string; pricing: string; visitors: string }

const choice = (value: string, en: string) => ({ value, label: { en } });
/** The guide the LED team interviews firms and officials with (a form of purpose `interview`). */
const GUIDE = {
  title: { en: 'Ashanti LED interview guide' }, languages: ['en'],
  questions: [
    { name: 'obstacle', type: 'text', label: { en: 'What holds your business back most this year?' }, required: true },
    { name: 'finance', type: 'select_one', label: { en: 'Where does your working capital come from?' }, choices: [choice('bank', 'A bank'), choice('savings', 'Savings and loans, susu'), choice('family', 'Family and own savings')] },
    { name: 'wish', type: 'text', label: { en: 'What one change would help most?' } },
  ],
};

/**
 * Two of the LED team's interviews, answered and coded to the bottlenecks they
 * speak to: the evidence each bottleneck's page shows (issue 17.4).
 */
export async function seedLedInterviews(cast: DemoCast, regionId: string, b: AshantiBottlenecks) {
  const ctx = staffCtx(cast);
  const form = await createForm(ctx, FormInput.parse({ purpose: 'interview', definition: GUIDE }));
  await publishForm(ctx, form.id);
  const held = [
    { interviewee: 'Kwaku Boateng', sector: 'private', organisation: 'Suame Magazine artisans\' association', on: -100, bottleneck: b.power,
      answers: { obstacle: 'The power goes off three or four times a week without warning; a job on the lathe is lost each time and the generator eats the profit.', finance: 'savings', wish: 'Power we can count on, even if we share it.' } },
    { interviewee: 'Comfort Adjei', sector: 'public', organisation: 'Ghana Enterprises Agency, business advisory centre Ejisu', on: -96, bottleneck: b.pricing,
      answers: { obstacle: 'The weavers we see sell a full cloth for less than the yarn and their days cost them; nobody writes down what a piece costs.', finance: 'family', wish: 'A costing sheet and someone who visits them to use it.' } },
  ] as const;
  for (const h of held) {
    const id = await startInterview(ctx, regionId, LedInterviewInput.parse({ formId: form.id, interviewee: h.interviewee, sector: h.sector, organisation: h.organisation, interviewedOn: dayOf(cast.today, h.on) }));
    await submitInterview(ctx, id, { answers: h.answers, submissionKey: null });
    await codeToBottleneck(ctx, regionId, h.bottleneck, BottleneckCodeInput.parse({ source: 'interview', interviewId: id, question: 'obstacle', note: 'Said in the interview, in the interviewee\'s words.' }));
  }
}

const APPLICANTS = [
  { title: 'Solar back-up for the Kaase fitting shops', leadName: 'Kaase fitters\' association', leadEmail: 'secretary@kaase-fitters.example', bottleneck: 'power', requested: 5_400_000, cofunding: 900_000, scores: [[4, 3, 4], [5, 3, 4]],
    activities: 'A shared solar array with batteries on the association\'s hall, wired to twelve fitting shops that pay by the meter; two members trained to keep it.' },
  { title: 'Costing clinics in Adanwomase and Ntonso', leadName: 'Adanwomase weavers\' association', leadEmail: 'adanwomase.weavers@example.org', bottleneck: 'pricing', requested: 2_100_000, cofunding: 300_000, scores: [[5, 4, 3], [4, 4, 4]],
    activities: 'Monthly clinics at the association\'s hall with the costing worksheet; each weaver prices one cloth with a coach and keeps a yarn book.' },
  { title: 'Homestays for visitors of the craft trail', leadName: 'Bonwire tourism committee', leadEmail: 'tourism@bonwire-committee.example', bottleneck: 'visitors', requested: 3_800_000, cofunding: 1_200_000, scores: [[3, 4, 2], [3, 3, 3]],
    activities: 'Ten weaving families fit a guest room each to the Tourism Authority\'s homestay standard and are listed with Kumasi tour operators.' },
] as const;

/**
 * The branch's first call for measures, opened a week ago, open for two weeks
 * more: three applications submitted, one still a draft on its partner's
 * link; the panel of two has scored those submitted and run a first selection
 * to see where the budget goes (issues 17.5 and 17.6).
 */
export async function seedLedCall(cast: DemoCast, regionId: string, b: AshantiBottlenecks) {
  return chapter(cast, [7.19, 7.16], () => callForMeasures(cast, regionId, b));
}

async function callForMeasures(cast: DemoCast, regionId: string, b: AshantiBottlenecks) {
  const ctx = staffCtx(cast);
  const callId = await createCall(ctx, CallInput.parse({
    title: 'Ashanti call for measures 2027',
    description: 'Partnerships of firms, associations and public bodies propose a measure against one of the region\'s bottlenecks. The steering committee\'s panel rates every application on the criteria below; the best set within the budget is selected.',
    budget: 10_000_000, deadlineOn: dayOf(cast.today, 14), regionIds: [regionId],
  }));
  await setCriteria(ctx, callId, CriteriaInput.parse({ criteria: DEFAULT_CRITERIA.slice(0, 3).map((key, n) => ({ key, weight: [40, 35, 25][n] })) }));
  await setCallStatus(ctx, callId, 'open');
  const ids: string[] = [];
  for (const a of APPLICANTS) {
    ids.push(await saveApplication(ctx, callId, null, ApplicationInput.parse({
      regionId, title: a.title, leadName: a.leadName, leadEmail: a.leadEmail, leadSector: 'private', bottleneckIds: [b[a.bottleneck]], activities: a.activities,
      budgetLines: [{ label: 'Equipment, works and coaching', requested: a.requested, cofundingCash: a.cofunding }],
      expectedResults: { trained: { total: 20, female: 12, male: 8, youth: 9, adult: 11 }, jobs: { total: 4, female: 2, male: 2, youth: 3, adult: 1 } },
      submit: true,
    }), 'staff'));
  }
  await saveApplication(ctx, callId, null, ApplicationInput.parse({
    regionId, title: 'Shea butter quality lab', leadName: 'Ejisu women processors\' group', leadEmail: 'ejisu.processors@example.org', leadSector: 'private',
  }), 'partner');

  const [staff] = await cast.tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, 'kwame.asante@ghanachamber.example'));
  const panel = [cast.actor, ...(staff ? [{ userId: staff.id, name: staff.name }] : [])];
  for (const reviewer of panel) await addReviewer(ctx, callId, reviewer.userId);
  const criteria = await criteriaOf(ctx, callId);
  for (const [r, reviewer] of panel.entries()) {
    const as = { ...ctx, actor: reviewer };
    for (const [n, a] of APPLICANTS.entries()) {
      for (const [c, criterion] of criteria.entries()) await scoreApplication(as, callId, { applicationId: ids[n]!, criterionId: criterion.id, score: a.scores[r]![c]!, comment: '' });
    }
  }
  await runSelection(ctx, callId, { normalised: true });
}
