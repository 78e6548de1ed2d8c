import fs from 'node:fs';
import path from 'node:path';
import { clock } from '../clock.js';

/** Another live process holds the embedded database's folder. */
export class DataFolderLocked extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number | null,
  ) {
    super(`Another Roundtable process${pid ? ` (pid ${pid})` : ''} has the embedded database in ${folder} open; stop it first.`);
  }
}

export interface DataFolderLock {
  release(): void;
}

// Locks this process holds: its own pid in a lock file it does not hold is a previous incarnation's.
const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(lockFile: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes the embedded database's folder for this process, as PostgreSQL's
 * postmaster.pid does: a file created exclusively holding our pid. Two
 * processes on one PGlite folder each cache its pages and overwrite the
 * other's writes (seen: an admin created from the command line while the
 * server ran could not sign in, then saves failed on duplicate keys). A lock
 * whose process is gone, or is this very pid (a container restarted as pid
 * 1), is stale and taken over.
 */
export function lockDataFolder(folder: string): DataFolderLock {
  const lockFile = path.resolve(`${folder}.lock`);
  if (heldHere.has(lockFile)) throw new DataFolderLocked(folder, process.pid);
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx', 0o600);
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      heldHere.add(lockFile);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldHere.delete(lockFile);
        process.off('exit', release);
        if (holder(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = holder(lockFile);
    // A file without a pid yet is being written by a process taking the lock this instant.
    if (pid === null) {
      const age = clock.ms() - (fs.statSync(lockFile, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age < 2_000) throw new DataFolderLocked(folder, null);
    } else if (pid !== process.pid && alive(pid)) {
      throw new DataFolderLocked(folder, pid);
    }
    fs.rmSync(lockFile, { force: true });
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}
