// The cache of analysed articles, its atomic writes, and the worker that fills it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnalysisCache } from '../../src/core/analysisCache';
import { analyseArticle, contentKey, isPlainData } from '../../src/core/articleAnalysis';
import { removeStaleTemps, tempPrefix, writeFileAtomic } from '../../src/core/atomicWrite';
import { Corpus } from '../../src/core/corpus';
import { IndexWorkerClient } from '../../src/core/indexClient';
import type { IndexResult } from '../../src/core/indexProtocol';
import { isSealed } from '../../src/core/sealedMemo';

const SEEDS = path.join(__dirname, '..', '..', 'seeds');
const seedFiles = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seedText = (f: string) => fs.readFileSync(path.join(SEEDS, f), 'utf8');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cache-'));
}

describe('writeFileAtomic', () => {
  it('creates the folder, writes, then replaces the whole file and leaves no temp file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sub', 'data.bin');
    writeFileAtomic(file, 'first version, rather long');
    writeFileAtomic(file, 'second');
    assert.equal(fs.readFileSync(file, 'utf8'), 'second');
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['data.bin']);
  });

  it('leaves the old file untouched when the write fails before the rename', () => {
    const dir = tempDir();
    const file = path.join(dir, 'data.bin');
    writeFileAtomic(file, 'old');
    assert.throws(() => writeFileAtomic(file, 'new', { beforeRename: () => { throw new Error('boom'); } }), /boom/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'old');
    assert.deepEqual(fs.readdirSync(dir), ['data.bin']);
  });
});

describe('AnalysisCache', () => {
  const id = seedFiles[0];
  const text = seedText(id);

  it('gives back, after a save and a load, exactly the article and memo that were stored', () => {
    const file = path.join(tempDir(), 'cache.bin');
    const analysed = analyseArticle(id, text);
    const cache = new AnalysisCache(file, 'b1').load();
    assert.equal(cache.status, 'missing');
    cache.set(contentKey(id, text), analysed);
    assert.equal(cache.save(), true);

    const again = new AnalysisCache(file, 'b1').load();
    assert.equal(again.status, 'loaded');
    const hit = again.get(contentKey(id, text), text);
    assert.ok(hit);
    assert.deepEqual(hit.article, analysed.article);
    // Every stored entry is exactly what was computed (very large ones may be left out).
    const computed = new Map(analysed.memo);
    for (const [k, v] of hit.memo) assert.deepEqual(v, computed.get(k), k);
    assert.equal(again.get(contentKey(id, text + ' changed'), text + ' changed'), undefined);
  });

  it('does not store very large memo entries (they are recomputed on a hit)', () => {
    const file = path.join(tempDir(), 'cache.bin');
    const analysed = analyseArticle(id, text);
    const cache = new AnalysisCache(file, 'b').load();
    const packed: [string, unknown][] = [['bigPacked', new Int32Array(100_000)], ['smallPacked', new Uint16Array([1, 2, 3])]];
    cache.set(contentKey(id, text), { ...analysed, memo: [...analysed.memo, ['big', 'x'.repeat(100_000)], ['small', 7], ...packed] });
    cache.save();
    const hit = new AnalysisCache(file, 'b').load().get(contentKey(id, text), text)!;
    const keys = hit.memo.map(([k]) => k);
    assert.ok(!keys.includes('big') && !keys.includes('bigPacked'));
    assert.ok(keys.includes('small'));
    assert.deepEqual(hit.memo.find(([k]) => k === 'smallPacked')?.[1], new Uint16Array([1, 2, 3]));
    const again = analyseArticle(id, text, hit);
    assert.deepEqual(again.article, analysed.article);
  });

  it('keys by id and content: the same text under another id, or edited, misses', () => {
    assert.notEqual(contentKey('a', text), contentKey('b', text));
    assert.notEqual(contentKey('a', text), contentKey('a', text + '.'));
    assert.equal(contentKey('a', text), contentKey('a', text));
  });

  it('discards a cache written by another analysis version or build', () => {
    const file = path.join(tempDir(), 'cache.bin');
    const cache = new AnalysisCache(file, 'old-build').load();
    cache.set(contentKey(id, text), analyseArticle(id, text));
    cache.save();
    const other = new AnalysisCache(file, 'new-build').load();
    assert.equal(other.status, 'old-version');
    assert.equal(other.size, 0);
    assert.equal(other.get(contentKey(id, text), text), undefined);
  });

  it('discards a corrupt file without throwing, and replaces it on the next save', () => {
    const file = path.join(tempDir(), 'cache.bin');
    for (const junk of [Buffer.from('not a cache at all'), Buffer.alloc(0), Buffer.from([0xff, 0x0d, 0x6f, 0x7b, 0x22])]) {
      fs.writeFileSync(file, junk);
      const cache = new AnalysisCache(file, 'b').load();
      assert.equal(cache.status, 'corrupt');
      assert.equal(cache.size, 0);
    }
    const cache = new AnalysisCache(file, 'b').load();
    cache.set(contentKey(id, text), analyseArticle(id, text));
    cache.save();
    assert.equal(new AnalysisCache(file, 'b').load().status, 'loaded');
  });

  it('drops, on save, the entries no article used this session', () => {
    const file = path.join(tempDir(), 'cache.bin');
    const cache = new AnalysisCache(file, 'b').load();
    for (const f of seedFiles.slice(0, 3)) cache.set(contentKey(f, seedText(f)), analyseArticle(f, seedText(f)));
    cache.save();
    const next = new AnalysisCache(file, 'b').load();
    assert.ok(next.get(contentKey(seedFiles[0], seedText(seedFiles[0])), seedText(seedFiles[0])));
    next.save();
    assert.equal(new AnalysisCache(file, 'b').load().size, 1);
  });

  it('survives a writer killed between writing the temp file and the rename: the old cache stays intact', async function () {
    this.timeout(30000);
    const dir = tempDir();
    const file = path.join(dir, 'cache.bin');
    const old = new AnalysisCache(file, 'b').load();
    old.set(contentKey(id, text), analyseArticle(id, text));
    old.save();
    const before = fs.readFileSync(file);

    // A child process writes a new cache and stops right before the rename; we kill it there.
    const script = `
      const { AnalysisCache } = require(${JSON.stringify(path.resolve(__dirname, '../../src/core/analysisCache.ts'))});
      const { analyseArticle, contentKey } = require(${JSON.stringify(path.resolve(__dirname, '../../src/core/articleAnalysis.ts'))});
      const c = new AnalysisCache(${JSON.stringify(file)}, 'b').load();
      c.set(contentKey('other', 'Other text.'), analyseArticle('other', 'Other text.'));
      c.save({ beforeRename: () => { process.stdout.write('written\\n'); for (;;) {} } });`;
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('written') && child.kill('SIGKILL'));
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the writer was not killed (exit ${_code})`))));
    });
    const temps = fs.readdirSync(dir).filter((n) => n.startsWith(tempPrefix(file)));
    assert.equal(temps.length, 1, 'the killed writer left its temp file');
    assert.deepEqual(fs.readFileSync(file), before, 'the cache file is the old one, byte for byte');
    const loaded = new AnalysisCache(file, 'b').load();
    assert.equal(loaded.status, 'loaded');
    assert.ok(loaded.get(contentKey(id, text), text));
    assert.equal(removeStaleTemps(file, 0), 1);
    assert.deepEqual(fs.readdirSync(dir), ['cache.bin']);
  });
});

describe('Corpus.ingest', () => {
  it('holds an article analysed elsewhere exactly as upsert would, and uses its precomputed memo', () => {
    const direct = new Corpus();
    const viaWorker = new Corpus();
    for (const f of seedFiles) {
      direct.upsert(f, seedText(f));
      const a = analyseArticle(f, seedText(f));
      viaWorker.ingest(a.article, [...a.memo, ['bench:probe', 42]]);
    }
    assert.deepEqual(viaWorker.articles(), direct.articles());
    assert.deepEqual(viaWorker.report(), direct.report());
    assert.equal(viaWorker.perArticle('bench:probe', seedFiles[0], () => 0), 42);
    const v = viaWorker.version;
    viaWorker.ingest(viaWorker.get(seedFiles[0])!);
    assert.equal(viaWorker.version, v, 'an unchanged article is not a change');
  });
});

describe('isPlainData', () => {
  it('accepts JSON-like data, Maps and Sets, and refuses class instances and functions', () => {
    assert.equal(isPlainData({ a: [1, 'x', null, { b: true }], m: new Map([['k', new Set([1])]]) }), true);
    class Doc { n = 1; }
    assert.equal(isPlainData({ d: new Doc() }), false);
    assert.equal(isPlainData([() => 1]), false);
  });
});

describe('the indexing worker', () => {
  it('reads, analyses and caches articles off the main thread; a second run comes from the cache', async function () {
    this.timeout(60000);
    const cacheFile = path.join(tempDir(), 'cache.bin');
    const workerFile = path.resolve(__dirname, '../../src/core/indexWorker.ts');
    const jobs = [
      ...seedFiles.map((f) => ({ id: f, path: path.join(SEEDS, f) })),
      { id: 'gone.txt', path: path.join(SEEDS, 'no-such-file.txt') },
      { id: 'binary.txt', bytes: new Uint8Array([0, 1, 2, 3]) },
      { id: 'open.txt', text: 'An open document.\n\nIts text comes from the editor.' },
    ];
    const runOnce = async () => {
      const client = new IndexWorkerClient(workerFile, { cacheFile, build: 't', maxBytes: 1 << 20 }, { execArgv: ['--require', 'tsx/cjs'] });
      const results: IndexResult[] = [];
      const batches: number[] = [];
      await client.run(jobs, (rs) => void (batches.push(rs.length), results.push(...rs)), undefined, 2);
      assert.deepEqual((await client.save()).error, undefined);
      client.dispose();
      return { results, batches };
    };
    const first = await runOnce();
    assert.deepEqual(first.results.map((r) => r.id), jobs.map((j) => j.id), 'results come back in order');
    assert.deepEqual(first.batches, [2, 2, 2, 2]);
    const byId = new Map(first.results.map((r) => [r.id, r]));
    const gone = byId.get('gone.txt')!;
    assert.ok(!gone.ok && gone.missing);
    const bin = byId.get('binary.txt')!;
    assert.ok(!bin.ok && /binary/.test(bin.reason));
    const direct = new Corpus();
    for (const f of seedFiles) {
      const r = byId.get(f)!;
      assert.ok(r.ok && !r.cached);
      assert.deepEqual(r.article, direct.upsert(f, seedText(f)));
    }
    const second = await runOnce();
    for (const f of seedFiles) {
      const r = second.results.find((x) => x.id === f)!;
      assert.ok(r.ok && r.cached, `${f} comes from the cache`);
      assert.deepEqual(r.article, direct.get(f));
    }
    // The late-read memo entries ship as bytes, and a corpus built from either run answers as the direct one.
    const expected = JSON.stringify([direct.people(), direct.claims(), direct.events()]);
    for (const run of [first, second]) {
      const shipped = new Corpus();
      for (const r of run.results) if (r.ok) shipped.ingest(r.article, r.memo);
      shipped.remove('open.txt');
      assert.ok(run.results.some((r) => r.ok && r.memo.some(([k, v]) => k === 'claims:facts' && isSealed(v))), 'claims facts ship sealed');
      assert.equal(JSON.stringify([shipped.people(), shipped.claims(), shipped.events()]), expected);
    }
  });

  it('lowers the priority of its own thread only, so the extension host keeps a core (Linux)', async function () {
    this.timeout(60000);
    if (process.platform !== 'linux') this.skip();
    const before = os.getPriority();
    const workerFile = path.resolve(__dirname, '../../src/core/indexWorker.ts');
    const client = new IndexWorkerClient(workerFile, { maxBytes: 1 << 20 }, { execArgv: ['--require', 'tsx/cjs'] });
    const { priority } = await client.ready;
    client.dispose();
    assert.equal(priority, os.constants.priority.PRIORITY_LOW);
    assert.equal(os.getPriority(), before);
  });

  it('stops between batches when cancelled, and disposing it then raises no error', async function () {
    this.timeout(60000);
    const workerFile = path.resolve(__dirname, '../../src/core/indexWorker.ts');
    const client = new IndexWorkerClient(workerFile, { maxBytes: 1 << 20 }, { execArgv: ['--require', 'tsx/cjs'] });
    const jobs = Array.from({ length: 12 }, (_, i) => ({ id: `a${i}.txt`, text: `Article ${i}.\n\nIt says little.` }));
    let batches = 0;
    await client.run(jobs, () => void batches++, () => batches >= 1, 2);
    assert.equal(batches, 1);
    client.dispose();
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    await new Promise((r) => setTimeout(r, 300));
    process.off('unhandledRejection', onUnhandled);
    assert.deepEqual(unhandled, []);
  });
});
