// Building hover and tooltip markdown from untrusted article text. Article text is always escaped:
// it can never become a link, a command, HTML or an image. Only the extension's own commands are trusted.
import * as vscode from 'vscode';

/** The only commands a Corroborate hover may link to. */
export const HOVER_COMMANDS = ['corroborate.openPassage', 'corroborate.showMentions', 'corroborate.findRelated', 'corroborate.compareCoverage'];

/** A MarkdownString that trusts only our own commands and renders no HTML. */
export function safeMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  md.supportHtml = false;
  return md;
}

/** Escapes every markdown-significant character, HTML included, and folds line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|<>~"'&:=$@]/g, (c) => `\\${c}`);
}

/** A command link to one of our own commands; the label is escaped, the arguments JSON-encoded. */
export function commandLink(label: string, command: (typeof HOVER_COMMANDS)[number], args: unknown[], tooltip = ''): string {
  const uri = `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
  return `[${escapeMarkdown(label)}](${uri}${tooltip ? ` "${tooltip.replace(/["\\]/g, '')}"` : ''})`;
}
