// Which reader reads a file: the --input-format word, else the extension, else the file's own markers.
import { InputError } from '../errors.js';
import { INPUT_FORMATS, type InputFormat } from '../types.js';

const isInputFormat = (word: string): word is InputFormat => (INPUT_FORMATS as readonly string[]).includes(word);

/** `--input-format` → a format; an unknown word is the user's to fix (exit 2, naming the formats). */
export function parseInputFormat(value: string | undefined): InputFormat | undefined {
  if (value === undefined) return undefined;
  const word = value.trim().toLowerCase();
  if (!isInputFormat(word)) {
    throw new InputError(`--input-format: unknown input format "${value}"`, `use one of: ${INPUT_FORMATS.join(', ')}`);
  }
  return word;
}

/** Extensions whose format is certain; `.html`/`.htm` still need a look inside (Wikipedia or docs). */
const BY_EXTENSION: Record<string, InputFormat | 'some-html'> = {
  txt: 'txt', text: 'txt',
  html: 'some-html', htm: 'some-html', xhtml: 'some-html',
  wiki: 'wikitext', wikitext: 'wikitext', mediawiki: 'wikitext',
  md: 'markdown', markdown: 'markdown', mdx: 'markdown', mkd: 'markdown', mdown: 'markdown',
};

/** The extensions a folder argument is searched for (its "articles"). */
export const ARTICLE_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

const extensionOf = (file: string) => /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';

// Parsoid marks every footnote with typeof="mw:Extension/ref" and states its HTML version; the legacy
// parser's saved page has the parser-output wrapper and cite_note-/cite_ref- anchors.
const WIKI_HTML = [
  /typeof\s*=\s*["'][^"']*\bmw:Extension\/ref\b/,
  /property\s*=\s*["']mw:htmlVersion["']/,
  /class\s*=\s*["'][^"']*\bmw-parser-output\b/,
  /\bid\s*=\s*["']cite_note-/,
];
const HTML = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|section|div|p)[\s>]/i;
const WIKITEXT = [/<ref[\s>/]/i, /\{\{\s*(?:cite\s+\w+|citation)\s*\|/i];
const MARKDOWN = [/^\[\^[^\]\s]+\]:/m, /\[\^[^\]\s]+\](?!:)/];

/** Wikipedia HTML (Parsoid or a saved page) or other HTML: a look at the markup decides. */
export function sniffHtml(text: string): 'wiki-html' | 'html' {
  const head = text.slice(0, 2_000_000);
  return WIKI_HTML.some((re) => re.test(head)) ? 'wiki-html' : 'html';
}

/** For a file whose extension says nothing: HTML, wikitext, Markdown footnotes, else browser text. */
export function sniffFormat(text: string): InputFormat {
  if (HTML.test(text) || /<html[\s>]/i.test(text.slice(0, 4096))) return sniffHtml(text);
  if (WIKITEXT.some((re) => re.test(text))) return 'wikitext';
  if (MARKDOWN.some((re) => re.test(text))) return 'markdown';
  return 'txt';
}

/** The format of one file: the override, else the extension, else its content. */
export function detectFormat(file: string, text: string, override?: InputFormat): InputFormat {
  if (override) return override;
  const known = BY_EXTENSION[extensionOf(file)];
  if (known === 'some-html') return sniffHtml(text);
  return known ?? sniffFormat(text);
}
