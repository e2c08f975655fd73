// Bytes → text: picks the charset the way browsers do (BOM > header > <meta> > sniffing) and decodes it.
import { detect } from 'chardet';

export interface DecodedBody {
  text: string;
  /** WHATWG encoding name actually used (`utf-8`, `windows-1251`, `koi8-r`, …). */
  charset: string;
  /** Where the charset came from, for reasons and debugging. */
  source: 'bom' | 'header' | 'meta' | 'utf-8' | 'detected' | 'default';
}

/** Canonical WHATWG name for a label, or undefined when TextDecoder does not know it. */
export function normaliseCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
  } catch {
    return undefined;
  }
}

/** The `charset=` parameter of a Content-Type header value. */
export function readHeaderCharset(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return match?.[2];
}

function sniffBom(bytes: Uint8Array): { charset: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  return undefined;
}

// The prescan reads ASCII only, so latin1 is a safe lens over the first 1024 bytes of any
// ASCII-compatible encoding; both <meta charset> and the http-equiv content= form match.
function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const match = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    const name = normaliseCharset(match?.[1]);
    // WHATWG: a meta that claims UTF-16 cannot be right (we could read it as ASCII), so use UTF-8.
    if (name) return name.startsWith('utf-16') ? 'utf-8' : name;
  }
  return undefined;
}

function tryFatalUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decodes a body; `sniffMeta` is off for non-HTML types, where `<meta>` means nothing. */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined, sniffMeta = true): DecodedBody {
  const bom = sniffBom(bytes);
  if (bom) return { text: new TextDecoder(bom.charset).decode(bytes.subarray(bom.skip)), charset: bom.charset, source: 'bom' };
  const header = normaliseCharset(readHeaderCharset(contentType));
  if (header) return { text: new TextDecoder(header).decode(bytes), charset: header, source: 'header' };
  const meta = sniffMeta ? sniffMetaCharset(bytes) : undefined;
  if (meta) return { text: new TextDecoder(meta).decode(bytes), charset: meta, source: 'meta' };
  const utf8 = tryFatalUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, charset: 'utf-8', source: 'utf-8' };
  // chardet's statistics need some text; a 64 KB sample is plenty and keeps huge bodies cheap.
  const detected = normaliseCharset(detect(bytes.subarray(0, 65536)) ?? undefined);
  // chardet can still guess UTF-8 (or UTF-16 for binary junk) after strict UTF-8 failed: ignore that.
  if (detected && !detected.startsWith('utf-')) return { text: new TextDecoder(detected).decode(bytes), charset: detected, source: 'detected' };
  return { text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252', source: 'default' };
}
