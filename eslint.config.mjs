// Lint, and the layers of DESIGN.md as import rules: src/core is pure (no vscode, no Node
// built-ins), no feature imports another feature, and the webview imports only src/shared.
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
  {
    files: ['src/core/**/*.ts'],
    rules: restrictImports(
      [
        { name: 'vscode', message: 'src/core is pure: VS Code glue belongs in src/features or src/host.' },
        ...nodeBuiltins.map((name) => ({ name, message: 'src/core is pure: file system, processes and the like belong in src/host.' })),
      ],
      [{ group: ['**/host/**', '**/features/**', '**/webview/**', '**/extension', '**/cli'], message: 'src/core imports only src/core and src/shared.' }],
    ),
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
