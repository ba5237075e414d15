// The integration suite's entry point, loaded by VS Code's extension host (code-server or Electron)
// through `extensionTestsPath`. It runs every compiled test/integration/*.test.ts with mocha.
import fs from 'node:fs';
import path from 'node:path';
import type MochaType from 'mocha';

export async function run(): Promise<void> {
  // mocha 12 is an ES module package; its CommonJS build is what the extension host can require.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha: typeof MochaType = require('mocha/lib/mocha.cjs');
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.CORROBORATE_MOCHA_TIMEOUT_MS) || 30_000,
    grep: process.env.CORROBORATE_TEST_GREP || undefined,
  });
  const files = walk(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  if (!files.length) throw new Error(`no compiled integration tests in ${__dirname}`);
  for (const f of files) mocha.addFile(f);

  const { passes, failures } = await new Promise<{ passes: number; failures: number }>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
    } catch (e) {
      reject(e);
    }
  });
  console.log(`integration: ${passes} passed, ${failures} failed`);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  if (passes === 0) throw new Error('no integration test ran');
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
