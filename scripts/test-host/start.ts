// `npm start`: opens a copy of the sample corpus in a real VS Code with this extension loaded.
// Desktop `code` on PATH: `code --extensionDevelopmentPath=. <copy>`. Otherwise: the cached code-server
// on loopback, with the extension loaded from this folder; open the printed URL in a browser.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CODE_SERVER_VERSION, ROOT, ensureCodeServer, freePort, log, startCodeServer } from './host';

const STATE = path.join(ROOT, '.vscode-test', 'start');

/** A working copy of seeds/ that the reader may edit freely; the shipped seeds stay untouched. */
function sampleWorkspace(): string {
  const ws = path.join(STATE, 'sample-corpus');
  if (!fs.existsSync(path.join(ws, 'seeds'))) fs.cpSync(path.join(ROOT, 'seeds'), path.join(ws, 'seeds'), { recursive: true });
  return ws;
}

function desktopCode(): string | undefined {
  if (process.env.CORROBORATE_NO_DESKTOP) return undefined;
  const r = spawnSync('code', ['--version'], { encoding: 'utf8' });
  // code-server's terminal puts a `code` shim on PATH that opens files in the browser window; skip it.
  return r.status === 0 && !process.env.VSCODE_IPC_HOOK_CLI ? 'code' : undefined;
}

async function main() {
  const workspace = sampleWorkspace();
  const code = desktopCode();
  if (code) {
    log(`opening ${workspace} in VS Code with the extension from ${ROOT}`);
    const child = spawn(code, ['--new-window', `--extensionDevelopmentPath=${ROOT}`, workspace], { stdio: 'inherit' });
    child.on('exit', (c) => process.exit(c ?? 0));
    return;
  }

  ensureCodeServer();
  const port = Number(process.env.PORT) || (await freePort());
  const server = await startCodeServer({
    workspace,
    userData: path.join(STATE, 'user-data'),
    extensions: path.join(STATE, 'extensions'),
    config: path.join(STATE, 'code-server', 'config.yaml'),
    port,
    quiet: true,
  });
  // The payload loads the extension from this folder, as --extensionDevelopmentPath does on the desktop.
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${ROOT}`]];
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`\nCorroborate is running in code-server ${CODE_SERVER_VERSION} (VS Code in the browser, loopback only).`);
  console.log(`Open this URL in a browser:\n\n  ${url}\n`);
  console.log('From another machine, forward the port first: ssh -L ' + `${port}:127.0.0.1:${port} <this host>`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.process.on('exit', (c) => process.exit(c ?? 0));
}

void main();
