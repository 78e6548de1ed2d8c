import type { FastifyBaseLogger } from 'fastify';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Permission } from '../../../contracts/permissions.js';
import type { Database } from '../db/database.js';
import { uniqueViolationField } from '../db/pg-errors.js';
import { refreshStatistics } from '../db/statistics.js';
import { withSystem, withTenant, type TenantCtx } from '../db/tenancy.js';
import { recordAudit } from '../audit/record.js';
import { AppError } from '../errors/app-error.js';
import { clock } from '../clock.js';
import { tasks, type StoredTaskError } from './tables.js';
import { arrayLiteral } from '../db/array-literal.js';

export type TaskScope = Omit<TenantCtx, 'tx'>;

/** What the work of a task is given: short transactions as its starter, progress, and a way to stop. */
export interface TaskWork {
  readonly scope: TaskScope;
  /** The task's id; null for work done inside a request (`inline`). */
  readonly taskId: string | null;
  /** One transaction as the person who started the task; keep each short, since other people wait behind it on the embedded database. */
  tenant<T>(work: (ctx: TenantCtx) => Promise<T>): Promise<T>;
  /** How far the work got; shown to the person, kept in memory and written every few seconds. */
  progress(phase: string, done: number, total: number): void;
  /**
   * Call often in loops: gives the event loop a turn once the work has held it
   * for a few milliseconds (so other requests are answered), and throws
   * `TaskCancelled` once the person asked to stop. Thrown inside `tenant`, it
   * rolls that transaction back.
   */
  checkpoint(): Promise<void>;
  /** After a bulk write: refreshes the planner's statistics of the tables it touched. */
  analyse(tables: string[]): Promise<void>;
}

export interface TaskKind<I> {
  kind: string;
  permission: Permission;
  run(work: TaskWork, input: I): Promise<unknown>;
  /**
   * For work that commits as it goes (short transactions, so that nobody waits
   * behind it): takes back what the task left when it ends unfinished, that is
   * cancelled, failed, or lost with its process (then run by the sweep, in
   * whichever process notices). Must be idempotent: it may run twice.
   */
  undo?(ctx: TenantCtx, taskId: string): Promise<void>;
}

/** Kinds whose unfinished work must be taken back, by name: a lost task may have run in another process. */
const undoable = new Map<string, NonNullable<TaskKind<unknown>['undo']>>();

/** Called once at start for every kind with an `undo` (server/modules.ts), so that the sweep knows them. */
export function registerUndoableTask(kind: TaskKind<never>) {
  if (kind.undo) undoable.set(kind.kind, kind.undo);
}

export class TaskCancelled extends Error {
  constructor() {
    super('task cancelled');
  }
}

export interface LiveTask {
  id: string;
  kind: string;
  permission: string;
  scope: TaskScope;
  state: 'queued' | 'running';
  createdAt: Date;
  /** Who asked to stop it here, for the audit entry written with its end. */
  cancelledBy: TaskScope['actor'] | null;
  phase: string;
  done: number;
  total: number;
  cancel: boolean;
  /** Progress not yet written to the row. */
  dirty: boolean;
}

/** The work may hold the event loop this long between turns: well under the 50 ms a health check may take. */
const SLICE_MS = 10;
const BEAT_MS = 2_000;
/** A task not heard of for this long lost its process. */
const LOST_AFTER = '2 minutes';
/** Finished tasks hold results with firms' names: they are kept a week. */
const KEEP_FINISHED = '7 days';
/** Tasks waiting in one process: each holds its upload in memory until it runs. */
const MAX_QUEUED = 20;

function storedError(error: unknown): StoredTaskError {
  if (error instanceof AppError) return { code: error.code, params: error.params, fieldErrors: error.fieldErrors };
  if (uniqueViolationField(error)) return { code: 'already_exists' };
  return { code: 'internal' };
}

/**
 * Runs long work a person started, one task at a time per process, in the
 * process that accepted it. Not pg-boss: the person is waiting and watching,
 * so the work must start at once (pg-boss polls every 5–30 s) and its
 * progress and cancellation live beside it in memory. The table keeps the state for
 * other processes and for after the work ends; a process that dies leaves its
 * tasks to be marked interrupted by the others (or by itself on restart).
 * What a task writes, it writes in its own transactions: an interrupted or
 * cancelled task leaves whatever its last committed transaction left.
 */
export function createTaskRunner(database: Database, log: FastifyBaseLogger) {
  function workFor(scope: TaskScope, taskId: string | null, hooks: { progress: TaskWork['progress']; stopped: () => boolean }): TaskWork {
    let lastTurn = performance.now();
    return {
      scope,
      taskId,
      tenant: (fn) => withTenant(database.db, scope, fn),
      progress: hooks.progress,
      async checkpoint() {
        if (performance.now() - lastTurn >= SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          lastTurn = performance.now();
        }
        if (hooks.stopped()) throw new TaskCancelled();
      },
      analyse: (tables) => refreshStatistics(database, tables),
    };
  }

  const live = new Map<string, LiveTask>();
  const queue: Array<() => Promise<void>> = [];
  let running = false;
  let draining: Promise<void> = Promise.resolve();
  /** The task whose work is executing now. */
  let current: string | null = null;
  let beating = false;
  let timer: NodeJS.Timeout | undefined;
  let lastSweep = 0;
  let stopped = false;

  function drain() {
    if (running) return;
    running = true;
    draining = (async () => {
      try {
        while (queue.length && !stopped) await queue.shift()!();
      } finally {
        running = false;
      }
    })();
  }

  async function finish(id: string, scope: TaskScope, values: Partial<typeof tasks.$inferInsert>) {
    const task = live.get(id);
    await withTenant(database.db, scope, async (ctx) => {
      await ctx.tx
        .update(tasks)
        .set({ ...values, ...(task?.cancel ? { cancelRequested: true } : {}), phase: task?.phase ?? 'starting', done: task?.done ?? 0, total: task?.total ?? 0, heartbeatAt: sql`now()`, finishedAt: sql`now()` })
        .where(eq(tasks.id, id));
      // A cancellation asked of this process is written with the end it caused (see requestCancel).
      if (values.state === 'cancelled' && task?.cancelledBy) {
        await recordAudit({ ...ctx, actor: task.cancelledBy }, { action: 'task.cancel', entityType: 'task', entityId: id, after: { kind: task.kind } });
      }
    });
    live.delete(id);
  }

  /**
   * Runs the kind's undo for a task that ended unfinished, and clears its
   * `undo_pending` in the same transaction. A failure is logged and left
   * pending: the sweep tries again a minute later.
   */
  async function takeBack(id: string, kind: string, undo: TaskKind<unknown>['undo'], scope: TaskScope): Promise<boolean> {
    if (!undo) return true;
    try {
      await withTenant(database.db, scope, async (ctx) => {
        await undo(ctx, id);
        await ctx.tx.update(tasks).set({ undoPending: false }).where(eq(tasks.id, id));
      });
      return true;
    } catch (error) {
      log.error({ err: error, task: id, kind }, 'could not take back an unfinished task; the sweep will try again');
      return false;
    }
  }

  async function execute<I>(id: string, kind: TaskKind<I>, input: I) {
    const task = live.get(id)!;
    const scope = task.scope;
    if (task.cancel) return finish(id, scope, { state: 'cancelled' });
    current = id;
    task.state = 'running';
    await withTenant(database.db, scope, (ctx) => ctx.tx.update(tasks).set({ state: 'running', heartbeatAt: sql`now()` }).where(eq(tasks.id, id)));
    const work = workFor(scope, id, {
      progress: (phase, done, total) => Object.assign(task, { phase, done, total, dirty: true }),
      stopped: () => task.cancel || stopped,
    });
    try {
      const result = await kind.run(work, input);
      await finish(id, scope, { state: 'done', result: result ?? null });
    } catch (error) {
      const undoPending = !(await takeBack(id, kind.kind, kind.undo, scope));
      // Stopped by the process shutting down, not by the person: say it was interrupted.
      if (error instanceof TaskCancelled) return finish(id, scope, { undoPending, ...(task.cancel ? { state: 'cancelled' } : { state: 'failed', error: { code: 'tasks.interrupted' } }) });
      const stored = storedError(error);
      if (stored.code === 'internal') log.error({ err: error, task: id, kind: kind.kind }, 'task failed');
      await finish(id, scope, { state: 'failed', error: stored, undoPending });
    } finally {
      current = null;
    }
  }

  /**
   * Every few seconds: write the progress of the running work, keep every live
   * task's heartbeat, learn of cancellations asked in another process, and
   * mark tasks whose process is gone. This is the runner's bookkeeping across
   * organisations, so it runs without a tenant.
   */
  async function beat() {
    if (beating || stopped) return;
    beating = true;
    try {
      const ids = [...live.keys()];
      if (ids.length) {
        const rows = await withSystem(database.db, async (tx) => {
          for (const [id, task] of live) {
            if (!task.dirty) continue;
            task.dirty = false;
            // Not over a finished row: `finish` may have written the final figures meanwhile.
            await tx.update(tasks).set({ phase: task.phase, done: task.done, total: task.total }).where(and(eq(tasks.id, id), inArray(tasks.state, ['queued', 'running'])));
          }
          return tx
            .update(tasks)
            .set({ heartbeatAt: sql`now()` })
            .where(and(inArray(tasks.id, ids), inArray(tasks.state, ['queued', 'running'])))
            .returning({ id: tasks.id, cancel: tasks.cancelRequested });
        });
        for (const r of rows) if (r.cancel && live.has(r.id)) live.get(r.id)!.cancel = true;
        // A task another process judged lost (and took back) stops here at its next checkpoint.
        const beating = new Set(rows.map((r) => r.id));
        for (const id of ids) if (!beating.has(id) && live.get(id)?.state === 'running') live.get(id)!.cancel = true;
      }
      if (clock.ms() - lastSweep > 60_000) {
        lastSweep = clock.ms();
        const pending = await withSystem(database.db, async (tx) => {
          // Lost tasks of a kind that commits as it goes are marked with their undo pending, in the same statement.
          await tx.execute(sql`UPDATE tasks SET state = 'failed', error = '{"code":"tasks.interrupted"}', finished_at = now(),
              undo_pending = kind = ANY(${arrayLiteral([...undoable.keys()])}::text[])
            WHERE state IN ('queued', 'running') AND heartbeat_at < now() - ${LOST_AFTER}::interval`);
          await tx.execute(sql`DELETE FROM tasks WHERE finished_at < now() - ${KEEP_FINISHED}::interval AND NOT undo_pending`);
          const rows = await tx.execute<{ id: string; org_id: string; kind: string; started_by: string | null; started_by_name: string }>(sql`
            SELECT id, org_id, kind, started_by, started_by_name FROM tasks WHERE undo_pending ORDER BY heartbeat_at LIMIT 20`);
          return rows.rows;
        });
        // Their work may have committed part of what it writes: take it back, as its starter.
        for (const t of pending) {
          const scope: TaskScope = { orgId: t.org_id, role: 'admin', actor: { userId: t.started_by, name: t.started_by_name }, locale: 'en' };
          await takeBack(t.id, t.kind, undoable.get(t.kind), scope);
        }
      }
    } catch (error) {
      log.warn({ err: error }, 'task bookkeeping failed');
    } finally {
      beating = false;
    }
  }

  return {
    /**
     * Records the task in the caller's transaction (with its audit entry) and
     * queues its work to start once that transaction has committed.
     */
    async start<I>(ctx: TenantCtx, kind: TaskKind<I>, input: I): Promise<{ id: string; run: () => void }> {
      // One unfinished task per person (each holds a whole upload), and a bounded queue per process.
      if (queue.length >= MAX_QUEUED) throw new AppError('tasks.busy');
      const mine = ctx.actor.userId ? eq(tasks.startedBy, ctx.actor.userId) : and(isNull(tasks.startedBy), eq(tasks.startedByName, ctx.actor.name));
      const [unfinished] = await ctx.tx
        .select({ id: tasks.id })
        .from(tasks)
        .where(and(eq(tasks.orgId, ctx.orgId), mine, inArray(tasks.state, ['queued', 'running'])))
        .limit(1);
      if (unfinished) throw new AppError('tasks.already_running');
      const [row] = await ctx.tx
        .insert(tasks)
        .values({ orgId: ctx.orgId, kind: kind.kind, permission: kind.permission, startedBy: ctx.actor.userId, startedByName: ctx.actor.name })
        .returning({ id: tasks.id });
      await recordAudit(ctx, { action: 'task.start', entityType: 'task', entityId: row!.id, after: { kind: kind.kind } });
      const { tx: _tx, ...scope } = ctx;
      const id = row!.id;
      return {
        id,
        run() {
          live.set(id, { id, kind: kind.kind, permission: kind.permission, scope: { ...scope, requestId: undefined }, state: 'queued', createdAt: clock.now(), cancelledBy: null, phase: 'starting', done: 0, total: 0, cancel: false, dirty: false });
          // execute's own bookkeeping may fail (the database gone, a time-out): left
          // unhandled, `void drain()` would end the process and strand the queue.
          // Forgotten here, the task stops beating and is marked interrupted.
          queue.push(() =>
            execute(id, kind, input).catch((error: unknown) => {
              live.delete(id);
              log.error({ err: error, task: id, kind: kind.kind }, 'task bookkeeping failed');
            }),
          );
          drain();
        },
      };
    },

    /**
     * A task whose work runs in this process, to answer its starter from
     * memory: on the embedded database the one connection may be held by the
     * very import being watched, and asking the database would wait for it to end.
     */
    liveTask(id: string): Readonly<LiveTask> | null {
      return live.get(id) ?? null;
    },

    /** Asks work running here to stop at its next checkpoint, without the database (see liveTask). */
    requestCancel(id: string, actor: TaskScope['actor']) {
      const task = live.get(id);
      if (!task) return false;
      if (!task.cancel) Object.assign(task, { cancel: true, cancelledBy: actor });
      return true;
    },

    /** Asks the work to stop at its next checkpoint, through the table (for work running in another process). */
    async cancel(ctx: TenantCtx, id: string) {
      const [row] = await ctx.tx
        .update(tasks)
        .set({ cancelRequested: true })
        .where(and(eq(tasks.id, id), eq(tasks.orgId, ctx.orgId), inArray(tasks.state, ['queued', 'running'])))
        .returning({ id: tasks.id, kind: tasks.kind });
      if (!row) return false;
      await recordAudit(ctx, { action: 'task.cancel', entityType: 'task', entityId: id, after: { kind: row.kind } });
      const task = live.get(id);
      if (task) task.cancel = true;
      return true;
    },

    /**
     * The same steps for work done inside a request (short work that answers
     * with a file, say): it yields like a task, but nobody follows or cancels it.
     */
    inline(scope: TaskScope): TaskWork {
      return workFor(scope, null, { progress: () => undefined, stopped: () => false });
    },

    begin() {
      stopped = false;
      lastSweep = 0;
      timer = setInterval(() => void beat(), BEAT_MS);
      timer.unref();
      void beat();
    },

    /** Stops the running work at its next checkpoint (its open transaction rolls back), waits for it, and marks what did not finish as interrupted. */
    async stop() {
      stopped = true;
      clearInterval(timer);
      // The running work stops at its next checkpoint; a long statement may keep it a while.
      await Promise.race([draining, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      while (beating) await new Promise((resolve) => setTimeout(resolve, 20));
      // Tasks still waiting in the queue will not run here. One still executing ends itself (or is swept).
      queue.length = 0;
      for (const [id, task] of live) {
        if (id === current) continue;
        await finish(id, task.scope, { state: 'failed', error: { code: 'tasks.interrupted' } }).catch((error) => log.warn({ err: error, task: id }, 'could not mark a task interrupted'));
      }
    },
  };
}

export type TaskRunner = ReturnType<typeof createTaskRunner>;
