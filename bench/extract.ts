// Prints readPage throughput (ms/page, MB/s) on news pages, a ~170 KB page and a ~5 MB page: `npx tsx bench/extract.ts`;
// `node build/bench/bench/extract.js news [RUNS]` reads only bench:verify's ~80 KB news page, RUNS times (default 300);
// `node build/bench/bench/extract.js articles [RUNS]` reads only the large articles (cold in RUNS fresh processes, default 5).
import { readPage } from '../src/page/read.js';
import { measureMarkdownFolder, measureWikitext } from './readers.js';
import type { SourceFetch } from '../src/types.js';
import { measureBigArticles, readOnce } from './big-articles.js';
import { benchWikiHtml } from './wiki-html.js';
import { newsPage } from './verify-input.js';

const SENTENCE = 'The regional council said on Tuesday that the new bridge would open in 2026, two years later than planned, because of rising steel prices. ';

/** Markup-heavy like a real news page: ~12 KB of article text among scripts, menus and teasers. */
function buildNewsPage(): string {
  const page = buildPage(40_000);
  const blob = `<script>window.__APOLLO__=${JSON.stringify({ data: Array.from({ length: 900 }, (_, i) => ({ id: `n${i}`, kind: 'Teaser', title: `Teaser ${i}`, href: `/t/${i}` })) })}</script>`;
  const teasers = Array.from({ length: 120 }, (_, i) => `<div class="card card--small"><a class="card__link" href="/t/${i}"><picture><source srcset="/i/${i}.webp 1x"><img src="/i/${i}.jpg" alt=""></picture><span class="card__title">Teaser headline number ${i}</span></a></div>`).join('');
  return page.replace('</main>', `</main><section class="more">${teasers}</section>${blob}`);
}

function buildPage(targetBytes: number): string {
  const nav = Array.from({ length: 150 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('');
  const script = `<script>window.__STATE__=${JSON.stringify({ items: Array.from({ length: 400 }, (_, i) => ({ id: i, title: `Story ${i}`, url: `/story/${i}` })) })}</script>`;
  const related = Array.from({ length: 60 }, (_, i) => `<li><a href="/story/${i}"><img src="/i/${i}.jpg" alt="">Related story number ${i} about something else</a></li>`).join('');
  const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bridge delayed | Gazette</title>${script}<script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge delayed","datePublished":"2024-01-01"}</script></head><body><header><nav><ul>${nav}</ul></nav></header><main><article><h1>Bridge delayed</h1>`;
  const tail = `</article><aside><ul>${related}</ul></aside></main><footer><p>© Gazette</p></footer></body></html>`;
  const paragraph = `<p>${SENTENCE.repeat(4)}<a href="/x">link</a> <em>emphasis</em>.</p>\n`;
  const count = Math.max(1, Math.floor((targetBytes - head.length - tail.length) / paragraph.length));
  return head + paragraph.repeat(count) + tail;
}

function toFetch(html: string): SourceFetch {
  const body = new TextEncoder().encode(html);
  return {
    url: 'https://gazette.example/news/bridge', finalUrl: 'https://gazette.example/news/bridge', redirects: [], attempts: 1, elapsedMs: 0,
    outcome: { kind: 'response', status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body, truncated: false },
  };
}

async function measure(label: string, html: string, runs: number): Promise<void> {
  const f = toFetch(html);
  await readPage(f); // warm-up: JIT and module loading
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let layers = '';
  for (let i = 0; i < runs; i++) layers = (await readPage(f))?.layers.map((l) => `${l.layer}:${l.text.length}`).join(' ') ?? '';
  const ms = (performance.now() - start) / runs;
  // CPU time as well: on a shared, loaded machine wall time mostly measures the neighbours.
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
  const mb = html.length / 1e6;
  console.log(`${label}: ${(html.length / 1024).toFixed(0)} KB, ${ms.toFixed(1)} ms/page wall (${cpuMs.toFixed(2)} ms CPU), ${(mb / (ms / 1000)).toFixed(1)} MB/s  [${layers}]`);
}

const verifyNews = newsPage(7, 'https://gazette.example/news/bridge');
if (process.argv[2] === 'article') {
  await readOnce(process.argv[3] ?? '', Number(process.argv[4]), Number(process.argv[5] ?? 0));
  process.exit(0);
}
if (process.argv[2] === 'articles') {
  measureBigArticles(process.argv[1] ?? '', Number(process.argv[3] ?? 5));
  process.exit(0);
}
if (process.argv[2] === 'news') {
  await measure('bench:verify news page', verifyNews, Number(process.argv[3] ?? 300));
  process.exit(0);
}
await measure('bench:verify news page', verifyNews, 100);
await measure('news page (markup-heavy)', buildNewsPage(), 30);
await measure('text-heavy page', buildPage(170_000), 30);
await measure('huge page', buildPage(5_000_000), 3);
await measureMarkdownFolder(200);
await measureWikitext(200);
benchWikiHtml();
measureBigArticles(process.argv[1] ?? '');
