// Turns file bytes into the text VS Code would show, or says why it cannot.
// Offsets everywhere are into this text (UTF-8 decoded, leading BOM removed, line endings kept).

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'; warning?: string }
  | { ok: false; reason: string };

/** Files above this share of control bytes are treated as binary. */
const BINARY_CONTROL_SHARE = 0.1;

export function decodeArticleBytes(bytes: Uint8Array): Decoded {
  const d = decodeBytes(bytes);
  // An empty file is not an article: say so once instead of indexing an article with nothing in it.
  if (d.ok && !/\S/.test(d.text)) return { ok: false, reason: 'empty file (no text)' };
  return d;
}

function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: stripBom(new TextDecoder('utf-16le').decode(bytes.subarray(2))), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: stripBom(new TextDecoder('utf-16be').decode(bytes.subarray(2))), encoding: 'utf-16be' };
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'not a text file (binary content)' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: stripBom(text), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: most such news pages are Latin-1 / Windows-1252.
    const text = new TextDecoder('windows-1252').decode(bytes);
    return { ok: true, text, encoding: 'windows-1252', warning: 'not valid UTF-8; read as Windows-1252 (Latin-1)' };
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / n > BINARY_CONTROL_SHARE;
}
