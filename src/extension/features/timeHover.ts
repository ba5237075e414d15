// Hover on a time expression: what it resolves to and against which date, e.g.
// "last month → January 2026 (article published 2026-02-04)". Article text is escaped.
import * as vscode from 'vscode';
import { describeTime } from '../../core/timeline';
import { timeAt } from '../../core/dates';
import type { FeatureContext } from '../featureContext';
import { escapeMarkdown, safeMarkdown } from '../markdown';

const SELECTOR: vscode.DocumentSelector = [{ language: 'news-article' }, { language: 'plaintext' }, { language: 'markdown' }];

export function registerTimeHover({ context, service }: FeatureContext) {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(SELECTOR, {
      provideHover(doc, position, token) {
        if (!vscode.workspace.getConfiguration('corroborate.hover').get<boolean>('enabled', true)) return undefined;
        const id = service.articleIdOf(doc);
        if (!id || token.isCancellationRequested) return undefined;
        const t = timeAt(service.corpus, id, doc.offsetAt(position));
        if (!t || token.isCancellationRequested) return undefined;
        const article = service.corpus.get(id);
        const md = safeMarkdown();
        md.appendMarkdown(`**${escapeMarkdown(t.text)}** → ${escapeMarkdown(describeTime(t, article?.published ?? null))}`);
        md.appendMarkdown(`\n\n${escapeMarkdown(`TIMEX3 ${t.type} ${t.value}`)}`);
        const range = new vscode.Range(doc.positionAt(t.start), doc.positionAt(t.end));
        return new vscode.Hover(md, range);
      },
    }),
  );
}
