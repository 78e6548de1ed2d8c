import type { COURSE_PARTICIPANT_SORTS, CourseParticipant, CourseParticipantQuery } from '../../../contracts/training.js';
import { CursorKey, decodeCursor, encodeCursor } from '../../platform/db/cursor.js';
import type { TenantCtx } from '../../platform/db/tenancy.js';
import { AppError } from '../../platform/errors/app-error.js';
import { parseSort } from '../../platform/db/sorted-list.js';
import { getCourse } from './course-service.js';
import { z } from 'zod';

type Sort = (typeof COURSE_PARTICIPANT_SORTS)[number];

/** What each column orders by: a participant's name, share of sessions attended, post-test score (none: last both ways). */
const keyOf: Record<Sort, (p: CourseParticipant) => string | number | null> = {
  name: (p) => p.name,
  attended: (p) => p.share,
  score: (p) => p.postScore,
};

const invalidCursor = () => new AppError('validation_failed', {}, [{ path: 'cursor', code: 'invalid_cursor' }]);

/**
 * A page of a course's participants: who attended at least one session, with
 * their attendance against the completion rule and their post-test's score.
 * Attendance is computed from the sessions' check-ins (events) with merged
 * person records followed (people), so the list is filtered, sorted and paged
 * here, by one comparator: the column (names as the reader's language orders
 * them, empty values last both ways), then the person's id in the same
 * direction. The cursor holds the order and the last person's id; a person no
 * longer listed (merged away meanwhile) makes it `invalid_cursor`.
 */
export async function courseParticipantPage(ctx: TenantCtx, courseId: string, query: CourseParticipantQuery, now: Date): Promise<{ items: CourseParticipant[]; nextCursor: string | null }> {
  const { participants } = await getCourse(ctx, courseId, now);
  const needle = query.q?.toLocaleLowerCase(ctx.locale);
  const kept = participants.filter((p) =>
    (!needle || p.name.toLocaleLowerCase(ctx.locale).includes(needle) || (p.firm ?? '').toLocaleLowerCase(ctx.locale).includes(needle))
    && (query.completion === undefined || p.completed === (query.completion === 'completed')));
  const { column, desc } = parseSort(query.sort);
  const key = keyOf[column];
  const collator = new Intl.Collator(ctx.locale, { sensitivity: 'base', numeric: true });
  const sign = desc ? -1 : 1;
  const sorted = kept.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      if (order) return sign * order;
    }
    return sign * (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);
  });
  const last = decodeCursor(query.cursor, [z.literal(query.sort), CursorKey.uuid]);
  let start = 0;
  if (last) {
    const at = sorted.findIndex((p) => p.personId === last[1]);
    if (at < 0) throw invalidCursor();
    start = at + 1;
  }
  const items = sorted.slice(start, start + query.limit);
  const more = start + query.limit < sorted.length;
  return { items, nextCursor: more ? encodeCursor([query.sort, items.at(-1)!.personId]) : null };
}
