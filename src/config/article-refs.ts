// The references of one article: what the article itself says (URL, title, date, archive, quote) is
// the base; a references.json beside it (or --refs) adds entries and overrides fields by id.
import { stat } from 'node:fs/promises';
import nodePath from 'node:path';
import type { Article, ListedReference } from '../types.js';
import { loadReferences, type LoadedReferences } from './load.js';
import type { Reference } from './schema.js';

/** The fields a reference list row gives that references.json also knows. */
export function referenceFromList(r: ListedReference): Reference {
  const out: Reference = { id: r.id };
  if (r.url) out.url = r.url;
  if (r.title) out.title = r.title;
  if (r.publisher) out.publisher = r.publisher;
  if (r.date) out.date = r.date;
  if (r.accessDate) out.accessDate = r.accessDate;
  if (r.archiveUrl) out.archiveUrl = r.archiveUrl;
  if (r.language) out.language = r.language;
  if (r.quote) out.quote = r.quote;
  return out;
}

/** By id: an entry of the overrides replaces each field it gives and adds the ids the base lacks. */
export function mergeReferences(base: readonly Reference[], overrides: readonly Reference[]): Reference[] {
  const byId = new Map(base.map((r) => [r.id, { ...r }]));
  for (const o of overrides) {
    const given = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    byId.set(o.id, { ...byId.get(o.id), ...given, id: o.id });
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

const isFile = async (file: string) => (await stat(file).catch(() => undefined))?.isFile() === true;
const samePath = (a: string, b: string) => nodePath.resolve(a) === nodePath.resolve(b);

/**
 * The references.json that belongs to an article file, when there is one: `<name>.references.json`
 * beside it (unless it names another article: `a.references.json` of `a.txt` is not `a.md`'s), else a
 * `references.json` beside it (or in the current folder) that names this article (one beside it that
 * names no article counts too).
 */
export async function findReferencesFile(articlePath: string): Promise<LoadedReferences | undefined> {
  const dir = nodePath.dirname(articlePath);
  const own = nodePath.join(dir, `${nodePath.basename(articlePath).replace(/\.[^.]+$/, '')}.references.json`);
  if (await isFile(own)) {
    const loaded = await loadReferences(own);
    if (!loaded.articlePath || samePath(loaded.articlePath, articlePath)) return loaded;
  }
  for (const candidate of new Set([nodePath.join(dir, 'references.json'), 'references.json'])) {
    if (!(await isFile(candidate))) continue;
    const loaded = await loadReferences(candidate);
    const named = loaded.articlePath;
    if (named ? samePath(named, articlePath) : samePath(nodePath.dirname(candidate), dir)) return loaded;
  }
  return undefined;
}

/** The article's references merged with its references.json; `fromFile` keeps the file's own entries. */
export function articleReferences(article: Article, file: LoadedReferences | undefined) {
  const fromFile = file?.config.references ?? [];
  return { references: mergeReferences(article.references.map(referenceFromList), fromFile), fromFile };
}

/** A page fetched by URL has no folder: ./references.json counts when it names no article, or this URL. */
export async function findReferencesForUrl(url: string): Promise<LoadedReferences | undefined> {
  if (!(await isFile('references.json'))) return undefined;
  const loaded = await loadReferences('references.json');
  const named = loaded.config.article;
  return named === undefined || named === url ? loaded : undefined;
}
