#!/usr/bin/env node
// Runs the operator commands compiled to JavaScript (dist/server/cli.js),
// built first when missing or older than the sources, as `npm start` does.
import { buildServerIfStale } from '../scripts/build-server-if-stale.mjs';

await buildServerIfStale();
await import('../dist/server/cli.js');
