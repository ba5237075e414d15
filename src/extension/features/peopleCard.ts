// The markdown of a person's hover card. Pure (no editor state), so it can be tested with hostile text.
// Every piece of article text goes through escapeMarkdown; links are only our own commands.
import type { PersonProfile } from '../../core/personProfile';
import { commandLink, escapeMarkdown } from '../markdown';

export interface CardContext {
  /** The mention hovered, for "Find related coverage". */
  article: string;
  start: number;
  end: number;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** Outlets may be named by a long headline; keep the card readable. */
const source = (s: string) => escapeMarkdown(clip(s, 32));

export function personCardMarkdown(p: PersonProfile, at: CardContext): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(p.person.name)}**`);
  if (p.roles.length) {
    const roles = p.roles.slice(0, 4).map((r) => `*${escapeMarkdown(clip(r.text, 80))}* (${r.outlets.map(source).join(', ')})`);
    lines.push(roles.join(' · '));
  }
  const n = p.articles.length;
  const per = p.articles.slice(0, 6).map((a) => `${source(a.outlet)} (${a.count})`).join(', ');
  lines.push(`Mentioned in ${n} article${n === 1 ? '' : 's'}: ${per}${p.articles.length > 6 ? ', …' : ''}`);
  if (p.quotes.length) {
    lines.push('---');
    for (const { quote, outlet } of p.quotes) {
      const open = commandLink('open', 'corroborate.openPassage', [quote.article, quote.start, quote.end], 'Open the passage');
      lines.push(`> “${escapeMarkdown(clip(quote.text, 220))}” — ${source(outlet)} ${open}`);
    }
    if (p.totalQuotes > p.quotes.length) lines.push(`*${p.totalQuotes - p.quotes.length} more quote${p.totalQuotes - p.quotes.length === 1 ? '' : 's'}*`);
  }
  if (p.coMentioned.length) {
    lines.push('---');
    lines.push(`Often mentioned with: ${p.coMentioned.map((c) => `${escapeMarkdown(c.person.name)} (${c.articles})`).join(', ')}`);
  }
  lines.push('---');
  lines.push([
    commandLink('Show all mentions', 'corroborate.showMentions', [p.person.id, at.article, at.start], `All ${p.person.mentions.length} mentions`),
    // findRelated takes (article id, offset): the sentence around this mention.
    commandLink('Find related coverage', 'corroborate.findRelated', [at.article, at.start], 'Other outlets on this sentence'),
  ].join(' · '));
  return lines.join('\n\n');
}
