// The Events view and the time hover, inside a real extension host on the seeds workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EventNode, EventsNode, EventsTreeProvider } from '../../src/extension/features/eventsView';
import { eventually, getApi, seedId, type CorroborateApi } from './helpers';

interface Api extends CorroborateApi { events: EventsTreeProvider; eventsViews: vscode.TreeView<EventsNode>[] }

const api = async (): Promise<Api> => (await getApi()) as Api;

const labelOf = (p: EventsTreeProvider, n: EventsNode) => {
  const l = p.getTreeItem(n).label;
  return typeof l === 'string' ? l : l?.label ?? '';
};

function allEvents(p: EventsTreeProvider, nodes: EventsNode[] = p.getChildren()): EventNode[] {
  return nodes.flatMap((n) => (n.kind === 'event' ? [n] : n.kind === 'group' ? allEvents(p, p.getChildren(n)) : []));
}

const idOf = seedId;

describe('Events view', () => {
  let a: Api;
  before(async () => {
    a = await api();
    await vscode.commands.executeCommand('corroborate.events.groupByDate');
    await vscode.commands.executeCommand('corroborate.events.clearFilter');
  });

  it('shows years in date order at the top level, undated last', () => {
    const p = a.events;
    const roots = p.getChildren();
    const labels = roots.map((n) => labelOf(p, n));
    const years = [...new Set(a.service.corpus.events().map((e) => e.date?.slice(0, 4)).filter((y): y is string => !!y))].sort();
    const undated = a.service.corpus.events().some((e) => !e.date);
    assert.deepEqual(labels, undated ? [...years, 'Undated'] : years);
    // The seeds report events in 2022, 2025 and 2026.
    for (const y of ['2022', '2025', '2026']) assert.ok(labels.includes(y), `${y} in ${labels.join(', ')}`);
    const y2026 = roots[labels.indexOf('2026')];
    assert.deepEqual(p.getChildren(y2026).filter((n) => n.kind === 'group').map((n) => labelOf(p, n)), ['January 2026', 'February 2026']);
  });

  it('puts the 2026-02-03 meeting under February 2026 with a passage from every article', async () => {
    const p = a.events;
    const meetingAt = a.service.corpus.get(idOf(a, '000'))!.text.indexOf('cordial meeting');
    const node = p.nodeAt(idOf(a, '000'), meetingAt);
    assert.ok(node, 'an event at "cordial meeting" in 000');
    assert.equal(node.event.date, '2026-02-03');
    assert.equal(labelOf(p, node.parent!), 'February 2026');
    assert.equal(labelOf(p, node.parent!.parent!), '2026');
    const item = p.getTreeItem(node);
    assert.match(String(item.description), /2026-02-03 · 5 outlets/);
    const passages = p.getChildren(node);
    const articles = new Set(passages.map((n) => (n.kind === 'passage' ? n.passage.article : '')));
    assert.equal(articles.size, 5);
    for (const prefix of ['000', '001', '002', '003', '004']) assert.ok(articles.has(idOf(a, prefix)), prefix);
    for (const n of passages) {
      const it = p.getTreeItem(n);
      assert.equal(it.command?.command, 'corroborate.openPassage');
      assert.equal(typeof it.tooltip, 'string', 'tooltips are plain text');
      assert.equal(p.getParent(n), node);
    }
    // Clicking a passage opens its article with the passage selected.
    const first = passages[0];
    assert.ok(first.kind === 'passage');
    const cmd = p.getTreeItem(first).command!;
    await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(a.service.articleIdOf(editor.document), first.passage.article);
    assert.equal(editor.document.getText(editor.selection), first.passage.text);
  });

  it('keeps single-source events apart with their own icon', () => {
    const p = a.events;
    const events = allEvents(p);
    const single = events.find((n) => new Set(n.event.sources.map((s) => s.article)).size === 1);
    const multi = events.find((n) => new Set(n.event.sources.map((s) => s.article)).size > 1);
    assert.ok(single && multi);
    const icon = (n: EventNode) => (p.getTreeItem(n).iconPath as vscode.ThemeIcon).id;
    assert.notEqual(icon(single), icon(multi));
    assert.match(String(p.getTreeItem(single).description), /1 outlet$/);
  });

  it('groups by article and back by date', async () => {
    const p = a.events;
    await vscode.commands.executeCommand('corroborate.events.groupByArticle');
    const roots = p.getChildren();
    assert.equal(roots.length, a.service.corpus.size);
    assert.ok(roots.every((n) => n.kind === 'group' && n.group.key.startsWith('article:')));
    await vscode.commands.executeCommand('corroborate.events.groupByDate');
    assert.ok(p.getChildren().some((n) => labelOf(p, n) === '2026'));
  });

  it('filters by a person when people are known', async () => {
    const p = a.events;
    const people = a.service.corpus.people();
    const before = allEvents(p).length;
    if (!people.length) {
      assert.equal(await vscode.commands.executeCommand('corroborate.events.filterByPerson'), undefined);
      return;
    }
    const person = [...people].sort((x, y) => x.mentions.length - y.mentions.length)[0];
    assert.equal(await vscode.commands.executeCommand('corroborate.events.filterByPerson', person.id), person.id);
    const after = allEvents(p);
    assert.ok(after.length <= before);
    for (const n of after) assert.ok(n.event.sources.some((s) => person.mentions.some((m) => m.article === s.article && m.start >= s.start && m.end <= s.end) || [person.name, ...person.aliases].some((al) => s.text.includes(al))));
    await vscode.commands.executeCommand('corroborate.events.clearFilter');
    assert.equal(allEvents(p).length, before);
  });

  it('reveals the event of the passage under the cursor', async () => {
    await vscode.commands.executeCommand('corroborate.events.focus');
    const view = await eventually('the Events view to be visible', () => a.eventsViews.find((v) => v.visible));
    const id = idOf(a, '002');
    const text = a.service.corpus.get(id)!.text;
    const at = text.indexOf('phone call on January 7');
    const doc = await vscode.workspace.openTextDocument(a.service.uriOf(id)!);
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(doc.positionAt(at + 2), doc.positionAt(at + 2));
    const expected = a.events.nodeAt(id, at + 2)!;
    assert.ok(expected);
    const selected = await eventually('the view to select the phone call', () => (view.selection[0]?.kind === 'event' && view.selection[0].event.id === expected.event.id ? view.selection[0] : undefined));
    assert.equal((selected as EventNode).event.date, '2026-01-07');
  });
});

describe('Time hover', () => {
  let a: Api;
  before(async () => { a = await api(); });

  async function hoverText(prefix: string, needle: string): Promise<string> {
    const id = idOf(a, prefix);
    const at = a.service.corpus.get(id)!.text.indexOf(needle);
    assert.ok(at >= 0, needle);
    const doc = await vscode.workspace.openTextDocument(a.service.uriOf(id)!);
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 1))) as vscode.Hover[];
    return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  }

  it('says what "last month" resolves to and against which date', async () => {
    const t = await hoverText('000', 'last month');
    assert.match(t, /January 2026/);
    assert.match(t, /article published 2026\\?-02\\?-04/);
  });

  it('says when the reference date was inferred', async () => {
    const t = await hoverText('002', 'Friday');
    assert.match(t, /30 January 2026/);
    assert.match(t, /inferred/);
  });
});
