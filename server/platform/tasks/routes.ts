import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Ok } from '../../../contracts/common.js';
import { Task } from '../../../contracts/tasks.js';
import { nothingChanged } from '../audit/audited-writes.js';
import { can } from '../auth/permissions.js';
import type { TenantCtx } from '../db/tenancy.js';
import { AppError } from '../errors/app-error.js';
import { toProblem } from '../errors/problem.js';
import { presentLiveTask, presentStoredTask } from './present.js';
import { tasks } from './tables.js';
import type { LiveTask } from './task-runner.js';

const tags = ['tasks'];

interface Starter {
  orgId: string;
  userId: string | null;
  name: string;
}

/**
 * A task is its starter's, while their role still has the task's permission:
 * another person of the organisation gets a 404, as for anything not theirs.
 * A task started through an API token (no person) is the token's, by its name.
 */
function isStarter(task: Starter & { permission: string }, caller: Starter & { role: TenantCtx['role'] | null }) {
  if (caller.orgId !== task.orgId || !can(caller.role, task.permission)) return false;
  return task.userId ? caller.userId === task.userId : caller.userId === null && caller.name === task.name;
}

async function ownTask(ctx: TenantCtx, id: string) {
  // The result is read as the JSON text stored: an import's report can be 30 MB, and parsing it
  // only to write it out again held the server for a second (bench/members-import-job.ts).
  const { result: _parsed, ...columns } = getTableColumns(tasks);
  const [row] = await ctx.tx
    .select({ ...columns, resultJson: sql<string | null>`${tasks.result}::text` })
    .from(tasks)
    .where(and(eq(tasks.id, id), eq(tasks.orgId, ctx.orgId)));
  const caller = { orgId: ctx.orgId, userId: ctx.actor.userId, name: ctx.actor.name, role: ctx.role };
  if (!row || !isStarter({ orgId: row.orgId, userId: row.startedBy, name: row.startedByName, permission: row.permission }, caller)) throw new AppError('not_found');
  return row;
}

/** Whether the caller started this task running here: the same rule, from the session alone. */
function startedBy(task: Readonly<LiveTask>, request: FastifyRequest) {
  const p = request.principal;
  if (!p?.orgId) return false;
  const { orgId, actor } = task.scope;
  return isStarter({ orgId, userId: actor.userId, name: actor.name, permission: task.permission }, { orgId: p.orgId, userId: p.user?.id ?? null, name: p.actorName, role: p.role });
}

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  // Anyone signed in to the organisation may follow a task (org.read); which task is the starter's own rule above.
  app.get('/api/v1/tasks/:id', { schema: { tags, params: IdParams, response: { 200: Task } }, config: { auth: 'tenant', permission: 'org.read' } }, async (request, reply) => {
    // Work running here is answered from memory: see TaskRunner.liveTask.
    const live = app.tasks.liveTask(request.params.id);
    if (live && startedBy(live, request)) {
      return presentLiveTask(live);
    }
    const row = await app.tenant(request, (ctx) => ownTask(ctx, request.params.id));
    const stored = row.error;
    const task = presentStoredTask(row, {
      // Written in the reader's language now, not the starter's then.
      problem: stored ? { ...toProblem(new AppError(stored.code, stored.params, stored.fieldErrors), request), instance: undefined } : null,
    });
    if (row.resultJson === null) return task;
    // The stored text goes out as it is, spliced into the rest (which is serialised as usual).
    const { result: _none, ...rest } = Task.parse(task);
    const json = `${JSON.stringify(rest).slice(0, -1)},"result":${row.resultJson}}`;
    // Already the Task's JSON: the reply's serializer passes it through (the route's would quote it).
    return reply.type('application/json; charset=utf-8').serializer((payload: string) => payload).send(json as unknown as z.infer<typeof Task>);
  });

  app.post('/api/v1/tasks/:id/cancel', { schema: { tags, params: IdParams, response: { 200: Ok } }, config: { auth: 'tenant', permission: 'org.read' } }, async (request) => {
    const live = app.tasks.liveTask(request.params.id);
    if (live && startedBy(live, request)) {
      if (!app.tasks.requestCancel(live.id, { userId: request.principal!.user?.id ?? null, name: request.principal!.actorName })) throw new AppError('tasks.already_finished');
      // Nothing is written yet: the work stops at its next checkpoint and writes its end with the audit entry (task.cancel, by this person).
      nothingChanged();
      return { ok: true as const };
    }
    await app.tenant(request, async (ctx) => {
      await ownTask(ctx, request.params.id);
      if (!(await app.tasks.cancel(ctx, request.params.id))) throw new AppError('tasks.already_finished');
    });
    return { ok: true as const };
  });
};
