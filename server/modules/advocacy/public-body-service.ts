import { and, asc, eq, sql } from 'drizzle-orm';
import type { PublicBody, PublicBodyInput } from '../../../contracts/decision-makers.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { orgToday } from '../orgs/org-service.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { dmMemberships, dmOrganizations, dmPeople, dmPosts } from './tables.js';


/** Every public body of the directory with its posts and who holds them now. A directory is hundreds, not millions. */
export async function listPublicBodies(ctx: TenantCtx): Promise<PublicBody[]> {
  const today = await orgToday(ctx);
  const bodies = await ctx.tx
    .select({
      id: dmOrganizations.id, name: dmOrganizations.name, classification: dmOrganizations.classification,
      // Spelled out: drizzle leaves a select list's columns unqualified, which the subquery would read as its own.
      people: sql<number>`(SELECT count(DISTINCT m.person_id)::int FROM ${dmMemberships} m WHERE m.organization_id = dm_organizations.id AND (m.end_date IS NULL OR m.end_date >= ${today}))`,
    })
    .from(dmOrganizations)
    .where(eq(dmOrganizations.orgId, ctx.orgId))
    .orderBy(asc(dmOrganizations.name))
    .limit(1000);
  const posts = await ctx.tx
    .select({ id: dmPosts.id, bodyId: dmPosts.organizationId, label: dmPosts.label, holderId: dmPeople.id, holderName: dmPeople.name })
    .from(dmPosts)
    .leftJoin(dmMemberships, sql`${dmMemberships.postId} = ${dmPosts.id} AND (${dmMemberships.endDate} IS NULL OR ${dmMemberships.endDate} >= ${today})`)
    .leftJoin(dmPeople, eq(dmPeople.id, dmMemberships.personId))
    .where(eq(dmPosts.orgId, ctx.orgId))
    .orderBy(asc(dmPosts.label), asc(dmPeople.name));
  const byBody = new Map<string, PublicBody['posts']>();
  for (const p of posts) {
    const list = byBody.get(p.bodyId) ?? byBody.set(p.bodyId, []).get(p.bodyId)!;
    let post = list.find((x) => x.id === p.id);
    if (!post) list.push((post = { id: p.id, label: p.label, holders: [] }));
    if (p.holderId) post.holders.push({ id: p.holderId, name: p.holderName! });
  }
  return bodies.map((b) => ({ ...b, classification: b.classification as PublicBody['classification'], posts: byBody.get(b.id) ?? [] }));
}

async function getBodyRow(ctx: TenantCtx, id: string) {
  const [row] = await ctx.tx.select().from(dmOrganizations).where(and(eq(dmOrganizations.id, id), eq(dmOrganizations.orgId, ctx.orgId))).for('update');
  if (!row) throw new AppError('advocacy.body_not_found');
  return row;
}

export async function createPublicBody(ctx: TenantCtx, input: PublicBodyInput) {
  const [row] = await ctx.tx.insert(dmOrganizations).values({ orgId: ctx.orgId, ...input }).returning();
  await recordAudit(ctx, { action: 'public_body.create', entityType: 'public_body', entityId: row!.id, after: input });
  return row!;
}

export async function editPublicBody(ctx: TenantCtx, id: string, input: PublicBodyInput) {
  const before = await getBodyRow(ctx, id);
  await ctx.tx.update(dmOrganizations).set(input).where(eq(dmOrganizations.id, id));
  await recordAudit(ctx, { action: 'public_body.update', entityType: 'public_body', entityId: id, ...changedFields(before, input) });
}

/** Removing a body removes its posts and the memberships in it; the people stay in the directory. */
export async function removePublicBody(ctx: TenantCtx, id: string) {
  const before = await getBodyRow(ctx, id);
  await ctx.tx.delete(dmOrganizations).where(eq(dmOrganizations.id, id));
  await recordAudit(ctx, { action: 'public_body.delete', entityType: 'public_body', entityId: id, before: { name: before.name } });
}

export async function addPost(ctx: TenantCtx, bodyId: string, input: { label: string }) {
  await getBodyRow(ctx, bodyId);
  const [row] = await ctx.tx.insert(dmPosts).values({ orgId: ctx.orgId, organizationId: bodyId, label: input.label }).returning({ id: dmPosts.id });
  await recordAudit(ctx, { action: 'public_body.post_add', entityType: 'public_body', entityId: bodyId, after: { postId: row!.id, label: input.label } });
}

/** The memberships that named the post keep the person in the body, without the post. */
export async function removePost(ctx: TenantCtx, bodyId: string, postId: string) {
  await getBodyRow(ctx, bodyId);
  const [removed] = await ctx.tx.delete(dmPosts).where(and(eq(dmPosts.id, postId), eq(dmPosts.organizationId, bodyId), eq(dmPosts.orgId, ctx.orgId))).returning();
  if (!removed) throw new AppError('advocacy.post_not_found');
  await recordAudit(ctx, { action: 'public_body.post_remove', entityType: 'public_body', entityId: bodyId, before: { label: removed.label } });
}
