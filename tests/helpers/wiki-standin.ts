// A loopback stand-in for a wiki's MediaWiki REST API (/w/rest.php/v1/…) that logs every request.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandinPage {
  title: string;
  /** Revision id → Parsoid HTML; the highest id is the latest. */
  revisions: Record<number, string>;
}

export interface LoggedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** Requests being answered when this one arrived (1 = it was alone). */
  concurrent: number;
}

export interface WikiStandin {
  origin: string;
  api: string;
  log: LoggedRequest[];
  /** Answer the next `n` requests with 429 and this Retry-After. */
  rateLimitNext(n: number, retryAfter: string): void;
  close(): Promise<void>;
}

const key = (title: string) => title.replace(/ /g, '_');

/**
 * `redirects` maps a redirect page's key to its target's key. As MediaWiki's PageSourceHandler does, `/page/{title}/bare`
 * of a redirect page answers 200 with the redirect page's own revision and a `redirect_target` path (never a 307: only
 * the HTML endpoints answer 307); a title that is not in normal form gets a 301 to it.
 */
export async function startWikiStandin(pages: StandinPage[], redirects: Record<string, string> = {}, delayMs = 15): Promise<WikiStandin> {
  const log: LoggedRequest[] = [];
  let active = 0;
  let limited: { n: number; retryAfter: string } = { n: 0, retryAfter: '0' };
  // Each redirect page has a revision of its own, whose HTML is a Parsoid redirect (no prose).
  const redirectPages = Object.entries(redirects).map(([from, to], i): StandinPage => ({
    title: from.replace(/_/g, ' '),
    revisions: { [900_000 + i]: `<!DOCTYPE html><html><head><meta property="mw:htmlVersion" content="2.8.0"/></head><body class="mw-content-ltr mw-parser-output"><link rel="mw:PageProp/redirect" href="./${to}"/></body></html>` },
  }));
  const all = [...pages, ...redirectPages];
  const byKey = new Map(all.map((p) => [key(p.title), p]));
  const byRevision = new Map(all.flatMap((p) => Object.keys(p.revisions).map((id) => [Number(id), p] as const)));
  const json = (status: number, body: unknown) => ({ status, type: 'application/json', body: JSON.stringify(body) });
  const notFound = () => json(404, { messageTranslations: { en: 'The specified page does not exist' }, httpCode: 404, httpReason: 'Not Found' });

  function answer(path: string): { status: number; type?: string; body?: string; location?: string } {
    let m = /^\/w\/rest\.php\/v1\/page\/([^/]+)\/bare$/.exec(path);
    if (m?.[1]) {
      const title = decodeURIComponent(m[1]);
      const normal = key(title.charAt(0).toUpperCase() + title.slice(1));
      if (normal !== title) return { status: 301, location: `/w/rest.php/v1/page/${encodeURIComponent(normal)}/bare` };
      const page = byKey.get(title);
      if (!page) return notFound();
      const latest = Math.max(...Object.keys(page.revisions).map(Number));
      const target = redirects[title];
      return json(200, {
        id: 7, key: title, title: page.title, latest: { id: latest, timestamp: '2024-03-04T10:11:12Z' }, content_model: 'wikitext',
        ...(target ? { redirect_target: `/w/rest.php/v1/page/${encodeURIComponent(target)}/bare?redirect=no` } : {}),
      });
    }
    m = /^\/w\/rest\.php\/v1\/revision\/(\d+)\/(bare|html)$/.exec(path);
    const page = m?.[1] ? byRevision.get(Number(m[1])) : undefined;
    if (!m || !page) return notFound();
    if (m[2] === 'bare') return json(200, { id: Number(m[1]), page: { id: 7, key: key(page.title), title: page.title } });
    return { status: 200, type: 'text/html; charset=utf-8; profile="https://www.mediawiki.org/wiki/Specs/HTML/2.8.0"', body: page.revisions[Number(m[1])] };
  }

  const server: Server = createServer((req, res) => {
    active += 1;
    log.push({ path: req.url ?? '', headers: req.headers, concurrent: active });
    setTimeout(() => {
      type Reply = ReturnType<typeof answer> & { retryAfter?: string };
      const reply: Reply = limited.n > 0 ? (limited.n--, { status: 429, type: 'application/json', body: '{"httpCode":429}', retryAfter: limited.retryAfter })
        : answer((req.url ?? '').split('?')[0] ?? '');
      res.writeHead(reply.status, {
        ...(reply.type ? { 'content-type': reply.type } : {}),
        ...(reply.location ? { location: reply.location } : {}),
        ...(reply.retryAfter ? { 'retry-after': reply.retryAfter } : {}),
      });
      res.end(reply.body ?? '');
      active -= 1;
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', 511, resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    api: `${origin}/w/rest.php`,
    log,
    rateLimitNext: (n, retryAfter) => { limited = { n, retryAfter }; },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
