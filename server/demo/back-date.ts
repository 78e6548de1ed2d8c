import { sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/tenancy.js';
import { clock } from '../platform/clock.js';

/**
 * The histories a person reads (the audit log, an issue's steps, a decision's follow-ups): the
 * demo writes them all within its first start's minute, and a story told in one minute is not
 * believed. Their order is their sequence (or, for the audit log, the clock), and stays so.
 */
const HISTORIES = [
  ['audit_log', 'id'],
  ['member_issue_events', 'seq'],
  ['advocacy_events', 'seq'],
  ['advocacy_step_scores', 'seq'],
  ['decision_follow_ups', 'seq'],
] as const;

const DAY_MS = 86_400_000;

/**
 * Runs one chapter of the demo's story and moves what it wrote into the histories to the
 * chapter's time: spread evenly, in the order it was written, between `daysAgo[0]` and
 * `daysAgo[1]` days before `today`.
 */
export async function backDated<T>(tx: Tx, today: Date, daysAgo: [number, number], chapter: () => Promise<T>): Promise<T> {
  const [{ started }] = (await tx.execute(sql`SELECT clock_timestamp() AS started`)).rows as [{ started: Date }];
  const result = await chapter();
  const from = new Date(today.getTime() - daysAgo[0] * DAY_MS);
  const to = new Date(today.getTime() - daysAgo[1] * DAY_MS);
  for (const [table, order] of HISTORIES) {
    await tx.execute(sql`
      UPDATE ${sql.identifier(table)} AS h
         SET at = ${from.toISOString()}::timestamptz + (${to.toISOString()}::timestamptz - ${from.toISOString()}::timestamptz) * (w.rank::float8 / greatest(w.n, 1))
        FROM (SELECT id, org_id, row_number() OVER (ORDER BY ${sql.identifier(order)}) - 1 AS rank, count(*) OVER () AS n
                FROM ${sql.identifier(table)} WHERE at >= ${started}) AS w
       WHERE h.id = w.id AND h.org_id = w.org_id`);
  }
  return result;
}

/** `days` from `today` (negative: before) at the hour given, UTC (the demo chamber's clock, Africa/Accra), as an ISO instant. */
export function dayAt(today: Date, days: number, hour: number, minute = 0): string {
  const d = new Date(today.getTime() + days * DAY_MS);
  d.setUTCHours(hour, minute, 0, 0);
  return d.toISOString();
}

/** The day (`YYYY-MM-DD`) `days` from `today`. */
export const dayOf = (today: Date, days: number) => dayAt(today, days, 12).slice(0, 10);

/**
 * Runs `work` as if it were `when` for what the code reasons with (`clock.now()`: the day an
 * event's ticket is invoiced, whether an event is over when a seat is given back), so a story
 * told today happens on its own days. What the database stamps (`now()`) is left as it is. The
 * demo runs before the server serves anyone, so no request reads the moved clock.
 */
export async function asOf<T>(when: Date | string, work: () => Promise<T>): Promise<T> {
  const instant = new Date(when).getTime();
  const real = clock.now;
  clock.now = () => new Date(instant);
  try {
    return await work();
  } finally {
    clock.now = real;
  }
}
