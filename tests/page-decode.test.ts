import { describe, expect, it } from 'vitest';
import { decodeBody, normaliseCharset, readHeaderCharset } from '../src/page/decode.js';
import { readPage } from '../src/page/read.js';
import { makeResponse } from './fixtures/pages/fetch.js';

/** Encodes text in a single-byte charset by inverting TextDecoder over bytes 0x80–0xFF. */
function encodeSingleByte(text: string, charset: string): Uint8Array {
  const decoder = new TextDecoder(charset);
  const table = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return new Uint8Array(
    [...text].map((ch) => {
      const code = ch.charCodeAt(0);
      if (code < 0x80) return code;
      const byte = table.get(ch);
      if (byte === undefined) throw new Error(`${ch} not in ${charset}`);
      return byte;
    }),
  );
}

const RUSSIAN = 'Министерство финансов сообщило, что дефицит бюджета составил 1,2% ВВП. Эксперты ожидают, что в следующем году ситуация улучшится, а доходы от экспорта вырастут.';

function russianPage(head: string): string {
  return `<!DOCTYPE html><html><head>${head}<title>Дефицит бюджета</title></head><body><article><h1>Дефицит бюджета</h1>${`<p>${RUSSIAN}</p>`.repeat(4)}</article></body></html>`;
}

describe('decodeBody precedence', () => {
  const utf8 = new TextEncoder().encode('<p>Привет</p>');
  const cp1251 = encodeSingleByte('<p>Привет</p>', 'windows-1251');
  it.each<[string, Uint8Array, string | undefined, string, string]>([
    ['BOM beats a wrong header', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'text/html; charset=windows-1251', 'utf-8', 'bom'],
    ['header beats meta', encodeSingleByte('<meta charset="utf-8"><p>Привет</p>', 'windows-1251'), 'text/html; charset=windows-1251', 'windows-1251', 'header'],
    ['quoted header label', cp1251, 'text/html; charset="Windows-1251"', 'windows-1251', 'header'],
    ['meta charset', encodeSingleByte('<meta charset="windows-1251"><p>Привет</p>', 'windows-1251'), 'text/html', 'windows-1251', 'meta'],
    ['http-equiv meta', encodeSingleByte('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Привет</p>', 'koi8-r'), undefined, 'koi8-r', 'meta'],
    ['unknown header label falls through to UTF-8', utf8, 'text/html; charset=x-nonsense', 'utf-8', 'utf-8'],
    ['valid UTF-8 without labels', utf8, 'text/html', 'utf-8', 'utf-8'],
  ])('%s', (_, bytes, contentType, charset, source) => {
    const decoded = decodeBody(bytes, contentType);
    expect(decoded.charset).toBe(charset);
    expect(decoded.source).toBe(source);
    expect(decoded.text).toContain('Привет');
  });

  it('detects windows-1251 without header or meta (chardet), not windows-1252 mojibake', () => {
    const decoded = decodeBody(encodeSingleByte(russianPage(''), 'windows-1251'), 'text/html');
    expect(decoded.source).toBe('detected');
    expect(decoded.charset).toBe('windows-1251');
    expect(decoded.text).toContain('Министерство финансов');
  });

  it('falls back to windows-1252 for undetectable non-UTF-8 bytes', () => {
    const decoded = decodeBody(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), undefined);
    // chardet guesses UTF-8 for these four bytes, which strict decoding already refuted.
    expect(decoded.charset).toBe('windows-1252');
    expect(decoded.text).toBe('café');
  });

  it.each([
    ['text/html; charset=UTF-8', 'UTF-8'],
    ['text/html;charset="koi8-r"', 'koi8-r'],
    ['text/html', undefined],
  ])('reads the header charset of %s', (header, label) => {
    expect(readHeaderCharset(header)).toBe(label);
  });

  it.each([
    ['latin1', 'windows-1252'],
    ['cp1251', 'windows-1251'],
    ['KOI8-R', 'koi8-r'],
    ['nonsense', undefined],
  ])('normalises %s → %s', (label, name) => {
    expect(normaliseCharset(label)).toBe(name);
  });
});

describe('readPage decodes Cyrillic pages end to end', () => {
  it('windows-1251 without header charset or meta', async () => {
    const page = await readPage(makeResponse(encodeSingleByte(russianPage(''), 'windows-1251'), { headers: { 'content-type': 'text/html' } }));
    expect(page?.charset).toBe('windows-1251');
    expect(page?.title).toBe('Дефицит бюджета');
    expect(page?.layers.find((l) => l.layer === 'main')?.text).toContain('дефицит бюджета составил 1,2% ВВП');
  });

  it('KOI8-R announced by the Content-Type header', async () => {
    const page = await readPage(makeResponse(encodeSingleByte(russianPage(''), 'koi8-r'), { headers: { 'content-type': 'text/html; charset=KOI8-R' } }));
    expect(page?.charset).toBe('koi8-r');
    expect(page?.layers.find((l) => l.layer === 'main')?.text).toContain('Министерство финансов сообщило');
  });

  it('windows-1251 announced only by <meta charset>', async () => {
    const page = await readPage(makeResponse(encodeSingleByte(russianPage('<meta charset="windows-1251">'), 'windows-1251'), { headers: { 'content-type': 'text/html' } }));
    expect(page?.charset).toBe('windows-1251');
    expect(page?.layers.find((l) => l.layer === 'page')?.text).toContain('доходы от экспорта вырастут');
  });
});

// An old regional site: counters and styles fill the first kilobyte, the charset comes late.
const LONG_HEAD = `<script type="text/javascript">(function(m,e,t,r,i,k,a){m[i]=m[i]||function(){(m[i].a=m[i].a||[]).push(arguments)};m[i].l=1*new Date();k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)})(window, document, "script", "https://mc.counter.example/metrika/tag.js", "ym");ym(12345678, "init", {clickmap:true, trackLinks:true, accurateTrackBounce:true});</script>
<style>${'body{margin:0;padding:0;font:13px/1.4 Verdana,Arial,sans-serif}.news-item{border-bottom:1px solid #ccc;padding:6px 0}.news-item a{color:#036}'.repeat(8)}</style>`;

describe('UTF-8 labels on bytes that are not UTF-8, and a charset after the first kilobyte', () => {
  const cp1251 = (html: string) => encodeSingleByte(html, 'windows-1251');
  it.each<[string, Uint8Array, string, string, string]>([
    ['header says utf-8, body is windows-1251 (no meta)', cp1251(russianPage('')), 'text/html; charset=utf-8', 'windows-1251', 'detected'],
    ['header says utf-8, body is windows-1251 with a meta', cp1251(russianPage('<meta charset="windows-1251">')), 'text/html; charset=UTF-8', 'windows-1251', 'meta'],
    ['meta says utf-8, body is windows-1251', cp1251(russianPage('<meta charset="utf-8">')), 'text/html', 'windows-1251', 'detected'],
    ['meta windows-1251 after a long head', cp1251(`<!DOCTYPE html><html><head>${LONG_HEAD}<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>МИД</title></head><body><p>Лавров встретился с делегацией ХАМАС в Москве.</p></body></html>`), 'text/html', 'windows-1251', 'meta'],
  ])('%s', (_, bytes, contentType, charset, source) => {
    expect(LONG_HEAD.length).toBeGreaterThan(1024);
    const decoded = decodeBody(bytes, contentType);
    expect(decoded.charset).toBe(charset);
    expect(decoded.source).toBe(source);
    expect(decoded.text).not.toContain('\ufffd');
    expect(decoded.text).toMatch(/Министерство финансов|Лавров встретился/);
  });

  it('a UTF-8 page with one stray latin1 byte stays UTF-8', () => {
    const utf8 = new TextEncoder().encode(russianPage('<meta charset="utf-8">'));
    const stray = new Uint8Array([...utf8.subarray(0, 200), 0xe9, ...utf8.subarray(200)]);
    const decoded = decodeBody(stray, 'text/html; charset=utf-8');
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.text).toContain('Министерство финансов');
  });

  it('a late meta inside a comment is ignored, and a late meta never overrides valid UTF-8', () => {
    const commented = encodeSingleByte(`<html><head>${LONG_HEAD}<!-- <meta charset="koi8-r"> --><meta charset="windows-1251"></head><body><p>${RUSSIAN}</p></body></html>`, 'windows-1251');
    expect(decodeBody(commented, 'text/html').charset).toBe('windows-1251');
    const utf8 = new TextEncoder().encode(`<html><head>${LONG_HEAD}<meta charset="windows-1251"></head><body><p>${RUSSIAN}</p></body></html>`);
    expect(decodeBody(utf8, 'text/html')).toMatchObject({ charset: 'utf-8', source: 'utf-8' });
  });

  it('readPage reads the Cyrillic page the header mislabels', async () => {
    const page = await readPage(makeResponse(cp1251(russianPage('')), { headers: { 'content-type': 'text/html; charset=utf-8' } }));
    expect(page?.charset).toBe('windows-1251');
    expect(page?.layers.find((l) => l.layer === 'main')?.text).toContain('дефицит бюджета составил 1,2% ВВП');
  });
});

describe('decoders are made once and reused', () => {
  it('a body cut inside a character leaves nothing behind for the next body', () => {
    // Shift_JIS `あ` is 0x82 0xA0: the first body ends after its lead byte
    const cut = decodeBody(new Uint8Array([0x41, 0x82]), 'text/plain; charset=shift_jis', false);
    const next = decodeBody(new Uint8Array([0xa0, 0x42]), 'text/plain; charset=shift_jis', false);
    expect(cut.charset).toBe('shift_jis');
    expect(next.text).toBe(new TextDecoder('shift_jis').decode(new Uint8Array([0xa0, 0x42])));
    expect(next.text).not.toContain('あ');
  });

  it('a body that is not UTF-8 leaves the strict UTF-8 check of the next one untouched', () => {
    const bad = decodeBody(new Uint8Array([0x3c, 0x70, 0x3e, 0xcf, 0xf0, 0xe8]), 'text/html; charset=utf-8');
    const good = decodeBody(new TextEncoder().encode('<p>Привет</p>'), 'text/html; charset=utf-8');
    expect(bad.charset).not.toBe('utf-8');
    expect(good).toEqual({ text: '<p>Привет</p>', charset: 'utf-8', source: 'header' });
  });

  it('names each label the same way the second time, known or not', () => {
    for (const label of ['UTF-8', '"cp1251"', 'no-such-charset']) expect(normaliseCharset(label)).toBe(normaliseCharset(label));
    expect(normaliseCharset('"cp1251"')).toBe('windows-1251');
    expect(normaliseCharset('no-such-charset')).toBeUndefined();
  });
});
