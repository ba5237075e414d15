// The Events view: a cross-article timeline in its own activity-bar container and in the Explorer.
// Rows are built from the Corpus's events and the core timeline grouping; passages open the article.
// When the cursor rests in a passage of an event, the visible view reveals that event.
import * as vscode from 'vscode';
import { eventsAt } from '../../core/events';
import { eventsWithPerson, groupByArticle, groupByDate, outletCount, type TimelineGroup } from '../../core/timeline';
import type { NewsEvent, Passage, Person } from '../../core/types';
import type { CorpusService } from '../corpusService';
import type { FeatureContext } from '../featureContext';

export type Grouping = 'date' | 'article';

export interface GroupNode { kind: 'group'; key: string; label: string; group: TimelineGroup; parent?: GroupNode }
export interface EventNode { kind: 'event'; key: string; event: NewsEvent; parent?: GroupNode }
export interface PassageNode { kind: 'passage'; key: string; passage: Passage; parent: EventNode }
export type EventsNode = GroupNode | EventNode | PassageNode;

const PREVIEW = 90;
/** Groups holding more events than this start collapsed. */
const EXPAND_AT_MOST = 200;

export class EventsTreeProvider implements vscode.TreeDataProvider<EventsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EventsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  grouping: Grouping;
  person: Person | undefined;
  private roots: EventsNode[] | undefined;
  /** Event id -> its nodes (one per group it appears in). */
  private eventNodes = new Map<string, EventNode[]>();
  private children = new Map<string, EventsNode[]>();

  constructor(private readonly service: CorpusService, grouping: Grouping) {
    this.grouping = grouping;
  }

  dispose() {
    this.changed.dispose();
  }

  refresh() {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  /** The events the view shows, after the person filter. */
  events(): NewsEvent[] {
    const all = this.service.corpus.events();
    return this.person ? eventsWithPerson(all, this.person) : all;
  }

  private build(): EventsNode[] {
    this.eventNodes.clear();
    this.children.clear();
    const events = this.events();
    const groups = this.grouping === 'article' ? groupByArticle(events, this.service.corpus.articles()) : groupByDate(events);
    const toNodes = (gs: TimelineGroup[], parent?: GroupNode): GroupNode[] =>
      gs.map((g) => {
        const node: GroupNode = { kind: 'group', key: `${parent ? `${parent.key}/` : ''}group:${g.key}`, label: g.label, group: g, parent };
        const kids: EventsNode[] = [...toNodes(g.groups, node)];
        for (const e of g.events) {
          const en: EventNode = { kind: 'event', key: `${node.key}/event:${e.id}`, event: e, parent: node };
          const list = this.eventNodes.get(e.id) ?? [];
          list.push(en);
          this.eventNodes.set(e.id, list);
          kids.push(en);
        }
        // Events known only to the year come before that year's months.
        kids.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1));
        this.children.set(node.key, kids);
        return node;
      });
    return toNodes(groups);
  }

  getChildren(node?: EventsNode): EventsNode[] {
    if (!this.roots) this.roots = this.service.corpus.size ? this.build() : [];
    if (!node) return this.roots;
    if (node.kind === 'group') return this.children.get(node.key) ?? [];
    if (node.kind === 'event') {
      const sources = this.grouping === 'article' && node.parent?.group.key.startsWith('article:')
        ? [...node.event.sources].sort((a, b) => Number(b.article === node.parent!.group.key.slice(8)) - Number(a.article === node.parent!.group.key.slice(8)))
        : node.event.sources;
      return sources.map((p) => ({ kind: 'passage', key: `${node.key}/passage:${p.article}:${p.start}`, passage: p, parent: node }));
    }
    return [];
  }

  getParent(node: EventsNode): EventsNode | undefined {
    return node.parent;
  }

  getTreeItem(node: EventsNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const n = countEvents(node.group);
      // A newsroom-sized group starts collapsed: expanding thousands of rows at once would stall the view.
      const item = new vscode.TreeItem(node.label, n > EXPAND_AT_MOST ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.key;
      item.description = `${n} event${n === 1 ? '' : 's'}`;
      item.iconPath = new vscode.ThemeIcon(node.group.key.startsWith('article:') ? 'file-text' : node.group.key === 'undated' ? 'question' : 'calendar');
      item.contextValue = 'corroborate.group';
      return item;
    }
    if (node.kind === 'event') {
      const e = node.event;
      const outlets = outletCount(e, (id) => this.service.corpus.get(id));
      const item = new vscode.TreeItem(e.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.key;
      const date = e.date ?? 'undated';
      item.description = `${date}${e.inferred ? ' (inferred)' : ''} · ${outlets} outlet${outlets === 1 ? '' : 's'}`;
      item.iconPath = new vscode.ThemeIcon(outlets > 1 ? 'history' : 'circle-large-outline');
      item.contextValue = outlets > 1 ? 'corroborate.event' : 'corroborate.event.single';
      // Plain text only: article text never becomes markdown.
      item.tooltip = `${e.label}\n${date}${e.inferred ? ' (date inferred from other articles)' : ''}\n${outlets > 1 ? `Reported by ${outlets} outlets` : 'Reported by one outlet only'}\n\n${e.sources[0]?.text ?? ''}`;
      item.accessibilityInformation = { label: `${e.label}, ${date}, ${outlets} outlets` };
      return item;
    }
    const p = node.passage;
    const article = this.service.corpus.get(p.article);
    const item = new vscode.TreeItem(sourceName(article, p.article), vscode.TreeItemCollapsibleState.None);
    item.id = node.key;
    const flat = p.text.replace(/\s+/g, ' ');
    item.description = flat.length > PREVIEW ? `${flat.slice(0, PREVIEW)}…` : flat;
    item.tooltip = flat;
    item.iconPath = new vscode.ThemeIcon('quote');
    item.resourceUri = this.service.uriOf(p.article);
    item.command = { command: 'corroborate.openPassage', title: 'Open Passage', arguments: [p.article, p.start, p.end] };
    item.contextValue = 'corroborate.passage';
    return item;
  }

  /** The view node of the event that has a passage at `offset` of article `id`. */
  nodeAt(id: string, offset: number): EventNode | undefined {
    if (!this.roots) this.getChildren();
    const events = eventsAt(this.service.corpus, id, offset);
    for (const e of events) {
      const nodes = this.eventNodes.get(e.id);
      if (!nodes?.length) continue;
      return nodes.find((n) => n.parent?.group.key === `article:${id}`) ?? nodes[0];
    }
    return undefined;
  }
}

/** What a reader calls an article in a list: its outlet, else a short title, else its file name. */
function sourceName(article: { outlet: string | null; title: string | null } | undefined, id: string): string {
  if (article?.outlet) return article.outlet;
  const title = article?.title?.replace(/\s+/g, ' ').trim();
  if (title) return title.length > 40 ? `${title.slice(0, 39)}…` : title;
  return id.split('/').pop() ?? id;
}

function countEvents(g: TimelineGroup): number {
  return g.events.length + g.groups.reduce((n, c) => n + countEvents(c), 0);
}

export function registerEventsView({ context, service, api }: FeatureContext): EventsTreeProvider {
  const initial = vscode.workspace.getConfiguration('corroborate.events').get<Grouping>('grouping', 'date');
  const provider = new EventsTreeProvider(service, initial === 'article' ? 'article' : 'date');
  const views = ['corroborate.events', 'corroborate.eventsExplorer'].map((id) => vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true }));
  if (api) {
    api.events = provider;
    api.eventsViews = views;
  }
  const setContext = () => {
    void vscode.commands.executeCommand('setContext', 'corroborate.events.grouping', provider.grouping);
    void vscode.commands.executeCommand('setContext', 'corroborate.events.filtered', !!provider.person);
    for (const v of views) v.description = provider.person ? `Filtered: ${provider.person.name}` : undefined;
  };
  setContext();

  let revealTimer: NodeJS.Timeout | undefined;
  const revealAtCursor = (editor: vscode.TextEditor | undefined) => {
    clearTimeout(revealTimer);
    if (!editor) return;
    revealTimer = setTimeout(() => {
      const visible = views.filter((v) => v.visible);
      if (!visible.length) return;
      const id = service.articleIdOf(editor.document);
      if (!id) return;
      const node = provider.nodeAt(id, editor.document.offsetAt(editor.selection.active));
      if (!node) return;
      for (const v of visible) void v.reveal(node, { select: true, focus: false, expand: false }).then(undefined, () => undefined);
    }, 250);
  };

  context.subscriptions.push(
    provider,
    ...views,
    service.onDidChange(() => provider.refresh()),
    vscode.window.onDidChangeTextEditorSelection((e) => revealAtCursor(e.textEditor)),
    vscode.commands.registerCommand('corroborate.events.refresh', () => provider.refresh()),
    vscode.commands.registerCommand('corroborate.events.groupByDate', () => { provider.grouping = 'date'; setContext(); provider.refresh(); }),
    vscode.commands.registerCommand('corroborate.events.groupByArticle', () => { provider.grouping = 'article'; setContext(); provider.refresh(); }),
    vscode.commands.registerCommand('corroborate.events.clearFilter', () => { provider.person = undefined; setContext(); provider.refresh(); }),
    vscode.commands.registerCommand('corroborate.events.filterByPerson', async (personId?: string) => {
      const people = service.corpus.people();
      let person = typeof personId === 'string' ? people.find((p) => p.id === personId) : undefined;
      if (!person) {
        if (!people.length) {
          void vscode.window.showInformationMessage('Corroborate: no people found in the articles yet.');
          return undefined;
        }
        // Quick pick labels are plain text; names come from article text and are shown as such.
        const pick = await vscode.window.showQuickPick(
          people.map((p) => ({ label: p.name, description: p.aliases.filter((a) => a !== p.name).join(', '), detail: `${new Set(p.mentions.map((m) => m.article)).size} article(s)`, person: p })),
          { placeHolder: 'Show the events of one person', matchOnDescription: true },
        );
        person = pick?.person;
      }
      if (!person) return undefined;
      provider.person = person;
      setContext();
      provider.refresh();
      return person.id;
    }),
    { dispose: () => clearTimeout(revealTimer) },
  );
  return provider;
}
