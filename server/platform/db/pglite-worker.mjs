// Runs PGlite in a worker thread and serves it over the PostgreSQL wire
// protocol on a unix socket. PGlite blocks the thread that runs a query; here
// that thread is not the one answering HTTP, so the server stays responsive.
// Plain JavaScript on purpose: a worker must load without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, socketPath } = workerData;

let db;
let server;
try {
  db = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent } });
  // One client at a time: the app holds a single pooled connection, and
  // PGlite has one session, so a second client would share its transaction.
  server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
  await server.start();
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'error', message: String(error?.stack ?? error) });
}

parentPort.on('message', async (msg) => {
  if (msg?.type !== 'close') return;
  try {
    await server?.stop();
    await db?.close();
    parentPort.postMessage({ type: 'closed' });
  } catch (error) {
    parentPort.postMessage({ type: 'closed', error: String(error) });
  }
});
