// The foundation, seen from inside a real VS Code: activation, indexing of the workspace's copy of
// the seeds, every contributed command registered, and the core commands' effects.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually, getApi, manifest, openSeed, seedId, type CorroborateApi } from './helpers';

describe('foundation', () => {
  let api: CorroborateApi;

  before(async () => {
    api = await getApi();
  });

  it('activates on a workspace that holds articles and returns its API', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.strictEqual(ext.isActive, true);
    assert.ok(api.service.corpus, 'the API exposes service.corpus');
  });

  it('indexes the five sample articles of the workspace copy, not the real seeds', () => {
    assert.strictEqual(api.service.corpus.size, 5);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    for (const a of api.service.corpus.articles()) {
      const uri = api.service.uriOf(a.id);
      assert.ok(uri, `no URI for ${a.id}`);
      assert.ok(uri.path.startsWith(folder.path + '/'), `${uri.path} lies outside the workspace ${folder.path}`);
      assert.ok(a.sentences.length > 0, `${a.id} has no sentences`);
    }
    assert.ok(!api.service.indexing, 'indexing has finished once ready resolved');
  });

  it('registers every command contributed in package.json', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = manifest().contributes.commands.map((c) => c.command);
    assert.ok(contributed.length > 0);
    const missing = contributed.filter((c) => !registered.has(c));
    if (missing.length) assert.fail(`${missing.length} of ${contributed.length} contributed commands are not registered: ${missing.join(', ')}`);
  });

  it('contributes the news-article language', async () => {
    assert.ok((await vscode.languages.getLanguages()).includes('news-article'));
  });

  it('re-indexes on command and reports the article count', async () => {
    const n = await vscode.commands.executeCommand<number>('corroborate.reindex');
    assert.strictEqual(n, 5);
    assert.strictEqual(api.service.corpus.size, 5);
  });

  it('opens a passage and selects exactly its text', async () => {
    const id = seedId(api, '003');
    const article = api.service.corpus.get(id)!;
    const sentence = article.sentences[Math.min(2, article.sentences.length - 1)];
    await vscode.commands.executeCommand('corroborate.openPassage', id, sentence.start, sentence.end);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    assert.strictEqual(editor.document.uri.toString(), api.service.uriOf(id)!.toString());
    assert.strictEqual(editor.document.getText(editor.selection), article.text.slice(sentence.start, sentence.end));
  });

  it('re-indexes one article when its document is edited, and restores it on revert', async () => {
    const doc = await openSeed(api, '001');
    const id = seedId(api, '001');
    const before = api.service.corpus.get(id)!.text;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, doc.positionAt(before.length), '\n\nA late paragraph added by the integration test.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await eventually('the edit to reach the corpus', () => api.service.corpus.get(id)?.text.includes('added by the integration test') || undefined);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await eventually('the revert to reach the corpus', () => api.service.corpus.get(id)?.text === before || undefined);
    assert.strictEqual(api.service.corpus.size, 5);
  });

  it('indexes a new article file and forgets it when deleted', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'seeds', 'zz_integration_extra.txt');
    const text = 'Integration Test Headline\n\nBy Test Writer\n\nThe committee met on Tuesday, officials said.\n';
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    try {
      await eventually('the new file to be indexed', () => (api.service.corpus.size === 6 ? true : undefined));
      assert.ok(api.service.articleIdOf(uri), 'the new file is an article');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await eventually('the deleted file to be forgotten', () => (api.service.corpus.size === 5 ? true : undefined));
  });

  it('shows the log from the status bar item\'s command', async () => {
    // The status bar item cannot be read through the API (the e2e test reads its text);
    // its command must at least run.
    await vscode.commands.executeCommand('corroborate.showOutput');
  });
});
