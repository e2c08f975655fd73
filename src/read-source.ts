// One fetched source, read where it runs (a worker thread or the main one): page, link, each citing claim's match, history digest.
import { judgeLink } from './judge/link.js';
import { forgetLayers, normalizedLayer } from './judge/find.js';
import { extractKeyPhrases } from './judge/phrases.js';
import { matchClaim, type ClaimMatch } from './judge/match.js';
import { normalize } from './judge/normalize.js';
import { fingerprintNormalized } from './history/fingerprint.js';
import { isReadStatus } from './judge/verdict.js';
import type { ReadBudget } from './page/budget.js';
import { readPage } from './page/read.js';
import type { LinkJudgement } from './source.js';
import type { Page, SourceFetch } from './types.js';

/** A claim that cites the source: its text, the text before it (pronouns) and the phrases its reference gives. */
export interface ClaimToMatch {
  text: string;
  before: string;
  phrases?: string[];
}

export interface ReadTask {
  fetch: SourceFetch;
  claims: ClaimToMatch[];
  budget: ReadBudget;
  /** Phrases the history matched on this URL before; present when the run keeps a history. */
  previous?: string[];
}

/** What the report and the history keep of the page text: its fingerprint and which earlier phrases it still has. */
export interface TextDigest {
  textFingerprint: string;
  kept: string[];
}

/** Compact: the page without its text layers (the matches carry the evidence), not a DOM. */
export interface SourceRead {
  page?: Page;
  link: LinkJudgement;
  /** One per task claim, in order; undefined where the link status is not a readable one. */
  matches: (ClaimMatch | undefined)[];
  digest?: TextDigest;
}

export async function readSource(task: ReadTask): Promise<SourceRead> {
  const { fetch } = task;
  const page = await readPage(fetch, task.budget);
  const link = judgeLink(fetch, page);
  const matches = page && isReadStatus(link.linkStatus) ? matchClaims(page, task.claims, fetch.finalUrl) : task.claims.map(() => undefined);
  const digest = page ? digestText(page, task.previous ?? []) : undefined;
  // Every claim citing this page was matched just now: its cached layers will not be asked for again.
  forgetLayers();
  return { ...(page ? { page: { ...page, layers: [] } } : {}), link, matches, ...(digest ? { digest } : {}) };
}

/** Each claim against a read page; `url` is where the evidence's text fragment link points. */
export function matchClaims(page: Page, claims: readonly ClaimToMatch[], url: string): ClaimMatch[] {
  return claims.map((c) => matchClaim(c.text, extractKeyPhrases(c.text, c.phrases), page, { before: c.before, url }));
}

/**
 * The text facts drift detection needs, from the same normalised layers the matcher used (cached
 * by judge/find.ts): the fingerprint of the first layer and the
 * previously matched phrases the page still contains anywhere.
 */
function digestText(page: Page, previous: readonly string[]): TextDigest | undefined {
  const first = page.layers[0];
  if (!first?.text) return undefined;
  const all = previous.length > 0 ? page.layers.map((l) => normalizedLayer(l.text).text).join(' ') : '';
  return {
    textFingerprint: fingerprintNormalized(normalizedLayer(first.text).text),
    kept: previous.filter((p) => all.includes(normalize(p).text.trim())),
  };
}
