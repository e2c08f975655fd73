// bench:verify's generated input: an article with N cited claims, its references.json, and the page each URL serves.

const TOWNS = ['Riverside', 'Oakdale', 'Brookfield', 'Millbrook', 'Fairview', 'Kingsport', 'Ashford', 'Westbury'];

const SYLLABLES = ['ba', 'ke', 'lo', 'mi', 'nu', 'ra', 'se', 'ti', 'vo', 'zu'];

/** A made-up place name per number: a number in the name would read as a year or an amount. */
function placeName(i: number): string {
  const name = [...String(i)].map((d) => SYLLABLES[Number(d)] ?? 'ba').join('');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The claim footnote `i` makes; its page states it (so every citation is really matched). */
export function claimOf(i: number): string {
  const town = `${TOWNS[i % TOWNS.length] ?? 'Riverside'} ${placeName(i)}`;
  return `The ${town} council approved a budget of ${(i % 90) + 2}.5 million dollars for a new library in ${2000 + (i % 25)}.`;
}

/** The article as plain text, the format `citecheck extract` reads: title, sections, claims with [n], references. */
export function buildArticle(count: number): string {
  const lines = ['Libraries of the region', '', 'Budgets', ''];
  for (let i = 1; i <= count; i += 1) {
    lines.push(`${claimOf(i)} [${i}]`);
    if (i % 20 === 0) lines.push('');
  }
  lines.push('', 'References', '');
  for (let i = 1; i <= count; i += 1) lines.push(`  ${i}. "Council approves library budget ${i}". Regional Gazette. 14 May 2024.`);
  return `${lines.join('\n')}\n`;
}

export function buildReferences(urls: readonly string[]): string {
  return JSON.stringify({ article: 'article.txt', references: urls.map((url, i) => ({ id: i + 1, url })) }, null, 1);
}

/** ~1.7 KB: the size of bench:fetch's pages, with the claim in an article paragraph. */
export function smallPage(i: number): string {
  const filler = '<p>Residents discussed the plans at a public meeting that evening.</p>'.repeat(18);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Library budget ${i}</title></head><body><article><h1>Council approves library budget ${i}</h1><p>${claimOf(i)} Officials said work would start soon.</p>${filler}</article></body></html>`;
}

const SENTENCES = [
  'Officials said the project had been discussed for several years before the vote.',
  'Opposition members argued that the money would be better spent on roads and schools.',
  'The mayor told reporters after the meeting that construction could begin next spring.',
  'Local residents packed the chamber, and several spoke in favour of the plan.',
  'An independent review last year found that the old building no longer met safety standards.',
];

/**
 * ~80 KB of realistic news HTML: a head with meta tags, JSON-LD and inline scripts, a navigation of
 * 120 links, 50 paragraphs of article text (one states the claim), a sidebar of teasers, a footer.
 */
export function newsPage(i: number, url: string): string {
  const meta = [
    `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta property="og:type" content="article"><meta property="og:title" content="Council approves library budget ${i}">`,
    `<meta name="description" content="The council voted on the library budget on Tuesday."><meta property="og:url" content="${url}">`,
    `<meta property="article:published_time" content="2024-05-14T09:00:00Z"><link rel="canonical" href="${url}">`,
  ].join('');
  const jsonld = JSON.stringify({
    '@context': 'https://schema.org', '@type': 'NewsArticle', headline: `Council approves library budget ${i}`,
    datePublished: '2024-05-14T09:00:00Z', url, author: { '@type': 'Person', name: 'Jane Reporter' },
    publisher: { '@type': 'Organization', name: 'Regional Gazette' },
  });
  const state = JSON.stringify({ user: null, flags: Array.from({ length: 60 }, (_, k) => ({ id: `f${k}`, on: k % 2 === 0 })), stories: Array.from({ length: 260 }, (_, k) => ({ id: k, title: `Story ${k} from the region`, url: `/story/${k}` })), ads: { slots: ['top', 'mid', 'bottom'] } });
  const analytics = `(function(w,d){w.dataLayer=w.dataLayer||[];function g(){dataLayer.push(arguments)}g('js',new Date());g('config','G-${i}');${'var x=1;'.repeat(1000)}})(window,document);`;
  const nav = Array.from({ length: 120 }, (_, k) => `<li class="nav__item"><a class="nav__link" href="/section/${k}">Section ${k}</a></li>`).join('');
  const paragraphs = Array.from({ length: 50 }, (_, k) => {
    const text = k === 3 ? `${claimOf(i)} ${SENTENCES[0]}` : `${SENTENCES[k % SENTENCES.length]} ${SENTENCES[(k + 2) % SENTENCES.length]} ${SENTENCES[(k + 4) % SENTENCES.length]} ${SENTENCES[(k + 1) % SENTENCES.length]}`;
    return `<p class="article__paragraph">${text} <a href="/story/${k}">Read more</a> about <em>the vote</em>.</p>`;
  }).join('\n');
  const sidebar = Array.from({ length: 60 }, (_, k) => `<div class="teaser"><a href="/story/${k}"><img src="/img/${k}.jpg" alt=""><span class="teaser__title">Related story ${k} about the region</span></a></div>`).join('');
  const footer = Array.from({ length: 30 }, (_, k) => `<a href="/about/${k}">Footer link ${k}</a>`).join(' ');
  return `<!doctype html><html lang="en"><head>${meta}<title>Council approves library budget ${i} | Regional Gazette</title>`
    + `<script type="application/ld+json">${jsonld}</script><script>window.__STATE__=${state}</script><script>${analytics}</script>`
    + `<style>${'.a{color:#333}'.repeat(820)}</style></head><body><header class="site-header"><nav><ul class="nav">${nav}</ul></nav></header>`
    + `<main><article><h1>Council approves library budget ${i}</h1><div class="byline">By Jane Reporter · 14 May 2024</div>\n${paragraphs}\n</article>`
    + `<aside class="sidebar">${sidebar}</aside></main><footer class="site-footer">${footer}<p>© Regional Gazette</p></footer></body></html>`;
}

/** One page listing every URL: what linkinator is pointed at (it checks the links of one page, HEAD first). */
export function linksPage(urls: readonly string[]): string {
  return `<!doctype html><html><head><title>links</title></head><body>${urls.map((u) => `<a href="${u}">${u}</a>`).join('\n')}</body></html>`;
}
