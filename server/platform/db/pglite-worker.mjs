// Runs PGlite in a worker thread and serves it over the PostgreSQL wire
// protocol on a unix socket. PGlite blocks the thread that runs a query; here
// that thread is not the one answering HTTP, so the server stays responsive.
// Plain JavaScript on purpose: a worker must load without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { gatherLargeMessages } from './pglite-whole-messages.mjs';

const { dataDir, socketPath, idleInTransactionMs } = workerData;

/**
 * PostgreSQL's page cache inside PGlite's WebAssembly memory. PGlite starts
 * with PostgreSQL's 128MB, all of it touched at start, and it made about half
 * of the idle server's resident memory; pages it no longer holds are read
 * again from the operating system's file cache (or from memory, for
 * `memory://`), which costs the searches of the benchmark little.
 * PGLITE_SHARED_BUFFERS sets it for a large database on a roomy machine.
 */
const SHARED_BUFFERS = /^\d+(kB|MB|GB)$/.test(process.env.PGLITE_SHARED_BUFFERS ?? '') ? process.env.PGLITE_SHARED_BUFFERS : '32MB';

gatherLargeMessages();

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
    // Closed (the server stopping): PGlite has let go of its WebAssembly and
    // isInTransaction would throw, failing the stop that was going well.
    if (pglite.closed || running > 0 || Date.now() - lastStatementAt < limit) return;
    let open = false;
    try {
      open = pglite.isInTransaction();
    } catch {
      // Closing while the check ran: nothing left to end.
      return;
    }
    if (!open) return;
    // As the socket server's own idle timeout does: the handler reports, is forgotten, and detaches (rolling back).
    for (const handler of [...socketServer.handlers]) handler.handleError(new Error('Idle timeout: a transaction sat idle too long'));
    lastStatementAt = Date.now();
  }, Math.min(1000, Math.max(100, limit / 4)));
  timer.unref();
}
try {
  db = await PGlite.create(dataDir, {
    extensions: { pg_trgm, unaccent },
    // The start parameters replace PGlite's own, so they are kept and one is added.
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
  });
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
