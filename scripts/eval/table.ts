// The printed result: one row per figure, with the counts behind it; a figure with nothing to count is "n/a".
export interface Row {
  family: string;
  measure: string;
  value: number | null;
  /** Null where the figure has no gold count of its own (purity judges our events). */
  gold: number | null;
  ours: number;
  matched: number;
  /** Why the value is n/a, or what the counts mean. */
  note: string;
}

export function formatValue(v: number | null): string {
  return v === null ? 'n/a' : v.toFixed(3);
}

const HEAD = ['family', 'measure', 'value', 'gold', 'ours', 'matched', 'note'];

function cells(r: Row): string[] {
  return [r.family, r.measure, formatValue(r.value), r.gold === null ? '-' : String(r.gold), String(r.ours), String(r.matched), r.note];
}

export function textTable(rows: Row[]): string {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

export function markdownTable(rows: Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${HEAD.join(' | ')} |`, '|---|---|--:|--:|--:|--:|---|', ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`)].join('\n');
}
