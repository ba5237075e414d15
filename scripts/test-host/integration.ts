// Runs the integration suite (out/test/integration/index.js) inside code-server's real extension host.
// Usage: tsx scripts/test-host/integration.ts   (npm run test:integration builds first)
// The exit code is the suite's: 0 when every test passed.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import type { Browser } from 'playwright-core';
import { ROOT, cleanup, ensureCodeServer, fail, isNoise, launchChromium, log, outerTimeout, seedsWorkspace, startCodeServer, tempDir, timeoutMs, type CodeServer } from './host';

const TEST_INDEX = path.join(ROOT, 'out', 'test', 'integration', 'index.js');

async function main() {
  if (!fs.existsSync(TEST_INDEX)) fail(`${path.relative(ROOT, TEST_INDEX)} is missing; run: npm run build:tests`);
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) fail('dist/extension.js is missing; run: npm run build');

  const tmp = tempDir('integration');
  const workspace = seedsWorkspace(tmp);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const stopAll = async () => {
    await server?.stop();
    cleanup(tmp);
  };
  const limit = timeoutMs(600);
  outerTimeout(limit, 'the integration suite', stopAll);

  ensureCodeServer(); // installs into the cache on the first run only
  const t0 = Date.now();
  server = await startCodeServer({
    workspace,
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    config: path.join(tmp, 'code-server', 'config.yaml'),
    quiet: !process.env.CORROBORATE_DEBUG,
  });
  log(`code-server ready at ${server.url} in ${((Date.now() - t0) / 1000).toFixed(1)} s; workspace ${workspace}`);

  const remote = (p: string) => `vscode-remote://127.0.0.1:${server!.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(TEST_INDEX)],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  browser = await launchChromium();
  const page = await browser.newPage();
  const exit = new Promise<{ code: number; logs: { relativePath: string; contents: string }[] }>((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code: number, logs?: { relativePath: string; contents: string }[]) => resolve({ code, logs: logs ?? [] }));
  });
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => printLog(type, args));
  page.on('pageerror', (e) => {
    if (!isNoise(e.message)) console.error(`[page] ${e.message}`);
  });
  if (process.env.CORROBORATE_DEBUG) {
    page.on('console', (m) => console.log(`[console.${m.type()}] ${m.text()}`));
    setTimeout(() => void page.screenshot({ path: path.join(ROOT, 'test-results', 'integration-debug.png') }), 20_000);
  }
  await page.goto(url);
  const { code, logs } = await exit;

  if (code !== 0) {
    // The extension host's own log holds the stack of an activation failure; show our part of it.
    for (const l of logs.filter((l) => /exthost|remoteexthost/i.test(l.relativePath))) {
      const ours = l.contents.split('\n').filter((line) => /corroborate|\[error\]/i.test(line) && !isNoise(line));
      if (ours.length) console.error(`--- ${l.relativePath} (our lines)\n${ours.join('\n')}`);
    }
  }
  log(`integration suite ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await browser.close().catch(() => undefined);
  await stopAll();
  process.exit(code);
}

/** The extension host's console, minus the offline noise; messages about our extension are always kept. */
function printLog(type: string, args: unknown) {
  const parts = Array.isArray(args) ? args : [args];
  // The console forwards printf-style arguments (mocha's reporter uses '%s' and '%d').
  const text = format(...parts);
  if (!text.trim() || isNoise(text)) return;
  if (type === 'error') console.error(text);
  else console.log(text);
}

main().catch((e) => fail(e instanceof Error ? e.stack ?? e.message : String(e)));
