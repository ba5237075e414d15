// Every feature registers from this one list; each pushes its disposables into context.subscriptions.
import type { FeatureContext } from '../featureContext';
import { registerCoreCommands } from './coreCommands';
import { registerStatusBar } from './statusBar';
import { registerSearch } from './search';
import { registerRelated } from './related';
import { registerCompareView } from './compareView';
import { registerRelatedCodeLens } from './relatedCodeLens';
import { registerClaimDiagnostics } from './claimDiagnostics';
import { registerClaimActions } from './claimActions';
import { registerClaimDecorations } from './claimDecorations';

const features: ((ctx: FeatureContext) => void)[] = [
  registerCoreCommands,
  registerStatusBar,
  registerSearch,
  registerRelated,
  registerCompareView,
  registerRelatedCodeLens,
  registerClaimDiagnostics,
  registerClaimActions,
  registerClaimDecorations,
];

export function registerFeatures(ctx: FeatureContext) {
  for (const register of features) register(ctx);
}
