// Lint: a small set of rules that catch real bugs, with the type information of
// tsconfig.json (a promise nobody awaits, a promise where a plain value is
// expected, a switch over a union that forgets a case, an unused name).
// Style is left to the code's authors. `npm run lint`; `npm test` counts it as one test.
import tseslint from 'typescript-eslint';

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
);
