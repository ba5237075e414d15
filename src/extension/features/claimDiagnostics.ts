// Claim diagnostics for every article of the corpus (open or not): the core's claims turned into
// Problems entries. Severity per kind, kinds and a per-file cap come from the settings; ignored
// claims (workspace state) are left out. Updates are debounced after corpus changes.
import * as vscode from 'vscode';
import type { FeatureContext } from '../featureContext';
import { positionAt, type CorpusService } from '../corpusService';
import type { Claim, ClaimKind } from '../../core/types';
import { IgnoredClaims } from './claimIgnore';
import { plainText } from './plainText';

export const DIAGNOSTIC_SOURCE = 'Corroborate';
/** The code of the one extra entry that says the per-file cap cut diagnostics off. */
export const CAP_CODE = 'claims/capped';
const DEBOUNCE_MS = 150;
const KINDS: ClaimKind[] = ['unattributed', 'vague-source', 'hedged', 'contested'];
const DEFAULT_SEVERITY: Record<ClaimKind, string> = { unattributed: 'information', 'vague-source': 'information', hedged: 'hint', contested: 'warning' };
const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The README anchor documenting a rule: "vague-source/weasel-subject" -> "rule-vague-source-weasel-subject". */
export function ruleAnchor(rule: string): string {
  return `rule-${rule.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
}

interface ClaimSettings {
  enabled: boolean;
  kinds: Set<ClaimKind>;
  severity: Record<ClaimKind, vscode.DiagnosticSeverity>;
  maxPerFile: number;
}

function readSettings(): ClaimSettings {
  const c = vscode.workspace.getConfiguration('corroborate.claims');
  const sev = { ...DEFAULT_SEVERITY, ...(c.get<Record<string, string>>('severity') ?? {}) };
  const severity = {} as Record<ClaimKind, vscode.DiagnosticSeverity>;
  for (const k of KINDS) severity[k] = SEVERITY[String(sev[k]).toLowerCase()] ?? SEVERITY[DEFAULT_SEVERITY[k]];
  return {
    enabled: c.get<boolean>('enabled', true),
    kinds: new Set((c.get<string[]>('kinds') ?? KINDS).filter((k): k is ClaimKind => (KINDS as string[]).includes(k))),
    severity,
    maxPerFile: Math.max(1, Math.floor(c.get<number>('maxPerFile', 200))),
  };
}

export function registerClaimDiagnostics({ context, service, output }: FeatureContext) {
  const collection = vscode.languages.createDiagnosticCollection('corroborate.claims');
  const ignored = new IgnoredClaims(context.workspaceState);
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;

  const last: Published = { claims: new Map(), uris: new Map() };
  // Settings and ignore lists change what every article shows: those re-publish everything.
  let full = true;
  const refresh = () => {
    if (disposed) return;
    try {
      publish(service, collection, ignored, readSettings(), context.extensionUri, last, full);
      full = false;
    } catch (e) {
      output.error(`Claim diagnostics failed: ${(e as Error).message}`);
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(refresh, DEBOUNCE_MS);
  };

  context.subscriptions.push(
    collection,
    ignored,
    service.onDidChange(schedule),
    ignored.onDidChange(() => { full = true; schedule(); }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('corroborate.claims')) { full = true; schedule(); }
    }),
    { dispose: () => { disposed = true; if (timer) clearTimeout(timer); } },
    vscode.commands.registerCommand('corroborate.claims.ignore', async (article?: string, kind?: string, text?: string) => {
      if (typeof article !== 'string' || typeof kind !== 'string' || typeof text !== 'string') return false;
      await ignored.add(article, kind, text);
      full = true;
      refresh();
      return true;
    }),
    vscode.commands.registerCommand('corroborate.claims.resetIgnored', async () => {
      const n = await ignored.clear();
      full = true;
      refresh();
      void vscode.window.showInformationMessage(n ? `Corroborate: ${n} ignored claim(s) will be shown again.` : 'Corroborate: no claims were ignored.');
      return n;
    }),
  );
  void service.ready.then(refresh);
}

/**
 * What was last published per article, so that after a one-article edit only the articles whose
 * claims changed are re-published: turning 100k claims into Diagnostics on every edit would hold
 * the extension host for seconds at 10k articles.
 */
interface Published {
  claims: Map<string, Claim[]>;
  uris: Map<string, vscode.Uri>;
}

/** Brings the collection in line with the corpus's claims; `full` re-publishes every article. */
function publish(service: CorpusService, collection: vscode.DiagnosticCollection, ignored: IgnoredClaims, settings: ClaimSettings, extensionUri: vscode.Uri, last: Published, full: boolean) {
  const corpus = service.corpus;
  // Articles changed since the last publish: their own diagnostics and any that point into them.
  const changed = corpus.changesFor('extension:claimDiagnostics');
  const touched = new Set(changed);
  changed.clear();
  const byArticle = new Map<string, Claim[]>();
  if (settings.enabled && settings.kinds.size) {
    const isIgnored = ignored.matcher();
    for (const c of corpus.claims()) {
      if (!settings.kinds.has(c.kind) || isIgnored(c.article, c.kind, c.text)) continue;
      const list = byArticle.get(c.article);
      if (list) list.push(c);
      else byArticle.set(c.article, [c]);
    }
  }
  if (full) {
    collection.clear();
    last.claims.clear();
    last.uris.clear();
  }
  for (const [id, uri] of last.uris) {
    if (byArticle.has(id) && service.uriOf(id)?.toString() === uri.toString()) continue;
    collection.delete(uri);
    last.claims.delete(id);
    last.uris.delete(id);
  }
  const readme = vscode.Uri.joinPath(extensionUri, 'README.md');
  for (const [id, claims] of byArticle) {
    const article = corpus.get(id);
    const uri = service.uriOf(id);
    if (!article || !uri) continue;
    const before = last.claims.get(id);
    if (before && !touched.has(id) && sameClaims(before, claims) && !claims.some((c) => c.related.some((r) => touched.has(r.article)))) continue;
    const shown = claims.slice(0, settings.maxPerFile);
    const diags = shown.map((c) => toDiagnostic(service, article.text, c, settings, readme));
    if (claims.length > shown.length) {
      const capped = new vscode.Diagnostic(
        new vscode.Range(positionAt(article.text, article.body.start), positionAt(article.text, article.body.start)),
        `Corroborate shows ${shown.length} of ${claims.length} claims in this article (setting corroborate.claims.maxPerFile).`,
        vscode.DiagnosticSeverity.Information,
      );
      capped.source = DIAGNOSTIC_SOURCE;
      capped.code = CAP_CODE;
      diags.push(capped);
    }
    collection.set(uri, diags);
    last.claims.set(id, claims);
    last.uris.set(id, uri);
  }
}

/** Same claims, in the same order, saying the same thing (identity first: unchanged articles keep their objects). */
function sameClaims(a: Claim[], b: Claim[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    return x === y || (x.start === y.start && x.end === y.end && x.rule === y.rule && x.reason === y.reason && x.related.length === y.related.length
      && x.related.every((r, j) => r.article === y.related[j].article && r.start === y.related[j].start && r.end === y.related[j].end));
  });
}

function toDiagnostic(service: CorpusService, text: string, c: Claim, settings: ClaimSettings, readme: vscode.Uri): vscode.Diagnostic {
  const range = new vscode.Range(positionAt(text, c.start), positionAt(text, c.end));
  const d = new vscode.Diagnostic(range, c.reason, settings.severity[c.kind]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: c.rule, target: readme.with({ fragment: ruleAnchor(c.rule) }) };
  if (c.related.length) {
    d.relatedInformation = c.related.flatMap((r) => {
      const other = service.corpus.get(r.article);
      const uri = service.uriOf(r.article);
      if (!other || !uri) return [];
      const loc = new vscode.Location(uri, new vscode.Range(positionAt(other.text, r.start), positionAt(other.text, r.end)));
      return [new vscode.DiagnosticRelatedInformation(loc, `${plainText(other.outlet ?? r.article, 60)}: ${plainText(other.text.slice(r.start, r.end), 160)}`)];
    });
  }
  return d;
}
