// Article text inside quick picks: one line, clipped, and with "$(" broken so that hostile text
// cannot render codicons (the only markup a quick pick interprets).
export function plainText(s: string, max = 200): string {
  let one = s.replace(/\s+/g, ' ').trim();
  if (one.length > max) one = `${one.slice(0, max - 1)}…`;
  return one.replace(/\$\(/g, '$\u200b(');
}

/** A window of `s` of at most `max` characters around offset `at`, with ellipses where cut. */
export function around(s: string, at: number, max = 160): string {
  if (s.length <= max) return s;
  const start = Math.max(0, Math.min(at - Math.floor(max / 3), s.length - max));
  const end = Math.min(s.length, start + max);
  return `${start > 0 ? '…' : ''}${s.slice(start, end)}${end < s.length ? '…' : ''}`;
}
