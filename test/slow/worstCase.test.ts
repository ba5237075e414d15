// "No catastrophic regex": every worst-case input of about 5 MB is analysed in a child process with a
// generous time limit (120 s: a 5 MB article of 2.6M one-letter lines takes ~40 s on a quiet 2-core machine,
// all linear work). This is a hang detector, not a benchmark: the limit is far above normal times.
// It takes minutes, so it runs in `npm run test:unit` / `npm test` (test/slow/.mocharc.json), not in a
// plain `npx mocha`. To find which family is superlinear: npx tsx test/unit/support/probe.ts
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { CASES } from '../unit/support/worstCase';

const SIZE = Number(process.env.CORROBORATE_WORST_SIZE ?? 5 * 1024 * 1024);
const LIMIT_MS = Number(process.env.CORROBORATE_WORST_LIMIT_MS ?? 120_000);
const child = path.join(__dirname, '..', 'unit', 'support', 'worstCase.ts');

describe('no catastrophic regular expressions: ~5 MB worst-case articles', function () {
  this.timeout(LIMIT_MS + 15_000);
  for (const name of Object.keys(CASES)) {
    it(`${name} is analysed in bounded time`, () => {
      const r = spawnSync(process.execPath, ['-r', 'tsx/cjs', child, name, String(SIZE)], {
        timeout: LIMIT_MS,
        killSignal: 'SIGKILL',
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
        cwd: path.join(__dirname, '..', '..'),
      });
      if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
        assert.fail(`"${name}" did not finish within ${LIMIT_MS / 1000} s: a catastrophic regular expression or a quadratic loop`);
      }
      if (r.signal) assert.fail(`"${name}" was killed by ${r.signal} (out of memory or the ${LIMIT_MS / 1000} s limit)\n${r.stderr.slice(-2000)}`);
      assert.equal(r.status, 0, `"${name}" failed:\n${r.stderr.slice(-3000)}`);
      const times = JSON.parse(r.stdout.trim().split('\n').pop()!);
      if (process.env.CORROBORATE_WORST_VERBOSE) console.log(`      ${JSON.stringify(times)}`);
    });
  }
});
