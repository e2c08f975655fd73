// Realistic news-page HTML for the evaluation set: header nav, article, related-stories aside, footer.

export interface NewsPage {
  title: string;
  lang?: string;
  paragraphs: string[];
  related?: string[];
  date?: string;
  jsonld?: Record<string, unknown>;
  head?: string;
  /** Extra HTML after the article paragraphs (paywall prompts, etc.). */
  tail?: string;
  site?: string;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function newsPage(p: NewsPage): string {
  const site = p.site ?? 'The Daily Example';
  const ru = p.lang === 'ru';
  const nav = ru
    ? ['Главная', 'Политика', 'Экономика', 'Общество', 'Спорт']
    : ['Home', 'World', 'Politics', 'Business', 'Science', 'Sport'];
  const related = (p.related ?? (ru
    ? ['Погода на выходные: синоптики обещают снег', 'Курс валют на сегодня']
    : ['Weather: storms expected across the south this weekend', 'Markets close higher on Friday']))
    .map((r, i) => `<li><a href="/related/${i}">${esc(r)}</a></li>`).join('');
  const ld = p.jsonld ? `<script type="application/ld+json">${JSON.stringify(p.jsonld)}</script>` : '';
  return `<!doctype html>
<html lang="${p.lang ?? 'en'}"><head><meta charset="utf-8"><title>${esc(p.title)} | ${site}</title>
<meta name="viewport" content="width=device-width">${p.head ?? ''}${ld}</head>
<body><header class="site-header"><a class="logo" href="/">${site}</a>
<nav class="main-nav"><ul>${nav.map((n) => `<li><a href="/${encodeURIComponent(n)}">${n}</a></li>`).join('')}</ul></nav></header>
<main><article class="story"><h1>${esc(p.title)}</h1>
<p class="byline">${ru ? 'Корреспондент' : 'By a staff reporter'} · <time>${p.date ?? '2024-01-15'}</time></p>
${p.paragraphs.map((x) => `<p>${x}</p>`).join('\n')}
${p.tail ?? ''}</article>
<aside class="related"><h2>${ru ? 'Читайте также' : 'Related stories'}</h2><ul>${related}</ul></aside></main>
<footer class="site-footer"><p>© 2024 ${site}. ${ru ? 'Все права защищены.' : 'All rights reserved.'}</p>
<a href="/privacy">${ru ? 'Конфиденциальность' : 'Privacy policy'}</a> <a href="/contact">${ru ? 'Контакты' : 'Contact us'}</a></footer>
</body></html>`;
}
