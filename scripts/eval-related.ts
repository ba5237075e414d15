// Held-out check of related coverage on MEANTIME (CAT XML, cross-document event annotation):
// for a sentence mentioning an event instance that other articles of the topic also mention, are
// those articles' sentences about the same instance among the top 5 related passages?
// Usage: npx tsx scripts/eval-related.ts ../shared/eval/meantime [--verbose]
import fs from 'node:fs';
import path from 'node:path';
import { Corpus } from '../src/core/corpus';

const root = process.argv[2];
const verbose = process.argv.includes('--verbose');
if (!root || !fs.existsSync(root)) {
  console.error('usage: eval-related.ts <meantime dir>  (the folder holding intra_cross-doc_annotation/)');
  process.exit(2);
}
const base = fs.existsSync(path.join(root, 'intra_cross-doc_annotation')) ? path.join(root, 'intra_cross-doc_annotation') : root;

interface Doc { id: string; text: string; mentionOffsets: Map<string, number[]>; instancesOf: Map<string, Set<string>>; }

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function readDoc(file: string): Doc {
  const xml = fs.readFileSync(file, 'utf8');
  const tokens = [...xml.matchAll(/<token ([^>]*)>([^<]*)<\/token>/g)].map((m) => ({ id: attr(m[1], 't_id'), sentence: Number(attr(m[1], 'sentence')), text: unescape(m[2]) }));
  // Title line, date line, then one paragraph per sentence; offsets of each token kept.
  let text = '';
  const offset = new Map<string, number>();
  let sentence = -1;
  for (const t of tokens) {
    if (t.sentence !== sentence) {
      if (sentence >= 0) text += sentence <= 1 ? '\n' : '\n\n';
      sentence = t.sentence;
    } else if (!/^[.,;:!?%)\]]$|^'s$|^n't$/.test(t.text) && !/[($[]$/.test(text)) text += ' ';
    offset.set(t.id, text.length);
    text += t.text;
  }
  const mentionOffsets = new Map<string, number[]>();
  for (const m of xml.matchAll(/<EVENT_MENTION ([^>]*)>([\s\S]*?)<\/EVENT_MENTION>/g)) {
    const ids = [...m[2].matchAll(/t_id="(\d+)"/g)].map((x) => offset.get(x[1])!).filter((x) => x !== undefined);
    mentionOffsets.set(attr(m[1], 'm_id'), ids);
  }
  const instanceOfMarkable = new Map<string, string>();
  for (const m of xml.matchAll(/<EVENT ([^>]*)\/>/g)) {
    const inst = attr(m[1], 'instance_id');
    if (inst && attr(m[1], 'class') !== 'GRAMMATICAL') instanceOfMarkable.set(attr(m[1], 'm_id'), inst);
  }
  const instancesOf = new Map<string, Set<string>>();
  for (const r of xml.matchAll(/<REFERS_TO [^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = /<target m_id="(\d+)"/.exec(r[1])?.[1];
    const inst = target && instanceOfMarkable.get(target);
    if (!inst) continue;
    for (const s of r[1].matchAll(/<source m_id="(\d+)"/g)) {
      if (!mentionOffsets.has(s[1])) continue;
      let set = instancesOf.get(inst);
      if (!set) instancesOf.set(inst, (set = new Set()));
      set.add(s[1]);
    }
  }
  return { id: path.basename(file), text, mentionOffsets, instancesOf };
}

let pairs = 0, top5 = 0, rr = 0, queries = 0;
for (const topic of fs.readdirSync(base).filter((d) => fs.statSync(path.join(base, d)).isDirectory())) {
  const docs = fs.readdirSync(path.join(base, topic)).filter((f) => f.endsWith('.xml')).map((f) => readDoc(path.join(base, topic, f)));
  const corpus = new Corpus();
  for (const d of docs) corpus.upsert(d.id, d.text);
  // Sentence index of each instance mention, per document (body sentences only).
  const sentencesOf = (d: Doc, inst: string) => {
    const a = corpus.get(d.id)!;
    const out = new Set<number>();
    for (const m of d.instancesOf.get(inst) ?? []) {
      for (const off of d.mentionOffsets.get(m) ?? []) {
        const i = a.sentences.findIndex((s) => s.start <= off && off < s.end);
        if (i >= 0) out.add(i);
      }
    }
    return out;
  };
  const instances = new Set(docs.flatMap((d) => [...d.instancesOf.keys()]));
  for (const inst of instances) {
    const holders = docs.filter((d) => sentencesOf(d, inst).size > 0);
    if (holders.length < 2) continue;
    for (const q of holders) {
      const a = corpus.get(q.id)!;
      // One query per instance and article: its first sentence mentioning the instance.
      const qi = Math.min(...sentencesOf(q, inst));
      const res = corpus.related(q.id, a.sentences[qi], 10);
      queries++;
      for (const other of holders) {
        if (other === q) continue;
        pairs++;
        const want = sentencesOf(other, inst);
        const b = corpus.get(other.id)!;
        const rank = res.findIndex((r) => r.article === other.id && want.has(b.sentences.findIndex((s) => s.start === r.start)));
        if (rank >= 0 && rank < 5) top5++;
        if (rank >= 0) rr += 1 / (rank + 1);
        if (verbose && (rank < 0 || rank >= 5)) {
          console.log(`miss ${topic} ${inst}: "${a.sentences[qi].text.slice(0, 140)}" -> ${other.id.slice(0, 30)} (rank ${rank + 1})`);
          for (const i of want) console.log(`   want: ${b.sentences[i].text.slice(0, 140)}`);
          if (res[0]) console.log(`   got:  ${res[0].score} ${res[0].text.slice(0, 140)}`);
        }
      }
    }
  }
}
if (!pairs) {
  console.error('eval-related: no cross-document event pairs found; is this the MEANTIME folder?');
  process.exit(1);
}
console.log(`MEANTIME related coverage: ${queries} query sentences, ${pairs} (query, other article) pairs; same event in the top 5: ${((100 * top5) / pairs).toFixed(1)}%, MRR ${(rr / pairs).toFixed(3)}`);
