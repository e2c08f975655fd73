// Bytes → text: picks the charset the way browsers do (BOM > header > <meta> > sniffing) and decodes it.
import { detect } from 'chardet';

export interface DecodedBody {
  text: string;
  /** WHATWG encoding name actually used (`utf-8`, `windows-1251`, `koi8-r`, …). */
  charset: string;
  /** Where the charset came from, for reasons and debugging. */
  source: 'bom' | 'header' | 'meta' | 'utf-8' | 'detected' | 'default';
}

/**
 * Decoders by WHATWG name, made once: constructing one opens an ICU converter, and a decode that is
 * not streamed keeps no state between calls (a fatal UTF-8 decode that threw included).
 */
const decoders = new Map<string, InstanceType<typeof TextDecoder>>();

function decoderFor(charset: string): InstanceType<typeof TextDecoder> {
  let decoder = decoders.get(charset);
  if (!decoder) {
    decoder = new TextDecoder(charset);
    decoders.set(charset, decoder);
  }
  return decoder;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Labels already named (`utf-8`, `UTF-8`, `windows-1251` repeat on every page): bounded, as pages may write anything. */
const charsetNames = new Map<string, string | undefined>();

/** Canonical WHATWG name for a label, or undefined when TextDecoder does not know it. */
export function normaliseCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  if (charsetNames.has(label)) return charsetNames.get(label);
  let name: string | undefined;
  try {
    name = new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
  } catch {
    name = undefined;
  }
  if (charsetNames.size >= 256) charsetNames.clear();
  charsetNames.set(label, name);
  return name;
}

/** The first bytes as latin1, the lens the page stage sniffs ASCII markup through. */
export function latin1Head(bytes: Uint8Array, limit: number): string {
  return decoderFor('latin1').decode(bytes.subarray(0, limit));
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

// The prescan reads ASCII only, so latin1 is a safe lens over the first bytes of any
// ASCII-compatible encoding; both <meta charset> and the http-equiv content= form match.
function sniffMetaCharset(bytes: Uint8Array, limit: number): string | undefined {
  const raw = latin1Head(bytes, limit);
  // Only the head: a page's text may quote a <meta> tag, and commented-out tags mean nothing.
  const head = raw.replace(/<!--[\s\S]*?(-->|$)/g, '').split(/<\/head\s*>|<body[\s>]/i)[0] ?? '';
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const match = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    const name = normaliseCharset(match?.[1]);
    // WHATWG: a meta that claims UTF-16 cannot be right (we could read it as ASCII), so use UTF-8.
    if (name) return name.startsWith('utf-16') ? 'utf-8' : name;
  }
  return undefined;
}

/** WHATWG's prescan window. */
const PRESCAN_BYTES = 1024;
// Browsers re-decode when the parser meets a later <meta charset>; a long <head> (inline styles,
// analytics, big comments) pushes it past 1024 bytes, so the whole head is read before guessing.
const HEAD_BYTES = 64 * 1024;

function tryFatalUtf8(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * After strict decoding failed: true when the bytes are still UTF-8 with a few stray invalid bytes
 * (a latin1 snippet pasted into a UTF-8 page), false for a legacy-encoded page, where nearly every
 * non-ASCII byte is invalid UTF-8.
 */
function isMostlyUtf8(bytes: Uint8Array): boolean {
  let invalid = 0;
  let valid = 0;
  for (const ch of decoderFor('utf-8').decode(bytes)) {
    if (ch === '\ufffd') invalid++;
    else if (ch.charCodeAt(0) > 0x7f) valid++;
  }
  return valid >= invalid * 10;
}

function decodeAs(bytes: Uint8Array, charset: string, source: DecodedBody['source'], decoded?: string): DecodedBody {
  return { text: decoded ?? decoderFor(charset).decode(bytes), charset, source };
}

/** Decodes a body; `sniffMeta` is off for non-HTML types, where `<meta>` means nothing. */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined, sniffMeta = true): DecodedBody {
  const bom = sniffBom(bytes);
  if (bom) return { text: decoderFor(bom.charset).decode(bytes.subarray(bom.skip)), charset: bom.charset, source: 'bom' };
  // Servers and CMSs label everything UTF-8; when the bytes say otherwise, read on instead of
  // producing U+FFFD for every Cyrillic letter. Other labels are trusted, as browsers do.
  // Decoded lazily: a page labelled windows-1251 never pays for a UTF-8 pass.
  let strict: string | undefined;
  let utf8: boolean | undefined;
  const isUtf8 = (): boolean => {
    if (utf8 === undefined) {
      strict = tryFatalUtf8(bytes);
      utf8 = strict !== undefined || isMostlyUtf8(bytes);
    }
    return utf8;
  };
  const usable = (charset: string | undefined) => (charset === 'utf-8' && !isUtf8() ? undefined : charset);
  const header = usable(normaliseCharset(readHeaderCharset(contentType)));
  if (header) return decodeAs(bytes, header, 'header', header === 'utf-8' ? strict : undefined);
  const meta = sniffMeta ? usable(sniffMetaCharset(bytes, PRESCAN_BYTES)) : undefined;
  if (meta) return decodeAs(bytes, meta, 'meta', meta === 'utf-8' ? strict : undefined);
  if (isUtf8()) return decodeAs(bytes, 'utf-8', 'utf-8', strict);
  const late = sniffMeta ? usable(sniffMetaCharset(bytes, HEAD_BYTES)) : undefined;
  if (late) return decodeAs(bytes, late, 'meta');
  // chardet's statistics need some text; a 64 KB sample is plenty and keeps huge bodies cheap.
  const detected = normaliseCharset(detect(bytes.subarray(0, 65536)) ?? undefined);
  // chardet can still guess UTF-8 (or UTF-16 for binary junk) after UTF-8 failed: ignore that.
  if (detected && !detected.startsWith('utf-')) return decodeAs(bytes, detected, 'detected');
  return decodeAs(bytes, 'windows-1252', 'default');
}
