// Bundles the extension host code, the CLI and the webview scripts.
// `--production` minifies without source maps; `--watch` rebuilds and logs the lines the
// `esbuild-problem-matchers`-style task in .vscode/tasks.json waits for.
const { readdirSync, rmSync } = require('node:fs');
const esbuild = require('esbuild');
const { version } = require('./package.json');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** Logs start and end of each build in the format VS Code background tasks match. */
const problemMatcherLog = {
  name: 'problem-matcher-log',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcherLog],
  define: { GROWTH_JOURNAL_VERSION: JSON.stringify(version) },
};

const node = { platform: 'node', format: 'cjs', target: 'node20' };

/** One entry per bundle; the webview bundles join this list as their features arrive. */
const builds = [
  { ...common, ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, ...node, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js' },
  // Reads and parses journals off the extension host's thread (src/host/journal/engine.ts).
  { ...common, ...node, entryPoints: ['src/host/journal/worker.ts'], outfile: 'dist/journalWorker.js' },
  // The journal engine on the extension host's thread, loaded only when the worker cannot start (src/host/journal/store.ts).
  { ...common, ...node, entryPoints: ['src/host/journal/inProcessEngine.ts'], outfile: 'dist/inProcessEngine.js' },
  // The ladder importer and its Markdown parser, loaded on the first import (src/host/workspace/ladderImporter.ts).
  { ...common, ...node, entryPoints: ['src/core/rubric/ladderImport/index.ts'], outfile: 'dist/ladderImport.js' },
  // The self-review's document, merge and draft checks, loaded on first use (src/host/workspace/selfReview.ts).
  { ...common, ...node, entryPoints: ['src/core/reports/selfReview.ts'], outfile: 'dist/selfReview.js' },
  // The comparison webview runs in the browser: no Node, no vscode module.
  { ...common, entryPoints: ['src/webview/compare/main.ts'], outfile: 'dist/webview/compare.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

// The integration suite runs inside the extension host: its index and every test/integration/*.test.ts,
// found by name, each bundled on its own (the index hands them to mocha). Mocha stays external so
// it loads from node_modules and every test file sees the same describe/it.
const integrationTests = readdirSync('test/integration').filter((f) => f.endsWith('.test.ts')).map((f) => `test/integration/${f}`);
const testBuilds = [
  { ...common, ...node, minify: false, sourcemap: 'inline', entryPoints: ['test/integration/index.ts', ...integrationTests], outdir: 'out/test/integration', external: ['vscode', 'mocha'] },
  // `npm run bench` times a cold load of a large journal inside the extension host.
  { ...common, ...node, minify: false, sourcemap: 'inline', entryPoints: ['bench/host/responsiveness.ts'], outfile: 'out/bench/responsiveness.js', external: ['vscode'] },
];

async function main() {
  // A test file deleted from test/integration must not keep running from an old bundle.
  if (tests) rmSync('out/test/integration', { recursive: true, force: true });
  const contexts = await Promise.all((tests ? testBuilds : builds).map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  try {
    // Errors are already printed by the plugin; only the exit code is left to set.
    const results = await Promise.all(contexts.map((ctx) => ctx.rebuild().then(() => true, () => false)));
    if (results.includes(false)) process.exitCode = 1;
  } finally {
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
