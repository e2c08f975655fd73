import { describe, expect, it } from 'vitest';
import { readPage } from '../src/page/read.js';
import type { PageSignals } from '../src/types.js';
import { makeFixtureResponse, makeResponse, readFixture, type ResponseOptions } from './fixtures/pages/fetch.js';

type Expected = { botWall?: string; paywall?: boolean; notFound?: boolean };

function summarise(signals: PageSignals): Expected {
  const out: Expected = {};
  if (signals.botWall) out.botWall = signals.botWall;
  if (signals.paywall) out.paywall = true;
  if (signals.notFound) out.notFound = true;
  return out;
}

const html = { 'content-type': 'text/html; charset=utf-8' };

describe('bot walls: vendor from headers and body', () => {
  it.each<[string, ResponseOptions, string]>([
    ['cloudflare-challenge.html', { status: 403, headers: { ...html, 'cf-mitigated': 'challenge', server: 'cloudflare' } }, 'cloudflare'],
    // Without the header the body markers (_cf_chl_opt, "Just a moment...") still tell.
    ['cloudflare-challenge.html', { status: 503, headers: html }, 'cloudflare'],
    ['cloudflare-block.html', { status: 403, headers: { ...html, server: 'cloudflare' } }, 'cloudflare'],
    // AWS WAF answers a challenge with 202: looks like success.
    ['awswaf-challenge.html', { status: 202, headers: { ...html, 'x-amzn-waf-action': 'challenge' } }, 'aws-waf'],
    ['awswaf-challenge.html', { status: 202, headers: html }, 'aws-waf'],
    ['awswaf-captcha.html', { status: 405, headers: html }, 'aws-waf'],
    ['datadome.html', { status: 403, headers: { ...html, 'x-datadome': 'protected' } }, 'datadome'],
    ['perimeterx.html', { status: 403, headers: html }, 'perimeterx'],
    ['akamai-denied.html', { status: 403, headers: { ...html, server: 'AkamaiGHost' } }, 'akamai'],
    ['incapsula.html', { status: 200, headers: { ...html, 'set-cookie': 'incap_ses_123_456=abc; path=/' } }, 'incapsula'],
    ['recaptcha-short.html', { status: 200, headers: html }, 'captcha'],
    ['js-shell.html', { status: 200, headers: html }, 'javascript-required'],
  ])('%s (%j) → %s', async (fixture, options, vendor) => {
    const page = await readPage(makeFixtureResponse(fixture, options));
    expect(page?.signals.botWall).toBe(vendor);
  });
});

describe('paywalls', () => {
  it.each([
    'paywall-jsonld.html',
    'paywall-piano.html',
    'paywall-content-tier.html',
    'paywall-amp.html',
    'paywall-phrase-ru.html',
    'paywall-class.html',
    'paywall-wordcount.html',
  ])('%s is paywalled', async (fixture) => {
    const page = await readPage(makeFixtureResponse(fixture));
    expect(summarise(page?.signals ?? {})).toEqual({ paywall: true });
  });

  it('excludes the hasPart cssSelector element from main and page, keeps the free part', async () => {
    const page = await readPage(makeFixtureResponse('paywall-jsonld.html'));
    const texts = page?.layers.map((l) => l.text).join('\n') ?? '';
    expect(texts).not.toContain('SECRETLOCKEDTEXT');
    expect(page?.layers.find((l) => l.layer === 'main')?.text).toContain('single supplier in Taiwan');
  });
});

describe('soft-404 pages served with 200', () => {
  it.each<[string, string]>([
    ['soft404-en.html', 'https://ledger.example/news/2019/05/old-story'],
    ['soft404-ru.html', 'https://region.example/news/12345-story'],
    ['soft404-fr.html', 'https://quotidien.example/politique/2020/article'],
    ['soft404-de.html', 'https://tagesblatt.example/politik/artikel-123'],
    ['soft404-canonical.html', 'https://herald.example/news/2018/harbour-closure'],
    ['soft404-tiny.html', 'https://acme.example/press/2017/results'],
  ])('%s at %s', async (fixture, url) => {
    const page = await readPage(makeFixtureResponse(fixture, { url }));
    expect(summarise(page?.signals ?? {})).toEqual({ notFound: true });
  });
});

describe('no false positives on ordinary articles', () => {
  it.each<[string, ResponseOptions]>([
    // Loads the Cloudflare analytics beacon and the jsd script, has a newsletter box.
    ['article-news.html', { url: 'https://ledger.example/transport/2024/03/01/rail-upgrade-northern-line' }],
    // "404" and "page not found" in the title and body of a real article.
    ['article-mentions-404.html', { url: 'https://techreview.example/2024/link-rot-404' }],
    // Piano scripts on a free article, "Subscribe" buttons, a subscription-box newsletter.
    ['article-newsletter.html', {}],
    ['jsonld-only.html', {}],
  ])('%s has no signals', async (fixture, options) => {
    const page = await readPage(makeFixtureResponse(fixture, options));
    expect(page?.signals).toEqual({});
  });

  it('the home page itself is not a soft-404 for having a home canonical', async () => {
    const page = await readPage(makeFixtureResponse('soft404-canonical.html', { url: 'https://herald.example/' }));
    expect(page?.signals.notFound).toBeUndefined();
  });
});

describe('vendor scripts and widgets on a normal article do not flag it', () => {
  const article = new TextDecoder().decode(readFixture('article-news.html'));
  it.each([
    ['Incapsula resource script', '<script src="/_Incapsula_Resource?SWJIYLWA=719d34d31c8e3a6e6fffd425f7e032f3"></script>'],
    ['PerimeterX client script', '<script src="https://client.perimeterx.net/PXabc12345/main.min.js"></script>'],
    ['DataDome tag', '<script src="https://js.datadome.co/tags.js" async></script>'],
    ['reCAPTCHA on a comment form', '<form class="comments"><div class="g-recaptcha" data-sitekey="k"></div></form><script src="https://www.google.com/recaptcha/api.js"></script>'],
    ['Turnstile on a login box', '<div class="cf-turnstile" data-sitekey="k"></div><script src="https://challenges.cloudflare.com/turnstile/v0/api.js"></script>'],
    ['noscript JavaScript notice', '<noscript>Please enable JavaScript to view the comments.</noscript>'],
    ['Piano scripts', '<script src="https://cdn.tinypass.com/api/tinypass.min.js"></script><div id="piano-inline"></div>'],
    ['header "Already a subscriber?" link', '<div class="account">Already a subscriber? <a href="/login">Log in</a></div>'],
    ['a related-story teaser titled "Page not found"', '<aside><a href="/culture/film">Page Not Found: a film about lost websites</a></aside>'],
  ])('%s', async (_, snippet) => {
    const html = article.replace('</body>', `${snippet}</body>`);
    const page = await readPage(makeResponse(html, { url: 'https://ledger.example/transport/2024/03/01/rail-upgrade-northern-line' }));
    expect(page?.signals).toEqual({});
  });
});

describe('paywall prompts in several languages, beside a teaser', () => {
  const teaser = '<p>The port authority confirmed on Monday that container traffic fell by a tenth in the first quarter.</p>';
  it.each([
    'Subscribe to continue reading',
    'Subscribe now to read the full story.',
    "You've reached your limit of free articles this month.",
    'Become a subscriber to continue reading.',
    'Чтобы продолжить чтение, оформите подписку',
    'Материал доступен только подписчикам.',
    'Pour lire la suite, abonnez-vous.',
    'Suscríbete para seguir leyendo.',
  ])('%s', async (prompt) => {
    const html = `<html><head><title>Port traffic falls</title></head><body><article><h1>Port traffic falls</h1>${teaser}<div class="cta"><p>${prompt}</p></div></article></body></html>`;
    const page = await readPage(makeResponse(html));
    expect(page?.signals.paywall).toBeTruthy();
  });

  it('the same prompt quoted inside a long article is a mention, not a wall', async () => {
    const body = `<p>Publishers test many wordings. One shows "Subscribe to continue reading" after three paragraphs, another counts free articles.</p>${'<p>Analysts say metered models convert between one and three percent of readers into paying subscribers, and that the figure has barely moved in a decade despite constant experiments with price and wording.</p>'.repeat(20)}`;
    const html = `<html><head><title>How paywalls are worded</title></head><body><article><h1>How paywalls are worded</h1>${body}</article></body></html>`;
    const page = await readPage(makeResponse(html));
    expect(page?.signals.paywall).toBeUndefined();
  });
});

describe('soft-404 titles in more languages', () => {
  it.each([
    ['Página no encontrada | El Diario', 'es'],
    ['404 | Example', 'bare 404'],
    ['Error 404', 'bare error 404'],
    ['Fehler 404 - Seite nicht gefunden', 'de'],
  ])('%s (%s)', async (title) => {
    const html = `<html><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav><p>Sorry.</p></body></html>`;
    const page = await readPage(makeResponse(html));
    expect(page?.signals.notFound).toBeTruthy();
  });

  it.each([
    'The 404 Club: musicians who lost their websites',
    'The 404 Club',
    'Room 404 | Hotel Review',
    'Not found guilty: jury clears former mayor of fraud charges',
  ])('a short page titled "%s" with ordinary text is not flagged', async (title) => {
    const html = `<html><head><title>${title}</title></head><body><p>Short item.</p></body></html>`;
    const page = await readPage(makeResponse(html));
    expect(page?.signals.notFound).toBeUndefined();
  });
});
