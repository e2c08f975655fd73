// Escaping for the renderers: every string a page or a user wrote is untrusted until it passes here.

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;',
};

/** What stripControl may drop (any surrogate, though a paired one is kept), as a character-class body. */
const MAY_STRIP = String.raw`\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF`;
/** Any character stripControl may drop: most text has none. */
const STRIPPED = new RegExp(`[${MAY_STRIP}]`);
/** Any character escapeHtml strips or escapes. */
const HTML_CHANGES = new RegExp(`[${MAY_STRIP}&<>"'\`]`);

/** Escapes text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  if (!HTML_CHANGES.test(text)) return text;
  return stripControl(text).replace(/[&<>"'`]/g, (ch) => HTML_ENTITIES[ch] ?? ch);
}

/**
 * Returns a URL safe to put in an href — only http(s), re-serialised by the WHATWG parser so quotes,
 * spaces and angle brackets come out percent-encoded — or undefined, meaning: show it, don't link it.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  // A source's URL is linked from several places in each report (its citations, the sources table, report.md).
  if (hrefs.has(url)) return hrefs.get(url);
  const href = parseHref(url);
  if (hrefs.size >= 1 << 14) hrefs.clear();
  hrefs.set(url, href);
  return href;
}

const hrefs = new Map<string, string | undefined>();

function parseHref(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (parsed.username || parsed.password) return undefined;
  return parsed.href;
}

/** Characters XML 1.0 forbids even as references: C0 controls bar tab/LF/CR, lone surrogates, U+FFFE/F. */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Strips what XML and HTML cannot carry, then escapes for content and double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, '').replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch);
}

/** Control characters (bar tab and newlines) are dropped: a page's NUL or ESC has no business in a report. */
export function stripControl(text: string): string {
  if (!STRIPPED.test(text)) return text;
  return text.replace(XML_FORBIDDEN, '').replace(/[\u007F-\u009F]/g, '');
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** One line, whitespace collapsed, cut at `max` code points with an ellipsis. */
export function oneLine(text: string, max = Number.POSITIVE_INFINITY): string {
  const flat = stripControl(text).replace(/\s+/g, ' ').trim();
  // No more code units than `max`, so no more code points: nothing to cut (and no array of characters to build).
  if (flat.length <= max) return flat;
  // Without surrogates a code unit is a code point: cut the string itself.
  if (!SURROGATE.test(flat)) return `${flat.slice(0, max - 1).trimEnd()}…`;
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

// Entities, not backslashes, for HTML's characters: some renderers pass `\<tag>` through as HTML.
const MD_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Inline Markdown from untrusted text: one line, and every character that could open a link, an
 * emphasis, an HTML tag, a table cell or a code span is escaped, so a page cannot reshape the report.
 */
export function escapeMarkdown(text: string, max?: number): string {
  return oneLine(text, max).replace(/[\\`*_[\]<>|~&]/g, (ch) => MD_ENTITIES[ch] ?? `\\${ch}`);
}
