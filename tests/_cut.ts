import { startHostileWeb, htmlPage } from './fixtures/hostile.js';
import { fetchSources } from '../src/sources/fetch.js';
import zlib from 'node:zlib';
const page = htmlPage('T', 'The council approved. ' + 'Lorem ipsum dolor sit amet. '.repeat(4000));
const web = await startHostileWeb({
  '/cut-length': (_q, res) => { res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(page)), connection: 'close' }); res.write(page.slice(0, 1024)); setTimeout(() => res.socket?.destroy(), 50); },
  '/cut-length-end': (_q, res) => { res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(page)), connection: 'close' }); res.write(page.slice(0, 1024)); setTimeout(() => res.socket?.end(), 50); },
  '/cut-chunked': (_q, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.write(page.slice(0, 1024)); setTimeout(() => res.socket?.destroy(), 50); },
  '/cut-gzip': (_q, res) => { const z = zlib.gzipSync(page); res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': String(z.length) }); res.write(z.subarray(0, 600)); setTimeout(() => res.socket?.destroy(), 50); },
  '/full': (_q, res) => { res.writeHead(200, { 'content-type': 'text/html' }).end(page); },
});
for (const p of ['/cut-length', '/cut-length-end', '/cut-chunked', '/cut-gzip', '/full']) {
  const url = web.url(p);
  const f = (await fetchSources([url], { allowPrivateHosts: true, retries: 0, maxBytes: p === '/full' ? 2048 : 5e6 })).get(url)!;
  const o = f.outcome;
  console.log(p, o.kind === 'response' ? [o.status, o.body.length, o.truncated] : [o.failure, o.code, o.message]);
}
await web.close();
