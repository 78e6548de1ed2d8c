import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { OrgInput } from '../../contracts/orgs.js';
import type { Role } from '../../contracts/roles.js';
import { userRoles } from '../platform/tenants/tables.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { users } from '../platform/auth/tables.js';
import type { Database } from '../platform/db/database.js';
import { withSystem } from '../platform/db/tenancy.js';
import { Client } from './app.js';

export const PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;

export function uniqueEmail(prefix = 'person') {
  return `${prefix}.${randomBytes(4).toString('hex')}@example.test`;
}

export function orgInput(overrides: Partial<OrgInput> = {}): OrgInput {
  return {
    name: `Chamber ${randomBytes(3).toString('hex')}`,
    kind: 'chamber',
    country: 'GH',
    regions: ['GH-AA'],
    languages: ['en'],
    currency: 'GHS',
    shareMemberDataUpward: false,
    ...overrides,
  };
}

/** A new organisation signed up through the API; returns its admin's client. */
export async function createOrg(app: FastifyInstance, overrides: Partial<OrgInput> = {}) {
  const client = new Client(app);
  const email = uniqueEmail('admin');
  const res = await client.post('/api/v1/auth/signup', {
    admin: { name: 'Test Admin', email, password: PASSWORD },
    org: orgInput(overrides),
  });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.body}`);
  const session = res.json() as { org: { id: string; name: string }; user: { id: string } };
  return { orgId: session.org.id, orgName: session.org.name, admin: client, adminEmail: email, adminId: session.user.id };
}

/** A person with `role` in `orgId`, signed in there. */
export async function createPerson(app: FastifyInstance, orgId: string, role: Role, name = `Person ${role}`) {
  passwordHash ??= hashPassword(PASSWORD);
  const email = uniqueEmail(role);
  const user = await withSystem(app.database.db, async (tx) => {
    const [u] = await tx.insert(users).values({ email, name, passwordHash: await passwordHash! }).returning();
    await tx.insert(userRoles).values({ orgId, userId: u!.id, role });
    return u!;
  });
  const client = await new Client(app).login(email, PASSWORD);
  const switched = await client.post('/api/v1/auth/switch-org', { orgId });
  if (switched.statusCode !== 200) throw new Error(`switch failed: ${switched.body}`);
  return { client, email, userId: user.id };
}

/** A member firm through the API, with defaults a Ghanaian chamber would have. */
export async function createMemberFirm(client: Client, overrides: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/members', {
    legalName: `Firm ${randomBytes(3).toString('hex')}`,
    isicClass: '1079',
    region: 'GH-AA',
    employeesFemale: 2,
    employeesMale: 1,
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`member not created: ${res.body}`);
  return res.json() as { id: string; version: number; sizeClass: string | null; status: string; legalName: string };
}

/** A member firm's own user: a person with the member role whose address opens the firm's portal. */
export async function createFirmUser(app: FastifyInstance, admin: Client, orgId: string, memberId: string) {
  const person = await createPerson(app, orgId, 'member', 'Firm owner');
  const granted = await admin.post(`/api/v1/members/${memberId}/portal-access`, { email: person.email });
  if (granted.statusCode !== 200) throw new Error(`portal access not granted: ${granted.body}`);
  return person.client;
}

/**
 * Many plain firms at once, straight into the database: lists past the size
 * a search gathers and sorts (5,000) would take minutes through the API.
 */
export async function createManyMemberFirms(database: Database, orgId: string, count: number, fields: { womenLed?: boolean; status?: string } = {}) {
  await database.db.execute(sql`
    INSERT INTO members (org_id, legal_name, region, women_led, status)
    SELECT ${orgId}::uuid, 'Bulk Firm ' || lpad(i::text, 6, '0'), 'GH-AA', ${fields.womenLed ?? false}, ${fields.status ?? 'applicant'}
    FROM generate_series(1, ${count}) AS i`);
}

/** An event through the API (a workshop next year, in draft unless `publish`), with defaults a chamber would have. */
export async function createEvent(client: Client, overrides: Record<string, unknown> = {}, publish = true) {
  const res = await client.post('/api/v1/events', {
    title: `Workshop ${randomBytes(3).toString('hex')}`,
    kind: 'workshop',
    startsAt: '2027-03-10T09:00:00Z',
    endsAt: '2027-03-10T13:00:00Z',
    venue: 'Chamber House, Accra',
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`event not created: ${res.body}`);
  const event = res.json() as { id: string; ticketTypes: Array<{ id: string; name: string; fee: number }> };
  if (publish) {
    const published = await client.post(`/api/v1/events/${event.id}/state`, { state: 'published' });
    if (published.statusCode !== 200) throw new Error(`event not published: ${published.body}`);
  }
  return event;
}
