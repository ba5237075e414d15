// Bundles the extension and the CLI. Type-checking is separate (`npm run typecheck`).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// The NLP libraries (compromise, chrono-node) are two thirds of the code: they get a bundle of their own,
// dist/nlpLibs.js, which src/core/lazyLibs.ts requires on the first analysis. Activation then parses
// only the extension's own code.
const nlpLibsApart = {
  name: 'nlp-libs-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/nlpLibs$/ }, (args) => (args.importer.endsWith('lazyLibs.ts') ? { path: './nlpLibs.js', external: true } : undefined));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  plugins: [nlpLibsApart],
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // Indexing runs in a worker thread so the extension host stays responsive (src/core/indexWorker.ts).
  { ...common, entryPoints: ['src/core/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
  { ...common, entryPoints: ['src/core/nlpLibs.ts'], outfile: 'dist/nlpLibs.js' },
];

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
