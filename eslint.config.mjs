// Lint, and the layers of ARCHITECTURE.md as import rules: src/core is pure (no vscode, no Node
// built-ins) and its folders stand on floors, the journal wing is entered by its front door, no
// feature imports another feature, and the webview imports only src/shared.
import { builtinModules } from 'node:module';
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...new Set(builtinModules.flatMap((name) => [name, `node:${name}`]))];
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** One no-restricted-imports rule from named modules and path patterns, each with why. */
const restrictImports = (paths, patterns) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

/** What src/core may not import: it is pure, and nothing outside core and shared. */
const pureCore = [
  { name: 'vscode', message: 'src/core is pure: VS Code glue belongs in src/features or src/host.' },
  ...nodeBuiltins.map((name) => ({ name, message: 'src/core is pure: file system, processes and the like belong in src/host.' })),
];
const corePatterns = [{ group: ['**/host/**', '**/features/**', '**/webview/**', '**/extension', '**/cli', '**/cli/**'], message: 'src/core imports only src/core and src/shared.' }];
/** The floors of src/core, lowest first (ARCHITECTURE.md draws them). */
const coreFloors = [['text', 'steps'], ['time', 'yaml', 'git'], ['rubric'], ['journal'], ['reports']];
const frontDoorMessage = "The journal wing has one front door: import from src/core/journal (its index.ts), not from the rooms behind it.";
const journalFrontDoor = { regex: 'core/journal/.+', message: frontDoorMessage };
const journalFrontDoorInCore = { regex: '^(\\.\\./)+journal/.+', message: frontDoorMessage };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.vscode-test/**', 'node_modules/**', 'test-results/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The escapers for YAML, Markdown and paths look for control characters on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The build, test host and bench scripts are CommonJS that Node runs as they are.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URLSearchParams: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { URL: 'readonly' } },
  },
  // src/core is pure, and its folders stand on floors: each imports only the floors below it.
  ...coreFloors.flatMap((floor, i) =>
    floor.map((room) => ({
      files: [`src/core/${room}/**/*.ts`, `src/core/${room}.ts`],
      rules: restrictImports(pureCore, [
        ...corePatterns,
        ...(room === 'journal' ? [] : [journalFrontDoorInCore]),
        ...coreFloors.slice(i).flat().filter((other) => other !== room).map((other) => ({
          group: [`**/${other}`, `**/${other}/**`],
          message: `src/core/${room} stands below src/core/${other} (${coreFloors.map((f) => f.join(', ')).join(' < ')}): move the shared piece down instead.`,
        })),
      ]),
    })),
  ),
  {
    // Outside the journal wing, the wing is reached through its front door only; its own unit tests may enter.
    files: ['src/host/**/*.ts', 'src/features/**/*.ts', 'src/cli/**/*.ts', 'src/extension.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    ignores: ['test/unit/journal/**'],
    rules: restrictImports([], [journalFrontDoor]),
  },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**/*.ts`],
    rules: restrictImports(
      [],
      [
        {
          group: features.filter((other) => other !== feature).flatMap((other) => [`**/features/${other}`, `**/features/${other}/**`, `../${other}`, `../${other}/**`, `../../${other}`, `../../${other}/**`]),
          message: 'No feature imports another: share through src/core, src/host or src/shared.',
        },
        { group: ['**/webview/**'], message: 'Webview code runs in the webview; share types through src/shared.' },
      ],
    ),
  })),
  {
    files: ['src/webview/**/*.ts'],
    rules: restrictImports(
      [{ name: 'vscode', message: 'The webview runs in a browser frame: it talks to the extension by messages only.' }],
      [
        { regex: '^(?!\\.)', message: 'The webview imports only src/shared and its own files, no packages.' },
        { group: ['**/core/**', '**/core', '**/host/**', '**/host', '**/features/**', '**/extension', '**/cli'], message: 'The webview imports only src/shared and its own files.' },
      ],
    ),
  },
);
