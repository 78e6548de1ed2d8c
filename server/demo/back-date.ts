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

/**
 * The rows whose times the database stamps itself (`now()`: `created_at`, `updated_at`, a
 * request's answer, a schedule's run), each table with the audit entries that tell its history:
 * `entity` the audit's entity type, `key` the column its entity id names, `actions` which of
 * the entity's entries count (all when absent).
 */
const STAMPED: Array<{ table: string; key: string; entity: string; actions?: string[]; stamps: Array<[column: string, pick: 'first' | 'last', actions?: string[]]> }> = [
  { table: 'networking_profiles', key: 'member_id', entity: 'networking_profile', stamps: [['created_at', 'first'], ['updated_at', 'last']] },
  {
    table: 'networking_offers', key: 'id', entity: 'networking_offer',
    // An interest is written on its offer's history but changes nothing of the offer.
    actions: ['networking_offer.create', 'networking_offer.update', 'networking_offer.submit', 'networking_offer.approve', 'networking_offer.return', 'networking_offer.withdraw', 'networking_offer.renew'],
    stamps: [['created_at', 'first'], ['updated_at', 'last']],
  },
  { table: 'networking_introductions', key: 'id', entity: 'networking_introduction', stamps: [['created_at', 'first'], ['updated_at', 'last']] },
  { table: 'networking_settings', key: 'org_id', entity: 'networking_settings', stamps: [['updated_at', 'last']] },
  {
    table: 'networking_products', key: 'id', entity: 'networking_product',
    stamps: [['created_at', 'first'], ['updated_at', 'last'], ['published_at', 'last', ['networking_product.publish']], ['rated_at', 'last', ['networking_product.rate']]],
  },
  { table: 'networking_info_entries', key: 'id', entity: 'networking_info_entry', stamps: [['created_at', 'first'], ['updated_at', 'last']] },
  { table: 'networking_info_subscriptions', key: 'member_id', entity: 'member', actions: ['networking_info_subscription.save'], stamps: [['updated_at', 'last']] },
  { table: 'b2b_requests', key: 'id', entity: 'b2b_request', stamps: [['created_at', 'first'], ['updated_at', 'last'], ['answered_at', 'last', ['b2b_request.accept', 'b2b_request.decline']]] },
  { table: 'b2b_profiles', key: 'registration_id', entity: 'event_registration', actions: ['b2b.profile', 'b2b.agenda_issue'], stamps: [['created_at', 'first'], ['updated_at', 'last'], ['agenda_issued_at', 'last', ['b2b.agenda_issue']]] },
  { table: 'b2b_settings', key: 'event_id', entity: 'event', actions: ['b2b.open', 'b2b.settings_update', 'b2b.schedule'], stamps: [['created_at', 'first'], ['updated_at', 'last'], ['scheduled_at', 'last', ['b2b.schedule']]] },
];

/**
 * The demo writes its whole story in one transaction, where the database's `now()` is one
 * instant: rows it stamps so (STAMPED) would all say "made at the first start". Once the
 * chapters are told (their audit entries moved to their days by `backDated`), each such stamp
 * takes the time of the entry that tells it (first: the row's making; last: its latest change).
 * Only stamps still at this transaction's `now()` (as the columns keep it, to the millisecond)
 * are moved; an interest takes the time of its own entry on its offer's history.
 */
export async function stampedAsAudited(tx: Tx) {
  for (const { table, key, entity, actions, stamps } of STAMPED) {
    for (const [column, pick, only] of stamps) {
      const counted = only ?? actions;
      await tx.execute(sql`
        UPDATE ${sql.identifier(table)} AS t SET ${sql.identifier(column)} = a.at
          FROM (SELECT org_id, entity_id, ${pick === 'first' ? sql`min(at)` : sql`max(at)`} AS at FROM audit_log
                 WHERE entity_type = ${entity} ${counted ? sql`AND action IN (${sql.join(counted.map((x) => sql`${x}`), sql`, `)})` : sql``}
                 GROUP BY org_id, entity_id) AS a
         WHERE t.org_id = a.org_id AND t.${sql.identifier(key)}::text = a.entity_id AND t.${sql.identifier(column)} = now()::timestamptz(3)`);
    }
  }
  await tx.execute(sql`
    UPDATE networking_interests AS i SET created_at = a.at
      FROM audit_log AS a
     WHERE a.org_id = i.org_id AND a.entity_type = 'networking_offer' AND a.action = 'networking_offer.interest'
       AND a.after->>'interestId' = i.id::text AND i.created_at = now()::timestamptz(3)`);
}
