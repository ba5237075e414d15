// The bad-input corpus: the small files committed under test/fixtures/bad-input/, plus the large,
// binary and file-system-trick ones made at test time into a temp folder (20 MB is not committed).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'bad-input');

/** Files that are read as articles, though odd. */
export const READABLE = ['good-1.article', 'good-2.news', 'cr-only.txt', 'unbalanced-quotes.txt', 'latin1.txt', 'utf16le.txt', 'quotes-100k.txt'];
/** Files skipped with one warning each, and the words the warning must contain. */
export const SKIPPED: Record<string, RegExp> = {
  'empty.txt': /empty/i,
  'binary.txt': /binary|not a text/i,
  'huge-20mb.txt': /too large/i,
};

/** Builds the bad-input corpus in a new temp folder and returns its path. */
export function makeBadCorpus(opts: { fifo?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-bad-'));
  for (const f of fs.readdirSync(FIXTURES)) fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
  // Binary: a PNG header and random bytes with NULs.
  const bin = Buffer.alloc(4096);
  for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919) % 256;
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bin);
  fs.writeFileSync(path.join(dir, 'binary.txt'), bin);
  // 20 MB of plausible text: over every size limit.
  const para = 'The council met on Tuesday and the mayor said the bridge would open next year. ';
  fs.writeFileSync(path.join(dir, 'huge-20mb.txt'), 'A very long article\n\n' + para.repeat(Math.ceil((20 * 1024 * 1024) / para.length)));
  // 100,000 quotation marks, straight and curly.
  fs.writeFileSync(path.join(dir, 'quotes-100k.txt'), 'Quotes\n\nHe said ' + '"“”'.repeat(33_334).slice(0, 100_000) + ' and left.\n');
  // A symlink loop (a folder that contains itself) and a link to itself.
  fs.mkdirSync(path.join(dir, 'nested'));
  fs.symlinkSync('..', path.join(dir, 'nested', 'loop'));
  fs.symlinkSync('self-link.txt', path.join(dir, 'self-link.txt'));
  // Things that are not regular files must never be opened: reading them would block or never end.
  fs.symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
  if (opts.fifo !== false && process.platform !== 'win32') {
    try {
      execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    } catch {
      /* no mkfifo: the rest of the corpus still stands */
    }
  }
  return dir;
}
