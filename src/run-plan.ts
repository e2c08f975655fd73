// Planning a run before its first request: each article's sources by footnote, and what each URL's page is asked.
import type { Reference } from './config/schema.js';
import { lastMatched } from './history/checks.js';
import type { History } from './history/schema.js';
import { textsBefore } from './judge/before.js';
import { quoteApplies, type QuoteApplies } from './judge/quote-fit.js';
import type { UrlPlan } from './read-stage.js';
import { askKey, type MatchAsk } from './read-task.js';
import { planSource, type Source } from './source.js';
import type { Article, Claim } from './types.js';

/** One article of a run with the references its footnotes point to (merged by id). */
export interface ArticleInput {
  article: Article;
  references: readonly Reference[];
  /** The entries that came from a references.json (an unused one is a finding); default: all of `references`. */
  fromFile?: readonly Reference[];
}

/** An article as planned before the first request: its sources by footnote number. */
export interface Planned extends ArticleInput {
  byId: Map<number, Reference>;
  sources: Map<number, Source>;
}

/** What its claims ask of the pages, worked out while the first requests are in flight. */
export interface Asking extends Planned {
  /** The text before each claim on its line (who "he" is), for the matcher. */
  before: Map<Claim, string>;
  /** Whether a reference's quote is a given phrase for a claim (a reused reference's quote is one claim's). */
  quoteApplies: QuoteApplies;
}

/** Each article's sources by footnote number; a URL needs no network to be `no-url` or `invalid-url`. */
export function planArticle(a: ArticleInput): Planned {
  const byId = new Map(a.references.map((r) => [r.id, r]));
  const sources = new Map<number, Source>();
  for (const id of new Set(a.article.claims.flatMap((c) => c.refs))) sources.set(id, planSource(id, byId.get(id)));
  return { ...a, byId, sources };
}

/** The text before each claim, and which quotes apply (a reused reference's quote may load the phrase extractor). */
export async function planAsks(p: Planned): Promise<Asking> {
  const quotes = await quoteApplies(p.article.claims, (id) => p.byId.get(id)?.quote?.trim());
  return { ...p, before: textsBefore(p.article.claims), quoteApplies: quotes };
}

/** Each URL's citing claims, once per distinct ask; with a history, what it matched there before. */
export function planUrls(planned: readonly Asking[], urls: readonly string[], history: History | undefined): UrlPlan[] {
  const asks = new Map(urls.map((u) => [u, new Map<string, MatchAsk>()]));
  for (const p of planned) {
    for (const claim of p.article.claims) {
      for (const ref of claim.refs) {
        const url = p.sources.get(ref)?.url;
        const ask = toMatch(claim, p, ref);
        if (url) asks.get(url)?.set(askKey(ask), ask);
      }
    }
  }
  return urls.map((url) => ({ url, asks: [...(asks.get(url)?.values() ?? [])], ...(history ? { previous: lastMatched(history, url) } : {}) }));
}

/** A claim with what its match depends on: the text before it (pronouns), the phrases its reference gives and the passage quoted from it (when it speaks to this claim). */
export function toMatch(claim: Claim, p: Asking, ref: number): MatchAsk {
  const reference = p.byId.get(ref);
  const quote = reference?.quote?.trim();
  const phrases = quote && p.quoteApplies(claim, ref) ? [...(reference?.phrases ?? []), quote] : reference?.phrases;
  return { text: claim.text, before: p.before.get(claim) ?? '', ...(phrases ? { phrases } : {}) };
}
