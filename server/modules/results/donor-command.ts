import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { users } from '../../platform/auth/tables.js';
import { withSystem } from '../../platform/db/tenancy.js';
import { userRoles } from '../../platform/tenants/tables.js';
import { addDonorUser, createDonor } from './donor-service.js';

export interface DonorPersonInput {
  /** The donor's name; an existing donor of that name is kept. */
  donor: string;
  email: string;
  /** The person's name, for a new account (an existing one keeps its own). */
  name: string;
  /** A new account's password hash. */
  passwordHash: string;
  /** Whether an existing account gets this password too (else it keeps its own). */
  resetPassword: boolean;
}

/**
 * The operator's `roundtable donor add`: the donor (created when missing) and the person who signs
 * in for it — an existing account by its e-mail, or a new one. Donors belong to no organisation,
 * so there is no organisation's audit log to write to; the command prints what it did.
 */
export async function addDonorPerson(db: NodePgDatabase, input: DonorPersonInput) {
  const donor = await createDonor(db, input.donor);
  const { user, created, orgs } = await withSystem(db, async (tx) => {
    const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = lower(${input.email})`);
    if (existing && input.resetPassword) await tx.update(users).set({ passwordHash: input.passwordHash }).where(sql`${users.id} = ${existing.id}`);
    const [user] = existing ? [existing] : await tx.insert(users).values({ email: input.email, name: input.name, passwordHash: input.passwordHash }).returning();
    const roles = await tx.select({ orgId: userRoles.orgId }).from(userRoles).where(sql`${userRoles.userId} = ${user!.id}`);
    return { user: user!, created: !existing, orgs: roles.length };
  });
  await addDonorUser(db, donor.id, user.id);
  return { donor: { id: donor.id, name: donor.name }, user: { id: user.id, email: user.email, name: user.name }, created, orgs };
}
