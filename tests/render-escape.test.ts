import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeXml, oneLine, safeHref } from '../src/report/escape.js';
import { appendStepSummary, escapeData, escapeProperty, fitStepSummary, githubAnnotations } from '../src/report/github.js';
import { highlight } from '../src/report/html.js';
import { escapeMarkdown, markdownLink } from '../src/report/markdown.js';
import { artifactUri } from '../src/report/sarif.js';
import { sampleReport } from './fixtures/report/sample.js';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['"><img src=x onerror=alert(1)>', '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ["it's & `x`", 'it&#39;s &amp; &#96;x&#96;'],
    ['nul\u0000 esc\u001b c1\u0085 ok\ttab\nline', 'nul esc c1 ok\ttab\nline'],
    ['Тунгусский метеорит', 'Тунгусский метеорит'],
    ['plain text, nothing to do', 'plain text, nothing to do'],
    ['pair 😀 kept, lone \uD800 and \uDC00 dropped, \uFFFE too', 'pair 😀 kept, lone  and  dropped,  too'],
    ['DEL\u007F and C1\u009F', 'DEL and C1'],
  ])('%j → %j', (input, out) => {
    expect(escapeHtml(input)).toBe(out);
  });
});

describe('safeHref', () => {
  it.each([
    ['https://example.org/a?b=c#d', 'https://example.org/a?b=c#d'],
    ['http://example.org/"><script>', 'http://example.org/%22%3E%3Cscript%3E'],
    ['  https://example.org/a b  ', 'https://example.org/a%20b'],
    ['HTTPS://EXAMPLE.ORG/', 'https://example.org/'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox', undefined],
    ['file:///etc/passwd', undefined],
    ['//evil.example/x', undefined],
    ['https://user:pass@example.org/', undefined],
    ['not a url', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (input, out) => {
    expect(safeHref(input)).toBe(out);
  });
});

describe('escapeXml', () => {
  it.each([
    ['a & b < c > d " e \' f', 'a &amp; b &lt; c &gt; d &quot; e &#39; f'],
    ['bell\u0007 nul\u0000 vt\u000b', 'bell nul vt'],
    ['tab\tlf\ncr\r', 'tab\tlf\ncr\r'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
    ['emoji 😀 kept', 'emoji 😀 kept'],
    ['\uFFFE\uFFFF', ''],
  ])('%j → %j', (input, out) => {
    expect(escapeXml(input)).toBe(out);
  });
});

describe('Markdown escaping', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['<img src=x>', '&lt;img src=x&gt;'],
    ['line\n# heading\n- item', 'line # heading - item'],
    ['back\\slash &amp;', 'back\\\\slash &amp;amp;'],
  ])('%j → %j', (input, out) => {
    expect(escapeMarkdown(input)).toBe(out);
  });

  it('links only http(s) and keeps parentheses from closing the link early', () => {
    expect(markdownLink('https://en.example.org/wiki/A_(b)')).toBe('[https://en.example.org/wiki/A\\_(b)](https://en.example.org/wiki/A_%28b%29)');
    expect(markdownLink('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(markdownLink(undefined)).toBe('—');
  });

  it('answers a URL asked for again as the first time', () => {
    for (let i = 0; i < 2; i += 1) {
      expect(safeHref('https://example.org/a b')).toBe('https://example.org/a%20b');
      expect(safeHref('http://user:pw@example.org/')).toBeUndefined();
      expect(safeHref('javascript:alert(1)')).toBeUndefined();
    }
  });
});

describe('oneLine', () => {
  it.each([
    ['a\n\n b\t c', 10, 'a b c'],
    ['abcdefghij', 5, 'abcd…'],
    ['😀😀😀😀', 3, '😀😀…'],
    ['😀😀😀', 3, '😀😀😀'],
    ['ab cd ef', 4, 'ab…'],
    ['aé😀bcd', 4, 'aé😀…'],
    ['exactly5', 8, 'exactly5'],
    ['nul\u0000 c1\u0085 lone \uD800 end', 100, 'nul c1 lone end'],
  ])('%j at %i → %j', (input, max, out) => {
    expect(oneLine(input, max)).toBe(out);
  });
});

describe('highlight', () => {
  it.each([
    ['80 million trees fell', ['80 million trees'], '<mark>80 million trees</mark> fell'],
    ['The  Impact\nEvent', ['impact event'], 'The  <mark>Impact\nEvent</mark>'],
    ['a <b> c', ['<b>'], 'a <mark>&lt;b&gt;</mark> c'],
    ['overlap abcdef', ['abcd', 'cdef'], 'overlap <mark>abcd</mark><mark>ef</mark>'],
    ['no match here', ['absent', '(', ''], 'no match here'],
    ['x.y and xzy', ['x.y'], '<mark>x.y</mark> and xzy'],
  ])('%j with %j', (snippet, phrases, out) => {
    expect(highlight(snippet, phrases)).toBe(out);
  });
});

describe('GitHub annotations', () => {
  it.each([
    ['100% done\r\nnext', '100%25 done%0D%0Anext'],
  ])('escapeData(%j) → %j', (input, out) => {
    expect(escapeData(input)).toBe(out);
  });

  it.each([
    ['a,b:c%\n', 'a%2Cb%3Ac%25%0A'],
  ])('escapeProperty(%j) → %j', (input, out) => {
    expect(escapeProperty(input)).toBe(out);
  });

  it('emits errors for failOn verdicts, warnings for other problems, nothing for supported/partial', () => {
    const lines = githubAnnotations({ ...sampleReport, findings: [] }, ['broken']);
    const levels = lines.map((l) => /^::(\w+) /.exec(l)?.[1]);
    expect(levels.filter((l) => l === 'error')).toHaveLength(3);
    expect(levels.filter((l) => l === 'warning')).toHaveLength(4); // unsupported, missing, 2 × unverifiable
    expect(lines).toHaveLength(7);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning) file=articles\/tunguska\.md,line=\d+,col=\d+,title=[^,:]+::/);
      expect(line).not.toMatch(/[\r\n]/);
    }
  });

  it('then one per finding: notices for informational kinds, warnings otherwise, at the finding\'s line when it has one', () => {
    const lines = githubAnnotations(sampleReport, ['broken']).slice(7);
    expect(lines.map((l) => /^::(\w+) file=[^,]+(,line=\d+)?,title=([^:]+)::/.exec(l)?.slice(1))).toEqual([
      ['notice', ',line=20', 'citecheck%3A uses-mismatch [1]'],
      ['notice', ',line=29', 'citecheck%3A reference-never-cited [10]'],
      ['warning', undefined, 'citecheck%3A deprecated-archive [4]'],
    ]);
  });

  it.each([
    ['.\\articles\\a.md', 'articles/a.md'],
    ['./articles/a.md', 'articles/a.md'],
    ['articles/my article #1.md', 'articles/my%20article%20%231.md'],
    ['/abs/a b.md', 'file:///abs/a%20b.md'],
    ['C:\\work\\a.md', 'file:///C:/work/a.md'],
  ])('artifactUri(%j) → %j', (path, uri) => {
    expect(artifactUri(path)).toBe(uri);
  });

  it('cuts a step summary over the byte cap at a line break and says so', () => {
    const line = `${'é'.repeat(99)}\n`;
    const big = line.repeat(1000); // ~200 KB of two-byte characters
    const out = fitStepSummary(big, 50_000);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(50_000);
    expect(out).toContain('[!NOTE]');
    expect(out.split('\n').filter((l) => l.startsWith('é')).every((l) => l === line.trimEnd())).toBe(true);
    expect(fitStepSummary('small')).toBe('small\n');
  });

  it('appends to $GITHUB_STEP_SUMMARY when set, and does nothing when not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'citecheck-summary-'));
    try {
      const file = join(dir, 'summary.md');
      await writeFile(file, 'before\n');
      await appendStepSummary('# one', { GITHUB_STEP_SUMMARY: file });
      await appendStepSummary('# two\n', { GITHUB_STEP_SUMMARY: file });
      await appendStepSummary('# ignored', {});
      expect(await readFile(file, 'utf8')).toBe('before\n# one\n# two\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
