import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { currentPersonIds } from './person-ids.js';
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
    .select({ id: p.id, personId: p.personId, on: p.occurredOn, role: p.role, kind: p.kind, source: p.source, sex: people.sex, birthYear: people.birthYear, ageBand: people.ageBand })
    .from(p)
    .innerJoin(people, and(eq(people.orgId, p.orgId), eq(people.id, p.personId)))
    .where(and(eq(p.orgId, ctx.orgId), inArray(p.role, roles), gte(p.occurredOn, startsOn), lte(p.occurredOn, endsOn)));
  return rows.map((r) => ({ id: r.id, personId: r.personId, on: r.on, role: r.role, kind: r.kind, source: r.source, sex: r.sex, ageBand: ageBandAt({ birthYear: r.birthYear, ageBand: r.ageBand as AgeBand | null }, r.on) }));
}

/**
 * Who these people were on a day, as results count them (another module's
 * records naming people, as trainers certified): the record a merged id became,
 * its sex and its age band on that day, in the order asked (null for an id of no person).
 */
export async function peopleOnDays(ctx: TenantCtx, entries: Array<{ personId: string; on: string }>) {
  const current = await currentPersonIds(ctx, entries.map((e) => e.personId));
  const ids = [...new Set(current.values())];
  const rows = ids.length
    ? await ctx.tx.select({ id: people.id, sex: people.sex, birthYear: people.birthYear, ageBand: people.ageBand }).from(people).where(and(eq(people.orgId, ctx.orgId), inArray(people.id, ids)))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return entries.map((e) => {
    const person = byId.get(current.get(e.personId) ?? '');
    return person ? { personId: person.id, on: e.on, sex: person.sex, ageBand: ageBandAt({ birthYear: person.birthYear, ageBand: person.ageBand as AgeBand | null }, e.on) } : null;
  });
}
