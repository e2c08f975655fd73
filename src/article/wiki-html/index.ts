// The `wiki-html` reader: a Wikipedia page as Parsoid (REST API) or the legacy parser (a saved page) wrote it.
import type { Element } from 'domhandler';
import type { Article, ListedReference } from '../../types.js';
import type { ArticleReader } from '../formats.js';
import { checkReferenceList } from '../findings.js';
import { assignClaimIds } from '../ids.js';
import type { IdLookup } from './citation.js';
import { loadWikiDocument, type WikiDocument } from './document.js';
import { MARKER_SELECTOR, readMarker, type WikiMarker } from './markers.js';
import { indexNotes, listReferences } from './notes.js';
import { claimBlocks } from './prose.js';
import { collectBlocks } from './walk.js';

/** `#CITEREF…` targets of {{sfn}} notes, indexed once on first use. */
function citerefLookup(doc: WikiDocument): IdLookup {
  let index: Map<string, Element> | undefined;
  return (id) => {
    index ??= new Map(doc.$('[id^="CITEREF"]').toArray().map((el) => [el.attribs['id'] ?? '', el]));
    return index.get(id);
  };
}

export function parseWikiHtml(html: string, path: string): Article {
  const doc = loadWikiDocument(html, path);
  const { $ } = doc;
  const notes = indexNotes($, doc.root);
  const markers = new Map<Element, WikiMarker>();
  for (const el of $(doc.root).find(MARKER_SELECTOR).toArray()) {
    const marker = readMarker($, el, (fragment) => notes.get(fragment)?.group);
    if (marker) markers.set(el, marker);
  }
  const blocks = collectBlocks({ $, html, notes, markerOf: (el) => markers.get(el) }, doc.root);
  const { drafts, uncited } = claimBlocks(blocks, doc.position);
  const rows = listReferences({ byId: citerefLookup(doc), position: doc.position }, notes, [...markers.values()]);
  // Two lists numbering from 1 (a stray second <references/>): the first row of a number wins, as in the text reader.
  const seen = new Set<number>();
  const references: ListedReference[] = rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
  // Every marker counts for the self-check, also those in captions and infoboxes that make no claim.
  const uses = [...markers.values()].flatMap((m) => (m.ref === undefined ? []
    : [{ ref: m.ref, line: doc.position(m.el.startIndex ?? 0).line }]));
  return {
    path,
    format: 'wiki-html',
    title: doc.title,
    claims: assignClaimIds(drafts),
    uncited,
    references,
    findings: checkReferenceList(uses, references),
  };
}

export const readWikiHtml: ArticleReader = ({ text, path }) => parseWikiHtml(text, path);
