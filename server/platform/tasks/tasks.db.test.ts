import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/app.js';
import { createOrg, createPerson } from '../../test/factories.js';
import { auditLog } from '../audit/tables.js';
import { withSystem, withTenant } from '../db/tenancy.js';
import { AppError } from '../errors/app-error.js';
import { tasks } from './tables.js';
import type { TaskKind } from './task-runner.js';

const t = useTestApp();

/** Counts to `n` one step at a time, writing each step in its own transaction, until done or told to stop. */
const counting: TaskKind<{ n: number; failAt?: number; gate?: Promise<void> }> = {
  kind: 'test.count',
  permission: 'members.import',
  async run(work, { n, failAt, gate }) {
    await gate;
    for (let i = 1; i <= n; i++) {
      if (i === failAt) throw new AppError('members.import_has_errors', { count: 3 });
      await work.tenant((ctx) => ctx.tx.execute(sql`SELECT ${i}`));
      work.progress('checking', i, n);
      await work.checkpoint();
    }
    // A result as stored text travels unparsed to the reader: quotes, other scripts and line separators included.
    return { counted: n, label: 'Ама "Кенте" \u2028 ওয়েভার্স', steps: [1, 2.5, null] };
  },
};

async function start(orgId: string, userId: string, input: Parameters<typeof counting.run>[1]) {
  const scope = { orgId, role: 'admin' as const, actor: { userId, name: 'Test Admin' }, locale: 'en' };
  const task = await withTenant(t.app.database.db, scope, (ctx) => t.app.tasks.start(ctx, counting, input));
  task.run();
  return task.id;
}

describe('long work as a task', () => {
  it('shows its progress to its starter, ends with its result, and leaves an audit entry', async () => {
    const { orgId, admin, adminId } = await createOrg(t.app);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const id = await start(orgId, adminId, { n: 50, gate });
    await expect.poll(async () => (await admin.get(`/api/v1/tasks/${id}`)).json().state).toBe('running');
    const waiting = (await admin.get(`/api/v1/tasks/${id}`)).json();
    expect(waiting).toMatchObject({ id, kind: 'test.count', phase: 'starting', done: 0, result: null, problem: null, finishedAt: null });
    open();
    const done = await admin.finished({ statusCode: 202, json: () => ({ taskId: id }) } as never);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ counted: 50, label: 'Ама "Кенте" \u2028 ওয়েভার্স', steps: [1, 2.5, null] });
    expect(done.task).toMatchObject({ id, kind: 'test.count', problem: null, cancelRequested: false });
    expect(done.task).toMatchObject({ state: 'done', phase: 'checking', done: 50, total: 50 });
    const [row] = await withSystem(t.app.database.db, (tx) => tx.select().from(tasks).where(eq(tasks.id, id)));
    expect(row).toMatchObject({ state: 'done', done: 50, total: 50 });
    expect(row!.finishedAt).not.toBeNull();
    const audit = await withSystem(t.app.database.db, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action)).toEqual(['task.start']);
  });

  it('stops at the next step when its starter cancels, and refuses to cancel twice', async () => {
    const { orgId, admin, adminId } = await createOrg(t.app);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const id = await start(orgId, adminId, { n: 100_000, gate });
    expect((await admin.post(`/api/v1/tasks/${id}/cancel`)).json()).toEqual({ ok: true });
    open();
    const ended = await admin.finished({ statusCode: 202, json: () => ({ taskId: id }) } as never);
    expect(ended.statusCode).toBe(499);
    expect(ended.task).toMatchObject({ state: 'cancelled', cancelRequested: true });
    expect((ended.task as { done: number }).done).toBeLessThan(100_000);
    const again = await admin.post(`/api/v1/tasks/${id}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('tasks.already_finished');
    const audit = await withSystem(t.app.database.db, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['task.cancel', 'task.start']);
  });

  it('reports a refusal as the route would have, in the reader’s language', async () => {
    const { orgId, admin, adminId } = await createOrg(t.app);
    const id = await start(orgId, adminId, { n: 5, failAt: 3 });
    const failed = await admin.finished({ statusCode: 202, json: () => ({ taskId: id }) } as never);
    expect(failed.statusCode).toBe(409);
    expect(failed.json()).toMatchObject({ code: 'members.import_has_errors', status: 409 });
    const french = (await admin.get(`/api/v1/tasks/${id}`, { 'accept-language': 'fr' })).json();
    expect(french.problem.title).not.toEqual(failed.json().title);
    expect(french.problem.title).toContain('3');
  });

  it('is its starter’s only: colleagues and other organisations get a 404', async () => {
    const { orgId, adminId } = await createOrg(t.app);
    const colleague = await createPerson(t.app, orgId, 'staff');
    const other = await createOrg(t.app);
    const id = await start(orgId, adminId, { n: 1 });
    for (const client of [colleague.client, other.admin]) {
      expect((await client.get(`/api/v1/tasks/${id}`)).statusCode).toBe(404);
      expect((await client.post(`/api/v1/tasks/${id}/cancel`)).statusCode).toBe(404);
    }
  });

  it('marks work whose process died as interrupted', async () => {
    const { orgId, admin, adminId } = await createOrg(t.app);
    // A task another process started and stopped beating for three minutes.
    const [lost] = await withSystem(t.app.database.db, (tx) =>
      tx.insert(tasks).values({ orgId, kind: 'test.count', permission: 'members.import', state: 'running', startedBy: adminId, startedByName: 'Test Admin', heartbeatAt: sql`now() - interval '3 minutes'` }).returning(),
    );
    await t.app.tasks.stop();
    t.app.tasks.begin();
    await expect.poll(async () => (await admin.get(`/api/v1/tasks/${lost!.id}`)).json().state, { timeout: 10_000 }).toBe('failed');
    const task = (await admin.get(`/api/v1/tasks/${lost!.id}`)).json();
    expect(task.problem).toMatchObject({ code: 'tasks.interrupted', status: 503 });
  });
});
