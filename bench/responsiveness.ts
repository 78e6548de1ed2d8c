import autocannon from 'autocannon';
import { load, signInAsAdmin, startProduct } from './lib.js';

/**
 * /health latency on the embedded database, idle and while the database is
 * kept busy by 20 connections exporting the audit log. PGlite runs in a
 * worker thread; if it ran on the main thread, /health would wait for it.
 */
export async function responsiveness(duration = 10) {
  const p = await startProduct('pglite');
  try {
    const cookie = await signInAsAdmin(p.url);
    const idle = await load(`${p.url}/health`, { connections: 1, duration: 5 });
    const busy = autocannon({ url: `${p.url}/api/v1/audit/export.csv`, connections: 20, duration: duration + 2, headers: { cookie } });
    await new Promise((r) => setTimeout(r, 1000));
    const underLoad = await load(`${p.url}/health`, { connections: 1, duration });
    const db = await busy;
    return { idle, underLoad, databaseLoad: { rps: Math.round(db.requests.average), p99: db.latency.p99 } };
  } finally {
    await p.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await responsiveness(), null, 1));
