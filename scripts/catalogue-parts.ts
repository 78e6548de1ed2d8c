/**
 * The web app's messages in parts (issue 14: a first visit downloads what its
 * page shows, not the whole catalogue). A Vite plugin, used by vite.config.ts
 * for builds:
 *
 * - The first download (`virtual:catalogue/<lng>/base`) holds the messages named
 *   by the code web/main.tsx imports statically: the app's frame, its errors.
 * - Every module of web/ that the app imports on demand (`import('./X.js')`: a
 *   page, a role's home, the signed-in frame) is a *unit*. The messages its code
 *   and everything it imports statically name, less the first download's, are a
 *   part of their own (`virtual:catalogue/<lng>/<unit>`), and the dynamic import
 *   is rewritten to fetch both at once: `catalogued(unit, import('./X.js'), loaders)`
 *   (web/app/i18n.ts), so a page renders with its words and no extra round trip.
 *
 * A module names a message by a string literal that is a key (`'members.title'`,
 * `"nav.members"`, a plural's stem `'members.count'`), or by a template that
 * starts with a key's prefix (`` `members.statuses.${s}` ``: all of
 * members.statuses). A template that starts with an expression as the key of a
 * translation (`` t(`${ns}.${field}`) ``) cannot be followed: a unit with such a
 * module gets the whole catalogue. The dev server serves the whole catalogue as
 * the first download and rewrites nothing. `virtual:catalogue/<lng>/errors` is
 * every error message, which web/app/form-messages.ts fetches for the forms (a
 * domain rule's code names any of them).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { withAnswers, type Catalogue } from '../locales/with-answers.js';

const LOCALES = ['en', 'fr', 'es', 'ru'] as const;
const ID = 'virtual:catalogue/';
type Messages = { [key: string]: string | Messages };

const STATIC_IMPORT = /\b(?:import|export)\s+(?!type\b)(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const KEY_LITERAL = /(['"`])([a-zA-Z][\w-]*(?:\.[\w-]+)+\.?)\1/g;
const KEY_PREFIX = /`([a-zA-Z][\w-]*(?:\.[\w-]+)*\.)\$\{/g;
const UNFOLLOWABLE = /(?:\bt\(\s*|\bword\(t,\s*)`\$\{/;

interface Scanned {
  imports: string[];
  dynamic: string[];
  names: Set<string>;
  prefixes: Set<string>;
  unfollowable: boolean;
}

function flatten(value: Messages, prefix = '', out: string[] = []): string[] {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.push(key);
    else flatten(v, key, out);
  }
  return out;
}

/**
 * The catalogue restricted to `keys`, nested as it is. A name may itself hold a
 * dot (the audit log's actions: `audit.actions` › `payment.record`), so a key is
 * followed through the catalogue by the longest name that is there at each level.
 */
function pick(catalogue: Messages, keys: Iterable<string>): Messages {
  const out: Messages = {};
  for (const key of keys) {
    const parts = key.split('.');
    let from: Messages = catalogue;
    let to = out;
    for (let i = 0; i < parts.length; ) {
      let j = parts.length;
      while (j > i && !(parts.slice(i, j).join('.') in from)) j--;
      if (j === i) break;
      const name = parts.slice(i, j).join('.');
      const next = from[name]!;
      if (typeof next === 'string') {
        if (j === parts.length) to[name] = next;
        break;
      }
      from = next;
      to = (to[name] ??= {}) as Messages;
      i = j;
    }
  }
  return out;
}

export function catalogueParts(root: string): Plugin {
  const web = path.join(root, 'web');
  const i18nModule = path.join(web, 'app', 'i18n.ts');
  let command: 'build' | 'serve' = 'build';
  let catalogues: Record<string, Messages> = {};
  let allKeys: string[] = [];
  const scanned = new Map<string, Scanned>();
  /** Unit (a module path relative to the root) → the keys of its part. */
  let units = new Map<string, string[]>();
  let baseKeys = new Set<string>();

  const resolve = (from: string, spec: string): string | null => {
    if (!spec.startsWith('.')) return null;
    const bare = path.resolve(path.dirname(from), spec).replace(/\.js$/, '');
    for (const candidate of [`${bare}.ts`, `${bare}.tsx`, path.join(bare, 'index.ts')]) if (scanned.has(candidate)) return candidate;
    return null;
  };

  const scanAll = () => {
    catalogues = Object.fromEntries(LOCALES.map((lng) => {
      const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, 'locales', file), 'utf8'));
      return [lng, withAnswers(read(`${lng}.json`) as Catalogue, read(`respond/${lng}.json`)) as unknown as Messages];
    }));
    allKeys = flatten(catalogues.en!);
    scanned.clear();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'dist' && entry.name !== 'respond') walk(file);
        } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
          const code = fs.readFileSync(file, 'utf8');
          // A module that fetches a part of its own (i18n.ts, form-messages.ts: all errors) names no keys here.
          const own = code.includes(ID);
          scanned.set(file, {
            imports: [...code.matchAll(STATIC_IMPORT)].map((m) => m[1]!),
            dynamic: [...code.matchAll(DYNAMIC_IMPORT)].map((m) => m[1]!),
            names: new Set(own ? [] : [...code.matchAll(KEY_LITERAL)].map((m) => m[2]!)),
            prefixes: new Set(own ? [] : [...code.matchAll(KEY_PREFIX)].map((m) => m[1]!)),
            unfollowable: !own && UNFOLLOWABLE.test(code),
          });
        }
      }
    };
    walk(web);
    // The web app's code in contracts/ names messages too (auditActionLabel: `audit.actions.${…}`).
    walk(path.join(root, 'contracts'));
    const keysOf = (entry: string): Set<string> => {
      const seen = new Set<string>();
      const stack = [entry];
      const names = new Set<string>();
      const prefixes = new Set<string>();
      let everything = false;
      while (stack.length) {
        const file = stack.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        const s = scanned.get(file)!;
        s.names.forEach((n) => (n.endsWith('.') ? prefixes.add(n) : names.add(n)));
        s.prefixes.forEach((p) => prefixes.add(p));
        everything ||= s.unfollowable;
        for (const spec of s.imports) {
          const next = resolve(file, spec);
          if (next) stack.push(next);
        }
      }
      if (everything) return new Set(allKeys);
      const stems = [...names].map((n) => [`${n}_`, `${n}.`]).flat().concat([...prefixes]);
      return new Set(allKeys.filter((k) => names.has(k) || stems.some((s) => k.startsWith(s))));
    };
    baseKeys = keysOf(path.join(web, 'main.tsx'));
    units = new Map();
    for (const [file, s] of scanned) {
      for (const spec of s.dynamic) {
        const unit = resolve(file, spec);
        if (!unit || units.has(path.relative(root, unit))) continue;
        units.set(path.relative(root, unit), [...keysOf(unit)].filter((k) => !baseKeys.has(k)));
      }
    }
  };

  return {
    name: 'roundtable:catalogue-parts',
    configResolved(config) {
      command = config.command;
    },
    buildStart() {
      scanAll();
      for (const file of ['en', 'fr', 'es', 'ru'].flatMap((l) => [`locales/${l}.json`, `locales/respond/${l}.json`])) this.addWatchFile(path.join(root, file));
    },
    resolveId(source) {
      return source.startsWith(ID) ? `\0${source}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${ID}`)) return null;
      const [lng, ...rest] = id.slice(ID.length + 1).split('/');
      const unit = rest.join('/');
      const catalogue = catalogues[lng!];
      if (!catalogue) throw new Error(`no catalogue for ${id}`);
      const keys = unit === 'base' ? baseKeys : unit === 'errors' ? allKeys.filter((k) => k.startsWith('errors.')) : (units.get(unit) ?? []);
      const messages = command === 'serve' ? (unit === 'base' ? catalogue : {}) : pick(catalogue, keys);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(messages))});`;
    },
    transform(code, id) {
      if (command !== 'build' || !id.startsWith(web) || id === i18nModule || !scanned.has(id)) return null;
      let changed = false;
      const out = code.replace(DYNAMIC_IMPORT, (whole, spec: string) => {
        const target = resolve(id, spec);
        const unit = target && path.relative(root, target);
        if (!unit || !units.get(unit)?.length) return whole;
        changed = true;
        const loaders = LOCALES.map((l) => `${l}: () => import(${JSON.stringify(`${ID}${l}/${unit}`)})`).join(', ');
        return `__catalogued(${JSON.stringify(unit)}, ${whole}, { ${loaders} })`;
      });
      return changed ? { code: `import { catalogued as __catalogued } from ${JSON.stringify(i18nModule)};\n${out}`, map: null } : null;
    },
  };
}
