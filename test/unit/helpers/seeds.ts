// The sample corpus as the CLI would load it, for unit tests of corpus-level features.
import fs from 'node:fs';
import path from 'node:path';
import { Corpus } from '../../../src/core/corpus';
import { decodeArticleBytes } from '../../../src/core/decode';

export const seedsDir = path.join(__dirname, '..', '..', '..', 'seeds');

export function seedCorpus(): Corpus {
  const c = new Corpus();
  for (const f of fs.readdirSync(seedsDir)) {
    const d = decodeArticleBytes(fs.readFileSync(path.join(seedsDir, f)));
    if (d.ok) c.upsert(f, d.text);
  }
  return c;
}
