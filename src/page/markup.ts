// Where challenge markers live in raw HTML: the title, inline scripts, and script/iframe sources.

export interface Markup {
  /** The lower-cased HTML. */
  lower: string;
  /** The lower-cased visible text. */
  text: string;
  /** The `<title>`, lower-cased, whitespace collapsed, common entities decoded. */
  title: string;
  /** Bodies of inline scripts that run (no `src`, a JavaScript type), joined; data blocks excluded. */
  inlineScripts: string;
  /** `src` of every `<script>` and `<iframe>`, lower-cased. */
  sources: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

// JSON-LD and templates are data: an article's articleBody may quote a challenge marker.
const RUNNABLE_TYPE = /^\s*$|javascript|ecmascript|module/;

function readInlineScripts(lower: string): string {
  const out: string[] = [];
  for (const match of lower.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/g)) {
    const attributes = match[1] ?? '';
    if (/\bsrc\s*=/.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/.exec(attributes)?.[1] ?? '';
    if (RUNNABLE_TYPE.test(type)) out.push(match[2] ?? '');
  }
  return out.join('\n');
}

function readSources(lower: string): string[] {
  const out: string[] = [];
  for (const match of lower.matchAll(/<(?:script|iframe)\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    out.push(decodeEntities(match[1] ?? match[2] ?? match[3] ?? ''));
  }
  return out;
}

export function readMarkup(html: string, visibleText: string): Markup {
  const lower = html.toLowerCase();
  const rawTitle = /<title[^>]*>([^<]*)<\/title>/.exec(lower)?.[1] ?? '';
  return {
    lower,
    text: visibleText.toLowerCase(),
    title: decodeEntities(rawTitle).replace(/\s+/g, ' ').trim(),
    inlineScripts: readInlineScripts(lower),
    sources: readSources(lower),
  };
}
