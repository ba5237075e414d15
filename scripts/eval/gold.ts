// `--gold <file> --corpus <dir>`: scores the CLI against a gold file (seeds.gold.json format) with the shared
// scorer, ../shared/eval/score.mjs, found relative to the repository.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function findScorer(repoRoot: string): string | null {
  const candidates = [process.env.CORROBORATE_SCORER, path.resolve(repoRoot, '..', 'shared', 'eval', 'score.mjs')].filter((p): p is string => Boolean(p));
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

/** Builds the CLI, runs the scorer, and returns its exit code. */
export function scoreWithGold(repoRoot: string, goldFile: string, corpusDir: string, extra: string[]): number {
  const scorer = findScorer(repoRoot);
  if (!scorer) {
    console.error(`eval: no scorer found at ${path.resolve(repoRoot, '..', 'shared', 'eval', 'score.mjs')} (set CORROBORATE_SCORER to its path)`);
    return 1;
  }
  if (!fs.existsSync(goldFile)) { console.error(`eval: gold file ${goldFile} does not exist`); return 1; }
  if (!fs.existsSync(corpusDir) || !fs.statSync(corpusDir).isDirectory()) { console.error(`eval: corpus folder ${corpusDir} does not exist`); return 1; }
  // The scorer runs dist/cli.js; build it so the figures are of the current source.
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) { console.error('eval: the build failed'); return 1; }
  console.log(`eval: scoring ${corpusDir} against ${goldFile} with ${scorer}`);
  const run = spawnSync(process.execPath, [scorer, '--corpus', path.resolve(corpusDir), '--gold', path.resolve(goldFile), ...extra], { cwd: repoRoot, stdio: 'inherit' });
  return run.status ?? 1;
}
