// Memo entries the indexing worker ships as bytes. A structured-cloned memo becomes objects the moment
// its message arrives, but some entries are read only at the next full settle (hundreds of ms later)
// and then dropped: by then V8 has promoted them, and they pile up as old-generation garbage that a
// major GC must mark around, holding the extension host. Shipped as bytes, they become objects only
// when read, and die young.
import v8 from 'node:v8';

/** A memo value serialised (v8.serialize); the Uint8Array survives a message as one buffer. */
export interface SealedMemo {
  sealed: Uint8Array;
}

/**
 * Entries a feature reads once, late, and then frees: the contested-claims facts (read at the next full
 * settle). People's candidates are read right after their batch arrives, while still young: sealing them
 * only moved their deserialisation into the people settle (its longest step went from 44 to 79 ms).
 */
const SEALED_KEYS = new Set(['claims:facts']);

export function sealMemo(memo: [string, unknown][]): [string, unknown][] {
  return memo.map(([k, v]): [string, unknown] => (SEALED_KEYS.has(k) ? [k, { sealed: v8.serialize(v) } satisfies SealedMemo] : [k, v]));
}

/** Cheap enough for every memo read (no memo value of ours holds a `sealed` byte array). */
export function isSealed(v: unknown): v is SealedMemo {
  return typeof v === 'object' && v !== null && (v as SealedMemo).sealed instanceof Uint8Array;
}

/** The value itself, deserialised when sealed. */
export function unsealed<T>(v: T | SealedMemo): T {
  return isSealed(v) ? (v8.deserialize((v as SealedMemo).sealed) as T) : (v as T);
}
