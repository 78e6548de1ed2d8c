import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFolderLocked, lockDataFolder } from './data-folder-lock.js';

const dirs: string[] = [];
function folder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rt-lock-'));
  dirs.push(dir);
  return path.join(dir, 'pglite');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the lock on the embedded database folder', () => {
  it('is held once: a second taker is refused with the holder pid, and may take it once released', () => {
    const dir = folder();
    const lock = lockDataFolder(dir);
    expect(fs.readFileSync(`${dir}.lock`, 'utf8').trim()).toBe(String(process.pid));
    expect(() => lockDataFolder(dir)).toThrow(DataFolderLocked);
    lock.release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
    lockDataFolder(dir).release();
  });

  it('refuses while another live process holds it', () => {
    const dir = folder();
    // The parent of this process is alive for the whole test.
    fs.writeFileSync(`${dir}.lock`, `${process.ppid}\n`);
    try {
      lockDataFolder(dir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataFolderLocked);
      expect((error as DataFolderLocked).pid).toBe(process.ppid);
    }
  });

  it('takes over the lock of a process that has gone, and one left by an earlier run with this same pid', () => {
    const dir = folder();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(`${dir}.lock`, `${gone}\n`);
    const lock = lockDataFolder(dir);
    expect(fs.readFileSync(`${dir}.lock`, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    fs.writeFileSync(`${dir}.lock`, `${process.pid}\n`);
    lockDataFolder(dir).release();
  });
});
