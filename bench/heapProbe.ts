// Shared by the memory probes (memoryProfile, memoryHolders, stateFields); run them with --expose-gc.
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** The live heap in MB after two full GCs. Typed arrays keep their contents outside the JS heap, so those buffers count too. */
export function heapMB(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
}

/** A `drop(name, release)` that runs `release` and prints the heap it freed per article (from `minKb` up). */
export function heapDropper(articles: number, minKb: number): (name: string, release: () => void) => void {
  let last = heapMB();
  return (name, release) => {
    release();
    const h = heapMB();
    const kb = ((last - h) * 1024) / articles;
    if (Math.abs(kb) >= minKb) console.log(`${name.padEnd(32)} ${kb.toFixed(1).padStart(6)} KB/article`);
    last = h;
  };
}

/** Drops every per-article memo of a corpus, one group per key prefix ("dates.times:2026-01-02" is "dates.times"). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the probes reach into the Corpus's private entries on purpose
export function dropMemos(corpus: any, drop: (name: string, release: () => void) => void): void {
  const groups = new Map<string, Set<string>>();
  for (const e of corpus.entries.values()) for (const k of e.memo.keys()) { const g = k.split(':')[0]; groups.set(g, (groups.get(g) ?? new Set()).add(k)); }
  for (const [g, ks] of groups) drop(`memo ${g}`, () => { for (const e of corpus.entries.values()) for (const k of ks) e.memo.delete(k); });
}
