import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startProduct } from './lib.js';

/** Seconds from process start to /ready on the embedded database: first run (migrations + demo data) and later runs. */
export async function coldStart(runs = 3) {
  const first: number[] = [];
  const later: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-cold-'));
    let t = performance.now();
    let p = await startProduct('pglite', dir);
    first.push(performance.now() - t);
    await p.stop();
    t = performance.now();
    p = await startProduct('pglite', dir);
    later.push(performance.now() - t);
    await p.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
  return { firstRunMs: median(first), laterRunMs: median(later), runs };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await coldStart());
