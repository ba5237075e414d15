// One copy of each recurring string for the whole corpus. Names, stems, time values and mention
// texts come back in thousands of articles, and lower-casing, slicing and structured cloning (the
// worker's results) each make a fresh copy; a single pool also keeps features from holding the same
// string twice.
const POOL = new Map<string, string>();
/** A bound, not a policy: clearing the pool only costs duplicate copies until it fills again. */
const MAX_POOLED = 500_000;

/**
 * A copy of `s` that keeps no longer string alive: V8 keeps a slice of 13 or more characters as a
 * view into its source (a whole article text, a joined word list), which a long-lived holder would retain.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** The pooled copy of `s`; pooled strings are own copies, so the pool never keeps an article alive. */
export function shared(s: string): string {
  const v = POOL.get(s);
  if (v !== undefined) return v;
  if (POOL.size >= MAX_POOLED) POOL.clear();
  const own = ownCopy(s);
  POOL.set(own, own);
  return own;
}
