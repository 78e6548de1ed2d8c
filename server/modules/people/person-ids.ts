import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { people } from './tables.js';

/** Follows merges: the record each id of the organisation now stands for (itself when never merged); unknown ids are left out. */
export async function currentPersonIds(ctx: TenantCtx, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await ctx.tx.select({ id: people.id, into: people.mergedIntoId }).from(people).where(and(eq(people.orgId, ctx.orgId), inArray(people.id, wanted)));
  // A merge re-points what was merged into the record it absorbs, so one step is enough.
  return new Map(rows.map((r) => [r.id, r.into ?? r.id]));
}

/**
 * The records that stand for a person: the person's own and those merged into
 * it, so a module that holds old ids can find everything of one person with a
 * query bounded by that person. Empty when the id is unknown or was itself
 * merged into another (it stands for that one now).
 */
export async function recordsOfPerson(ctx: TenantCtx, id: string): Promise<string[]> {
  const rows = await ctx.tx.select({ id: people.id, into: people.mergedIntoId }).from(people)
    .where(and(eq(people.orgId, ctx.orgId), or(eq(people.id, id), eq(people.mergedIntoId, id))));
  const own = rows.find((r) => r.id === id);
  if (!own || own.into) return [];
  return [id, ...rows.filter((r) => r.id !== id).map((r) => r.id)];
}

/**
 * Every record of the organisation's people as a subquery named `name`, for a
 * module above to join, count, sort and page in SQL what it holds by person
 * id (training's participant list): `record_id` the id as held, `person_id`
 * the person it stands for now (merges followed, one step as above), and that
 * person's `name` and firm (`member_id`).
 */
export function personRecordsQuery(ctx: TenantCtx, name: string) {
  const into = alias(people, `${name}_into`);
  return ctx.tx.select({
    recordId: sql<string>`${people.id}`.as('record_id'),
    personId: sql<string>`coalesce(${into.id}, ${people.id})`.as('person_id'),
    name: sql<string>`coalesce(${into.name}, ${people.name})`.as('name'),
    memberId: sql<string | null>`CASE WHEN ${into.id} IS NULL THEN ${people.memberId} ELSE ${into.memberId} END`.as('member_id'),
  }).from(people)
    .leftJoin(into, and(eq(into.orgId, people.orgId), eq(into.id, people.mergedIntoId)))
    .where(eq(people.orgId, ctx.orgId))
    .as(name);
}
