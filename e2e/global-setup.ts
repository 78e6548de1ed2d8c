import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { startServerProcess } from '../server/test/process.js';
import { pgliteTemplate } from '../server/test/template-database.js';
import { BROWSER_OPTIONS } from './browser-options.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data folder the product has started on once, creating its demo data; each journey's server gets a copy. */
    demoDataDir: string;
    /** The browser every journey file connects to, each in its own contexts. */
    browserEndpoint: string;
  }
}

// The journeys run against the built app, as a user gets it.
export default async function setup(project: TestProject) {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });

  // The product's first start, once per run rather than once per journey:
  // the server creates its demo data on a copy of the migrated template, and
  // every journey's server starts on a copy of that folder. Made afresh each
  // run, as the demo's dates are relative to the day it was created.
  const demo = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-e2e-demo-'));
  fs.cpSync(await pgliteTemplate(), path.join(demo, 'pglite'), { recursive: true });
  try {
    // No test's time limit applies here; a busy machine may take minutes to seed.
    const first = await startServerProcess({ DATA_DIR: demo }, { readyWithinMs: 600_000 });
    first.child.kill('SIGTERM');
    const code = await first.exited;
    if (code !== 0) throw new Error(`the product's first start did not stop cleanly (${code}): ${first.output()}`);
  } catch (error) {
    fs.rmSync(demo, { recursive: true, force: true });
    throw error;
  }
  project.provide('demoDataDir', demo);

  const browser = await chromium.launchServer(BROWSER_OPTIONS);
  project.provide('browserEndpoint', browser.wsEndpoint());

  return async () => {
    await browser.close();
    fs.rmSync(demo, { recursive: true, force: true });
  };
}
