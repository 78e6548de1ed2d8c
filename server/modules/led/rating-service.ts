import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { lastPlannedEnd } from '../../../contracts/led.js';
import {
  SCORE_MAX, SCORE_MIN,
  type Conflict, type ConflictInput, type RatingBoard, type RunDetail, type RunInput, type RunInputs, type RunSummary, type Score, type ScoreInput, type SelectionOutcome,
} from '../../../contracts/led-rating.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { recordAudit } from '../../platform/audit/record.js';
import { users } from '../../platform/auth/tables.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { userRoles } from '../../platform/tenants/tables.js';
import { listContacts } from '../members/contact-service.js';
import { getCurrentOrg, orgToday } from '../orgs/org-service.js';
import { criteriaOf, getCallRow } from './call-service.js';
import { ledApplications, ledCalls } from './call-tables.js';
import { detectConflicts, type ConflictCause } from './conflicts.js';
import { addMeasure } from './measure-service.js';
import { ledApplicationMeasures, ledCallReviewers, ledConflictDeclarations, ledScores, ledSelectionRuns } from './rating-tables.js';
import { conflictKey, select, weightSensitivity } from './selection.js';

/**
 * Rating and selection (issue 17.6): the panel, conflicts of interest, scores and selection runs
 * of a call. The logic is pure (`selection.ts`, `conflicts.ts`, `knapsack.ts`); this file reads and
 * writes. Only submitted applications are rated and selected.
 */

async function submittedApplications(ctx: TenantCtx, callId: string) {
  return ctx.tx.select({
    id: ledApplications.id, title: ledApplications.title, leadName: ledApplications.leadName, amount: ledApplications.requestedTotal,
    memberIds: ledApplications.memberIds, submittedAt: ledApplications.submittedAt, regionId: ledApplications.regionId,
  }).from(ledApplications)
    .where(and(eq(ledApplications.orgId, ctx.orgId), eq(ledApplications.callId, callId), eq(ledApplications.status, 'submitted')))
    .orderBy(asc(ledApplications.submittedAt), asc(ledApplications.id));
}

async function applicationOfCall(ctx: TenantCtx, callId: string, id: string) {
  const [row] = await ctx.tx.select().from(ledApplications)
    .where(and(eq(ledApplications.orgId, ctx.orgId), eq(ledApplications.callId, callId), eq(ledApplications.id, id)));
  if (!row || row.status !== 'submitted') throw new AppError('led.application_not_found');
  return row;
}

async function reviewersOf(ctx: TenantCtx, callId: string) {
  return ctx.tx.select({ userId: users.id, name: users.name, email: users.email }).from(ledCallReviewers)
    .innerJoin(users, eq(users.id, ledCallReviewers.userId))
    .where(and(eq(ledCallReviewers.orgId, ctx.orgId), eq(ledCallReviewers.callId, callId)))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
}

/** A person of the organisation (any role) joins the panel. */
export async function addReviewer(ctx: TenantCtx, callId: string, userId: string) {
  await getCallRow(ctx, callId, 'share');
  const [person] = await ctx.tx.select({ userId: userRoles.userId }).from(userRoles).where(and(eq(userRoles.orgId, ctx.orgId), eq(userRoles.userId, userId)));
  if (!person) throw new AppError('led.reviewer_not_in_org');
  const added = await ctx.tx.insert(ledCallReviewers).values({ orgId: ctx.orgId, callId, userId }).onConflictDoNothing().returning({ userId: ledCallReviewers.userId });
  if (!added.length) return nothingChanged();
  await recordAudit(ctx, { action: 'led_call.reviewer_add', entityType: 'led_call', entityId: callId, after: { userId } });
}

/** A reviewer who has scored stays: their scores are history, and the runs name them. */
export async function removeReviewer(ctx: TenantCtx, callId: string, userId: string) {
  await getCallRow(ctx, callId, 'share');
  const [scored] = await ctx.tx.select({ id: ledScores.id }).from(ledScores)
    .where(and(eq(ledScores.orgId, ctx.orgId), eq(ledScores.callId, callId), eq(ledScores.userId, userId))).limit(1);
  if (scored) throw new AppError('led.reviewer_has_scores');
  const gone = await ctx.tx.delete(ledCallReviewers)
    .where(and(eq(ledCallReviewers.orgId, ctx.orgId), eq(ledCallReviewers.callId, callId), eq(ledCallReviewers.userId, userId))).returning({ userId: ledCallReviewers.userId });
  if (!gone.length) throw new AppError('led.reviewer_not_found');
  await recordAudit(ctx, { action: 'led_call.reviewer_remove', entityType: 'led_call', entityId: callId, before: { userId } });
}

async function requireReviewer(ctx: TenantCtx, callId: string): Promise<string> {
  const userId = ctx.actor.userId;
  if (userId) {
    const [row] = await ctx.tx.select({ userId: ledCallReviewers.userId }).from(ledCallReviewers)
      .where(and(eq(ledCallReviewers.orgId, ctx.orgId), eq(ledCallReviewers.callId, callId), eq(ledCallReviewers.userId, userId)));
    if (row) return userId;
  }
  throw new AppError('led.not_a_reviewer');
}

/** The reviewer declares a conflict with an application; kept for good. */
export async function declareConflict(ctx: TenantCtx, callId: string, input: ConflictInput) {
  await getCallRow(ctx, callId, 'share');
  const userId = await requireReviewer(ctx, callId);
  await applicationOfCall(ctx, callId, input.applicationId);
  const added = await ctx.tx.insert(ledConflictDeclarations)
    .values({ orgId: ctx.orgId, callId, applicationId: input.applicationId, userId, note: input.note })
    .onConflictDoNothing().returning({ id: ledConflictDeclarations.id });
  if (!added.length) return nothingChanged();
  await recordAudit(ctx, { action: 'led_application.conflict_declare', entityType: 'led_application', entityId: input.applicationId, after: { userId, note: input.note } });
}

/**
 * Every conflicted reviewer × application of the call: declared, or a contact of a partner firm.
 * Contacts are read through members' service, one firm at a time (a call's partner firms are
 * tens); a firm removed since the application was written has no contacts any more.
 */
async function conflictsOfCall(ctx: TenantCtx, callId: string, reviewers: Array<{ userId: string; email: string }>, applications: Array<{ id: string; memberIds: string[] }>) {
  const declared = await ctx.tx.select({ userId: ledConflictDeclarations.userId, applicationId: ledConflictDeclarations.applicationId }).from(ledConflictDeclarations)
    .where(and(eq(ledConflictDeclarations.orgId, ctx.orgId), eq(ledConflictDeclarations.callId, callId)));
  const firms = [...new Set(applications.flatMap((a) => a.memberIds))].sort();
  const contactEmails = new Map<string, string[]>();
  for (const memberId of firms) {
    try {
      const contacts = await listContacts(ctx, memberId);
      contactEmails.set(memberId, contacts.map((c) => c.email ?? '').filter(Boolean));
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'members.not_found')) throw e;
    }
  }
  return detectConflicts(
    reviewers.map((r) => ({ id: r.userId, email: r.email })),
    applications,
    contactEmails,
    new Set(declared.map((d) => conflictKey(d.userId, d.applicationId))),
  );
}

const conflictList = (found: Map<string, ConflictCause[]>): Conflict[] =>
  [...found].map(([key, causes]) => {
    const [userId, applicationId] = key.split('|') as [string, string];
    return { userId, applicationId, causes };
  });

/** The latest score of each reviewer per application × criterion: the one that counts. */
async function latestScores(ctx: TenantCtx, callId: string) {
  const rows = await ctx.tx.selectDistinctOn([ledScores.applicationId, ledScores.criterionId, ledScores.userId], {
    id: ledScores.id, applicationId: ledScores.applicationId, criterionId: ledScores.criterionId, userId: ledScores.userId,
    score: ledScores.score, comment: ledScores.comment, createdAt: ledScores.createdAt,
  }).from(ledScores).where(and(eq(ledScores.orgId, ctx.orgId), eq(ledScores.callId, callId)))
    .orderBy(ledScores.applicationId, ledScores.criterionId, ledScores.userId, desc(ledScores.seq));
  return rows;
}

/** A reviewer scores one criterion of an application; a changed score is a new row, the old one kept. */
export async function scoreApplication(ctx: TenantCtx, callId: string, input: ScoreInput) {
  const call = await getCallRow(ctx, callId, 'share');
  if (call.status !== 'open' && call.status !== 'closed') throw new AppError('led.call_not_rating');
  const userId = await requireReviewer(ctx, callId);
  const application = await applicationOfCall(ctx, callId, input.applicationId);
  const criteria = await criteriaOf(ctx, callId);
  if (!criteria.some((c) => c.id === input.criterionId)) throw new AppError('led.criterion_not_found');
  const [reviewer] = await ctx.tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
  const conflicts = await conflictsOfCall(ctx, callId, [{ userId, email: reviewer?.email ?? '' }], [application]);
  if (conflicts.size) throw new AppError('led.reviewer_conflicted');
  const [last] = await ctx.tx.select({ score: ledScores.score, comment: ledScores.comment }).from(ledScores)
    .where(and(eq(ledScores.orgId, ctx.orgId), eq(ledScores.applicationId, input.applicationId), eq(ledScores.criterionId, input.criterionId), eq(ledScores.userId, userId)))
    .orderBy(desc(ledScores.seq)).limit(1);
  if (last && last.score === input.score && last.comment === input.comment) return nothingChanged();
  const [row] = await ctx.tx.insert(ledScores).values({
    orgId: ctx.orgId, callId, applicationId: input.applicationId, criterionId: input.criterionId, userId, score: input.score, comment: input.comment,
  }).returning({ id: ledScores.id });
  await recordAudit(ctx, {
    action: 'led_application.score', entityType: 'led_application', entityId: input.applicationId,
    before: last ? { criterionId: input.criterionId, score: last.score, comment: last.comment } : undefined,
    after: { scoreId: row!.id, criterionId: input.criterionId, score: input.score, comment: input.comment },
  });
}

/** Every score of an application, the replaced ones too, latest first. */
export async function scoreHistory(ctx: TenantCtx, callId: string, applicationId: string): Promise<Score[]> {
  await applicationOfCall(ctx, callId, applicationId);
  const rows = await ctx.tx.select({
    id: ledScores.id, applicationId: ledScores.applicationId, criterionId: ledScores.criterionId, userId: ledScores.userId, name: users.name,
    score: ledScores.score, comment: ledScores.comment, createdAt: ledScores.createdAt,
  }).from(ledScores).innerJoin(users, eq(users.id, ledScores.userId))
    .where(and(eq(ledScores.orgId, ctx.orgId), eq(ledScores.callId, callId), eq(ledScores.applicationId, applicationId)))
    .orderBy(desc(ledScores.seq));
  const seen = new Set<string>();
  return rows.map((r) => {
    const key = `${r.criterionId}|${r.userId}`;
    const latest = !seen.has(key);
    seen.add(key);
    return { id: r.id, applicationId: r.applicationId, criterionId: r.criterionId, userId: r.userId, reviewerName: r.name, score: r.score, comment: r.comment, at: r.createdAt.toISOString(), latest };
  });
}

function runSummary(r: typeof ledSelectionRuns.$inferSelect, byName: string | null): RunSummary {
  return {
    id: r.id, seq: r.seq, at: r.createdAt.toISOString(), normalised: r.normalised, budget: r.budget, spent: r.spent,
    selected: r.results.filter((a) => a.selected).length, byName,
  };
}

async function runsOf(ctx: TenantCtx, callId: string) {
  return ctx.tx.select({ run: ledSelectionRuns, byName: users.name }).from(ledSelectionRuns)
    .leftJoin(users, eq(users.id, ledSelectionRuns.createdBy))
    .where(and(eq(ledSelectionRuns.orgId, ctx.orgId), eq(ledSelectionRuns.callId, callId)))
    .orderBy(desc(ledSelectionRuns.seq));
}

/** What the rating screen shows: panel, criteria, applications, conflicts, the asker's scores, the runs. */
export async function ratingBoard(ctx: TenantCtx, callId: string): Promise<RatingBoard> {
  const call = await getCallRow(ctx, callId);
  const [criteria, reviewers, applications, scores, runs] = [
    await criteriaOf(ctx, callId), await reviewersOf(ctx, callId), await submittedApplications(ctx, callId), await latestScores(ctx, callId), await runsOf(ctx, callId),
  ];
  const conflicts = await conflictsOfCall(ctx, callId, reviewers, applications);
  const weighted = criteria.filter((c) => c.weight > 0).map((c) => c.id);
  const scored: Record<string, number> = {};
  for (const a of applications) {
    const byReviewer = new Map<string, Set<string>>();
    for (const s of scores) if (s.applicationId === a.id && !conflicts.has(conflictKey(s.userId, a.id))) byReviewer.set(s.userId, (byReviewer.get(s.userId) ?? new Set()).add(s.criterionId));
    scored[a.id] = [...byReviewer.values()].filter((cs) => weighted.every((c) => cs.has(c))).length;
  }
  const me = ctx.actor.userId;
  const myName = reviewers.find((r) => r.userId === me)?.name ?? '';
  return {
    callId, callTitle: call.title, callStatus: call.status, budget: call.budget, currency: (await getCurrentOrg(ctx)).currency,
    criteria: criteria.map((c) => ({ id: c.id, key: c.key, label: c.label, weight: c.weight })),
    reviewers,
    applications: applications.map((a) => ({ id: a.id, title: a.title, leadName: a.leadName, amount: a.amount })),
    conflicts: conflictList(conflicts),
    me,
    onPanel: reviewers.some((r) => r.userId === me),
    myScores: scores.filter((s) => s.userId === me).map((s) => ({
      id: s.id, applicationId: s.applicationId, criterionId: s.criterionId, userId: s.userId, reviewerName: myName, score: s.score, comment: s.comment, at: s.createdAt.toISOString(), latest: true,
    })),
    scored,
    runs: runs.map((r) => runSummary(r.run, r.byName)),
  };
}

/**
 * Runs the selection on what the call holds now and keeps the run whole (never overwritten: a
 * new run is a new row). The budget check is the knapsack's, again the table's.
 */
export async function runSelection(ctx: TenantCtx, callId: string, input: RunInput): Promise<string> {
  const call = await getCallRow(ctx, callId, 'share');
  const [criteria, reviewers, applications, scores] = [
    await criteriaOf(ctx, callId), await reviewersOf(ctx, callId), await submittedApplications(ctx, callId), await latestScores(ctx, callId),
  ];
  if (!criteria.some((c) => c.weight > 0)) throw new AppError('led.criteria_all_zero');
  const conflicts = await conflictsOfCall(ctx, callId, reviewers, applications);
  const scale = { min: SCORE_MIN, max: SCORE_MAX };
  const selectionInput = {
    budget: call.budget, scale,
    criteria: criteria.map((c) => ({ id: c.id, weight: c.weight })),
    applications: applications.map((a) => ({ id: a.id, amount: a.amount, order: `${a.submittedAt?.toISOString() ?? ''}|${a.id}` })),
    scores: scores.map((s) => ({ reviewerId: s.userId, applicationId: s.applicationId, criterionId: s.criterionId, score: s.score })),
    conflicts: new Set(conflicts.keys()),
  };
  const result = select(selectionInput, { normalised: input.normalised });
  const sensitivity = weightSensitivity(selectionInput, { normalised: input.normalised }, result);
  const byId = new Map(applications.map((a) => [a.id, a]));
  const results: SelectionOutcome[] = result.applications.map((o) => ({ ...o, title: byId.get(o.id)!.title, leadName: byId.get(o.id)!.leadName }));
  const inputs: RunInputs = {
    scale,
    criteria: criteria.map((c) => ({ id: c.id, key: c.key, label: c.label, weight: c.weight })),
    reviewers: reviewers.map((r) => ({ userId: r.userId, name: r.name })),
    scores: selectionInput.scores,
    conflicts: conflictList(conflicts),
    optimal: result.optimal,
  };
  const [row] = await ctx.tx.insert(ledSelectionRuns).values({
    orgId: ctx.orgId, callId, normalised: input.normalised, budget: call.budget, spent: result.spent,
    inputs, results, sensitivity, createdBy: ctx.actor.userId,
  }).returning({ id: ledSelectionRuns.id });
  await recordAudit(ctx, {
    action: 'led_call.selection_run', entityType: 'led_call', entityId: callId,
    after: { runId: row!.id, normalised: input.normalised, budget: call.budget, spent: result.spent, selected: results.filter((r) => r.selected).map((r) => r.id) },
  });
  return row!.id;
}

export async function getRun(ctx: TenantCtx, callId: string, runId: string): Promise<RunDetail> {
  const call = await getCallRow(ctx, callId);
  const [found] = await ctx.tx.select({ run: ledSelectionRuns, byName: users.name }).from(ledSelectionRuns)
    .leftJoin(users, eq(users.id, ledSelectionRuns.createdBy))
    .where(and(eq(ledSelectionRuns.orgId, ctx.orgId), eq(ledSelectionRuns.callId, callId), eq(ledSelectionRuns.id, runId)));
  if (!found) throw new AppError('led.run_not_found');
  const ids = found.run.results.map((r) => r.id);
  const links = ids.length
    ? await ctx.tx.select({ applicationId: ledApplicationMeasures.applicationId, measureId: ledApplicationMeasures.measureId }).from(ledApplicationMeasures)
      .where(and(eq(ledApplicationMeasures.orgId, ctx.orgId), inArray(ledApplicationMeasures.applicationId, ids)))
    : [];
  return {
    ...runSummary(found.run, found.byName),
    callId, callTitle: call.title, currency: (await getCurrentOrg(ctx)).currency,
    inputs: found.run.inputs, results: found.run.results, sensitivity: found.run.sensitivity,
    measures: Object.fromEntries(links.map((l) => [l.applicationId, l.measureId])),
  };
}

/**
 * A selected application becomes a measure of its region through the measure service: its title,
 * activities, first bottleneck, partners, the amount requested as budget, the lead's e-mail;
 * starting on the organisation's today and planned to end a year on (the longest a measure may run).
 * Once per application. The call is then `selected`.
 */
export async function measureFromApplication(ctx: TenantCtx, callId: string, runId: string, applicationId: string): Promise<string> {
  const run = await getRun(ctx, callId, runId);
  const outcome = run.results.find((r) => r.id === applicationId);
  if (!outcome?.selected) throw new AppError('led.application_not_selected');
  if (run.measures[applicationId]) throw new AppError('led.application_has_measure');
  const application = await applicationOfCall(ctx, callId, applicationId);
  const startsOn = await orgToday(ctx);
  const measureId = await addMeasure(ctx, application.regionId, {
    title: application.title || application.leadName,
    description: application.activities,
    bottleneckId: application.bottleneckIds[0] ?? null,
    partners: [{ name: application.leadName, sector: application.leadSector as 'private' }, ...application.partners.map((p) => ({ name: p.name, sector: p.sector }))].slice(0, 50),
    budget: application.requestedTotal,
    startsOn,
    endsOn: lastPlannedEnd(startsOn),
    status: 'planned',
    leadEmail: application.leadEmail,
  });
  await ctx.tx.insert(ledApplicationMeasures).values({ orgId: ctx.orgId, applicationId, measureId, runId });
  await ctx.tx.update(ledCalls).set({ status: 'selected', updatedAt: sql`now()` })
    .where(and(eq(ledCalls.orgId, ctx.orgId), eq(ledCalls.id, callId), inArray(ledCalls.status, ['open', 'closed'])));
  await recordAudit(ctx, { action: 'led_application.to_measure', entityType: 'led_application', entityId: applicationId, after: { runId, measureId } });
  return measureId;
}
