import { describe, expect, it } from 'vitest';
import { claimVerbStems } from '../src/judge/event-date.js';
import { countryOf } from '../src/judge/exonyms.js';
import { findFacts } from '../src/judge/facts.js';
import { skeleton, skeletonForms } from '../src/judge/names.js';
import { normalize, type Normalized } from '../src/judge/normalize.js';
import { stemWord } from '../src/judge/words.js';
import { isPageDate } from '../src/judge/when.js';
import { guessScriptLanguage } from '../src/judge/words.js';

/** The script guess as a plain count of every character (the shortcuts must agree with it). */
function countedGuess(text: string): string | undefined {
  const sample = text.slice(0, 20_000);
  let cyr = 0;
  let lat = 0;
  for (const ch of sample) {
    if (/[A-Za-z]/.test(ch)) lat++;
    else if (/[\u0400-\u04ff]/.test(ch)) cyr++;
  }
  if (cyr + lat < 3) return undefined;
  if (cyr > lat) return /[іїєґ]/i.test(sample) && !/[ыэъ]/i.test(sample) ? 'uk' : 'ru';
  return 'en';
}

/** isPageDate's rule with the whole text before the date searched and the words always counted. */
function plainPageDate(original: string, norm: Normalized, f: { start: number; end: number }): boolean {
  const at = norm.map[f.start] ?? 0;
  const end = norm.map[f.end] ?? at;
  const lineStart = original.lastIndexOf('\n', at - 1) + 1;
  const next = original.indexOf('\n', end);
  const lineEnd = next < 0 ? original.length : next;
  const before = original.slice(lineStart, at);
  const cue = /(?:published|updated|posted|first published|last updated|опубликовано|обновлено|veröffentlicht|aktualisiert|publié|mis à jour)[^.\n]{0,24}$/iu;
  if (/^[\p{Lu}][\p{Lu} .'-]{1,30},\s*$/u.test(before) || cue.test(before)) return true;
  const others = `${before} ${original.slice(end, lineEnd)}`.match(/[\p{L}\p{N}]+/gu) ?? [];
  return others.length <= 5 && lineEnd - lineStart < 80;
}

describe('judge shortcuts give the answers of the plain rules', () => {
  it('guessScriptLanguage', () => {
    const texts = ['', 'ab', 'a b c', '12 34 ·', 'Hello', 'Привет', 'Привет, world', 'Київ і Львів', 'ok Москва',
      `${'word '.repeat(3000)}Москва`, `${'слово '.repeat(2000)}${'word '.repeat(1500)}`, 'é à ü ß', '日本語 ab', 'ab 日本語 c'];
    for (const t of texts) expect(guessScriptLanguage(t), t.slice(0, 30)).toBe(countedGuess(t));
  });

  it('isPageDate, with a long line before the date and a cue near or far from it', () => {
    const filler = 'The council met again and the members talked about the library and the roads for a long time';
    const texts = [
      `${filler}. Published on 14 May 2024`, `Published 14 May 2024 ${filler}`, `Published: ${filler} 14 May 2024`,
      `${filler}, last updated \u{1D400}\u{1D401} 14 May 2024`, `${filler} ${'\u{1D400}'.repeat(20)} updated ${'\u{1D400}'.repeat(20)} 14 May 2024`,
      'By Jane Reporter · 14 May 2024', `MOSCOW, 14 May 2024 - ${filler}`, `${filler}\nBy staff 2024-05-14\n${filler}`,
      `${filler} 14 May 2024 ${filler}`, 'Short line 14 May 2024 and more words here', `Обновлено: ${filler} 14 мая 2024`,
    ];
    for (const text of texts) {
      const norm = normalize(text);
      for (const f of findFacts(norm.text).filter((x) => x.kind === 'date')) {
        expect(isPageDate(text, norm, f), `${text} @${f.start}`).toBe(plainPageDate(text, norm, f));
      }
    }
  });

  it('kept answers: skeleton forms and countries, asked twice', () => {
    for (const word of ['navalny', 'навального', 'kyiv', 'mashaal', 'russia', 'россии', 'polen', 'library', 'kemiloba']) {
      const forms = [skeleton(word), ...(/[\u0400-\u04ff]/.test(word) ? [skeleton(stemWord(word, 'ru'))] : [])];
      expect(skeletonForms(word)).toEqual(forms);
      expect(skeletonForms(word)).toEqual(forms);
      for (const language of [undefined, 'en', 'ru', 'de']) expect(countryOf(word, language)).toBe(countryOf(word, language));
    }
    expect(countryOf('russia')).toBe('RU');
    expect(countryOf('россии', 'ru')).toBe('RU');
    expect(countryOf('library')).toBeUndefined();
    expect(countryOf('library')).toBeUndefined();
  });

  it('kept verb stems follow the synonyms asked with', () => {
    const none = claimVerbStems('Russia approved the plan.');
    expect([...none]).toEqual([stemWord('approved')]);
    const some = claimVerbStems('Russia approved the plan.', () => ['backed', 'endorsed']);
    expect([...some]).toEqual([stemWord('approved'), stemWord('backed'), stemWord('endorsed')]);
    expect([...claimVerbStems('Russia approved the plan.', () => ['passed'])]).toEqual([stemWord('approved'), stemWord('passed')]);
    expect(claimVerbStems('Russia will approve the plan.').size).toBe(0);
  });

  it('hedges before a number, with the quick look at the last letter', () => {
    const hedge = (text: string) => findFacts(text).filter((f) => f.kind === 'number').map((f) => f.hedge ?? 0);
    expect(hedge('about 1,200 people')).toEqual([0.1]);
    expect(hedge('roughly £300 spent')).toEqual([0.1]);
    expect(hedge('roughly  £300 spent')).toEqual([0]); // one space at most between the hedge and the sign
    expect(hedge('порядка 500 человек')).toEqual([0.1]);
    expect(hedge('a budget of 1,200 people')).toEqual([0]);
    expect(hedge('someabout 1,200')).toEqual([0]);
    expect(hedge('                    1,200')).toEqual([0]);
  });
});
