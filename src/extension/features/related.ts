// "Find Related Coverage": the other outlets' passages reporting the sentence at the cursor (or the
// selection), shown in the references peek; a quick pick with previews when no editor shows the
// article. The command returns the locations, so hover links and tests can use its answer.
import * as vscode from 'vscode';
import type { FeatureContext } from '../featureContext';
import type { CorpusService } from '../corpusService';
import type { ScoredPassage } from '../../core/types';
import { passageTarget } from './passageTarget';
import { plainText } from './plainText';

const LIMIT = 10;

export function registerRelated({ context, service }: FeatureContext) {
  context.subscriptions.push(
    vscode.commands.registerCommand('corroborate.findRelated', (what?: unknown, where?: unknown) => findRelated(service, what, where)),
  );
}

export async function findRelated(service: CorpusService, what?: unknown, where?: unknown): Promise<vscode.Location[]> {
  await service.ready;
  const target = await passageTarget(service, what, where);
  if (!target) {
    void vscode.window.showInformationMessage('Corroborate: put the cursor in a sentence of an indexed article to find related coverage.');
    return [];
  }
  const results = service.corpus.related(target.id, target.span, LIMIT);
  const pairs: [ScoredPassage, vscode.Location][] = [];
  for (const r of results) {
    const loc = await service.location(r.article, r.start, r.end);
    if (loc) pairs.push([r, loc]);
  }
  const locations = pairs.map(([, l]) => l);
  if (!locations.length) {
    void vscode.window.showInformationMessage('Corroborate: no other outlet reports this passage.');
    return locations;
  }
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.uri.toString());
  if (editor) {
    const position = editor.document.positionAt(target.span.start);
    // The peek is UI only; the command's answer does not wait for it.
    void vscode.commands.executeCommand('editor.action.peekLocations', target.uri, position, locations, 'peek');
  } else {
    void pickRelated(service, pairs);
  }
  return locations;
}

/** The fallback: a quick pick of the related passages with their outlet, date and score. */
async function pickRelated(service: CorpusService, pairs: [ScoredPassage, vscode.Location][]) {
  const items = pairs.map(([r, loc]) => {
    const a = service.corpus.get(r.article);
    return {
      label: `$(references) ${plainText(a?.outlet ?? r.article, 80)}`,
      description: `${plainText(a?.published ?? 'undated', 20)} · ${Math.round(r.score * 100)}%`,
      detail: plainText(r.text, 300),
      loc,
      passage: r,
    };
  });
  const chosen = await vscode.window.showQuickPick(items, { title: 'Related coverage', matchOnDetail: true, placeHolder: 'Passages of other outlets reporting the same fact' });
  if (chosen) await service.reveal(chosen.passage.article, chosen.passage.start, chosen.passage.end);
}
