// The code-server test host: VS Code's real workbench and extension host, from the npm registry,
// driven by Debian's Chromium. Used by the integration runner, the e2e test and `npm start`.
// See ../../docs/readme/testing.md. Nothing here downloads a browser or a VS Code build.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = '24';
const CACHE = path.join(ROOT, '.vscode-test');
const CODE_SERVER_PREFIX = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
const NODE_PREFIX = path.join(CACHE, `node-${NODE_MAJOR}`);
const NODE_PACKAGE = `node-${process.platform}-${process.arch}`;
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const log = (msg: string) => console.log(`[test-host] ${msg}`);

/** Stops the whole run with one line that says what to do. */
export function fail(msg: string): never {
  console.error(`[test-host] ERROR: ${msg}`);
  process.exit(1);
}

function npmInstall(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): boolean {
  // --ignore-scripts: code-server's native modules are optional for tests and would need a compiler and
  // kerberos headers; VS Code runs without them (see isNoise below for what that leaves in the log).
  const r = spawnSync('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit', cwd, env });
  return r.status === 0;
}

/** Installs one npm package into its own prefix under .vscode-test (never the project's node_modules). */
function npmInstallInto(prefix: string, spec: string, marker: string, after?: () => boolean) {
  if (fs.existsSync(marker)) return;
  log(`installing ${spec} into ${path.relative(ROOT, prefix)} (once; later runs reuse it)`);
  const t0 = Date.now();
  fs.rmSync(prefix, { recursive: true, force: true }); // a half install from an interrupted run
  fs.mkdirSync(prefix, { recursive: true });
  const ok = npmInstall(['install', '--prefix', prefix, spec, '--no-save'], prefix) && (!after || after());
  if (!ok) {
    fs.rmSync(prefix, { recursive: true, force: true }); // never leave a half install that looks cached
    fail(`could not install ${spec} from the npm registry into ${prefix}; check npm's access to the registry and run the tests again`);
  }
  fs.writeFileSync(marker, `${spec} installed ${new Date().toISOString()}\n`);
  log(`installed ${spec} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

/** Node 24 (code-server 4.139 needs it) and code-server, cached in .vscode-test. */
export function ensureCodeServer(): { node: string; entry: string; nodeBin: string } {
  const nodeBin = path.join(NODE_PREFIX, 'node_modules', NODE_PACKAGE, 'bin');
  const node = path.join(nodeBin, 'node');
  npmInstallInto(NODE_PREFIX, `${NODE_PACKAGE}@${NODE_MAJOR}`, path.join(NODE_PREFIX, '.complete'));
  const pkg = path.join(CODE_SERVER_PREFIX, 'node_modules', 'code-server');
  const entry = path.join(pkg, 'out', 'node', 'entry.js');
  npmInstallInto(CODE_SERVER_PREFIX, `code-server@${CODE_SERVER_VERSION}`, path.join(CODE_SERVER_PREFIX, '.complete'), () => {
    // What code-server's skipped postinstall does: install VS Code's own dependencies, with Node 24.
    const env = { ...process.env, PATH: `${nodeBin}${path.delimiter}${process.env.PATH ?? ''}` };
    return (
      npmInstall(['install', '--omit=dev'], path.join(pkg, 'lib', 'vscode'), env) &&
      npmInstall(['install', '--omit=dev'], path.join(pkg, 'lib', 'vscode', 'extensions'), env)
    );
  });
  return { node, entry, nodeBin };
}

/** Debian's chromium: installed with apt-get when we are root, otherwise one line saying what to run. */
export function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || process.env.CHROMIUM_PATH) fail(`no browser at ${CHROMIUM}; run: sudo apt-get update && sudo apt-get install -y chromium`);
  log('installing Debian chromium with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env }) : update;
  if (install.status !== 0 || !fs.existsSync(CHROMIUM)) fail('could not install chromium; run: apt-get update && apt-get install -y chromium');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A throwaway folder under the OS temp dir, removed by cleanup(). */
export function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `corroborate-${label}-`));
}

/**
 * A fresh copy of the sample corpus, so tests never touch the real seeds. The workspace folder holds
 * `seeds/` (as a clone of the project does), which the default `corroborate.articles.include` globs match.
 */
export function seedsWorkspace(parent: string): string {
  const ws = path.join(parent, 'workspace');
  fs.cpSync(path.join(ROOT, 'seeds'), path.join(ws, 'seeds'), { recursive: true });
  return ws;
}

export interface CodeServer {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** code-server's CLI with Node 24, for one-off commands such as --install-extension. */
export function codeServerCli(args: string[], dirs: { userData: string; extensions: string; config: string }) {
  const { node, entry, nodeBin } = ensureCodeServer();
  return spawnSync(node, [entry, '--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, ...args], {
    encoding: 'utf8',
    env: serverEnv(nodeBin, dirs.config),
  });
}

function serverEnv(nodeBin: string, config: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${nodeBin}${path.delimiter}${process.env.PATH ?? ''}` };
  // Keep code-server's own files (config, coder-logs) out of the user's home.
  env.XDG_CONFIG_HOME = path.join(path.dirname(config), 'xdg-config');
  env.XDG_DATA_HOME = path.join(path.dirname(config), 'xdg-data');
  delete env.VSCODE_IPC_HOOK_CLI; // a terminal inside VS Code must not redirect us to its window
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

/**
 * Starts code-server on a free loopback port with no auth, no telemetry and no update check,
 * with the smoke-test driver that makes the `payload` URL run an extension test module.
 */
export async function startCodeServer(opts: {
  workspace?: string;
  userData: string;
  extensions: string;
  config: string;
  port?: number;
  quiet?: boolean;
}): Promise<CodeServer> {
  const { node, entry, nodeBin } = ensureCodeServer();
  const port = opts.port ?? (await freePort());
  fs.mkdirSync(path.dirname(opts.config), { recursive: true });
  fs.writeFileSync(opts.config, 'auth: none\n');
  writeUserSettings(opts.userData);
  const args = [
    entry,
    '--config', opts.config,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', opts.userData,
    '--extensions-dir', opts.extensions,
    '--vscode-option', 'enable-smoke-test-driver',
    ...(opts.workspace ? [opts.workspace] : []),
  ];
  const child = spawn(node, args, { env: serverEnv(nodeBin, opts.config), stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    output.push(text);
    if (!opts.quiet && text.trim() && !isNoise(text)) process.stdout.write(text.replace(/^(?=.)/gm, '[code-server] '));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) fail(`code-server exited at start:\n${output.join('')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      fail(`code-server did not answer on ${url} within 60 s:\n${output.join('')}`);
    }
    if (await healthy(url)) break;
    await sleep(250);
  }
  return {
    url,
    port,
    process: child,
    async stop() {
      // Kill by pid only: code-server stops its extension host and watchers on SIGTERM.
      if (exited || !child.pid) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        return; // already gone
      }
      if (await Promise.race([gone.then(() => true), sleep(5000).then(() => false)])) return;
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        /* exited meanwhile */
      }
    },
  };
}

/** User settings for a quiet, offline workbench: no chat side bar, welcome page, updates or telemetry. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
};

function writeUserSettings(userData: string) {
  const file = path.join(userData, 'User', 'settings.json');
  if (fs.existsSync(file)) return; // npm start keeps the user's own changes
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(USER_SETTINGS, null, 2) + '\n');
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function launchChromium(): Promise<Browser> {
  ensureChromium();
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Log messages that are expected here and say nothing about our extension: the marketplace, chat,
 * copilot and GitHub look-ups that fail offline, update/telemetry endpoints, connection chatter, and
 * the native modules (spdlog, sqlite3, watchdog, pty) that the cached install leaves unbuilt on purpose
 * (--ignore-scripts; VS Code falls back without them). A message that names our extension is kept.
 */
const NOISE = [
  /marketplace|gallery|extensionsGallery|vscode-unpkg|open-vsx|openvsx/i,
  /\bchat\b|copilot|languageModel|ChatAgent|chatEntitlement|chatSession|\bmcp\b|AgentHost|agentHost|AccountPolicyGate/i,
  /No signed-in session|authentication provider|api\.github\.com|github\.com/i,
  /update\.code\.visualstudio|vscode-update|telemetry|experiment|assignment|tas-client/i,
  /ENOTFOUND|EAI_AGAIN|getaddrinfo|Failed to fetch|net::ERR_|Failed to load resource/i,
  /Could not locate the bindings file|build\/Release\/|vscode-sqlite3|spdlog|native-watchdog|node-pty|kerberos/i,
  /Resolving connection token|Resolved connection token|Creating a socket|reconnection-grace-time|\[Service Worker\]|Updating additional builtin extensions cache/i,
  /Settings Sync|userDataSync|Ignoring the error while validating workspace folder|Creation of workbench contribution/i,
];

/** True when a log message (judged by its first line) is known noise and does not concern our extension. */
export function isNoise(message: string): boolean {
  if (message.includes(path.join(ROOT, 'dist')) || message.includes(path.join(ROOT, 'out')) || /corroborate\.corroborate|\[Corroborate\]/i.test(message)) return false;
  const first = message.split('\n', 1)[0];
  return NOISE.some((re) => re.test(first));
}

export function cleanup(dir: string) {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    /* a leftover temp dir is harmless */
  }
}

/** Turns a hang into a failure with a clear message, whatever the step. */
export function outerTimeout(ms: number, what: string, onTimeout: () => Promise<void> | void): NodeJS.Timeout {
  const t = setTimeout(() => {
    console.error(`[test-host] ERROR: ${what} did not finish within ${Math.round(ms / 1000)} s; stopping code-server and failing (set CORROBORATE_TEST_TIMEOUT_S to change the limit).`);
    void Promise.race([Promise.resolve().then(onTimeout), sleep(10_000)]).finally(() => process.exit(124));
  }, ms);
  t.unref();
  return t;
}

export function timeoutMs(defaultSeconds: number): number {
  const s = Number(process.env.CORROBORATE_TEST_TIMEOUT_S);
  return (Number.isFinite(s) && s > 0 ? s : defaultSeconds) * 1000;
}
