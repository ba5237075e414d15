// Which passage a command is about: from its arguments (hover links, code actions, tests) or from
// the active editor (the selection, else the sentence at the cursor).
import * as vscode from 'vscode';
import type { CorpusService } from '../corpusService';
import type { Span } from '../../core/types';

export interface PassageTarget {
  id: string;
  span: Span;
  uri: vscode.Uri;
}

type Where = number | Span | vscode.Range | vscode.Position | undefined;

/**
 * Accepts (uri | article id, offset | {start, end} | Range | Position); without arguments, the
 * active editor. Undefined when that is not an indexed article.
 */
export async function passageTarget(service: CorpusService, what?: unknown, where?: unknown): Promise<PassageTarget | undefined> {
  let uri: vscode.Uri | undefined;
  let id: string | undefined;
  if (typeof what === 'string') {
    id = service.corpus.get(what) ? what : undefined;
    uri = id ? service.uriOf(id) : undefined;
    if (!id) {
      try {
        uri = vscode.Uri.parse(what, true);
      } catch {
        uri = undefined;
      }
    }
  } else if (what instanceof vscode.Uri) uri = what;

  const editor = vscode.window.activeTextEditor;
  if (!uri && !id) {
    if (!editor) return undefined;
    uri = editor.document.uri;
    const selection = editor.selection;
    where = where ?? (selection.isEmpty ? selection.active : selection);
  }
  if (!uri) return undefined;
  id = id ?? service.articleIdOf(uri);
  if (!id) return undefined;
  const article = service.corpus.get(id)!;

  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri!.toString());
  const offsetOf = (p: vscode.Position) => (doc ? doc.offsetAt(p) : offsetAtPosition(article.text, p));
  const w = where as Where;
  let span: Span;
  if (typeof w === 'number') span = { start: w, end: w };
  else if (w instanceof vscode.Range) span = { start: offsetOf(w.start), end: offsetOf(w.end) };
  else if (w instanceof vscode.Position) span = { start: offsetOf(w), end: offsetOf(w) };
  else if (w && typeof w === 'object' && typeof (w as Span).start === 'number' && typeof (w as Span).end === 'number') span = { start: (w as Span).start, end: (w as Span).end };
  else span = { start: 0, end: 0 };

  if (span.end <= span.start) {
    // No selection: the sentence at the offset (or the next one).
    const s = article.sentences.find((x) => x.start <= span.start && span.start < x.end) ?? article.sentences.find((x) => x.start >= span.start);
    if (s) span = { start: s.start, end: s.end };
  }
  return { id, span, uri };
}

/** Offset of a position in a text whose lines end in \n, \r\n or \r. */
function offsetAtPosition(text: string, p: vscode.Position): number {
  let line = 0;
  let i = 0;
  while (line < p.line && i < text.length) {
    const c = text[i++];
    if (c === '\n' || (c === '\r' && text[i] !== '\n')) line++;
  }
  return Math.min(text.length, i + p.character);
}
