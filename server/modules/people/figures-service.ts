import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { ageBandAt, type AgeBand, type ParticipationRole } from '../../../contracts/people.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { people, personParticipations } from './tables.js';

/**
 * Participations in a period, each with who took part as the results module
 * counts them: the person (once merged, the record kept), their sex, and their
 * age band on the day (from the birth year when known).
 */
export async function participationsBetween(ctx: TenantCtx, startsOn: string, endsOn: string, roles: ParticipationRole[]) {
  const p = personParticipations;
  const rows = await ctx.tx
    .select({ id: p.id, personId: p.personId, on: p.occurredOn, role: p.role, kind: p.kind, sex: people.sex, birthYear: people.birthYear, ageBand: people.ageBand })
    .from(p)
    .innerJoin(people, and(eq(people.orgId, p.orgId), eq(people.id, p.personId)))
    .where(and(eq(p.orgId, ctx.orgId), inArray(p.role, roles), gte(p.occurredOn, startsOn), lte(p.occurredOn, endsOn)));
  return rows.map((r) => ({ id: r.id, personId: r.personId, on: r.on, role: r.role, kind: r.kind, sex: r.sex, ageBand: ageBandAt({ birthYear: r.birthYear, ageBand: r.ageBand as AgeBand | null }, r.on) }));
}
