// Soft-404 wording: the not-found message must BE the title or h1 (or a short line of a tiny page).
import { describe, expect, it } from 'vitest';
import { judgeLink } from '../src/judge/link.js';
import { hasNotFoundMessage, saysNotFound } from '../src/page/notfound.js';
import { readPage } from '../src/page/read.js';
import { makeFixtureResponse, makeResponse, readFixture } from './fixtures/pages/fetch.js';

describe('saysNotFound: the title or h1 is the message', () => {
  it.each<[string, 'not found' | '404']>([
    ['Page not found | Daily Ledger', 'not found'],
    ['Not Found', 'not found'],
    ['404 Not Found', 'not found'],
    ['Error 404: Page not found', 'not found'],
    ['404 | Example', '404'],
    ['Error 404', '404'],
    ['Ошибка 404 — Новости региона', '404'],
    ['Страница не найдена', 'not found'],
    ['Page introuvable - Le Quotidien', 'not found'],
    ['Oups ! Cette page n’existe pas.', 'not found'],
    ['Fehler 404 - Seite nicht gefunden', '404'],
    ['Página no encontrada | El Diario', 'not found'],
    ['Oops! That page can’t be found.', 'not found'],
    ['Sorry, we couldn’t find that story', 'not found'],
    ["Sorry, we couldn't find that page", 'not found'],
    ['The page you requested was not found – Example News – Home', 'not found'],
  ])('%s → %s', (title, says) => {
    expect(saysNotFound(title)).toBe(says);
  });

  it.each([
    // A headline that contains the phrase says something else.
    'Error 404 – the history of the famous error',
    'Error 404: the history of the famous error',
    'Hamas leaders not found in Moscow | Example News',
    'Vermisste Bergsteiger nicht gefunden',
    'Not found guilty: jury clears former mayor of fraud charges',
    'Why a quarter of news links now lead to a 404 page, and what libraries do about it | Tech Review',
    // A bare 404 beside a name that says 404 is the name.
    '404 | The 404 Club',
    'Room 404 | Hotel Review',
    'The 404 Club',
  ])('%s is not a not-found title', (title) => {
    expect(saysNotFound(title)).toBeUndefined();
  });
});

describe('hasNotFoundMessage: the page’s own message, on a short line', () => {
  it.each([
    'Sorry, the page you requested could not be found.',
    'It looks like nothing was found at this location. Maybe try a search?',
    'The requested URL /news/2019/story.html was not found on this server.',
    'Запрашиваемая страница не найдена.',
    'La page que vous cherchez n’existe pas.',
    'Die angeforderte Seite existiert nicht.',
    'La página que buscas no existe.',
  ])('%s', (text) => {
    expect(hasNotFoundMessage(text)).toBe(true);
  });

  it.each([
    'El Kremlin dijo el jueves que no existe ningún acuerdo con Hamás sobre los rehenes.',
    'Kremlin spokesman Dmitry Peskov said on Friday that the story does not exist.',
    'Die vermissten Bergsteiger wurden nicht gefunden, teilte die Polizei mit.',
    'Le ministre a affirmé que cet accord n’existe pas.',
    // The message inside a long reporter's paragraph is a quotation, not the page's message.
    'Readers who followed the link from the council newsletter on Monday morning were greeted by a notice saying that the page you requested could not be found, and the council blamed a software update for the error.',
  ])('%s is not', (text) => {
    expect(hasNotFoundMessage(text)).toBe(false);
  });
});

describe('pages served with 200', () => {
  it.each([
    // WordPress: the message is an h1 that Readability drops, and the title is the site's name.
    ['soft404-wordpress.html', 'https://gazette.example/news/2021/05/flood-defences'],
    ['soft404-story.html', 'https://news.example/world/2023/10/26/russia-hosts-hamas-delegation'],
  ])('%s at %s is soft-404', async (fixture, url) => {
    const f = makeFixtureResponse(fixture, { url });
    const page = await readPage(f);
    expect(page?.signals.notFound).toBeTruthy();
    expect(judgeLink(f, page).linkStatus).toBe('soft-404');
  });

  // The first h1 is the site's name; the message stands in the second h1, which the main text keeps.
  it('a theme that puts the site name in the first h1 is still soft-404', async () => {
    const html = new TextDecoder().decode(readFixture('soft404-wordpress.html')).replace('<p class="site-title"><a href="/">Riverside Gazette</a></p>', '<h1 class="site-title"><a href="/">Riverside Gazette</a></h1>')
      // Some themes drop WordPress's default "nothing was found" line.
      .replace('It looks like nothing was found at this location. Maybe try a search?', 'Maybe try a search?');
    const f = makeResponse(html, { url: 'https://gazette.example/news/2021/05/flood-defences' });
    expect(judgeLink(f, await readPage(f)).linkStatus).toBe('soft-404');
  });

  it.each([
    ['article-404-history.html', 'https://techreview.example/2024/error-404-history'],
    ['article-404-club.html', 'https://the404club.example/records/404'],
    ['brief-not-found-en.html', 'https://news.example/world/2023/11/hamas-leaders-not-found-in-moscow'],
    ['brief-nicht-gefunden-de.html', 'https://tagesblatt.example/panorama/bergsteiger-vermisst'],
    ['brief-no-existe-es.html', 'https://eldiario.example/internacional/kremlin-niega-acuerdo'],
    ['brief-does-not-exist-en.html', 'https://news.example/world/2023/11/kremlin-denies-deal'],
    // A CMS that points every canonical at the root: a 400-word article is still an article.
    ['article-canonical-home.html', 'https://herald.example/news/2024/harbour-road-lorry-ban'],
  ])('%s at %s is ok', async (fixture, url) => {
    const f = makeFixtureResponse(fixture, { url });
    const page = await readPage(f);
    expect(page?.signals.notFound).toBeUndefined();
    expect(judgeLink(f, page).linkStatus).toBe('ok');
  });
});
