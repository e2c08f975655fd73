// One fetched URL → what every citation of it needs: the page read, the link judged, the claims matched,
// and the text facts the history keeps. verify() runs it locally; a fleet worker runs it for its unit.
import type { Reference } from './config/schema.js';
import { fingerprintText } from './history/fingerprint.js';
import { judgeLink } from './judge/link.js';
import { matchClaim, type ClaimMatch } from './judge/match.js';
import { normalize } from './judge/normalize.js';
import { extractKeyPhrases } from './judge/phrases.js';
import { isReadStatus } from './judge/verdict.js';
import { DEFAULT_READ_BUDGET, type ReadBudget } from './page/budget.js';
import { readPage } from './page/read.js';
import type { LinkJudgement, Source } from './source.js';
import type { Page, SourceFetch } from './types.js';

/** A claim to match on a page, with the phrases its reference gives. */
export interface MatchAsk {
  text: string;
  /** The article's text before the claim (who "he" is). */
  before: string;
  phrases?: readonly string[];
}

/** What the history needs from a page's text: its main-text fingerprint, and earlier phrases it still holds. */
export interface TextFacts {
  fingerprint?: string;
  kept: string[];
}

export type ReadSource = Pick<Source, 'fetch' | 'page' | 'link' | 'matches' | 'facts'>;

/** The key a precomputed match is found under: the claim's text and its given phrases. */
export function askKey(ask: MatchAsk): string {
  return JSON.stringify([ask.text, ask.before, ask.phrases ?? []]);
}

/** The phrases a reference gives: its `phrases`, and the passage the article quoted from it. */
export function givenPhrases(reference: Reference | undefined): string[] | undefined {
  if (!reference) return undefined;
  const quote = reference.quote?.trim();
  return quote ? [...(reference.phrases ?? []), quote] : reference.phrases;
}

export async function readSource(fetch: SourceFetch, budget: ReadBudget = DEFAULT_READ_BUDGET): Promise<ReadSource & { fetch: SourceFetch; link: LinkJudgement }> {
  const page = await readPage(fetch, budget);
  return { fetch, ...(page ? { page } : {}), link: judgeLink(fetch, page) };
}

/** The claim matched on a read page (undefined when the link status says the page was not read). */
export function matchRead(read: ReadSource, ask: MatchAsk, url: string | undefined): ClaimMatch | undefined {
  if (read.matches) return read.matches.get(askKey(ask));
  const { page, link } = read;
  if (!page || !link || !isReadStatus(link.linkStatus)) return undefined;
  return matchClaim(ask.text, extractKeyPhrases(ask.text, ask.phrases), page, { before: ask.before, ...(url ? { url } : {}) });
}

/** `previous`: phrases an earlier run matched on this page; a phrase is kept while the page has it anywhere. */
export function textFacts(page: Page | undefined, previous: readonly string[]): TextFacts | undefined {
  const main = page?.layers[0]?.text;
  if (!page || !main) return undefined;
  const all = previous.length > 0 ? normalize(page.layers.map((l) => l.text).join('\n')).text : '';
  return { fingerprint: fingerprintText(main), kept: previous.filter((p) => all.includes(normalize(p).text.trim())) };
}

/**
 * Everything the report and the history need from one response, with the page's text dropped: what a
 * fleet worker sends back instead of the page (its body only when `keepBody` asks for WARC evidence).
 */
export async function judgeResponse(fetch: SourceFetch, asks: readonly MatchAsk[], previous: readonly string[], keepBody: boolean,
  budget: ReadBudget = DEFAULT_READ_BUDGET): Promise<ReadSource> {
  const read = await readSource(fetch, budget);
  const url = fetch.finalUrl;
  const matches = new Map(asks.map((a) => [askKey(a), matchRead(read, a, url)]));
  const facts = textFacts(read.page, previous);
  const outcome = read.fetch.outcome.kind === 'response' && !keepBody
    ? { ...read.fetch.outcome, body: new Uint8Array(0) } : read.fetch.outcome;
  return {
    fetch: { ...read.fetch, outcome }, ...(read.page ? { page: { ...read.page, layers: [] } } : {}), link: read.link, matches,
    ...(facts ? { facts } : {}),
  };
}
