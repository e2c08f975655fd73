// Words: tokenising, stemming (Porter2 for English, snowball ru + a few more), stop words, script-based language guess, negation cues.
import { stem as porter2 } from 'porter2';
import snowball, { type Stemmer } from 'snowball-stemmers';

/** Unicode-aware tokens (field notes §5.1 step 6); apostrophes and hyphens split words. */
export const TOKEN = /[\p{L}\p{N}]+/gu;

const ALGORITHMS: Record<string, string> = {
  en: 'english', ru: 'russian', de: 'german', fr: 'french', es: 'spanish', it: 'italian',
  pt: 'portuguese', nl: 'dutch', sv: 'swedish',
};

/**
 * English words go to porter2, the same Porter2 algorithm as snowball's `english` (identical stems on
 * WordNet's 92,000 words and 2 million made-up ones) at 1-2 us a new word instead of 10-60 us: the
 * snowball port is transpiled ES5 whose every step looks its super-class's methods up by hand, and a
 * reading thread stems a page's new words only once each, so that code rarely gets warm.
 */
const english: Stemmer = { stem: porter2 };
const stemmers = new Map<string, Stemmer>([['en', english]]);
/**
 * Stems by the stemmer asked for (a Latin-script word's: `en` when none or no known one is given),
 * then by word: a look-up builds no `lang:word` key (a new string, hashed anew, on every call: the
 * matcher stems every distinct token of a page and every synonym of a claim's words, mostly words
 * already seen).
 */
const stemCache = new Map<string, Map<string, string>>();
let stemCacheSize = 0;

/** Stem a lower-case word; the script picks the stemmer (Cyrillic → Russian) when no language is known. */
export function stemWord(word: string, language?: string): string {
  const latin = language && language !== 'ru' && ALGORITHMS[language] ? language : 'en';
  let byWord = stemCache.get(latin);
  const cached = byWord?.get(word);
  if (cached !== undefined) return cached;
  const lang = /[\u0400-\u04FF]/.test(word) ? 'ru' : latin;
  let stemmer = stemmers.get(lang);
  if (!stemmer) {
    stemmer = snowball.newStemmer(ALGORITHMS[lang] ?? 'english');
    stemmers.set(lang, stemmer);
  }
  const stem = /^\p{N}+$/u.test(word) ? word : stemmer.stem(word);
  if (stemCacheSize < 200_000) {
    if (!byWord) { byWord = new Map(); stemCache.set(latin, byWord); }
    byWord.set(word, stem);
    stemCacheSize++;
  }
  return stem;
}

const EN_STOP = `a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself of off on once only or other our ours ourselves out over own same she should so some such than that
the their theirs them themselves then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your yours yourself yourselves said says
say saying told tells according reported reports report stated states wrote writes also which whose upon
per via mr mrs ms dr one s t it's its new news article`;

const RU_STOP = `и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее её мне
было вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас
нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была
сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь
этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой
хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою
этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это также заявил заявила
сообщил сообщила сообщает сказал сказала по словам год года году лет`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${EN_STOP} ${RU_STOP}`.split(/\s+/).filter(Boolean));

/** Negation cues (en + ru). `n't` splits into `…n` + `t`, handled in `isNegationAt`. */
const NEGATION = new Set([
  'not', 'never', 'no', 'nor', 'neither', 'cannot', 'refused', 'refuses', 'refuse', 'denied', 'denies',
  'deny', 'declined', 'declines', 'без', 'не', 'ни', 'нет', 'никогда', 'отказался', 'отказалась',
  'отказались', 'отрицал', 'отрицает', 'отрицала', 'nicht', 'nie', 'niemals', 'kein', 'keine', 'keinen', 'jamais',
]);
/** Cues that negate only when followed by `to` (`failed to adopt`, `unable to agree`). */
const NEGATION_BEFORE_TO = new Set(['failed', 'fails', 'fail', 'unable']);
/** Cues that negate a noun next to them, not a clause (`no justification`, `без потерь`). */
const NEAR_ONLY = new Set(['no', 'без', 'ни', 'нет', 'не']);

/** True when token `tokens[i]` is a negation cue (`didn't` arrives as `didn`, `t`). */
export function isNegationAt(tokens: readonly string[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined) return false;
  const next = tokens[i + 1];
  // `not only … but also`, `не только … но и` affirm
  if ((t === 'not' || t === 'не') && next === (t === 'not' ? 'only' : 'только')) return false;
  if (NEGATION_BEFORE_TO.has(t)) return next === 'to';
  if (NEGATION.has(t)) return true;
  return t === 't' && (tokens[i - 1] ?? '').endsWith('n');
}

/** A cue that reaches over its clause (`has not, unlike the EU, ever designated`), not just the next words. */
export function isClauseNegationAt(tokens: readonly string[], i: number): boolean {
  return isNegationAt(tokens, i) && !NEAR_ONLY.has(tokens[i] ?? '');
}

const CYRILLIC = /[\u0400-\u04ff]/;
const THREE_LATIN = /[A-Za-z][^]*?[A-Za-z][^]*?[A-Za-z]/;

/** Language by script: enough to pick a stemmer and to see that a Latin claim faces a Cyrillic page. */
export function guessScriptLanguage(text: string): string | undefined {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  // no Cyrillic at all (most pages): three Latin letters decide, found by a native search instead of a walk over every character
  if (!CYRILLIC.test(sample)) return THREE_LATIN.test(sample) ? 'en' : undefined;
  let cyr = 0;
  let lat = 0;
  const n = sample.length;
  for (let i = 0; i < n; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) lat++;
    else if (c >= 0x400 && c <= 0x4ff) cyr++;
    // decided once Cyrillic could no longer outnumber Latin in the rest (usually halfway through a Latin page)
    if ((i & 1023) === 1023 && lat >= 3 && lat >= cyr + (n - i - 1)) return 'en';
  }
  if (cyr + lat < 3) return undefined;
  if (cyr > lat) return /[іїєґ]/i.test(sample) && !/[ыэъ]/i.test(sample) ? 'uk' : 'ru';
  return 'en';
}

/** The primary subtag of a BCP 47 code, lower case (`en-GB` → `en`). */
export function baseLanguage(code: string | undefined): string | undefined {
  const base = code?.trim().toLowerCase().split(/[-_]/)[0];
  return base ? base : undefined;
}

/** Scripts differ, or both are Latin but the languages differ (an English claim on a German page). */
export function languagesDiffer(claim: string | undefined, page: string | undefined): boolean {
  if (!claim || !page) return false;
  return claim !== page;
}
