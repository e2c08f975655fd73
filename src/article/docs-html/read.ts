// The `html` reader: rendered Markdown footnotes (Pandoc, Hugo, Jekyll, Docusaurus, markdown-it) in a built docs page.
import type { Element } from 'domhandler';
import type { ListedReference } from '../../types.js';
import { assembleArticle, placer } from '../assemble.js';
import type { ArticleReader } from '../formats.js';
import { referenceFromNote } from '../note-text.js';
import { FootnoteNumbers } from '../numbering.js';
import { loadDocsPage, type DocsPage } from './document.js';
import { walkDocs, type DocsWalk } from './walk.js';

/** A note's text without its back-links, its links, and a `[Title](url)`-style title. */
function noteReference(page: DocsPage, li: Element, id: number, line: number): ListedReference {
  const { $ } = page;
  const note = $(li).clone();
  note.find(page.backlinks).remove();
  note.find('a[href^="#"]').filter((_, a) => /^#fnref|^#user-content-fnref|^#footnote-anchor/u.test(a.attribs['href'] ?? '')).remove();
  const links = note.find('a[href]').toArray();
  const urls = links.map((a) => a.attribs['href'] ?? '').filter((u) => /^https?:\/\//iu.test(u));
  const text = note.text().replace(/\s+/gu, ' ').trim();
  const first = links[0];
  const label = first ? $(first).text().trim() : '';
  const title = first && label !== '' && !/^https?:/iu.test(label) && !/["“]/u.test(text) ? label : undefined;
  return referenceFromNote({ id, line, text, urls, label: li.attribs['id'] ?? '', ...(title ? { title } : {}) });
}

/** Pandoc repeats a reused note under a new number: notes with the same text are one reference. */
function noteKeys(page: DocsPage): Map<Element, string> {
  const keys = new Map<Element, string>();
  for (const li of page.notes) {
    const note = page.$(li).clone();
    note.find(page.backlinks).remove();
    keys.set(li, `note:${note.text().replace(/\s+/gu, ' ').trim()}`);
  }
  return keys;
}

export const readDocsHtml: ArticleReader = ({ text, path }, options) => {
  const page = loadDocsPage(text, path);
  const numbers = new FootnoteNumbers();
  const keys = noteKeys(page);
  const keyOf = (marker: Element) => {
    const note = page.markers.get(marker);
    const href = marker.attribs['href'] ?? '';
    return { key: (note && keys.get(note)) ?? `missing:${href}`, label: href };
  };
  const walk: DocsWalk = { page, numbers, keyOf, linksAsCitations: options.linksAsCitations === true, blocks: [],
    section: '', title: page.title };
  walkDocs(walk);
  const place = placer(text);
  const references: ListedReference[] = [];
  const listed = new Set<number>();
  for (const li of page.notes) {
    // A note no marker points to is still listed, numbered after the rest, so the self-check names it.
    const id = numbers.footnote(keys.get(li) ?? '', `#${li.attribs['id'] ?? ''}`);
    if (listed.has(id)) continue;
    listed.add(id);
    references.push(noteReference(page, li, id, place(li.sourceCodeLocation?.startOffset ?? 0).line));
  }
  for (const [id, link] of numbers.links) {
    references.push({ id, uses: 0, title: link.text, line: place(link.offset).line, raw: link.url, url: link.url });
  }
  return assembleArticle({ path, format: 'html', title: page.title, source: text, blocks: walk.blocks, references,
    labels: numbers.labels });
};
