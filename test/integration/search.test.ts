// Search Articles, Find Related Coverage and Compare Coverage, run through VS Code's command API on
// the seeds workspace. The expectations are about which articles answer, not exact scores.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { articleUri } from './helpers';

interface Api {
  service: { ready: Promise<void>; corpus: { articles(): { id: string; text: string; sentences: { start: number; end: number; text: string }[] }[] } };
}

async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension('corroborate.corroborate')!;
  const a = (await ext.activate()) as Api;
  await a.service.ready;
  return a;
}


const fileOf = (loc: vscode.Location) => loc.uri.path.split('/').pop()!;

describe('search and related coverage', function () {
  this.timeout(60000);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Search Articles finds a misspelt name in 003 first', async () => {
    await api();
    const locs = (await vscode.commands.executeCommand('corroborate.searchArticles', 'Villavicensio')) as vscode.Location[];
    assert.ok(Array.isArray(locs) && locs.length > 0, 'some results');
    assert.match(fileOf(locs[0]), /^003_/);
    const doc = await vscode.workspace.openTextDocument(locs[0].uri);
    assert.match(doc.getText(locs[0].range), /Villavicencio/);
  });

  it('Search Articles finds "deportation flight" in 002 first and can open it selected', async () => {
    await api();
    const locs = (await vscode.commands.executeCommand('corroborate.searchArticles', 'deportation flight', { open: 0 })) as vscode.Location[];
    assert.match(fileOf(locs[0]), /^002_/);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor opened');
    assert.equal(editor!.document.uri.toString(), locs[0].uri.toString());
    assert.match(editor!.document.getText(editor!.selection), /deportation flights/);
  });

  it('Find Related Coverage on a sentence of 000 returns passages of 001, 002 and 003', async () => {
    await api();
    const uri = await articleUri('000');
    const doc = await vscode.workspace.openTextDocument(uri);
    const offset = doc.getText().indexOf('without the public fanfare');
    assert.ok(offset > 0);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(doc.positionAt(offset), doc.positionAt(offset));
    const locs = (await vscode.commands.executeCommand('corroborate.findRelated')) as vscode.Location[];
    const files = locs.map(fileOf);
    assert.ok(files.every((f) => !f.startsWith('000_')), 'never the same article');
    for (const want of ['001_', '002_', '003_']) assert.ok(files.some((f) => f.startsWith(want)), `a passage of ${want}: ${files.join(', ')}`);
    const texts = await Promise.all(locs.map(async (l) => (await vscode.workspace.openTextDocument(l.uri)).getText(l.range)));
    assert.ok(texts.some((t) => /side entrance/.test(t)), 'the side-entrance passage of 002');
    assert.ok(texts.some((t) => /arrived quietly/.test(t)), 'the arrived-quietly passage of 001');
  });

  it('Find Related Coverage accepts a uri and an offset (hover links, code actions)', async () => {
    await api();
    const uri = await articleUri('004');
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    const offset = text.indexOf('present data on drug seizures');
    const locs = (await vscode.commands.executeCommand('corroborate.findRelated', uri, offset)) as vscode.Location[];
    assert.match(fileOf(locs[0]), /^001_/);
    const doc = await vscode.workspace.openTextDocument(locs[0].uri);
    assert.match(doc.getText(locs[0].range), /seizure data/);
  });

  it('Compare Coverage returns one column per outlet, the origin first', async () => {
    await api();
    const uri = await articleUri('000');
    const text = (await vscode.workspace.openTextDocument(uri)).getText();
    const offset = text.indexOf("world's top producer of coca");
    const data = (await vscode.commands.executeCommand('corroborate.compareCoverage', uri, offset)) as { columns: { article: string; origin: boolean }[] };
    // Article ids are workspace paths ("seeds/000_….txt"): compare file names.
    const base = (id: string) => id.split('/').pop()!;
    assert.ok(data.columns[0].origin && base(data.columns[0].article).startsWith('000_'), data.columns[0].article);
    const others = data.columns.slice(1).map((c) => base(c.article));
    assert.ok(others.some((a) => a.startsWith('004_')) && others.some((a) => a.startsWith('002_')), others.join(', '));
    assert.equal(new Set(others).size, others.length, 'one column per article');
  });
});
