// The article's note lists: numbered references become reference rows; explanatory notes stay apart.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import * as z from 'zod';
import type { ListedReference } from '../../types.js';
import { readCitation, type CitationData, type IdLookup } from './citation.js';
import { findAll, hasClass, isElement, squash, textOf } from './dom.js';
import type { WikiMarker } from './markers.js';

export interface NoteItem {
  li: Element;
  /** '' for numbered references; `note`, `lower-alpha`, … for explanatory notes. */
  group: string;
  /** `span.mw-reference-text` / `span.reference-text`. */
  content?: Element;
  /** 1-based place in its list (what an `<ol>` shows when nothing else says the number). */
  position: number;
  /** Parsoid's `data-mw-footnote-number` (`1`, sub-references `1.1`). */
  footnoteNumber?: string;
}

const LIST = 'ol.references, ol.mw-references';
const CONTENT = '.mw-reference-text, .reference-text';
// Arrows a browser's scripts add to a live tab; not back-links the server wrote.
const isScriptBacklink = (el: Element) => hasClass(el, 'mw-cite-up-arrow-backlink') || hasClass(el, 'mw-cite-targeted-backlink');
const WrapDataMw = z.looseObject({ attrs: z.looseObject({ group: z.string().optional() }).optional() });

function wrapperGroup($: CheerioAPI, ol: Element): string | undefined {
  const wrap = $(ol).closest('[typeof~="mw:Extension/references"]');
  try {
    const parsed = WrapDataMw.safeParse(JSON.parse(wrap.attr('data-mw') ?? 'null'));
    if (parsed.success && parsed.data.attrs?.group) return parsed.data.attrs.group;
  } catch { /* not JSON: fall through to the class */ }
  return /\breflist-(lower-alpha|upper-alpha|lower-roman|upper-roman|lower-greek|notes?)\b/u.exec($(ol).closest('.reflist').attr('class') ?? '')?.[1];
}

/** Every note of every list by id, including sub-references nested in their main note. */
export function indexNotes($: CheerioAPI, root: Element): Map<string, NoteItem> {
  const items = new Map<string, NoteItem>();
  for (const ol of $(root).find(LIST).toArray()) {
    if ($(ol).hasClass('mw-subreference-list')) continue;
    const group = $(ol).attr('data-mw-group') ?? wrapperGroup($, ol) ?? '';
    const start = Number($(ol).attr('start') ?? '1');
    $(ol).children('li').each((i, li) => {
      const add = (el: Element, position: number) => {
        const id = $(el).attr('id');
        if (id === undefined) return;
        const content = $(el).children(CONTENT).get(0) ?? $(el).find(CONTENT).not('.mw-subreference-list *').get(0);
        const number = $(el).attr('data-mw-footnote-number');
        items.set(id, { li: el, group, position, ...(content ? { content } : {}), ...(number ? { footnoteNumber: number } : {}) });
      };
      add(li, (Number.isFinite(start) ? start : 1) + i);
      $(li).children('ol.mw-subreference-list').children('li').each((j, sub) => add(sub, j + 1));
    });
  }
  return items;
}


/** The number readers see: Parsoid's attribute, else the label of a marker pointing here, else the list place. */
function numberOf(item: NoteItem, labels: Map<string, number>, id: string): number {
  const own = Number(item.footnoteNumber);
  if (Number.isInteger(own) && own > 0) return own;
  return labels.get(id) ?? item.position;
}

function backlinksOf(li: Element): number {
  return li.children.filter(isElement).filter((c) => hasClass(c, 'mw-cite-backlink'))
    .flatMap((span) => findAll(span, (el) => el.name === 'a' && !isScriptBacklink(el))).length;
}

export interface ListContext {
  byId: IdLookup;
  position(offset: number): { line: number; column: number };
}

/** The numbered references as rows; sub-references fold into their main note's number. */
export function listReferences(ctx: ListContext, items: Map<string, NoteItem>, markers: WikiMarker[]): ListedReference[] {
  const labels = new Map<string, number>();
  for (const m of markers) if (m.ref !== undefined && !labels.has(m.fragment)) labels.set(m.fragment, m.ref);
  const rows: ListedReference[] = [];
  for (const [id, item] of items) {
    if (item.group !== '' || (item.li.parent && isElement(item.li.parent) && hasClass(item.li.parent, 'mw-subreference-list'))) continue;
    // A sub-reference ([1.1], the page of a book) is a use of its main reference ([1]).
    const subs = item.li.children.filter(isElement).filter((c) => hasClass(c, 'mw-subreference-list'))
      .flatMap((ol) => ol.children.filter(isElement));
    const backlinks = [item.li, ...subs].reduce((n, li) => n + backlinksOf(li), 0);
    const raw = squash(textOf(item.content ?? item.li));
    const citation: CitationData = item.content ? readCitation(item.content, ctx.byId) : {};
    rows.push({
      id: numberOf(item, labels, id),
      uses: Math.max(1, backlinks),
      title: citation.title ?? '',
      ...citation,
      line: ctx.position(item.li.startIndex ?? 0).line,
      raw,
    });
  }
  return rows.sort((a, b) => a.id - b.id);
}
