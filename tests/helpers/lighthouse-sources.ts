// The lighthouse article's sources (tests/fixtures/formats/lighthouse.*) on a loopback server that counts requests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What each source says, by `/host/path`; the journal (reference 2) is gone (404). */
export const LIGHTHOUSE_SOURCES: Readonly<Record<string, string>> = {
  '/lights.example.org/register/grey-point': 'The Grey Point Lighthouse is a stone lighthouse on the northern cape of Alder Bay. The tower is 31 metres tall and was built from local granite.',
  '/gazette.example.com/1971/09/14/century-of-light': 'Construction was finished in 1871 and the light was first lit on 14 September 1871. In 1923 the oil lamp was replaced by an electric light.',
  '/heritage.example.net/granite-towers': 'Granite towers of the north coast. The Grey Point tower is 31 metres tall and built from local granite. Since 2010 the keeper\'s cottage has housed a small museum.',
  '/northern-times.example.com/1987/06/30/last-keeper': 'The last keeper, Thomas Reed, left the station in 1987, when the light was automated.',
  '/news.example.co.uk/news/uk-england-3712345': 'The Alder Bay Heritage Trust bought the lighthouse in 2004 for 1.2 million pounds. Since 2010 the keeper\'s cottage has housed a small museum.',
  '/alderbaytrust.example.org/reports/visitors-2019.pdf': 'Visitor figures 2019. The museum received about 12,000 visitors in 2019.',
};

export interface LighthouseSources {
  origin: string;
  /** Requests per path since the start (or the last `hits.clear()`). */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startLighthouseSources(): Promise<LighthouseSources> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const text = LIGHTHOUSE_SOURCES[path];
    const title = text?.split('.')[0] ?? '';
    res.writeHead(text ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(text ? `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${text}</p></article></body></html>` : '<h1>Not found</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', 511, resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** The article's example hosts moved onto the loopback server (plain, and percent-encoded in COinS). */
export function onLoopback(text: string, origin: string): string {
  const hosts = String.raw`([a-z0-9.-]+\.example\.(?:org|com|net|co\.uk))`;
  return text.replace(new RegExp(String.raw`https://${hosts}/`, 'g'), `${origin}/$1/`)
    .replace(new RegExp(String.raw`https%3A%2F%2F${hosts}%2F`, 'g'), `${encodeURIComponent(`${origin}/`)}$1%2F`);
}
