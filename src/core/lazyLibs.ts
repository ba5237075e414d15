// The NLP libraries take most of the bundle and tens of ms to load. Loaded on first use instead
// of at import, they stay off the extension's activation path (the worker loads them instead).
// Use `nlp()(text)` / `chrono().strict.parse(...)` rather than importing the packages directly.
import type compromise from 'compromise';
import type * as chronoNode from 'chrono-node';

let nlpLib: typeof compromise | undefined;
let chronoLib: typeof chronoNode | undefined;

/* eslint-disable @typescript-eslint/no-require-imports -- a require() inside a function is what keeps esbuild from loading the module early */
export function nlp(): typeof compromise {
  return (nlpLib ??= require('compromise') as typeof compromise);
}

export function chrono(): typeof chronoNode {
  return (chronoLib ??= require('chrono-node') as typeof chronoNode);
}
