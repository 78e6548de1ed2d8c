// The direction of the code, checked by `npm test` (scripts/test.mjs) and alone
// by `npm run check:deps`. ARCHITECTURE.md, "Floors", says why.
//
// The server is built in floors. The platform (server/platform) is the ground
// floor and imports no module. Each module may use the floors below it, never
// a neighbour on its own floor nor a floor above; what a lower module shows of
// a higher one is handed to it by server/app.ts. This list is the one place
// the order is written; the web app's features (web/features/<module>) keep
// the same order.
const floors = [
  ['orgs'],
  ['members'],
  ['surveys', 'intake'],
  ['advocacy'],
  ['dialogue'],
  ['people'],
  ['events', 'followups'],
  ['led', 'networking', 'training', 'b2b'],
  ['results'],
  ['portal', 'home'],
];

// Tests stand above every floor: they drive the whole app.
const tests = '\\.test\\.tsx?$';
// Files that put the app together: they may import anything, and nothing below imports them.
const composition = ['^server/(app|main|cli|modules)\\.ts$', '^server/(demo|test)/'];
// A module reaches another only through the other's service files, at the
// module's top (`server/modules/<m>/*-service.ts`). A `tables.ts` may name
// another module's table for a foreign key, and nothing else of it.
const service = '^server/modules/[^/]+/[^/]+-service\\.ts$';
const tables = '^server/modules/[^/]+/tables\\.ts$';

const anyOf = (names) => `(${names.join('|')})`;
const floorRules = (root) =>
  floors.flatMap((floor, i) => {
    const below = floors.slice(0, i).flat();
    const forbidden = [...floor, ...floors.slice(i + 1).flat()];
    return floor.map((name) => ({
      name: `floor-${root.split('/')[0]}-${name}`,
      comment: `${root}${name} may use ${below.length ? `the floors below it (${below.join(', ')}) and ` : ''}the platform, not a neighbour on its floor or a floor above.`,
      severity: 'error',
      from: { path: `^${root}${name}/`, pathNot: tests },
      to: { path: `^${root}${anyOf(forbidden.filter((n) => n !== name))}/` },
    }));
  });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No file reaches itself through its imports, type-only ones included (between modules or within one).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-imports-no-module',
      comment: 'The platform imports no module: modules hand it their errors (server/modules.ts), routes (server/app.ts) and jobs (server/main.ts).',
      severity: 'error',
      from: { path: '^server/platform/', pathNot: tests },
      to: { path: ['^server/modules/', ...composition] },
    },
    {
      name: 'modules-not-composition',
      comment: 'A module does not import the files that put the app together.',
      severity: 'error',
      from: { path: '^server/modules/', pathNot: tests },
      to: { path: composition },
    },
    ...floorRules('server/modules/'),
    ...floorRules('web/features/'),
    {
      name: 'module-through-services',
      comment: "A module reaches another only through that module's service files (server/modules/<m>/*-service.ts).",
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/', pathNot: [tests, tables] },
      to: { path: '^server/modules/', pathNot: ['^server/modules/$1/', service] },
    },
    {
      name: 'tables-name-tables',
      comment: "A module's tables.ts may name another module's table for a foreign key, nothing else of it.",
      severity: 'error',
      from: { path: tables },
      to: { path: '^server/modules/', pathNot: ['^server/modules/$1/', tables] },
    },
    {
      name: 'contracts-stand-alone',
      comment: 'contracts/ is shared by the server and the web app and imports neither.',
      severity: 'error',
      from: { path: '^contracts/' },
      to: { path: '^(server|web)/' },
    },
    {
      name: 'web-not-server',
      comment: 'The web app talks to the server over HTTP, sharing only contracts/ and locales/.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules', '^web/dist/', '^dist/'] },
    // Type-only imports count: a cycle of types still ties two files together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    skipAnalysisNotInRules: true,
  },
};
