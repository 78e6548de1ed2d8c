import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { ADVOCACY_SORTS, AdvocacyIssue, AdvocacyIssueDetail, AdvocacyIssueInput, AdvocacyQuery, OutcomeInput, PpdStep, StepScore } from '../../../contracts/advocacy.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { fieldError } from '../../platform/errors/app-error.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { claimedSaving } from '../../../contracts/standard-cost.js';
import { costSummaries } from './cost-service.js';
import { evidenceOf, linkEvidence } from './evidence-service.js';
import { addAdvocacyEvent, advocacyHistory } from './history-service.js';
import { getIssueRow, type IssueRow } from './issue-row.js';
import { presentAdvocacyIssue, presentStepScore } from './present.js';
import { firmsBehind, priorityScore } from './priority.js';
import { advocacyEvidence, advocacyIssues, advocacyStepScores } from './tables.js';

type Row = IssueRow;

async function checkRegions(ctx: TenantCtx, regions: string[]) {
  const known = new Set((await getCurrentOrg(ctx)).regions);
  const i = regions.findIndex((r) => !known.has(r));
  if (i >= 0) throw fieldError(`regions.${i}`, 'members.region_not_in_org', { region: regions[i]! });
}

/** An issue as lists read it: the row, the firms behind it and its priority, computed by the database. */
interface ListedIssue { row: Row; firms: number; score: number }

async function present(ctx: TenantCtx, issues: ListedIssue[]): Promise<AdvocacyIssue[]> {
  const costs = await costSummaries(ctx, issues.map((i) => i.row.id));
  return issues.map((i) => presentAdvocacyIssue(i.row, { firms: i.firms, score: i.score, yearlyCost: costs.get(i.row.id)?.yearlyCost ?? 0 }));
}

/** The columns the issues sort by (contracts' ADVOCACY_SORTS). */
const ISSUE_LIST: SortedList<(typeof ADVOCACY_SORTS)[number]> = {
  id: advocacyIssues.id,
  columns: {
    priority: { by: priorityScore, type: 'int' },
    title: { by: advocacyIssues.title, type: 'text' },
    created: { by: advocacyIssues.createdAt, type: 'timestamptz' },
    updated: { by: advocacyIssues.updatedAt, type: 'timestamptz' },
  },
};

/** A page of the organisation's advocacy issues, the most urgent first unless another order is chosen. */
export async function listAdvocacyIssues(ctx: TenantCtx, query: AdvocacyQuery) {
  const page = await sortedPage(ISSUE_LIST, query, (k) => ctx.tx.select({ row: advocacyIssues, firms: firmsBehind, score: priorityScore, k }).from(advocacyIssues).$dynamic(), [
    eq(advocacyIssues.orgId, ctx.orgId),
    query.step ? eq(advocacyIssues.step, query.step) : undefined,
    query.state === 'open' ? isNull(advocacyIssues.outcome) : query.state === 'closed' ? isNotNull(advocacyIssues.outcome) : undefined,
    query.q ? sql`f_unaccent(${advocacyIssues.title} || ' ' || ${advocacyIssues.problem}) ILIKE '%' || f_unaccent(${escapeLike(query.q)}) || '%'` : undefined,
  ], (r) => r.row.id);
  return { items: await present(ctx, page.items), nextCursor: page.nextCursor };
}

/** The latest score of each step of each issue; earlier ones stay in the history. */
export async function latestScores(ctx: TenantCtx, issueIds: string[]): Promise<Map<string, StepScore[]>> {
  const result = new Map(issueIds.map((id) => [id, [] as StepScore[]]));
  if (!issueIds.length) return result;
  const rows = await ctx.tx
    .selectDistinctOn([advocacyStepScores.issueId, advocacyStepScores.step])
    .from(advocacyStepScores)
    .where(and(inArray(advocacyStepScores.issueId, issueIds), eq(advocacyStepScores.orgId, ctx.orgId)))
    .orderBy(asc(advocacyStepScores.issueId), asc(advocacyStepScores.step), desc(advocacyStepScores.seq));
  for (const r of rows) result.get(r.issueId)!.push(presentStepScore(r));
  return result;
}

const currentScores = async (ctx: TenantCtx, issueId: string) => (await latestScores(ctx, [issueId])).get(issueId)!;

export async function getAdvocacyIssue(ctx: TenantCtx, id: string): Promise<Omit<AdvocacyIssueDetail, 'dialogue'>> {
  const row = await getIssueRow(ctx, id);
  const [reach] = await ctx.tx.select({ firms: firmsBehind, score: priorityScore }).from(advocacyIssues).where(and(eq(advocacyIssues.id, id), eq(advocacyIssues.orgId, ctx.orgId)));
  const [issue] = await present(ctx, [{ row, ...reach! }]);
  const costs = (await costSummaries(ctx, [id])).get(id)!;
  return {
    ...issue!,
    problem: row.problem,
    outcomeEvidence: row.outcomeEvidence,
    outcomeAt: row.outcomeAt?.toISOString() ?? null,
    savingShare: row.savingShare,
    savingClaimed: claimedSaving(row, costs.yearlyCost),
    scores: await currentScores(ctx, id),
    evidence: await evidenceOf(ctx, id),
    costs,
    history: await advocacyHistory(ctx, id),
  };
}

/**
 * A new advocacy issue. `origin` says in words where it came from when a
 * module above this one raised it (an LED bottleneck, say): it is the note of
 * the issue's first history entry, since this module knows nothing above it.
 */
export async function createAdvocacyIssue(ctx: TenantCtx, input: AdvocacyIssueInput & { fromMemberIssueId?: string; origin?: string }) {
  await checkRegions(ctx, input.regions);
  const [row] = await ctx.tx
    .insert(advocacyIssues)
    .values({ orgId: ctx.orgId, title: input.title, problem: input.problem, category: input.category, sectors: [...new Set(input.sectors)], regions: [...new Set(input.regions)], severity: input.severity, feasibility: input.feasibility })
    .returning();
  await addAdvocacyEvent(ctx, row!.id, { action: 'created', to: 'diagnostic', ...(input.origin ? { note: input.origin } : {}) });
  if (input.fromMemberIssueId) await linkEvidence(ctx, row!.id, { memberIssueId: input.fromMemberIssueId, note: '' });
  return row!;
}

export async function editAdvocacyIssue(ctx: TenantCtx, id: string, input: AdvocacyIssueInput) {
  const before = await getIssueRow(ctx, id, true);
  await checkRegions(ctx, input.regions);
  await ctx.tx
    .update(advocacyIssues)
    .set({ title: input.title, problem: input.problem, category: input.category, sectors: [...new Set(input.sectors)], regions: [...new Set(input.regions)], severity: input.severity, feasibility: input.feasibility, updatedAt: sql`now()` })
    .where(and(eq(advocacyIssues.id, id), eq(advocacyIssues.orgId, ctx.orgId)));
  // The priority's parts are kept as their own steps, so a score can be traced to who judged it.
  if (before.severity !== input.severity) await addAdvocacyEvent(ctx, id, { action: 'severity', from: String(before.severity), to: String(input.severity) });
  if (before.feasibility !== input.feasibility) await addAdvocacyEvent(ctx, id, { action: 'feasibility', from: String(before.feasibility), to: String(input.feasibility) });
  const edited = before.title !== input.title || before.problem !== input.problem || before.category !== input.category || before.sectors.join() !== input.sectors.join() || before.regions.join() !== input.regions.join();
  if (edited) {
    await addAdvocacyEvent(ctx, id, { action: 'edited', from: before.title !== input.title ? before.title : null, to: before.title !== input.title ? input.title : null });
  }
  if (!edited && before.severity === input.severity && before.feasibility === input.feasibility) nothingChanged();
}

export async function moveToStep(ctx: TenantCtx, id: string, input: { step: PpdStep; note: string }) {
  const before = await getIssueRow(ctx, id, true);
  if (before.step === input.step) return nothingChanged();
  await ctx.tx.update(advocacyIssues).set({ step: input.step, updatedAt: sql`now()` }).where(and(eq(advocacyIssues.id, id), eq(advocacyIssues.orgId, ctx.orgId)));
  await addAdvocacyEvent(ctx, id, { action: 'step', from: before.step, to: input.step, note: input.note });
}

/** Scores the dialogue's contribution at a step, 0–3; a new score adds to the history, never replaces it. */
export async function scoreStep(ctx: TenantCtx, id: string, input: { step: PpdStep; score: number; note: string }) {
  await getIssueRow(ctx, id, true);
  const [previous] = (await currentScores(ctx, id)).filter((s) => s.step === input.step);
  await ctx.tx.insert(advocacyStepScores).values({ orgId: ctx.orgId, issueId: id, step: input.step, score: input.score, note: input.note, actorUserId: ctx.actor.userId, actorName: ctx.actor.name });
  await addAdvocacyEvent(ctx, id, { action: 'score', from: previous ? `${input.step}:${previous.score}` : null, to: `${input.step}:${input.score}`, note: input.note });
  await ctx.tx.update(advocacyIssues).set({ updatedAt: sql`now()` }).where(eq(advocacyIssues.id, id));
}

/** Records how the issue ended (or clears it, when a reform is back in play); an outcome needs what shows it. */
export async function setOutcome(ctx: TenantCtx, id: string, input: OutcomeInput) {
  const before = await getIssueRow(ctx, id, true);
  if (input.outcome && !input.evidence) throw fieldError('evidence', 'advocacy.outcome_evidence_required');
  await ctx.tx
    .update(advocacyIssues)
    .set({ outcome: input.outcome, outcomeEvidence: input.outcome ? input.evidence : '', outcomeAt: input.outcome ? sql`now()` : null, savingShare: input.savingShare, updatedAt: sql`now()` })
    .where(and(eq(advocacyIssues.id, id), eq(advocacyIssues.orgId, ctx.orgId)));
  await addAdvocacyEvent(ctx, id, { action: 'outcome', from: before.outcome, to: input.outcome, note: input.evidence });
}

/** Shows the issue, its step, decisions and outcome on the public reform tracker, or takes it off. */
export async function setPublished(ctx: TenantCtx, id: string, published: boolean) {
  const before = await getIssueRow(ctx, id, true);
  if (before.published === published) return nothingChanged();
  await ctx.tx.update(advocacyIssues).set({ published, updatedAt: sql`now()` }).where(and(eq(advocacyIssues.id, id), eq(advocacyIssues.orgId, ctx.orgId)));
  await addAdvocacyEvent(ctx, id, { action: published ? 'published' : 'unpublished' });
}

/** The advocacy issues a member issue feeds, for its page: the way back along the chain. */
export async function issuesBuiltOn(ctx: TenantCtx, memberIssueId: string) {
  return ctx.tx
    .select({ id: advocacyIssues.id, title: advocacyIssues.title })
    .from(advocacyEvidence)
    .innerJoin(advocacyIssues, eq(advocacyIssues.id, advocacyEvidence.issueId))
    .where(and(eq(advocacyEvidence.orgId, ctx.orgId), eq(advocacyEvidence.memberIssueId, memberIssueId)))
    .orderBy(asc(advocacyIssues.title));
}

/** The titles of these issues of the organisation, for modules that show which issue a record belongs to. */
export async function issueTitles(ctx: TenantCtx, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await ctx.tx.select({ id: advocacyIssues.id, title: advocacyIssues.title }).from(advocacyIssues).where(and(eq(advocacyIssues.orgId, ctx.orgId), inArray(advocacyIssues.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.title]));
}
