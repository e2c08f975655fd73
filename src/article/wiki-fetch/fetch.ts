// A wiki article by URL: resolve the title (following redirects) to a revision, fetch its Parsoid HTML, read it.
import * as z from 'zod';
import { InputError } from '../../errors.js';
import type { Article, ArticleOrigin } from '../../types.js';
import { parseWikiHtml } from '../wiki-html/index.js';
import { createWikiClient, type WikiClient, type WikiClientOptions, type WikiResponse } from './client.js';
import { parseWikiUrl } from './url.js';

export interface WikiArticleOptions extends WikiClientOptions {
  /** The REST API base for wikis not at `https://HOST/w/rest.php` (`--wiki-api`). */
  wikiApi?: string;
  /** Pins one revision (`--revision`), so an audit can be repeated. */
  revision?: number;
  /** A client shared by several fetches (its queue and cache); otherwise one is made and closed. */
  client?: WikiClient;
}

export type WikiFetchResult =
  | { kind: 'ok'; html: string; origin: ArticleOrigin }
  | { kind: 'missing' | 'invalid' | 'error'; message: string };

const PageBare = z.looseObject({
  title: z.string(), latest: z.looseObject({ id: z.number().int().positive() }),
  /** A wiki redirect: the `/bare` answer is the redirect page's own, with the target's path (`…/page/Target/bare?redirect=no`). */
  redirect_target: z.string().optional(),
});
const RevisionBare = z.looseObject({ id: z.number().int().positive(), page: z.looseObject({ title: z.string() }) });
const HTML_ACCEPT = 'text/html; charset=utf-8; profile="https://www.mediawiki.org/wiki/Specs/HTML/2.8.0"';

function jsonOf<T>(response: WikiResponse, schema: z.ZodType<T>, what: string): { ok: T } | { error: WikiFetchResult } {
  if (response.kind === 'failure') return { error: { kind: 'error', message: `${what}: ${response.message}` } };
  if (response.status === 404) return { error: { kind: 'missing', message: `${what} does not exist (HTTP 404)` } };
  if (response.status !== 200) return { error: { kind: 'error', message: `${what}: the wiki answered HTTP ${response.status}` } };
  try {
    const parsed = schema.safeParse(JSON.parse(response.body));
    if (parsed.success) return { ok: parsed.data };
  } catch { /* reported below */ }
  return { error: { kind: 'error', message: `${what}: the wiki's answer is not the expected JSON` } };
}

/**
 * The title's latest revision. A title not in normal form gets a 301 (followed by the HTTP client); a wiki redirect
 * page answers 200 with a `redirect_target`, followed once, as MediaWiki follows redirects (no double redirects).
 */
async function latestRevision(client: WikiClient, api: string, title: string): Promise<{ ok: z.infer<typeof PageBare> } | { error: WikiFetchResult }> {
  const ask = (url: string) => client.get(url, { accept: 'application/json', immutable: false });
  const what = `page "${title.replace(/_/g, ' ')}"`;
  const bare = jsonOf(await ask(`${api}/v1/page/${encodeURIComponent(title)}/bare`), PageBare, what);
  if ('error' in bare || bare.ok.redirect_target === undefined) return bare;
  const target = new URL(bare.ok.redirect_target, `${api}/`);
  if (target.origin !== new URL(api).origin) return { error: { kind: 'error', message: `${what} redirects off the wiki (${target.href})` } };
  const followed = jsonOf(await ask(target.href), PageBare, `${what}, a redirect,`);
  if ('error' in followed) return followed;
  if (followed.ok.redirect_target !== undefined) {
    return { error: { kind: 'missing', message: `${what} redirects to "${followed.ok.title}", itself a redirect (a double redirect)` } };
  }
  return followed;
}

/** Failures are values: a missing page, an unreachable wiki and a bad URL each say what happened. */
export async function fetchWikiArticle(url: string, options: WikiArticleOptions = {}): Promise<WikiFetchResult> {
  const parsed = parseWikiUrl(url, options.wikiApi);
  if (parsed.kind === 'invalid') return { kind: 'invalid', message: parsed.reason };
  const { api, title } = parsed.page;
  const client = options.client ?? createWikiClient(options);
  try {
    let revision = options.revision ?? parsed.page.revision;
    let pageTitle: string;
    if (revision === undefined) {
      const latest = await latestRevision(client, api, title);
      if ('error' in latest) return latest.error;
      revision = latest.ok.latest.id;
      pageTitle = latest.ok.title;
    } else {
      const bare = jsonOf(await client.get(`${api}/v1/revision/${revision}/bare`, { accept: 'application/json', immutable: true }), RevisionBare, `revision ${revision}`);
      if ('error' in bare) return bare.error;
      pageTitle = bare.ok.page.title;
    }
    const html = await client.get(`${api}/v1/revision/${revision}/html`, { accept: HTML_ACCEPT, immutable: true });
    if (html.kind === 'failure') return { kind: 'error', message: `HTML of revision ${revision}: ${html.message}` };
    if (html.status === 404) return { kind: 'missing', message: `revision ${revision} has no HTML (HTTP 404)` };
    if (html.status !== 200) return { kind: 'error', message: `HTML of revision ${revision}: the wiki answered HTTP ${html.status}` };
    return { kind: 'ok', html: html.body, origin: { url, title: pageTitle, revision } };
  } finally {
    if (!options.client) await client.close();
  }
}

/** For the CLI: the article, or an InputError with one line (exit 2). */
export async function readWikiArticle(url: string, options: WikiArticleOptions = {}): Promise<Article> {
  const result = await fetchWikiArticle(url, options);
  if (result.kind !== 'ok') {
    throw new InputError(`cannot fetch ${url}: ${result.message}`, result.kind === 'error'
      ? 'check the URL and the network; for wikis outside Wikimedia give their REST API with --wiki-api https://HOST/rest.php'
      : 'check the title (and --revision); the URL must name an existing page, e.g. https://en.wikipedia.org/wiki/Earth');
  }
  return { ...parseWikiHtml(result.html, url), origin: result.origin };
}
