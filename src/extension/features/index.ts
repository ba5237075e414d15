// Every feature registers from this one list; each pushes its disposables into context.subscriptions.
import type { FeatureContext } from '../featureContext';
import { registerCoreCommands } from './coreCommands';
import { registerStatusBar } from './statusBar';
import { registerPeople } from './peopleHover';
import { registerEventsView } from './eventsView';
import { registerTimeHover } from './timeHover';
import { registerSearch } from './search';
import { registerRelated } from './related';
import { registerCompareView } from './compareView';
import { registerRelatedCodeLens } from './relatedCodeLens';
import { registerIndexWarmup } from './indexWarmup';
import { registerClaimDiagnostics } from './claimDiagnostics';
import { registerClaimActions } from './claimActions';
import { registerClaimDecorations } from './claimDecorations';

const features: ((ctx: FeatureContext) => void)[] = [
  registerCoreCommands,
  registerStatusBar,
  registerPeople,
  registerEventsView,
  registerTimeHover,
  registerSearch,
  registerRelated,
  registerCompareView,
  registerRelatedCodeLens,
  registerIndexWarmup,
  registerClaimDiagnostics,
  registerClaimActions,
  registerClaimDecorations,
];

export function registerFeatures(ctx: FeatureContext) {
  for (const register of features) register(ctx);
}
