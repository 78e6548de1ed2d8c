import { and, asc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { ACTION_SORTS, ActionInput, ActionPlan, ActionQuery, ActionStatus, ObjectiveInput, PlannedAction } from '../../../contracts/action-plan.js';
import { can } from '../../../contracts/permissions.js';
import { users } from '../../platform/auth/tables.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { changedFields, recordAudit } from '../../platform/audit/record.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { orgToday, roleOfUser } from '../orgs/org-service.js';
import { addAdvocacyEvent } from './history-service.js';
import { getIssueRow } from './issue-row.js';
import { advocacyActions, advocacyIssues, advocacyObjectives, dmPeople } from './tables.js';

const OPEN: ActionStatus[] = ['planned', 'in_progress'];

type ActionRow = { a: typeof advocacyActions.$inferSelect; issueTitle: string; ownerName: string | null };

/** Activities as the API shows them: their issue and owner by name, and whether overdue on the organisation's today. */
async function presentActions(ctx: TenantCtx, rows: ActionRow[]): Promise<PlannedAction[]> {
  const today = await orgToday(ctx);
  return rows.map(({ a, issueTitle, ownerName }) => ({
    id: a.id, issueId: a.issueId, issueTitle, kind: a.kind as PlannedAction['kind'], title: a.title,
    owner: a.ownerUserId ? { id: a.ownerUserId, name: ownerName ?? '' } : null,
    dueOn: a.dueOn, status: a.status as ActionStatus, doneOn: a.doneOn,
    overdue: OPEN.includes(a.status as ActionStatus) && a.dueOn < today, objectiveId: a.objectiveId,
  }));
}

const actionRows = (ctx: TenantCtx) => ctx.tx
  .select({ a: advocacyActions, issueTitle: advocacyIssues.title, ownerName: users.name })
  .from(advocacyActions)
  .innerJoin(advocacyIssues, and(eq(advocacyIssues.orgId, advocacyActions.orgId), eq(advocacyIssues.id, advocacyActions.issueId)))
  .leftJoin(users, eq(users.id, advocacyActions.ownerUserId));

async function actionsWhere(ctx: TenantCtx, where: SQL | undefined): Promise<PlannedAction[]> {
  const rows = await actionRows(ctx).where(and(eq(advocacyActions.orgId, ctx.orgId), where)).orderBy(asc(advocacyActions.dueOn), asc(advocacyActions.createdAt)).limit(500);
  return presentActions(ctx, rows);
}

export async function actionPlan(ctx: TenantCtx, issueId: string): Promise<ActionPlan> {
  await getIssueRow(ctx, issueId);
  const objectives = await ctx.tx
    .select({ id: advocacyObjectives.id, text: advocacyObjectives.text, targetId: dmPeople.id, targetName: dmPeople.name })
    .from(advocacyObjectives)
    .leftJoin(dmPeople, eq(dmPeople.id, advocacyObjectives.targetPersonId))
    .where(and(eq(advocacyObjectives.issueId, issueId), eq(advocacyObjectives.orgId, ctx.orgId)))
    .orderBy(asc(advocacyObjectives.createdAt));
  return {
    objectives: objectives.map((o) => ({ id: o.id, text: o.text, target: o.targetId ? { id: o.targetId, name: o.targetName! } : null })),
    actions: await actionsWhere(ctx, eq(advocacyActions.issueId, issueId)),
  };
}

/** The columns the activities sort by (contracts' ACTION_SORTS). */
const ACTION_LIST: SortedList<(typeof ACTION_SORTS)[number]> = {
  id: advocacyActions.id,
  columns: {
    due: { by: advocacyActions.dueOn, type: 'date' },
    title: { by: sql`lower(${advocacyActions.title})`, type: 'text' },
    // Open work first: planned, under way, done, cancelled.
    status: { by: sql`CASE ${advocacyActions.status} WHEN 'planned' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'done' THEN 2 ELSE 3 END`, type: 'int' },
    issue: { by: sql`lower(${advocacyIssues.title})`, type: 'text' },
  },
};

/**
 * A page of activities across issues or of one issue: the overdue ones (on
 * the organisation's today), those of the person asking, of a status or kind.
 */
export async function listActions(ctx: TenantCtx, query: ActionQuery): Promise<{ items: PlannedAction[]; nextCursor: string | null }> {
  const today = query.overdue ? await orgToday(ctx) : null;
  const page = await sortedPage(ACTION_LIST, query, (k) => ctx.tx
    .select({ a: advocacyActions, issueTitle: advocacyIssues.title, ownerName: users.name, k })
    .from(advocacyActions)
    .innerJoin(advocacyIssues, and(eq(advocacyIssues.orgId, advocacyActions.orgId), eq(advocacyIssues.id, advocacyActions.issueId)))
    .leftJoin(users, eq(users.id, advocacyActions.ownerUserId))
    .$dynamic(), [
    eq(advocacyActions.orgId, ctx.orgId),
    today ? and(inArray(advocacyActions.status, OPEN), lt(advocacyActions.dueOn, today)) : undefined,
    query.mine ? (ctx.actor.userId ? eq(advocacyActions.ownerUserId, ctx.actor.userId) : sql`false`) : undefined,
    query.status ? eq(advocacyActions.status, query.status) : undefined,
    query.kind ? eq(advocacyActions.kind, query.kind) : undefined,
    query.issueId ? eq(advocacyActions.issueId, query.issueId) : undefined,
  ], (r) => r.a.id);
  return { items: await presentActions(ctx, page.items), nextCursor: page.nextCursor };
}

export async function addObjective(ctx: TenantCtx, issueId: string, input: ObjectiveInput) {
  await getIssueRow(ctx, issueId, true);
  if (input.targetPersonId) {
    const [target] = await ctx.tx.select({ id: dmPeople.id }).from(dmPeople).where(and(eq(dmPeople.id, input.targetPersonId), eq(dmPeople.orgId, ctx.orgId)));
    if (!target) throw fieldError('targetPersonId', 'advocacy.decision_maker_not_found');
  }
  await ctx.tx.insert(advocacyObjectives).values({ orgId: ctx.orgId, issueId, text: input.text, targetPersonId: input.targetPersonId });
  await addAdvocacyEvent(ctx, issueId, { action: 'objective_added', to: input.text });
}

export async function removeObjective(ctx: TenantCtx, issueId: string, objectiveId: string) {
  await getIssueRow(ctx, issueId, true);
  const [removed] = await ctx.tx.delete(advocacyObjectives).where(and(eq(advocacyObjectives.id, objectiveId), eq(advocacyObjectives.issueId, issueId), eq(advocacyObjectives.orgId, ctx.orgId))).returning();
  if (!removed) throw new AppError('advocacy.objective_not_found');
  await addAdvocacyEvent(ctx, issueId, { action: 'objective_removed', from: removed.text });
}

/** An owner is one of the organisation's own people (who may manage advocacy): they are reminded when late. */
async function checkAction(ctx: TenantCtx, issueId: string, input: ActionInput) {
  if (input.ownerUserId) {
    const role = await roleOfUser(ctx.tx, input.ownerUserId, ctx.orgId);
    if (!can(role, 'advocacy.manage')) throw fieldError('ownerUserId', 'advocacy.owner_not_staff');
  }
  if (input.objectiveId) {
    const [objective] = await ctx.tx.select({ id: advocacyObjectives.id }).from(advocacyObjectives).where(and(eq(advocacyObjectives.id, input.objectiveId), eq(advocacyObjectives.issueId, issueId)));
    if (!objective) throw fieldError('objectiveId', 'advocacy.objective_not_found');
  }
}

export async function addAction(ctx: TenantCtx, issueId: string, input: ActionInput) {
  await getIssueRow(ctx, issueId, true);
  await checkAction(ctx, issueId, input);
  await ctx.tx.insert(advocacyActions).values({ orgId: ctx.orgId, issueId, ...input });
  await addAdvocacyEvent(ctx, issueId, { action: 'action_added', to: input.title });
}

export async function updateAction(ctx: TenantCtx, issueId: string, actionId: string, input: ActionInput) {
  await getIssueRow(ctx, issueId, true);
  await checkAction(ctx, issueId, input);
  const [before] = await ctx.tx.select().from(advocacyActions).where(and(eq(advocacyActions.id, actionId), eq(advocacyActions.issueId, issueId), eq(advocacyActions.orgId, ctx.orgId)));
  if (!before) throw new AppError('advocacy.action_not_found');
  // A new deadline earns a fresh reminder when it, too, passes.
  await ctx.tx.update(advocacyActions).set({ ...input, remindedOn: before.dueOn === input.dueOn ? before.remindedOn : null }).where(eq(advocacyActions.id, actionId));
  if (before.dueOn !== input.dueOn) await addAdvocacyEvent(ctx, issueId, { action: 'action_rescheduled', from: before.dueOn, to: input.dueOn, note: input.title });
  const { kind, title, ownerUserId, dueOn, objectiveId } = before;
  const change = changedFields({ kind, title, ownerUserId, dueOn, objectiveId }, { ...input });
  if (Object.keys(change.after).length) await recordAudit(ctx, { action: 'advocacy_action.update', entityType: 'advocacy_action', entityId: actionId, before: { issueId, ...change.before }, after: { issueId, ...change.after } });
  else nothingChanged();
}

export async function setActionStatus(ctx: TenantCtx, issueId: string, actionId: string, input: { status: ActionStatus; note: string }) {
  await getIssueRow(ctx, issueId, true);
  const [before] = await ctx.tx.select().from(advocacyActions).where(and(eq(advocacyActions.id, actionId), eq(advocacyActions.issueId, issueId), eq(advocacyActions.orgId, ctx.orgId))).for('update');
  if (!before) throw new AppError('advocacy.action_not_found');
  if (before.status === input.status) return nothingChanged();
  await ctx.tx.update(advocacyActions).set({ status: input.status, doneOn: input.status === 'done' ? await orgToday(ctx) : null }).where(eq(advocacyActions.id, actionId));
  await addAdvocacyEvent(ctx, issueId, { action: 'action_status', from: before.status, to: input.status, note: [before.title, input.note].filter(Boolean).join(' — ') });
}
