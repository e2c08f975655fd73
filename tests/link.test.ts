import { describe, expect, it } from 'vitest';
import { judgeLink } from '../src/judge/link.js';
import { readPage } from '../src/page/read.js';
import type { FetchOutcome, LinkStatus, Page, RedirectHop, SourceFetch } from '../src/types.js';
import { makeFixtureResponse, makeResponse } from './fixtures/pages/fetch.js';

type FailureKind = Extract<FetchOutcome, { kind: 'failure' }>['failure'];

function failed(failure: FailureKind): SourceFetch {
  return {
    url: 'https://x.example/a', finalUrl: 'https://x.example/a', redirects: [], attempts: 1, elapsedMs: 1,
    outcome: { kind: 'failure', failure, message: `${failure} happened` },
  };
}

const plainPage: Page = { contentType: 'text/html', charset: 'utf-8', layers: [{ layer: 'main', text: 'Text.' }], signals: {} };

describe('transport failures', () => {
  it.each<[FailureKind, LinkStatus]>([
    ['dns', 'dead'],
    ['timeout', 'timeout'],
    ['refused', 'error'],
    ['reset', 'error'],
    ['tls', 'error'],
    ['redirect-loop', 'error'],
    ['too-many-redirects', 'error'],
    ['decompression', 'error'],
    ['other', 'error'],
    ['private-address', 'private-address'],
    ['invalid-url', 'invalid-url'],
  ])('%s → %s', (failure, status) => {
    const result = judgeLink(failed(failure), undefined);
    expect(result.linkStatus).toBe(status);
    expect(result.reason.length).toBeGreaterThan(0);
  });
});

describe('status codes (page without signals)', () => {
  it.each<[number, LinkStatus]>([
    [200, 'ok'], [203, 'ok'], [204, 'ok'],
    [400, 'dead'], [404, 'dead'], [410, 'dead'], [414, 'dead'],
    [401, 'blocked'], [403, 'blocked'], [407, 'blocked'], [429, 'blocked'], [451, 'blocked'], [999, 'blocked'],
    [402, 'paywalled'],
    [408, 'timeout'],
    [500, 'error'], [502, 'error'], [503, 'error'], [504, 'error'],
    [300, 'error'],
  ])('%i → %s', (status, linkStatus) => {
    expect(judgeLink(makeResponse('<p>x</p>', { status }), plainPage).linkStatus).toBe(linkStatus);
  });
});

describe('bot walls win over any status', () => {
  it.each<[number, Record<string, string>]>([
    [403, { 'cf-mitigated': 'challenge' }],
    [503, { 'cf-mitigated': 'challenge' }],
    // A 429 with cf-mitigated is a challenge, not a rate limit.
    [429, { 'cf-mitigated': 'challenge' }],
    [202, { 'x-amzn-waf-action': 'challenge' }],
    [405, { 'x-amzn-waf-action': 'captcha' }],
    [200, { 'cf-mitigated': 'challenge' }],
  ])('%i with %j → blocked, even with no page', (status, headers) => {
    expect(judgeLink(makeResponse('', { status, headers }), undefined).linkStatus).toBe('blocked');
  });

  it.each<[string, number]>([
    ['datadome.html', 403],
    ['perimeterx.html', 403],
    ['incapsula.html', 200],
    ['js-shell.html', 200],
    ['recaptcha-short.html', 200],
  ])('%s served with %i → blocked via the page signal', async (fixture, status) => {
    const f = makeFixtureResponse(fixture, { status });
    expect(judgeLink(f, await readPage(f)).linkStatus).toBe('blocked');
  });
});

describe('2xx pages judged by their signals', () => {
  it.each<[string, LinkStatus]>([
    ['paywall-jsonld.html', 'paywalled'],
    ['paywall-piano.html', 'paywalled'],
    ['soft404-ru.html', 'soft-404'],
    ['soft404-de.html', 'soft-404'],
    ['article-news.html', 'ok'],
    ['article-mentions-404.html', 'ok'],
    ['article-newsletter.html', 'ok'],
  ])('%s → %s', async (fixture, linkStatus) => {
    const f = makeFixtureResponse(fixture);
    expect(judgeLink(f, await readPage(f)).linkStatus).toBe(linkStatus);
  });

  it('a real 404 with a "Page not found" body stays dead, not soft-404', async () => {
    const f = makeFixtureResponse('soft404-en.html', { status: 404 });
    expect(judgeLink(f, await readPage(f)).linkStatus).toBe('dead');
  });

  it('2xx with no readable text is ok (the verdict stage calls it unverifiable)', async () => {
    const f = makeResponse(new Uint8Array(0));
    const page = await readPage(f);
    expect(page?.layers).toEqual([]);
    expect(judgeLink(f, page).linkStatus).toBe('ok');
  });

  it('unreadable PDF is ok with no layers', async () => {
    const f = makeResponse('%PDF-1.7\ngarbage', { headers: { 'content-type': 'application/pdf' } });
    const page = await readPage(f);
    expect(page?.layers).toEqual([]);
    expect(judgeLink(f, page).linkStatus).toBe('ok');
  });
});

function redirect(url: string, finalUrl: string): SourceFetch {
  const hops: RedirectHop[] = [{ url, status: 301, location: finalUrl }];
  return makeResponse('<p>x</p>', { url, finalUrl, redirects: hops });
}

describe('redirects', () => {
  it.each<[string, string, LinkStatus]>([
    // Trivial: the same page under a tidier address.
    ['http://news.example/a/story', 'https://news.example/a/story', 'ok'],
    ['https://news.example/a/story', 'https://www.news.example/a/story', 'ok'],
    ['https://www.news.example/a/story', 'https://news.example/a/story/', 'ok'],
    ['https://news.example/a/story?utm_source=x&utm_medium=y', 'https://news.example/a/story', 'ok'],
    ['https://news.example/a/story', 'https://news.example/a/story?fbclid=abc', 'ok'],
    // Moved somewhere that still names the page.
    ['https://news.example/2019/05/story-slug', 'https://news.example/story-slug', 'redirected'],
    ['https://news.example/a/story', 'https://news.example/archive/a/story-renamed', 'redirected'],
    ['https://old.example/report.pdf', 'https://new.example/files/report.pdf', 'redirected'],
    ['https://news.example/a/story?id=5', 'https://news.example/a/story?id=6', 'redirected'],
    // Deep URL sent to the home page or a section index.
    ['https://news.example/politics/2018/story-slug', 'https://news.example/', 'soft-404'],
    ['https://news.example/politics/2018/story-slug', 'https://news.example/politics/', 'soft-404'],
    ['https://news.example/old/politics/story-slug', 'https://news.example/politics', 'soft-404'],
    ['https://news.example/?p=1234', 'https://news.example/', 'soft-404'],
    ['https://news.example/en/story-slug', 'https://news.example/en/', 'soft-404'],
    // Not-found addresses (IABot's REDIRECT TO 404).
    ['https://news.example/a/story', 'https://news.example/404.html', 'soft-404'],
    ['https://news.example/a/story', 'https://news.example/errors/not-found?from=a', 'soft-404'],
    ['https://news.example/a/story', 'https://news.example/error/404', 'soft-404'],
    // The original itself mentions 404: a move between such pages is not a not-found.
    ['https://blog.example/posts/404-pages', 'https://blog.example/articles/404-pages', 'redirected'],
    // Gates: login, subscription offer, consent wall.
    ['https://news.example/a/story', 'https://news.example/login?next=%2Fa%2Fstory', 'blocked'],
    ['https://news.example/a/story', 'https://accounts.news.example/signin', 'blocked'],
    ['https://news.example/a/story', 'https://consent.portal.example/collectConsent?sessionId=1', 'blocked'],
    ['https://news.example/a/story', 'https://news.example/subscribe?ref=paywall', 'paywalled'],
    ['https://news.example/how-to-subscribe', 'https://news.example/help/how-to-subscribe', 'redirected'],
    // A root that redirects (locale home) is not a deep URL.
    ['https://news.example/', 'https://news.example/en/', 'redirected'],
  ])('%s → %s is %s', (from, to, linkStatus) => {
    expect(judgeLink(redirect(from, to), plainPage).linkStatus).toBe(linkStatus);
  });

  it('a soft-404 redirect outranks a paywall signal on the target', () => {
    const page: Page = { ...plainPage, signals: { paywall: 'piano markup' } };
    expect(judgeLink(redirect('https://n.example/a/b/c', 'https://n.example/'), page).linkStatus).toBe('soft-404');
  });

  it('a paywall on the moved page is reported as paywalled', () => {
    const page: Page = { ...plainPage, signals: { paywall: 'jsonld isAccessibleForFree=false' } };
    expect(judgeLink(redirect('https://n.example/a/b', 'https://n.example/c/d'), page).linkStatus).toBe('paywalled');
  });
});

describe('JavaScript-only platforms', () => {
  it('an x.com status page with only a shell is blocked (platform requires JS)', () => {
    const shell: Page = { contentType: 'text/html', charset: 'utf-8', layers: [{ layer: 'meta', text: 'X' }], signals: {} };
    const f = makeResponse('<title>X</title>', { url: 'https://x.com/someone/status/1234567890' });
    expect(judgeLink(f, shell).linkStatus).toBe('blocked');
  });

  it('an ordinary host with the same thin page is ok', () => {
    const thin: Page = { contentType: 'text/html', charset: 'utf-8', layers: [{ layer: 'meta', text: 'X' }], signals: {} };
    expect(judgeLink(makeResponse('<title>X</title>', { url: 'https://example.org/a/b' }), thin).linkStatus).toBe('ok');
  });

  it('a URL that only gains a trailing slash from parsing is not a redirect', () => {
    const f = makeResponse('<p>x</p>', { url: 'https://example.org', finalUrl: 'https://example.org/' });
    expect(judgeLink(f, plainPage)).toMatchObject({ linkStatus: 'ok' });
  });
});

describe('meta refresh is judged like a redirect', () => {
  it.each<[string, string, LinkStatus]>([
    ['<meta http-equiv="refresh" content="0; url=/">', 'https://old.example/press/2015/release', 'soft-404'],
    ['<meta http-equiv="Refresh" content="3;URL=\'https://new.example/press/2015/release-renamed\'">', 'https://old.example/press/2015/release', 'redirected'],
    ['<meta http-equiv="refresh" content="0; url=https://old.example/press/2015/release/">', 'https://old.example/press/2015/release', 'ok'],
    // A slow refresh (challenge pages, live blogs) is not a redirect.
    ['<meta http-equiv="refresh" content="300; url=/">', 'https://old.example/press/2015/release', 'ok'],
  ])('%s at %s → %s', async (meta, url, linkStatus) => {
    const f = makeResponse(`<html><head>${meta}<title>Release</title></head><body><p>Moved.</p></body></html>`, { url });
    expect(judgeLink(f, await readPage(f)).linkStatus).toBe(linkStatus);
  });
});

describe('a redirect to a shallower path is soft-404 only when it lands on an index', () => {
  async function follow(from: string, to: string, fixture: string) {
    const f = makeFixtureResponse(fixture, { url: from, finalUrl: to, redirects: [{ url: from, status: 301, location: to }] });
    return judgeLink(f, await readPage(f)).linkStatus;
  }

  it.each<[string, string, string, LinkStatus]>([
    // Restructured sites move articles to shorter addresses that still name the article.
    ['http://news.example/news/world/middle_east/7654321.stm', 'https://news.example/news/world-middle-east-7654321', 'article-news.html', 'redirected'],
    ['https://news.example/a/b/c/12345', 'https://news.example/world/russia-hosts-hamas-12345', 'article-news.html', 'redirected'],
    // "not-found" inside a headline slug is not a not-found address.
    ['https://news.example/x/1', 'https://news.example/world/bodies-not-found-after-quake', 'article-news.html', 'redirected'],
    // A parent path that serves a whole article (the site moved it up a level) is that article.
    ['https://news.example/world/2023/10/rail-upgrade', 'https://news.example/world/2023', 'article-news.html', 'redirected'],
    // Real section indexes: a CollectionPage, or a page of teaser cards.
    ['https://news.example/world/2023/10/26/russia-hosts-hamas-delegation', 'https://news.example/world/', 'section-index.html', 'soft-404'],
    ['https://news.example/world/2023/10/26/russia-hosts-hamas-delegation', 'https://news.example/world/', 'section-index-plain.html', 'soft-404'],
    ['https://news.example/old/world/russia-hosts-hamas', 'https://news.example/world', 'section-index-plain.html', 'soft-404'],
    // The home page is the home page, whatever it shows.
    ['https://news.example/world/2023/10/26/russia-hosts-hamas-delegation', 'https://news.example/', 'article-news.html', 'soft-404'],
    // Not-found addresses stay soft-404 whatever the page says.
    ['https://news.example/world/story', 'https://news.example/errors/not-found?from=story', 'article-news.html', 'soft-404'],
    ['https://news.example/world/story', 'https://news.example/404.html', 'article-news.html', 'soft-404'],
    ['https://news.example/world/story', 'https://news.example/error/404', 'article-news.html', 'soft-404'],
    ['https://news.example/world/story', 'https://news.example/pagenotfound', 'article-news.html', 'soft-404'],
  ])('%s → %s serving %s is %s', async (from, to, fixture, linkStatus) => {
    expect(await follow(from, to, fixture)).toBe(linkStatus);
  });
});
