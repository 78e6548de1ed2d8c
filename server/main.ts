import { loadConfig } from './platform/config.js';
import { openMigratedDatabase } from './platform/runtime.js';
import { DataFolderLocked } from './platform/db/data-folder-lock.js';
import type { JobDefinition } from './platform/jobs/jobs.js';

const startedAt = performance.now();
const config = loadConfig();
// Opening the database starts the embedded one in its worker thread at once;
// the rest of the server's code and its packages load meanwhile (dynamic
// imports are chunks of their own in dist/server), on the other core.
const opening = openMigratedDatabase(config);
const loading = Promise.all([import('./app.js'), import('./demo/seed-demo.js'), import('./platform/db/statistics.js')]);
loading.catch(() => undefined); // awaited below, once the database is open
const database = await opening.catch((error: Error) => {
  // A second server on the same data folder: say so plainly rather than with a stack.
  if (!(error instanceof DataFolderLocked)) throw error;
  console.error(error.message);
  process.exit(1);
});
const [{ buildApp }, { seedDemoIfEmpty }, { refreshStatistics, statisticsJobs }] = await loading;
const app = await buildApp({ config, database });

const demo = config.ROUNDTABLE_DEMO === 'on' || (config.ROUNDTABLE_DEMO === 'auto' && database.kind === 'pglite');
if (demo) {
  const seeded = await seedDemoIfEmpty(database.db, config.publicUrl);
  // The demo is a bulk write: the planner needs its statistics before the first search.
  if (seeded) await refreshStatistics(database);
  if (seeded) app.log.info({ users: seeded.users.map((u) => `${u.email} (${u.role})`), password: seeded.password }, 'demo data created');
}

// Each job's code is loaded when it first runs, not at start.
const jobDefinitions: JobDefinition[] = [
  { name: 'renewal-reminders', cron: '0 6 * * *', run: async (db) => (await import('./modules/members/renewal-reminders.js')).sendRenewalReminders(db) },
  { name: 'overdue-action-reminders', cron: '30 6 * * *', run: async (db) => (await import('./modules/advocacy/overdue-reminders.js')).sendOverdueActionReminders(db, config.publicUrl) },
  { name: 'abandoned-response-files', cron: '0 3 * * *', run: async (db) => (await import('./modules/surveys/response-files.js')).removeAbandonedResponseFiles(db) },
  // Everyone holding a seat is reminded the day before (once per event); hourly, so each event's own hour counts.
  { name: 'event-reminders', cron: '20 * * * *', run: async (db) => (await import('./modules/events/reminders.js')).sendEventReminders(db) },
  // LED follow-ups 6, 12 and 24 months after a measure's end: the lead partner gets a personal link to a short form.
  { name: 'led-follow-ups', cron: '40 6 * * *', run: async (db) => (await import('./modules/led/follow-up-service.js')).sendFollowUps(db, config.publicUrl) },
  // Published offers and listed profiles near their expiry: the firm is reminded to renew, once per listing.
  { name: 'networking-reminders', cron: '40 6 * * *', run: async (db) => (await import('./modules/networking/renewal-reminders.js')).sendNetworkingReminders(db) },
  // Follow-up forms (networking's deals at 3, 6 and 12 months): each recipient due gets a personal link, once.
  { name: 'follow-up-forms', cron: '50 6 * * *', run: async (db) => (await import('./modules/surveys/follow-up-form-service.js')).sendDueFollowUps(db, config.publicUrl) },
  // The information service's digest: a subscribed firm gets at most one mail a week, and only when new entries match it.
  { name: 'info-digest', cron: '10 7 * * *', run: async (db) => (await import('./modules/networking/info-digest.js')).sendInfoDigests(db) },
  ...statisticsJobs(database),
  // What a request's own flush left in the outbox (a retry, the reminders above) goes within the minute.
  ...(app.mailer.sends ? [{ name: 'mail-dispatch', cron: '* * * * *', run: () => app.mailer.flush() }] : []),
];

await app.listen({ port: config.PORT, host: config.HOST });
app.log.info({ database: database.kind, ms: Math.round(performance.now() - startedAt), url: config.publicUrl }, 'Roundtable is ready');

// Jobs start once the server answers: pg-boss's schema check, queues and
// schedules cost round trips that no request needs to wait for, and loading
// pg-boss itself about 50 ms of the start.
const jobs = import('./platform/jobs/jobs.js').then(({ startJobs }) => startJobs(database, jobDefinitions, app.log));
jobs.catch((error: unknown) => {
  app.log.error({ err: error }, 'the job system did not start');
  void shutdown('jobs failed', 1);
});

// Graceful shutdown: stop accepting, let requests in flight finish, then
// close the database so the embedded one flushes to disk.
let stopping = false;
async function shutdown(signal: string, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => {
    app.log.error('shutdown took too long; exiting');
    process.exit(1);
  }, 20_000);
  try {
    await app.close();
    // Jobs still starting are let finish starting, then stopped.
    const boss = await jobs.catch(() => undefined);
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
    await database.close();
    clearTimeout(force);
    process.exit(exitCode);
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
