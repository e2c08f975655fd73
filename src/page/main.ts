// The `main` layer: Readability on ordinary pages, a cheap densest-paragraph-block pick on huge ones.
import { Readability } from '@mozilla/readability';
import { collectBlockText, type DomDocument, type DomElement, type DomNode } from './dom.js';

// Readability re-measures text per candidate and grows superlinearly: ~85 ms for a text-heavy
// 170 KB page, ~750 ms at 5 MB (bench/extract.ts). Past these sizes the fast pick is used instead.
const MAX_READABILITY_CHARS = 1_500_000;
const MAX_READABILITY_ELEMENTS = 30_000;
// Readability's passes re-walk ancestors and grow with nesting depth: 70 ms at depth 64, 170 ms at
// 128, 3 s at 512 for the same text (bench/hostile.ts). Deeper pages get the fast pick.
const MAX_READABILITY_DEPTH = 128;

function countElements(doc: DomDocument, stopAt: number): number {
  let count = 0;
  for (const _ of doc.querySelectorAll('*')) if (++count > stopAt) break;
  return count;
}

function readWithReadability(doc: DomDocument): string {
  try {
    // parse() takes the document apart: the caller reads everything else from it first.
    const article = new Readability<DomNode>(doc, { serializer: (node: DomNode) => node }).parse();
    return article?.content ? collectBlockText(article.content) : '';
  } catch {
    return '';
  }
}

const BOILERPLATE = /^(NAV|ASIDE|FOOTER|HEADER|FORM)$/;

function insideBoilerplate(el: DomElement): boolean {
  for (let node: DomElement | null = el; node; node = node.parentElement) {
    if (BOILERPLATE.test(node.tagName.toUpperCase())) return true;
  }
  return false;
}

/**
 * The element whose child paragraphs hold the most text, as one linear pass: the classic
 * text-density idea Readability refines, without its repeated re-measuring.
 */
function readDensestBlock(doc: DomDocument): string {
  const scores = new Map<DomElement, number>();
  for (const p of doc.querySelectorAll('p, pre, blockquote, li')) {
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + (p.textContent?.length ?? 0));
  }
  let best: DomElement | undefined;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore && !insideBoilerplate(el)) [best, bestScore] = [el, score];
  }
  return best ? collectBlockText(best) : '';
}

/**
 * Reads the main text; Readability consumes `doc`, so call this last. `depth`: how deep the page's
 * elements nest (budget.ts measureDepth), 0 when not measured.
 */
export function readMainText(doc: DomDocument, htmlChars: number, depth = 0): string {
  const huge = htmlChars > MAX_READABILITY_CHARS || depth > MAX_READABILITY_DEPTH
    || countElements(doc, MAX_READABILITY_ELEMENTS) > MAX_READABILITY_ELEMENTS;
  return huge ? readDensestBlock(doc) : readWithReadability(doc);
}
