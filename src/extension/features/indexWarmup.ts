// Builds the search and related-coverage indexes in the background after the corpus changes, in
// short slices, so the first search or "Find Related" does not wait for them and the extension
// host is never held for long.
import type { FeatureContext } from '../featureContext';

const SLICE_MS = 15;

export function registerIndexWarmup({ context, service }: FeatureContext) {
  let timer: NodeJS.Timeout | undefined;
  const step = () => {
    timer = undefined;
    const corpus = service.corpus;
    const done = corpus.search.warm(SLICE_MS) && corpus.relatedIndex.warm(SLICE_MS);
    if (!done) timer = setTimeout(step, 0);
  };
  const schedule = () => {
    if (!timer) timer = setTimeout(step, 50);
  };
  void service.ready.then(schedule);
  context.subscriptions.push(service.onDidChange(schedule), { dispose: () => timer && clearTimeout(timer) });
}
