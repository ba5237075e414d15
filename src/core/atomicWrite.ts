// Crash-safe file replacement: the data goes to a temporary file next to the target, which is
// then renamed over it. A rename within one folder is atomic, so a reader sees either the old
// file or the new one, never half of each, even if the writer dies in between.
import fs from 'node:fs';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** Called after the temporary file is written and before the rename (tests use it to crash there). */
  beforeRename?: (tempFile: string) => void;
}

/** The temporary files of `file` start with this; a left-over one is a writer that died. */
export function tempPrefix(file: string): string {
  return `${path.basename(file)}.tmp-`;
}

export function writeFileAtomic(file: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `${tempPrefix(file)}${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd); // the bytes are on disk before the name points at them
    } finally {
      fs.closeSync(fd);
    }
    opts.beforeRename?.(temp);
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

/** Removes temporary files left by writers that died before their rename. Never throws. */
export function removeStaleTemps(file: string, minAgeMs = 60_000): number {
  let removed = 0;
  try {
    const prefix = tempPrefix(file);
    for (const name of fs.readdirSync(path.dirname(file))) {
      if (!name.startsWith(prefix)) continue;
      const temp = path.join(path.dirname(file), name);
      // A young temp file may belong to a writer that is still running (another window).
      if (Date.now() - fs.statSync(temp).mtimeMs < minAgeMs) continue;
      fs.rmSync(temp, { force: true });
      removed++;
    }
  } catch {
    // no folder yet: nothing to clean
  }
  return removed;
}
