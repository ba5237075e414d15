// People in the editor: the hover card, Find All References, document highlights and the
// "Show all mentions" peek. All answers come from the Corpus; this file only maps them to VS Code.
import * as vscode from 'vscode';
import type { FeatureContext } from '../featureContext';
import type { Corpus } from '../../core/corpus';
import type { Person } from '../../core/types';
import { mentionAtOffset, personProfile } from '../../core/personProfile';
import { safeMarkdown } from '../markdown';
import { personCardMarkdown } from './peopleCard';

export const ARTICLE_SELECTOR: vscode.DocumentSelector = ['file', 'untitled'].flatMap((scheme) =>
  ['news-article', 'plaintext', 'markdown'].map((language) => ({ scheme, language })));

const NAME_WORD = /[\p{L}\p{M}][\p{L}\p{M}'’.-]*[\p{L}\p{M}]|[\p{L}\p{M}]/u;

interface Found { person: Person; start: number; end: number }

/** The person at a position: an indexed mention, else the word under the cursor matched against known names
 *  (headlines lie outside the body, so names there are not indexed mentions). */
export function personAtPosition(corpus: Corpus, id: string, doc: vscode.TextDocument, pos: vscode.Position): Found | undefined {
  const offset = doc.offsetAt(pos);
  const hit = mentionAtOffset(corpus, id, offset);
  if (hit) return hit;
  const range = doc.getWordRangeAtPosition(pos, NAME_WORD);
  if (!range) return undefined;
  const word = doc.getText(range).replace(/['’]s$/i, '').replace(/\.$/, '');
  if (!/^\p{Lu}/u.test(word)) return undefined;
  const person = corpus.personNamed(word);
  if (!person) return undefined;
  const start = doc.offsetAt(range.start);
  return { person, start, end: start + word.length };
}

async function mentionLocations(ctx: FeatureContext, person: Person, token?: vscode.CancellationToken): Promise<vscode.Location[]> {
  const out: vscode.Location[] = [];
  for (const m of person.mentions) {
    if (token?.isCancellationRequested) break;
    const loc = await ctx.service.location(m.article, m.start, m.end);
    if (loc) out.push(loc);
  }
  return out;
}

export function registerPeople(ctx: FeatureContext) {
  const { context, service } = ctx;
  const corpus = () => service.corpus;

  const hover: vscode.HoverProvider = {
    provideHover(doc, pos, token) {
      const config = vscode.workspace.getConfiguration('corroborate', doc.uri);
      if (!config.get<boolean>('hover.enabled', true)) return undefined;
      const id = service.articleIdOf(doc);
      if (!id || token.isCancellationRequested) return undefined;
      const found = personAtPosition(corpus(), id, doc, pos);
      if (!found || token.isCancellationRequested) return undefined;
      const profile = personProfile(corpus(), found.person.id, Math.max(0, config.get<number>('hover.maxQuotes', 3)));
      if (!profile || token.isCancellationRequested) return undefined;
      const md = safeMarkdown();
      md.appendMarkdown(personCardMarkdown(profile, { article: id, start: found.start, end: found.end }));
      return new vscode.Hover(md, new vscode.Range(doc.positionAt(found.start), doc.positionAt(found.end)));
    },
  };

  const references: vscode.ReferenceProvider = {
    async provideReferences(doc, pos, _context, token) {
      const id = service.articleIdOf(doc);
      if (!id) return undefined;
      const found = personAtPosition(corpus(), id, doc, pos);
      return found ? mentionLocations(ctx, found.person, token) : undefined;
    },
  };

  const highlights: vscode.DocumentHighlightProvider = {
    provideDocumentHighlights(doc, pos, token) {
      const id = service.articleIdOf(doc);
      if (!id) return undefined;
      const found = personAtPosition(corpus(), id, doc, pos);
      if (!found || token.isCancellationRequested) return undefined;
      return found.person.mentions
        .filter((m) => m.article === id)
        .map((m) => new vscode.DocumentHighlight(new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end)), vscode.DocumentHighlightKind.Text));
    },
  };

  context.subscriptions.push(
    vscode.languages.registerHoverProvider(ARTICLE_SELECTOR, hover),
    vscode.languages.registerReferenceProvider(ARTICLE_SELECTOR, references),
    vscode.languages.registerDocumentHighlightProvider(ARTICLE_SELECTOR, highlights),
    // From the hover: (personId, articleId, offset). From the palette: the person under the cursor.
    vscode.commands.registerCommand('corroborate.showMentions', async (personId?: string, articleId?: string, offset?: number) => {
      await service.ready;
      let person = personId ? corpus().personById(personId) : undefined;
      let uri: vscode.Uri | undefined;
      let position: vscode.Position | undefined;
      const editor = vscode.window.activeTextEditor;
      if (articleId !== undefined && offset !== undefined) {
        const loc = await service.location(articleId, offset, offset);
        uri = loc?.uri;
        position = loc?.range.start;
      } else if (editor) {
        uri = editor.document.uri;
        position = editor.selection.active;
        const id = service.articleIdOf(editor.document);
        if (!person && id) person = personAtPosition(corpus(), id, editor.document, position)?.person;
      }
      if (!person) {
        void vscode.window.showInformationMessage('Corroborate: no person at the cursor.');
        return [];
      }
      const locations = await mentionLocations(ctx, person);
      if (!uri || !position) { uri = locations[0]?.uri; position = locations[0]?.range.start; }
      if (uri && position && locations.length) await vscode.commands.executeCommand('editor.action.showReferences', uri, position, locations);
      return locations;
    }),
  );
}
