// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, floor first. Each folder names the folders it may import; nothing may
 * import one that is not named, so the folders form no cycle (test/architecture.test.ts checks
 * this, and that the code follows it). A module may reach the file system, the network or other
 * processes only in a folder's `io` files ('*': all of them); every other module is pure. Tests
 * (`*.test.ts`) may reach across, to build their worlds.
 *
 * @type {Record<string, { imports: string[], io?: '*' | string[] }>}
 */
export const LAYERS = {
  util: {
    imports: [],
    io: ['build-id.ts', 'safe-write.ts', 'stale-temps.ts', 'version.ts'],
  },
  model: { imports: ['util'] },
  diagnostics: { imports: ['model', 'util'] },
  yaml: { imports: ['diagnostics', 'model', 'util'] },
  lint: { imports: ['model', 'util'] },
  config: { imports: ['lint', 'yaml', 'diagnostics', 'model', 'util'], io: ['load.ts'] },
  source: {
    imports: ['yaml', 'diagnostics', 'model', 'util'],
    io: ['read.ts', 'read-file.ts', 'walk.ts', 'cache.ts', 'cache-location.ts'],
  },
  api: { imports: ['model', 'util'], io: '*' },
  emulator: { imports: ['api', 'model', 'util'], io: '*' },
  reconcile: { imports: ['api', 'source', 'diagnostics', 'model', 'util'] },
  pull: {
    imports: ['api', 'reconcile', 'source', 'yaml', 'diagnostics', 'model', 'util'],
    io: ['files.ts'],
  },
  render: { imports: ['reconcile', 'pull', 'lint', 'diagnostics', 'model', 'util'] },
  init: { imports: ['model', 'util'] },
  app: {
    imports: [
      'api',
      'config',
      'diagnostics',
      'emulator',
      'init',
      'lint',
      'model',
      'pull',
      'reconcile',
      'render',
      'source',
      'util',
    ],
    io: '*',
  },
  github: {
    imports: ['app', 'api', 'diagnostics', 'lint', 'model', 'reconcile', 'render', 'util'],
    io: '*',
  },
};

/** Modules that reach outside the process: never imported by a pure module. */
const IO_MODULES = [
  'node:fs',
  'node:fs/promises',
  'node:http',
  'node:https',
  'node:net',
  'node:child_process',
  'undici',
];

/**
 * One `no-restricted-imports` rule per folder (and one more for its io files), generated from
 * the layers. `cli/` sits on top and may import anything; `src/bin.ts` runs it.
 *
 * @param {typeof LAYERS} layers
 */
function layerRules(layers) {
  const folders = [...Object.keys(layers), 'cli'];
  return Object.entries(layers).flatMap(([folder, { imports, io = [] }]) => {
    const forbidden = folders.filter((f) => f !== folder && !imports.includes(f));
    const patterns = [
      {
        // Relative imports that climb to src/ and go down into a forbidden folder; package
        // names (yaml, undici) never start with a dot.
        regex: `^(\\.\\./)+(${forbidden.join('|')})/`,
        message: `src/${folder}/ may import only ${imports.length === 0 ? 'no other folder' : imports.map((f) => `src/${f}/`).join(', ')} (the layers in eslint.config.js).`,
      },
    ];
    const rule = (/** @type {boolean} */ pure) => ({
      'no-restricted-imports': [
        'error',
        {
          patterns,
          ...(pure
            ? {
                paths: IO_MODULES.map((name) => ({
                  name,
                  message: `A pure module of src/${folder}/: file system and network access belong in its io files (the layers in eslint.config.js).`,
                })),
              }
            : {}),
        },
      ],
    });
    const files = [`src/${folder}/**/*.ts`];
    const ignores = ['src/**/*.test.ts'];
    if (io === '*') return [{ files, ignores, rules: rule(false) }];
    return [
      { files, ignores, rules: rule(true) },
      ...(io.length === 0
        ? []
        : [{ files: io.map((f) => `src/${folder}/${f}`), ignores, rules: rule(false) }]),
    ];
  });
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      '.vitest/',
      'node_modules/',
      'test/fixtures/',
      'action/index.mjs',
    ],
  },
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
  ...layerRules(LAYERS),
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
);
