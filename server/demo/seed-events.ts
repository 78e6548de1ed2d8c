import { eq } from 'drizzle-orm';
import { EventInput, RegistrationInput, TicketTypeInput, type Registration } from '../../contracts/events.js';
import type { AgeBand } from '../../contracts/people.js';
import type { Role } from '../../contracts/roles.js';
import type { Audience } from '../../contracts/surveys.js';
import { checkIn } from '../modules/events/check-in-service.js';
import { addTicketType, createEvent, setEventState } from '../modules/events/event-service.js';
import { cancelRegistration, listRegistrations, registerFor } from '../modules/events/registration-service.js';
import { firmsInAudience } from '../modules/members/audience-service.js';
import { recordPayment } from '../modules/members/billing-service.js';
import { listContacts } from '../modules/members/contact-service.js';
import { listBranches } from '../modules/orgs/branch-service.js';
import { recordSessionAttendance } from '../modules/training/attendance-service.js';
import { users } from '../platform/auth/tables.js';
import type { TenantCtx, Tx } from '../platform/db/tenancy.js';
import { asOf, backDated, dayAt, dayOf } from './back-date.js';

/** Who the demo's events, courses and LED region are told with: the national chamber, its Ashanti branch and the member persona. */
export interface DemoCast {
  tx: Tx;
  orgId: string;
  actor: { userId: string; name: string };
  /** The first start's today: every day of the story is counted from it. */
  today: Date;
  /** The Ashanti Regional Chamber, the branch that runs the chamber's work around Kumasi. */
  ashantiBranchId: string | null;
  persona: { userId: string; name: string; firmId: string };
}

export async function demoCast(tx: Tx, orgId: string, actor: { userId: string; name: string }, today: Date, persona: { email: string; name: string; firmId: string }): Promise<DemoCast> {
  const ctx = staffCtx({ tx, orgId, actor });
  const branch = (await listBranches(ctx)).find((b) => b.regions.includes('GH-AH'));
  const userId = async (email: string) => (await tx.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id ?? null;
  return {
    tx, orgId, actor, today, ashantiBranchId: branch?.id ?? null,
    persona: { userId: (await userId(persona.email))!, name: persona.name, firmId: persona.firmId },
  };
}

export const staffCtx = (cast: Pick<DemoCast, 'tx' | 'orgId' | 'actor'>): TenantCtx => ({ tx: cast.tx, orgId: cast.orgId, role: 'admin' as Role, actor: cast.actor, locale: 'en' });

/**
 * One chapter of the story, its histories moved to between `daysAgo[0]` and
 * `daysAgo[1]` days ago (back-date.ts). The events and courses tell theirs in
 * several, so that what was written on the day of an event (the check-in)
 * lands on that day, after what was written before it.
 */
export const chapter = <T>(cast: DemoCast, daysAgo: [number, number], work: () => Promise<T>) => backDated(cast.tx, cast.today, daysAgo, work);

/** The check-in's chapter: the first hour after the doors open at `startsAt`. */
export function atTheDoor<T>(cast: DemoCast, startsAt: string, work: () => Promise<T>) {
  const opened = (cast.today.getTime() - Date.parse(startsAt)) / 86_400_000;
  return chapter(cast, [opened, opened - 1 / 24], work);
}

export interface FirmPerson { memberId: string; contactId: string; name: string; firm: string }

/**
 * The owners of `count` active member firms (each firm's first contact): of
 * the first segment in the Ashanti region, then anywhere, then of the next
 * segment; each by firm name; firms in `skip` left out.
 */
export async function firmOwners(ctx: TenantCtx, count: number, audiences: Audience[], skip: string[] = []): Promise<FirmPerson[]> {
  const seen = new Set(skip);
  const out: FirmPerson[] = [];
  for (const audience of audiences.flatMap((a) => [{ ...a, region: 'GH-AH' }, a])) {
    const firms = (await firmsInAudience(ctx, audience)).sort((a, b) => a.legalName.localeCompare(b.legalName));
    for (const firm of firms) {
      if (out.length === count) return out;
      if (seen.has(firm.id)) continue;
      seen.add(firm.id);
      const [contact] = (await listContacts(ctx, firm.id)).filter((c) => !c.erasedAt);
      if (contact) out.push({ memberId: firm.id, contactId: contact.id, name: contact.name, firm: firm.legalName });
    }
  }
  return out;
}

const BANDS: AgeBand[] = ['35_plus', '25_34', '35_plus', '35_plus', '15_24', '25_34', '35_plus'];
/** A firm owner's age band as ticked on each form they fill: most are over 35, some young; the same person, the same band. */
const bandOf = (name: string) => BANDS[[...name].reduce((n, c) => n + c.charCodeAt(0), 0) % BANDS.length]!;

export const ownerRegistration = (p: FirmPerson, ticketTypeId: string | null) =>
  RegistrationInput.parse({ kind: 'member_contact', memberId: p.memberId, contactId: p.contactId, ticketTypeId, ageBand: bandOf(p.name) });

export const staffRegistration = (memberId: string, who: { name: string; sex: 'female' | 'male'; phone: string; ageBand: AgeBand }, ticketTypeId: string | null) =>
  RegistrationInput.parse({ kind: 'member_staff', memberId, ticketTypeId, ...who });

export const publicRegistration = (who: { name: string; sex: 'female' | 'male'; phone: string; ageBand: AgeBand }, ticketTypeId: string | null) =>
  RegistrationInput.parse({ kind: 'public', ticketTypeId, ...who });

/**
 * People ticked present at the door, as the check-in phone sends them: the
 * events module's check-in (each becomes a person reached, with a
 * participation), then what the event routes are handed (`server/app.ts`:
 * training's session attendance), in the same transaction. Some are typed by
 * the code on their ticket, the others picked from the list.
 */
export async function tickPresent(ctx: TenantCtx, eventId: string, present: Registration[]) {
  const items = present.map((r, i) => (i % 4 === 3 ? { registrationId: null, ticketCode: r.ticketCode.toLowerCase() } : { registrationId: r.id, ticketCode: null }));
  const result = await checkIn(ctx, eventId, { items });
  if (result.checkedIn.length) await recordSessionAttendance(ctx, eventId);
  return result;
}

const METHODS = ['mobile_money', 'mobile_money', 'bank_transfer', 'mobile_money', 'cash'];

/** The day each seat's ticket was invoiced (the day it was taken, or given from the waiting list): a firm pays after it. */
type Invoiced = Map<string, string>;

/** A firm pays its ticket `days` after it was invoiced, by mobile money mostly. */
async function pay(ctx: TenantCtx, reg: Registration, invoiced: Invoiced, days: number, i: number) {
  const method = METHODS[i % METHODS.length]!;
  const reference = method === 'cash' ? `Receipt ${4100 + i}` : method === 'bank_transfer' ? `GCB/${(7_316_004 + i * 4_111) % 10_000_000}` : `MM${(48_201_553 + i * 7_919) % 100_000_000}`;
  await recordPayment(ctx, reg.invoiceId!, { amount: reg.fee, paidOn: dayOf(new Date(`${invoiced.get(reg.id)!}T12:00:00Z`), days), method, reference });
}

/** Gives a seat back at `when`; the seats it frees go to those waiting, invoiced that day. */
async function giveBack(ctx: TenantCtx, eventId: string, reg: Registration, when: string, invoiced: Invoiced) {
  const { promoted } = await asOf(when, () => cancelRegistration(ctx, eventId, reg.id));
  for (const id of promoted) invoiced.set(id, when.slice(0, 10));
}

async function newEvent(ctx: TenantCtx, input: Record<string, unknown>, tickets: Array<{ name: string; fee: number; staffOnly?: boolean }>) {
  const id = await createEvent(ctx, EventInput.parse(input));
  const types = [];
  for (const t of tickets) types.push(await addTicketType(ctx, id, TicketTypeInput.parse(t)));
  await setEventState(ctx, id, 'published');
  return { id, types };
}

/** Registers one after another, each on its own day, from `firstDay` to `lastDay` days before the event. */
async function registerAll(ctx: TenantCtx, eventId: string, inputs: RegistrationInput[], today: Date, eventDays: number, firstDay: number, lastDay: number, invoiced: Invoiced) {
  const out: Registration[] = [];
  for (const [i, input] of inputs.entries()) {
    const daysBefore = firstDay - Math.floor(((firstDay - lastDay) * i) / Math.max(inputs.length - 1, 1));
    const when = dayAt(today, eventDays - daysBefore, 8 + (i % 9), (i * 17) % 60);
    const reg = await asOf(when, () => registerFor(ctx, eventId, input));
    invoiced.set(reg.id, when.slice(0, 10));
    out.push(reg);
  }
  return out;
}

/**
 * Export readiness workshop in Kumasi, about 175 days ago: member firms'
 * delegates with a paid ticket, two speakers, a member of the public; two
 * firms called off (their unpaid invoices voided), most paid by mobile money,
 * three still owe; two delegates did not come.
 */
export async function seedExportWorkshop(cast: DemoCast) {
  const ctx = staffCtx(cast);
  const on = -175;
  // Prepared three weeks before, registered for until the days before; ticked at the door on the day.
  const seated = await chapter(cast, [-on + 24, -on + 1], () => prepareExportWorkshop(cast, ctx, on));
  return atTheDoor(cast, dayAt(cast.today, on, 9), async () => {
    const absent = new Set([seated.holding[5]?.id, seated.holding[10]?.id]);
    await tickPresent(ctx, seated.id, seated.list.filter((r) => !absent.has(r.id)));
    return seated.id;
  });
}

async function prepareExportWorkshop(cast: DemoCast, ctx: TenantCtx, on: number) {
  const { id, types } = await asOf(dayAt(cast.today, on - 24, 10), () => newEvent(ctx, {
    title: 'Export readiness workshop: kente, shea and crafts for buyers abroad',
    kind: 'workshop', startsAt: dayAt(cast.today, on, 9), endsAt: dayAt(cast.today, on, 15, 30),
    venue: 'Ashanti Regional Chamber, conference room, Adum, Kumasi', branchId: cast.ashantiBranchId, capacity: 30, audience: 'public',
    description: 'What buyers in Europe and North America ask of Ghanaian crafts and shea butter: product standards, labels and packaging, pricing for export, and the paperwork at Tema and Kotoka. The Ghana Export Promotion Authority presents its market-access programme; a member firm that already exports tells how it found its first buyer.',
  }, [{ name: 'Member firm delegate', fee: 10_000 }, { name: 'Non-member', fee: 25_000 }, { name: 'Speaker', fee: 0, staffOnly: true }]));
  const [delegate, outsider, speaker] = types.map((t) => t.id) as [string, string, string];
  const owners = await firmOwners(ctx, 13, [{ sector: '1312' }, { sector: '1040' }, { sector: '4620' }, { sector: '1061' }, {}], [cast.persona.firmId]);
  // A member firm that exports already tells how it found its first buyer.
  const exporter = owners.pop();
  const invoiced: Invoiced = new Map();
  const inputs = [
    ...(exporter ? [staffRegistration(exporter.memberId, { name: 'Kwabena Ofosu', sex: 'male', phone: '+233 24 377 5120', ageBand: '35_plus' }, speaker)] : []),
    publicRegistration({ name: 'Esi Ofori', sex: 'female', phone: '+233 20 814 3307', ageBand: '35_plus' }, speaker),
    ...owners.map((p) => ownerRegistration(p, delegate)),
    ...(owners[1] ? [staffRegistration(owners[1].memberId, { name: 'Kwadwo Antwi', sex: 'male', phone: '+233 24 918 2264', ageBand: '25_34' }, delegate)] : []),
    ...(owners[4] ? [staffRegistration(owners[4].memberId, { name: 'Adjoa Sarpong', sex: 'female', phone: '+233 55 430 7781', ageBand: '25_34' }, delegate)] : []),
    publicRegistration({ name: 'Yaw Frimpong', sex: 'male', phone: '+233 54 219 6630', ageBand: '25_34' }, outsider),
  ];
  const regs = await registerAll(ctx, id, inputs, cast.today, on, 22, 4, invoiced);
  const billed = regs.filter((r) => r.invoiceId);
  // Two firms call off three days before; their tickets were not paid yet.
  const calledOff = [billed[3], billed[8]].filter((r): r is Registration => !!r);
  for (const r of calledOff) await giveBack(ctx, id, r, dayAt(cast.today, on - 3, 11), invoiced);
  const holding = billed.filter((r) => !calledOff.includes(r));
  for (const [i, r] of holding.entries()) if (i % 4 !== 2) await pay(ctx, r, invoiced, 1 + (i % 4), i);
  // At the door: everyone holding a seat but two delegates (one paid, one not).
  return { id, holding, list: (await listRegistrations(ctx, id)).filter((r) => r.status === 'registered') };
}

/**
 * Networking evening for tourism and hospitality firms, about 108 days ago:
 * more asked than the terrace holds, two gave their seats back (the first
 * waiting got them), one still waited on the night.
 */
export async function seedTourismEvening(cast: DemoCast) {
  const ctx = staffCtx(cast);
  const on = -108;
  const seated = await chapter(cast, [-on + 11, -on + 1], () => prepareTourismEvening(cast, ctx, on));
  return atTheDoor(cast, dayAt(cast.today, on, 17, 30), async () => {
    await tickPresent(ctx, seated.id, seated.list.filter((_, i) => i % 7 !== 5));
    return seated.id;
  });
}

async function prepareTourismEvening(cast: DemoCast, ctx: TenantCtx, on: number) {
  const { id, types } = await asOf(dayAt(cast.today, on - 11, 9), () => newEvent(ctx, {
    title: 'Tourism and hospitality networking evening',
    kind: 'networking_evening', startsAt: dayAt(cast.today, on, 17, 30), endsAt: dayAt(cast.today, on, 20, 30),
    venue: 'Garden terrace, Ahodwo, Kumasi', branchId: cast.ashantiBranchId, capacity: 20, audience: 'members',
    description: 'Hotels, guest houses and tour operators meet the craft villages around Kumasi: who brings visitors to Bonwire, Ntonso and Lake Bosomtwe, and who can host, guide and feed them. Short pitches of five minutes each, then a light dinner.',
  }, [{ name: 'Member', fee: 5_000 }]));
  const ticket = types[0]!.id;
  const owners = await firmOwners(ctx, 20, [{ sector: '55' }, { sector: '79' }, { sector: '1312' }, {}], [cast.persona.firmId]);
  const invoiced: Invoiced = new Map();
  const inputs = [
    ...owners.map((p) => ownerRegistration(p, ticket)),
    ...(owners[0] ? [staffRegistration(owners[0].memberId, { name: 'Nana Ama Boakye', sex: 'female', phone: '+233 26 774 0139', ageBand: '25_34' }, ticket)] : []),
    ...(owners[2] ? [staffRegistration(owners[2].memberId, { name: 'Kojo Amponsah', sex: 'male', phone: '+233 24 205 6618', ageBand: '15_24' }, ticket)] : []),
    ...(owners[5] ? [staffRegistration(owners[5].memberId, { name: 'Efua Nkansah', sex: 'female', phone: '+233 57 331 9042', ageBand: '35_plus' }, ticket)] : []),
  ];
  const regs = await registerAll(ctx, id, inputs, cast.today, on, 10, 3, invoiced);
  // Two give their seats back two days before: the first two waiting are seated and invoiced then.
  for (const r of regs.filter((x) => x.status === 'registered').filter((_, i) => i === 6 || i === 13)) {
    await giveBack(ctx, id, r, dayAt(cast.today, on - 2, 10, 15), invoiced);
  }
  const seated = (await listRegistrations(ctx, id)).filter((r) => r.status === 'registered');
  for (const [i, r] of seated.entries()) if (r.invoiceId && i % 5 !== 4) await pay(ctx, r, invoiced, i % 3, i + 20);
  return { id, list: seated };
}

/**
 * The Ashanti B2B day in three weeks: suppliers (a paid stand) and invited
 * buyers (hotels and tour operators, free). Full, with a waiting list; the
 * member persona registered herself and her master weaver, and her ticket is
 * still to pay, so her home shows it.
 */
export async function seedB2bDay(cast: DemoCast) {
  return chapter(cast, [7, 1], () => prepareB2bDay(cast, staffCtx(cast)));
}

async function prepareB2bDay(cast: DemoCast, ctx: TenantCtx) {
  const on = 19;
  const { id, types } = await asOf(dayAt(cast.today, -7, 9), () => newEvent(ctx, {
    title: 'Ashanti B2B day: crafts and food processors meet hotel and tour buyers',
    kind: 'b2b_day', startsAt: dayAt(cast.today, on, 9), endsAt: dayAt(cast.today, on, 16),
    venue: 'Prempeh Assembly Hall, Kumasi', branchId: cast.ashantiBranchId, capacity: 20, audience: 'members',
    description: 'Pre-arranged meetings of twenty minutes between suppliers and buyers. Hotels and tour operators look for kente and crafts for their shops and rooms, shea cosmetics for their spas, and gari and fruit for their kitchens. Suppliers bring samples and a price list; the chamber books the meetings a week before.',
  }, [{ name: 'Supplier (member firm)', fee: 20_000 }, { name: 'Buyer (invited)', fee: 0, staffOnly: true }]));
  const [supplier, buyer] = types.map((t) => t.id) as [string, string];

  // The persona registers herself and her master weaver first, from her own account.
  const member: TenantCtx = { tx: cast.tx, orgId: cast.orgId, role: 'member', actor: { userId: cast.persona.userId, name: cast.persona.name }, locale: 'en' };
  const [own] = (await listContacts(member, cast.persona.firmId)).filter((c) => !c.erasedAt);
  const invoiced: Invoiced = new Map();
  const mine = await asOf(dayAt(cast.today, -6, 20, 40), async () => [
    await registerFor(member, id, ownerRegistration({ memberId: cast.persona.firmId, contactId: own!.id, name: own!.name, firm: '' }, supplier)),
    await registerFor(member, id, staffRegistration(cast.persona.firmId, { name: 'Kwaku Sarfo', sex: 'male', phone: '+233 24 556 0183', ageBand: '25_34' }, supplier)),
  ]);
  for (const r of mine) invoiced.set(r.id, dayOf(cast.today, -6));

  const buyers = await firmOwners(ctx, 4, [{ sector: '55' }, { sector: '79' }], [cast.persona.firmId]);
  const suppliers = await firmOwners(ctx, 17, [{ sector: '1312' }, { sector: '1040' }, { sector: '1061' }, {}], [cast.persona.firmId, ...buyers.map((b) => b.memberId)]);
  const inputs = [
    ...buyers.map((p) => ownerRegistration(p, buyer)),
    ...suppliers.map((p) => ownerRegistration(p, supplier)),
    ...(suppliers[3] ? [staffRegistration(suppliers[3].memberId, { name: 'Akua Agyeiwaa', sex: 'female', phone: '+233 20 662 4817', ageBand: '15_24' }, supplier)] : []),
  ];
  const regs = await registerAll(ctx, id, inputs, cast.today, on, 24, 20, invoiced);
  // One supplier withdraws: the first on the waiting list gets the stand and its invoice.
  const withdrawn = regs.filter((r) => r.status === 'registered' && r.fee > 0)[2];
  if (withdrawn) await giveBack(ctx, id, withdrawn, dayAt(cast.today, -1, 14, 5), invoiced);
  // Kwaku's stand was paid at once by mobile money; Abena's is still open. Some suppliers have paid.
  if (mine[1]?.invoiceId) await pay(ctx, mine[1], invoiced, 0, 40);
  const seated = (await listRegistrations(ctx, id)).filter((r) => r.status === 'registered' && r.invoiceId && r.member?.id !== cast.persona.firmId);
  for (const [i, r] of seated.entries()) if (i % 3 === 0 && invoiced.get(r.id)! < dayOf(cast.today, -1)) await pay(ctx, r, invoiced, 1, i + 41);
  return id;
}
