// Place names in several languages, loaded lazily: countries (Россия, Russland, Russia → RU) from the
// i18n-iso-countries data and cities (Каир, Kairo, Cairo → Africa/Cairo) from CLDR's exemplar cities.
import { createRequire } from 'node:module';
import * as z from 'zod';
import { CITIES_JSON } from './cities-data.js';
import { skeleton } from './names.js';
import { normalize } from './normalize.js';
import { stemWord } from './words.js';

/** Languages whose country names are indexed: the claim's and the sources' usual ones. */
export const EXONYM_LANGUAGES = ['en', 'ru', 'de', 'fr', 'uk', 'es', 'it'] as const;

const LangFile = z.object({ locale: z.string(), countries: z.record(z.string(), z.union([z.string(), z.array(z.string())])) });

let index: Map<string, string> | undefined;
/** Transliteration skeleton of every one-word name → code (`syria` ~ Italian `Siria`). */
let skeletons: Map<string, string> | undefined;

/** `ru:росс` → `RU`: the stem of every one-word country name (and alternative) in each language. */
function countryIndex(): Map<string, string> {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const map = new Map<string, string>();
  const skeletonMap = new Map<string, string>();
  for (const lang of EXONYM_LANGUAGES) {
    const parsed = LangFile.safeParse(require(`i18n-iso-countries/langs/${lang}.json`));
    if (!parsed.success) continue;
    for (const [code, names] of Object.entries(parsed.data.countries)) {
      for (const name of Array.isArray(names) ? names : [names]) {
        const words = normalize(name).text.split(' ');
        // one-word names only: `Российская Федерация` is also listed as `Россия`
        if (words.length !== 1 || !words[0] || words[0].length < 4) continue;
        map.set(stemWord(words[0], lang), code);
        skeletonMap.set(skeleton(words[0]), code);
      }
    }
  }
  index = map;
  skeletons = skeletonMap;
  return map;
}

/** The ISO code of the country a normalised word names in any indexed language (`турции` → TR), if any. */
export function countryOf(word: string, language?: string): string | undefined {
  const map = countryIndex();
  return map.get(stemWord(word, language)) ?? map.get(stemWord(word)) ?? (word.length >= 4 ? skeletons?.get(skeleton(word)) : undefined);
}

/** Two words name the same country across languages (`Russia` ~ `России`, `Poland` ~ `Polen`). */
export function sameCountry(a: string, aLanguage: string | undefined, b: string, bLanguage: string | undefined): boolean {
  const x = countryOf(a, aLanguage);
  return x !== undefined && x === countryOf(b, bLanguage);
}

/** cities-data.ts, written by scripts/write-cities.mjs from CLDR (cldr-dates-modern): zone id → language → name. */
const CitiesFile = z.record(z.string(), z.record(z.string(), z.string()));

/** `Le Caire`, `El Cairo`, `Il Cairo`: the article is not part of the name. */
const LEADING_ARTICLE = /^(?:le|la|les|l'|el|il|lo|al-|the) ?/;

let cities: Map<string, string> | undefined;

/** `ru:каир` → `Africa/Cairo`: the stem of every one-word city name in each language it is listed in. */
function cityIndex(): Map<string, string> {
  if (cities) return cities;
  const parsed = CitiesFile.safeParse(JSON.parse(CITIES_JSON));
  const map = new Map<string, string>();
  for (const [zone, names] of Object.entries(parsed.success ? parsed.data : {})) {
    for (const [lang, name] of Object.entries(names)) {
      const words = normalize(name).text.replace(LEADING_ARTICLE, '').split(' ');
      if (words.length !== 1 || !words[0] || words[0].length < 4) continue;
      map.set(`${lang}:${stemWord(words[0], lang)}`, zone);
    }
  }
  cities = map;
  return map;
}

/** The city (CLDR zone id) a normalised word names in `language`, else in English, if any. */
export function cityOf(word: string, language?: string): string | undefined {
  const map = cityIndex();
  const lang = /[\u0400-\u04FF]/.test(word) && language !== 'uk' ? 'ru' : language ?? 'en';
  return map.get(`${lang}:${stemWord(word, lang)}`) ?? map.get(`en:${stemWord(word, 'en')}`);
}

/** Two words name the same country or city across languages (`Russia` ~ `России`, `Cairo` ~ `Каире`). */
export function samePlace(a: string, aLanguage: string | undefined, b: string, bLanguage: string | undefined): boolean {
  if (sameCountry(a, aLanguage, b, bLanguage)) return true;
  const city = cityOf(a, aLanguage);
  return city !== undefined && city === cityOf(b, bLanguage);
}
