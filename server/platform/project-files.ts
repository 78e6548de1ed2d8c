import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the project's package.json. The server runs from its TypeScript
 * sources (tests) and bundled into dist/server (production), two depths apart,
 * so files shipped beside the code (migrations, the built web app, the database
 * worker) are found from the project's root, never relative to the code.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. `projectFile('migrations')`. */
export const projectFile = (...parts: string[]) => path.join(PROJECT_ROOT, ...parts);
