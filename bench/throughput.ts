import { load, signInAsAdmin, startProduct } from './lib.js';

/**
 * Requests per second and p99 of an authenticated list endpoint (people of
 * the organisation: session lookup, tenant transaction with RLS, a join)
 * against the hello-world /health route, in the same run.
 */
export async function throughput(kind: 'pglite' | 'postgres', duration = 10) {
  const p = await startProduct(kind);
  try {
    const cookie = await signInAsAdmin(p.url);
    await load(`${p.url}/health`, { duration: 2 }); // warm-up
    const hello = await load(`${p.url}/health`, { duration });
    const list = await load(`${p.url}/api/v1/org/people`, { duration, headers: { cookie } });
    return { kind, hello, list, ratio: Number((list.rps / hello.rps).toFixed(3)) };
  } finally {
    await p.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await throughput('pglite'), null, 1));
  console.log(JSON.stringify(await throughput('postgres'), null, 1));
}
