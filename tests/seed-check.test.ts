// The seed article against loopback stand-ins of its sources, written from what shared/seed/README.md knows of them:
// the wrong year across languages, another speaker's words, and references cited with dates their pages contradict.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../src/article/parse.js';
import type { Reference } from '../src/config/schema.js';
import type { Report } from '../src/report/schema.js';
import { verify } from '../src/verify.js';

const PATH = 'articles/russia-hamas-relations.txt';
const article = parseArticle(readFileSync(new URL(`../${PATH}`, import.meta.url), 'utf8'), PATH);

function standIn(p: { lang: string; headline: string; published: string; paragraphs: string[] }): string {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: p.headline, datePublished: p.published });
  return `<!doctype html><html lang="${p.lang}"><head><meta charset="utf-8"><title>${p.headline}</title>
<script type="application/ld+json">${ld}</script></head><body><main><article><h1>${p.headline}</h1>
${p.paragraphs.map((x) => `<p>${x}</p>`).join('\n')}</article></main></body></html>`;
}

/** What the README says of each source: title, date, language; the text is written to match what the article cites it for. */
const PAGES: Record<number, string> = {
  2: standIn({ lang: 'ru', published: '2021-05-21T10:00:00+03:00',
    headline: 'Рассказываем об истории отношений России с ХАМАС — главным врагом Израиля в эти дни', paragraphs: [
      'Россия так и не признала ХАМАС террористической организацией, хотя «Талибан» был внесён в такой список ещё в 2003 году.',
      'В марте 2006 года делегация ХАМАС во главе с Халедом Машалем впервые посетила Москву с официальным визитом.',
      'В мае 2010 года президент Дмитрий Медведев встретился в Дамаске с Машалем и призвал освободить израильского солдата Гилада Шалита.',
    ] }),
  4: standIn({ lang: 'en', published: '2023-10-13T15:20:00Z',
    headline: 'Putin says Israeli ground operation in Gaza would lead to unacceptable civilian casualties', paragraphs: [
      'President Vladimir Putin said on Friday that an Israeli ground operation in Gaza would lead to an unacceptable number of civilian casualties, and compared a blockade of Gaza to the Nazi siege of Leningrad.',
      'Russia, Putin said, was ready to help mediate between the sides.',
    ] }),
  7: standIn({ lang: 'en', published: '2023-10-28T09:00:00Z',
    headline: 'Russia says Israeli bombardment of Gaza is against international law', paragraphs: [
      'Russian Foreign Minister Sergey Lavrov condemned the Israeli bombardment of Gaza on Saturday, saying it was against international law.',
      'Lavrov spoke to reporters in Moscow after talks with his Iranian counterpart.',
    ] }),
  8: standIn({ lang: 'en', published: '2023-10-24T18:40:00+03:00',
    headline: 'Russia condemns Hamas actions on October 7, but cannot turn a blind eye to Gaza shelling', paragraphs: [
      'Russia condemns the Hamas attack on Israel on October 7, but cannot turn a blind eye to the shelling of civilian neighborhoods in Gaza, Russia\'s Permanent Representative to the UN Vasily Nebenzya told the Security Council.',
    ] }),
  14: standIn({ lang: 'en', published: '2023-10-14T01:30:00Z',
    headline: 'Hamas welcomes Russia\'s offer for mediation, praises Putin\'s position', paragraphs: [
      'Hamas on Saturday welcomed Russia\'s offer to mediate and thanked President Vladimir Putin for his "position regarding the ongoing Zionist aggression against our people."',
    ] }),
};

const URLS: Record<number, string> = {
  2: 'meduza', 4: 'reuters-putin-cautions', 7: 'aljazeera-bombardment', 8: 'tass-1695759', 14: 'cnn-live-post',
};

describe('the seed article against stand-ins of its sources', () => {
  let server: Server;
  let report: Report;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const ref = Object.entries(URLS).find(([, path]) => req.url === `/${path}`)?.[0];
      const html = ref ? PAGES[Number(ref)] : undefined;
      if (!html) { res.writeHead(404).end('not found'); return; }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const address = server.address();
    const port = address !== null && typeof address === 'object' ? (address satisfies AddressInfo).port : 0;
    const references: Reference[] = Object.entries(URLS).map(([id, path]) => ({ id: Number(id), url: `http://127.0.0.1:${port}/${path}` }));
    ({ report } = await verify({ article, references, toolVersion: 'test', failOn: [], fetch: { allowPrivateHosts: true, retries: 0 } }));
  }, 60_000);

  afterAll(async () => { await new Promise<void>((ok) => server.close(() => ok())); });

  it('judges the Medvedev claim unsupported: the Russian source says 2010', () => {
    const claim = report.claims.find((c) => c.text.includes('Medvedev'));
    expect(claim?.text).toContain('In 2020');
    expect(claim?.verdict).toBe('unsupported');
    expect(claim?.citations[0]?.reason).toContain('2010');
  });

  it('does not support "He also condemned…": the source gives the words to Lavrov, "he" is Putin', () => {
    const claim = report.claims.find((c) => c.text.startsWith('He also condemned'));
    expect(claim?.verdict).not.toBe('supported');
    expect(claim?.citations[0]?.reason).toMatch(/Lavrov.*Putin/);
  });

  it('reports the dates refs 2, 8 and 14 are cited with against their pages\' own', () => {
    const dates = report.findings.filter((f) => f.kind === 'date-mismatch');
    expect(dates.map((f) => [f.ref, f.cited, f.page, f.days])).toEqual(expect.arrayContaining([
      [2, '2021-03-21', '2021-05-21', 61], [8, '2023-10-23', '2023-10-24', 1], [14, '2023-10-13', '2023-10-14', 1]]));
    expect(dates.find((f) => f.ref === 14)?.message).toContain('time-zone');
    expect(dates.map((f) => f.ref)).not.toContain(4);
  });

  it('reports the headline ref 4 changed after publication', () => {
    expect(report.findings.find((f) => f.kind === 'title-mismatch' && f.ref === 4)).toMatchObject({
      cited: 'Putin cautions Israel against using tactics in Gaza like Nazi siege of Leningrad',
      page: 'Putin says Israeli ground operation in Gaza would lead to unacceptable civilian casualties',
    });
    expect(report.findings.filter((f) => f.kind === 'title-mismatch').map((f) => f.ref)).toEqual([4]);
  });
});
