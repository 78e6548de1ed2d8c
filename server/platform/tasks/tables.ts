import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** What stopped a task: an AppError's parts, translated when read. */
export interface StoredTaskError {
  code: string;
  params?: Record<string, string | number>;
  fieldErrors?: Array<{ path: string; code: string; params?: Record<string, string | number>; message?: string }>;
}

/**
 * Long work a person started (an import of 20,000 firms, say): its state and
 * progress, so the page that started it can show how far it got and offer to
 * cancel it, and its result or error once it ends. The work itself runs in the
 * process that accepted it (task-runner.ts).
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    /** The permission the work needs; checked again when its starter reads it. */
    permission: text('permission').notNull(),
    state: text('state').$type<'queued' | 'running' | 'done' | 'failed' | 'cancelled'>().notNull().default('queued'),
    phase: text('phase').notNull().default('starting'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    result: jsonb('result'),
    error: jsonb('error').$type<StoredTaskError>(),
    startedBy: uuid('started_by'),
    startedByName: text('started_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Written while the work runs: a task whose process died stops beating and is marked interrupted. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
    /** Ended unfinished, and what it wrote is not yet taken back (its kind's `undo` failed or has not run): the sweep tries again. */
    undoPending: boolean('undo_pending').notNull().default(false),
  },
  (t) => [
    index('tasks_org_idx').on(t.orgId, t.createdAt),
    index('tasks_unfinished_idx').on(t.heartbeatAt).where(sql`${t.state} in ('queued', 'running')`),
    check('tasks_state_check', sql`${t.state} in ('queued', 'running', 'done', 'failed', 'cancelled')`),
  ],
);
