import { encodeCursor } from '../../platform/db/cursor.js';
import { AppError } from '../../platform/errors/app-error.js';

/**
 * The pages of people behind a roll-up figure (the organisation's, `rollup-service.ts`, and a
 * branch's, `umbrella-rollup-service.ts`): 100 people a page in name order, the cursor the last
 * one's name and id.
 */
export const PEOPLE_PAGE = 100;

/** The person the page starts after; a cursor not ours is a bad request. */
export function peopleAfter(cursor: string | undefined): { name: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof name === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { name, id };
  } catch { /* a cursor not ours is refused below */ }
  throw new AppError('bad_request');
}

/** The cursor of the next page: `fetched` rows were read for a page (one more than it holds when there are more). */
export function nextPeopleCursor(fetched: number, items: Array<{ name: string; id: string }>): string | null {
  const last = items[items.length - 1];
  return fetched > PEOPLE_PAGE && last ? encodeCursor([last.name, last.id]) : null;
}
