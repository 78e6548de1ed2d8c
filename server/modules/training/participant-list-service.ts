import { and, eq, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { COURSE_PARTICIPANT_SORTS, CourseParticipant, CourseParticipantQuery } from '../../../contracts/training.js';
import { escapeLike } from '../../platform/db/like.js';
import { sortedQuery, type SortColumns } from '../../platform/db/sorted-list.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { attendanceQuery, heldEventIds } from '../events/participant-service.js';
import { firmIdsNamedLike } from '../members/audience-service.js';
import { currentPersonIds, peopleByIds, personRecordsQuery } from '../people/person-service.js';
import { getCourseRow, sessionEventIds } from './course-service.js';
import { trainingCertifications, trainingEvaluationAnswers } from './tables.js';

type Sort = (typeof COURSE_PARTICIPANT_SORTS)[number];

/**
 * A course's participants with their figures, as SQL for `FROM (…) f`, which
 * the list filters, sorts and pages: who attended at least one of its
 * sessions not cancelled (the events module's check-ins, `attendanceQuery`),
 * each person once with the records merged into theirs (the people module's
 * `personRecordsQuery`), the sessions they attended, their share (whole per
 * cent, rounded down), their post-test's first score, and whether they
 * completed the course — the rule of `completion.ts` written in SQL:
 * attended × 100 ≥ rule × sessions held, and the score at least the course's
 * least score when it sets one (a test not taken does not meet it).
 */
function participantFigures(ctx: TenantCtx, courseId: string, held: string[], rule: { share: number; minScore: number | null }): SQL {
  const sessions = sql`${held.length}::int`;
  const attended = sql`least(c.attended, ${sessions})`;
  const scoreMet = rule.minScore === null ? sql`true` : sql`coalesce(s.score >= ${rule.minScore}::float8, false)`;
  return sql`
    SELECT c.person_id, c.name, c.member_id, c.attended,
      (${attended} * 100 / ${sessions})::int AS share, s.score AS post_score,
      (${attended} * 100 >= ${rule.share}::int * ${sessions} AND ${scoreMet}) AS completed
    FROM (
      SELECT rec.person_id, rec.name, rec.member_id, count(DISTINCT att.event_id)::int AS attended
      FROM ${attendanceQuery(ctx, held, 'att')} JOIN ${personRecordsQuery(ctx, 'rec')} ON rec.record_id = att.person_id
      GROUP BY rec.person_id, rec.name, rec.member_id
    ) c
    -- The first post-test score given over the person's records, as postScores (course-service.ts) reads it.
    LEFT JOIN (
      SELECT DISTINCT ON (scored.person_id) scored.person_id, a.score
      FROM ${trainingEvaluationAnswers} a JOIN ${personRecordsQuery(ctx, 'scored')} ON scored.record_id = a.person_id
      WHERE a.org_id = ${ctx.orgId} AND a.course_id = ${courseId} AND a.kind = 'post' AND a.score IS NOT NULL
      ORDER BY scored.person_id, a.created_at, a.id
    ) s ON s.person_id = c.person_id`;
}

/** The columns the list sorts by (contracts' COURSE_PARTICIPANT_SORTS), over `f`. */
const PARTICIPANT_SORTS: SortColumns<Sort> = {
  name: { by: sql`lower(f.name)`, type: 'text' },
  attended: { by: sql`f.share`, type: 'int' },
  // The cursor's key is read back as \`real\`: the score ordered as one too, so a page ends where the next begins.
  score: { by: sql`f.post_score::real`, type: 'real', nullable: true },
};

interface FigureRow extends Record<string, unknown> {
  person_id: string;
  attended: number;
  share: number;
  post_score: number | null;
  completed: boolean;
  k: string | null;
}

/**
 * A page of a course's participants: who attended at least one session, with
 * their attendance against the completion rule and their post-test's score,
 * filtered (\`q\` a part of the name or the firm's name, any case; completion),
 * sorted and cursor-paged in SQL (\`sortedQuery\`, as \`sortedPage\` does): by
 * name (lower case, the database's collation, as the other lists of names), share attended or post-test
 * score (none: last both ways), then the person's id in the same direction.
 * Only the page's people are then read in full (sex, age band, firm,
 * certification).
 */
export async function courseParticipantPage(ctx: TenantCtx, courseId: string, query: CourseParticipantQuery, _now: Date): Promise<{ items: CourseParticipant[]; nextCursor: string | null }> {
  const course = await getCourseRow(ctx, courseId);
  const order = sortedQuery(PARTICIPANT_SORTS, sql`f.person_id` as unknown as AnyColumn, query.sort, query.cursor);
  const held = await heldEventIds(ctx, await sessionEventIds(ctx, courseId));
  // No session held: nobody attended (and no share to divide by).
  if (!held.length) return { items: [], nextCursor: null };
  const q = query.q?.trim();
  const firms = q ? await firmIdsNamedLike(ctx, q) : [];
  const where = and(
    q ? or(sql`f.name ILIKE ${`%${escapeLike(q)}%`}`, firms.length ? sql`f.member_id = ANY(${sql`ARRAY[${sql.join(firms.map((id) => sql`${id}`), sql`, `)}]::uuid[]`})` : undefined) : undefined,
    query.completion === undefined ? undefined : sql`f.completed = ${query.completion === 'completed'}`,
    order.after,
  );
  const figures = participantFigures(ctx, courseId, held, { share: course.completionShare, minScore: course.minPostScore });
  const rows = (await ctx.tx.execute<FigureRow>(sql`
    SELECT f.person_id, f.attended, f.share, f.post_score, f.completed, ${order.key} AS k
    FROM (${figures}) f
    ${where ? sql`WHERE ${where}` : sql``}
    ORDER BY ${sql.join(order.orderBy, sql`, `)}
    LIMIT ${query.limit + 1}`)).rows;
  const page = order.page(rows, query.limit, (r) => r.person_id);
  return { items: await present(ctx, courseId, held.length, page.items), nextCursor: page.nextCursor };
}

/** The page's people as the course page lists them: their record, firm and certification by this course. */
async function present(ctx: TenantCtx, courseId: string, sessions: number, rows: FigureRow[]): Promise<CourseParticipant[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.person_id);
  const people = await peopleByIds(ctx, ids);
  const certs = await ctx.tx.select().from(trainingCertifications)
    .where(and(eq(trainingCertifications.orgId, ctx.orgId), eq(trainingCertifications.courseId, courseId)));
  const current = await currentPersonIds(ctx, certs.map((c) => c.personId));
  const certificationOf = new Map(certs.map((c) => [current.get(c.personId) ?? c.personId, c]));
  return rows.map((r) => {
    const person = people.get(r.person_id);
    const cert = certificationOf.get(r.person_id);
    return {
      personId: r.person_id,
      attended: Number(r.attended),
      sessions,
      postScore: r.post_score === null ? null : Number(r.post_score),
      share: Number(r.share),
      completed: r.completed,
      name: person?.name ?? '',
      sex: person?.sex ?? 'not_stated',
      ageBand: person?.ageBand ?? ('unknown' as const),
      firm: person?.member?.name ?? null,
      certification: cert ? { id: cert.id, certifiedOn: cert.certifiedOn, teachBack: cert.teachBack, certifiedBy: cert.certifiedBy } : null,
    };
  });
}
