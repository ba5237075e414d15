// Runs before `npm start` and `npm test`: on a fresh clone, installs the npm dependencies first,
// so each README command is the only one a new user needs. Uses nothing outside Node itself.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
const stale = !fs.existsSync(marker) || (fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs + 1000);
if (stale) {
  console.log('corroborate: installing npm dependencies (first run)…');
  execSync(fs.existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund', { stdio: 'inherit' });
}
