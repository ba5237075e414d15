// Building hover and tooltip markdown from untrusted article text. Article text is always escaped:
// it can never become a link, a command, HTML or an image. Only the extension's own commands are trusted.
// The escaping itself lives in ./escape (no vscode import) so it is unit-tested in plain Node.
import * as vscode from 'vscode';
import { HOVER_COMMANDS } from './escape';

export { HOVER_COMMANDS, commandLink, escapeHtml, escapeMarkdown, plainLabel } from './escape';

/** A MarkdownString that trusts only our own commands and renders no HTML. */
export function safeMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  md.supportHtml = false;
  return md;
}
