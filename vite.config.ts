import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import ts from 'typescript';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { catalogueParts } from './scripts/catalogue-parts.js';

/**
 * The ISO lists of countries, subdivisions and languages (contracts/geo-data.ts,
 * about 790 kB) stay on the server: the web build takes geo-data.browser.ts in
 * their place, which checks the shape of a code, and pages ask the server for
 * the few names they show (/api/v1/reference/*).
 */
function browserGeoData(): Plugin {
  const serverData = fileURLToPath(new URL('./contracts/geo-data.ts', import.meta.url));
  const browserData = fileURLToPath(new URL('./contracts/geo-data.browser.ts', import.meta.url));
  return {
    name: 'roundtable:browser-geo-data',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.includes('geo-data')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === serverData ? browserData : null;
    },
  };
}

/**
 * Each Mantine component brings its own stylesheet (@mantine/core/styles/<Name>.css)
 * into the chunk that uses it, instead of every component's styles in the first
 * download (@mantine/core/styles.css, 30 kB compressed): the stylesheet is imported
 * by the component's class-name module (<Name>.module.mjs), which only the
 * component imports, after the components it is built on, so their rules keep
 * Mantine's order. web/main.tsx imports the global ones. Vite's dev server
 * pre-bundles Mantine without this transform, so there it gets the whole file.
 */
function mantineStylesPerComponent(command: 'build' | 'serve'): Plugin {
  const main = fileURLToPath(new URL('./web/main.tsx', import.meta.url));
  return {
    name: 'roundtable:mantine-styles-per-component',
    transform(code, id) {
      if (command === 'serve') return id === main ? { code: `import '@mantine/core/styles.css';\nimport '@mantine/notifications/styles.css';\n${code}`, map: null } : null;
      const component = /\/node_modules\/@mantine\/(core|notifications)\/esm\/(?:.*\/)?(\w+)\.module\.mjs$/.exec(id);
      if (!component) return null;
      const sheet = component[1] === 'core' ? `@mantine/core/styles/${component[2]}.css` : '@mantine/notifications/styles.css';
      return { code: `import '${sheet}';\n${code}`, map: null };
    },
  };
}

/**
 * Two of Mantine's components bring code their use here does not run, into
 * every page that shows them (issue 14: member pages ≤ 150 kB):
 * - Table carries Table.ScrollContainer, and with it ScrollArea and
 *   floating-ui (about 16 kB compressed); the app's tables scroll in a plain
 *   overflow (web/ui/ScrollTable.tsx). It is fetched if ever rendered.
 * - AppShell's header, footer and aside import react-remove-scroll (3.7 kB)
 *   only to read one class name, the constant below; dialogs bring the
 *   library when they open, and find the header by that class as before.
 */
function mantineTrims(): Plugin {
  const table = /\/@mantine\/core\/esm\/components\/Table\/Table\.mjs$/;
  const shellPart = /\/@mantine\/core\/esm\/components\/AppShell\/AppShell(Header|Footer|Aside)\/AppShell\1\.mjs$/;
  const replace = (code: string, id: string, from: string, to: string) => {
    if (!code.includes(from)) throw new Error(`${id}: "${from}" not found (Mantine changed: look again at mantineTrims)`);
    return { code: code.replace(from, to), map: null };
  };
  return {
    name: 'roundtable:mantine-trims',
    apply: 'build',
    transform(code, id) {
      if (table.test(id)) {
        return replace(code, id, 'import { TableScrollContainer } from "./TableScrollContainer.mjs";',
          'import { lazy } from "react";\nconst TableScrollContainer = lazy(() => import("./TableScrollContainer.mjs").then((m) => ({ default: m.TableScrollContainer })));');
      }
      if (shellPart.test(id)) {
        // react-remove-scroll-bar's zeroRightClassName.
        return replace(code, id, 'import { RemoveScroll } from "react-remove-scroll";', 'const RemoveScroll = { classNames: { zeroRight: "right-scroll-bar-position" } };');
      }
      return null;
    },
  };
}

/**
 * The contracts' top-level values are built without side effects (zod schemas,
 * lists of codes), so each call in their initialisers is marked pure for the
 * build (`/* @__PURE__ *\/`): a schema nobody uses is dropped, and a page that
 * needs only a contract's list of codes (ISSUE_CATEGORIES) or a function beside
 * the schemas does not download zod. Calls inside functions (a refinement's
 * `ctx.addIssue`) are left as they are.
 */
function pureContracts(): Plugin {
  const contracts = fileURLToPath(new URL('./contracts/', import.meta.url));
  return {
    name: 'roundtable:pure-contracts',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!id.startsWith(contracts) || !id.endsWith('.ts')) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      // Inserts by position; a property read given to a call (`PageQuery.extend(Filter.shape)`)
      // is wrapped in a pure function call, since a read may run a getter.
      const inserts: Array<[number, number, string]> = [];
      const read = (node: ts.Expression) => {
        if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return;
        inserts.push([node.getStart(source), 0, '/* @__PURE__ */ (() => '], [node.getEnd(), 2, ')()']);
      };
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
        if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
          inserts.push([node.getStart(source), 1, '/* @__PURE__ */ ']);
          node.arguments?.forEach(read);
        }
        if (ts.isSpreadAssignment(node) || ts.isSpreadElement(node)) read(node.expression);
        ts.forEachChild(node, visit);
      };
      for (const statement of source.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) if (declaration.initializer) visit(declaration.initializer);
      }
      if (inserts.length === 0) return null;
      let out = '';
      let at = 0;
      for (const [position, , text] of inserts.sort((x, y) => x[0] - y[0] || x[1] - y[1])) {
        out += code.slice(at, position) + text;
        at = position;
      }
      return { code: out + code.slice(at), map: null };
    },
  };
}

/**
 * What every page of the app runs before its first screen comes in one file
 * ("frame"): i18next and the app's messages, the loader a lazy page shows, and
 * what they are built on (Preact's compat layer, Mantine's base). Rolldown
 * otherwise cut them into a common chunk per set of pages that also use a
 * module, once the signed-in routes were split off (App.tsx): about ten small
 * requests more before the first screen, each compressed on its own. What the
 * respondent page (respond.html) shares with the app (Preact) is a file of its
 * own ("shared"), so that page does not download the app's frame.
 */
const FRAME = /\/web\/app\/(i18n|lazy-page)\.tsx?$|\/web\/ui\/Loading\.tsx$|\/contracts\/role-list\.ts$|\/node_modules\/(i18next|react-i18next)\/|\/@mantine\/core\/esm\/components\/(Loader|Center)\//;

function appFrame(): { plugin: Plugin; groups: Array<{ name: string; priority: number; test: (id: string) => boolean }> } {
  const app = fileURLToPath(new URL('./web/index.html', import.meta.url));
  const respond = fileURLToPath(new URL('./web/respond.html', import.meta.url));
  const shared = new Set<string>();
  return {
    plugin: {
      name: 'roundtable:app-frame',
      apply: 'build',
      buildEnd() {
        const entryScripts = new Set([app, respond].flatMap((html) => this.getModuleInfo(html)?.importedIds ?? []));
        const reach = (entry: string) => {
          const seen = new Set<string>();
          const stack = [...(this.getModuleInfo(entry)?.importedIds ?? [])];
          while (stack.length) {
            const id = stack.pop()!;
            if (seen.has(id)) continue;
            seen.add(id);
            stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
          }
          return seen;
        };
        const byApp = reach(app);
        shared.clear();
        for (const id of reach(respond)) if (byApp.has(id) && !entryScripts.has(id)) shared.add(id);
      },
    },
    // The shared part first: a group also takes the modules its modules import, unless taken already.
    groups: [
      { name: 'shared', priority: 2, test: (id) => shared.has(id) },
      { name: 'frame', priority: 1, test: (id) => FRAME.test(id) },
    ],
  };
}

export default defineConfig(({ command }) => {
  const frame = appFrame();
  const plugins: Plugin[] = [];
  // A build is always the production one. The journeys build from vitest,
  // which sets NODE_ENV=test: Vite then shipped React's development build
  // (larger and slower). Set before Vite reads it, given back when done.
  if (command === 'build' && process.env.NODE_ENV !== 'production') {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    plugins.push({ name: 'roundtable:node-env-back', closeBundle() {
      if (before === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = before;
    } });
  }
  return {
    root: 'web',
    // The whole app runs on Preact (preact/compat), not React DOM: React DOM
    // was 59 kB compressed of every page's first download, Preact is about
    // 11 (issue 14: member pages ≤ 150 kB). The app and its libraries (Mantine,
    // react-router, TanStack Query, react-i18next, Tabler icons) keep importing
    // "react"; the build hands them preact/compat, which has React 19's
    // `ref` as a prop, useSyncExternalStore, useId and createRoot; what it
    // lacks (<Activity>) is in web/app/react-on-preact.ts.
    // The respondent page (respond.html) uses Preact itself, smaller still:
    // its files say so with a @jsxImportSource pragma and are left out of the React plugin.
    // Files are compressed once here (brotli and gzip) and served as they are.
    resolve: {
      alias: [
        { find: /^react$/, replacement: fileURLToPath(new URL('./web/app/react-on-preact.ts', import.meta.url)) },
        { find: /^react-dom$/, replacement: 'preact/compat' },
        { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
        { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
        { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
        { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: 'preact/compat' },
        // react-router's package points every import at its development build (warnings, checks),
        // which cost about a tenth of the member home's first render at a phone's speed; the
        // production build beside it is the one to ship.
        ...(command === 'build' ? [{ find: /^react-router$/, replacement: fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url)) }] : []),
      ],
    },
    plugins: [
      browserGeoData(),
      pureContracts(),
      mantineStylesPerComponent(command),
      mantineTrims(),
      catalogueParts(fileURLToPath(new URL('.', import.meta.url))),
      react({ exclude: /web\/respond\// }),
      compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' }),
      frame.plugin,
      ...plugins,
    ],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: 900,
      rollupOptions: {
        input: { app: 'web/index.html', respond: 'web/respond.html' },
        output: { codeSplitting: { groups: frame.groups } },
      },
    },
    // The sign-in page is the server's (server/platform/auth/sign-in-page.ts), as the API.
    server: { proxy: { '/api': 'http://localhost:3000', '^/sign-in(\\?.*)?$': 'http://localhost:3000' } },
  };
});
