// Optional: a dotted underline under attribution cues ("said", "according to") in visible articles,
// behind corroborate.claims.decorateAttribution. The cues come from the core, memoised per article.
import * as vscode from 'vscode';
import type { FeatureContext } from '../featureContext';
import { attributionCues } from '../../core/attribution';

const SETTING = 'corroborate.claims.decorateAttribution';

export function registerClaimDecorations({ context, service }: FeatureContext) {
  const type = vscode.window.createTextEditorDecorationType({
    textDecoration: 'underline dotted',
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  const update = () => {
    const on = vscode.workspace.getConfiguration().get<boolean>(SETTING, false);
    for (const editor of vscode.window.visibleTextEditors) {
      const id = on ? service.articleIdOf(editor.document) : undefined;
      if (!id) {
        editor.setDecorations(type, []);
        continue;
      }
      const doc = editor.document;
      // Only when the document still holds the indexed text, so offsets are right.
      if (doc.getText() !== service.corpus.get(id)?.text) continue;
      const cues = service.corpus.perArticle('claims:attribution-cues', id, attributionCues);
      editor.setDecorations(type, cues.map((c) => ({ range: new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.end)), hoverMessage: 'Attribution cue' })));
    }
  };
  context.subscriptions.push(
    type,
    vscode.window.onDidChangeVisibleTextEditors(update),
    service.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTING)) update();
    }),
  );
  void service.ready.then(update);
}
