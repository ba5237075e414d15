// The test host hides VS Code's offline noise from the extension host log, but never our own lines.
import assert from 'node:assert';
import path from 'node:path';
import { ROOT, isNoise } from '../../scripts/test-host/host';

describe('test host log filter', () => {
  it('drops the offline marketplace, chat and GitHub look-ups', () => {
    assert.ok(isNoise('Error while fetching extensions from the marketplace: getaddrinfo ENOTFOUND'));
    assert.ok(isNoise('[AgentHost] No signed-in session resolved for resource: https://api.github.com'));
    assert.ok(isNoise('Failed to load chat entitlements\n    at x (workbench.js:1:2)'));
    assert.ok(isNoise("Error: Could not locate the bindings file. Tried:\n → .../spdlog.node"));
  });

  it('keeps errors that come from the extension, even inside a noisy message', () => {
    assert.ok(!isNoise(`Error: boom\n    at activate (${path.join(ROOT, 'dist', 'extension.js')}:1:2)`));
    assert.ok(!isNoise('Activating extension corroborate.corroborate failed due to an error: chat'));
    assert.ok(!isNoise('  1) foundation registers every command contributed in package.json'));
    assert.ok(!isNoise('integration: 8 passed, 1 failed'));
  });
});
