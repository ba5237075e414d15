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
  /** Change against a saved earlier run (--baseline); null when either side is n/a. */
  delta?: number | null;
}

export function formatValue(v: number | null): string {
  return v === null ? 'n/a' : v.toFixed(3);
}

function formatDelta(d: number | null | undefined): string {
  if (d === undefined) return 'new';
  if (d === null) return 'n/a';
  const s = d.toFixed(3);
  return d > 0 ? `+${s}` : s === '-0.000' ? '0.000' : s;
}

/** Attaches to each row its change against the same row (family and measure) of an earlier run. */
export function compareWith(rows: Row[], baseline: Row[]): Row[] {
  const before = new Map(baseline.map((r) => [`${r.family}\u0000${r.measure}`, r]));
  return rows.map((r) => {
    const b = before.get(`${r.family}\u0000${r.measure}`);
    if (!b) return { ...r, delta: undefined };
    return { ...r, delta: r.value === null || b.value === null ? null : r.value - b.value };
  });
}

function layout(rows: Row[]): { head: string[]; body: string[][]; numeric: Set<number> } {
  const withDelta = rows.some((r) => 'delta' in r);
  const head = ['family', 'measure', 'value', ...(withDelta ? ['Δ'] : []), 'gold', 'ours', 'matched', 'note'];
  const body = rows.map((r) => [
    r.family,
    r.measure,
    formatValue(r.value),
    ...(withDelta ? [formatDelta(r.delta)] : []),
    r.gold === null ? '-' : String(r.gold),
    String(r.ours),
    String(r.matched),
    r.note,
  ]);
  const numeric = new Set(head.map((h, i) => (['value', 'Δ', 'gold', 'ours', 'matched'].includes(h) ? i : -1)).filter((i) => i >= 0));
  return { head, body, numeric };
}

export function textTable(rows: Row[]): string {
  const { head, body, numeric } = layout(rows);
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function markdownTable(rows: Row[]): string {
  const { head, body, numeric } = layout(rows);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rule = head.map((_, i) => (numeric.has(i) ? '--:' : '---')).join('|');
  return [`| ${head.join(' | ')} |`, `|${rule}|`, ...body.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}
