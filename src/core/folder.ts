// Finding and reading article files on disk (CLI, benchmarks, evaluations). The extension reads
// through VS Code's file system API instead, but uses the same decoding and the same rules.
import fs from 'node:fs';
import path from 'node:path';
import { decodeArticleBytes } from './decode';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.article', '.news'];
/** Files larger than this are skipped by default: no news article is this long. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

export function isArticleFileName(name: string): boolean {
  return ARTICLE_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/** Article files under `root`, recursively; never under node_modules or dot-folders; symlink loops are cut. */
export function listArticleFiles(root: string, warn: (msg: string) => void = () => {}): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (e) {
      warn(`${dir}: cannot be read (${(e as NodeJS.ErrnoException).code ?? e})`);
      return;
    }
    if (seen.has(real)) {
      // A symlink loop or a second link to the same folder: walked once, never again.
      if (dir !== root) warn(`${dir}: links to a folder already read (symbolic link loop?), not followed`);
      return;
    }
    seen.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      warn(`${dir}: cannot be read (${(e as NodeJS.ErrnoException).code ?? e})`);
      return;
    }
    for (const ent of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (ent.name.startsWith('.') || ent.name === 'node_modules') continue;
      const full = path.join(dir, ent.name);
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        try {
          const st = fs.statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          warn(`${full}: broken or looping symbolic link, skipped`);
          continue;
        }
      }
      if (isDir) walk(full);
      else if (isFile && isArticleFileName(ent.name)) out.push(full);
    }
  };
  walk(root);
  return out;
}

export type ReadResult = { ok: true; text: string; warning?: string } | { ok: false; reason: string };

/** Reads one article file; never throws and never blocks. */
export function readArticleFile(file: string, maxBytes = DEFAULT_MAX_BYTES): ReadResult {
  let fd: number | undefined;
  try {
    // Open without blocking and check what was opened, not what was listed: between listing and
    // reading the file may have been deleted, replaced by a pipe or a device, or grown.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    if (st.size > maxBytes) return { ok: false, reason: tooLarge(st.size, maxBytes) };
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (let r; n < buf.length && (r = fs.readSync(fd, buf, n, buf.length - n, n)) > 0; ) n += r;
    if (n > maxBytes) return { ok: false, reason: tooLarge(n, maxBytes) };
    const d = decodeArticleBytes(buf.subarray(0, n));
    if (!d.ok) return { ok: false, reason: d.reason };
    return { ok: true, text: d.text, warning: d.warning };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'deleted before it could be read' : code === 'ELOOP' ? 'a symbolic link loop' : `cannot be read (${code ?? String(e)})` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

const tooLarge = (size: number, maxBytes: number) => `too large (${Math.round(size / 1024)} KB; the limit is ${Math.round(maxBytes / 1024)} KB)`;

/** Article id: the path relative to the analysed folder, with forward slashes. */
export function articleId(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
