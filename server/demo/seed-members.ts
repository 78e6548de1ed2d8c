import { sql } from 'drizzle-orm';
import type { Role } from '../../contracts/roles.js';
import type { Tx } from '../platform/db/tenancy.js';
import type { TenantCtx } from '../platform/db/tenancy.js';
import { addContact, addInteraction } from '../modules/members/contact-service.js';
import { createMember, memberRules } from '../modules/members/member-service.js';
import { changeStatus, createTier } from '../modules/members/membership-service.js';
import { addDays, issueRenewalInvoice, recordPayment } from '../modules/members/billing-service.js';
import { invoices, members, membershipStatusHistory } from '../modules/members/tables.js';
import { grantPortalAccess } from '../modules/members/portal-service.js';
import { updateMemberSettings } from '../modules/members/settings-service.js';
import { clock } from '../platform/clock.js';
import { seededRandom as random } from '../platform/seeded-random.js';

// What such a chamber's members really do, with their ISIC Rev.4 class.
const TRADES = [
  { isic: '1061', words: ['Gari Processing', 'Cassava Mills', 'Gari & Kokonte'], products: 'gari, cassava flour, kokonte', tags: ['cassava', 'agro-processing'] },
  { isic: '1040', words: ['Shea Butter Processors', 'Shea Women Cooperative', 'Shea Products'], products: 'unrefined shea butter, shea soap', tags: ['shea', 'agro-processing'] },
  { isic: '1312', words: ['Kente Weavers', 'Kente House', 'Handloom Textiles'], products: 'kente cloth, stoles, bags', tags: ['kente', 'crafts'] },
  { isic: '4620', words: ['Cocoa Buyers', 'Cocoa Trading', 'Produce Buying Co.'], products: 'cocoa beans, cashew', tags: ['cocoa', 'trade'] },
  { isic: '4520', words: ['Auto Repairs', 'Fitting Shop', 'Motors Garage'], products: 'vehicle repair, spraying, welding', tags: ['auto'] },
  { isic: '5510', words: ['Guest House', 'Lodge', 'Hotel'], products: 'rooms, conference hall, catering', tags: ['tourism'] },
  { isic: '7911', words: ['Tours', 'Travel & Tours', 'Eco-Tours'], products: 'tours to Mole, Kakum and Cape Coast', tags: ['tourism'] },
  { isic: '6201', words: ['Software Solutions', 'Digital Labs', 'Tech Hub'], products: 'mobile apps, websites, payment integration', tags: ['ict'] },
  { isic: '6202', words: ['ICT Consult', 'Systems & Networks', 'IT Services'], products: 'networking, IT support, training', tags: ['ict'] },
];
const PLACES: Record<string, string[]> = {
  'GH-AA': ['Accra', 'Tema', 'Madina', 'Osu', 'Kaneshie', 'Dansoman', 'Ashaiman'],
  'GH-AH': ['Kumasi', 'Bonwire', 'Ejisu', 'Obuasi', 'Adum', 'Suame', 'Kejetia'],
  'GH-NP': ['Tamale', 'Yendi', 'Savelugu', 'Tolon', 'Kumbungu', 'Gushegu'],
  'GH-CP': ['Cape Coast', 'Elmina', 'Winneba'],
  'GH-WP': ['Takoradi', 'Tarkwa'],
};
const OWNERS = ['Mensah', 'Asante', 'Owusu', 'Boateng', 'Osei', 'Addo', 'Appiah', 'Issah', 'Alhassan', 'Mahama', 'Abubakar', 'Seidu', 'Quaye', 'Tetteh', 'Agyeman', 'Darko', 'Nyarko', 'Fuseini'];
const FIRST = { female: ['Ama', 'Akosua', 'Abena', 'Efua', 'Adwoa', 'Mariama', 'Abiba', 'Fatima', 'Yaa', 'Esi'], male: ['Kwame', 'Kofi', 'Yaw', 'Kwabena', 'Ibrahim', 'Abdul', 'Fuseini', 'Kojo', 'Kwesi', 'Mohammed'] };

export interface DemoMembersPlan {
  orgId: string;
  regions: string[];
  count: number;
  seed: number;
  /** The member persona's own firm, made first and opened to them (their e-mail). */
  persona?: { email: string; owner: string; firm: string; region: string; place: string; isic: string };
}

/** A believable member registry for one organisation: firms, contacts, statuses over two years, invoices and payments; the firms' ids, the persona's first. */
export async function seedDemoMembers(tx: Tx, plan: DemoMembersPlan, actor: { userId: string; name: string }) {
  const rnd = random(plan.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const ctx: TenantCtx = { tx, orgId: plan.orgId, role: 'admin' as Role, actor, locale: 'en' };
  await updateMemberSettings(ctx, {
    microMaxEmployees: 5,
    smallMaxEmployees: 29,
    mediumMaxEmployees: 99,
    microMaxTurnover: null,
    smallMaxTurnover: null,
    mediumMaxTurnover: null,
    districts: [
      { region: 'GH-NP', name: 'Tamale Metropolitan' },
      { region: 'GH-NP', name: 'Yendi Municipal' },
      { region: 'GH-AH', name: 'Kumasi Metropolitan' },
      { region: 'GH-AH', name: 'Ejisu Municipal' },
      { region: 'GH-AA', name: 'Accra Metropolitan' },
      { region: 'GH-AA', name: 'Tema Metropolitan' },
    ].filter((d) => plan.regions.includes(d.region)),
  });
  const ordinary = await createTier(ctx, { name: 'Ordinary', description: 'Micro and small enterprises', active: true, fees: { micro: 15000, small: 40000, medium: 120000, large: 300000 } });
  await createTier(ctx, { name: 'Corporate', description: 'Medium and large companies', active: true, fees: { micro: 60000, small: 100000, medium: 250000, large: 600000 } });
  const rules = await memberRules(ctx);
  const today = clock.now();
  const created: string[] = [];

  for (let i = 0; i < plan.count; i++) {
    // The persona's firm takes the same draws as any other (the rest of the world stays as it was) and then is theirs.
    const persona = i === 0 ? plan.persona : undefined;
    const drawnTrade = pick(TRADES);
    const trade = persona ? TRADES.find((t) => t.isic === persona.isic)! : drawnTrade;
    const drawnRegion = pick(plan.regions.filter((r) => PLACES[r]));
    const region = persona?.region ?? drawnRegion;
    const drawnPlace = pick(PLACES[drawnRegion]!);
    const place = persona?.place ?? drawnPlace;
    const womenLed = rnd() < (trade.isic === '1040' ? 0.9 : 0.35) || !!persona;
    const sex = womenLed ? 'female' : 'male';
    const drawnOwner = `${pick(FIRST[sex])} ${pick(OWNERS)}`;
    const owner = persona?.owner ?? drawnOwner;
    const informal = rnd() < (['1040', '1061', '4520'].includes(trade.isic) ? 0.45 : 0.1);
    const employees = Math.round(rnd() < 0.6 ? 1 + rnd() * 4 : rnd() < 0.8 ? 6 + rnd() * 20 : 30 + rnd() * 80);
    const female = Math.round(employees * (womenLed ? 0.5 + rnd() * 0.4 : rnd() * 0.4));
    const drawnName = rnd() < 0.5 ? `${place} ${pick(trade.words)}` : `${owner.split(' ')[1]} ${pick(trade.words)}`;
    const name = persona?.firm ?? drawnName;
    const firm = await createMember(
      ctx,
      {
        legalName: `${name}${rnd() < 0.5 && !informal ? ' Ltd' : ''}`,
        tradeName: null,
        registrationNumber: informal ? null : `CS${String(100000 + Math.floor(rnd() * 899999))}`,
        taxNumber: informal ? null : `C00${String(Math.floor(rnd() * 99999999)).padStart(8, '0')}`,
        isicClass: trade.isic,
        region,
        district: null,
        address: `${Math.floor(1 + rnd() * 120)} ${pick(['Market Road', 'Station Road', 'High Street', 'Hospital Road', 'Zongo Lane'])}, ${place}`,
        latitude: null,
        longitude: null,
        employeesFemale: female,
        employeesMale: employees - female,
        turnover: Math.round(employees * (20000 + rnd() * 60000)) * 100,
        formality: informal ? 'informal' : 'formal',
        womenLed,
        youthLed: rnd() < 0.25,
        ownerSex: sex,
        foundedYear: 1985 + Math.floor(rnd() * 38),
        products: trade.products,
        exportStatus: ['4620', '1040', '1312'].includes(trade.isic) && rnd() < 0.4 ? 'occasional' : 'none',
        // Most firms give an address: consultations and reminders reach them by e-mail.
        email: i % 4 === 3 ? null : `info@${i + 1}.${name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.example`,
        phone: `+233 ${20 + Math.floor(rnd() * 40)} ${String(Math.floor(rnd() * 9999999)).padStart(7, '0')}`,
        website: null,
        tags: trade.tags,
        tierId: ordinary.id,
      },
      rules,
    );
    created.push(firm.id);
    await addContact(ctx, firm.id, { name: owner, role: 'Owner', email: null, phone: null, sex, consentToContact: rnd() < 0.8 });
    // The persona's firm is an active member.
    const drawnRoll = rnd();
    const roll = persona ? 0 : drawnRoll;
    if (roll < 0.82) {
      // Joined some time in the last two years; a few have lapsed since.
      const joined = new Date(today.getTime() - Math.floor(rnd() * 700) * 86_400_000);
      const member = await changeStatus(ctx, firm.id, 'active', 'Approved by the membership committee', joined);
      // History in the order it would have happened: applied, approved.
      await tx.update(membershipStatusHistory).set({ changedAt: new Date(joined.getTime() - 7 * 86_400_000) }).where(sql`member_id = ${firm.id} and to_status = 'applicant'`);
      await tx.update(membershipStatusHistory).set({ changedAt: joined }).where(sql`member_id = ${firm.id} and to_status = 'active'`);
      const [invoice] = await tx.select().from(invoices).where(sql`member_id = ${firm.id}`);
      if (invoice && rnd() < 0.75) {
        const paidOn = new Date(joined.getTime() + Math.floor(rnd() * 25) * 86_400_000).toISOString().slice(0, 10);
        await recordPayment(ctx, invoice.id, { amount: invoice.amount, paidOn, method: pick(['mobile_money', 'mobile_money', 'cash', 'bank_transfer']), reference: `MM${Math.floor(rnd() * 1e8)}` });
      }
      if (member.renewalDueOn && member.renewalDueOn < today.toISOString().slice(0, 10) && rnd() < 0.6 && !persona) {
        await changeStatus(ctx, firm.id, 'lapsed', 'Renewal not paid');
        const lapsedOn = new Date(new Date(`${member.renewalDueOn}T00:00:00Z`).getTime() + 30 * 86_400_000);
        if (lapsedOn < today) await tx.update(membershipStatusHistory).set({ changedAt: lapsedOn }).where(sql`member_id = ${firm.id} and to_status = 'lapsed'`);
      }
      await renewWhileDue(ctx, firm.id, today, () => pick(['mobile_money', 'mobile_money', 'cash', 'bank_transfer']), () => Math.floor(rnd() * 1e8));
      if (rnd() < 0.5) {
        await addInteraction(ctx, firm.id, { kind: pick(['service', 'visit', 'call', 'meeting'] as const), occurredOn: joined.toISOString().slice(0, 10), summary: pick(['Certificate of origin issued', 'Export documentation advice', 'Visited the workshop', 'Attended the SME finance clinic', 'Asked about port clearance delays']), service: rnd() < 0.5 ? pick(['Certificate of origin', 'Export advisory', 'Business clinic']) : null });
      }
    }
  }
  if (plan.persona && created[0]) await grantPortalAccess(ctx, created[0], plan.persona.email, 'http://localhost:3000');
  return created;
}

/**
 * An active firm whose year ended has renewed: each year's invoice issued on its renewal day and
 * paid within ten days, so that no active firm shows a renewal date months past.
 */
async function renewWhileDue(ctx: TenantCtx, memberId: string, today: Date, method: () => string, reference: () => number) {
  const todayIso = today.toISOString().slice(0, 10);
  for (;;) {
    const [firm] = await ctx.tx.select().from(members).where(sql`org_id = ${ctx.orgId} and id = ${memberId}`);
    if (!firm || firm.status !== 'active' || !firm.renewalDueOn || firm.renewalDueOn >= todayIso) return;
    const due = firm.renewalDueOn;
    // A year later, as changeStatus counts a membership year.
    const [renewed] = await ctx.tx.update(members).set({ renewalDueOn: sql`(${due}::date + interval '1 year')::date` }).where(sql`org_id = ${ctx.orgId} and id = ${memberId}`).returning();
    const invoice = await issueRenewalInvoice(ctx, renewed!, due);
    if (invoice) {
      const tenDays = addDays(due, 10);
      await recordPayment(ctx, invoice.id, { amount: invoice.amount, paidOn: tenDays < todayIso ? tenDays : todayIso, method: method(), reference: `MM${reference()}` });
    }
  }
}
