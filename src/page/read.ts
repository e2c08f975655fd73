// SourceFetch → Page: decodes the body and dispatches on media type (HTML, plain text, PDF, other).
import type { Page, PageSignals, SourceFetch } from '../types.js';
import { cleanText } from './clean.js';
import { decodeBody, latin1Head, normaliseCharset, readHeaderCharset } from './decode.js';
import { readHeader, readMediaType } from './headers.js';
import { readHtml } from './html.js';
import { BudgetExceeded, DEFAULT_READ_BUDGET, startClock, type ReadBudget } from './budget.js';
import { measureDepth } from './depth.js';
import { detectBotWall } from './botwall.js';
import { detectHtmlSignals } from './signals.js';
import { tidyText } from './dom.js';

type Response = Extract<SourceFetch['outcome'], { kind: 'response' }>;

// Servers mislabel often: sniff the first bytes when the header is missing or generic.
function sniffMediaType(declared: string, body: Uint8Array): string {
  const head = latin1Head(body, 512).trimStart().toLowerCase();
  if (head.startsWith('%pdf-')) return 'application/pdf';
  if (declared && declared !== 'application/octet-stream' && declared !== 'binary/octet-stream') return declared;
  if (/^(<!doctype html|<html|<head|<body|<meta|<title)/.test(head)) return 'text/html';
  return declared || 'application/octet-stream';
}

function isHtml(type: string): boolean {
  return type === 'text/html' || type === 'application/xhtml+xml';
}

function isPlainText(type: string): boolean {
  return type === 'text/plain' || type === 'text/markdown' || type === 'text/csv';
}

function emptyPage(contentType: string, charset: string, unreadable?: string): Page {
  return { contentType, charset, layers: [], signals: unreadable ? { unreadable } : {} };
}

/**
 * The depth budget is checked before parsing (linkedom and Readability grow superlinearly with
 * nesting); the time budget between the stages (they are synchronous: a stage already running
 * finishes, then the page is unreadable).
 */
function readHtmlPage(r: Response, contentType: string, finalUrl: string, budget: ReadBudget): Page {
  const clock = startClock(budget);
  const decoded = decodeBody(r.body, readHeader(r.headers, 'content-type'));
  const depth = measureDepth(decoded.text, budget.maxDepth);
  if (depth > budget.maxDepth) {
    return emptyPage(contentType, decoded.charset, `HTML elements nest more than ${budget.maxDepth} deep, over the --max-depth budget`);
  }
  const facts = readHtml(decoded.text, finalUrl, r.headers, depth);
  clock.check();
  const signals = detectHtmlSignals(facts, { status: r.status, headers: r.headers, finalUrl });
  clock.check();
  if (facts.layers.length === 0 && !signals.botWall) signals.unreadable = 'HTML page with no readable text';
  const page: Page = { contentType, charset: decoded.charset, layers: facts.layers, signals };
  if (facts.title) page.title = facts.title;
  if (facts.language) page.language = facts.language;
  if (facts.canonicalUrl) page.canonicalUrl = facts.canonicalUrl;
  if (facts.publishedDate) page.publishedDate = facts.publishedDate;
  return page;
}

function readTextPage(r: Response, contentType: string): Page {
  const decoded = decodeBody(r.body, readHeader(r.headers, 'content-type'), false);
  const text = tidyText(decoded.text);
  const page = emptyPage(contentType, decoded.charset, text ? undefined : 'empty text body');
  if (text) page.layers.push({ layer: 'text', text });
  // Some WAFs answer with a plain-text block message; the vendor header still tells.
  const wall = detectBotWall({ status: r.status, headers: r.headers, body: '', visibleText: text });
  if (wall) page.signals.botWall = wall.vendor;
  return page;
}

async function readPdfPage(r: Response, contentType: string, budget: ReadBudget): Promise<Page> {
  // The PDF reader loads with the first PDF, not with every run.
  const { readPdfText } = await import('./pdf.js');
  const result = await readPdfText(r.body, budget);
  // A PDF keeps its cross-reference table at the end, so a body cut short rarely parses.
  const cut = r.truncation === 'connection-closed' ? 'the connection closed early' : 'the --max-size cap';
  const why = result.ok ? undefined : `${result.why}${r.truncated ? ` (the body is incomplete: ${cut})` : ''}`;
  const page = emptyPage(contentType, 'binary', why);
  if (result.ok) page.layers.push({ layer: 'pdf', text: result.text });
  if (result.title) page.title = result.title;
  return page;
}

/** Reads any response, whatever its status (a 404 page is read so its signals can be judged). */
export async function readPage(f: SourceFetch, budget: ReadBudget = DEFAULT_READ_BUDGET): Promise<Page | undefined> {
  const page = await readAnyPage(f, budget);
  return page && cleanPage(page);
}

/** The page with every string it carries into reports (title, signals, text) cleaned of escapes and controls. */
function cleanPage(page: Page): Page {
  const signals: PageSignals = {};
  for (const [key, value] of Object.entries(page.signals) as [keyof PageSignals, string | undefined][]) {
    if (value !== undefined) signals[key] = cleanText(value);
  }
  const clean: Page = { ...page, contentType: cleanText(page.contentType), charset: cleanText(page.charset), signals,
    layers: page.layers.map((l) => ({ layer: l.layer, text: cleanText(l.text) })) };
  for (const key of ['title', 'language', 'canonicalUrl', 'publishedDate'] as const) {
    const value = page[key];
    if (value !== undefined) clean[key] = cleanText(value);
  }
  return clean;
}

async function readAnyPage(f: SourceFetch, budget: ReadBudget): Promise<Page | undefined> {
  const r = f.outcome;
  if (r.kind !== 'response') return undefined;
  const contentType = sniffMediaType(readMediaType(r.headers), r.body);
  if (r.body.length === 0) {
    return emptyPage(contentType, normaliseCharset(readHeaderCharset(readHeader(r.headers, 'content-type'))) ?? 'utf-8', 'empty body');
  }
  if (isHtml(contentType)) {
    try {
      return readHtmlPage(r, contentType, f.finalUrl, budget);
    } catch (error) {
      if (error instanceof BudgetExceeded) return emptyPage(contentType, 'utf-8', error.message);
      // A parser bug on one hostile page must not abort the run: the page is simply unreadable.
      const message = error instanceof Error ? error.message : String(error);
      return emptyPage(contentType, 'utf-8', `HTML could not be parsed: ${message}`);
    }
  }
  if (isPlainText(contentType)) return readTextPage(r, contentType);
  if (contentType === 'application/pdf') return readPdfPage(r, contentType, budget);
  const page = emptyPage(contentType, 'binary', `no text extraction for ${contentType}`);
  const wall = detectBotWall({ status: r.status, headers: r.headers, body: '', visibleText: '' });
  if (wall) page.signals.botWall = wall.vendor;
  return page;
}
