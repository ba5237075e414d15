// Compiles the integration suite for the extension host: test/integration/index.ts and every
// test/integration/**/*.test.ts to out/test/integration/*.js (vscode and mocha stay external).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const dir = 'test/integration';
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
const entryPoints = [path.join(dir, 'index.ts'), ...walk(dir).filter((f) => f.endsWith('.test.ts'))];
const outdir = 'out/test/integration';
fs.rmSync(outdir, { recursive: true, force: true }); // no stale tests from deleted files

await esbuild.build({
  entryPoints,
  outdir,
  outbase: dir,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  external: ['vscode', 'mocha', 'mocha/*'],
});
console.log(`build-tests: ${entryPoints.length - 1} integration test file(s) -> ${outdir}`);
