// `citecheck review` in a real pseudo-terminal (tmux): keys in, decisions saved one by one, a kill loses nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewsFileSchema } from '../src/review/schema.js';
import { CLI, ensureBuilt } from './helpers/cli.js';
import { sampleReport } from './fixtures/report/sample.js';

const hasTmux = (() => {
  try { execFileSync('tmux', ['-V'], { stdio: 'ignore' }); return true; } catch { return false; }
})();
const session = `citecheck-review-${process.pid}`;
let dir: string;
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', session);
const keys = (...k: string[]) => { tmux('send-keys', '-t', session, ...k); };
const reviewsFile = () => join(dir, 'articles', 'citecheck.reviews.json');
const saved = () => (existsSync(reviewsFile()) ? ReviewsFileSchema.parse(JSON.parse(readFileSync(reviewsFile(), 'utf8'))).reviews : []);

async function waitFor(test: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; screen:\n${screen()}`);
}
const count = (pattern: RegExp) => screen().match(new RegExp(pattern.source, 'g'))?.length ?? 0;

beforeAll(() => {
  if (!hasTmux) return;
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'citecheck-tty-'));
  mkdirSync(join(dir, 'reports'));
  writeFileSync(join(dir, 'reports', 'report.json'), JSON.stringify(sampleReport));
  const opener = join(dir, 'open.sh');
  writeFileSync(opener, `#!/bin/sh\necho "$1" >> "${join(dir, 'opened.txt')}"\n`, { mode: 0o755 });
  tmux('new-session', '-d', '-s', session, '-x', '220', '-y', '50', '-c', dir,
    '-e', `BROWSER=${opener}`, '-e', 'CITECHECK_REVIEWER=tester', `${process.execPath} ${CLI} review; sleep 600`);
}, 60_000);
afterAll(() => {
  if (hasTmux) { try { tmux('kill-session', '-t', session); } catch { /* already gone */ } }
});

describe.skipIf(!hasTmux)('citecheck review on a terminal', () => {
  it('walks the pending citations; each decision is written as it is made; a killed session keeps them', async () => {
    await waitFor(() => /\[1\/\d+\] claim c2 · line 3 · footnote \[2\]/.test(screen()), 'the first citation');
    expect(screen()).toMatch(/citecheck: partial/);

    keys('o', 'Enter');
    await waitFor(() => existsSync(join(dir, 'opened.txt')), 'the browser stand-in');
    expect(readFileSync(join(dir, 'opened.txt'), 'utf8')).toMatch(/^https?:\/\//);

    keys('a', 'Enter');
    await waitFor(() => /note \(why/.test(screen()), 'the note prompt');
    keys('partly, the crater is not discussed', 'Enter');
    await waitFor(() => count(/saved: /) === 1, 'the first save');
    expect(saved()).toEqual([expect.objectContaining({ claim: 'c2', ref: 2, verdict: 'partial', reviewer: 'tester', note: 'partly, the crater is not discussed' })]);

    await waitFor(() => /\[2\/\d+\] claim c3/.test(screen()), 'the second citation');
    keys('s', 'Enter');
    await waitFor(() => /verdict \(supported/.test(screen()), 'the verdict prompt');
    keys('nonsense', 'Enter');
    await waitFor(() => /not a verdict/.test(screen()), 'the refusal');
    keys('s', 'Enter');
    await waitFor(() => count(/verdict \(supported/) === 2, 'the verdict prompt again');
    keys('unverifiable', 'Enter');
    await waitFor(() => count(/note \(why/) === 2, 'the second note prompt');
    keys('archived copy checked by hand', 'Enter');
    await waitFor(() => count(/saved: /) === 2, 'the second save');

    await waitFor(() => /\[3\/\d+\] claim c4/.test(screen()), 'the third citation');
    keys('k', 'Enter');
    await waitFor(() => /\[4\/\d+\]/.test(screen()), 'the fourth citation');
    tmux('kill-session', '-t', session);

    const reviews = saved();
    expect(reviews.map((r) => [r.claim, r.ref, r.verdict])).toEqual([['c2', 2, 'partial'], ['c3', 4, 'unverifiable']]);
    expect(reviews[1]).toMatchObject({ toolVerdict: 'broken', linkStatus: 'dead', article: 'tunguska.md' });
  }, 180_000);
});
