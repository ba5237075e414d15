// A stand-in for the `vscode` module, only for timing activate() in the benchmark. Anything the
// extension touches answers with a harmless stub: registrations return disposables, events return
// subscribe functions, and nothing is ever found on disk, so activation does its real work minus VS Code.
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';

type AnyFn = (...args: unknown[]) => unknown;

/** A value that can be called, constructed, and read at any depth without throwing. */
function stub(name: string): unknown {
  const cache = new Map<PropertyKey, unknown>();
  const target = function () {} as unknown as AnyFn;
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then') return undefined; // not a promise
      if (prop === Symbol.toPrimitive) return () => 0;
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.hasInstance) return () => false;
      if (prop === 'dispose') return () => {};
      if (prop === 'length') return 0;
      if (!cache.has(prop)) cache.set(prop, stub(`${name}.${String(prop)}`));
      return cache.get(prop);
    },
    set(_t, prop, value) {
      cache.set(prop, value);
      return true;
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`) as object,
  });
}

class Disposable {
  constructor(private readonly fn: () => void = () => {}) {}
  static from(...ds: { dispose(): unknown }[]) {
    return new Disposable(() => ds.forEach((d) => d.dispose()));
  }
  dispose() {
    this.fn();
  }
}

class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (l: (e: T) => void) => {
    this.listeners.push(l);
    return new Disposable(() => (this.listeners = this.listeners.filter((x) => x !== l)));
  };
  fire(e: T) {
    for (const l of this.listeners) l(e);
  }
  dispose() {
    this.listeners = [];
  }
}

class Uri {
  constructor(readonly scheme: string, readonly fsPath: string) {}
  get path() {
    return this.fsPath;
  }
  static file(p: string) {
    return new Uri('file', p);
  }
  static parse(s: string) {
    return new Uri('file', s.replace(/^file:\/\//, ''));
  }
  static joinPath(base: Uri, ...parts: string[]) {
    return new Uri(base.scheme, path.join(base.fsPath, ...parts));
  }
  with() {
    return this;
  }
  toString() {
    return `${this.scheme}://${this.fsPath}`;
  }
}

const event = () => new Disposable();

function exportedNames(root: string): string[] {
  const dts = fs.readFileSync(require.resolve('@types/vscode/index.d.ts', { paths: [root] }), 'utf8');
  return [...new Set([...dts.matchAll(/^\s{1,4}export (?:namespace|class|enum|const|function|let) (\w+)/gm)].map((m) => m[1]))];
}

export function makeFakeVscode(extensionPath: string) {
  const base = {
    Disposable,
    EventEmitter,
    Uri,
    Position: class { constructor(readonly line: number, readonly character: number) {} },
    Range: class { constructor(readonly start: unknown, readonly end: unknown) {} },
    Location: class { constructor(readonly uri: unknown, readonly range: unknown) {} },
    MarkdownString: class { value = ''; isTrusted: unknown; supportThemeIcons = false; appendText(t: string) { this.value += t; return this; } appendMarkdown(t: string) { this.value += t; return this; } },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    window: new Proxy({
      createOutputChannel: () => stub('output'),
      createStatusBarItem: () => stub('statusBarItem'),
      withProgress: async (_o: unknown, task: (p: unknown, t: unknown) => Promise<unknown>) => task({ report() {} }, stub('token')),
      showWarningMessage: async () => undefined,
      showInformationMessage: async () => undefined,
      showErrorMessage: async () => undefined,
      onDidChangeActiveTextEditor: event,
      onDidChangeVisibleTextEditors: event,
      onDidChangeTextEditorSelection: event,
      visibleTextEditors: [],
      activeTextEditor: undefined,
    }, { get: (t, p) => (p in t ? (t as Record<PropertyKey, unknown>)[p] : stub(`window.${String(p)}`)) }),
    workspace: new Proxy({
      workspaceFolders: undefined,
      textDocuments: [],
      getConfiguration: () => ({ get: (_k: string, d: unknown) => d, has: () => false, inspect: () => undefined, update: async () => {} }),
      findFiles: async () => [],
      createFileSystemWatcher: () => stub('watcher'),
      onDidChangeTextDocument: event,
      onDidOpenTextDocument: event,
      onDidCloseTextDocument: event,
      onDidSaveTextDocument: event,
      onDidChangeConfiguration: event,
      onDidChangeWorkspaceFolders: event,
      asRelativePath: (u: { fsPath?: string } | string) => (typeof u === 'string' ? u : u.fsPath ?? ''),
      getWorkspaceFolder: () => undefined,
      fs: stub('workspace.fs'),
    }, { get: (t, p) => (p in t ? (t as Record<PropertyKey, unknown>)[p] : stub(`workspace.${String(p)}`)) }),
  };
  // Bundles copy the module's own properties (esbuild's __toESM), so every exported name must be
  // a real property: take the names from the API's type declarations.
  const all: Record<string, unknown> = { ...base };
  for (const name of exportedNames(extensionPath)) if (!(name in all)) all[name] = stub(`vscode.${name}`);
  const vscode = new Proxy(all, { get: (t, p) => (p in t ? t[p as string] : stub(`vscode.${String(p)}`)) });
  const context = {
    subscriptions: [] as { dispose(): unknown }[],
    extensionPath,
    extensionUri: Uri.file(extensionPath),
    storageUri: undefined,
    globalStorageUri: Uri.file('/nonexistent'),
    workspaceState: { get: (_k: string, d?: unknown) => d, update: async () => {}, keys: () => [] },
    globalState: { get: (_k: string, d?: unknown) => d, update: async () => {}, keys: () => [], setKeysForSync() {} },
    extension: { packageJSON: { version: '0.0.0-bench' } },
    asAbsolutePath: (p: string) => path.join(extensionPath, p),
    logUri: Uri.file('/nonexistent'),
    extensionMode: 1,
  };
  return { vscode, context };
}

/** Makes `require('vscode')` return `fake` from now on in this process. */
export function interceptVscode(fake: unknown): void {
  const M = Module as unknown as { _resolveFilename: (req: string, ...rest: unknown[]) => string };
  const real = M._resolveFilename;
  M._resolveFilename = function (req: string, ...rest: unknown[]) {
    return req === 'vscode' ? 'vscode' : real.call(this, req, ...rest);
  };
  require.cache['vscode'] = { id: 'vscode', filename: 'vscode', loaded: true, exports: fake } as NodeJS.Module;
}
