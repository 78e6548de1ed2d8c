import { rssMb, startProduct } from './lib.js';

/** Resident memory of the idle embedded server, after start-up has settled. */
export async function idleMemory(settleMs = 5000) {
  const p = await startProduct('pglite');
  try {
    await new Promise((r) => setTimeout(r, settleMs));
    return { rssMb: rssMb(p.child.pid!) };
  } finally {
    await p.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await idleMemory());
