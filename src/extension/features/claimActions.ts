// Code actions on a flagged claim: see how the other outlets report it (Find Related Coverage,
// or Compare Coverage for a contested claim), or ignore it (workspace state, never the file).
import * as vscode from 'vscode';
import type { FeatureContext } from '../featureContext';
import { CAP_CODE, DIAGNOSTIC_SOURCE } from './claimDiagnostics';

export function registerClaimActions({ context, service }: FeatureContext) {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, ctx, token) {
      const id = service.articleIdOf(document);
      if (!id) return [];
      const actions: vscode.CodeAction[] = [];
      for (const d of ctx.diagnostics) {
        if (token.isCancellationRequested) break;
        if (d.source !== DIAGNOSTIC_SOURCE) continue;
        const rule = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
        if (!rule || rule === CAP_CODE) continue;
        const kind = rule.split('/')[0];

        const related = new vscode.CodeAction('Show how other outlets report this', vscode.CodeActionKind.QuickFix);
        related.diagnostics = [d];
        related.command = { title: related.title, command: 'corroborate.findRelated', arguments: [document.uri, d.range.start] };
        actions.push(related);

        if (kind === 'contested') {
          const compare = new vscode.CodeAction('Compare coverage side by side', vscode.CodeActionKind.QuickFix);
          compare.diagnostics = [d];
          compare.command = { title: compare.title, command: 'corroborate.compareCoverage', arguments: [document.uri, d.range.start] };
          actions.push(compare);
        }

        const ignore = new vscode.CodeAction('Ignore this claim', vscode.CodeActionKind.QuickFix);
        ignore.diagnostics = [d];
        ignore.command = { title: ignore.title, command: 'corroborate.claims.ignore', arguments: [id, kind, document.getText(d.range)] };
        actions.push(ignore);
      }
      return actions;
    },
  };
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }], provider, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
  );
}
