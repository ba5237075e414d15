// The NLP libraries take most of the bundle and hundreds of ms to load (compromise expands its
// lexicon at import). Loaded on first use instead of at import, they stay off the extension's
// activation path. Making the imports lazy means every module-level use must go through here:
// one top-level `nlp.model()` or `import ... from 'compromise'` anywhere loads it all again.
// Use `nlp()(text)` / `chrono().strict.parse(...)` rather than importing the packages directly.
import type * as NlpLibs from './nlpLibs';

let libs: typeof NlpLibs | undefined;

/* eslint-disable @typescript-eslint/no-require-imports -- a require() inside a function is what keeps esbuild from running the module early */
function load(): typeof NlpLibs {
  // Requiring our own ES module (not the packages) keeps esbuild on the packages' ESM builds:
  // a direct require('compromise') would pull in its larger CommonJS build instead.
  return (libs ??= require('./nlpLibs') as typeof NlpLibs);
}

/** Loads the libraries now, at a moment the caller chooses (see preloadLibraries in indexClient.ts). */
export function loadNlpLibs(): void {
  load();
}

export function nlp(): typeof NlpLibs.compromise {
  return load().compromise;
}

export function chrono(): { strict: typeof NlpLibs.chronoStrict } {
  return { strict: load().chronoStrict };
}
