// A wiki page URL (`/wiki/Title`, `index.php/Title`, `index.php?title=…&oldid=…`, mobile hosts) → its REST API base, title and revision.

export interface WikiPageRef {
  /** The MediaWiki REST API base: `https://HOST/w/rest.php` unless `--wiki-api` says otherwise. */
  api: string;
  host: string;
  /** The title as a database key (`Russia–Hamas_relations`), '' when only a revision is named. */
  title: string;
  revision?: number;
}

export type ParsedWikiUrl = { kind: 'page'; page: WikiPageRef } | { kind: 'invalid'; reason: string };

function decodeOnce(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const toKey = (title: string) => title.trim().replace(/\s+/gu, '_');

/** `oldid=N` (or `curid`-less `index.php?oldid=N`): a positive whole number, else nothing. */
function revisionOf(value: string | null): number | undefined {
  return value !== null && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
}

export function parseWikiUrl(input: string, wikiApi?: string): ParsedWikiUrl {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { kind: 'invalid', reason: 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'invalid', reason: 'not an http(s) URL' };
  // en.m.wikipedia.org serves the same pages as en.wikipedia.org; the API lives on the latter.
  const host = url.hostname.replace(/^([^.]+)\.m\.(?=[^.]+\.[^.]+)/u, '$1.');
  // `/wiki/Title` (Wikimedia, Fandom), or `…/index.php/Title` and `…/index.php?title=Title` (wikis without short URLs).
  const script = /^(.*)\/index\.php(?:\/(.+))?$/u.exec(url.pathname);
  const article = script ? script[2] : /\/wiki\/(.+)$/u.exec(url.pathname)?.[1];
  const title = article !== undefined ? decodeOnce(article) : url.searchParams.get('title') ?? '';
  const revision = revisionOf(url.searchParams.get('oldid'));
  if (toKey(title) === '' && revision === undefined) {
    return { kind: 'invalid', reason: 'no page title in it (expected https://HOST/wiki/Title, …/index.php/Title or …/index.php?title=Title)' };
  }
  // The REST API is beside index.php: `/w/rest.php` on Wikimedia wikis, wherever the script lives elsewhere.
  const api = (wikiApi ?? `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}${script ? script[1] : '/w'}/rest.php`).replace(/\/+$/u, '');
  return { kind: 'page', page: { api, host, title: toKey(title), ...(revision !== undefined ? { revision } : {}) } };
}
