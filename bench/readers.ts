// Bench part: article readers — a 200-file Markdown docs folder (generated in a temp dir) and a long wikitext article.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMarkdown } from '../src/article/markdown/read.js';
import { readWikitext } from '../src/article/wikitext/read.js';

const SENTENCES = [
  'The pumping station opened in 1898 and drained the marsh for the first time.',
  'Its two beam engines were built by a firm in Leeds.',
  'The engines ran until 1952, when electric pumps replaced them.',
  'A trust bought the building in 1987 and restored one engine.',
  'Visitors can see the engine in steam on the first Sunday of each month.',
];

/** One docs page of about 4 KB: front matter, headings, footnoted paragraphs, a list, a code block, links. */
function page(n: number): string {
  const para = (k: number) => SENTENCES.map((s, i) => `${s}[^n${(k + i) % 6}]`).join(' ');
  const sections = Array.from({ length: 4 }, (_, k) => `## Part ${k + 1}\n\n${para(k)}\n\n- A listed fact.[^n${k}]\n- See [the archive](https://archive.example.org/${n}/${k}).\n\n\`\`\`sh\nmake docs # not prose[^n1]\n\`\`\`\n`);
  const notes = Array.from({ length: 6 }, (_, i) => `[^n${i}]: "Source ${i} for page ${n}". Example Press, 201${i}. <https://source${i}.example.org/page/${n}>`);
  return `---\ntitle: "Page ${n}"\nweight: ${n}\n---\n\n# Page ${n}\n\n${sections.join('\n')}\n${notes.join('\n\n')}\n`;
}

export async function measureMarkdownFolder(files = 200): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'citecheck-bench-md-'));
  try {
    for (let i = 0; i < files; i++) writeFileSync(join(dir, `page-${String(i).padStart(3, '0')}.md`), page(i));
    const names = readdirSync(dir);
    const run = async () => {
      let claims = 0;
      for (const name of names) {
        const text = await readFile(join(dir, name), 'utf8');
        claims += (await readMarkdown({ text, path: name }, { linksAsCitations: true })).claims.length;
      }
      return claims;
    };
    await run(); // warm-up: JIT and module loading
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const claims = await run();
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    const kb = names.reduce((sum, _, i) => sum + page(i).length, 0) / 1024;
    console.log(`markdown folder: ${names.length} files, ${kb.toFixed(0)} KB, ${claims} claims, ${ms.toFixed(0)} ms wall (${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU), ${(ms / names.length).toFixed(2)} ms/file`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A wikitext article of about `kb` KB built from the lighthouse fixture's paragraphs (named refs renamed per copy). */
function wikitextArticle(kb: number): string {
  const base = readFileSync('tests/fixtures/formats/lighthouse.wiki', 'utf8');
  const [body = '', refs = ''] = base.split('== References ==');
  const copies: string[] = [];
  for (let i = 0; copies.join('').length < kb * 1024; i++) copies.push(body.replace(/<ref name="(\w+)"/gu, `<ref name="$1${i}"`));
  return `${copies.join('\n')}== References ==${refs}`;
}

export async function measureWikitext(kb = 200): Promise<void> {
  const text = wikitextArticle(kb);
  await readWikitext({ text: text.slice(0, 20_000), path: 'warm.wiki' }, {}); // warm-up: module and parser config
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const article = await readWikitext({ text, path: 'bench.wiki' }, {});
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  console.log(`wikitext article: ${(text.length / 1024).toFixed(0)} KB, ${article.claims.length} claims, ${article.references.length} references, ${ms.toFixed(0)} ms wall (${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU)`);
}
