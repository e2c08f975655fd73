import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exitCodeFor, summarise } from '../src/report/build.js';
import { githubAnnotations } from '../src/report/github.js';
import { renderHtml } from '../src/report/html.js';
import { renderJunit } from '../src/report/junit.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { renderSarif } from '../src/report/sarif.js';
import { ReportSchema } from '../src/report/schema.js';
import { sampleReport as r } from './fixtures/report/sample.js';

const failOn = r.run.failOn;

describe('the sample report', () => {
  it('is a valid report.json', () => {
    expect(ReportSchema.safeParse(r).success).toBe(true);
  });

  it('has the summary buildReport would compute (hand-counted numbers agree with the code)', () => {
    expect(summarise(r.claims, r.sources, r.uncited.length, false)).toEqual(r.summary);
  });
});

describe('golden files', () => {
  it.each([
    ['report.json', () => `${JSON.stringify(r, null, 2)}\n`],
    ['report.md', () => renderMarkdown(r)],
    ['report.html', () => renderHtml(r)],
    ['junit.xml', () => renderJunit(r, failOn)],
    ['report.sarif', () => renderSarif(r, failOn)],
    ['annotations.txt', () => `${githubAnnotations(r, failOn).join('\n')}\n`],
  ])('%s matches its golden', async (name, render) => {
    await expect(render()).toMatchFileSnapshot(`fixtures/report/golden/${name}`);
  });
});

describe('Markdown', () => {
  const md = renderMarkdown(r);

  it('keeps every table row at its header\'s cell count, whatever pipes the page text had', () => {
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    const blocks = md.split(/\n\n/).map((b) => b.split('\n').filter((l) => l.startsWith('|'))).filter((b) => b.length);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const rows of blocks) for (const row of rows) expect(cells(row), row).toBe(cells(rows[0] ?? ''));
  });

  it('lists the problems first, in the order broken, unsupported, missing, unverifiable', () => {
    const at = (s: string) => md.indexOf(s);
    const order = ['`broken`', '`unsupported`', '`missing`', '`unverifiable`', '## Supported', '## Findings', '## Uncited'].map(at);
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('never emits raw HTML or a javascript: link from page or article text', () => {
    expect(md).not.toMatch(/<script|<img|<b>/i);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/i);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows no offline banner when the run was online, and one when offline', () => {
    expect(md).not.toContain('Offline');
    expect(renderMarkdown({ ...r, summary: { ...r.summary, offline: true } })).toContain('**Offline:**');
  });
});

describe('HTML', () => {
  const html = renderHtml(r);

  it('escapes every hostile string and links only http(s)', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('href="https://hostile.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E"');
  });

  it('is self-contained: no script, no external resource, a strict CSP', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
  });

  it('marks matched phrases in the evidence and lists the missing ones', () => {
    expect(html).toContain('An estimated <mark>80 million trees</mark> over an area of <mark>2,150</mark>');
    expect(html).toContain('<span class="miss">Southern swamp</span>');
  });

  it('shows an offline banner only when the run was offline', () => {
    expect(html).not.toContain('class="offline"');
    expect(renderHtml({ ...r, summary: { ...r.summary, offline: true } })).toContain('<p class="offline" role="alert">');
  });

  it('renders an article with no claims without breaking', () => {
    const empty = renderHtml({ ...r, claims: [], sources: [], uncited: [], findings: [] });
    expect(empty).toContain('No cited claims were found.');
    expect(empty.trimEnd().endsWith('</html>')).toBe(true);
    expect(renderMarkdown({ ...r, claims: [], summary: { ...r.summary, byVerdict: { ...r.summary.byVerdict, broken: 0, unsupported: 0, missing: 0, unverifiable: 0 } } }))
      .toContain('No broken, unsupported, missing or unverifiable citations.');
  });

  it('lets the browser skip off-screen claims only in long reports', () => {
    expect(html).toContain('<body>');
    const many = Array.from({ length: 200 }, (_, i) => ({ ...r.claims[0]!, id: `c${i + 1}` }));
    expect(renderHtml({ ...r, claims: many })).toContain('<body class="long">');
  });

  it('gives every container the filter words of the citations inside it', () => {
    expect(html).toContain('<article class="claim" id="c6" data-verdict="broken" data-v="unverifiable broken" '
      + 'data-l="paywalled soft-404" data-vl="unverifiable/paywalled broken/soft-404">');
  });

  it('links the final URL of a redirect, and shows what the archived copy of a dead source says', () => {
    expect(html).toContain('Redirected to: <a href="https://www.impacts.example.net/events/tunguska-1908"');
    expect(html).toMatch(/<div class="archive-check">\n<p class="cit-head"><strong>Archived copy<\/strong><span class="badge v-supported">supported<\/span>/);
    expect(html).toContain('<li><a href="https://web.archive.org/web/20150101000000/https://history.example.org/kulik-1927.html"');
    expect(html).toContain('In <mark>1927</mark>, <mark>Leonid Kulik</mark> led');
  });

  it('lists the changes since the last run, escaped', () => {
    expect(html).toContain('<h2 id="changes-h">Changes since the run of 2026-11-18</h2>');
    expect(html).toContain('<h3>Newly broken (1)</h3>');
    expect(html).not.toContain('<h3>Newly dead');
    expect(renderHtml({ ...r, changes: undefined })).not.toContain('changes-h');
  });
});

describe('JUnit', () => {
  const xml = renderJunit(r, failOn);

  it('is well-formed XML with the right counts', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const [suite, findings] = junitSuites(xml);
    const cases = suite?.testcase ?? [];
    expect(cases).toHaveLength(10);
    expect(cases.filter((c) => 'failure' in c)).toHaveLength(5); // 3 broken + 1 unsupported + 1 missing
    expect(cases.filter((c) => 'skipped' in c)).toHaveLength(2); // unverifiable
    expect(suite).toMatchObject({ tests: '10', failures: '5', skipped: '2', name: 'articles/tunguska.md' });
    expect(cases[0]).toMatchObject({ classname: 'articles/tunguska.md' });
    expect(String(cases[0]?.name)).toMatch(/^c1 \[1\] The Tunguska event/);
  });

  it('lists the findings in a suite of their own, passing: they do not fail the run', () => {
    const [, findings] = junitSuites(xml);
    expect(findings).toMatchObject({ name: 'articles/tunguska.md findings', tests: '3', failures: '0' });
    expect(findings?.testcase.map((c) => [c.name, c.line])).toEqual([
      ['uses-mismatch [1]', '20'], ['reference-never-cited [10]', '29'], ['deprecated-archive [4]', undefined]]);
    expect(findings?.testcase[2]?.['system-out']).toBe('reference 4 also links archive.today, which may vanish');
  });

  it('fails the no-claims finding exactly when the run fails on it (any --fail-on but none)', () => {
    const empty = { ...r, claims: [], findings: [{ kind: 'no-claims' as const, message: 'no claims found' }] };
    expect(junitSuites(renderJunit(empty, failOn))[1]).toMatchObject({ failures: '1', testcase: [{ failure: { type: 'no-claims' } }] });
    expect(junitSuites(renderJunit(empty, []))[1]).toMatchObject({ failures: '0' });
    expect(exitCodeFor(empty, failOn)).toBe(1);
    expect(exitCodeFor(empty, [])).toBe(0);
  });

  it('fails unverifiable citations instead of skipping them when asked to', () => {
    const out = renderJunit(r, ['broken', 'unsupported', 'missing', 'unverifiable']);
    expect(out).toContain('tests="10" failures="7" errors="0" skipped="0"');
    expect(renderJunit(r, [])).toContain('tests="10" failures="0" errors="0" skipped="2"');
  });

  it('strips control characters XML cannot carry', () => {
    const dirty = { ...r, article: { ...r.article, title: 'bad\u0000\u0007\u001b title\uD800' } };
    const out = renderJunit(dirty, failOn);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).toContain('value="bad title"');
  });
});

const Suites = z.object({ testsuites: z.object({
  testsuite: z.array(z.looseObject({ testcase: z.array(z.record(z.string(), z.unknown())).default([]) })),
}) });

/** The testsuites of a junit.xml, parsed: testcase attributes and children as properties. */
function junitSuites(xml: string) {
  const doc: unknown = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testcase' || n === 'testsuite' })
    .parse(xml);
  return Suites.parse(doc).testsuites.testsuite;
}

const SarifRun = z.object({ runs: z.array(z.object({ results: z.array(z.object({
  ruleId: z.string(), level: z.string(), properties: z.object({ verdict: z.string().optional(), kind: z.string().optional() }),
  partialFingerprints: z.record(z.string(), z.string()),
  locations: z.array(z.object({ physicalLocation: z.object({
    artifactLocation: z.object({ uri: z.string() }), region: z.object({ startLine: z.number(), startColumn: z.number().optional() }),
  }) })),
})) })) });

describe('SARIF', () => {
  const require = createRequire(import.meta.url);
  // The SARIF 2.1.0 schema as Microsoft ships it (rtm.5, JSON Schema draft-04) in @microsoft/jest-sarif.
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(schemaPath, 'utf8')));
  // unicodeRegExp off: the official schema's `language` pattern has a stray `]` that a /u regex rejects.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormatsModule.default(ajv);
  const validate = ajv.compile(schema);
  const sarif: unknown = JSON.parse(renderSarif(r, failOn));

  it('validates against the SARIF 2.1.0 JSON schema', () => {
    expect(validate(sarif), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('fails validation for a broken log (the validator is really checking)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  it('places each result at the claim and keeps fingerprints unique and stable when lines move', () => {
    const results = SarifRun.parse(sarif).runs[0]?.results ?? [];
    expect(results[0]?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'articles/tunguska.md' }, region: { startLine: 3, startColumn: 99 },
    });
    const prints = results.map((x) => JSON.stringify(x.partialFingerprints));
    expect(new Set(prints).size).toBe(results.length);
    const moved = { ...r, claims: r.claims.map((c) => ({ ...c, line: c.line + 10 })) };
    const movedPrints = (SarifRun.parse(JSON.parse(renderSarif(moved, failOn))).runs[0]?.results ?? [])
      .map((x) => JSON.stringify(x.partialFingerprints));
    expect(movedPrints).toEqual(prints);
  });

  it('has one result per problem citation, errors exactly for failOn verdicts', () => {
    const results = (SarifRun.parse(sarif).runs[0]?.results ?? []).filter((x) => x.properties.verdict);
    expect(results).toHaveLength(8); // 10 citations − 2 supported
    for (const res of results) {
      expect(res.level === 'error').toBe(failOn.some((v) => v === res.properties.verdict));
    }
    expect(new Set(results.map((x) => x.ruleId))).toEqual(new Set(['dead-link', 'claim-not-supported', 'claim-partial', 'missing-source', 'unverifiable-source']));
  });

  it('has one result per finding after the citations, ruled by its kind, at its line (else line 1)', () => {
    const results = SarifRun.parse(sarif).runs[0]?.results ?? [];
    expect(results.slice(8).map((x) => [x.ruleId, x.level, x.locations[0]?.physicalLocation.region.startLine])).toEqual([
      ['uses-mismatch', 'note', 20], ['reference-never-cited', 'note', 29], ['deprecated-archive', 'warning', 1]]);
    const withMismatch = { ...r, findings: [{ kind: 'date-mismatch' as const, ref: 2, line: 22, cited: '2023-10-14', page: '2023-10-07', days: 7,
      message: 'reference [2] is cited as published 2023-10-14 but the page says 2023-10-07 (7 days apart)' }] };
    const log: unknown = JSON.parse(renderSarif(withMismatch, failOn));
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    expect(SarifRun.parse(log).runs[0]?.results.at(-1)).toMatchObject({
      ruleId: 'date-mismatch', level: 'warning', properties: { kind: 'date-mismatch' },
      locations: [{ physicalLocation: { region: { startLine: 22 } } }],
    });
  });
});
