#!/usr/bin/env node
// Compiles the server (and the operator commands) to plain JavaScript in
// dist/server when the output is missing or older than a file it was built
// from, so production starts with `node dist/server/main.js` and no TypeScript
// loader (which cost about 0.6 s of each start). The server's own code is
// bundled into one file per entry; packages stay in node_modules, loaded by
// Node as usual (fonts, PGlite's WASM and its worker are found there).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist/server');
const metafile = path.join(outdir, 'meta.json');
// Files that change the output without being one of its inputs.
const alwaysInputs = ['package-lock.json', 'scripts/build-server-if-stale.mjs'];

function mtime(file) {
  try {
    return fs.statSync(path.join(root, file)).mtimeMs;
  } catch {
    return Infinity; // a missing input: build again
  }
}

/** True when dist/server is missing or any file it was built from changed since. */
export function serverBuildIsStale() {
  let meta;
  try {
    meta = JSON.parse(fs.readFileSync(metafile, 'utf8'));
  } catch {
    return true;
  }
  if (!Array.isArray(meta?.inputs) || !Array.isArray(meta?.outputs)) return true;
  const built = fs.statSync(metafile).mtimeMs;
  const inputs = [...meta.inputs, ...alwaysInputs];
  return meta.outputs.some((o) => !fs.existsSync(path.join(root, o))) || inputs.some((f) => mtime(f) > built);
}

/**
 * Writes a file so a reader sees either the old or the new whole file: tests
 * and operator commands may start (and build) at the same moment.
 */
function writeAtomically(file, contents) {
  const tmp = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

/**
 * Chunks of earlier builds (their names carry their content's hash) are
 * removed a day later: a server started before this build may still load one.
 */
function removeOldChunks(current) {
  const dir = path.join(outdir, 'chunks');
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (current.has(file)) continue;
    try {
      if (fs.statSync(file).mtimeMs < dayAgo) fs.rmSync(file, { force: true });
    } catch {
      // removed by another build meanwhile
    }
  }
}

export async function buildServer() {
  // esbuild comes with tsx (a dependency) and vite; loaded only when a build is due.
  const { build } = await import('esbuild');
  const startedAt = new Date();
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['server/main.ts', 'server/cli.ts'],
    outdir: 'dist/server',
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    // What main.ts imports dynamically (the app, its routes and their packages)
    // becomes chunks of its own, loaded while the embedded database starts.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: 'node20.19',
    // Bundling renames clashing names; errors and plugins are known by theirs.
    keepNames: true,
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  fs.mkdirSync(path.join(outdir, 'chunks'), { recursive: true });
  // Chunks first, entries after: a process starting meanwhile finds every chunk its entry names.
  const entryFirst = (f) => (path.dirname(f.path) === outdir ? 1 : 0);
  for (const file of [...result.outputFiles].sort((a, b) => entryFirst(a) - entryFirst(b))) writeAtomically(file.path, file.contents);
  removeOldChunks(new Set(result.outputFiles.map((f) => f.path)));
  // Written last: it marks the build as complete.
  const meta = { inputs: Object.keys(result.metafile.inputs), outputs: Object.keys(result.metafile.outputs) };
  writeAtomically(metafile, JSON.stringify(meta));
  // Dated from the start: a source saved while esbuild ran still counts as newer.
  fs.utimesSync(metafile, startedAt, startedAt);
}

export async function buildServerIfStale() {
  if (!serverBuildIsStale()) return false;
  await buildServer();
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (serverBuildIsStale()) {
    console.log('Building the server…');
    await buildServer();
  }
}
