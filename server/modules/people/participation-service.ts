import { and, count, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { ageBandAt, type AgeBand, type Participation, type ParticipationRole, type PersonSex, type UniqueCount } from '../../../contracts/people.js';
import { recordAudits } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { currentPersonIds } from './person-ids.js';
import type { PersonRow } from './present.js';
import { people, personParticipations } from './tables.js';
import { countPeople } from './unique-count.js';

/** One time a person took part, as the module that owns the activity records it. */
export interface ParticipationInput {
  personId: string;
  /** What kind of activity: `course`, `tot`, `measure`, `event`… (lower case, digits, `_`). */
  kind: string;
  /** The module that owns the activity: `training`, `led`, `network`… */
  source: string;
  /** The activity's record in that module (a session, a measure). */
  sourceId: string;
  role: ParticipationRole;
  /** The day it happened, `YYYY-MM-DD`. */
  on: string;
}

const SLUG = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Records participations for a module (a course's attendance list, a
 * measure's new jobs). A merged person's id counts for the record it became.
 * The same person, activity, role and day is recorded once: a list saved
 * twice adds nothing. Each participation added gets an audit entry on its
 * person; the count added is returned.
 */
export async function recordParticipations(ctx: TenantCtx, entries: ParticipationInput[]): Promise<number> {
  if (!entries.length) return 0;
  for (const e of entries) if (!SLUG.test(e.kind) || !SLUG.test(e.source)) throw new AppError('bad_request');
  const current = await currentPersonIds(ctx, entries.map((e) => e.personId));
  const missing = entries.find((e) => !current.has(e.personId));
  if (missing) throw new AppError('people.not_found');
  const added = await ctx.tx
    .insert(personParticipations)
    .values(entries.map((e) => ({ orgId: ctx.orgId, personId: current.get(e.personId)!, kind: e.kind, source: e.source, sourceId: e.sourceId, role: e.role, occurredOn: e.on })))
    .onConflictDoNothing()
    .returning();
  await recordAudits(ctx, added.map((p) => ({
    action: 'person_reached.participation_add', entityType: 'person_reached', entityId: p.personId,
    after: { participationId: p.id, kind: p.kind, source: p.source, sourceId: p.sourceId, role: p.role, on: p.occurredOn },
  })));
  return added.length;
}

export const recordParticipation = (ctx: TenantCtx, entry: ParticipationInput) => recordParticipations(ctx, [entry]);

/**
 * Removes the participations a module recorded for one of its activities
 * (a session cancelled, a trainee taken off a list): all of them, or one
 * person's, or one role's. Each removal gets an audit entry on its person;
 * the count removed is returned.
 */
export async function removeParticipations(ctx: TenantCtx, of: { source: string; sourceId: string; personId?: string; role?: ParticipationRole }): Promise<number> {
  const personId = of.personId ? (await currentPersonIds(ctx, [of.personId])).get(of.personId) : undefined;
  if (of.personId && !personId) return 0;
  const removed = await ctx.tx
    .delete(personParticipations)
    .where(and(
      eq(personParticipations.orgId, ctx.orgId),
      eq(personParticipations.source, of.source),
      eq(personParticipations.sourceId, of.sourceId),
      personId ? eq(personParticipations.personId, personId) : undefined,
      of.role ? eq(personParticipations.role, of.role) : undefined,
    ))
    .returning();
  await recordAudits(ctx, removed.map((p) => ({
    action: 'person_reached.participation_remove', entityType: 'person_reached', entityId: p.personId,
    before: { participationId: p.id, kind: p.kind, source: p.source, sourceId: p.sourceId, role: p.role, on: p.occurredOn },
  })));
  return removed.length;
}

/**
 * Who took part in a module's activities, by activity: each person once per
 * activity and role (a course's trainees for its lineage, whatever the day),
 * with the first day they did (`on`).
 */
export async function participantsOf(ctx: TenantCtx, of: { source: string; sourceIds: string[]; roles: ParticipationRole[] }): Promise<Array<{ sourceId: string; personId: string; role: ParticipationRole; on: string }>> {
  if (!of.sourceIds.length || !of.roles.length) return [];
  const p = personParticipations;
  const rows = await ctx.tx
    .select({ sourceId: p.sourceId, personId: p.personId, role: p.role, on: sql<string>`min(${p.occurredOn})::text` })
    .from(p)
    .where(and(eq(p.orgId, ctx.orgId), eq(p.source, of.source), inArray(p.sourceId, of.sourceIds), inArray(p.role, of.roles)))
    .groupBy(p.sourceId, p.personId, p.role);
  return rows.map((r) => ({ ...r, role: r.role as ParticipationRole }));
}

/** How many participations each of these people has. */
export async function participationCounts(ctx: TenantCtx, personIds: string[]): Promise<Map<string, number>> {
  if (!personIds.length) return new Map();
  const rows = await ctx.tx
    .select({ personId: personParticipations.personId, n: count() })
    .from(personParticipations)
    .where(and(eq(personParticipations.orgId, ctx.orgId), inArray(personParticipations.personId, personIds)))
    .groupBy(personParticipations.personId);
  return new Map(rows.map((r) => [r.personId, Number(r.n)]));
}

/** A person's participations, latest first, each with the age band they were in that day. */
export async function participationsOf(ctx: TenantCtx, person: PersonRow): Promise<Participation[]> {
  const rows = await ctx.tx
    .select()
    .from(personParticipations)
    .where(and(eq(personParticipations.orgId, ctx.orgId), eq(personParticipations.personId, person.id)))
    .orderBy(desc(personParticipations.occurredOn), desc(personParticipations.createdAt))
    .limit(1000);
  const ages = { birthYear: person.birthYear, ageBand: person.ageBand as AgeBand | null };
  return rows.map((r) => ({ id: r.id, kind: r.kind, source: r.source, sourceId: r.sourceId, role: r.role as ParticipationRole, on: r.occurredOn, ageBand: ageBandAt(ages, r.occurredOn) }));
}

/** Which participations a count takes: every filter given must hold; a list matches any of its values. */
export interface CountFilters {
  kinds?: string[];
  sources?: string[];
  sourceIds?: string[];
  roles?: ParticipationRole[];
  /** First and last day, inclusive. */
  from?: string;
  to?: string;
  /** People recorded with one of these branches… */
  branchIds?: string[];
  /** …and, with `branchIds`, also those recorded with none. */
  withoutBranch?: boolean;
}

/**
 * People reached, each counted once however often they took part, beside the
 * simple sum of participations (what a count per course would add up to),
 * broken down by sex and by age band on the person's first participation
 * counted. Each breakdown sums to `people` (unique-count.ts).
 */
export async function countUniquePeople(ctx: TenantCtx, filters: CountFilters = {}): Promise<UniqueCount> {
  const p = personParticipations;
  const branch: SQL | undefined = filters.branchIds
    ? or(filters.branchIds.length ? inArray(people.branchId, filters.branchIds) : sql`false`, filters.withoutBranch ? isNull(people.branchId) : undefined)
    : undefined;
  const rows = await ctx.tx
    .select({
      sex: people.sex,
      birthYear: people.birthYear,
      ageBand: people.ageBand,
      firstOn: sql<string>`min(${p.occurredOn})::text`,
      participations: sql<number>`count(*)::int`,
    })
    .from(p)
    .innerJoin(people, and(eq(people.orgId, p.orgId), eq(people.id, p.personId)))
    .where(and(
      eq(p.orgId, ctx.orgId),
      filters.kinds ? inArray(p.kind, filters.kinds.length ? filters.kinds : ['']) : undefined,
      filters.sources ? inArray(p.source, filters.sources.length ? filters.sources : ['']) : undefined,
      filters.sourceIds ? (filters.sourceIds.length ? inArray(p.sourceId, filters.sourceIds) : sql`false`) : undefined,
      filters.roles ? inArray(p.role, filters.roles.length ? filters.roles : ['']) : undefined,
      filters.from ? gte(p.occurredOn, filters.from) : undefined,
      filters.to ? lte(p.occurredOn, filters.to) : undefined,
      branch,
    ))
    .groupBy(people.id, people.sex, people.birthYear, people.ageBand);
  return countPeople(rows.map((r) => ({ sex: r.sex as PersonSex, birthYear: r.birthYear, ageBand: r.ageBand as AgeBand | null, firstOn: r.firstOn, participations: Number(r.participations) })));
}
