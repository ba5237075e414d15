// Optional CodeLens (corroborate.codeLens.enabled): "Reported by N other outlets" above each
// paragraph that other articles also report; clicking it runs Find Related Coverage there.
import * as vscode from 'vscode';
import { paragraphCoverage } from '../../core/align';
import type { FeatureContext } from '../featureContext';

export function registerRelatedCodeLens({ context, service }: FeatureContext) {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(doc, token) {
      if (!vscode.workspace.getConfiguration('corroborate.codeLens').get<boolean>('enabled', false)) return [];
      const id = service.articleIdOf(doc);
      if (!id || token.isCancellationRequested) return [];
      const article = service.corpus.get(id)!;
      // Offsets are into the indexed text; a document edited since would misplace the lenses.
      if (article.text !== doc.getText()) return [];
      return paragraphCoverage(service.corpus, id).map((p) => {
        const outlets = new Set(p.articles.map((a) => service.corpus.get(a)?.outlet ?? a));
        const n = outlets.size;
        const range = new vscode.Range(doc.positionAt(p.start), doc.positionAt(p.start));
        return new vscode.CodeLens(range, {
          title: `Reported by ${n} other outlet${n === 1 ? '' : 's'}`,
          command: 'corroborate.findRelated',
          arguments: [doc.uri, p.start],
        });
      });
    },
  };
  context.subscriptions.push(
    changed,
    vscode.languages.registerCodeLensProvider([{ language: 'news-article' }, { language: 'plaintext' }, { language: 'markdown' }], provider),
    service.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('corroborate.codeLens')) changed.fire();
    }),
  );
}
