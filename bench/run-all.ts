import { coldStart } from './cold-start.js';
import { idleMemory } from './idle-memory.js';
import { machine } from './lib.js';
import { responsiveness } from './responsiveness.js';
import { throughput } from './throughput.js';

// Prints every figure of bench/RESULTS.md; never part of `npm test`.
console.log(`machine: ${machine()}`);
console.log('cold start (embedded):', await coldStart());
console.log('idle memory (embedded):', await idleMemory());
console.log('responsiveness (embedded):', JSON.stringify(await responsiveness()));
for (const kind of ['pglite', 'postgres'] as const) console.log(`throughput (${kind}):`, JSON.stringify(await throughput(kind)));
