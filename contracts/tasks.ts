import { z } from 'zod';
import { Int, IsoDateTime, Problem, Uuid } from './common.js';

export const TaskState = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);
export type TaskState = z.infer<typeof TaskState>;

/**
 * Long work a person started and watches: its progress while it runs, then
 * its result (its shape is the kind's: an import's report, say) or the
 * problem that stopped it, in the reader's language.
 */
export const Task = z.object({
  id: Uuid,
  kind: z.string(),
  state: TaskState,
  /** What the work is doing now, a key of `tasks.phase.*` in the locales. */
  phase: z.string(),
  done: Int,
  total: Int,
  cancelRequested: z.boolean(),
  result: z.unknown().nullable(),
  problem: Problem.nullable(),
  createdAt: IsoDateTime,
  finishedAt: IsoDateTime.nullable(),
});
export type Task = z.infer<typeof Task>;

/** The answer of a route that starts a task: 202, and where to follow it. */
export const TaskStarted = z.object({ taskId: Uuid });
export type TaskStarted = z.infer<typeof TaskStarted>;
