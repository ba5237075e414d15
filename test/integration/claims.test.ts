// Claim diagnostics and their code actions, through VS Code's own APIs on the seeds workspace.
// The diagnostics must match what the core answers (codes, ranges), carry README links, and
// contested claims must point at the other outlets' passages.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { articleUri } from './helpers';

interface Claim { article: string; start: number; end: number; text: string; kind: string; rule: string; related: { article: string; start: number; end: number }[] }
interface Api {
  service: { ready: Promise<void>; corpus: { claims(): Claim[]; articles(): { id: string; text: string }[] }; articleIdOf(doc: vscode.Uri): string | undefined };
}

async function api(): Promise<Api> {
  const a = (await vscode.extensions.getExtension('corroborate.corroborate')!.activate()) as Api;
  await a.service.ready;
  return a;
}


const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Corroborate');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** Waits (without a time assertion; the suite's timeout bounds it) until `ok` holds for the diagnostics of `uri`. */
async function diagnosticsWhere(uri: vscode.Uri, ok: (ds: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  for (;;) {
    const ds = ours(uri);
    if (ok(ds)) return ds;
    await new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => { sub.dispose(); resolve(); });
      setTimeout(() => { sub.dispose(); resolve(); }, 500);
    });
  }
}

async function sentenceDiagnostic(uri: vscode.Uri, phrase: string, ok: (d: vscode.Diagnostic) => boolean = () => true): Promise<vscode.Diagnostic> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const at = doc.positionAt(doc.getText().indexOf(phrase));
  const ds = await diagnosticsWhere(uri, (list) => list.some((d) => d.range.contains(at) && ok(d)));
  return ds.find((d) => d.range.contains(at) && ok(d))!;
}

describe('claims: diagnostics and code actions', function () {
  this.timeout(60000);

  afterEach(async () => {
    const c = vscode.workspace.getConfiguration('corroborate.claims');
    await c.update('kinds', undefined, vscode.ConfigurationTarget.Global);
    await c.update('maxPerFile', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('corroborate.claims.resetIgnored');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('002: one diagnostic per core claim, same codes and ranges, linked to the README', async () => {
    const a = await api();
    const uri = await articleUri('002');
    const id = a.service.articleIdOf(uri)!;
    const expected = a.service.corpus.claims().filter((c) => c.article === id);
    assert.ok(expected.length > 0, 'the core flags claims in 002');
    const ds = await diagnosticsWhere(uri, (list) => list.length >= expected.length);
    const doc = await vscode.workspace.openTextDocument(uri);
    const got = ds.map((d) => `${codeOf(d)}@${doc.offsetAt(d.range.start)}-${doc.offsetAt(d.range.end)}`).sort();
    assert.deepEqual(got, expected.map((c) => `${c.rule}@${c.start}-${c.end}`).sort());
    for (const d of ds) {
      assert.equal(d.source, 'Corroborate');
      const target = (d.code as { target: vscode.Uri }).target;
      assert.match(target.path, /README\.md$/);
      assert.equal(target.fragment, `rule-${codeOf(d).replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
    }
  });

  it('002: the seeded claims get the right kinds and the clean sentence none', async () => {
    await api();
    const uri = await articleUri('002');
    const critics = await sentenceDiagnostic(uri, 'Critics blame the end of eradication');
    assert.equal(codeOf(critics), 'vague-source/weasel-subject');
    assert.equal(critics.severity, vscode.DiagnosticSeverity.Information);
    const killed = await sentenceDiagnostic(uri, 'killed more than 100 people', (d) => codeOf(d).startsWith('unattributed/'));
    assert.equal(codeOf(killed), 'unattributed/figure');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(killed.range), /^In an apparent reference .* territories\."$/s, 'the range is the whole sentence');
    const clean = doc.positionAt(doc.getText().indexOf('Pictures released by the Colombian presidency showed'));
    assert.deepEqual(ours(uri).filter((d) => d.range.contains(clean)).map(codeOf), []);
  });

  it('000: the contested claim points at the disagreeing passages of 001 and 004', async () => {
    await api();
    const uri = await articleUri('000');
    const d = await sentenceDiagnostic(uri, 'he mooted military action', (x) => codeOf(x).startsWith('contested/'));
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    const files = new Set((d.relatedInformation ?? []).map((r) => r.location.uri.path.split('/').pop()!.slice(0, 3)));
    assert.ok(files.has('001') && files.has('004'), `related to ${[...files].join(', ')}`);
    for (const r of d.relatedInformation!) {
      const other = await vscode.workspace.openTextDocument(r.location.uri);
      assert.ok(other.getText(r.location.range).length > 20, 'a passage, not an empty range');
    }
  });

  it('code actions: show other outlets, ignore, and reset', async () => {
    await api();
    const uri = await articleUri('002');
    const d = await sentenceDiagnostic(uri, 'Critics blame the end of eradication');
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, d.range)) as vscode.CodeAction[];
    const titles = actions.map((x) => x.title);
    assert.ok(titles.includes('Show how other outlets report this'), titles.join(' | '));
    const ignore = actions.find((x) => x.title === 'Ignore this claim');
    assert.ok(ignore?.command, 'an ignore action');

    const show = actions.find((x) => x.title === 'Show how other outlets report this')!;
    assert.equal(show.command!.command, 'corroborate.findRelated');
    const locs = (await vscode.commands.executeCommand(show.command!.command, ...(show.command!.arguments ?? []))) as vscode.Location[];
    assert.ok(Array.isArray(locs), 'findRelated answers with locations');
    assert.ok(locs.every((l) => l.uri.toString() !== uri.toString()), 'only other articles');

    const before = ours(uri).length;
    await vscode.commands.executeCommand(ignore!.command!.command, ...(ignore!.command!.arguments ?? []));
    const after = await diagnosticsWhere(uri, (list) => list.length === before - 1);
    assert.ok(!after.some((x) => x.range.isEqual(d.range) && codeOf(x) === codeOf(d)), 'the ignored claim is gone');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.ok(doc.getText().includes('Critics blame'), 'the article file is untouched');

    const n = (await vscode.commands.executeCommand('corroborate.claims.resetIgnored')) as number;
    assert.equal(n, 1);
    await diagnosticsWhere(uri, (list) => list.length === before);
  });

  it('settings: kinds filter and the per-file cap says it cut diagnostics off', async () => {
    await api();
    const uri = await articleUri('000');
    const all = await diagnosticsWhere(uri, (list) => list.length > 2);
    const c = vscode.workspace.getConfiguration('corroborate.claims');
    await c.update('kinds', ['hedged'], vscode.ConfigurationTarget.Global);
    const hedged = await diagnosticsWhere(uri, (list) => list.length > 0 && list.every((d) => codeOf(d).startsWith('hedged/')));
    assert.ok(hedged.length < all.length);
    await c.update('kinds', undefined, vscode.ConfigurationTarget.Global);
    await c.update('maxPerFile', 1, vscode.ConfigurationTarget.Global);
    const capped = await diagnosticsWhere(uri, (list) => list.length === 2);
    const note = capped.find((d) => codeOf(d) === 'claims/capped');
    assert.ok(note, 'one entry says the list was capped');
    assert.match(note!.message, new RegExp(`1 of ${all.length}`));
  });
  it('an unsaved edit re-publishes that article\'s diagnostics and leaves the others as they were', async () => {
    await api();
    const uri = await articleUri('002');
    const other = await articleUri('004');
    const before = await diagnosticsWhere(uri, (list) => list.length > 0);
    const otherBefore = await diagnosticsWhere(other, (list) => list.length > 0);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('.\n', Math.floor(doc.getText().length / 3)) + 1;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, doc.positionAt(at), ' Critics say the plan was rushed.');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await diagnosticsWhere(uri, (list) => list.some((d) => codeOf(d).startsWith('vague-source/') && doc.offsetAt(d.range.start) === at + 1));
    assert.ok(after.length > before.length);
    assert.deepEqual(ours(other).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`), otherBefore.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsWhere(uri, (list) => list.length === before.length);
  });
});
