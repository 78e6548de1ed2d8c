import { spawn } from 'node:child_process';
import os from 'node:os';
import { freePort, ROOT } from '../server/test/process.js';
import { load, signInAsAdmin, startProduct } from './lib.js';

const load1 = () => os.loadavg()[0]!.toFixed(2);

/** The minimal one-query server (`minimal-list-server.ts`) on the product's database, as its own process. */
async function startMinimalServer(databaseUrl: string, orgId: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/minimal-list-server.ts', databaseUrl, orgId, String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => String(chunk).includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`minimal server exited: ${code}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return { url: `http://127.0.0.1:${port}`, stop: async () => { child.kill('SIGTERM'); await exited; } };
}

/**
 * Requests per second and p99 of authenticated lists in the same run: the
 * 50-firm list (first page: list and total; a later page: the list alone),
 * the people of the organisation, against the hello-world /health route
 * and, on PostgreSQL, against a minimal server running the 50-firm list's
 * query in one round trip.
 */
export async function throughput(kind: 'pglite' | 'postgres', duration = 10) {
  const p = await startProduct(kind);
  const loadBefore = load1();
  try {
    const cookie = await signInAsAdmin(p.url);
    const headers = { cookie };
    const session = (await (await fetch(`${p.url}/api/v1/auth/session`, { headers })).json()) as { org: { id: string } };
    const first = (await (await fetch(`${p.url}/api/v1/members?limit=50`, { headers })).json()) as { items: unknown[]; nextCursor: string };
    if (first.items.length !== 50 || !first.nextCursor) throw new Error('the demo organisation holds fewer than 51 firms');
    const minimal = kind === 'postgres' ? await startMinimalServer(p.databaseUrl!, session.org.id) : null;
    try {
      await load(`${p.url}/health`, { duration: 2 }); // warm-up
      await load(`${p.url}/api/v1/members?limit=50`, { duration: 2, headers });
      const hello = await load(`${p.url}/health`, { duration });
      const minimalList = minimal ? await load(minimal.url, { duration }) : null;
      const firmsFirstPage = await load(`${p.url}/api/v1/members?limit=50`, { duration, headers });
      const firmsNextPage = await load(`${p.url}/api/v1/members?limit=50&cursor=${encodeURIComponent(first.nextCursor)}`, { duration, headers });
      const people = await load(`${p.url}/api/v1/org/people`, { duration, headers });
      const ratio = (a: { rps: number }, b: { rps: number } | null) => (b ? Number((a.rps / b.rps).toFixed(3)) : null);
      return {
        kind,
        load: `${loadBefore} → ${load1()}`,
        hello,
        minimalList,
        firmsFirstPage,
        firmsNextPage,
        people,
        firstPageToMinimal: ratio(firmsFirstPage, minimalList),
        nextPageToMinimal: ratio(firmsNextPage, minimalList),
        peopleToHello: ratio(people, hello),
      };
    } finally {
      await minimal?.stop();
    }
  } finally {
    await p.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const kinds = process.argv[2] ? [process.argv[2] as 'pglite' | 'postgres'] : (['pglite', 'postgres'] as const);
  for (const kind of kinds) console.log(JSON.stringify(await throughput(kind), null, 1));
}
