// One lint config for all workspaces. Import boundaries (architecture.md §3) are errors:
// domain → nothing; contracts → domain; server → contracts, domain; web → contracts, domain.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noImport = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', 'scripts/*.mjs', 'apps/server/bin/*.mjs', 'apps/server/src/db/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      // Fastify plugins and handlers are async by contract, awaited or not.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read JSON responses as `any` on purpose: the assertions are the type check.
    files: ['**/*.test.ts', '**/test/**/*.ts', '**/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['packages/domain/**'],
    ignores: ['**/*.test.ts'],
    rules: noImport(
      [
        '@motcua/*',
        'node:*',
        'fastify*',
        'kysely',
        'pg',
        '@electric-sql/*',
        '../../../apps/*',
        '**/apps/**',
        '**/contracts/**',
      ],
      'domain is pure: it imports nothing from other workspaces and no I/O module',
    ),
  },
  {
    files: ['packages/contracts/**'],
    rules: noImport(
      ['@motcua/server*', '@motcua/web*', '**/apps/**', 'node:*'],
      'contracts depend on domain only',
    ),
  },
  {
    files: ['apps/server/**'],
    rules: noImport(['@motcua/web*', '**/apps/web/**'], 'the server never imports the web app'),
  },
  {
    files: ['apps/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: noImport(
      ['@motcua/server*', '**/apps/server/**', 'kysely', 'pg', 'fastify*'],
      'the web app talks to the server over HTTP only',
    ),
  },
);
