// Evaluation cases where access decides: paywalls, bot walls, soft-404s, dead links, empty and JSON-LD-only pages.
import type { EvalCase } from './harness.js';
import { newsPage } from './pages.js';

const paywalled = newsPage({
  title: 'Shell reports record $39.9bn profit',
  site: 'Financial Example',
  date: '2023-02-02',
  jsonld: { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Shell reports record $39.9bn profit',
    isAccessibleForFree: false, hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.paywall' } },
  paragraphs: [
    'Shell reported record annual profits of $39.9 billion for 2022, more than double the previous year, as energy prices soared after Russia\'s invasion of Ukraine.',
  ],
  tail: '<div class="paywall"><p>Subscribe to continue reading. Already a subscriber? Sign in.</p></div>',
});

const wall = (title: string, body: string) => `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
const cloudflare = wall('Just a moment...', '<div id="challenge-stage">Checking if the site connection is secure</div><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script><script>window._cf_chl_opt={cvId:"3"}</script>');
const cfHeaders = { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f-AMS', 'cf-mitigated': 'challenge' };
const datadome = wall('example.com', '<p>Please enable JS and disable any ad blocker</p><script>var dd={\'rt\':\'c\',\'cid\':\'AHrlqAAA\',\'hsh\':\'2013457\',\'t\':\'fe\',\'host\':\'geo.captcha-delivery.com\'}</script><script src="https://ct.captcha-delivery.com/c.js"></script>');
const notFound = newsPage({ title: 'Page not found', paragraphs: ['Sorry, we could not find the page you were looking for. It may have been moved or deleted.', 'Try searching our site or go back to the home page.'] });
const notFoundRu = newsPage({ title: 'Страница не найдена', lang: 'ru', paragraphs: ['К сожалению, запрашиваемая страница не существует или была удалена.'] });
const jsonldOnly = (articleBody: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council approves new bridge</title>
<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Council approves new bridge', datePublished: '2024-03-05', articleBody })}</script>
</head><body><div id="root"></div><script src="/static/app.3f9a.js"></script></body></html>`;
const bridgeBody = 'The city council voted on Tuesday to approve a new pedestrian bridge across the river at a cost of £18 million. Construction is due to start in spring 2025 and finish in 2027. Councillor Priya Shah said the bridge would link the station to the new university campus.';

export const ACCESS_CASES: EvalCase[] = [
  { id: 'paywall-teaser-has-fact', claim: 'Shell reported record annual profits of $39.9bn for 2022.', source: { html: paywalled }, expected: 'supported', note: 'the free teaser states the fact' },
  { id: 'paywall-teaser-lacks-fact', claim: 'Shell chief executive Wael Sawan said the company would cut oil production by 2% a year until 2030.', source: { html: paywalled }, expected: 'unverifiable', note: 'may be behind the wall' },
  { id: 'paywall-piano-lacks-fact', claim: 'Shell paid $4.9bn in windfall taxes to the UK government in 2022.', source: { html: paywalled.replace('</head>', '<script src="https://cdn.tinypass.com/api/tinypass.min.js"></script></head>') }, expected: 'unverifiable', note: 'Piano markup too; fact not in teaser' },
  { id: 'cloudflare-403', claim: 'The Treasury paid £412,000 to MacFarlane & Co.', source: { html: cloudflare, status: 403, headers: cfHeaders }, expected: 'unverifiable', note: 'Cloudflare challenge' },
  { id: 'cloudflare-503', claim: 'MPs voted 330 to 275 to back the bill.', source: { html: wall('Attention Required! | Cloudflare', '<h1>Sorry, you have been blocked</h1><p>Cloudflare Ray ID: 8a1b2c3d4e5f</p>'), status: 503, headers: { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f-LHR' } }, expected: 'unverifiable', note: 'Cloudflare block page on 503' },
  { id: 'cloudflare-429', claim: 'The floods in Valencia killed 223 people.', source: { html: cloudflare, status: 429, headers: cfHeaders }, expected: 'unverifiable', note: '429 with cf-mitigated is a challenge' },
  { id: 'datadome-403', claim: 'The Webb telescope cost about $10 billion.', source: { html: datadome, status: 403, headers: { 'set-cookie': 'datadome=abc; Path=/' } }, expected: 'unverifiable', note: 'DataDome challenge' },
  { id: 'http-401', claim: 'The Webb telescope cost about $10 billion.', source: { html: wall('Login required', '<p>Please log in.</p>'), status: 401 }, expected: 'unverifiable', note: 'authentication wall' },
  { id: 'http-500', claim: 'The Webb telescope cost about $10 billion.', source: { html: wall('Internal Server Error', '<h1>500 Internal Server Error</h1>'), status: 500 }, expected: 'unverifiable', note: 'server error' },
  { id: 'soft-404-en', claim: 'The city council approved a new bridge.', source: { html: notFound }, expected: 'broken', note: '200 with a not-found page' },
  { id: 'soft-404-ru', claim: 'Банк России повысил ключевую ставку до 15%.', source: { html: notFoundRu }, expected: 'broken', note: '200 with a Russian not-found page' },
  { id: 'dead-404', claim: 'The city council approved a new bridge.', source: { html: wall('404 Not Found', '<h1>Not Found</h1>'), status: 404 }, expected: 'broken', note: 'dead link' },
  { id: 'dead-410', claim: 'The city council approved a new bridge.', source: { html: wall('Gone', '<h1>Gone</h1>'), status: 410 }, expected: 'broken', note: 'gone' },
  { id: 'empty-body', claim: 'The city council approved a new bridge.', source: { html: '' }, expected: 'unverifiable', note: 'empty 200' },
  { id: 'js-shell', claim: 'The city council approved a new bridge.', source: { html: '<!doctype html><html><head><title>App</title></head><body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript><script src="/app.js"></script></body></html>' }, expected: 'unverifiable', note: 'JS-only page, no readable text' },
  { id: 'jsonld-only-supported', claim: 'The council approved a pedestrian bridge costing £18 million, with construction due to start in spring 2025.', source: { html: jsonldOnly(bridgeBody) }, expected: 'supported', note: 'article text only in JSON-LD articleBody' },
  { id: 'jsonld-only-unsupported', claim: 'The council rejected plans for a road tunnel under the river.', source: { html: jsonldOnly(bridgeBody) }, expected: 'unsupported', note: 'JSON-LD body does not say it' },
  { id: 'plain-text', claim: 'Councillor Priya Shah said the bridge would link the station to the university campus.', source: { html: bridgeBody, contentType: 'text/plain; charset=utf-8' }, expected: 'supported', note: 'plain-text source' },
];
