// One fetched URL read where it runs (this thread, a worker thread, a fleet worker): the page read, the link judged,
// each citing claim matched, and the text facts the report and the history keep; the page's text is then dropped.
import { fingerprintNormalized } from './history/fingerprint.js';
import { forgetLayers, normalizedLayer } from './judge/find.js';
import { judgeLink } from './judge/link.js';
import { matchClaim, type ClaimMatch } from './judge/match.js';
import { normalize } from './judge/normalize.js';
import { extractKeyPhrases } from './judge/phrases.js';
import { isReadStatus } from './judge/verdict.js';
import { readMediaType } from './page/headers.js';
import { readPage } from './page/read.js';
import { couldNotRead, type MatchAsk, type ReadTask, type SourceRead, type TextFacts } from './read-task.js';
import type { Page } from './types.js';

export type { MatchAsk, ReadSource } from './read-task.js';

export async function readSource(task: ReadTask): Promise<SourceRead> {
  const { fetch } = task;
  const page = await readPage(fetch, task.budget);
  const link = judgeLink(fetch, page);
  const matches = page && isReadStatus(link.linkStatus) ? matchAsks(page, task.asks, fetch.finalUrl) : task.asks.map(() => undefined);
  const facts = page ? textFacts(page, task.previous ?? []) : undefined;
  // Every claim citing this page was matched just now: its cached layers will not be asked for again.
  forgetLayers();
  return { ...(page ? { page: { ...page, layers: [] } } : {}), link, matches, ...(facts ? { facts } : {}) };
}

/** readSource, with a page our reader fails on (a parser bug, a thrown error) unreadable: never the link's fault. */
export async function readOrUnread(task: ReadTask): Promise<SourceRead> {
  try {
    return await readSource(task);
  } catch (error) {
    return unreadSource(task, couldNotRead(error));
  }
}

/**
 * A read stopped from outside (its thread ended at the hard limit): the page is unreadable for
 * `why`, the link is judged on the response as for any unreadable page, never a strike of its own.
 */
export function unreadSource(task: ReadTask, why: string): SourceRead {
  const { fetch } = task;
  const page: Page | undefined = fetch.outcome.kind === 'response'
    ? { contentType: readMediaType(fetch.outcome.headers) || 'application/octet-stream', charset: '', layers: [], signals: { unreadable: why } }
    : undefined;
  const link = judgeLink(fetch, page);
  const matches = page && isReadStatus(link.linkStatus) ? matchAsks(page, task.asks, fetch.finalUrl) : task.asks.map(() => undefined);
  return { ...(page ? { page } : {}), link, matches };
}

/** Each claim against a read page; `url` is where the evidence's text fragment link points. */
export function matchAsks(page: Page, asks: readonly MatchAsk[], url: string): ClaimMatch[] {
  return asks.map((a) => matchClaim(a.text, extractKeyPhrases(a.text, a.phrases), page, { before: a.before, url }));
}

/**
 * The page's text facts, taken once per page from the layers the matcher already normalised (cached
 * by judge/find.ts): the fingerprint of the main text (the report's and the history's), and the
 * previously matched phrases the page still contains anywhere.
 */
function textFacts(page: Page, previous: readonly string[]): TextFacts | undefined {
  const main = page.layers[0]?.text;
  if (!main) return undefined;
  const all = previous.length > 0 ? page.layers.map((l) => normalizedLayer(l.text).text).join('\n') : '';
  return {
    fingerprint: fingerprintNormalized(normalizedLayer(main).text),
    kept: previous.filter((p) => all.includes(normalize(p).text.trim())),
  };
}
