// Shared by the memory probes (memoryProfile, memoryHolders, stateFields); run them with --expose-gc.
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** The live heap in MB after two full GCs. Typed arrays keep their contents outside the JS heap, so those buffers count too. */
export function heapMB(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
}

/**
 * How long a full GC takes, in ms (the median of three). Marking is what a major GC costs the thread,
 * and it follows the live objects (typed arrays and strings are cheap to mark), not the bytes.
 * Run with --single-threaded-gc to see the work one core does.
 */
export function fullGcMs(): number {
  const xs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    gc();
    xs.push(performance.now() - t);
  }
  return xs.sort((a, b) => a - b)[1];
}

/**
 * A `drop(name, release)` that runs `release` and prints what it freed per article (from `min` up):
 * heap KB, or with `measure` 'gc', microseconds of full-GC time.
 */
export function heapDropper(articles: number, min: number, measure: 'heap' | 'gc' = 'heap'): (name: string, release: () => void) => void {
  const [read, scale, unit] = measure === 'gc' ? [fullGcMs, 1000, 'us GC'] : [heapMB, 1024, 'KB'];
  let last = read();
  return (name, release) => {
    release();
    const now = read();
    const per = ((last - now) * scale) / articles;
    if (Math.abs(per) >= min) console.log(`${name.padEnd(32)} ${per.toFixed(1).padStart(6)} ${unit}/article`);
    last = now;
  };
}

/** Drops every per-article memo of a corpus, one group per key prefix ("dates.times:2026-01-02" is "dates.times"). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the probes reach into the Corpus's private entries on purpose
export function dropMemos(corpus: any, drop: (name: string, release: () => void) => void): void {
  const groups = new Map<string, Set<string>>();
  for (const e of corpus.entries.values()) for (const k of e.memo.keys()) { const g = k.split(':')[0]; groups.set(g, (groups.get(g) ?? new Set()).add(k)); }
  for (const [g, ks] of groups) drop(`memo ${g}`, () => { for (const e of corpus.entries.values()) for (const k of ks) e.memo.delete(k); });
}
