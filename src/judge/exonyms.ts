// Place names in several languages: countries (Россия, Russland, Russia → RU) and cities (Каир, Kairo, Cairo →
// Africa/Cairo), looked up in the generated place index (place-index.ts builds it, place-index-data.ts holds it).
import { skeleton } from './names.js';
import { PLACE_INDEX_JSON } from './place-index-data.js';
import { stemWord } from './words.js';

/** Languages whose country names are indexed: the claim's and the sources' usual ones. */
export const EXONYM_LANGUAGES = ['en', 'ru', 'de', 'fr', 'uk', 'es', 'it'] as const;

/** `росс` → `RU`, `siria` (skeleton) → `SY`, `ru:каир` → `Africa/Cairo`. */
export interface PlaceIndex {
  countries: Record<string, string>;
  countrySkeletons: Record<string, string>;
  cities: Record<string, string>;
}

interface Lookups { countries: Map<string, string>; countrySkeletons: Map<string, string>; cities: Map<string, string> }
let lookups: Lookups | undefined;

/** One table of the parsed index as name → code pairs, or undefined when it is not one. */
function pairsOf(data: unknown, table: keyof PlaceIndex): [string, string][] | undefined {
  const value: unknown = typeof data === 'object' && data !== null ? Reflect.get(data, table) : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const pairs = Object.entries(value);
  return pairs.every((pair): pair is [string, string] => typeof pair[1] === 'string') ? pairs : undefined;
}

/**
 * The generated index (place-index-data.ts), parsed on first use; empty if it were ever malformed.
 * Checked by hand, not with zod: it is our own generated file, and zod's import alone cost every
 * reading thread ~30 ms of CPU (it reads no other outside data).
 */
function placeIndex(): Lookups {
  if (lookups) return lookups;
  const data: unknown = JSON.parse(PLACE_INDEX_JSON);
  const countries = pairsOf(data, 'countries');
  const countrySkeletons = pairsOf(data, 'countrySkeletons');
  const cities = pairsOf(data, 'cities');
  const whole = countries && countrySkeletons && cities;
  lookups = {
    countries: new Map(whole ? countries : []),
    countrySkeletons: new Map(whole ? countrySkeletons : []),
    cities: new Map(whole ? cities : []),
  };
  return lookups;
}

/** The ISO code of the country a normalised word names in any indexed language (`турции` → TR), if any. */
export function countryOf(word: string, language?: string): string | undefined {
  const key = language ?? '';
  let byWord = countryCache.get(key);
  if (!byWord) { byWord = new Map(); countryCache.set(key, byWord); }
  const known = byWord.get(word);
  if (known !== undefined) return known === NO_COUNTRY ? undefined : known;
  const { countries, countrySkeletons } = placeIndex();
  const code = countries.get(stemWord(word, language)) ?? countries.get(stemWord(word)) ?? (word.length >= 4 ? countrySkeletons.get(skeleton(word)) : undefined);
  if (countryCacheSize < 100_000) { byWord.set(word, code ?? NO_COUNTRY); countryCacheSize++; }
  return code;
}

/**
 * countryOf's answers by language then word: the matcher asks for each name part of a claim on each
 * layer, and for page tokens beside a claim's country, mostly words already asked.
 */
const countryCache = new Map<string, Map<string, string>>();
let countryCacheSize = 0;
const NO_COUNTRY = '';

/** Two words name the same country across languages (`Russia` ~ `России`, `Poland` ~ `Polen`). */
export function sameCountry(a: string, aLanguage: string | undefined, b: string, bLanguage: string | undefined): boolean {
  const x = countryOf(a, aLanguage);
  return x !== undefined && x === countryOf(b, bLanguage);
}

/** The city (CLDR zone id) a normalised word names in `language`, else in English, if any. */
export function cityOf(word: string, language?: string): string | undefined {
  const { cities } = placeIndex();
  const lang = /[\u0400-\u04FF]/.test(word) && language !== 'uk' ? 'ru' : language ?? 'en';
  return cities.get(`${lang}:${stemWord(word, lang)}`) ?? cities.get(`en:${stemWord(word, 'en')}`);
}

/** Two words name the same country or city across languages (`Russia` ~ `России`, `Cairo` ~ `Каире`). */
export function samePlace(a: string, aLanguage: string | undefined, b: string, bLanguage: string | undefined): boolean {
  if (sameCountry(a, aLanguage, b, bLanguage)) return true;
  const city = cityOf(a, aLanguage);
  return city !== undefined && city === cityOf(b, bLanguage);
}
