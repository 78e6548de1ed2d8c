import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { StakeholderInput, StakeholderMap } from '../../../contracts/decision-makers.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { currentPosts, getPersonRow, membershipsOf } from './decision-maker-service.js';
import { addAdvocacyEvent } from './history-service.js';
import { getIssueRow } from './issue-row.js';
import { presentStakeholder } from './present.js';
import { advocacyStakeholders, dmPeople } from './tables.js';

/** Who decides an issue: the most influential first, then the friendliest. */
export async function stakeholderMap(ctx: TenantCtx, issueId: string): Promise<StakeholderMap> {
  await getIssueRow(ctx, issueId);
  const rows = await ctx.tx
    .select({ s: advocacyStakeholders, name: dmPeople.name, honorificPrefix: dmPeople.honorificPrefix })
    .from(advocacyStakeholders)
    .innerJoin(dmPeople, eq(dmPeople.id, advocacyStakeholders.personId))
    .where(and(eq(advocacyStakeholders.issueId, issueId), eq(advocacyStakeholders.orgId, ctx.orgId)))
    .orderBy(desc(advocacyStakeholders.influence), desc(advocacyStakeholders.stance), asc(dmPeople.name));
  const memberships = await membershipsOf(ctx, rows.map((r) => r.s.personId));
  return {
    items: rows.map(({ s, name, honorificPrefix }) => presentStakeholder(s, { name, honorificPrefix, posts: currentPosts(memberships.get(s.personId)!) })),
  };
}

/**
 * Puts a decision-maker on the issue's map, or changes where they stand.
 * The map shows the present; every move is a step in the issue's history.
 */
export async function placeStakeholder(ctx: TenantCtx, issueId: string, personId: string, input: StakeholderInput) {
  await getIssueRow(ctx, issueId, true);
  const person = await getPersonRow(ctx, personId);
  const [before] = await ctx.tx.select().from(advocacyStakeholders).where(and(eq(advocacyStakeholders.issueId, issueId), eq(advocacyStakeholders.personId, personId))).for('update');
  if (!before) {
    await ctx.tx.insert(advocacyStakeholders).values({ orgId: ctx.orgId, issueId, personId, ...input });
    await addAdvocacyEvent(ctx, issueId, { action: 'stakeholder_added', to: `${input.stance}:${input.influence}`, note: person.name });
    return;
  }
  await ctx.tx.update(advocacyStakeholders).set({ ...input, updatedAt: sql`now()` }).where(and(eq(advocacyStakeholders.issueId, issueId), eq(advocacyStakeholders.personId, personId)));
  if (before.stance !== input.stance || before.influence !== input.influence) {
    await addAdvocacyEvent(ctx, issueId, { action: 'stakeholder_moved', from: `${before.stance}:${before.influence}`, to: `${input.stance}:${input.influence}`, note: [person.name, input.note !== before.note ? input.note : ''].filter(Boolean).join(' — ') });
  } else if (before.note !== input.note) {
    // What staff learnt about someone is kept too, not only where they stand.
    await addAdvocacyEvent(ctx, issueId, { action: 'stakeholder_note', from: before.note, to: input.note, note: person.name });
  } else nothingChanged();
}

export async function removeStakeholder(ctx: TenantCtx, issueId: string, personId: string) {
  await getIssueRow(ctx, issueId, true);
  const [removed] = await ctx.tx.delete(advocacyStakeholders).where(and(eq(advocacyStakeholders.issueId, issueId), eq(advocacyStakeholders.personId, personId), eq(advocacyStakeholders.orgId, ctx.orgId))).returning();
  if (!removed) throw new AppError('advocacy.stakeholder_not_found');
  await addAdvocacyEvent(ctx, issueId, { action: 'stakeholder_removed', from: (await getPersonRow(ctx, personId)).name });
}
