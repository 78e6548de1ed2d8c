import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.js';

export interface JobDefinition {
  name: string;
  /** Cron expression (UTC) for recurring jobs. */
  cron?: string;
  run(database: Database, data: Record<string, unknown>): Promise<unknown>;
}

const START_LOCK = 727_003;

/**
 * pg-boss installs its tables on first start, and creates queues; two
 * processes doing so at once deadlock. On PostgreSQL one process starts at a
 * time, the others wait on a lock held on a connection of its own (the
 * embedded database has only one connection and only one process anyway).
 */
async function startSerialised(database: Database, start: () => Promise<unknown>) {
  if (database.kind !== 'postgres') return start();
  const lock = await database.pool.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [START_LOCK]);
    await start();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [START_LOCK]).catch(() => undefined);
    lock.release();
  }
}

/**
 * Background jobs on pg-boss, in the app's own database: it runs the same on
 * PostgreSQL and on the embedded database, and several app processes share
 * one schedule without running a job twice. Queries go through the app's
 * pool, because the embedded database has a single connection.
 */
export async function startJobs(database: Database, jobs: JobDefinition[], log: FastifyBaseLogger, options: { pollingIntervalSeconds?: number } = {}) {
  const boss = new PgBoss({
    db: { executeSql: async (text, values) => database.pool.query(text, values) },
    schema: 'pgboss',
    // The embedded database is one connection: poll gently.
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? (database.kind === 'pglite' ? 30 : 5),
    supervise: true,
    schedule: true,
  });
  boss.on('error', (err) => log.error({ err }, 'job system error'));
  // Creating queues and schedules is serialised too: two processes creating several queues at
  // once deadlock inside pg-boss (seen with two queues on PostgreSQL).
  await startSerialised(database, async () => {
    await boss.start();
    for (const job of jobs) {
      await boss.createQueue(job.name);
      if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
    }
  });
  for (const job of jobs) {
    await boss.work(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? (database.kind === 'pglite' ? 30 : 5) }, async ([item]) => {
      log.info({ job: job.name }, 'job started');
      const result = await job.run(database, (item?.data as Record<string, unknown>) ?? {});
      log.info({ job: job.name, result }, 'job finished');
      return result;
    });
  }
  return boss;
}
