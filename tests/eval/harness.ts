// Runs the evaluation cases through the whole pipeline: each case's page is served by a loopback
// server, and one verify() run fetches, reads, judges and matches them all, like a real audit.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Reference } from '../../src/config/schema.js';
import type { Article, Citation, Verdict } from '../../src/types.js';
import { verify } from '../../src/verify.js';

export interface EvalCase {
  id: string;
  claim: string;
  source: { html?: string; status?: number; headers?: Record<string, string>; contentType?: string };
  given?: string[];
  /** The article's sentences before the claim (a pronoun subject resolves against them). */
  context?: string;
  expected: Verdict;
  note: string;
}

/** Serves `/case/<id>` with the case's status, headers and body on 127.0.0.1. */
async function serveCases(cases: readonly EvalCase[]): Promise<{ origin: string; close: () => Promise<void> }> {
  const byPath = new Map(cases.map((c) => [`/case/${encodeURIComponent(c.id)}`, c]));
  const server = createServer((req, res) => {
    const c = byPath.get(req.url ?? '');
    if (!c) {
      res.writeHead(500).end('no such case');
      return;
    }
    res.writeHead(c.source.status ?? 200, {
      'content-type': c.source.contentType ?? 'text/html; charset=utf-8', ...c.source.headers,
    });
    res.end(c.source.html ?? '');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', 1024, ok));
  const address = server.address();
  const port = address !== null && typeof address === 'object' ? (address satisfies AddressInfo).port : 0;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** One claim per case, each citing its own footnote, whose URL is the case's page. */
export async function runCases(cases: readonly EvalCase[]): Promise<Map<string, Citation>> {
  const web = await serveCases(cases);
  try {
    const article: Article = {
      path: 'eval.txt', title: 'evaluation set', uncited: [], references: [], findings: [],
      claims: cases.map((c, i) => ({ id: c.id, text: c.claim, refs: [i + 1], section: '', line: i + 1, column: 1,
        ...(c.context ? { context: c.context } : {}) })),
    };
    const references: Reference[] = cases.map((c, i) => ({
      id: i + 1, url: `${web.origin}/case/${encodeURIComponent(c.id)}`, ...(c.given ? { phrases: c.given } : {}),
    }));
    const { report } = await verify({
      article, references, toolVersion: 'eval', failOn: [],
      fetch: { allowHosts: ['127.0.0.1'], retries: 0, timeoutMs: 10_000 },
    });
    return new Map(report.claims.flatMap((c) => (c.citations[0] ? [[c.id, c.citations[0]] as const] : [])));
  } finally {
    await web.close();
  }
}
