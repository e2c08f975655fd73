// Prints the time to read a ~1 MB Wikipedia page (Parsoid and legacy) built from the alder-bay fixtures by repetition.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWikiHtml } from '../src/article/wiki-html/index.js';

// npm scripts (and `npx tsx bench/extract.ts`) run from the repository root.
const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'formats');
const REFS_PER_COPY = 23;

/** One copy's ids, sfn anchors and visible numbers moved out of the way of the other copies. */
function renumber(html: string, k: number): string {
  return html
    .replace(/cite_(note|ref)-/g, `cite_$1-k${k}x`)
    .replace(/CITEREF/g, `CITEREFk${k}x`)
    .replace(/(<span class="cite-bracket">\[<\/span>|&#91;)(\d+)(<span class="cite-bracket">\]<\/span>|&#93;)/g,
      (_, open: string, n: string, close: string) => `${open}${Number(n) + REFS_PER_COPY * k}${close}`)
    .replace(/data-mw-footnote-number="(\d+)"/g, (_, n: string) => `data-mw-footnote-number="${Number(n) + REFS_PER_COPY * k}"`);
}

/**
 * The fixture's prose sections `copies` times, then its end matter once with every note list and the
 * bibliography holding the items of all copies: one long article with one long reference list.
 */
export function buildWikiPage(fixture: string, targetBytes: number): string {
  const html = readFileSync(join(FIXTURES, fixture), 'utf8');
  const start = html.indexOf('<div role="note"'); // the hatnote, infobox and prose
  const end = html.search(/<h2 id="See_also">|<h2><span class="mw-headline" id="See_also">|<div class="mw-heading mw-heading2"><h2 id="See_also">/);
  const body = html.slice(start, end);
  const build = (copies: number) => {
    const bodies = Array.from({ length: copies }, (_, k) => renumber(body, k)).join('\n');
    const tail = html.slice(end)
      .replace(/(<ol[^>]*>\n)([\s\S]*?)(\n<\/ol>)/g, (_, open: string, items: string, close: string) =>
        `${open}${Array.from({ length: copies }, (_x, k) => renumber(items, k)).join('\n')}${close}`)
      .replace(/(<div class="refbegin"[^>]*>\n<ul>\n)([\s\S]*?)(\n<\/ul>)/g, (_, open: string, items: string, close: string) =>
        `${open}${Array.from({ length: copies }, (_x, k) => renumber(items, k)).join('\n')}${close}`);
    return html.slice(0, start) + bodies + tail;
  };
  let copies = 1;
  while (build(copies).length < targetBytes) copies += 1;
  return build(copies);
}

function measure(label: string, html: string, runs: number): void {
  parseWikiHtml(html, 'bench.html'); // warm-up
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let summary = '';
  for (let i = 0; i < runs; i++) {
    const a = parseWikiHtml(html, 'bench.html');
    summary = `${a.claims.length} claims, ${a.references.length} references, ${a.findings.length} findings`;
  }
  const ms = (performance.now() - start) / runs;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
  console.log(`${label}: ${(html.length / 1024).toFixed(0)} KB, ${ms.toFixed(0)} ms/page wall (${cpuMs.toFixed(0)} ms CPU; target < 300 ms)  [${summary}]`);
}

export function benchWikiHtml(): void {
  measure('Wikipedia page, Parsoid HTML', buildWikiPage('alder-bay.parsoid.html', 1_000_000), 5);
  measure('Wikipedia page, saved legacy HTML', buildWikiPage('alder-bay.legacy.html', 1_000_000), 5);
}
