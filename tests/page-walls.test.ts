// Bot walls: challenge markers count where a challenge puts them, not where an article quotes them.
import { describe, expect, it } from 'vitest';
import { judgeLink } from '../src/judge/link.js';
import { readPage } from '../src/page/read.js';
import { makeFixtureResponse, makeResponse, readFixture, type ResponseOptions } from './fixtures/pages/fetch.js';

const html = { 'content-type': 'text/html; charset=utf-8' };
const fixtureText = (name: string) => new TextDecoder().decode(readFixture(name));

describe('an article about bot walls is not a bot wall', () => {
  const article = fixtureText('article-bot-walls.html');
  // The first two paragraphs only: a short explainer, still quoting the markers in its prose.
  const short = article.replace(/<p>The vendors say[\s\S]*<\/article>/, '</article>');
  it.each<[string, string]>([
    ['long article quoting _cf_chl_opt, captcha-delivery.com, px-captcha and the PerimeterX wording', article],
    ['title that begins "Just a moment..."', article.replace(/<title>[^<]*/, '<title>Just a moment... how bot walls decide who reads the news')],
    ['short explainer quoting the same markers', short],
    ['the markers also inside its JSON-LD articleBody', short.replace('</head>', '<script type="application/ld+json">{"articleBody":"window._cf_chl_opt={cType:1}; var dd={\'t\':\'fe\'}"}</script></head>')],
  ])('%s', async (_, body) => {
    const f = makeResponse(body, { url: 'https://techreview.example/2024/bot-walls' });
    const page = await readPage(f);
    expect(page?.signals.botWall).toBeUndefined();
    expect(judgeLink(f, page).linkStatus).toBe('ok');
  });

  it('the same long article is blocked when the WAF says so in a header', async () => {
    const f = makeResponse(article, { status: 403, headers: { ...html, 'cf-mitigated': 'challenge' } });
    expect((await readPage(f))?.signals.botWall).toBe('cloudflare');
  });
});

describe('a short article with a comment form is not a bot wall', () => {
  const brief = fixtureText('article-brief-comments.html');
  it.each<[string, string]>([
    ['reCAPTCHA comment form and a noscript "enable JavaScript to view the comments"', brief],
    ['reCAPTCHA comment form only', brief.replace(/<noscript>[^<]*<\/noscript>/, '')],
    ['noscript notice only', brief.replace(/<div class="g-recaptcha"[^>]*><\/div>/, '').replace(/<script src="https:\/\/www\.google\.com\/recaptcha[^>]*><\/script>/, '')],
    ['hCaptcha instead of reCAPTCHA', brief.replace('g-recaptcha', 'h-captcha')],
  ])('%s', async (_, body) => {
    const page = await readPage(makeResponse(body));
    expect(page?.signals).toEqual({});
  });
});

describe('challenge and block pages that were missed', () => {
  it.each<[string, ResponseOptions, string]>([
    // The older Cloudflare interstitial: no _cf_chl_opt, just its title and "Checking your browser".
    ['cloudflare-wait.html', { status: 200, headers: html }, 'cloudflare'],
    ['cloudflare-wait.html', { status: 503, headers: { ...html, server: 'cloudflare' } }, 'cloudflare'],
    ['sucuri-block.html', { status: 200, headers: { ...html, server: 'Sucuri/Cloudproxy', 'x-sucuri-block': 'BNP005' } }, 'sucuri'],
    // Without the header the page still names the firewall and says access is denied.
    ['sucuri-block.html', { status: 200, headers: html }, 'sucuri'],
    ['sucuri-block.html', { status: 403, headers: html }, 'sucuri'],
  ])('%s (%j) → %s', async (fixture, options, vendor) => {
    const f = makeFixtureResponse(fixture, options);
    const page = await readPage(f);
    expect(page?.signals.botWall).toBe(vendor);
    expect(judgeLink(f, page).linkStatus).toBe('blocked');
  });

  it.each([
    ['Security check', '<h1>One more step</h1><p>Please complete the security check to access the site.</p>'],
    ['Just a second', '<h1>Verifying you are human</h1><p>This may take a few seconds.</p>'],
    ['Bot protection', '<h2>Performing security verification</h2><p>This website uses a security service to protect against malicious bots.</p>'],
  ])('a captcha widget on a verification page titled "%s" is a wall', async (title, text) => {
    const body = `<!doctype html><html><head><title>${title}</title><script src="https://js.hcaptcha.com/1/api.js" async defer></script></head><body>${text}<form method="post"><div class="h-captcha" data-sitekey="10000000-ffff-ffff-ffff-000000000001"></div></form></body></html>`;
    expect((await readPage(makeResponse(body)))?.signals.botWall).toBe('captcha');
  });

  it('the x-sucuri-block header alone blocks, even with no page read', () => {
    const f = makeResponse('', { headers: { 'x-sucuri-block': 'BNP005' } });
    expect(judgeLink(f, undefined).linkStatus).toBe('blocked');
  });
});
