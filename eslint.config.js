// Lint: a small set of rules that catch real bugs, with the type information of
// tsconfig.json (a promise nobody awaits, a promise where a plain value is
// expected, a switch over a union that forgets a case, an unused name).
// Style is left to the code's authors. `npm run lint`; `npm test` counts it as one test.
import tseslint from 'typescript-eslint';

// One way for each thing (ARCHITECTURE.md): what these forbid has one place to be done instead.
const roleNameComparison = [
  {
    selector: "BinaryExpression[operator=/^[!=]==?$/][left.property.name='role'][right.type='Literal'], BinaryExpression[operator=/^[!=]==?$/][right.property.name='role'][left.type='Literal']",
    message: 'Decide by the permission table (can(role, permission), contracts/permissions.ts), not by a role\'s name.',
  },
  {
    selector: "CallExpression[callee.property.name='includes'][callee.object.type='ArrayExpression'][arguments.0.name=/role$/i]",
    message: 'Decide by the permission table (can(role, permission), contracts/permissions.ts), not by a list of role names.',
  },
];
const readingTheClock = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Stored instants are the database's now(); any other is clock.now() (server/platform/clock.ts)." },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use clock.ms() (server/platform/clock.ts).' },
];
const routeAccessElsewhere = [
  { selector: "Property[key.name='config'][value.type='Identifier']", message: "A route declares who may call it in place: config: { auth: 'tenant', permission: '…' }." },
  { selector: "Property[key.name='config'] > ObjectExpression > SpreadElement", message: "A route declares who may call it in place: config: { auth: 'tenant', permission: '…' }." },
];
const requestsOutsideApiFiles = [
  { selector: "CallExpression[callee.name=/^(api|uploadFile)$/]", message: "Requests live in the feature's api.ts (fetchX, and a verb for each change); call those." },
  { selector: "Property[key.name='queryKey'] > ArrayExpression", message: "Query keys come from the feature's key factory in its api.ts (e.g. memberKeys.one(id))." },
  { selector: "CallExpression[callee.property.name=/^(setQueryData|getQueryData)$/] > ArrayExpression.arguments", message: "Query keys come from the feature's key factory in its api.ts." },
];

// Every chart is drawn by web/ui/Chart.tsx: full labels, axes, legend, the reader's locale and a table.
const chartsElsewhere = [
  { selector: "JSXOpeningElement[name.name='svg']", message: 'Charts are drawn by web/ui/Chart.tsx (full labels, axes, legend, locale, a table beside); use it.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'web/dist/', 'coverage/', 'tmp/', 'data/', '.vitest-results/', 'migrations/'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // eslint's correctness rules that TypeScript does not already check.
      ...Object.fromEntries(
        [
          'no-async-promise-executor', 'no-compare-neg-zero', 'no-cond-assign', 'no-constant-binary-expression', 'no-constant-condition',
          'no-debugger', 'no-dupe-else-if', 'no-duplicate-case', 'no-empty-character-class', 'no-empty-pattern',
          'no-ex-assign', 'no-fallthrough', 'no-invalid-regexp', 'no-loss-of-precision', 'no-misleading-character-class', 'no-self-assign',
          'no-self-compare', 'no-sparse-arrays', 'no-unsafe-finally', 'no-unsafe-optional-chaining', 'no-unused-labels', 'no-useless-backreference',
          'use-isnan', 'valid-typeof', 'no-unreachable-loop',
        ].map((rule) => [rule, 'error']),
      ),
      '@typescript-eslint/no-floating-promises': 'error',
      // React calls an async event handler and drops its promise by design; the handler catches what it must.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/**/*.test.ts', 'server/test/**', 'server/demo/**', 'server/platform/clock.ts'],
    rules: { 'no-restricted-syntax': ['error', ...readingTheClock, ...roleNameComparison] },
  },
  {
    files: ['server/**/routes.ts', 'server/**/*-routes.ts'],
    rules: { 'no-restricted-syntax': ['error', ...readingTheClock, ...roleNameComparison, ...routeAccessElsewhere] },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    // The api files themselves, and the app's own: the session, tasks, reference data and the paged-list hook.
    ignores: ['web/**/api.ts', 'web/**/*-api.ts', 'web/app/session.tsx', 'web/app/tasks.ts', 'web/app/reference.ts', 'web/ui/use-cursor-pages.ts', 'web/**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...requestsOutsideApiFiles, ...roleNameComparison, ...chartsElsewhere] },
  },
  {
    // The LED roll-up's map is drawn from a boundary file, not a chart; its table is the roll-up's own.
    files: ['web/ui/Chart.tsx', 'web/ui/RegionMap.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...requestsOutsideApiFiles, ...roleNameComparison] },
  },
);
