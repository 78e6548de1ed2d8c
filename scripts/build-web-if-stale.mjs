#!/usr/bin/env node
// Builds the web app when web/dist is missing or older than its sources, so
// `npm start` on a fresh clone serves the app without a separate build step.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const sources = ['web', 'contracts', 'locales', 'vite.config.ts', 'scripts/catalogue-parts.ts', 'package-lock.json'];
const output = 'web/dist/index.html';

function newest(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let t = 0;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'dist' || entry === 'node_modules') continue;
    t = Math.max(t, newest(path.join(p, entry)));
  }
  return t;
}

const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
if (built < Math.max(...sources.filter((s) => fs.existsSync(s)).map(newest))) {
  console.log('Building the web app…');
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
}
