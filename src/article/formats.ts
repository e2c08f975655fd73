// The article readers by format: every reader turns one decoded file into the same Article.
import type { Article, InputFormat } from '../types.js';

export interface ReaderInput {
  /** The file's decoded text (UTF-8, BOM removed). */
  text: string;
  /** The path reports and annotations name (see displayPath). */
  path: string;
}

export interface ReaderOptions {
  /** Markdown and docs HTML: every inline link is the citation of its sentence (`--links-as-citations`). */
  linksAsCitations?: boolean;
}

/**
 * A reader is pure: text in, Article out. Claim lines and columns are 1-based positions in the
 * input file; footnote numbers are the numbers readers see (Wikipedia's [1], Markdown's numbering by
 * first reference); each reference's URL, archive copy and quote come from the article's own markup.
 * Bad input that makes the whole file unusable (HTML with no article body) throws InputError;
 * anything about one claim or reference is a finding.
 */
export type ArticleReader = (input: ReaderInput, options: ReaderOptions) => Article | Promise<Article>;

/** Loaded on demand so that `--help` and one-format runs do not import every parser. */
export const READERS = {
  txt: async () => (await import('./parse.js')).readBrowserText,
  'wiki-html': async () => (await import('./wiki-html/index.js')).readWikiHtml,
  markdown: async () => (await import('./markdown/read.js')).readMarkdown,
  wikitext: async () => (await import('./wikitext/read.js')).readWikitext,
  html: async () => (await import('./docs-html/read.js')).readDocsHtml,
} satisfies Partial<Record<InputFormat, () => Promise<ArticleReader>>>;
