// "Search Articles": a quick pick with live fuzzy results across every article. Each item shows the
// passage around its first match, the matched words, the outlet and the date; accepting one opens
// the article with the passage selected. Called with a query (tests, other commands), it also
// returns the results' locations at once.
import * as vscode from 'vscode';
import type { FeatureContext } from '../featureContext';
import type { CorpusService } from '../corpusService';
import type { SearchHit } from '../../core/search';
import { around, plainText } from './plainText';

const DEBOUNCE_MS = 120;
const LIMIT = 50;

interface HitItem extends vscode.QuickPickItem {
  hit: SearchHit;
}

export function registerSearch({ context, service }: FeatureContext) {
  context.subscriptions.push(
    vscode.commands.registerCommand('corroborate.searchArticles', (query?: unknown, options?: { open?: number }) => searchArticles(service, query, options)),
  );
}

export async function searchArticles(service: CorpusService, query?: unknown, options: { open?: number } = {}): Promise<vscode.Location[] | vscode.Location | undefined> {
  if (typeof query === 'string') {
    await service.ready;
    const hits = service.corpus.search.searchHits(query, LIMIT);
    const locations = (await Promise.all(hits.map((h) => service.location(h.passage.article, h.passage.start, h.passage.end)))).filter((l): l is vscode.Location => !!l);
    const open = options?.open;
    if (typeof open === 'number' && hits[open]) await service.reveal(hits[open].passage.article, hits[open].passage.start, hits[open].passage.end, false);
    else void showPicker(service, query);
    return locations;
  }
  return showPicker(service, '');
}

function toItem(service: CorpusService, hit: SearchHit): HitItem {
  const p = hit.passage;
  const a = service.corpus.get(p.article);
  const firstMatch = hit.highlights[0] ? hit.highlights[0].start - p.start : 0;
  const text = p.text;
  const words = [...new Set(hit.highlights.map((h) => a?.text.slice(h.start, h.end) ?? ''))].filter(Boolean);
  return {
    label: plainText(around(text.replace(/\s+/g, ' '), firstMatch, 160), 170),
    description: plainText([a?.outlet ?? p.article, a?.published ?? 'undated'].join(' · '), 80),
    detail: plainText(`${words.length ? `matched: ${words.join(', ')} — ` : ''}${a?.title ?? p.article}`, 200),
    // Our index already matched these, typos included; the quick pick must not filter them out again.
    alwaysShow: true,
    hit,
  };
}

function showPicker(service: CorpusService, initial: string): Promise<vscode.Location | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<HitItem>();
    qp.title = 'Search articles';
    qp.placeholder = 'Search every article: names, phrases, typos welcome';
    qp.matchOnDescription = false;
    qp.matchOnDetail = false;
    let timer: NodeJS.Timeout | undefined;
    let run = 0;
    const update = (value: string) => {
      clearTimeout(timer);
      const mine = ++run;
      timer = setTimeout(async () => {
        qp.busy = true;
        await service.ready;
        if (mine !== run) return;
        qp.items = value.trim() ? service.corpus.search.searchHits(value, LIMIT).map((h) => toItem(service, h)) : [];
        qp.busy = false;
      }, DEBOUNCE_MS);
    };
    let result: vscode.Location | undefined;
    qp.onDidChangeValue(update);
    qp.onDidAccept(async () => {
      const item = qp.selectedItems[0];
      if (!item) return;
      const p = item.hit.passage;
      result = await service.location(p.article, p.start, p.end);
      qp.hide();
      await service.reveal(p.article, p.start, p.end, false);
    });
    qp.onDidHide(() => {
      clearTimeout(timer);
      qp.dispose();
      resolve(result);
    });
    qp.value = initial;
    if (initial) update(initial);
    qp.show();
  });
}
