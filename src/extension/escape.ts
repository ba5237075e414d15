// Turning untrusted article text into inert markdown, HTML and quick-pick labels. No `vscode` import,
// so the escaping is unit-tested in plain Node. Article text can never become a link, a command,
// an image, HTML or an icon; only our own command links, built here, are live.

/** The only commands a Corroborate hover may link to. */
export const HOVER_COMMANDS = ['corroborate.openPassage', 'corroborate.showMentions', 'corroborate.findRelated', 'corroborate.compareCoverage'];

/** Escapes every markdown-significant character, HTML included, and folds line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029\u0085]+/g, ' ')
    // Runs of blanks and tabs would open an indented code block at the start of a line.
    .replace(/[ \t]*\t[ \t]*|[ \t]{2,}/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|<>~"'&:=$@%]/g, (c) => `\\${c}`);
}

/** encodeURIComponent leaves ( ) ' ! * unencoded; a ")" would end a markdown link destination early. */
function encodeStrict(s: string): string {
  return encodeURIComponent(s).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A command link to one of our own commands; the label is escaped, the arguments JSON- and URI-encoded. */
export function commandLink(label: string, command: (typeof HOVER_COMMANDS)[number], args: unknown[], tooltip = ''): string {
  if (!HOVER_COMMANDS.includes(command)) throw new Error(`not a hover command: ${command}`);
  const uri = `command:${command}?${encodeStrict(JSON.stringify(args))}`;
  const title = tooltip.replace(/["\\()[\]]/g, '').replace(/\s+/g, ' ').trim();
  return `[${escapeMarkdown(label)}](${uri}${title ? ` "${title}"` : ''})`;
}

/** Text for HTML (webviews): every character that could open a tag, an entity or leave an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Text for quick-pick labels, descriptions and tree items: those render `$(name)` as an icon and
 * show one line. A zero-width joiner after `$` keeps an article's "$(terminal)" literal.
 */
export function plainLabel(text: string, max = 200): string {
  const one = text.replace(/\s+/g, ' ').trim().replace(/\$\(/g, '$\u200D(');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
