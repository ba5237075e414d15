// Ignored claims live in workspace state, never in the article file. A claim is keyed by its
// article id plus a hash of its kind and text, so it stays ignored when other text moves around it.
import * as vscode from 'vscode';

const STATE_KEY = 'corroborate.claims.ignored';

/** FNV-1a, 32-bit: a short stable hash; collisions only risk hiding one extra claim. */
export function textHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function claimKey(article: string, kind: string, text: string): string {
  return `${article}#${textHash(`${kind}\u0000${text.replace(/\s+/g, ' ').trim()}`)}`;
}

export class IgnoredClaims {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {}

  private keys(): Set<string> {
    return new Set(this.state.get<string[]>(STATE_KEY, []));
  }

  has(article: string, kind: string, text: string): boolean {
    return this.keys().has(claimKey(article, kind, text));
  }

  /** A fast membership test over the current set, for checking many claims at once. */
  matcher(): (article: string, kind: string, text: string) => boolean {
    const keys = this.keys();
    return (article, kind, text) => keys.size > 0 && keys.has(claimKey(article, kind, text));
  }

  dispose() {
    this.emitter.dispose();
  }

  async add(article: string, kind: string, text: string): Promise<void> {
    const keys = this.keys();
    keys.add(claimKey(article, kind, text));
    await this.state.update(STATE_KEY, [...keys]);
    this.emitter.fire();
  }

  /** Forgets every ignored claim; returns how many there were. */
  async clear(): Promise<number> {
    const n = this.keys().size;
    await this.state.update(STATE_KEY, undefined);
    this.emitter.fire();
    return n;
  }
}
