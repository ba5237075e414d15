// A full reading session driven through the VS Code API: every article opened, hovers, references,
// highlights, code lenses, code actions and diagnostics at the places the analysis found, the Events
// tree walked, and every contributed command that is safe headlessly run with real arguments.
// Shared by the "nothing lost" and "no network" tests.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CorpusService } from '../../src/extension/corpusService';

export const EXTENSION_ID = 'corroborate.corroborate';

/** Commands a headless session cannot run: opening a folder replaces the window (and the test host). */
export const UNSAFE_HEADLESS = new Set(['corroborate.openSampleCorpus']);

export interface SessionApi {
  service: CorpusService;
  events?: { getChildren(n?: unknown): unknown[]; getTreeItem(n: unknown): vscode.TreeItem | Thenable<vscode.TreeItem> };
}

export async function getApi(): Promise<SessionApi> {
  const ext = vscode.extensions.getExtension<SessionApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this host`);
  const api = await ext.activate();
  await api.service.ready;
  return api;
}

export function extensionRoot(): vscode.Uri {
  return vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
}

export function workspaceRoot(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the test host opened a workspace folder');
  return f.uri;
}

/** sha256 of every file under `root` (symlinks not followed), keyed by relative path. */
export async function hashTree(root: vscode.Uri): Promise<Map<string, string>> {
  const crypto = await import('node:crypto');
  const out = new Map<string, string>();
  const walk = async (dir: vscode.Uri, rel: string) => {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
      const uri = vscode.Uri.joinPath(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      if (type & vscode.FileType.SymbolicLink) out.set(r, 'symlink');
      else if (type & vscode.FileType.Directory) await walk(uri, r);
      else out.set(r, crypto.createHash('sha256').update(await vscode.workspace.fs.readFile(uri)).digest('hex'));
    }
  };
  await walk(root, '');
  return out;
}

/** Places worth hovering in an article: people mentions, time expressions, sentence starts. */
function probeOffsets(service: CorpusService, id: string): number[] {
  const c = service.corpus;
  const offsets = new Set<number>();
  for (const p of c.people()) for (const m of p.mentions.filter((m) => m.article === id).slice(0, 2)) offsets.add(m.start + 1);
  for (const t of c.times().filter((t) => t.article === id).slice(0, 4)) offsets.add(t.start);
  for (const s of c.get(id)?.sentences.slice(0, 3) ?? []) offsets.add(s.start);
  return [...offsets].slice(0, 12);
}

async function walkTree(provider: NonNullable<SessionApi['events']>, node?: unknown, depth = 0): Promise<number> {
  if (depth > 4) return 0;
  let n = 0;
  for (const child of (await provider.getChildren(node)) ?? []) {
    await provider.getTreeItem(child);
    n += 1 + (await walkTree(provider, child, depth + 1));
  }
  return n;
}

export interface SessionStats {
  articles: number;
  hovers: number;
  commands: string[];
  treeNodes: number;
}

/** Runs the whole session; returns what it did so a test can check it really did something. */
export async function runSession(api: SessionApi): Promise<SessionStats> {
  const { service } = api;
  const stats: SessionStats = { articles: 0, hovers: 0, commands: [], treeNodes: 0 };
  const run = async (command: string, ...args: unknown[]) => {
    await vscode.commands.executeCommand(command, ...args);
    stats.commands.push(command);
  };
  const ids = service.corpus.articles().map((a) => a.id);
  for (const id of ids) {
    const uri = service.uriOf(id);
    if (!uri) continue;
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    stats.articles++;
    for (const off of probeOffsets(service, id)) {
      const pos = doc.positionAt(off);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
      stats.hovers += hovers?.length ?? 0;
      await vscode.commands.executeCommand('vscode.executeReferenceProvider', uri, pos);
      await vscode.commands.executeCommand('vscode.executeDocumentHighlights', uri, pos);
    }
    await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
    for (const d of vscode.languages.getDiagnostics(uri).slice(0, 5)) {
      await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range);
    }
  }
  // Commands, with the arguments hovers, trees and menus pass them.
  const first = ids[0];
  const article = first ? service.corpus.get(first) : undefined;
  const sentence = article?.sentences[0];
  const person = service.corpus.people()[0];
  const claim = service.corpus.claims()[0];
  await run('corroborate.reindex');
  await run('corroborate.showOutput');
  if (first && sentence) {
    await run('corroborate.openPassage', first, sentence.start, sentence.end);
    await run('corroborate.findRelated', first, { start: sentence.start, end: sentence.end });
    await run('corroborate.compareCoverage', first, { start: sentence.start, end: sentence.end });
  }
  // From the editor, with no arguments: the sentence at the cursor.
  await run('corroborate.findRelated');
  await run('corroborate.compareCoverage');
  if (person) {
    const m = person.mentions[0];
    await run('corroborate.showMentions', person.id, m.article, m.start);
    await run('corroborate.events.filterByPerson', person.id);
  }
  await run('corroborate.searchArticles', 'said the', { open: 0 });
  await run('corroborate.events.clearFilter');
  await run('corroborate.events.groupByArticle');
  if (api.events) stats.treeNodes += await walkTree(api.events);
  await run('corroborate.events.groupByDate');
  await run('corroborate.events.refresh');
  if (api.events) stats.treeNodes += await walkTree(api.events);
  if (claim) await run('corroborate.claims.ignore', claim.article, claim.kind, claim.text);
  await run('corroborate.claims.resetIgnored');
  // Close what the commands opened (peek views, quick picks, the compare panel, editors).
  for (const c of ['closeReferenceSearch', 'workbench.action.closeQuickOpen', 'workbench.action.closeAllEditors']) {
    await vscode.commands.executeCommand(c);
  }
  return stats;
}
