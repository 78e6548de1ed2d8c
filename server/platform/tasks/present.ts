import type { z } from 'zod';
import type { Problem } from '../../../contracts/common.js';
import type { Task } from '../../../contracts/tasks.js';
import type { tasks } from './tables.js';
import type { LiveTask } from './task-runner.js';

// How the API shows a task: from memory while its work runs here, else from its row (routes.ts).

export function presentLiveTask(live: Readonly<LiveTask>): z.infer<typeof Task> {
  const { id, kind, state, phase, done, total, cancel, createdAt } = live;
  return { id, kind, state, phase, done, total, cancelRequested: cancel, result: null, problem: null, createdAt: createdAt.toISOString(), finishedAt: null };
}

/** A stored task without its result (routes.ts splices the stored JSON text in), and its problem as the reader reads it. */
export function presentStoredTask(row: Omit<typeof tasks.$inferSelect, 'result'>, beside: { problem: Problem | null }): z.infer<typeof Task> {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    phase: row.phase,
    done: row.done,
    total: row.total,
    cancelRequested: row.cancelRequested,
    result: null,
    problem: beside.problem,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
