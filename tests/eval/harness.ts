// Runs one evaluation case through the real stages: read page → judge link → key phrases → match → verdict.
import { readPage } from '../../src/page/read.js';
import { judgeLink } from '../../src/judge/link.js';
import { extractKeyPhrases } from '../../src/judge/phrases.js';
import { matchClaim } from '../../src/judge/match.js';
import { judgeCitation } from '../../src/judge/verdict.js';
import type { Citation, SourceFetch, Verdict } from '../../src/types.js';

export interface EvalCase {
  id: string;
  claim: string;
  source: { html?: string; status?: number; headers?: Record<string, string>; contentType?: string; url?: string };
  given?: string[];
  expected: Verdict;
  note: string;
}

/** The SourceFetch the network stage would have produced for this case. */
export function fetchOf(c: EvalCase): SourceFetch {
  const url = c.source.url ?? `https://news.example.org/${c.id}`;
  const headers: Record<string, string> = {
    'content-type': c.source.contentType ?? 'text/html; charset=utf-8', ...c.source.headers,
  };
  return {
    url, finalUrl: url, redirects: [], attempts: 1, elapsedMs: 1,
    outcome: { kind: 'response', status: c.source.status ?? 200, headers,
      body: new TextEncoder().encode(c.source.html ?? ''), truncated: false },
  };
}

export async function runCase(c: EvalCase): Promise<Citation> {
  const f = fetchOf(c);
  const page = await readPage(f);
  const link = judgeLink(f, page);
  const readable = link.linkStatus === 'ok' || link.linkStatus === 'redirected' || link.linkStatus === 'paywalled';
  const match = page && readable
    ? matchClaim(c.claim, extractKeyPhrases(c.claim, c.given ?? []), page, { url: f.finalUrl })
    : undefined;
  return judgeCitation({ ref: 1, linkStatus: link.linkStatus, linkReason: link.reason, ...(match ? { match } : {}) });
}
