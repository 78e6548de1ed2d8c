import { count, sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { OrgInput } from '../../contracts/orgs.js';
import type { Role } from '../../contracts/roles.js';
import { createBranch } from '../modules/orgs/branch-service.js';
import { createOrgWithAdmin } from '../platform/tenants/tenants.js';
import { orgs, userRoles } from '../platform/tenants/tables.js';
import { recordAudit } from '../platform/audit/record.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { users } from '../platform/auth/tables.js';
import { withSystem, type Tx } from '../platform/db/tenancy.js';
import { seedDemoConsultation } from './seed-consultations.js';
import { seedDemoMemberIssues } from './seed-member-issues.js';
import { seedDemoAdvocacy } from './seed-advocacy.js';
import { seedDemoMembers } from './seed-members.js';
import { backDated, stampedAsAudited } from './back-date.js';
import { demoCast, seedB2bDay, seedExportWorkshop, seedTourismEvening } from './seed-events.js';
import { seedAshantiLed, seedNorthernLed } from './seed-led.js';
import { seedLedCall } from './seed-led-calls.js';
import { seedCraftTrailPeople } from './seed-led-results.js';
import { seedAccraBranchLed } from './seed-led-branch.js';
import { seedTrainersTraining, seedWeaversCourse } from './seed-training.js';
import { seedWeaversEvaluation } from './seed-evaluation.js';
import { seedDemoCapacity } from './seed-capacity.js';
import { networkingStory } from './seed-networking.js';
import { showcaseStory } from './seed-showcase.js';
import { seedB2bMatchmaking } from './seed-b2b.js';
import { seedDemoResults } from './seed-results.js';
import { seedDemoDonor } from './seed-donor.js';
import { clock } from '../platform/clock.js';

export const DEMO_PASSWORD = 'roundtable-demo';

// Ghana's sixteen regions since 2019 (GH-BA, Brong-Ahafo, was split).
const GHANA_REGIONS = ['GH-AA', 'GH-AF', 'GH-AH', 'GH-BE', 'GH-BO', 'GH-CP', 'GH-EP', 'GH-NE', 'GH-NP', 'GH-OT', 'GH-SV', 'GH-TV', 'GH-UE', 'GH-UW', 'GH-WN', 'GH-WP'];

const national: OrgInput = {
  name: 'Ghana National Chamber of Commerce and Industry',
  kind: 'chamber',
  country: 'GH',
  regions: GHANA_REGIONS,
  languages: ['en'],
  currency: 'GHS',
  // What the country would give anyway; spelled out because the demo's meeting times and cedi amounts are read against it.
  timeZone: 'Africa/Accra',
  locale: 'en-GH',
  shareMemberDataUpward: false,
};

const branches: Array<OrgInput & { staff: { name: string; email: string } }> = [
  { name: 'Greater Accra Regional Chamber', kind: 'chamber', country: 'GH', regions: ['GH-AA'], languages: ['en'], currency: 'GHS', shareMemberDataUpward: true, shareCapacityWithSiblings: true, staff: { name: 'Kofi Adjei', email: 'kofi.adjei@accra.ghanachamber.example' } },
  { name: 'Ashanti Regional Chamber', kind: 'chamber', country: 'GH', regions: ['GH-AH'], languages: ['en', 'tw'], currency: 'GHS', shareMemberDataUpward: true, shareCapacityWithSiblings: true, staff: { name: 'Akosua Darko', email: 'akosua.darko@ashanti.ghanachamber.example' } },
  { name: 'Northern Regional Chamber', kind: 'chamber', country: 'GH', regions: ['GH-NP'], languages: ['en', 'dag'], currency: 'GHS', shareMemberDataUpward: false, staff: { name: 'Abdul-Rahman Issah', email: 'abdul-rahman.issah@northern.ghanachamber.example' } },
];

/** One person per role in the national chamber, so every view can be tried. */
export const DEMO_PEOPLE: Array<{ name: string; email: string; role: Role }> = [
  { name: 'Ama Mensah', email: 'ama.mensah@ghanachamber.example', role: 'admin' },
  { name: 'Kwame Asante', email: 'kwame.asante@ghanachamber.example', role: 'staff' },
  { name: 'Abena Owusu', email: 'abena.owusu@bonwirekente.example', role: 'member' },
  { name: 'Yaw Boateng', email: 'yaw.boateng@trade.gov.example', role: 'official' },
  { name: 'Efua Sarpong', email: 'efua.sarpong@sme-programme.example', role: 'viewer' },
];

async function addPerson(tx: Tx, orgId: string, person: { name: string; email: string }, role: Role, passwordHash: string, actor: { userId: string; name: string }) {
  const [user] = await tx.insert(users).values({ name: person.name, email: person.email, passwordHash }).returning();
  await tx.insert(userRoles).values({ orgId, userId: user!.id, role });
  await recordAudit({ tx, orgId, role: 'admin', actor, locale: 'en' }, { action: 'person.add', entityType: 'user', entityId: user!.id, after: { name: person.name, role } });
  return user!;
}

/** Creates the demo world when the database holds no organisation yet; returns what was made, or null. */
export async function seedDemoIfEmpty(db: NodePgDatabase, publicUrl = 'http://localhost:3000') {
  // Most starts find their data: one statement, no password hash (tens of ms) and no transaction.
  const [{ existing }] = (await db.select({ existing: count() }).from(orgs)) as [{ existing: number }];
  if (existing > 0) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return withSystem(db, async (tx) => {
    // Serialise concurrent first starts (several processes on one database).
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727001)`);
    const [{ n }] = (await tx.select({ n: count() }).from(orgs)) as [{ n: number }];
    if (n > 0) return null;

    // The story spreads over the last eighteen months, chapter by chapter, one after another (back-date.ts).
    const today = clock.now();
    const [adminSpec, ...others] = DEMO_PEOPLE;
    const [admin] = await tx.insert(users).values({ name: adminSpec!.name, email: adminSpec!.email, passwordHash }).returning();
    const actor = { userId: admin!.id, name: admin!.name };
    const chamber = await backDated(tx, today, [540, 535], async () => {
      const made = await createOrgWithAdmin(tx, national, actor);
      for (const person of others) await addPerson(tx, made.id, person, person.role, passwordHash, actor);
      return made;
    });

    const member = DEMO_PEOPLE.find((p) => p.role === 'member')!;
    const persona = { email: member.email, owner: member.name, firm: 'Bonwire Kente Weavers', region: 'GH-AH', place: 'Bonwire', isic: '1312' };
    const [personaFirm] = await backDated(tx, today, [530, 330], () => seedDemoMembers(tx, { orgId: chamber.id, regions: GHANA_REGIONS, count: 120, seed: 1, persona }, actor));
    const branchIds: string[] = [];
    const created = await backDated(tx, today, [325, 292], async () => {
      const made = [];
      let seed = 2;
      for (const { staff, ...branch } of branches) {
        const ctx = { tx, orgId: chamber.id, role: 'admin' as Role, actor, locale: 'en' };
        const org = await createBranch(ctx, branch);
        branchIds.push(org.id);
        await addPerson(tx, org.id, staff, 'staff', passwordHash, actor);
        await seedDemoMembers(tx, { orgId: org.id, regions: branch.regions, count: 50, seed: seed++ }, actor);
        made.push({ ...staff, role: 'staff' as Role, org: org.name });
      }
      return made;
    });
    // Events, training and LED around Kumasi, with the Ashanti branch and the persona's firm. Each
    // tells its story in chapters of its own, on the days it happened (seed-events.ts, seed-training.ts, seed-led.ts).
    const cast = await demoCast(tx, chamber.id, actor, today, { email: member.email, name: member.name, firmId: personaFirm! });
    const trainer = await seedTrainersTraining(cast); // 290 to 257 days ago
    // The persona has not answered yet: their home, and their mail in the outbox, lead to the form.
    await backDated(tx, today, [240, 200], () => seedDemoConsultation(tx, chamber.id, actor, publicUrl, [personaFirm!]));
    // SME networking runs alongside from here, told in the gaps between the other chapters (seed-networking.ts).
    const networking = networkingStory(cast);
    await networking.launch(); // 200 days ago
    await seedExportWorkshop(cast); // 199 to 175 days ago
    await networking.firstOffers(); // 174 to 169 days ago
    await backDated(tx, today, [168, 135], () => seedDemoMemberIssues(tx, chamber.id, actor));
    await networking.winter(); // 134 days ago
    const weavers = await seedWeaversCourse(cast, trainer); // 133 to 120 days ago
    await networking.spring(); // 119.26 to 119.18 days ago: after the weavers' last evening, whatever the hour of the first start
    await seedWeaversEvaluation(cast, weavers); // 119.14 to 119.05 days ago
    await seedTourismEvening(cast); // 119 to 108 days ago
    await networking.summer(); // 107 to 103 days ago
    // The showcase of local products and the information service open (seed-showcase.ts).
    const showcase = showcaseStory(cast, { persona: personaFirm!, shea: networking.firmOf('shea'), gari: networking.firmOf('gari'), kente: networking.firmOf('kente') });
    await showcase.open(); // 102.9 to 102.2 days ago
    const ashantiLed = await seedAshantiLed(cast); // 102 to 92 days ago
    // The Greater Accra branch's own LED, which the chamber sees across its branches (seed-led-branch.ts).
    await seedAccraBranchLed(cast); // 91.98 to 91.85 days ago
    await networking.autumn(); // 91 days ago
    await backDated(tx, today, [90, 8], () => seedDemoAdvocacy(tx, chamber.id, actor, DEMO_PEOPLE.find((p) => p.role === 'official')!.email));
    // The B2B day in three weeks, registered for this week: the persona's home shows her ticket to pay.
    await seedNorthernLed(cast); // 8 days ago
    // The Ashanti branch's first call for measures, open, its panel scoring what came in (seed-led-calls.ts).
    await seedLedCall(cast, ashantiLed.region, ashantiLed.bottlenecks); // 7.19 to 7.16 days ago
    await networking.lastWeek(); // 7 days ago
    const b2bDay = await seedB2bDay(cast); // 7 to 1 day ago
    // Its matchmaking opened once the seats were taken: requests, answers and a first schedule (seed-b2b.ts).
    // Yesterday: the persona proposes a product for the showcase; a question waits for staff.
    await showcase.yesterday(); // 0.99 to 0.93 days ago
    await seedB2bMatchmaking(cast, b2bDay); // 0.9 to 0.35 days ago
    // The capacity self-assessments of the chamber and its branches, this year and last.
    await backDated(tx, today, [0.3, 0.1], () => seedDemoCapacity(tx, chamber.id, branchIds, actor, today.getUTCFullYear()));
    // Networking and B2B rows the database stamped at this first start take the days their histories tell.
    await stampedAsAudited(tx);
    // The craft trail's first guides, new job and higher income, recorded this morning (seed-led-results.ts).
    await seedCraftTrailPeople(cast, ashantiLed.region); // 0.09 to 0.07 days ago
    // Last, the donor programme's results: year 1 counted from all of the above and approved, year 2 counted live (seed-results.ts).
    const results = await seedDemoResults(cast); // 0.06 to 0.002 days ago
    // The director shares the programme with its donor, whose dashboard then shows year 1 (seed-donor.ts).
    await seedDemoDonor(cast, results.framework, passwordHash); // 0.0015 to 0.001 days ago
    return { orgId: chamber.id, password: DEMO_PASSWORD, users: [...DEMO_PEOPLE, ...created] };
  });
}
