// No network: during a full session of commands, hovers and the tree, the extension host's ways out
// (net sockets, http/https requests, tls, fetch) are watched; any attempt whose stack passes through
// our bundle (dist/extension.js) fails the test. The index worker's bundle is checked statically by
// test/unit/manifest.test.ts, since a worker thread has its own module instances.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
// The real module objects, shared with every other module of the extension host: `import * as`
// would give a bundler's copy, and patching a copy watches nothing.
/* eslint-disable @typescript-eslint/no-require-imports */
const http = require('node:http') as typeof import('node:http');
const https = require('node:https') as typeof import('node:https');
const net = require('node:net') as typeof import('node:net');
const tls = require('node:tls') as typeof import('node:tls');
/* eslint-enable @typescript-eslint/no-require-imports */
import { extensionRoot, getApi, runSession } from './session';

interface Attempt {
  via: string;
  target: string;
  stack: string;
}

/** Wraps `obj[key]` to record calls; returns the restore function. */
function watch<T extends object>(obj: T, key: keyof T & string, via: string, attempts: Attempt[]): () => void {
  const original = obj[key] as unknown as (...a: unknown[]) => unknown;
  if (typeof original !== 'function') return () => undefined;
  const wrapped = function watched(this: unknown, ...args: unknown[]) {
    attempts.push({ via, target: describeTarget(args), stack: new Error('network attempt').stack ?? '' });
    return original.apply(this, args);
  };
  (obj as Record<string, unknown>)[key] = wrapped;
  return () => {
    (obj as Record<string, unknown>)[key] = original;
  };
}

function describeTarget(args: unknown[]): string {
  const a = args[0];
  if (typeof a === 'string' || a instanceof URL) return String(a);
  if (a && typeof a === 'object') {
    const o = a as Record<string, unknown>;
    return String(o.href ?? o.path ?? `${o.host ?? o.hostname ?? ''}:${o.port ?? ''}`);
  }
  return String(a);
}

describe('no network', () => {
  it('a full session makes no outgoing connection attempt from the extension', async function () {
    this.timeout(180_000);
    const api = await getApi();
    const ours = vscode.Uri.joinPath(extensionRoot(), 'dist').fsPath;
    const attempts: Attempt[] = [];
    const restore = [
      watch(net.Socket.prototype, 'connect', 'net.Socket.connect', attempts),
      watch(net, 'connect', 'net.connect', attempts),
      watch(net, 'createConnection', 'net.createConnection', attempts),
      watch(tls, 'connect', 'tls.connect', attempts),
      watch(http, 'request', 'http.request', attempts),
      watch(http, 'get', 'http.get', attempts),
      watch(https, 'request', 'https.request', attempts),
      watch(https, 'get', 'https.get', attempts),
      watch(globalThis, 'fetch', 'fetch', attempts),
    ];
    // The watches are on the modules everyone shares (guards against a patch that sees nothing).
    for (const [name, key] of [['node:http', 'request'], ['node:https', 'request'], ['node:net', 'connect'], ['node:tls', 'connect']] as const) {
      assert.equal((require(name) as Record<string, { name: string }>)[key].name, 'watched', `${name}.${key} is watched`);
    }
    assert.equal(net.Socket.prototype.connect.name, 'watched');
    try {
      const stats = await runSession(api);
      assert.ok(stats.commands.length > 5 && stats.hovers > 0, 'the session did real work');
      // Re-index from disk too: reading files, the worker and the cache are all on that path.
      await vscode.commands.executeCommand('corroborate.reindex');
    } finally {
      for (const r of restore) r();
    }
    const fromUs = attempts.filter((a) => a.stack.includes(ours));
    assert.deepEqual(
      fromUs.map((a) => `${a.via} ${a.target}\n${a.stack.split('\n').slice(1, 8).join('\n')}`),
      [],
      'outgoing connection attempts from the extension',
    );
  });
});
