import { buildApp } from './app.js';
import { loadConfig } from './platform/config.js';
import { openMigratedDatabase } from './platform/runtime.js';
import { DataFolderLocked } from './platform/db/data-folder-lock.js';
import { seedDemoIfEmpty } from './demo/seed-demo.js';
import { sendRenewalReminders } from './modules/members/renewal-reminders.js';
import { sendOverdueActionReminders } from './modules/advocacy/overdue-reminders.js';
import { removeAbandonedResponseFiles } from './modules/surveys/response-files.js';
import { sendEventReminders } from './modules/events/reminders.js';
import { sendFollowUps } from './modules/led/follow-up-service.js';
import { sendNetworkingReminders } from './modules/networking/renewal-reminders.js';
import { startJobs } from './platform/jobs/jobs.js';
import { refreshStatistics, statisticsJobs } from './platform/db/statistics.js';

const startedAt = performance.now();
const config = loadConfig();
const database = await openMigratedDatabase(config).catch((error: Error) => {
  // A second server on the same data folder: say so plainly rather than with a stack.
  if (!(error instanceof DataFolderLocked)) throw error;
  console.error(error.message);
  process.exit(1);
});
const app = await buildApp({ config, database });

const demo = config.ROUNDTABLE_DEMO === 'on' || (config.ROUNDTABLE_DEMO === 'auto' && database.kind === 'pglite');
if (demo) {
  const seeded = await seedDemoIfEmpty(database.db, config.publicUrl);
  // The demo is a bulk write: the planner needs its statistics before the first search.
  if (seeded) await refreshStatistics(database);
  if (seeded) app.log.info({ users: seeded.users.map((u) => `${u.email} (${u.role})`), password: seeded.password }, 'demo data created');
}

const jobs = await startJobs(
  database,
  [
    { name: 'renewal-reminders', cron: '0 6 * * *', run: (db) => sendRenewalReminders(db) },
    { name: 'overdue-action-reminders', cron: '30 6 * * *', run: (db) => sendOverdueActionReminders(db, config.publicUrl) },
    { name: 'abandoned-response-files', cron: '0 3 * * *', run: (db) => removeAbandonedResponseFiles(db) },
    // Everyone holding a seat is reminded the day before (once per event); hourly, so each event's own hour counts.
    { name: 'event-reminders', cron: '20 * * * *', run: (db) => sendEventReminders(db) },
    // LED follow-ups 6, 12 and 24 months after a measure's end: the lead partner gets a personal link to a short form.
    { name: 'led-follow-ups', cron: '40 6 * * *', run: (db) => sendFollowUps(db, config.publicUrl) },
    // Published offers and listed profiles near their expiry: the firm is reminded to renew, once per listing.
    { name: 'networking-reminders', cron: '40 6 * * *', run: (db) => sendNetworkingReminders(db) },
    ...statisticsJobs(database),
    // What a request's own flush left in the outbox (a retry, the reminders above) goes within the minute.
    ...(app.mailer.sends ? [{ name: 'mail-dispatch', cron: '* * * * *', run: () => app.mailer.flush() }] : []),
  ],
  app.log,
);

await app.listen({ port: config.PORT, host: config.HOST });
app.log.info({ database: database.kind, ms: Math.round(performance.now() - startedAt), url: config.publicUrl }, 'Roundtable is ready');

// Graceful shutdown: stop accepting, let requests in flight finish, then
// close the database so the embedded one flushes to disk.
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => {
    app.log.error('shutdown took too long; exiting');
    process.exit(1);
  }, 20_000);
  try {
    await app.close();
    await jobs.stop({ graceful: true, wait: true, timeout: 10_000 });
    await database.close();
    clearTimeout(force);
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
