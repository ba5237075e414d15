// Times loading dist/extension.js and activate() with a fake `vscode` module. bench/run.ts bundles
// this file and runs it with plain node, so no TypeScript loader slows the require being timed.
// Usage: node activation.js <out.json> <extension root>
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { interceptVscode, makeFakeVscode } from './fakeVscode';

const [outFile, root] = process.argv.slice(2);
const { vscode, context } = makeFakeVscode(root);
interceptVscode(vscode);
const bundle = path.join(root, 'dist', 'extension.js');
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const ext = require(bundle) as { activate(c: unknown): unknown };
const t1 = performance.now();
ext.activate(context);
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
fs.writeFileSync(outFile, JSON.stringify({
  bundleBytes: fs.statSync(bundle).size,
  workerBytes: fs.statSync(path.join(root, 'dist', 'indexWorker.js')).size,
  // compromise and chrono-node: a bundle of their own, required on the first analysis (src/core/lazyLibs.ts).
  nlpLibsBytes: fs.existsSync(path.join(root, 'dist', 'nlpLibs.js')) ? fs.statSync(path.join(root, 'dist', 'nlpLibs.js')).size : 0,
  loadMs: t1 - t0,
  activateMs: t2 - t1,
  cpuMs: (cpu.user + cpu.system) / 1000,
}));
process.exit(0); // activation scheduled indexing; do not let it run
