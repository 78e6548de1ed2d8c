import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../test/process.js';

// Issue 16.7: settings live for one transaction only. A connection goes back
// to the pool (and, sharded, a transaction spans several machines) after
// every tenant transaction, so a setting that outlived it would hand one
// organisation's `app.org_id` to the next request. The tenant opening sets
// them with set_config(…, true), PostgreSQL's function form of SET LOCAL
// (tenant-opening.ts: it must be a SELECT, which returns no row for a stale
// session). What Citus would need instead: ARCHITECTURE.md, "Ready for more
// than one machine".

function sources(folder: string, ending: RegExp): string[] {
  return fs.readdirSync(folder, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return entry.isFile() && ending.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [file] : [];
  });
}

/** The text between the parenthesis at `open` and the one closing it. */
function argumentsAt(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** Each call of set_config in the server's code and the migrations, with the file it is in. */
function setConfigCalls() {
  const files = [...sources(path.join(ROOT, 'server'), /\.(ts|mjs)$/), ...sources(path.join(ROOT, 'migrations'), /\.sql$/)];
  return files.flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return [...text.matchAll(/set_config\s*\(/gi)].map((m) => ({ file: path.relative(ROOT, file), args: argumentsAt(text, m.index + m[0].length - 1) }));
  });
}

describe('settings for one transaction only', () => {
  it('sets every setting with set_config(…, true), never for the session', () => {
    const calls = setConfigCalls();
    // The tenant's two settings and the trigram threshold of the name searches (migrations 0010, 0012).
    expect(calls.filter((c) => c.file === 'server/platform/db/tenant-opening.ts').map((c) => c.args)).toEqual(["'app.org_id', ${org}, true", "'app.user_id', ${user}, true"]);
    expect(calls.filter((c) => !/,\s*true$/i.test(c.args.trim()))).toEqual([]);
  });

  it('never sets an app setting with a plain SET', () => {
    const files = [...sources(path.join(ROOT, 'server'), /\.(ts|mjs)$/), ...sources(path.join(ROOT, 'migrations'), /\.sql$/)];
    const plain = files.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/\bSET\s+(SESSION\s+)?"?app\.\w+/gi)].map((m) => `${path.relative(ROOT, file)}: ${m[0]}`));
    expect(plain).toEqual([]);
  });
});
