// The CLI on bad input: every bad file gives one clear stderr line and is the only thing skipped;
// exit codes follow docs/cli-json.md (0 success, 1 missing folder or no articles, 2 bad usage); no run hangs.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { articleId, listArticleFiles, readArticleFile } from '../../src/core/folder';
import { READABLE, SKIPPED, makeBadCorpus } from './support/badInput';

const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
/** A hang fails the test instead of stalling mocha. */
const TIMEOUT_MS = 60_000;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`corroborate ${args.join(' ')}: ${(r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `hung for over ${TIMEOUT_MS / 1000} s` : r.error.message}`);
  const stderrLines = r.stderr.split('\n').filter(Boolean);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, stderrLines };
}

/** Every stderr line is one clear message of ours: no stack traces, no internal errors. */
function assertCleanStderr(lines: string[]) {
  for (const l of lines) {
    assert.match(l, /^(corroborate: |usage:|  corroborate )/, `unexpected stderr line: ${l}`);
    assert.doesNotMatch(l, /internal error|\bat .+:\d+:\d+\)?$|TypeError|RangeError/, `stderr shows a crash: ${l}`);
  }
}

describe('CLI on bad input', function () {
  this.timeout(TIMEOUT_MS * 2);
  let dir: string;

  before(() => {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
    dir = makeBadCorpus();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('analyze --json: reads the odd files, skips only the bad ones, one stderr line each, exit 0', () => {
    const r = run(['analyze', dir, '--json']);
    assert.equal(r.status, 0, r.stderr);
    assertCleanStderr(r.stderrLines);
    const report = JSON.parse(r.stdout);
    const ids = report.articles.map((a: { id: string }) => a.id).sort();
    assert.deepEqual(ids, [...READABLE].sort(), 'exactly the readable files are articles');
    for (const [file, why] of Object.entries(SKIPPED)) {
      const lines = r.stderrLines.filter((l) => l.includes(file));
      assert.equal(lines.length, 1, `one stderr line for ${file}, got ${JSON.stringify(lines)}`);
      assert.match(lines[0], why);
      assert.match(lines[0], /skipped/);
    }
    const latin = r.stderrLines.filter((l) => l.includes('latin1.txt'));
    assert.equal(latin.length, 1, 'one warning for the Latin-1 file');
    assert.match(latin[0], /Windows-1252|Latin-1/);
    assert.equal(r.stderrLines.filter((l) => l.includes('self-link.txt')).length, 1, 'the self-link is reported once');
    assert.equal(r.stderrLines.filter((l) => /loop/.test(l) && l.includes('nested')).length, 1, 'the folder loop is reported once');
    for (const name of ['zero.txt', 'pipe.txt']) assert.ok(!ids.includes(name), `${name} is not read`);
  });

  it('analyze without --json prints the readable report, exit 0', () => {
    const r = run(['analyze', dir]);
    assert.equal(r.status, 0, r.stderr);
    assertCleanStderr(r.stderrLines);
    assert.match(r.stdout, new RegExp(`^${READABLE.length} article\\(s\\)`));
  });

  it('decoded text keeps the contract offsets: Latin-1, UTF-16 and CR-only read as text', () => {
    const report = JSON.parse(run(['analyze', dir, '--json']).stdout);
    const byId = new Map(report.articles.map((a: { id: string }) => [a.id, a]));
    const utf16 = byId.get('utf16le.txt') as { title: string; body: { start: number; end: number } };
    assert.equal(utf16.title, 'Bridge opens in Riverton');
    const cr = byId.get('cr-only.txt') as { title: string; byline: string; published: string };
    assert.equal(cr.title, 'City council approves new bridge after long debate');
    assert.equal(cr.published, '2017-07-07');
    assert.equal((byId.get('latin1.txt') as { title: string }).title, 'Café owners in Bogotá protest');
  });

  it('search and related run on the bad corpus, exit 0', () => {
    const s = run(['search', 'bridge mayor', dir, '--json']);
    assert.equal(s.status, 0, s.stderr);
    assert.ok(Array.isArray(JSON.parse(s.stdout).results));
    const r = run(['related', path.join(dir, 'good-1.article'), '--at', '200', '--json']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.query.article, 'good-1.article');
    for (const x of out.results) assert.notEqual(x.article, 'good-1.article');
    const far = run(['related', path.join(dir, 'good-1.article'), '--at', '999999', '--json']);
    assert.equal(far.status, 0, 'an offset past the end is not an error');
  });

  it('related on a bad file or a missing file exits 1 with one line', () => {
    for (const file of ['binary.txt', 'empty.txt', 'no-such-file.txt']) {
      const r = run(['related', path.join(dir, file), '--at', '0']);
      assert.equal(r.status, 1, `${file}: ${r.stderr}`);
      assertCleanStderr(r.stderrLines);
      assert.ok(r.stderrLines.some((l) => l.includes(file)), `the error names ${file}`);
    }
  });

  it('exit 1: a missing folder, a file given as folder, a folder with no article, a folder of only bad files', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-none-'));
    const onlyBad = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-onlybad-'));
    try {
      fs.writeFileSync(path.join(empty, 'notes.pdf'), 'x');
      fs.writeFileSync(path.join(onlyBad, 'empty.txt'), '');
      fs.writeFileSync(path.join(onlyBad, 'bin.txt'), Buffer.from([0, 1, 2, 3, 0, 0]));
      for (const target of [path.join(dir, 'missing-folder'), path.join(dir, 'good-1.article'), empty, onlyBad]) {
        const r = run(['analyze', target, '--json']);
        assert.equal(r.status, 1, `${target}: ${r.stderr}`);
        assert.equal(r.stdout, '', 'nothing on stdout');
        assertCleanStderr(r.stderrLines);
        const errors = r.stderrLines.filter((l) => !l.includes('warning'));
        assert.equal(errors.length, 1, `one error line: ${JSON.stringify(r.stderrLines)}`);
      }
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
      fs.rmSync(onlyBad, { recursive: true, force: true });
    }
  });

  it('exit 2 on bad usage, with the usage text', () => {
    const cases = [[], ['frobnicate'], ['analyze'], ['analyze', dir, '--bogus'], ['related', 'x.txt'], ['related', 'x.txt', '--at', 'abc'], ['related', 'x.txt', '--at', '-1'], ['search', 'q'], ['analyze', dir, '--limit']];
    for (const args of cases) {
      const r = run(args);
      assert.equal(r.status, 2, `${JSON.stringify(args)} -> ${r.status}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /usage:/);
      assertCleanStderr(r.stderrLines);
    }
  });
});

describe('folder loading: files that change under the reader', () => {
  let dir: string;
  beforeEach(() => (dir = makeBadCorpus({ fifo: true })));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a file deleted between listing and reading is skipped with a reason; the rest still read', () => {
    const files = listArticleFiles(dir);
    const victim = path.join(dir, 'good-2.news');
    assert.ok(files.includes(victim));
    fs.unlinkSync(victim);
    const results = files.map((f) => [articleId(dir, f), readArticleFile(f)] as const);
    const gone = results.find(([id]) => id === 'good-2.news')![1];
    assert.equal(gone.ok, false);
    assert.match(!gone.ok ? gone.reason : '', /deleted/);
    const good = results.find(([id]) => id === 'good-1.article')![1];
    assert.ok(good.ok && good.text.startsWith('City council'));
  });

  it('a file replaced by a pipe or a folder between listing and reading is skipped, never blocks', () => {
    const files = listArticleFiles(dir);
    const a = path.join(dir, 'good-1.article');
    const b = path.join(dir, 'cr-only.txt');
    fs.unlinkSync(a);
    execFileSync('mkfifo', [a]);
    fs.unlinkSync(b);
    fs.mkdirSync(b);
    assert.ok(files.includes(a) && files.includes(b));
    for (const f of [a, b]) {
      const r = readArticleFile(f);
      assert.equal(r.ok, false, f);
    }
  });

  it('listing never follows a loop twice, never lists pipes or devices, and warns once per loop', () => {
    const warnings: string[] = [];
    const files = listArticleFiles(dir, (m) => warnings.push(m)).map((f) => articleId(dir, f));
    assert.deepEqual(new Set(files).size, files.length, 'no file listed twice');
    assert.ok(!files.some((f) => f.startsWith('nested/')), 'nothing through the loop');
    assert.ok(!files.includes('pipe.txt') && !files.includes('zero.txt'));
    assert.equal(warnings.filter((w) => w.includes('loop')).length, 2, JSON.stringify(warnings));
  });

  it('a file over the limit is refused by the size of what was opened', () => {
    const f = path.join(dir, 'good-1.article');
    const r = readArticleFile(f, 100);
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.reason : '', /too large/);
  });
});
