import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { postLabel, type DECISION_MAKER_SORTS, type DecisionMaker, type DecisionMakerDetail, type DecisionMakerInput, type DecisionMakerQuery, type Membership, type MembershipInput } from '../../../contracts/decision-makers.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import { escapeLike } from '../../platform/db/like.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { orgToday } from '../orgs/org-service.js';
import { addAdvocacyEvent } from './history-service.js';
import { advocacyIssues, advocacyObjectives, advocacyStakeholders, dmMemberships, dmOrganizations, dmPeople, dmPosts } from './tables.js';


/** The memberships of some people, with body and post, current ones first. */
export async function membershipsOf(ctx: TenantCtx, personIds: string[]): Promise<Map<string, Membership[]>> {
  const byPerson = new Map<string, Membership[]>(personIds.map((id) => [id, []]));
  if (!personIds.length) return byPerson;
  const rows = await ctx.tx
    .select({ m: dmMemberships, body: { id: dmOrganizations.id, name: dmOrganizations.name, classification: dmOrganizations.classification }, post: { id: dmPosts.id, label: dmPosts.label } })
    .from(dmMemberships)
    .innerJoin(dmOrganizations, eq(dmOrganizations.id, dmMemberships.organizationId))
    .leftJoin(dmPosts, eq(dmPosts.id, dmMemberships.postId))
    .where(and(inArray(dmMemberships.personId, personIds), eq(dmMemberships.orgId, ctx.orgId)))
    .orderBy(sql`${dmMemberships.endDate} DESC NULLS FIRST`, sql`${dmMemberships.startDate} DESC NULLS LAST`, asc(dmOrganizations.name));
  const now = await orgToday(ctx);
  for (const { m, body, post } of rows) {
    byPerson.get(m.personId)!.push({
      id: m.id, organization: body as Membership['organization'], post: post?.id ? { id: post.id, label: post.label } : null,
      role: m.role, startDate: m.startDate, endDate: m.endDate, current: !m.endDate || m.endDate >= now,
    });
  }
  for (const list of byPerson.values()) list.sort((a, b) => Number(b.current) - Number(a.current));
  return byPerson;
}

/** "Post, Body" for each current membership: how a person is introduced on an issue's map. */
export function currentPosts(memberships: Membership[]): string[] {
  return memberships.filter((m) => m.current).map(postLabel);
}

type PersonRow = typeof dmPeople.$inferSelect;
const present = (p: PersonRow, memberships: Membership[]): DecisionMaker => ({
  id: p.id, name: p.name, honorificPrefix: p.honorificPrefix, email: p.email, phone: p.phone, notes: p.notes, memberships,
});

export async function getPersonRow(ctx: TenantCtx, id: string, lock = false): Promise<PersonRow> {
  const query = ctx.tx.select().from(dmPeople).where(and(eq(dmPeople.id, id), eq(dmPeople.orgId, ctx.orgId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('advocacy.decision_maker_not_found');
  return row;
}

/** The columns the directory sorts by (contracts' DECISION_MAKER_SORTS). */
const DECISION_MAKER_LIST: SortedList<(typeof DECISION_MAKER_SORTS)[number]> = {
  id: dmPeople.id,
  columns: {
    name: { by: dmPeople.name, type: 'text' },
    added: { by: dmPeople.createdAt, type: 'timestamptz' },
  },
};

/** The directory, by name: a part of the name or of a body's name, or everyone in one body. */
export async function listDecisionMakers(ctx: TenantCtx, query: DecisionMakerQuery) {
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const page = await sortedPage(DECISION_MAKER_LIST, query, (k) => ctx.tx.select({ row: dmPeople, k }).from(dmPeople).$dynamic(), [
    eq(dmPeople.orgId, ctx.orgId),
    pattern ? sql`(${dmPeople.name} ILIKE ${pattern} OR EXISTS (SELECT 1 FROM ${dmMemberships} m JOIN ${dmOrganizations} o ON o.id = m.organization_id WHERE m.person_id = ${dmPeople.id} AND o.name ILIKE ${pattern}))` : undefined,
    query.organizationId ? sql`EXISTS (SELECT 1 FROM ${dmMemberships} m WHERE m.person_id = ${dmPeople.id} AND m.organization_id = ${query.organizationId})` : undefined,
  ], (r) => r.row.id);
  const memberships = await membershipsOf(ctx, page.items.map((p) => p.row.id));
  return { items: page.items.map(({ row: p }) => present(p, memberships.get(p.id)!)), nextCursor: page.nextCursor };
}

export async function getDecisionMaker(ctx: TenantCtx, id: string): Promise<DecisionMakerDetail> {
  const person = await getPersonRow(ctx, id);
  const memberships = (await membershipsOf(ctx, [id])).get(id)!;
  const issues = await ctx.tx
    .select({ issueId: advocacyStakeholders.issueId, title: advocacyIssues.title, stance: advocacyStakeholders.stance, influence: advocacyStakeholders.influence, note: advocacyStakeholders.note })
    .from(advocacyStakeholders)
    .innerJoin(advocacyIssues, eq(advocacyIssues.id, advocacyStakeholders.issueId))
    .where(and(eq(advocacyStakeholders.personId, id), eq(advocacyStakeholders.orgId, ctx.orgId)))
    .orderBy(asc(advocacyIssues.title));
  const objectives = await ctx.tx
    .select({ id: advocacyObjectives.id, issueId: advocacyObjectives.issueId, issueTitle: advocacyIssues.title, text: advocacyObjectives.text })
    .from(advocacyObjectives)
    .innerJoin(advocacyIssues, eq(advocacyIssues.id, advocacyObjectives.issueId))
    .where(and(eq(advocacyObjectives.targetPersonId, id), eq(advocacyObjectives.orgId, ctx.orgId)))
    .orderBy(asc(advocacyIssues.title), asc(advocacyObjectives.createdAt));
  return { ...present(person, memberships), issues, objectives };
}

export async function createDecisionMaker(ctx: TenantCtx, input: DecisionMakerInput) {
  const [row] = await ctx.tx.insert(dmPeople).values({ orgId: ctx.orgId, ...input }).returning();
  await recordAudit(ctx, { action: 'decision_maker.create', entityType: 'decision_maker', entityId: row!.id, after: { name: input.name } });
  return row!;
}

export async function editDecisionMaker(ctx: TenantCtx, id: string, input: DecisionMakerInput) {
  const before = await getPersonRow(ctx, id, true);
  await ctx.tx.update(dmPeople).set(input).where(eq(dmPeople.id, id));
  await recordAudit(ctx, { action: 'decision_maker.update', entityType: 'decision_maker', entityId: id, ...changedFields(before, input) });
}

/**
 * Removes a person from the directory. The maps they were on lose them, and
 * each of those issues' history says so: the history itself keeps their name.
 */
export async function removeDecisionMaker(ctx: TenantCtx, id: string) {
  const person = await getPersonRow(ctx, id, true);
  const mapped = await ctx.tx.select({ issueId: advocacyStakeholders.issueId }).from(advocacyStakeholders).where(and(eq(advocacyStakeholders.personId, id), eq(advocacyStakeholders.orgId, ctx.orgId)));
  for (const { issueId } of mapped) await addAdvocacyEvent(ctx, issueId, { action: 'stakeholder_removed', from: person.name });
  await ctx.tx.delete(dmPeople).where(eq(dmPeople.id, id));
  await recordAudit(ctx, { action: 'decision_maker.delete', entityType: 'decision_maker', entityId: id, before: { name: person.name } });
}

/** A post must belong to the body the membership is in. */
async function checkMembership(ctx: TenantCtx, input: MembershipInput) {
  const [body] = await ctx.tx.select({ id: dmOrganizations.id }).from(dmOrganizations).where(and(eq(dmOrganizations.id, input.organizationId), eq(dmOrganizations.orgId, ctx.orgId)));
  if (!body) throw fieldError('organizationId', 'advocacy.body_not_found');
  if (input.postId) {
    const [post] = await ctx.tx.select({ id: dmPosts.id }).from(dmPosts).where(and(eq(dmPosts.id, input.postId), eq(dmPosts.organizationId, input.organizationId), eq(dmPosts.orgId, ctx.orgId)));
    if (!post) throw fieldError('postId', 'advocacy.post_not_in_body');
  }
}

export async function addMembership(ctx: TenantCtx, personId: string, input: MembershipInput) {
  await getPersonRow(ctx, personId, true);
  await checkMembership(ctx, input);
  const [row] = await ctx.tx.insert(dmMemberships).values({ orgId: ctx.orgId, personId, ...input }).returning({ id: dmMemberships.id });
  await recordAudit(ctx, { action: 'decision_maker.membership_add', entityType: 'decision_maker', entityId: personId, after: { ...input, membershipId: row!.id } });
}

export async function editMembership(ctx: TenantCtx, personId: string, membershipId: string, input: MembershipInput) {
  await getPersonRow(ctx, personId, true);
  await checkMembership(ctx, input);
  const [before] = await ctx.tx.select().from(dmMemberships).where(and(eq(dmMemberships.id, membershipId), eq(dmMemberships.personId, personId), eq(dmMemberships.orgId, ctx.orgId)));
  if (!before) throw new AppError('advocacy.membership_not_found');
  await ctx.tx.update(dmMemberships).set(input).where(eq(dmMemberships.id, membershipId));
  await recordAudit(ctx, { action: 'decision_maker.membership_update', entityType: 'decision_maker', entityId: personId, ...changedFields(before, input) });
}

export async function removeMembership(ctx: TenantCtx, personId: string, membershipId: string) {
  await getPersonRow(ctx, personId, true);
  const [removed] = await ctx.tx.delete(dmMemberships).where(and(eq(dmMemberships.id, membershipId), eq(dmMemberships.personId, personId), eq(dmMemberships.orgId, ctx.orgId))).returning();
  if (!removed) throw new AppError('advocacy.membership_not_found');
  await recordAudit(ctx, { action: 'decision_maker.membership_remove', entityType: 'decision_maker', entityId: personId, before: { organizationId: removed.organizationId, postId: removed.postId, role: removed.role } });
}

const sameText = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The people of the decision-makers directory who are these people (a forum's
 * seats): the same e-mail, else the same name, case and spacing aside. Gives
 * each person's key → the decision-maker's id, for those found.
 */
export async function decisionMakersAmong(ctx: TenantCtx, people: Array<{ key: string; name: string; email: string | null }>): Promise<Map<string, string>> {
  const emails = [...new Set(people.flatMap((p) => (p.email?.trim() ? [sameText(p.email)] : [])))];
  const names = [...new Set(people.map((p) => sameText(p.name)).filter(Boolean))];
  if (!emails.length && !names.length) return new Map();
  const rows = await ctx.tx
    .select({ id: dmPeople.id, name: dmPeople.name, email: dmPeople.email })
    .from(dmPeople)
    .where(and(
      eq(dmPeople.orgId, ctx.orgId),
      or(
        emails.length ? inArray(sql`lower(trim(${dmPeople.email}))`, emails) : undefined,
        names.length ? inArray(sql`lower(regexp_replace(trim(${dmPeople.name}), '\\s+', ' ', 'g'))`, names) : undefined,
      ),
    ))
    .orderBy(asc(dmPeople.name), asc(dmPeople.id));
  const byEmail = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const r of rows) {
    if (r.email && !byEmail.has(sameText(r.email))) byEmail.set(sameText(r.email), r.id);
    if (!byName.has(sameText(r.name))) byName.set(sameText(r.name), r.id);
  }
  const found = new Map<string, string>();
  for (const p of people) {
    const id = (p.email?.trim() && byEmail.get(sameText(p.email))) || byName.get(sameText(p.name));
    if (id) found.set(p.key, id);
  }
  return found;
}
