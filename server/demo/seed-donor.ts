import { eq } from 'drizzle-orm';
import { users } from '../platform/auth/tables.js';
import { resultsDonorUsers, resultsDonors, resultsFrameworkShares } from '../modules/results/donor-tables.js';
import { shareFramework } from '../modules/results/donor-service.js';
import { chapter, staffCtx, type DemoCast } from './seed-events.js';

/** The demo programme's donor: a development agency, as an operator adds it (`roundtable donor add`). */
export const DEMO_DONOR = 'SME Programme (multi-donor trust fund)';

/**
 * The donor's programme officer: she signs in for the donor and belongs to no organisation, so she
 * is not one of the chamber's people (DEMO_PEOPLE); an operator adds such a person with
 * `roundtable donor add`, as the demo does here.
 */
export const DEMO_DONOR_PERSON = { name: 'Ingrid Halvorsen', email: 'ingrid.halvorsen@sme-fund.example' };

/**
 * The director shares the donor programme's framework with its donor, just after approving year 1
 * (seed-results.ts): the donor's dashboard shows year 1 as reported.
 */
export async function seedDemoDonor(cast: DemoCast, frameworkId: string, passwordHash: string) {
  return chapter(cast, [0.0015, 0.001], async () => {
    const [donor] = await cast.tx.insert(resultsDonors).values({ name: DEMO_DONOR }).returning();
    const [officer] = await cast.tx.insert(users).values({ ...DEMO_DONOR_PERSON, passwordHash }).returning();
    await cast.tx.insert(resultsDonorUsers).values({ donorId: donor!.id, userId: officer!.id });
    await shareFramework(staffCtx(cast), frameworkId, donor!.id);
    // When it was shared, as its audit entry says (the database stamps the transaction's start).
    await cast.tx.update(resultsFrameworkShares).set({ sharedAt: new Date(cast.today.getTime() - 0.001 * 86_400_000) }).where(eq(resultsFrameworkShares.donorId, donor!.id));
    return donor!;
  });
}
