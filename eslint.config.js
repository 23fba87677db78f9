// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', '.vitest/', 'node_modules/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // Output goes through the injected Io so that commands stay testable.
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'Only src/bin.ts ends the process.' },
      ],
    },
  },
  {
    files: ['src/bin.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Renderers turn plain data into text; they must never reach the network.
    files: ['src/render/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/api/**', '**/api'], message: 'Renderers never call the API.' }],
        },
      ],
    },
  },
  {
    // Pure stages: no file system, no network, no clock.
    files: [
      'src/reconcile/{match,diff,plan,guards,saved-plan,plan-schema,fingerprint}.ts',
      'src/model/survivor.ts',
      'src/source/{parse,normalize,schema,classify-entry,cache-entry}.ts',
      'src/pull/{assemble,convert,layout,render-file,select,verify}.ts',
      'src/init/{scaffold,templates}.ts',
      'src/config/edit.ts',
      'src/util/slug.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:fs', 'node:fs/promises', 'undici', 'node:http'],
          patterns: [
            { group: ['**/api/**', '**/api'], message: 'Pure modules never call the API.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
);
