// The extension's own state survives a crash at any moment: a writer killed at random times while it
// replaces a file over and over leaves either the old or the new content, whole, never a mix.
// (analysisCache.test.ts kills it exactly between the write and the rename; this kills it anywhere.)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeStaleTemps } from '../../src/core/atomicWrite';

const root = path.join(__dirname, '..', '..');
const payload = (tag: string) => `${tag}:`.padEnd(2 * 1024 * 1024, tag); // 2 MB: the write itself takes time

describe('atomic state writes under random kills', function () {
  this.timeout(60_000);

  it('a writer killed at random moments never leaves a partial or mixed file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-atomic-'));
    const file = path.join(dir, 'state.bin');
    const versions = new Set(['A', 'B', 'C'].map(payload));
    fs.writeFileSync(file, payload('A'));
    const script = `
      const { writeFileAtomic } = require(${JSON.stringify(path.join(root, 'src', 'core', 'atomicWrite.ts'))});
      const p = (t) => (t + ':').padEnd(2 * 1024 * 1024, t);
      const tags = ['B', 'C', 'A'];
      process.stdout.write('ready\\n');
      for (let i = 0; ; i++) writeFileAtomic(${JSON.stringify(file)}, p(tags[i % 3]));`;
    try {
      for (let round = 0; round < 5; round++) {
        const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
        await new Promise<void>((resolve, reject) => {
          child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), 20 + Math.random() * 200));
          child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited on its own (${code})`))));
        });
        const content = fs.readFileSync(file, 'utf8');
        assert.ok(versions.has(content), `round ${round}: the file is not one whole version (${content.length} bytes, starts ${content.slice(0, 4)})`);
      }
      // What the killed writers left are only their temp files, which the cleanup removes.
      const leftovers = fs.readdirSync(dir).filter((f) => f !== 'state.bin');
      assert.equal(removeStaleTemps(file, 0), leftovers.length);
      assert.deepEqual(fs.readdirSync(dir), ['state.bin']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
