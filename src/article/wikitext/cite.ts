// A numbered reference's body → ListedReference: CS1/CS2 citation parameters, else the note's own text and links.
import type { AstNodes, ParameterToken, Token, TranscludeToken } from 'wikiparser-node';
import type { ListedReference } from '../../types.js';
import { referenceFromNote } from '../note-text.js';
import { authorsOf, dateOf, languageOf, plainOf, urlStatusOf } from '../wiki-html/citation.js';
import { param, type TemplateParams } from '../wiki-html/params.js';
import { plainText, type RenderContext } from './render.js';
import type { RefBody } from './refs.js';
import { templateKey } from './templates.js';

const CITATION = /^(?:cite\b|citation$|vcite)/u;

function* descendants(node: AstNodes): Generator<AstNodes> {
  yield node;
  if (node.type !== 'text') for (const child of node.childNodes) yield* descendants(child);
}

const isTemplate = (n: AstNodes): n is TranscludeToken => n.type === 'template';

/** The citation template's parameters as plain text (links to their words, templates inside rendered). */
function paramsOf(t: TranscludeToken, ctx: RenderContext): TemplateParams {
  const params: TemplateParams = new Map();
  for (const p of t.getAllArgs() as ParameterToken[]) {
    const value = plainText(p.lastChild.childNodes, ctx);
    if (value !== '') params.set(p.name.trim().toLowerCase(), value);
  }
  return params;
}

function fromCitation(t: TranscludeToken, body: Token, ctx: RenderContext): Partial<ListedReference> {
  const params = paramsOf(t, ctx);
  const nodes = [...descendants(body)];
  const webarchive = nodes.find((n): n is TranscludeToken => isTemplate(n) && templateKey(n) === 'webarchive');
  const deadLink = nodes.some((n) => isTemplate(n) && /^(?:dead link|deadlink|dl)$/u.test(templateKey(n)));
  const fields: Partial<ListedReference> = {
    url: plainOf(param(params, 'url', 'chapter-url', 'article-url', 'contribution-url', 'section-url')),
    archiveUrl: plainOf(param(params, 'archive-url', 'archiveurl')) ?? (webarchive ? plainText(webarchive.getArg('url')?.lastChild.childNodes ?? [], ctx) || undefined : undefined),
    urlStatus: urlStatusOf(params) ?? (deadLink ? 'dead' : undefined),
    title: plainOf(param(params, 'title', 'script-title', 'trans-title', 'chapter')),
    publisher: plainOf(param(params, 'website', 'work', 'newspaper', 'journal', 'magazine', 'periodical', 'publisher', 'agency')),
    date: dateOf(param(params, 'date', 'year')),
    accessDate: dateOf(param(params, 'access-date', 'accessdate')),
    language: languageOf(param(params, 'language', 'lang')),
    authors: authorsOf(params),
    quote: plainOf(param(params, 'quote', 'script-quote')),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** Links in a plain note: `[https://… label]` and bare URLs. */
function linksOf(body: AstNodes): string[] {
  const urls: string[] = [];
  for (const n of descendants(body)) {
    if (n.type === 'ext-link') urls.push(n.childNodes[0]?.toString().trim() ?? '');
    else if (n.type === 'free-ext-link') urls.push(n.toString().trim());
  }
  return urls.filter((u) => /^https?:\/\//iu.test(u));
}

export function referenceOf(id: number, body: RefBody, line: number, ctx: RenderContext): ListedReference {
  if ('short' in body) return { id, uses: 0, title: body.short, line, raw: body.short };
  const raw = body.content.toString().trim();
  const cite = [...descendants(body.content)].find((n): n is TranscludeToken => isTemplate(n) && CITATION.test(templateKey(n)));
  if (cite && body.content.type !== 'text') {
    const fields = fromCitation(cite, body.content, ctx);
    return { id, uses: 0, title: '', line, raw, ...fields };
  }
  const urls = linksOf(body.content);
  // `[https://… A visitor's letter], retrieved 2020.`: the link's words are the title.
  const extLink = [...descendants(body.content)].find((n) => n.type === 'ext-link');
  const words = extLink?.childNodes[1];
  const label = words ? plainText([words], ctx) : '';
  return { ...referenceFromNote({ id, line, text: plainText([body.content], ctx), urls, ...(label ? { title: label } : {}) }), raw };
}
