// Runs the same integration suite in desktop VS Code with @vscode/test-electron, for contributors with
// a desktop: it downloads VS Code into .vscode-test/ (needs internet), or uses VSCODE_EXECUTABLE.
// Usage: npm run test:integration:electron
import fs from 'node:fs';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT, cleanup, fail, log, seedsWorkspace, tempDir } from './host';

async function main() {
  const extensionTestsPath = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) fail('out/test/integration/index.js is missing; run: npm run build:tests');
  const tmp = tempDir('electron');
  const workspace = seedsWorkspace(tmp);
  const executable = process.env.VSCODE_EXECUTABLE;
  log(executable ? `using VS Code at ${executable}` : 'downloading VS Code (set VSCODE_EXECUTABLE to use an installed one)');
  try {
    const code = await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      vscodeExecutablePath: executable || undefined,
      version: process.env.VSCODE_VERSION || undefined,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(tmp, 'user-data')}`,
        `--extensions-dir=${path.join(tmp, 'extensions')}`,
      ],
    });
    process.exitCode = code;
  } catch (e) {
    // runTests rejects when the suite fails or VS Code cannot be started/downloaded.
    console.error(`[test-host] electron runner: ${e instanceof Error ? e.message : String(e)}`);
    if (!executable) console.error('[test-host] without internet, set VSCODE_EXECUTABLE to an installed VS Code, or use the default runner: npm run test:integration');
    process.exitCode = 1;
  } finally {
    cleanup(tmp);
  }
}

void main();
