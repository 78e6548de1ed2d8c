import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Ok } from '../../../contracts/common.js';
import { Task } from '../../../contracts/tasks.js';
import { can } from '../auth/permissions.js';
import type { TenantCtx } from '../db/tenancy.js';
import { AppError } from '../errors/app-error.js';
import { toProblem } from '../errors/problem.js';
import { tasks } from './tables.js';
import type { LiveTask } from './task-runner.js';

const tags = ['tasks'];
// Anyone signed in to the organisation may follow a task; which task is the starter's own rule below.
const config = { auth: 'tenant' as const, permission: 'org.read' };

/** A task is its starter's: another person of the organisation gets a 404, as for anything not theirs. */
async function ownTask(ctx: TenantCtx, id: string) {
  const [row] = await ctx.tx.select().from(tasks).where(and(eq(tasks.id, id), eq(tasks.orgId, ctx.orgId)));
  const mine = row && (row.startedBy ? row.startedBy === ctx.actor.userId : ctx.actor.userId === null && row.startedByName === ctx.actor.name);
  if (!row || !mine || !can(ctx.role, row.permission)) throw new AppError('not_found');
  return row;
}

/** Whether the caller started this task running here (the same test as ownTask, from the session alone). */
function startedBy(task: Readonly<LiveTask>, request: FastifyRequest) {
  const p = request.principal;
  if (!p || p.orgId !== task.scope.orgId || !can(p.role, task.permission)) return false;
  const userId = task.scope.actor.userId;
  return userId ? p.user?.id === userId : !p.user && p.actorName === task.scope.actor.name;
}

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/tasks/:id', { schema: { tags, params: IdParams, response: { 200: Task } }, config }, async (request) => {
    // Work running here is answered from memory: see TaskRunner.liveTask.
    const live = app.tasks.liveTask(request.params.id);
    if (live && startedBy(live, request)) {
      const { id, kind, state, phase, done, total, cancel, createdAt } = live;
      return { id, kind, state, phase, done, total, cancelRequested: cancel, result: null, problem: null, createdAt: createdAt.toISOString(), finishedAt: null };
    }
    const row = await app.tenant(request, (ctx) => ownTask(ctx, request.params.id));
    const stored = row.error;
    return {
      id: row.id,
      kind: row.kind,
      state: row.state,
      phase: row.phase,
      done: row.done,
      total: row.total,
      cancelRequested: row.cancelRequested,
      result: row.result ?? null,
      // Written in the reader's language now, not the starter's then.
      problem: stored ? { ...toProblem(new AppError(stored.code, stored.params, stored.fieldErrors), request), instance: undefined } : null,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
    };
  });

  app.post('/api/v1/tasks/:id/cancel', { schema: { tags, params: IdParams, response: { 200: Ok } }, config }, async (request) => {
    const live = app.tasks.liveTask(request.params.id);
    if (live && startedBy(live, request)) {
      if (!app.tasks.requestCancel(live.id, { userId: request.principal!.user?.id ?? null, name: request.principal!.actorName })) throw new AppError('tasks.already_finished');
      return { ok: true as const };
    }
    await app.tenant(request, async (ctx) => {
      await ownTask(ctx, request.params.id);
      if (!(await app.tasks.cancel(ctx, request.params.id))) throw new AppError('tasks.already_finished');
    });
    return { ok: true as const };
  });
};
