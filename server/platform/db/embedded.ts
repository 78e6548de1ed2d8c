import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { projectFile } from '../project-files.js';

export interface EmbeddedDatabase {
  /** Connection settings for `pg`: a unix socket directory and port. */
  connection: { host: string; port: number; user: string; database: string };
  close(): Promise<void>;
}

const PORT = 5432;

/**
 * Starts PGlite in a worker thread. `dataDir` is a folder, or `memory://`
 * for a throw-away database (tests). A transaction idle for longer than
 * `idleInTransactionMs` is rolled back and its connection closed, as
 * PostgreSQL's idle_in_transaction_session_timeout would.
 */
export async function startEmbeddedDatabase(dataDir: string, options: { idleInTransactionMs: number | null } = { idleInTransactionMs: null }): Promise<EmbeddedDatabase> {
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(dataDir, { recursive: true });
  // Unix socket paths are limited to ~107 bytes, so the socket lives in a
  // short temporary folder rather than beside the data.
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-db-'));
  const socketPath = path.join(socketDir, `.s.PGSQL.${PORT}`);
  const worker = new Worker(projectFile('server/platform/db/pglite-worker.mjs'), {
    workerData: { dataDir, socketPath, idleInTransactionMs: options.idleInTransactionMs },
  });

  await new Promise<void>((resolve, reject) => {
    const onMessage = (msg: { type: string; message?: string }) => {
      if (msg.type === 'ready') resolve();
      else if (msg.type === 'error') reject(new Error(`Embedded database failed to start: ${msg.message}`));
      else return;
      worker.off('message', onMessage);
      worker.off('error', reject);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });

  let closing: Promise<void> | undefined;
  return {
    connection: { host: socketDir, port: PORT, user: 'postgres', database: 'postgres' },
    close() {
      closing ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 15_000);
        worker.on('message', (msg: { type: string }) => {
          if (msg.type !== 'closed') return;
          clearTimeout(timer);
          void worker.terminate().then(() => {
            fs.rmSync(socketDir, { recursive: true, force: true });
            resolve();
          });
        });
        worker.postMessage({ type: 'close' });
      });
      return closing;
    },
  };
}
