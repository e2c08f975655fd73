// Prints how the hostile inputs of issue 10 end now (time, memory, reason): `npm run bench:hostile`.
import { parseArticle } from '../src/article/parse.js';
import { readPage } from '../src/page/read.js';
import type { SourceFetch } from '../src/types.js';
import { buildFlatePdf, buildPdfBomb } from '../tests/fixtures/pages/pdf.js';

const respond = (body: Uint8Array, type: string): SourceFetch => ({
  url: 'https://example.org/', finalUrl: 'https://example.org/', redirects: [], attempts: 1, elapsedMs: 0,
  outcome: { kind: 'response', status: 200, headers: { 'content-type': type }, body, truncated: false },
});
const rssMb = (): number => Math.round(process.memoryUsage().rss / 1e6);

async function time<T>(label: string, work: () => Promise<T> | T, describe: (value: T) => string): Promise<void> {
  const started = performance.now();
  const value = await work();
  console.log(`${label}: ${Math.round(performance.now() - started)} ms, rss ${rssMb()} MB — ${describe(value)}`);
}

const bomb = buildPdfBomb();
await time(`PDF bomb (${bomb.length} B, a page tree of 1,000,000 pages)`, () => readPage(respond(bomb, 'application/pdf')),
  (p) => p?.signals.unreadable ?? 'read');
const flate = buildFlatePdf(2048);
await time(`PDF with a Flate stream of 2 GB (${(flate.length / 1e6).toFixed(1)} MB file)`, () => readPage(respond(flate, 'application/pdf')),
  (p) => p?.signals.unreadable ?? 'read');
for (const depth of [512, 300_000, 1_000_000]) {
  const html = `<html><body>${'<div>'.repeat(depth)}<p>${'Some text about the council. '.repeat(40)}</p>${'</div>'.repeat(depth)}</body></html>`;
  await time(`${depth} nested divs`, () => readPage(respond(new TextEncoder().encode(html), 'text/html')),
    (p) => p?.signals.unreadable ?? `read, main text ${p?.layers.find((l) => l.layer === 'main')?.text.length ?? 0} chars`);
}
const selfClosed = `<html><body>${'<div/>'.repeat(300_000)}<p>${'Some text about the council. '.repeat(40)}</p></body></html>`;
await time('300000 self-closed <div/>s (each opens a div)', () => readPage(respond(new TextEncoder().encode(selfClosed), 'text/html')),
  (p) => p?.signals.unreadable ?? 'read');
const line = 'The council approved a budget of 4.2 million dollars for the library. [1] Mr. Smith agreed. '.repeat(5_000_000 / 90);
await time('one 5 MB line', () => parseArticle(`Title\n\nBody\n\n${line}\n\nReferences\n\n  1. "a". b. 2024.\n`, 'x.txt'),
  (a) => `${a.claims.length} claims`);
