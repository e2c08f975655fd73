// Terminal output is stripped of escape sequences and controls: page titles and article text cannot drive the terminal.
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../src/commands/summary.js';
import { formatProgress } from '../src/progress.js';
import { terminalSafe, terminalSafeJson } from '../src/terminal.js';
import { sampleReport } from './fixtures/report/sample.js';

/** Anything a terminal could act on: ESC, BEL, other C0 bar tab/newline, DEL, C1, U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]/;

describe('terminalSafe', () => {
  it.each([
    ['colour', 'a\x1b[31;1mred\x1b[0m b', 'ared b'],
    ['clear screen and home', '\x1b[2J\x1b[Htitle', 'title'],
    ['OSC title ended by BEL', 'x\x1b]0;pwned\x07y', 'xy'],
    ['OSC 8 hyperlink ended by ST', '\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\', 'click'],
    ['unterminated OSC', 'keep\x1b]0;rest of the line', 'keep'],
    ['8-bit CSI', 'a\u009b2Jb', 'ab'],
    ['8-bit OSC', 'a\u009d0;t\u009cb', 'ab'],
    ['DCS', 'a\x1bPq#0;2\x1b\\b', 'ab'],
    ['charset switch', 'a\x1b(0b', 'ab'],
    ['NUL, BEL, backspace, CR', 'a\0b\x07c\bd\re', 'abcde'],
    ['non-characters', 'a\ufffeb\uffffc', 'abc'],
    ['lone surrogate', 'a\ud800b', 'ab'],
  ])('removes %s', (_name, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });

  it('keeps text, tabs, newlines and non-Latin scripts', () => {
    const text = 'Отношения России и ХАМАС\tline 3 [1] «цитата» — 😀\nnext';
    expect(terminalSafe(text)).toBe(text);
  });

  it('escapes C1 in JSON without changing the data it carries', () => {
    const json = JSON.stringify({ title: 'a\u009b2J\ufffe\u2028b' });
    const safe = terminalSafeJson(json);
    expect(safe).not.toMatch(ACTIVE);
    expect(JSON.parse(safe)).toEqual(JSON.parse(json));
  });
});

describe('what reaches the terminal', () => {
  const hostile = '\x1b]0;owned\x07\x1b[2J\x1b[31mTitle\0\ufffe';
  it('the summary strips escapes from the article title and from reasons', () => {
    const report = structuredClone(sampleReport);
    report.article.title = hostile;
    for (const c of report.claims) for (const ci of c.citations) ci.reason = `${hostile} reason`;
    const text = formatSummary(report, ['reports/report.json'], ['broken', 'unsupported', 'missing'], true);
    expect(text).not.toMatch(ACTIVE);
    expect(text).toMatch(/^Title — /);
    expect(text).toMatch(/Title reason/);
  });

  it('the progress line strips escapes from the host name', () => {
    const line = formatProgress({ done: 1, total: 2, inFlight: 1, slowestHost: 'a\x1b[2Jb.example', slowestMs: 1500 }, 2000);
    expect(line).not.toMatch(ACTIVE);
    expect(line).toMatch(/slowest ab\.example 1\.5s/);
  });
});
