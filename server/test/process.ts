import { execFile, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

let serverBuilt: Promise<void> | undefined;

/** Compiles the server to dist/server when stale, once per test process, as `npm start` does. */
function buildServerIfStale(): Promise<void> {
  serverBuilt ??= new Promise((resolve, reject) => {
    execFile(process.execPath, ['scripts/build-server-if-stale.mjs'], { cwd: ROOT }, (error, _out, stderr) => {
      if (error) reject(new Error(`building the server failed: ${stderr}`));
      else resolve();
    });
  });
  return serverBuilt;
}

/** Starts the server as production runs it (compiled, no TypeScript loader) and waits until /ready answers. */
export async function startServerProcess(env: Record<string, string>, options: { readyWithinMs?: number } = {}): Promise<ServerProcess> {
  await buildServerIfStale();
  const port = await freePort();
  // RT_SERVER_PROF=<dir>: the server writes a CPU profile of each thread there when it stops (benchmarks: where the time went).
  const child = spawn(process.execPath, [...(process.env.RT_SERVER_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.RT_SERVER_PROF] : []), 'dist/server/main.js'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyWithinMs ?? 90_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${output}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      // A server that never became ready is nobody's to stop: stop it here,
      // or it keeps loading the machine for every test after it.
      child.kill('SIGKILL');
      throw new Error(`server did not become ready: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, url, output: () => output, exited };
}

export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/roundtable.mjs', ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}
