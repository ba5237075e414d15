// The manifest declares limited mode honestly, and the shipped bundles hold no network code:
// the extension host, the CLI and the index worker (a worker thread the network test cannot patch).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('manifest: limited mode', () => {
  it('supports untrusted workspaces (no setting is dangerous to read from an untrusted folder)', () => {
    const u = pkg.capabilities?.untrustedWorkspaces;
    assert.ok(u, 'capabilities.untrustedWorkspaces is declared');
    assert.ok(u.supported === true || u.supported === 'limited', `supported is ${u.supported}`);
    if (u.supported === 'limited') assert.ok(u.description, 'a limited mode says what is limited');
  });

  it('declares virtual workspace support', () => {
    const v = pkg.capabilities?.virtualWorkspaces;
    assert.ok(v === true || (v && (v.supported === true || v.supported === 'limited')), 'capabilities.virtualWorkspaces is declared');
    if (v?.supported === 'limited') assert.ok(v.description);
  });

  it('asks for no activation on startup, so an untrusted window with no articles runs none of our code', () => {
    assert.ok(!pkg.activationEvents.includes('*') && !pkg.activationEvents.includes('onStartupFinished'));
  });

  it('has no runtime dependency that talks to the network', () => {
    const deps = Object.keys(pkg.dependencies ?? {});
    for (const d of deps) assert.doesNotMatch(d, /^(axios|node-fetch|undici|got|request|ws|socket\.io|@vscode\/extension-telemetry|applicationinsights)/, d);
  });
});

describe('bundles: no network code', function () {
  this.timeout(60_000);
  before(() => execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' }));

  for (const bundle of ['extension.js', 'indexWorker.js', 'cli.js', 'nlpLibs.js']) {
    it(`dist/${bundle} requires no network module and calls no fetch`, function () {
      const file = path.join(root, 'dist', bundle);
      if (!fs.existsSync(file)) this.skip(); // that bundle is not built on this branch
      const code = fs.readFileSync(file, 'utf8');
      const requires = [...code.matchAll(/require\(\s*["'](?:node:)?(http|https|http2|net|tls|dgram|dns|undici|child_process)["']\s*\)/g)].map((m) => m[1]);
      assert.deepEqual(requires, [], `network or process modules required by ${bundle}`);
      assert.doesNotMatch(code, /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\s*\(/, `${bundle} calls fetch/XHR/WebSocket`);
    });
  }
});
