import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FormDefinition } from '../../../contracts/surveys/form-definition.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { answerValues, chartable } from './answer-values.js';
import { responses, responseTallies } from './tables.js';

type Firm = Record<string, string | null> | null;
type Tally = typeof responseTallies.$inferInsert;
const BATCH = 2000;
const DIMENSIONS = ['sector', 'region', 'size', 'ownership', 'ownerSex'] as const;

/** The tallies a set of submissions adds, identical keys summed (one statement may not update a row twice). */
export function talliesOf(questions: ReturnType<typeof chartable>, items: Array<{ answers: Record<string, unknown>; firm: Firm }>) {
  const sums = new Map<string, Omit<Tally, 'orgId' | 'consultationId'>>();
  const add = (question: string, value: string | null, num: number | null, firm: Firm, answered: number, n: number) => {
    const dims = Object.fromEntries(DIMENSIONS.map((d) => [d, firm?.[d] ?? null])) as Record<(typeof DIMENSIONS)[number], string | null>;
    const key = JSON.stringify([question, value, num, ...DIMENSIONS.map((d) => dims[d])]);
    const found = sums.get(key);
    if (found) {
      found.answered! += answered;
      found.n! += n;
    } else sums.set(key, { question, value, num, ...dims, answered, n });
  };
  for (const item of items) {
    add('', null, null, item.firm, 1, 1);
    for (const v of answerValues(questions, item.answers)) add(v.question, v.value, v.num, item.firm, v.lead ? 1 : 0, 1);
  }
  // A fixed order: concurrent submissions lock shared rows in the same order, so they cannot deadlock.
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, t]) => t);
}

/** Counts submitted responses into the consultation's tallies, once each (the `tallied` flag). */
export async function tallyResponses(ctx: TenantCtx, consultationId: string, form: FormDefinition, items: Array<{ id: string; answers: Record<string, unknown>; firm: Firm }>) {
  if (!items.length) return;
  const rows = talliesOf(chartable(form), items).map((t) => ({ ...t, orgId: ctx.orgId, consultationId }));
  for (let i = 0; i < rows.length; i += 2000) {
    await ctx.tx
      .insert(responseTallies)
      .values(rows.slice(i, i + 2000))
      .onConflictDoUpdate({
        // The columns of response_tallies_key, the organisation last (migration 0031).
        target: [responseTallies.consultationId, responseTallies.question, responseTallies.value, responseTallies.num, responseTallies.sector, responseTallies.region, responseTallies.size, responseTallies.ownership, responseTallies.ownerSex, responseTallies.orgId],
        set: { answered: sql`${responseTallies.answered} + excluded.answered`, n: sql`${responseTallies.n} + excluded.n` },
      });
  }
  await ctx.tx.update(responses).set({ tallied: true }).where(and(inArray(responses.id, items.map((i) => i.id)), eq(responses.orgId, ctx.orgId)));
}

/**
 * Submissions older than the tallies are counted the first time their
 * consultation is analysed; afterwards this finds nothing at once (a partial
 * index holds only the uncounted ones).
 */
export async function tallyOlderResponses(ctx: TenantCtx, consultationId: string, form: FormDefinition) {
  for (;;) {
    const batch = await ctx.tx
      .select({ id: responses.id, answers: responses.answers, firm: responses.firm })
      .from(responses)
      .where(and(eq(responses.consultationId, consultationId), eq(responses.orgId, ctx.orgId), eq(responses.status, 'submitted'), sql`NOT ${responses.tallied}`))
      .limit(BATCH);
    await tallyResponses(ctx, consultationId, form, batch);
    if (batch.length < BATCH) return;
  }
}
