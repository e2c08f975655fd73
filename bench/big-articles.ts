// Bench part: large articles (thousands of claims) in the browser-text, Markdown and wikitext formats, read cold and warm.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readMarkdown } from '../src/article/markdown/read.js';
import { parseArticle } from '../src/article/parse.js';
import { readWikitext } from '../src/article/wikitext/read.js';
import type { Article } from '../src/types.js';
import { buildArticle } from './verify-input.js';

const SENTENCES = [
  'The council approved the new budget in March after a long debate about its costs.',
  'According to the report, the library had served about 12,000 readers in 2019.',
  'Mr. Hale, the chief engineer, said the work would finish by the end of the year.',
  'Its two reading rooms were rebuilt between 1923 and 1925 at a cost of 1.5 million pounds.',
  'Critics argued that the U.S. model was a poor fit for a town of that size.',
];
const AUTHORS = ['Myers, Steven Lee', 'Hale, Margaret', 'Reed, Thomas; Frenkel, Sheera', ''];
const MONTHS = ['January', 'March', 'May', 'July', 'October', 'December'];

/** `n` claims like a long Wikipedia article: paragraphs of five sentences, runs of markers, headings, a rich list. */
export function wikipediaText(n: number): string {
  const lines = ['Libraries of the northern region', '', 'From Wikipedia, the free encyclopedia', ''];
  for (let i = 0; i < n; i += 5) {
    if (i % 100 === 0) lines.push('', `Section ${i / 100 + 1}`, '');
    const marks = (k: number) => (k % 3 === 0 ? ` [${k + 1}] [${((k * 7) % n) + 1}]` : `[${k + 1}]`);
    lines.push(SENTENCES.map((s, j) => `${s}${marks(i + j)}`).join(' ') + ' The rest of this paragraph has no footnote.');
  }
  lines.push('', 'References', '');
  for (let i = 1; i <= n; i++) {
    const author = AUTHORS[i % AUTHORS.length] ?? '';
    const date = `${(i % 28) + 1} ${MONTHS[i % MONTHS.length] ?? 'May'} ${1990 + (i % 30)}`;
    const who = author ? `${author} (${date}). ` : '';
    const when = author ? '' : ` ${date}.`;
    lines.push(`  ${i}. ${i % 3 === 1 ? '1 2 ' : ''}${who}"Report number ${i} on the library budget". Regional Gazette.${when}${i % 4 === 0 ? ' (in Russian)' : ''} Archived from the original on 2015-05-01. Retrieved 3 March 2024.`);
  }
  return `${lines.join('\n')}\n`;
}

/** The same article in Markdown with `[^n]` footnotes. */
export function markdownText(n: number): string {
  const parts = ['# Libraries of the northern region', ''];
  for (let i = 0; i < n; i += 5) {
    if (i % 100 === 0) parts.push(`## Section ${i / 100 + 1}`, '');
    parts.push(SENTENCES.map((s, j) => `${s}[^${i + j + 1}]`).join(' ') + ' The rest of this paragraph has no footnote.', '');
  }
  for (let i = 1; i <= n; i++) parts.push(`[^${i}]: "Report number ${i} on the library budget". Regional Gazette, 2019. <https://gazette.example.org/${i}>`);
  return `${parts.join('\n')}\n`;
}

/** The same article in wikitext with `<ref>{{cite news}}</ref>` citations. */
export function wikitextText(n: number): string {
  const parts = ["'''Libraries of the northern region''' are described here.", ''];
  for (let i = 0; i < n; i += 5) {
    if (i % 100 === 0) parts.push(`== Section ${i / 100 + 1} ==`, '');
    const ref = (k: number) => `<ref>{{cite news |url=https://gazette.example.org/${k} |title=Report number ${k} |work=Regional Gazette |date=14 May 2019}}</ref>`;
    parts.push(SENTENCES.map((s, j) => `${s}${ref(i + j + 1)}`).join(' ') + ' The rest of this paragraph has no footnote.', '');
  }
  return `${parts.join('\n')}\n== References ==\n{{reflist}}\n`;
}

type Reader = (text: string) => Article | Promise<Article>;
const KINDS: Record<string, { text: (n: number) => string; read: Reader }> = {
  'bench-verify-txt': { text: buildArticle, read: (t) => parseArticle(t, 'a.txt') },
  'wikipedia-txt': { text: wikipediaText, read: (t) => parseArticle(t, 'a.txt') },
  markdown: { text: markdownText, read: (t) => readMarkdown({ text: t, path: 'a.md' }, {}) },
  wikitext: { text: wikitextText, read: (t) => readWikitext({ text: t, path: 'a.wiki' }, {}) },
};

const cpuMs = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};

// The main thread's own CPU time (Linux): process CPU also counts V8's compiler and GC helper threads.
const SCHEDSTAT = '/proc/thread-self/schedstat';
const hasSchedstat = existsSync(SCHEDSTAT);
const threadMs = () => (hasSchedstat ? Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6 : NaN);

/** In a child process: one cold read (as the CLI does it, once per article), then `warm` warm reads; prints JSON. */
export async function readOnce(kind: string, n: number, warm: number): Promise<void> {
  const k = KINDS[kind];
  if (!k) throw new Error(`unknown kind ${kind}`);
  const text = k.text(n);
  const start = process.cpuUsage();
  const mainStart = threadMs();
  const article = await k.read(text);
  const main = threadMs() - mainStart;
  const cold = cpuMs(start);
  const warmMs: number[] = [];
  for (let i = 0; i < warm; i++) {
    const s = process.cpuUsage();
    await k.read(text);
    warmMs.push(cpuMs(s));
  }
  console.log(JSON.stringify({ kb: text.length / 1024, claims: article.claims.length, refs: article.references.length, cold, main, warm: warmMs }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Cold reads in fresh processes (`runs` of them) and the warm median, per kind. */
export function measureBigArticles(script: string, runs = 5, sizes: Record<string, number> = { 'bench-verify-txt': 2000, 'wikipedia-txt': 3000, markdown: 3000, wikitext: 3000 }): void {
  for (const [kind, n] of Object.entries(sizes)) {
    const colds: number[] = [];
    const mains: number[] = [];
    let last: { kb: number; claims: number; refs: number; warm: number[] } | undefined;
    for (let r = 0; r < runs; r++) {
      const child = spawnSync(process.execPath, [script, 'article', kind, String(n), r === 0 ? '5' : '0'], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr);
      const result = JSON.parse(child.stdout) as { kb: number; claims: number; refs: number; cold: number; main: number; warm: number[] };
      colds.push(result.cold);
      mains.push(result.main);
      if (r === 0) last = result;
    }
    console.log(`${kind}: ${last?.kb.toFixed(0)} KB, ${last?.claims} claims, ${last?.refs} references: cold ${median(colds).toFixed(1)} ms CPU, ${median(mains).toFixed(1)} of it on the main thread (medians of ${runs} processes), warm ${median(last?.warm ?? []).toFixed(1)} ms CPU`);
  }
}
