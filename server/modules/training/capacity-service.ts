import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ASSESSMENT_SORTS, Assessment, AssessmentQuery, AssessmentSummary, BranchCapacity, CapacityGap, CapacityItem, CapacityStatus, CourseGap, SaveAssessmentInput, SiblingCapacityView } from '../../../contracts/capacity.js';
import { CAPACITY_ITEMS } from '../../../contracts/capacity.js';
import type { CourseInput } from '../../../contracts/training.js';
import { nothingChanged } from '../../platform/audit/audited-writes.js';
import { recordAudit } from '../../platform/audit/record.js';
import { sortedPage, type SortedList } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { getCurrentOrg } from '../orgs/org-service.js';
import { presentAssessment, presentAssessmentSummary, type AnswerRow, type AssessmentRow } from './capacity-present.js';
import { averageOf, domainScores, domainSums, gapsOf, scoresFromSums, unanswered, type DomainSum } from './capacity-scoring.js';
import { capacityAnswers, capacityAssessments, capacityGapCourses } from './capacity-tables.js';
import { createCourse } from './course-service.js';
import { trainingCourses } from './tables.js';
import { arrayLiteral } from '../../platform/db/array-literal.js';

// The BMO's own capacity: one self-assessment per organisation and year,
// filled by its staff (a draft saved part-way, then submitted), reopened by an
// admin; its gaps (items at level 1–2) become courses of the training module.
// Every write leaves an audit entry on the assessment (`capacity_assessment.*`).

const KNOWN = new Set<string>(CAPACITY_ITEMS);

async function assessmentRow(ctx: TenantCtx, id: string, lock = false): Promise<AssessmentRow> {
  const query = ctx.tx.select().from(capacityAssessments).where(and(eq(capacityAssessments.orgId, ctx.orgId), eq(capacityAssessments.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('capacity.not_found');
  return row;
}

async function answersOf(ctx: TenantCtx, ids: string[]): Promise<Map<string, AnswerRow[]>> {
  const out = new Map<string, AnswerRow[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await ctx.tx.select().from(capacityAnswers).where(and(eq(capacityAnswers.orgId, ctx.orgId), inArray(capacityAnswers.assessmentId, ids)));
  for (const r of rows) if (KNOWN.has(r.itemKey)) out.get(r.assessmentId)!.push(r);
  return out;
}

/** The columns the self-assessments sort by (contracts' ASSESSMENT_SORTS): items answered as the summary counts them (a level given, an item of the catalogue). */
const ASSESSMENT_LIST: SortedList<(typeof ASSESSMENT_SORTS)[number]> = {
  id: capacityAssessments.id,
  columns: {
    year: { by: capacityAssessments.year, type: 'int' },
    answered: {
      by: sql`(SELECT count(*)::int FROM ${capacityAnswers} WHERE ${capacityAnswers.orgId} = ${capacityAssessments.orgId} AND ${capacityAnswers.assessmentId} = ${capacityAssessments.id}
        AND ${capacityAnswers.level} IS NOT NULL AND ${capacityAnswers.itemKey} = ANY(${arrayLiteral(CAPACITY_ITEMS)}::text[]))`,
      type: 'int',
    },
    submitted: { by: capacityAssessments.submittedAt, type: 'timestamptz', nullable: true },
  },
};

/** A page of the organisation's self-assessments, newest year first unless sorted otherwise, or those in one status, each with its scores per domain. */
export async function assessmentPage(ctx: TenantCtx, query: AssessmentQuery): Promise<{ items: AssessmentSummary[]; nextCursor: string | null }> {
  const page = await sortedPage(ASSESSMENT_LIST, query, (k) => ctx.tx.select({ row: capacityAssessments, k }).from(capacityAssessments).$dynamic(), [
    eq(capacityAssessments.orgId, ctx.orgId),
    query.status ? eq(capacityAssessments.status, query.status) : undefined,
  ], (r) => r.row.id);
  const rows = page.items.map((r) => r.row);
  const answers = await answersOf(ctx, rows.map((r) => r.id));
  return { items: rows.map((r) => presentAssessmentSummary(r, answers.get(r.id)!)), nextCursor: page.nextCursor };
}

export async function getAssessment(ctx: TenantCtx, id: string): Promise<Assessment> {
  const row = await assessmentRow(ctx, id);
  const answers = (await answersOf(ctx, [id])).get(id)!;
  const links = await ctx.tx
    .select({ item: capacityGapCourses.itemKey, id: trainingCourses.id, title: trainingCourses.title })
    .from(capacityGapCourses)
    .innerJoin(trainingCourses, and(eq(trainingCourses.orgId, capacityGapCourses.orgId), eq(trainingCourses.id, capacityGapCourses.courseId)))
    .where(and(eq(capacityGapCourses.orgId, ctx.orgId), eq(capacityGapCourses.assessmentId, id)))
    .orderBy(asc(capacityGapCourses.createdAt), asc(trainingCourses.id));
  const gaps: CapacityGap[] = gapsOf(answers.map((a) => ({ item: a.itemKey, level: a.level }))).map((g) => ({
    ...g, courses: links.filter((l) => l.item === g.item).map((l) => ({ id: l.id, title: l.title })),
  }));
  return presentAssessment(row, answers, { gaps });
}

/** A new self-assessment of a year, in draft; one per year. */
export async function createAssessment(ctx: TenantCtx, year: number): Promise<string> {
  const [taken] = await ctx.tx.select({ id: capacityAssessments.id }).from(capacityAssessments).where(and(eq(capacityAssessments.orgId, ctx.orgId), eq(capacityAssessments.year, year)));
  if (taken) throw new AppError('capacity.year_taken', { year });
  const [row] = await ctx.tx.insert(capacityAssessments).values({ orgId: ctx.orgId, year, createdBy: ctx.actor.name }).returning({ id: capacityAssessments.id });
  await recordAudit(ctx, { action: 'capacity_assessment.create', entityType: 'capacity_assessment', entityId: row!.id, after: { year, status: 'draft' } });
  return row!.id;
}

/** Saves the answers given (a draft may be saved part-way); the audit entry holds the items changed, before and after. */
export async function saveAssessment(ctx: TenantCtx, id: string, input: SaveAssessmentInput) {
  const row = await assessmentRow(ctx, id, true);
  if (row.status !== 'draft') throw new AppError('capacity.submitted');
  const current = new Map((await answersOf(ctx, [id])).get(id)!.map((a) => [a.itemKey, { level: a.level, note: a.note }]));
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const a of new Map(input.answers.map((x) => [x.item, x])).values()) {
    const was = current.get(a.item) ?? { level: null, note: '' };
    const now = { level: a.level, note: a.note.trim() };
    if (was.level === now.level && was.note === now.note) continue;
    before[a.item] = was;
    after[a.item] = now;
    await ctx.tx.insert(capacityAnswers).values({ orgId: ctx.orgId, assessmentId: id, itemKey: a.item, ...now })
      .onConflictDoUpdate({ target: [capacityAnswers.assessmentId, capacityAnswers.itemKey, capacityAnswers.orgId], set: { ...now, updatedAt: sql`now()` } });
  }
  if (!Object.keys(after).length) return nothingChanged();
  await ctx.tx.update(capacityAssessments).set({ updatedAt: sql`now()` }).where(and(eq(capacityAssessments.orgId, ctx.orgId), eq(capacityAssessments.id, id)));
  await recordAudit(ctx, { action: 'capacity_assessment.save', entityType: 'capacity_assessment', entityId: id, before, after });
}

/** Submits a draft whose every item has a level: from then on it counts in comparisons and its umbrella sees it. */
export async function submitAssessment(ctx: TenantCtx, id: string) {
  const row = await assessmentRow(ctx, id, true);
  if (row.status !== 'draft') throw new AppError('capacity.submitted');
  const answers = (await answersOf(ctx, [id])).get(id)!;
  const missing = unanswered(answers.map((a) => ({ item: a.itemKey, level: a.level })));
  if (missing.length) throw new AppError('capacity.incomplete', { count: missing.length });
  await ctx.tx.update(capacityAssessments).set({ status: 'submitted', submittedAt: sql`now()`, submittedBy: ctx.actor.name, updatedAt: sql`now()` })
    .where(and(eq(capacityAssessments.orgId, ctx.orgId), eq(capacityAssessments.id, id)));
  await recordAudit(ctx, { action: 'capacity_assessment.submit', entityType: 'capacity_assessment', entityId: id, before: { status: 'draft' }, after: { status: 'submitted' } });
}

/** An admin opens a submitted self-assessment again (a draft once more), saying why. */
export async function reopenAssessment(ctx: TenantCtx, id: string, reason: string) {
  const row = await assessmentRow(ctx, id, true);
  if (row.status !== 'submitted') throw new AppError('capacity.not_submitted');
  await ctx.tx.update(capacityAssessments).set({ status: 'draft', submittedAt: null, submittedBy: null, updatedAt: sql`now()` })
    .where(and(eq(capacityAssessments.orgId, ctx.orgId), eq(capacityAssessments.id, id)));
  await recordAudit(ctx, {
    action: 'capacity_assessment.reopen', entityType: 'capacity_assessment', entityId: id,
    before: { status: 'submitted' }, after: { status: 'draft', reason: reason.trim() },
  });
}

/**
 * A course for a gap of a submitted self-assessment: made by the course
 * service (its own audit entry), linked to the gap it answers (this one's).
 */
export async function planCourseForGap(ctx: TenantCtx, id: string, item: CapacityItem, course: CourseInput): Promise<string> {
  const row = await assessmentRow(ctx, id, true);
  if (row.status !== 'submitted') throw new AppError('capacity.not_submitted');
  const answers = (await answersOf(ctx, [id])).get(id)!;
  if (!gapsOf(answers.map((a) => ({ item: a.itemKey, level: a.level }))).some((g) => g.item === item)) throw new AppError('capacity.not_a_gap');
  const courseId = await createCourse(ctx, course);
  await ctx.tx.insert(capacityGapCourses).values({ orgId: ctx.orgId, courseId, assessmentId: id, itemKey: item, createdBy: ctx.actor.name });
  await recordAudit(ctx, { action: 'capacity_assessment.course_plan', entityType: 'capacity_assessment', entityId: id, after: { item, courseId } });
  return courseId;
}

/** The gap a course was planned for (none, or one), with the year and the level the item had. */
export async function gapsOfCourse(ctx: TenantCtx, courseId: string): Promise<CourseGap[]> {
  const rows = await ctx.tx
    .select({ assessmentId: capacityGapCourses.assessmentId, item: capacityGapCourses.itemKey, year: capacityAssessments.year, level: capacityAnswers.level })
    .from(capacityGapCourses)
    .innerJoin(capacityAssessments, and(eq(capacityAssessments.orgId, capacityGapCourses.orgId), eq(capacityAssessments.id, capacityGapCourses.assessmentId)))
    .leftJoin(capacityAnswers, and(eq(capacityAnswers.orgId, capacityGapCourses.orgId), eq(capacityAnswers.assessmentId, capacityGapCourses.assessmentId), eq(capacityAnswers.itemKey, capacityGapCourses.itemKey)))
    .where(and(eq(capacityGapCourses.orgId, ctx.orgId), eq(capacityGapCourses.courseId, courseId)));
  return rows.filter((r) => KNOWN.has(r.item)).map((r) => ({ assessmentId: r.assessmentId, year: r.year, item: r.item as CapacityItem, level: r.level }));
}

type Row = Record<string, unknown>;

/**
 * An umbrella's branches side by side for a year: every direct branch, with
 * the scores of its submitted self-assessment (none for a branch that has not
 * submitted one). Only levels cross, read by `branch_capacity()` (migration
 * 0048) the way the federation's figures are read (`branch_membership()`).
 */
export async function branchCapacity(ctx: TenantCtx, year: number): Promise<BranchCapacity[]> {
  const rows = (await ctx.tx.execute<Row>(sql`SELECT org_id, org_name, item_key, level FROM branch_capacity(${year}::int)`)).rows;
  const byOrg = new Map<string, { name: string; levels: Array<{ item: string; level: number | null }> }>();
  for (const r of rows) {
    const orgId = String(r.org_id);
    const entry = byOrg.get(orgId) ?? { name: String(r.org_name), levels: [] };
    if (r.item_key !== null) entry.levels.push({ item: String(r.item_key), level: r.level === null ? null : Number(r.level) });
    byOrg.set(orgId, entry);
  }
  return [...byOrg].map(([orgId, b]) => ({ orgId, name: b.name, submitted: b.levels.length > 0, scores: domainScores(b.levels) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.orgId.localeCompare(b.orgId));
}

/**
 * A branch beside its sibling branches for a year: its own self-assessment of
 * the year (any status), the other branches of its umbrella that chose to
 * share (`orgs.share_capacity_with_siblings`) with the domain scores of their
 * submitted one, and the average of those and its own when submitted. The
 * siblings' rows are under their own tenants: `sibling_capacity()` (migration
 * 0061) takes the caller from the tenant setting and hands back only counts
 * and sums of levels per domain, so no note, draft nor item crosses.
 */
export async function siblingCapacity(ctx: TenantCtx, year: number): Promise<SiblingCapacityView> {
  const org = await getCurrentOrg(ctx);
  const [own] = await ctx.tx.select().from(capacityAssessments).where(and(eq(capacityAssessments.orgId, ctx.orgId), eq(capacityAssessments.year, year)));
  const ownSums = own ? domainSums((await answersOf(ctx, [own.id])).get(own.id)!.map((a) => ({ item: a.itemKey, level: a.level }))) : null;
  const rows = org.parentId ? (await ctx.tx.execute<Row>(sql`SELECT org_id, org_name, domain, answered, level_sum FROM sibling_capacity(${year}::int)`)).rows : [];
  const byOrg = new Map<string, { name: string; sums: DomainSum[] }>();
  for (const r of rows) {
    const entry = byOrg.get(String(r.org_id)) ?? { name: String(r.org_name), sums: [] };
    entry.sums.push({ domain: String(r.domain), answered: Number(r.answered), sum: Number(r.level_sum) });
    byOrg.set(String(r.org_id), entry);
  }
  const siblings = [...byOrg].sort(([ai, a], [bi, b]) => a.name.localeCompare(b.name) || ai.localeCompare(bi));
  const compared = [...siblings.map(([, s]) => s.sums), ...(own?.status === 'submitted' && ownSums ? [ownSums] : [])];
  return {
    year,
    isBranch: org.parentId !== null,
    sharing: org.shareCapacityWithSiblings,
    own: own && ownSums ? { id: own.id, status: own.status as CapacityStatus, scores: scoresFromSums(ownSums) } : null,
    siblings: siblings.map(([orgId, s]) => ({ orgId, name: s.name, scores: scoresFromSums(s.sums) })),
    average: averageOf(compared),
    averageOf: compared.length,
  };
}
