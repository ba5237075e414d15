// Keeps the core Corpus in step with the workspace: finds article files, reads them through
// VS Code's file system API, re-indexes one article per change, and reports what it skipped.
// No analysis logic lives here; it only moves text into the Corpus.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Corpus } from '../core/corpus';
import { decodeArticleBytes } from '../core/decode';
import { IndexWorkerClient, SETTLE_SLICE_MS, forEachSliced, preloadLibraries, settleCadence, settleSliced } from '../core/indexClient';
import type { IndexJob, IndexResult } from '../core/indexProtocol';

const DEBOUNCE_MS = 100;
const CACHE_FILE = 'analysis-cache.bin';

export interface SkippedFile {
  uri: vscode.Uri;
  reason: string;
}

export class CorpusService implements vscode.Disposable {
  readonly corpus = new Corpus();
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private changeTimer: NodeJS.Timeout | undefined;
  private generation = 0;
  private resolveReady!: () => void;
  /** Resolves when the first full index has finished. */
  readonly ready = new Promise<void>((r) => (this.resolveReady = r));
  readonly skipped = new Map<string, SkippedFile>();
  indexing = false;
  private worker: IndexWorkerClient | undefined;
  private workerBroken = false;
  private toldMaxFiles = false;
  /** Fires (debounced) after the corpus changed. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly context: vscode.ExtensionContext, private readonly output: vscode.LogOutputChannel) {
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.onDidChangeTextDocument((e) => this.scheduleDocument(e.document)),
      vscode.workspace.onDidOpenTextDocument((d) => this.scheduleDocument(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('corroborate.articles')) void this.indexWorkspace();
      }),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => this.scheduleFile(u)),
      watcher.onDidChange((u) => this.scheduleFile(u)),
      watcher.onDidDelete((u) => this.removeUri(u)),
    );
  }

  dispose() {
    this.worker?.dispose();
    for (const t of this.timers.values()) clearTimeout(t);
    if (this.changeTimer) clearTimeout(this.changeTimer);
    for (const d of this.disposables) d.dispose();
  }

  private config() {
    const c = vscode.workspace.getConfiguration('corroborate.articles');
    return {
      include: c.get<string[]>('include', []),
      exclude: c.get<string[]>('exclude', []),
      maxBytes: c.get<number>('maxFileSizeKB', 2048) * 1024,
      maxFiles: c.get<number>('maxFiles', 20000),
    };
  }

  /** The article id of a URI: its workspace-relative path with forward slashes. */
  idOf(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  uriOf(id: string): vscode.Uri | undefined {
    return this.uris.get(id);
  }

  /** The indexed article id of a document, or undefined when it is not an article. */
  articleIdOf(doc: vscode.TextDocument | vscode.Uri): string | undefined {
    const uri = doc instanceof vscode.Uri ? doc : doc.uri;
    const id = this.idOf(uri);
    return this.uris.has(id) && this.corpus.get(id) ? id : undefined;
  }

  isArticleUri(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote' && uri.scheme !== 'untitled' && !vscode.workspace.getWorkspaceFolder(uri)) return false;
    const { include, exclude } = this.config();
    const rel = this.idOf(uri);
    if (exclude.some((g) => globMatch(g, rel))) return false;
    // Globs also match with the workspace folder's own name in front, so opening a folder named
    // "seeds" or "articles" itself works like opening its parent.
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const paths = folder ? [rel, `${folder.name}/${vscode.workspace.asRelativePath(uri, false)}`] : [rel];
    return include.some((g) => paths.some((p) => globMatch(g, p)));
  }

  /** Workspace folders whose own name makes an include glob match (e.g. a folder opened as "seeds"). */
  private foldersMatchedByName(include: string[]): vscode.WorkspaceFolder[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) =>
      include.some((g) => ['txt', 'md', 'article', 'news'].some((ext) => globMatch(g, `${f.name}/probe.${ext}`))),
    );
  }

  /** Finds and indexes every article of the workspace, in slices that keep the host responsive. */
  async indexWorkspace(): Promise<void> {
    const gen = ++this.generation;
    const { include, exclude, maxBytes, maxFiles } = this.config();
    this.indexing = true;
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Corroborate: indexing articles', cancellable: false },
        async (progress) => {
          const excludeGlob = exclude.length ? `{${exclude.join(',')}}` : undefined;
          const found = new Map<string, vscode.Uri>();
          for (const g of include) {
            for (const u of await vscode.workspace.findFiles(g, excludeGlob, maxFiles + 1)) found.set(u.toString(), u);
          }
          for (const f of this.foldersMatchedByName(include)) {
            for (const u of await vscode.workspace.findFiles(new vscode.RelativePattern(f, '**/*'), excludeGlob, maxFiles * 4)) {
              if (this.isArticleUri(u)) found.set(u.toString(), u);
            }
          }
          let files = [...found.values()].sort((a, b) => (a.fsPath < b.fsPath ? -1 : 1));
          if (files.length > maxFiles) {
            const msg = `${files.length > maxFiles + 1 ? 'More than ' + maxFiles : files.length} article files found; only the first ${maxFiles} are indexed (setting corroborate.articles.maxFiles).`;
            this.output.warn(msg);
            if (!this.toldMaxFiles) void vscode.window.showWarningMessage(`Corroborate: ${msg}`);
            this.toldMaxFiles = true;
            files = files.slice(0, maxFiles);
          }
          const keep = new Set(files.map((u) => this.idOf(u)));
          for (const id of [...this.uris.keys()]) if (!keep.has(id)) this.forget(id);
          for (const id of [...this.skipped.keys()]) if (!keep.has(id)) this.skipped.delete(id);
          const worker = this.startWorker(maxBytes);
          if (worker && (await this.indexInWorker(worker, files, gen, (done) => progress.report({ message: `${done}/${files.length}` })))) return;
          let sliceStart = Date.now();
          for (let i = 0; i < files.length; i++) {
            if (gen !== this.generation) return; // a newer index run took over
            await this.indexFile(files[i], maxBytes);
            if (Date.now() - sliceStart > SETTLE_SLICE_MS) {
              progress.report({ message: `${i + 1}/${files.length}` });
              await settleSliced(this.corpus, SETTLE_SLICE_MS, () => gen !== this.generation);
              await new Promise((r) => setImmediate(r));
              sliceStart = Date.now();
            }
          }
          await settleSliced(this.corpus, SETTLE_SLICE_MS, () => gen !== this.generation);
        },
      );
    } finally {
      if (gen === this.generation) {
        this.indexing = false;
        this.output.info(`Indexed ${this.corpus.size} article(s); skipped ${this.skipped.size}.`);
        this.fireChange(true);
        this.resolveReady();
      }
    }
  }

  /** The indexing worker, started on first use; undefined when it cannot run (then indexing stays on this thread). */
  private startWorker(maxBytes: number): IndexWorkerClient | undefined {
    if (this.workerBroken) return undefined;
    if (this.worker) this.worker.dispose(); // settings (maxBytes) may have changed
    const file = path.join(this.context.extensionPath, 'dist', 'indexWorker.js');
    try {
      const storage = this.context.storageUri;
      const cacheFile = storage?.scheme === 'file' ? path.join(storage.fsPath, CACHE_FILE) : undefined;
      // A new build may analyse differently: its results must not be mixed with the old ones.
      const build = `${this.context.extension.packageJSON.version}/${fs.statSync(file).mtimeMs}`;
      this.worker = new IndexWorkerClient(file, { cacheFile, build, maxBytes });
      this.worker.ready.then(
        (r) => this.output.info(`Analysis cache: ${r.cache}${r.cached ? ` (${r.cached} article(s))` : ''}. Indexing worker priority: ${r.priority === undefined ? 'normal' : `low (nice ${r.priority})`}.`),
        (e) => this.output.warn(`The indexing worker failed (${(e as Error).message}); indexing on the main thread.`),
      );
      return this.worker;
    } catch (e) {
      this.workerBroken = true;
      this.output.warn(`The indexing worker cannot start (${(e as Error).message}); indexing on the main thread.`);
      return undefined;
    }
  }

  /**
   * Indexes `files` in the worker: it reads and analyses, this thread only ingests the results in
   * short slices. Returns false when the worker failed, so the caller indexes the rest itself.
   */
  private async indexInWorker(worker: IndexWorkerClient, files: vscode.Uri[], gen: number, report: (done: number) => void): Promise<boolean> {
    if (files.length) preloadLibraries(); // while the worker starts: a one-time load, before anything is indexed
    const jobs: IndexJob[] = [];
    const uriOfJob = new Map<string, vscode.Uri>();
    for (const uri of files) {
      const id = this.idOf(uri);
      uriOfJob.set(id, uri);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) jobs.push({ id, text: open.getText() });
      else if (uri.scheme === 'file') jobs.push({ id, path: uri.fsPath });
      else jobs.push({ id, bytes: await vscode.workspace.fs.readFile(uri).then((b) => b, () => new Uint8Array()) });
    }
    let done = 0;
    const ingest = (r: IndexResult) => {
      const uri = uriOfJob.get(r.id)!;
      if (r.ok) {
        if (r.warning) this.output.warn(`${r.id}: ${r.warning}`);
        try {
          this.corpus.ingest(r.article, r.memo);
          this.uris.set(r.id, uri);
          this.skipped.delete(r.id);
        } catch (e) {
          this.skip(uri, `analysis failed (${(e as Error).message})`);
        }
      } else if (r.missing) this.forget(r.id);
      else this.skip(uri, r.reason);
    };
    const cancelled = () => gen !== this.generation;
    const catchUp = settleCadence(this.corpus, cancelled);
    try {
      await worker.run(jobs, async (results) => {
        await forEachSliced(results, ingest);
        const full = await catchUp();
        done += results.length;
        report(done);
        if (full) this.fireChange();
      }, cancelled);
      await settleSliced(this.corpus, SETTLE_SLICE_MS, cancelled);
      if (gen === this.generation) {
        void worker.save().then((r) => r.error && this.output.warn(`The analysis cache was not saved: ${r.error}`));
      }
      return true;
    } catch (e) {
      this.workerBroken = true;
      this.output.warn(`The indexing worker failed (${(e as Error).message}); indexing on the main thread.`);
      return false;
    }
  }

  private async indexFile(uri: vscode.Uri, maxBytes: number): Promise<void> {
    const id = this.idOf(uri);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return this.indexText(uri, open.getText());
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      // Pipes and devices never end: reading one would hang indexing.
      if (!(stat.type & vscode.FileType.File)) return this.skip(uri, 'not a regular file');
      if (stat.size > maxBytes) return this.skip(uri, `too large (${Math.round(stat.size / 1024)} KB; corroborate.articles.maxFileSizeKB is ${Math.round(maxBytes / 1024)})`);
      const decoded = decodeArticleBytes(await vscode.workspace.fs.readFile(uri));
      if (!decoded.ok) return this.skip(uri, decoded.reason);
      if (decoded.warning) this.output.warn(`${id}: ${decoded.warning}`);
      this.indexText(uri, decoded.text);
    } catch (e) {
      const missing = e instanceof vscode.FileSystemError && e.code === 'FileNotFound';
      if (missing) this.forget(id);
      else this.skip(uri, `cannot be read (${(e as Error).message})`);
    }
  }

  private indexText(uri: vscode.Uri, text: string) {
    const id = this.idOf(uri);
    try {
      this.corpus.upsert(id, text);
      this.uris.set(id, uri);
      this.skipped.delete(id);
    } catch (e) {
      this.skip(uri, `analysis failed (${(e as Error).message})`);
    }
  }

  private skip(uri: vscode.Uri, reason: string) {
    const id = this.idOf(uri);
    this.forget(id);
    if (this.skipped.get(id)?.reason !== reason) this.output.warn(`Skipped ${id}: ${reason}`);
    this.skipped.set(id, { uri, reason });
  }

  private forget(id: string) {
    this.uris.delete(id);
    if (this.corpus.remove(id)) this.fireChange();
  }

  private removeUri(uri: vscode.Uri) {
    const id = this.idOf(uri);
    this.skipped.delete(id);
    this.forget(id);
  }

  private scheduleDocument(doc: vscode.TextDocument) {
    if (!this.isArticleUri(doc.uri) && doc.languageId !== 'news-article') return;
    this.debounce(doc.uri, () => {
      if (doc.isClosed) return;
      this.indexText(doc.uri, doc.getText());
      void this.settleThenFire();
    });
  }

  private scheduleFile(uri: vscode.Uri) {
    if (!this.isArticleUri(uri)) return;
    this.debounce(uri, async () => {
      await this.indexFile(uri, this.config().maxBytes);
      void this.settleThenFire();
    });
  }

  private debounce(uri: vscode.Uri, fn: () => void | Promise<void>) {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void fn();
    }, DEBOUNCE_MS));
  }

  /** Listeners (tree, diagnostics) then read settled results instead of updating the corpus on their own turn. */
  private async settleThenFire() {
    await settleSliced(this.corpus, SETTLE_SLICE_MS);
    this.fireChange();
  }

  private fireChange(now = false) {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    if (now) {
      this.changeEmitter.fire();
      return;
    }
    this.changeTimer = setTimeout(() => this.changeEmitter.fire(), DEBOUNCE_MS);
  }

  /** Opens an article at a passage and selects it. */
  async reveal(id: string, start: number, end: number, preview = true): Promise<vscode.TextEditor | undefined> {
    const uri = this.uriOf(id);
    if (!uri) return undefined;
    const doc = await vscode.workspace.openTextDocument(uri);
    const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
    return vscode.window.showTextDocument(doc, { selection: range, preview });
  }

  /** A VS Code location for a passage, with offsets turned into positions of the article's text. */
  async location(id: string, start: number, end: number): Promise<vscode.Location | undefined> {
    const uri = this.uriOf(id);
    const article = this.corpus.get(id);
    if (!uri || !article) return undefined;
    return new vscode.Location(uri, new vscode.Range(positionAt(article.text, start), positionAt(article.text, end)));
  }

  get extensionContext() {
    return this.context;
  }
}

/** Offset -> Position without opening the document (line breaks: \r\n, \r or \n). */
export function positionAt(text: string, offset: number): vscode.Position {
  let line = 0;
  let lineStart = 0;
  const re = /\r\n|\r|\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < offset) {
    if (m.index + m[0].length > offset) break;
    line++;
    lineStart = m.index + m[0].length;
  }
  return new vscode.Position(line, offset - lineStart);
}

/** A small glob matcher for include/exclude checks on single paths (**, *, ?, {a,b}). */
export function globMatch(glob: string, path: string): boolean {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') { i++; re += '(?:.*/)?'; } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += re.includes('(?:') ? '|' : ',';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`).test(path);
}
