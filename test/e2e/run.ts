// End-to-end through the packaged VSIX: install corroborate.vsix into code-server, open a temp copy of
// the seeds in headless Chromium, and run the steps a user would. Screenshots: test-results/e2e/.
// Usage: npm run test:e2e   (packages first), or: tsx test/e2e/run.ts [--grep <text>]
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, cleanup, codeServerCli, fail, launchChromium, log, outerTimeout, seedsWorkspace, startCodeServer, tempDir, timeoutMs, type CodeServer } from '../../scripts/test-host/host';
import type { StepContext } from './step';
import { steps } from './steps';
import { Workbench } from './ui';

const VSIX = path.join(ROOT, 'corroborate.vsix');
const SHOTS = path.join(ROOT, 'test-results', 'e2e');

async function main() {
  if (!fs.existsSync(VSIX)) fail('corroborate.vsix is missing; run: npm run package');
  const grepAt = process.argv.indexOf('--grep');
  const grep = grepAt > 0 ? process.argv[grepAt + 1] : process.env.CORROBORATE_E2E_GREP;
  const selected = steps.filter((s) => !grep || s.name.includes(grep));

  const tmp = tempDir('e2e');
  const dirs = { userData: path.join(tmp, 'user-data'), extensions: path.join(tmp, 'extensions'), config: path.join(tmp, 'code-server', 'config.yaml') };
  let server: CodeServer | undefined;
  const stopAll = async () => {
    await server?.stop();
    cleanup(tmp);
  };
  outerTimeout(timeoutMs(900), 'the e2e test', stopAll);

  fs.mkdirSync(path.dirname(dirs.config), { recursive: true });
  fs.writeFileSync(dirs.config, 'auth: none\n');
  const install = codeServerCli(['--install-extension', VSIX, '--force'], dirs);
  if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
    await stopAll();
    fail(`code-server --install-extension ${path.basename(VSIX)} failed:\n${install.stdout}${install.stderr}`);
  }
  log(`installed ${path.basename(VSIX)} into a throwaway extensions dir`);

  const workspace = seedsWorkspace(tmp);
  server = await startCodeServer({ workspace, ...dirs, quiet: true });
  log(`code-server ready at ${server.url}; workspace ${workspace}`);

  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  const ui = new Workbench(page);

  const seedFiles = fs.readdirSync(path.join(workspace, 'seeds'));
  let shotNo = 0;
  const shoot = async (label: string) => {
    const file = path.join(SHOTS, `${String(++shotNo).padStart(2, '0')}-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60)}.png`);
    await page.screenshot({ path: file }).catch(() => undefined);
    return path.relative(ROOT, file);
  };
  const ctx: StepContext = {
    page,
    ui,
    screenshot: async (label) => void (await shoot(label)),
    seed(prefix) {
      const name = seedFiles.find((f) => f.startsWith(prefix));
      if (!name) throw new Error(`no seed file starts with ${prefix}`);
      return { name, text: fs.readFileSync(path.join(workspace, 'seeds', name), 'utf8') };
    },
  };

  let passed = 0;
  const failed: string[] = [];
  for (const step of selected) {
    const t0 = Date.now();
    let error: unknown;
    try {
      await withTimeout(step.run(ctx), step.timeoutMs ?? 60_000, step.name);
    } catch (e) {
      error = e;
    }
    const shot = await shoot(step.name);
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    if (!error) {
      passed++;
      console.log(`  ✔ ${step.name} (${secs} s) [${shot}]`);
    } else {
      failed.push(step.name);
      console.log(`  ✘ ${step.name} (${secs} s) [${shot}]`);
      console.log(`      ${step.feature ? `needs ${step.feature}: ` : ''}${error instanceof Error ? error.message : String(error)}`);
    }
    await ui.dismiss().catch(() => undefined);
  }

  await browser.close().catch(() => undefined);
  await stopAll();
  console.log(`\nscreenshots: ${path.relative(ROOT, SHOTS)}/`);
  console.log(`e2e: ${passed} passed, ${failed.length} failed`);
  process.exit(failed.length || !selected.length ? 1 : 0);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`"${what}" took longer than ${ms / 1000} s`)), ms))),
  ]);
}

main().catch((e) => fail(e instanceof Error ? e.stack ?? e.message : String(e)));
