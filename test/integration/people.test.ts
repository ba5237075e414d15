// People in a real extension host: the hover card, references, highlights and the "Show all mentions" command.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Corpus } from '../../src/core/corpus';

interface Api { service: { ready: Promise<void>; corpus: Corpus; articleIdOf(doc: vscode.TextDocument): string | undefined } }

async function extensionApi(): Promise<Api> {
  const api = (await vscode.extensions.getExtension('corroborate.corroborate')!.activate()) as Api;
  await api.service.ready;
  return api;
}

async function openSeed(prefix: string): Promise<vscode.TextDocument> {
  const [uri] = await vscode.workspace.findFiles(`**/${prefix}_*.txt`);
  assert.ok(uri, `seed ${prefix} is in the workspace`);
  return vscode.workspace.openTextDocument(uri);
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

async function hoverAt(doc: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
  return hoverText(hovers);
}

describe('people', function () {
  this.timeout(60000);
  let api: Api;
  before(async () => { api = await extensionApi(); });

  it('hovering "Petro" in 000 shows who he is across the corpus', async () => {
    const doc = await openSeed('000');
    const text = await hoverAt(doc, doc.getText().indexOf('Petro arrived') + 2);
    assert.match(text, /\*\*Gustavo Petro\*\*/);
    assert.match(text, /Colombian President/);
    assert.match(text, /Mentioned in 5 articles/);
    assert.match(text, /Reuters \(\d+\)/);
    assert.match(text, /What I sensed or saw/, 'a quote of his');
    assert.match(text, /Often mentioned with: Donald Trump/);
    assert.match(text, /\(command:corroborate\.showMentions\?/);
    assert.match(text, /\(command:corroborate\.findRelated\?/);
    assert.match(text, /\(command:corroborate\.openPassage\?/);
  });

  it('hovering "Botero" in 002 shows his role and his quotes', async () => {
    const doc = await openSeed('002');
    const text = await hoverAt(doc, doc.getText().indexOf('Botero') + 1);
    assert.match(text, /\*\*Felipe Botero\*\*/);
    assert.match(text, /a political expert at the University of the Andes/);
    assert.match(text, /Mentioned in 1 article:/);
    assert.match(text, /off the rails/);
  });

  it('a name in the headline still hovers', async () => {
    const doc = await openSeed('002');
    const firstLine = doc.lineAt(0).text;
    const at = firstLine.indexOf('Petro');
    assert.ok(at >= 0);
    assert.match(await hoverAt(doc, doc.offsetAt(new vscode.Position(0, at + 1))), /\*\*Gustavo Petro\*\*/);
  });

  it('no card on a word that is not a person', async () => {
    const doc = await openSeed('000');
    const text = await hoverAt(doc, doc.getText().indexOf('White House') + 2);
    assert.doesNotMatch(text, /Mentioned in \d+ article/);
  });

  it('Find All References on "Petro" lists every mention in every article', async () => {
    const doc = await openSeed('000');
    const offset = doc.getText().indexOf('Petro arrived');
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, doc.positionAt(offset));
    const person = api.service.corpus.personAt(api.service.articleIdOf(doc)!, offset)!;
    assert.equal(person.name, 'Gustavo Petro');
    assert.equal(refs.length, person.mentions.length);
    assert.equal(new Set(refs.map((r) => r.uri.toString())).size, 5, 'mentions in all five articles');
    for (const r of refs.slice(0, 20)) {
      const d = await vscode.workspace.openTextDocument(r.uri);
      assert.match(d.getText(r.range), /^(Gustavo Petro|Petro|Gustavo)$/);
    }
  });

  it('highlights the person in the document', async () => {
    const doc = await openSeed('002');
    const offset = doc.getText().indexOf('Botero');
    const hs = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, doc.positionAt(offset));
    assert.ok(hs && hs.length >= 1);
    for (const h of hs) assert.match(doc.getText(h.range), /Botero/);
  });

  it('"Show all mentions" returns the locations it peeks', async () => {
    const doc = await openSeed('000');
    await vscode.window.showTextDocument(doc);
    const person = api.service.corpus.personNamed('Petro')!;
    const locs = await vscode.commands.executeCommand<vscode.Location[]>('corroborate.showMentions', person.id);
    assert.equal(locs.length, person.mentions.length);
  });

  it('respects corroborate.hover.enabled', async () => {
    const config = vscode.workspace.getConfiguration('corroborate');
    await config.update('hover.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      const doc = await openSeed('000');
      assert.doesNotMatch(await hoverAt(doc, doc.getText().indexOf('Petro arrived') + 2), /Gustavo Petro/);
    } finally {
      await config.update('hover.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
