import { and, desc, eq } from 'drizzle-orm';
import type { Outcome, PpdStep, StepScore } from '../../../contracts/advocacy.js';
import { claimedSaving } from '../../../contracts/standard-cost.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { orgClock } from '../../platform/org-clock.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { costSummaries } from './cost-service.js';
import { latestScores } from './issue-service.js';
import { advocacyIssues } from './tables.js';

export interface PublishedIssue {
  id: string;
  title: string;
  category: string;
  problem: string;
  step: PpdStep;
  outcome: Outcome | null;
  outcomeEvidence: string;
  outcomeAt: Date | null;
  updatedAt: Date;
  scores: Array<Pick<StepScore, 'step' | 'score'>>;
  savingClaimed: number | null;
}

/**
 * What the organisation shows the public: only issues it chose to publish,
 * with their step, scores and outcome. Nothing about the firms behind them.
 */
export async function publishedIssues(ctx: TenantCtx) {
  const org = await getCurrentOrg(ctx);
  const rows = await ctx.tx.select().from(advocacyIssues).where(and(eq(advocacyIssues.orgId, ctx.orgId), eq(advocacyIssues.published, true))).orderBy(desc(advocacyIssues.updatedAt)).limit(200);
  const ids = rows.map((r) => r.id);
  const scores = await latestScores(ctx, ids);
  const costs = await costSummaries(ctx, ids);
  const issues: PublishedIssue[] = rows.map((r) => ({
    id: r.id, title: r.title, category: r.category, problem: r.problem, step: r.step as PpdStep, outcome: r.outcome as Outcome | null,
    outcomeEvidence: r.outcomeEvidence, outcomeAt: r.outcomeAt, updatedAt: r.updatedAt,
    scores: scores.get(r.id)!.map((s) => ({ step: s.step, score: s.score })),
    savingClaimed: claimedSaving(r, costs.get(r.id)!.yearlyCost),
  }));
  return { org: { name: org.name, currency: org.currency, languages: org.languages, clock: orgClock(org) }, issues };
}
