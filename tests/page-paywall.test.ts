// Paywall prompts: they count in a gate outside the article text or closing a teaser, not quoted in prose.
import { describe, expect, it } from 'vitest';
import { judgeLink } from '../src/judge/link.js';
import { readPage } from '../src/page/read.js';
import { makeFixtureResponse, makeResponse, readFixture } from './fixtures/pages/fetch.js';

const teaser = new TextDecoder().decode(readFixture('paywall-teaser.html'));

describe('gate prompts beside a teaser', () => {
  it.each([
    'Subscribe to unlock this article',
    'Sign in to continue reading',
    'Log in to keep reading',
    'Create a free account to continue reading',
    'Register to read the full story',
    'Register for free to continue reading',
    // Already recognised before: kept as a check on the same fixture.
    'Subscribe to continue reading',
    'This article is for subscribers only.',
  ])('%s → paywalled', async (prompt) => {
    const f = makeResponse(teaser.replace('__PROMPT__', prompt));
    const page = await readPage(f);
    expect(page?.signals.paywall).toBeTruthy();
    expect(judgeLink(f, page).linkStatus).toBe('paywalled');
  });

  it('the same teaser with a newsletter heading instead of a gate is not paywalled', async () => {
    const page = await readPage(makeResponse(teaser.replace('__PROMPT__', 'Get our morning briefing')));
    expect(page?.signals.paywall).toBeUndefined();
  });
});

describe('free articles that mention or hide a gate', () => {
  it.each([
    // ~400 words about paywalls, quoting three prompts in its first paragraph.
    'article-about-paywalls.html',
    // ~1,000 words, free, with a meter modal in the markup that CSS hides until the meter fires.
    'article-meter-modal.html',
  ])('%s is not paywalled', async (fixture) => {
    const f = makeFixtureResponse(fixture);
    const page = await readPage(f);
    expect(page?.signals.paywall).toBeUndefined();
    expect(judgeLink(f, page).linkStatus).toBe('ok');
  });
});
