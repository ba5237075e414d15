// Shared helpers for the integration suite: the extension's API, and the sample articles of the
// temp workspace (a folder holding a copy of seeds/). Tests talk to VS Code only through its API.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { CorpusService } from '../../src/extension/corpusService';

export const EXTENSION_ID = 'corroborate.corroborate';

export interface CorroborateApi {
  service: CorpusService;
}

/** Activates the extension and waits for the first full index. */
export async function getApi(): Promise<CorroborateApi> {
  const ext = vscode.extensions.getExtension<CorroborateApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this host`);
  const api = await ext.activate();
  await api.service.ready;
  return api;
}

/**
 * The article id of a seed by its number prefix ("000", "003", ...). Ids are workspace-relative
 * paths ("seeds/000_0f27f40479c2d86e.txt"), so match on the file name.
 */
export function seedId(api: CorroborateApi, prefix: string): string {
  const ids = api.service.corpus.articles().map((a) => a.id);
  const id = ids.find((i) => i.split('/').pop()!.startsWith(prefix));
  assert.ok(id, `no indexed article starts with ${prefix}; indexed: ${ids.join(', ')}`);
  return id;
}

/** Opens a seed in an editor and returns its document. */
export async function openSeed(api: CorroborateApi, prefix: string): Promise<vscode.TextDocument> {
  const uri = api.service.uriOf(seedId(api, prefix));
  assert.ok(uri, `no URI for seed ${prefix}`);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The position of the first occurrence of `text` in a document (inside it by `offset` chars). */
export function positionOf(doc: vscode.TextDocument, text: string, offset = 0): vscode.Position {
  const i = doc.getText().indexOf(text);
  assert.ok(i >= 0, `"${text}" is not in ${doc.uri.path}`);
  return doc.positionAt(i + offset);
}

/** Polls until `check` returns a value (for results that arrive after a debounce); fails with `what`. */
export async function eventually<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== null && (v as unknown) !== false) return v;
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The extension's package.json, as VS Code loaded it. */
export function manifest(): { contributes: { commands: { command: string; title: string }[] } } {
  return vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
}

/** The URI of the sample article whose file name starts with `prefix`, found through the workspace. */
export async function articleUri(prefix: string): Promise<vscode.Uri> {
  const found = await vscode.workspace.findFiles(`**/${prefix}_*.txt`);
  assert.ok(found.length >= 1, `article ${prefix} in the workspace`);
  return found[0];
}
