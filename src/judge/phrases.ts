// Key phrases of a claim: quotes, numbers, dates, proper names, content words, and given phrases.
import type { KeyPhrase, PhraseKind } from '../types.js';
import { countryOf } from './exonyms.js';
import { findClaimFacts, findNumberWords } from './facts.js';
import { isCommonWord } from './wordnet.js';
import { normalize, sliceOriginal } from './normalize.js';
import { isNegationAt, STOP_WORDS, stemWord, TOKEN } from './words.js';

/**
 * Weight of each kind in the score. Quotes, numbers, dates and given phrases are the facts a
 * reviewer checks first and a paraphrase cannot change; names come next; any one content word
 * can be swapped for a synonym, so each counts least.
 */
export const PHRASE_WEIGHTS = {
  quote: 3, number: 3, date: 3, given: 3, name: 2, word: 1,
} as const satisfies Record<PhraseKind, number>;

/** Kinds that must all be found (and not contradicted) for `supported`. */
export const REQUIRED_KINDS: ReadonlySet<PhraseKind> = new Set(['quote', 'number', 'date', 'given']);

const FOOTNOTE = /\[(?:\d+(?:\s*[,–-]\s*\d+)*(?:,\s*pp?\.\s*[\d–-]+)?|citation needed|нет источника)\]/gi;
const QUOTE_RE = /"([^"]{2,}?)"|(?<![\p{L}\p{N}])'([^']{6,}?)'(?![\p{L}\p{N}])/gu;
const CONNECTORS = new Set(['of', 'de', 'al', 'bin', 'ibn', 'van', 'von', 'der', 'la', 'du', 'el']);
const CALENDAR = /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|январ\p{L}*|феврал\p{L}*|март\p{L}*|апрел\p{L}*|ма[йяе]|июн\p{L}*|июл\p{L}*|август\p{L}*|сентябр\p{L}*|октябр\p{L}*|ноябр\p{L}*|декабр\p{L}*)$/u;

/**
 * Common words that open sentences with a capital (adverbs, quantifiers, nouns for groups of people
 * and things): a single one at sentence start is not a name. Any other capitalised opener is one
 * (`Iran supplied…`, `Hamas freed…`): a claim's subject is the phrase it can least afford to lose.
 */
const COMMON_OPENERS: ReadonlySet<string> = new Set(`yesterday today tomorrow tonight however meanwhile earlier later last next
many several most few every another other such even still yet thus hence instead overall nevertheless nonetheless
although though whereas since unless despite amid among within without around nearly almost roughly only
officials official police protesters demonstrators residents people experts analysts critics authorities troops
soldiers gunmen militants rebels fighters workers prices sales shares markets investors doctors scientists
researchers astronomers campaigners opponents supporters voters lawmakers ministers documents reports data figures
results sources witnesses survivors victims families children women men students teachers citizens members leaders
diplomats journalists prosecutors judges lawyers rescuers firefighters medics staff employees companies firms banks
inflation unemployment turnout attendance rain floods fires sanctions talks negotiations both half
врачи власти полиция эксперты жители ученые журналисты депутаты военные чиновники сотрудники люди цены вчера сегодня
завтра однако кроме позже ранее затем впоследствии многие несколько большинство`.split(/\s+/));

/** A month or weekday name (en, ru), normalised: never a name or a place. */
export function isCalendarWord(word: string): boolean {
  return CALENDAR.test(word);
}

interface Token {
  start: number; end: number; text: string; capital: boolean; upper: boolean; sentenceStart: boolean;
  /** Only a space, an initial's full stop, a hyphen or an apostrophe separates it from the token before. */
  joined: boolean;
  cyrillic: boolean;
}

function tokensOf(claim: string, norm: { text: string; map: Int32Array }): Token[] {
  const out: Token[] = [];
  for (const m of norm.text.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    const original = sliceOriginal(claim, norm, start, end);
    const before = norm.text.slice(Math.max(0, start - 3), start);
    const gap = norm.text.slice(out.at(-1)?.end ?? 0, start);
    out.push({ start, end, text: m[0], capital: /^\p{Lu}/u.test(original), upper: !/\p{Ll}/u.test(original),
      sentenceStart: out.length === 0 || /[.!?:]["')]? ?$|^ ?["(]$/.test(before),
      joined: /^[ .'-]{1,2}$/.test(gap), cyrillic: /[\u0400-\u04FF]/.test(m[0]) });
  }
  return out;
}

function covered(spans: readonly [number, number][], start: number, end: number): boolean {
  return spans.some(([s, e]) => start < e && end > s);
}

/**
 * A single capitalised word opening a sentence that WordNet lists in lower case (`Construction`,
 * `Work`, `Rescue`) and that names no country (`Turkey`): an ordinary word, not a name.
 */
function ordinaryOpener(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!t || t.upper || (next?.capital && next.start - t.end <= 2)) return false;
  return countryOf(t.text) === undefined && isCommonWord(t.text);
}

/** Capitalised runs; a single sentence-initial word counts unless it is a common opener or a stop word. */
function findNames(tokens: readonly Token[], taken: readonly [number, number][]): [number, number][] {
  const names: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t || !t.capital || covered(taken, t.start, t.end) || CALENDAR.test(t.text) || /^\p{N}/u.test(t.text)
      || (t.sentenceStart && (STOP_WORDS.has(t.text) || COMMON_OPENERS.has(t.text) || ordinaryOpener(tokens, i)))) { i++; continue; }
    // a single Cyrillic word opening the sentence before a lower-case or Latin word is an ordinary one (`Выручка Orbital`)
    if (t.sentenceStart && t.cyrillic && !(tokens[i + 1]?.capital && tokens[i + 1]?.cyrillic && tokens[i + 1]?.joined)) { i++; continue; }
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1];
      const after = tokens[j + 2];
      if (!next || covered(taken, next.start, next.end)) break;
      // `Rosstat, Moscow` is two names; so is `Компания Orbital` (another script)
      if (!next.joined || next.cyrillic !== tokens[j]?.cyrillic) break;
      if (next.capital && !CALENDAR.test(next.text)) { j++; continue; }
      if (CONNECTORS.has(next.text) && after?.capital && after.start - next.end <= 2) { j += 2; continue; }
      break;
    }
    const single = i === j;
    const acronym = t.upper && t.text.length >= 2 && t.text.length <= 6;
    const tooShort = single && !acronym && t.text.length < 3;
    if (!tooShort) names.push([t.start, tokens[j]?.end ?? t.end]);
    i = j + 1;
  }
  return names;
}

/** Key phrases of `claim`, plus `given` phrases (required, kind `given`) from references.json. */
export function extractKeyPhrases(claim: string, given: readonly string[] = []): KeyPhrase[] {
  // a footnote marker left in the text (`[3]`, `[4, p. 2]`) is not a number of the claim; blanking
  // it keeps every offset, so phrases are still quoted from the claim as written
  const norm = normalize(claim.replace(FOOTNOTE, (m) => ' '.repeat(m.length)));
  const phrases: KeyPhrase[] = [];
  const taken: [number, number][] = [];
  const add = (kind: PhraseKind, start: number, end: number): void => {
    const text = sliceOriginal(claim, norm, start, end).trim();
    if (text && !phrases.some((p) => p.kind === kind && p.text === text)) {
      phrases.push({ kind, text, weight: PHRASE_WEIGHTS[kind] });
    }
    taken.push([start, end]);
  };
  for (const m of norm.text.matchAll(QUOTE_RE)) {
    const inner = m[1] ?? m[2] ?? '';
    if (inner.trim().length < 2) continue;
    add('quote', m.index + 1, m.index + 1 + inner.length);
  }
  for (const f of [...findClaimFacts(norm.text), ...findNumberWords(norm.text)]) {
    if (f.inDate || covered(taken, f.start, f.end)) continue;
    // keep the currency sign: `£100m` is 100 million, a bare `100m` may be metres
    const sign = /[£$€₽¥]/.test(norm.text[f.start - 1] ?? '') ? 1 : 0;
    add(f.kind, f.start - sign, f.end);
  }
  const tokens = tokensOf(claim, norm);
  for (const [s, e] of findNames(tokens, taken)) add('name', s, e);
  const stems = new Set<string>();
  const words = tokens.map((x) => x.text);
  tokens.forEach((t, i) => {
    if (covered(taken, t.start, t.end) || STOP_WORDS.has(t.text) || isNegationAt(words, i)) return;
    if (/^\p{N}+$/u.test(t.text) || t.text.length < 2 || CALENDAR.test(t.text)) return;
    const stem = stemWord(t.text);
    if (stems.has(stem)) return;
    stems.add(stem);
    phrases.push({ kind: 'word', text: sliceOriginal(claim, norm, t.start, t.end), weight: PHRASE_WEIGHTS.word });
  });
  for (const g of given) {
    if (g.trim() && !phrases.some((p) => p.kind === 'given' && p.text === g.trim())) {
      phrases.push({ kind: 'given', text: g.trim(), weight: PHRASE_WEIGHTS.given });
    }
  }
  return phrases;
}

/** Irregular past forms news claims use most; regular ones end in `-ed`. */
const IRREGULAR_PAST = new Set(`won lost met fled rose fell took gave made held led paid sent left began became brought bought
built came cut drew drove fought found got grew hit kept knew put ran saw sold set shot spent stood struck thought went
wrote hid froze broke chose spoke stole swore tore wore bore beat bit bled blew caught dealt dug fed felt flew forbade
forgave forgot hung heard hurt laid lent let lit meant overtook quit read rode rang sank sat slew slid sought spun spread
sprang stuck stung strove swept swam swung taught threw understood undertook upheld withdrew won`.split(/\s+/));

/** Words ending in `-ed` that are not past forms. */
const NOT_PAST = new Set('indeed need speed seed feed greed breed weed heed creed bleed proceed exceed succeed hundred sacred naked wicked kindred rugged beloved shed bred'.split(' '));

/**
 * The claim's subject: its first name, when only stop words, numbers and dates come before it
 * (`Iran supplied…`, `On 26 October, Russia hosted…`). A source that lacks it is about someone else.
 * Not after `according to` (that names the source itself).
 */
export function findSubject(claim: string, phrases: readonly KeyPhrase[]): number {
  const i = phrases.findIndex((p) => p.kind === 'name');
  const name = phrases[i];
  if (!name) return -1;
  const text = normalize(claim).text;
  const at = text.indexOf(normalize(name.text).text);
  if (at < 0) return -1;
  const before: string[] = text.slice(0, at).match(TOKEN) ?? [];
  if (before.includes('according')) return -1;
  return before.every((t) => STOP_WORDS.has(t) || /^\p{N}+$/u.test(t) || CALENDAR.test(t)) ? i : -1;
}

/**
 * The claim's predicate in an English claim: its first content word that is a past-tense verb
 * (`freed`, `pledged`, `met`). Without it the source may put the same names and numbers side by
 * side while saying something else (`Hamas freed 2 hostages` vs `2 hostages … a Hamas delegation`).
 */
export function findPredicate(phrases: readonly KeyPhrase[], language: string | undefined): number {
  if (language !== undefined && language !== 'en') return -1;
  return phrases.findIndex((p) => p.kind === 'word' && !/^\p{Lu}/u.test(p.text) && isPastVerb(normalize(p.text).text));
}

/** Speech verbs the stop list hides from the key phrases; they still carry a claim's event. */
const SPEECH = new Set('said told stated wrote added announced claimed'.split(' '));

/** An English past-tense verb form (normalised): `met`, `freed`, `said`. */
export function isPastVerb(w: string): boolean {
  return IRREGULAR_PAST.has(w) || SPEECH.has(w) || (/^[a-z]{2,}ed$/.test(w) && !NOT_PAST.has(w));
}
