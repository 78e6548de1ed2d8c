import { PersonInput } from '../../contracts/people.js';
import { CertificationInput, CourseInput, ModuleInput, SessionInput } from '../../contracts/training.js';
import type { Registration, RegistrationInput } from '../../contracts/events.js';
import { setEventState } from '../modules/events/event-service.js';
import { listRegistrations, registerFor } from '../modules/events/registration-service.js';
import { listContacts } from '../modules/members/contact-service.js';
import { recordPerson } from '../modules/people/person-service.js';
import { addTrainer, certifyTrainer } from '../modules/training/attendance-service.js';
import { addModule, addSession, createCourse } from '../modules/training/course-service.js';
import type { TenantCtx } from '../platform/db/tenancy.js';
import { dayAt, dayOf } from './back-date.js';
import { atTheDoor, chapter, firmOwners, ownerRegistration, publicRegistration, staffCtx, staffRegistration, tickPresent, type DemoCast } from './seed-events.js';

async function courseWith(ctx: TenantCtx, course: Record<string, unknown>, modules: Array<Record<string, unknown>>) {
  const id = await createCourse(ctx, CourseInput.parse(course));
  for (const m of modules) await addModule(ctx, id, ModuleInput.parse(m));
  return id;
}

interface Session { title: string; on: number; from: [number, number]; to: [number, number]; venue: string; capacity: number; audience: 'members' | 'public'; absent: string[] }

/**
 * A course's sessions, held one after another: each an event of the events
 * module (made by the course, in draft), published and the participants
 * registered in the days before it; those who came ticked at the door on the
 * day (`absent` names who did not).
 */
async function holdSessions(cast: DemoCast, ctx: TenantCtx, courseId: string, sessions: Session[], participants: Array<{ name: string; input: RegistrationInput }>, lead: number) {
  const held: Registration[][] = [];
  for (const s of sessions) {
    const eventId = await chapter(cast, [-s.on + lead, -s.on + 1], async () => {
      const id = await addSession(ctx, courseId, SessionInput.parse({
        title: s.title, startsAt: dayAt(cast.today, s.on, ...s.from), endsAt: dayAt(cast.today, s.on, ...s.to), venue: s.venue, capacity: s.capacity, audience: s.audience,
      }));
      await setEventState(ctx, id, 'published');
      for (const p of participants) await registerFor(ctx, id, p.input);
      return id;
    });
    held.push(await atTheDoor(cast, dayAt(cast.today, s.on, ...s.from), async () => {
      await tickPresent(ctx, eventId, (await listRegistrations(ctx, eventId)).filter((r) => !s.absent.includes(r.name)));
      return listRegistrations(ctx, eventId);
    }));
  }
  return held;
}

/**
 * The chamber's training of trainers, about nine months ago: a master trainer
 * of the ILO's Start and Improve Your Business teaches business advisers and
 * experienced owners to coach craft and agro-processing firms, over three
 * Saturdays in Kumasi. Five of six came every day; one adviser is certified
 * after her teach-back. Returns her person record: she teaches the weavers' course.
 */
export async function seedTrainersTraining(cast: DemoCast): Promise<string> {
  const ctx = staffCtx(cast);
  const { tot, participants } = await chapter(cast, [290, 286], () => prepareTrainersTraining(cast, ctx));
  const venue = 'Ashanti Regional Chamber, training room, Adum, Kumasi';
  const day = { venue, capacity: 12, audience: 'public' as const, from: [8, 30] as [number, number], to: [16, 0] as [number, number] };
  const held = await holdSessions(cast, ctx, tot, [
    { ...day, title: 'ToT day 1: how adults learn', on: -280, absent: [] },
    { ...day, title: 'ToT day 2: costing, pricing and the cash book', on: -273, absent: ['Ibrahim Adamu'] },
    { ...day, title: 'ToT day 3: coaching visits and teach-backs', on: -266, to: [16, 30], absent: [] },
  ], participants, 5);

  // Her teach-back was judged a week after the last day.
  const grace = held[0]!.find((r) => r.name === 'Grace Ampofo')!.personId!;
  await chapter(cast, [259, 257], () => certifyTrainer(ctx, tot, CertificationInput.parse({
    personId: grace,
    certifiedOn: dayOf(cast.today, -258),
    teachBack: 'Ran the costing session for eight weavers of Adanwomase with the worksheet; every weaver priced one stole from her own yarn receipts. Comfort Adomako asked her to leave more time for the exercise.',
  })));
  return grace;
}

async function prepareTrainersTraining(cast: DemoCast, ctx: TenantCtx) {
  const tot = await courseWith(ctx, {
    title: 'Training of trainers: business coaching for craft and agro-processing firms',
    kind: 'tot',
    description: 'Three days for those who will coach small firms after it: how adults learn, the costing and bookkeeping tools the chamber uses with weavers and processors, and how to run a coaching visit. Each participant ends with a teach-back, a session of their own judged by the master trainer.',
    audience: 'Business advisers of the Ghana Enterprises Agency and of the chamber, and owners with ten years in business who will coach other firms',
    hours: 21,
    completionShare: 80,
  }, [
    {
      title: 'How adults learn, and how to plan a session', hours: 4,
      objectives: 'Plan a two-hour session around one skill the firm needs\nStart from what participants already do in their workshop\nUse pictures and real objects for those who read little',
      materials: [{ title: 'Facilitator’s guide, printed copy for each participant', url: '' }],
    },
    {
      title: 'Costing and pricing a handmade product', hours: 6,
      objectives: 'Count materials, labour and a share of the workshop’s costs in the price of one piece\nTell a price for a shop from a price for a tourist and for an export buyer',
      materials: [{ title: 'Costing worksheet for weavers and processors', url: '' }, { title: 'Improve Your Business: trainer’s guide (ILO)', url: '' }],
    },
    {
      title: 'Simple bookkeeping: the cash book and the stock card', hours: 5,
      objectives: 'Keep a cash book with one line per sale and per purchase\nKeep a stock card for yarn, nuts or cassava bought in bulk\nClose the week: cash counted against the book',
    },
    {
      title: 'The coaching visit and the teach-back', hours: 6,
      objectives: 'Run a first visit: what the owner wants to change, in their own words\nAgree one step per visit and check it at the next\nDeliver a 45-minute session to peers and take their feedback',
    },
  ]);
  const master = await recordPerson(ctx, PersonInput.parse({
    name: 'Comfort Adomako', sex: 'female', birthYear: 1971, phone: '+233 20 771 2045',
    notes: 'Master trainer of Start and Improve Your Business (ILO); has trained business advisers across the Ashanti and Bono regions since 2009.',
  }));
  await addTrainer(ctx, tot, master.id);

  const owners = await firmOwners(ctx, 2, [{ sector: '1040' }, { sector: '1312' }, {}], [cast.persona.firmId]);
  const participants = [
    { name: 'Grace Ampofo', input: publicRegistration({ name: 'Grace Ampofo', sex: 'female', phone: '+233 24 311 5820', ageBand: '25_34' }, null) },
    { name: 'Samuel Osei-Bonsu', input: publicRegistration({ name: 'Samuel Osei-Bonsu', sex: 'male', phone: '+233 27 640 9912', ageBand: '35_plus' }, null) },
    { name: 'Rita Agyemang', input: publicRegistration({ name: 'Rita Agyemang', sex: 'female', phone: '+233 50 118 4476', ageBand: '25_34' }, null) },
    { name: 'Ibrahim Adamu', input: publicRegistration({ name: 'Ibrahim Adamu', sex: 'male', phone: '+233 55 902 3318', ageBand: '15_24' }, null) },
    ...owners.map((p) => ({ name: p.name, input: ownerRegistration(p, null) })),
  ];
  return { tot, participants };
}

/**
 * The first course of the newly certified trainer, about four months ago:
 * three evenings at Bonwire on costing, pricing and the cash book, for owners
 * and weavers of kente workshops (the member persona among them). Completing
 * it is coming to two of the three.
 */
export async function seedWeaversCourse(cast: DemoCast, trainer: string) {
  const ctx = staffCtx(cast);
  const { course, participants, owners } = await chapter(cast, [133, 129], () => prepareWeaversCourse(cast, ctx, trainer));
  const evening = { venue: 'Bonwire Kente Weaving Centre, Bonwire', capacity: 15, audience: 'members' as const, from: [16, 0] as [number, number], to: [19, 0] as [number, number] };
  await holdSessions(cast, ctx, course, [
    { ...evening, title: 'Kente costing, evening 1: what a cloth really costs', on: -126, absent: [] },
    { ...evening, title: 'Kente costing, evening 2: prices for every buyer', on: -123, absent: ['Kofi Bonsu', 'Yaa Serwaa'] },
    { ...evening, title: 'Kente costing, evening 3: the cash book', on: -120, absent: ['Kofi Bonsu', owners[3]?.name ?? ''] },
  ], participants, 2);
  return course;
}

async function prepareWeaversCourse(cast: DemoCast, ctx: TenantCtx, trainer: string) {
  const course = await courseWith(ctx, {
    title: 'Costing, pricing and bookkeeping for kente weavers',
    kind: 'course',
    description: 'Weavers sell a full cloth for less than its yarn and days at the loom cost them, and few keep a record of what they buy. Three evenings at the weaving centre, each on one tool taken home the same night.',
    audience: 'Owners and senior weavers of kente workshops in Bonwire, Adanwomase and Ntonso',
    hours: 9,
    completionShare: 66,
  }, [
    {
      title: 'What a cloth really costs: yarn, days at the loom and the workshop', hours: 3,
      objectives: 'Cost one strip and one full cloth from the yarn receipts\nCount the weaver’s days at the going rate, the owner’s too',
      materials: [{ title: 'Costing worksheet (Twi and English)', url: '' }],
    },
    {
      title: 'Prices for the shop, the tourist and the buyer abroad', hours: 3,
      objectives: 'Set a floor price below which a cloth is sold at a loss\nPrepare a price list for hotels and exporters',
    },
    {
      title: 'The cash book: one page a week', hours: 3,
      objectives: 'Write every sale and purchase of the week on one page\nSee at the month’s end what the workshop earned',
      materials: [{ title: 'Cash book, one for each workshop', url: '' }],
    },
  ]);
  await addTrainer(ctx, course, trainer);

  const [persona] = (await listContacts(ctx, cast.persona.firmId)).filter((c) => !c.erasedAt);
  const owners = await firmOwners(ctx, 4, [{ sector: '1312' }, {}], [cast.persona.firmId]);
  const weaver = (i: number) => owners[i % owners.length]!.memberId;
  const participants = [
    { name: persona!.name, input: ownerRegistration({ memberId: cast.persona.firmId, contactId: persona!.id, name: persona!.name, firm: '' }, null) },
    ...owners.map((p) => ({ name: p.name, input: ownerRegistration(p, null) })),
    { name: 'Kwaku Sarfo', input: staffRegistration(cast.persona.firmId, { name: 'Kwaku Sarfo', sex: 'male', phone: '+233 24 556 0183', ageBand: '25_34' }, null) },
    { name: 'Afia Pokuaa', input: staffRegistration(weaver(0), { name: 'Afia Pokuaa', sex: 'female', phone: '+233 24 839 2256', ageBand: '35_plus' }, null) },
    { name: 'Kofi Bonsu', input: staffRegistration(weaver(1), { name: 'Kofi Bonsu', sex: 'male', phone: '+233 59 104 7723', ageBand: '15_24' }, null) },
    { name: 'Yaa Serwaa', input: staffRegistration(weaver(2), { name: 'Yaa Serwaa', sex: 'female', phone: '+233 26 418 9904', ageBand: '25_34' }, null) },
  ];
  return { course, participants, owners };
}
