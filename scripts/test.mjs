#!/usr/bin/env node
// Runs every test (unit, both databases, browser journeys) in one vitest run
// and ends with the line CI reads: `tests: N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

function ensureChromium() {
  if (fs.existsSync('/usr/bin/chromium')) return;
  if (process.getuid?.() !== 0) {
    console.error('Browser tests need Debian chromium: run `sudo apt-get install -y chromium`.');
    process.exit(1);
  }
  console.log('Installing Debian chromium for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

ensureChromium();

/**
 * A check that counts as one test: a node script run beside the tests, behind
 * them in priority (the tests have time limits; the checks have none), whose
 * exit code is its verdict and whose output is printed after the tests'.
 */
function besideTheTests(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid) os.setPriority(child.pid, 10);
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => resolve({ passed: code === 0, output }));
    child.on('error', (error) => resolve({ passed: false, output: String(error) }));
  });
}

// The type check: a type error fails the run like any other. It uses minutes
// of one core the tests leave idle while they wait on servers and browsers.
console.log('Type-checking beside the tests…');
const typecheck = besideTheTests(['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']);

// The direction of the code (.dependency-cruiser.cjs: floors of modules, the
// platform imports none, no cycle).
const dependencyCheck = besideTheTests([
  'node_modules/dependency-cruiser/bin/dependency-cruise.mjs',
  '--config',
  '.dependency-cruiser.cjs',
  '--output-type',
  'err',
  'server',
  'contracts',
  'web',
  'locales',
]);

// Lint (eslint.config.js: floating promises, misused promises, switches that miss a case,
// unused names).
const LINTED = ['server', 'contracts', 'scripts', 'bench', 'web', 'e2e', 'locales'];
const lint = besideTheTests(['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', ...LINTED]);

fs.mkdirSync('.vitest-results', { recursive: true });
const resultsFile = '.vitest-results/results.json';
fs.rmSync(resultsFile, { force: true });
const run = await new Promise((resolve) => {
  const child = spawn(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  child.on('close', (status) => resolve({ status }));
  child.on('error', () => resolve({ status: 1 }));
});
const { passed: typecheckPassed, output: typecheckOutput } = await typecheck;
if (typecheckOutput) process.stdout.write(typecheckOutput);
console.log(typecheckPassed ? 'Type check passed.' : 'Type check failed.');
const { passed: dependenciesPassed, output: dependencyOutput } = await dependencyCheck;
if (!dependenciesPassed) process.stdout.write(dependencyOutput);
console.log(dependenciesPassed ? 'Dependency check passed.' : 'Dependency check failed (.dependency-cruiser.cjs).');
const { passed: lintPassed, output: lintOutput } = await lint;
if (!lintPassed) process.stdout.write(lintOutput);
console.log(lintPassed ? 'Lint passed.' : 'Lint failed (eslint.config.js; alone: npm run lint).');

let passed = 0;
let failed = 0;
if (fs.existsSync(resultsFile)) {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests;
  // A file that failed to load counts as a failure even with no test in it.
  failed += results.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
}
if (run.status !== 0 && failed === 0) failed = 1;
if (typecheckPassed) passed++;
else failed++;
if (dependenciesPassed) passed++;
else failed++;
if (lintPassed) passed++;
else failed++;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || run.status !== 0 || passed === 0 ? 1 : 0);
