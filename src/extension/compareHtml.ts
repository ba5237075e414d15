// The Compare Coverage webview's HTML, as a pure function so tests can check it without VS Code.
// Article text is hostile: every piece is HTML-escaped, the CSP allows no remote anything, and the
// one script runs only with the page's nonce. Colours come from the theme's CSS variables.
import type { Comparison, SegmentKind } from '../core/compare';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CLASS: Record<SegmentKind, string> = {
  'plain': '',
  'same': 'same',
  'differs': 'diff',
  'figure-same': 'fig',
  'figure-differs': 'fig diff-fig',
};

export interface HtmlContext {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce per render. */
  nonce: string;
}

export function compareHtml(data: Comparison, ctx: HtmlContext): string {
  const nonce = escapeHtml(ctx.nonce);
  const csp = `default-src 'none'; img-src ${ctx.cspSource}; style-src ${ctx.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  const columns = data.columns
    .map((c) => {
      const head = `<header><h2>${escapeHtml(c.outlet ?? c.article.split('/').pop() ?? c.article)}</h2><div class="meta">${escapeHtml(c.published ?? 'undated')}${c.origin ? ' · this article' : ''}</div>` +
        (c.title ? `<div class="title">${escapeHtml(c.title)}</div>` : '') + '</header>';
      const passages = c.passages
        .map((p) => {
          const body = p.segments.map((s) => (CLASS[s.kind] ? `<span class="${CLASS[s.kind]}">${escapeHtml(s.text)}</span>` : escapeHtml(s.text))).join('');
          const score = p.score === null ? '' : `<div class="score">similarity ${Math.round(p.score * 100)}%</div>`;
          return `<blockquote data-article="${escapeHtml(p.article)}" data-start="${p.start}" data-end="${p.end}" tabindex="0" role="button" title="Open in the article">${body}${score}</blockquote>`;
        })
        .join('');
      return `<section class="column${c.origin ? ' origin' : ''}">${head}${passages}</section>`;
    })
    .join('');
  const empty = data.columns.length <= 1 ? '<p class="empty">No other outlet reports this passage.</p>' : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Compare Coverage</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 12px; }
  .legend { margin: 8px 0 12px; color: var(--vscode-descriptionForeground); }
  .grid { display: flex; gap: 12px; align-items: flex-start; overflow-x: auto; }
  .column { flex: 1 1 0; min-width: 220px; border: 1px solid var(--vscode-panel-border); border-radius: 4px; padding: 8px; }
  .column.origin { border-color: var(--vscode-focusBorder); }
  h2 { font-size: 1.1em; margin: 0; }
  .meta, .score, .title { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
  blockquote { margin: 8px 0; padding: 6px 8px; border-left: 3px solid var(--vscode-textBlockQuote-border); background: var(--vscode-textBlockQuote-background); cursor: pointer; line-height: 1.5; }
  blockquote:focus { outline: 1px solid var(--vscode-focusBorder); }
  .diff { background: var(--vscode-diffEditor-insertedTextBackground); }
  .fig { font-weight: bold; }
  .diff-fig { background: var(--vscode-diffEditor-removedTextBackground); outline: 1px solid var(--vscode-editorWarning-foreground); }
  .empty { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<p class="legend">Words a column does not share with the other side are <span class="diff">shaded</span>; figures and dates are <span class="fig">bold</span>, and <span class="fig diff-fig">outlined</span> when the other side does not give them.</p>
<main class="grid">${columns}</main>
${empty}
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  for (const el of document.querySelectorAll('blockquote[data-article]')) {
    const open = () => vscode.postMessage({ type: 'open', article: el.dataset.article, start: Number(el.dataset.start), end: Number(el.dataset.end) });
    el.addEventListener('click', open);
    el.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') open(); });
  }
</script>
</body>
</html>`;
}
