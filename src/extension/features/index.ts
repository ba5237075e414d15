// Every feature registers from this one list; each pushes its disposables into context.subscriptions.
import type { FeatureContext } from '../featureContext';
import { registerCoreCommands } from './coreCommands';
import { registerEventsView } from './eventsView';
import { registerStatusBar } from './statusBar';
import { registerTimeHover } from './timeHover';

const features: ((ctx: FeatureContext) => void)[] = [
  registerCoreCommands,
  registerStatusBar,
  registerEventsView,
  registerTimeHover,
];

export function registerFeatures(ctx: FeatureContext) {
  for (const register of features) register(ctx);
}
