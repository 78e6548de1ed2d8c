import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { FORM_SORTS, FormInput, FormQuery } from '../../../contracts/surveys.js';
import { checkDefinition } from '../../../contracts/surveys/check-definition.js';
import type { FormDefinition } from '../../../contracts/surveys/form-definition.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { recordAudit } from '../../platform/audit/record.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { presentFormSummary } from './present.js';
import { consultations, forms, formVersions, responses, surveyFollowUps } from './tables.js';

const titleOf = (d: FormDefinition) => (d.title[d.languages[0]!] ?? Object.values(d.title)[0] ?? '').trim() || '—';

export async function getFormRow(ctx: TenantCtx, id: string) {
  const [row] = await ctx.tx.select().from(forms).where(and(eq(forms.id, id), eq(forms.orgId, ctx.orgId)));
  if (!row) throw new AppError('surveys.form_not_found');
  return row;
}

async function publishedDefinition(ctx: TenantCtx, formId: string, version: number) {
  if (!version) return null;
  const [v] = await ctx.tx.select({ definition: formVersions.definition }).from(formVersions).where(and(eq(formVersions.formId, formId), eq(formVersions.version, version), eq(formVersions.orgId, ctx.orgId)));
  return v?.definition ?? null;
}


export async function presentForm(ctx: TenantCtx, row: typeof forms.$inferSelect) {
  const published = await publishedDefinition(ctx, row.id, row.publishedVersion);
  const versions = await ctx.tx
    .select({
      version: formVersions.version,
      publishedAt: formVersions.publishedAt,
      // Named with its table: drizzle writes a one-table select's column bare ("version"), which a subquery would bind to its own tables first.
      responses: sql<number>`(SELECT count(*)::int FROM ${responses} r JOIN ${consultations} c ON c.id = r.consultation_id WHERE c.form_id = ${row.id} AND r.form_version = ${formVersions}.version)`,
    })
    .from(formVersions)
    .where(and(eq(formVersions.formId, row.id), eq(formVersions.orgId, ctx.orgId)))
    .orderBy(desc(formVersions.version));
  return {
    ...presentFormSummary(row, published),
    definition: row.definition,
    problems: checkDefinition(row.definition),
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString(), responses: v.responses })),
  };
}

/** The columns the forms sort by (contracts' FORM_SORTS). */
const FORM_LIST: SortedList<(typeof FORM_SORTS)[number]> = {
  id: forms.id,
  columns: {
    title: { by: forms.title, type: 'text' },
    purpose: { by: forms.purpose, type: 'text' },
    updated: { by: forms.updatedAt, type: 'timestamptz' },
  },
};

/** A page of the organisation's forms, each with its newest published version (to tell a changed working copy), in one query. */
export async function listForms(ctx: TenantCtx, query: FormQuery) {
  const pattern = query.q ? `%${escapeLike(query.q)}%` : null;
  const page = await sortedPage(
    FORM_LIST,
    query,
    (k) =>
      ctx.tx
        .select({ form: forms, published: formVersions.definition, k })
        .from(forms)
        .leftJoin(formVersions, and(eq(formVersions.formId, forms.id), eq(formVersions.version, forms.publishedVersion), eq(formVersions.orgId, forms.orgId)))
        .$dynamic(),
    [
      eq(forms.orgId, ctx.orgId),
      pattern ? sql`${forms.title} ILIKE ${pattern}` : undefined,
      query.purpose ? eq(forms.purpose, query.purpose) : undefined,
      query.status === 'published' ? gt(forms.publishedVersion, 0) : query.status === 'never' ? eq(forms.publishedVersion, 0) : undefined,
    ],
    (r) => r.form.id,
  );
  return { nextCursor: page.nextCursor, items: page.items.map((r) => presentFormSummary(r.form, r.published)) };
}

export async function createForm(ctx: TenantCtx, input: FormInput) {
  const [row] = await ctx.tx.insert(forms).values({ orgId: ctx.orgId, title: titleOf(input.definition), purpose: input.purpose, definition: input.definition }).returning();
  await recordAudit(ctx, { action: 'form.create', entityType: 'form', entityId: row!.id, after: { title: row!.title } });
  return row!;
}

/** Changes the working copy; published versions, and the responses to them, stay as they were. */
export async function updateForm(ctx: TenantCtx, id: string, input: FormInput) {
  const before = await getFormRow(ctx, id);
  const [row] = await ctx.tx
    .update(forms)
    .set({ title: titleOf(input.definition), purpose: input.purpose, definition: input.definition, updatedAt: sql`now()` })
    .where(and(eq(forms.id, id), eq(forms.orgId, ctx.orgId)))
    .returning();
  await recordAudit(ctx, { action: 'form.update', entityType: 'form', entityId: id, before: { title: before.title }, after: { title: row!.title } });
  return row!;
}

/** Freezes the working copy as the next version, unless it is unchanged or has problems. */
export async function publishForm(ctx: TenantCtx, id: string) {
  const row = await getFormRow(ctx, id);
  const problems = checkDefinition(row.definition);
  if (problems.length) throw new AppError('surveys.form_has_problems', { count: problems.length });
  const published = await publishedDefinition(ctx, id, row.publishedVersion);
  if (published && JSON.stringify(published) === JSON.stringify(row.definition)) {
    nothingChanged();
    return row;
  }
  const version = row.publishedVersion + 1;
  await ctx.tx.insert(formVersions).values({ orgId: ctx.orgId, formId: id, version, definition: row.definition });
  const [updated] = await ctx.tx.update(forms).set({ publishedVersion: version }).where(and(eq(forms.id, id), eq(forms.orgId, ctx.orgId))).returning();
  await recordAudit(ctx, { action: 'form.publish', entityType: 'form', entityId: id, after: { version } });
  return updated!;
}

export async function formVersion(ctx: TenantCtx, formId: string, version: number): Promise<FormDefinition> {
  const definition = await publishedDefinition(ctx, formId, version);
  if (!definition) throw new AppError('surveys.form_not_found');
  return definition;
}

/** A form no consultation uses can be deleted; otherwise its answers would lose their questions. */
export async function deleteForm(ctx: TenantCtx, id: string) {
  const row = await getFormRow(ctx, id);
  const [used] = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(consultations).where(and(eq(consultations.formId, id), eq(consultations.orgId, ctx.orgId)));
  // Follow-up forms (follow-up-form-service.ts) keep their answers against the form's versions too.
  const [followed] = await ctx.tx.select({ n: sql<number>`count(*)::int` }).from(surveyFollowUps).where(and(eq(surveyFollowUps.formId, id), eq(surveyFollowUps.orgId, ctx.orgId)));
  if (used!.n + followed!.n > 0) throw new AppError('surveys.form_in_use', { count: used!.n + followed!.n });
  await ctx.tx.delete(forms).where(and(eq(forms.id, id), eq(forms.orgId, ctx.orgId)));
  await recordAudit(ctx, { action: 'form.delete', entityType: 'form', entityId: id, before: { title: row.title } });
}
