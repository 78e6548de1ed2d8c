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
    /** A data folder the product has started on once, creating its demo data; each journey's server gets a copy once `<it>.ready` exists. */
    demoDataDir: string;
    /** The browser every journey file connects to, each in its own contexts. */
    browserEndpoint: string;
  }
}

// The journeys run against the built app, as a user gets it. Building it and
// the product's first start take a minute or two: they run in the background
// while the unit and database tests start, and a journey waits for them
// (e2e/browser.ts, `preparedDemo`). Vitest runs the projects' global setups one
// after another before any test, so awaiting them here kept both cores idle.
export default async function setup(project: TestProject) {
  const demo = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-e2e-demo-'));
  project.provide('demoDataDir', demo);
  const prepared = prepare(demo).then(
    () => fs.writeFileSync(`${demo}.ready`, ''),
    (error: unknown) => fs.writeFileSync(`${demo}.failed`, error instanceof Error ? (error.stack ?? error.message) : String(error)),
  );

  const browser = await chromium.launchServer(BROWSER_OPTIONS);
  project.provide('browserEndpoint', browser.wsEndpoint());

  return async () => {
    await prepared;
    await browser.close();
    for (const leftover of [demo, `${demo}.ready`, `${demo}.failed`]) fs.rmSync(leftover, { recursive: true, force: true });
  };
}

/**
 * The product's first start, once per run rather than once per journey: the
 * server creates its demo data on a copy of the migrated template, and every
 * journey's server starts on a copy of that folder. Made afresh each run, as
 * the demo's dates are relative to the day it was created.
 */
async function prepare(demo: string) {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  fs.cpSync(await pgliteTemplate(), path.join(demo, 'pglite'), { recursive: true });
  // No test's time limit applies here; a busy machine may take minutes to seed.
  const first = await startServerProcess({ DATA_DIR: demo }, { readyWithinMs: 600_000 });
  first.child.kill('SIGTERM');
  const code = await first.exited;
  if (code !== 0) throw new Error(`the product's first start did not stop cleanly (${code}): ${first.output()}`);
}
