import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Analysis, AnalysisQuery } from '../../../contracts/surveys.js';
import { walkQuestions, type FormDefinition } from '../../../contracts/surveys/form-definition.js';
import { CursorKey, decodeCursor, pageOf } from '../../platform/db/cursor.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { WriteRow } from '../../platform/export/stream-table.js';
import { firmProfiles } from '../members/audience-service.js';
import { getConsultationRow } from './consultation-service.js';
import { formVersion } from './form-service.js';
import { chartable, COUNTING, NUMERIC } from './answer-values.js';
import { tallyOlderResponses } from './response-tallies.js';
import { presentTextAnswer } from './present.js';
import { consultationInvitations, responses, responseTallies } from './tables.js';

const DIMENSION_COLUMN = { sector: sql`v.sector`, region: sql`v.region`, size: sql`v.size`, ownership: sql`v.ownership`, ownerSex: sql`v.owner_sex` } as const;

async function consultationForm(ctx: TenantCtx, consultationId: string) {
  const row = await getConsultationRow(ctx, consultationId);
  if (!row.formVersion) throw new AppError('surveys.form_unpublished');
  return { row, form: await formVersion(ctx, row.formId, row.formVersion) };
}

/** The median of numbers given with how often each was given. */
export function weightedMedian(values: Array<{ num: number; n: number }>): number | null {
  const sorted = [...values].sort((a, b) => a.num - b.num);
  const total = sorted.reduce((t, v) => t + v.n, 0);
  if (!total) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const v of sorted) if ((seen += v.n) > k) return v.num;
    return sorted.at(-1)!.num;
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/**
 * Response rate, then per question: how many answered, counts per value (or
 * per value and per dimension of the firm when crossed), and for numbers
 * mean, min, max and median. Submissions were counted into tallies as they
 * arrived, so this sums a few hundred rows, whatever the number of responses.
 */
export async function analyseConsultation(ctx: TenantCtx, consultationId: string, query: AnalysisQuery): Promise<Analysis> {
  const { row, form } = await consultationForm(ctx, consultationId);
  await tallyOlderResponses(ctx, consultationId, form);
  const questions = chartable(form).map((w) => w.question);
  const by = query.by ? DIMENSION_COLUMN[query.by] : sql`NULL::text`;
  const where = sql.join([
    sql`v.org_id = ${ctx.orgId}`, sql`v.consultation_id = ${consultationId}`,
    query.sector ? sql`v.sector = ${query.sector}` : undefined,
    query.region ? sql`v.region = ${query.region}` : undefined,
    query.size ? sql`v.size = ${query.size}` : undefined,
  ].filter(Boolean) as SQL[], sql` AND `);

  const [{ invited }] = (await ctx.tx.execute<{ invited: number }>(sql`SELECT count(*)::int AS invited FROM ${consultationInvitations} WHERE consultation_id = ${consultationId} AND org_id = ${ctx.orgId}`)).rows as [{ invited: number }];
  const tallies = await ctx.tx.execute<{ question: string; value: string | null; num: number | null; by: string | null; answered: number; n: number }>(sql`
    SELECT v.question, v.value, v.num, ${by} AS by, sum(v.answered)::int AS answered, sum(v.n)::int AS n
    FROM ${responseTallies} v WHERE ${where}
    GROUP BY 1, 2, 3, 4`);

  const answered = new Map<string, number>();
  const counts = new Map<string, Map<string, { value: string; count: number; by: string | null }>>();
  const numbers = new Map<string, Array<{ num: number; n: number }>>();
  for (const t of tallies.rows) {
    answered.set(t.question, (answered.get(t.question) ?? 0) + t.answered);
    if (t.value !== null) {
      const perValue = counts.get(t.question) ?? new Map();
      const key = JSON.stringify([t.value, t.by]);
      const c = perValue.get(key) ?? { value: t.value, count: 0, by: t.by };
      c.count += t.n;
      perValue.set(key, c);
      counts.set(t.question, perValue);
    }
    if (t.num !== null) numbers.set(t.question, [...(numbers.get(t.question) ?? []), { num: Number(t.num), n: t.n }]);
  }
  const statsOf = (name: string) => {
    const xs = numbers.get(name) ?? [];
    const total = xs.reduce((s, x) => s + x.n, 0);
    if (!total) return { mean: null, min: null, max: null, median: null };
    return {
      mean: xs.reduce((s, x) => s + x.num * x.n, 0) / total,
      min: xs.reduce((m, x) => Math.min(m, x.num), Infinity),
      max: xs.reduce((m, x) => Math.max(m, x.num), -Infinity),
      median: weightedMedian(xs),
    };
  };
  const total = answered.get('') ?? 0;
  return {
    invited: row.identity === 'firm' ? invited : 0,
    submitted: total,
    responseRate: row.identity === 'firm' && invited > 0 ? total / invited : null,
    dimension: query.by ?? null,
    questions: questions.map((q) => ({
      name: q.name,
      type: q.type,
      answered: answered.get(q.name) ?? 0,
      counts: COUNTING[q.type] ? [...(counts.get(q.name)?.values() ?? [])] : [],
      stats: NUMERIC.includes(q.type) || (q.type === 'calculate' && numbers.has(q.name)) ? statsOf(q.name) : null,
    })),
  };
}

/** Free-text answers to one question, newest first, with the tags staff gave them. */
export async function listTextAnswers(ctx: TenantCtx, consultationId: string, query: { question: string; tag?: string; limit: number; cursor?: string }) {
  await getConsultationRow(ctx, consultationId);
  const after = decodeCursor(query.cursor, [CursorKey.timestamp, CursorKey.uuid]);
  const rows = await ctx.tx
    .select({ id: responses.id, answers: responses.answers, textTags: responses.textTags, memberId: responses.memberId, submittedAt: responses.submittedAt })
    .from(responses)
    .where(and(
      eq(responses.orgId, ctx.orgId), eq(responses.consultationId, consultationId), eq(responses.status, 'submitted'),
      sql`jsonb_typeof(${responses.answers}->${query.question}) = 'string' AND ${responses.answers}->>${query.question} <> ''`,
      query.tag ? sql`${responses.textTags}->${query.question} ? ${query.tag}` : undefined,
      after ? or(lt(responses.submittedAt, new Date(after[0])), and(eq(responses.submittedAt, new Date(after[0])), lt(responses.id, after[1]))) : undefined,
    ))
    .orderBy(desc(responses.submittedAt), desc(responses.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.submittedAt!.toISOString(), r.id]);
  const firms = await firmProfiles(ctx, page.items.map((r) => r.memberId).filter((m): m is string => !!m));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => presentTextAnswer(r, query.question, r.memberId ? (firms.get(r.memberId)?.name ?? null) : null)),
  };
}

export async function tagTextAnswer(ctx: TenantCtx, consultationId: string, responseId: string, input: { question: string; tags: string[] }) {
  const tags = [...new Set(input.tags)].sort();
  const updated = await ctx.tx
    .update(responses)
    .set({ textTags: sql`jsonb_set(${responses.textTags}, ARRAY[${input.question}]::text[], ${JSON.stringify(tags)}::jsonb)` })
    .where(and(eq(responses.id, responseId), eq(responses.consultationId, consultationId), eq(responses.orgId, ctx.orgId)))
    .returning({ id: responses.id });
  if (!updated.length) throw new AppError('not_found');
  await recordAudit(ctx, { action: 'response.tag', entityType: 'response', entityId: responseId, after: { question: input.question, tags } });
  return { tags };
}

/** One column per question (a matrix: one per row; a repeat: its items as JSON). */
function exportColumns(form: FormDefinition) {
  const cols: Array<{ header: string; cell(answers: Record<string, unknown>): unknown }> = [];
  for (const { question: q, repeat } of walkQuestions(form.questions)) {
    if (repeat || ['group', 'note'].includes(q.type)) continue;
    if (q.type === 'matrix') {
      for (const r of q.rows ?? []) cols.push({ header: `${q.name}/${r.value}`, cell: (a) => (a[q.name] as Record<string, string> | undefined)?.[r.value] ?? null });
    } else {
      cols.push({
        header: q.name,
        cell: (a) => {
          const v = a[q.name];
          if (v === undefined || v === null) return null;
          if (q.type === 'repeat' || q.type === 'file') return JSON.stringify(v);
          if (q.type === 'geopoint') return `${(v as { latitude: number }).latitude} ${(v as { longitude: number }).longitude}`;
          // XLSForm's own convention: the values of a multiple choice, space-separated.
          return Array.isArray(v) ? v.join(' ') : v;
        },
      });
    }
  }
  return cols;
}

const FIRM_COLUMNS = ['firm', 'firm_sector', 'firm_region', 'firm_size', 'firm_ownership', 'firm_owner_sex'];

/** The header of the raw-answers export: response, then the firm (if firms answer), then one column per question. */
export async function answerExportColumns(ctx: TenantCtx, consultationId: string) {
  const { row, form } = await consultationForm(ctx, consultationId);
  return ['response_id', 'submitted_at', 'channel', ...(row.identity === 'firm' ? FIRM_COLUMNS : []), ...exportColumns(form).map((c) => c.header)];
}

/** Raw answers, one row per submitted response, read in batches so memory stays flat. */
export async function exportAnswers(ctx: TenantCtx, consultationId: string, write: WriteRow) {
  const { row, form } = await consultationForm(ctx, consultationId);
  const cols = exportColumns(form);
  const byFirm = row.identity === 'firm';
  let after: string | null = null;
  for (;;) {
    const batch = await ctx.tx
      .select()
      .from(responses)
      .where(and(eq(responses.orgId, ctx.orgId), eq(responses.consultationId, consultationId), eq(responses.status, 'submitted'), after ? sql`${responses.id} > ${after}` : undefined))
      .orderBy(responses.id)
      .limit(1000);
    if (!batch.length) return;
    const firms = byFirm ? await firmProfiles(ctx, batch.map((r) => r.memberId).filter((m): m is string => !!m)) : new Map();
    for (const r of batch) {
      const f = r.firm ?? {};
      const firm = byFirm ? [firms.get(r.memberId ?? '')?.name ?? null, f.sector ?? null, f.region ?? null, f.size ?? null, f.ownership ?? null, f.ownerSex ?? null] : [];
      await write([r.id, r.submittedAt!.toISOString(), r.channel, ...firm, ...cols.map((c) => c.cell(r.answers))]);
    }
    after = batch.at(-1)!.id;
  }
}
