import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Analysis, AnalysisQuery } from '../../../contracts/surveys.js';
import { walkQuestions, type FormDefinition, type Question } from '../../../contracts/surveys/form-definition.js';
import { decodeCursor, pageOf } from '../../platform/db/cursor.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { WriteRow } from '../../platform/export/stream-table.js';
import { firmProfiles } from '../members/audience.js';
import { getConsultationRow } from './consultation-service.js';
import { formVersion } from './form-service.js';
import { consultationInvitations, responses } from './tables.js';

/** How each question type is counted: by value, by each value of a list, by first place, by matrix cell. */
const COUNTING: Partial<Record<Question['type'], 'one' | 'many' | 'first' | 'cell'>> = {
  select_one: 'one', scale: 'one', select_multiple: 'many', ranking: 'first', matrix: 'cell',
};
const NUMERIC: Array<Question['type']> = ['integer', 'decimal', 'scale'];
const DIMENSION_KEY = { sector: 'sector', region: 'region', size: 'size', ownership: 'ownership', ownerSex: 'ownerSex' } as const;

/** Submitted responses of a consultation, narrowed by the firm as it was when it answered. */
function submitted(ctx: TenantCtx, consultationId: string, q: AnalysisQuery): SQL {
  const parts = [
    sql`r.org_id = ${ctx.orgId}`, sql`r.consultation_id = ${consultationId}`, sql`r.status = 'submitted'`,
    q.sector ? sql`r.firm->>'sector' = ${q.sector}` : undefined,
    q.region ? sql`r.firm->>'region' = ${q.region}` : undefined,
    q.size ? sql`r.firm->>'size' = ${q.size}` : undefined,
  ].filter(Boolean) as SQL[];
  return sql.join(parts, sql` AND `);
}

async function consultationForm(ctx: TenantCtx, consultationId: string) {
  const row = await getConsultationRow(ctx, consultationId);
  if (!row.formVersion) throw new AppError('surveys.form_unpublished');
  return { row, form: await formVersion(ctx, row.formId, row.formVersion) };
}

/** Top-level answerable questions (repeats are exported, not charted). */
function chartable(form: FormDefinition): Question[] {
  return [...walkQuestions(form.questions)].filter((w) => !w.repeat && !['group', 'repeat', 'note'].includes(w.question.type)).map((w) => w.question);
}

/**
 * Response rate, then per question: how many answered, counts per value (or
 * per value and per dimension of the firm when crossed), and for numbers
 * mean, min, max and median. Two queries over the consultation's responses,
 * whatever the number of questions.
 */
export async function analyseConsultation(ctx: TenantCtx, consultationId: string, query: AnalysisQuery): Promise<Analysis> {
  const { row, form } = await consultationForm(ctx, consultationId);
  const questions = chartable(form);
  const where = submitted(ctx, consultationId, query);
  const by = query.by ? sql`r.firm->>${DIMENSION_KEY[query.by]}` : sql`NULL::text`;
  const counted = questions.filter((q) => COUNTING[q.type]);
  const numeric = questions.filter((q) => NUMERIC.includes(q.type));

  const [{ invited }] = (await ctx.tx.execute<{ invited: number }>(sql`SELECT count(*)::int AS invited FROM ${consultationInvitations} WHERE consultation_id = ${consultationId} AND org_id = ${ctx.orgId}`)).rows as [{ invited: number }];
  const totals = await ctx.tx.execute<{ name: string; answered: number; total: number }>(sql`
    SELECT q.name, count(*) FILTER (WHERE r.answers ? q.name)::int AS answered, count(*)::int AS total
    FROM ${responses} r CROSS JOIN unnest(${sql.param(questions.map((q) => q.name))}::text[]) AS q(name)
    WHERE ${where} GROUP BY q.name`);
  const counts = counted.length
    ? await ctx.tx.execute<{ name: string; value: string; by: string | null; n: number }>(sql`
        SELECT q.name, v.value, ${by} AS by, count(*)::int AS n
        FROM ${responses} r
        CROSS JOIN unnest(${sql.param(counted.map((q) => q.name))}::text[], ${sql.param(counted.map((q) => COUNTING[q.type]!))}::text[]) AS q(name, how)
        CROSS JOIN LATERAL (
          SELECT r.answers->>q.name WHERE q.how = 'one' AND r.answers ? q.name
          UNION ALL SELECT x FROM jsonb_array_elements_text(CASE WHEN q.how = 'many' AND jsonb_typeof(r.answers->q.name) = 'array' THEN r.answers->q.name ELSE '[]' END) x
          UNION ALL SELECT r.answers->q.name->>0 WHERE q.how = 'first' AND jsonb_typeof(r.answers->q.name) = 'array'
          UNION ALL SELECT e.key || '=' || (e.value #>> '{}') FROM jsonb_each(CASE WHEN q.how = 'cell' AND jsonb_typeof(r.answers->q.name) = 'object' THEN r.answers->q.name ELSE '{}' END) e
        ) AS v(value)
        WHERE ${where}
        GROUP BY 1, 2, 3`)
    : { rows: [] };
  const stats = numeric.length
    ? await ctx.tx.execute<{ name: string; mean: number | null; min: number | null; max: number | null; median: number | null }>(sql`
        SELECT q.name, avg(x)::float8 AS mean, min(x)::float8 AS min, max(x)::float8 AS max, percentile_cont(0.5) WITHIN GROUP (ORDER BY x)::float8 AS median
        FROM ${responses} r CROSS JOIN unnest(${sql.param(numeric.map((q) => q.name))}::text[]) AS q(name)
        CROSS JOIN LATERAL (SELECT (r.answers->>q.name)::numeric WHERE jsonb_typeof(r.answers->q.name) = 'number') AS v(x)
        WHERE ${where} GROUP BY q.name`)
    : { rows: [] };

  const answeredBy = new Map(totals.rows.map((t) => [t.name, t.answered]));
  const statsBy = new Map(stats.rows.map(({ name, ...s }) => [name, s]));
  const submittedCount = totals.rows[0]?.total ?? 0;
  return {
    invited: row.identity === 'firm' ? invited : 0,
    submitted: submittedCount,
    responseRate: row.identity === 'firm' && invited > 0 ? submittedCount / invited : null,
    dimension: query.by ?? null,
    questions: questions.map((q) => ({
      name: q.name,
      type: q.type,
      answered: answeredBy.get(q.name) ?? 0,
      counts: counts.rows.filter((c) => c.name === q.name).map((c) => ({ value: c.value, count: c.n, by: c.by })),
      stats: NUMERIC.includes(q.type) ? (statsBy.get(q.name) ?? { mean: null, min: null, max: null, median: null }) : null,
    })),
  };
}

/** Free-text answers to one question, newest first, with the tags staff gave them. */
export async function listTextAnswers(ctx: TenantCtx, consultationId: string, query: { question: string; tag?: string; limit: number; cursor?: string }) {
  await getConsultationRow(ctx, consultationId);
  const after = decodeCursor<[string, string]>(query.cursor, 2);
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
    items: page.items.map((r) => ({
      responseId: r.id,
      text: String(r.answers[query.question]),
      tags: r.textTags[query.question] ?? [],
      firmName: r.memberId ? (firms.get(r.memberId)?.name ?? null) : null,
      submittedAt: r.submittedAt!.toISOString(),
    })),
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
