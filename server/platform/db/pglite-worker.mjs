// Runs PGlite in a worker thread and serves it over the PostgreSQL wire
// protocol on a unix socket. PGlite blocks the thread that runs a query; here
// that thread is not the one answering HTTP, so the server stays responsive.
// Plain JavaScript on purpose: a worker must load without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, socketPath, idleInTransactionMs } = workerData;

let db;
let server;

/**
 * PGlite ignores idle_in_transaction_session_timeout (nothing times out
 * inside its WASM), so the worker watches instead: a transaction with no
 * statement for `limit` ms has lost its client (a request stuck on a reader
 * who left, a bug). Closing that connection makes the socket server roll it
 * back, as PostgreSQL would; the app's pool opens a new one.
 */
function endIdleTransactions(pglite, socketServer, limit) {
  let running = 0;
  let lastStatementAt = Date.now();
  const exec = pglite.execProtocolRawStream.bind(pglite);
  pglite.execProtocolRawStream = async (...args) => {
    running++;
    try {
      return await exec(...args);
    } finally {
      running--;
      lastStatementAt = Date.now();
    }
  };
  const timer = setInterval(() => {
    if (running > 0 || !pglite.isInTransaction() || Date.now() - lastStatementAt < limit) return;
    // As the socket server's own idle timeout does: the handler reports, is forgotten, and detaches (rolling back).
    for (const handler of [...socketServer.handlers]) handler.handleError(new Error('Idle timeout: a transaction sat idle too long'));
    lastStatementAt = Date.now();
  }, Math.min(1000, Math.max(100, limit / 4)));
  timer.unref();
}
try {
  db = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent } });
  // One client at a time: the app holds a single pooled connection, and
  // PGlite has one session, so a second client would share its transaction.
  server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
  await server.start();
  if (idleInTransactionMs) endIdleTransactions(db, server, idleInTransactionMs);
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
