// Who a passage names: another first name before a surname, another name where the claim has its own.
import type { LayerText, PreparedClaim } from './find.js';
import { isGenderedVariant, namesMatch, skeleton } from './names.js';
import { normalize, sliceOriginal } from './normalize.js';
import { tokenText } from './scan.js';
import { endsSentence, type Window } from './window.js';
import { stemWord, STOP_WORDS, TOKEN } from './words.js';

/** Capitalised words that stand before a surname without being a first name (`President Putin`). */
export const TITLES: ReadonlySet<string> = new Set(`mr mrs ms miss dr sir dame lord lady president vice minister secretary spokeswoman spokesman
spokesperson ambassador general gen colonel col major chancellor premier senator sen governor mayor king queen prince
princess sheikh emir leader chairman chairwoman chief judge justice professor prof rev father pope patriarch deputy
foreign prime defence defense interior commander captain capt lieutenant sergeant admiral envoy ayatollah imam rabbi
bishop mullah former late comrade citizen activist journalist opposition kremlin russian`.split(/\s+/));
const PATRONYMIC = /(?:ovich|evich|ovna|evna|ich|ichna|ович|евич|овна|евна|ич|ична)$/;

/**
 * The capitalised word right before a surname occurrence is another person's first name (`Mikhail
 * Zakharov` for a claim about `Maria Zakharova`, `Akhmat Kadyrov` for `Ramzan Kadyrov`). Titles,
 * patronymics, stop words and the claim's own first names are not; an initial must agree.
 */
export function otherFirstName(layer: Omit<LayerText, 'positions'>, pos: number, given: readonly string[]): boolean {
  const { norm, scan, original } = layer;
  for (let k = pos - 1; k >= 0 && k >= pos - 2; k--) {
    const gap = norm.text.slice(scan.ends[k] ?? 0, scan.starts[k + 1] ?? 0);
    const word = tokenText(norm.text, scan, k);
    const first = original[norm.map[scan.starts[k] ?? 0] ?? 0] ?? '';
    const capital = /\p{Lu}/u.test(first);
    // `A. Kadyrov`: an initial must be the claim's
    if (gap === '. ' && word.length === 1 && capital) return given.length > 0 && !given.some((g) => skeletonInitial(g) === skeletonInitial(word));
    if (gap !== ' ') return false;
    if (PATRONYMIC.test(word) && k === pos - 1) continue;
    if (!capital || STOP_WORDS.has(word) || TITLES.has(word) || /^\p{N}/u.test(word) || word.length < 2) return false;
    return !given.some((g) => namesMatch(g, word));
  }
  return false;
}

function skeletonInitial(word: string): string {
  return skeleton(word).slice(0, 1);
}

function capitalAt(layer: Omit<LayerText, 'positions'>, k: number): boolean {
  const { norm, scan, original } = layer;
  return /\p{Lu}/u.test(original[norm.map[scan.starts[k] ?? 0] ?? 0] ?? '');
}

/** A capitalised word of the source that is none of the claim's names or words. */
function isOtherName(layer: Omit<LayerText, 'positions'>, prepared: PreparedClaim, k: number): boolean {
  const word = tokenText(layer.norm.text, layer.scan, k);
  if (!capitalAt(layer, k) || word.length < 2 || STOP_WORDS.has(word) || TITLES.has(word) || /^\p{N}/u.test(word)) return false;
  for (const parts of prepared.names.values()) if (parts.some((part) => namesMatch(part, word))) return false;
  return !prepared.stems.has(stemWord(word, prepared.language));
}

/**
 * Claim names missing from the evidence window while the source puts another name in their slot,
 * right before the claim word that follows the name (`Iran supplied` ↔ `Iraq supplied`, `Maria
 * Zakharova called` ↔ `Mikhail Zakharov called`): the passage says it of someone else.
 */
export function findNameConflicts(claim: string, prepared: PreparedClaim, found: LayerText, w: Window,
  present: ReadonlySet<number>): { claim: string; source: string }[] {
  const text = normalize(claim).text;
  const { norm, scan } = found;
  const out: { claim: string; source: string }[] = [];
  prepared.phrases.forEach((p, i) => {
    if (p.kind !== 'name' || present.has(i)) return;
    const namesake = findNamesake(found, prepared.names.get(i) ?? [], w);
    if (namesake) { out.push({ claim: p.text, source: namesake }); return; }
    const name = normalize(p.text).text;
    const at = text.indexOf(name);
    const next = at < 0 ? undefined : /^ ([\p{L}\p{N}]+)/u.exec(text.slice(at + name.length))?.[1];
    if (!next || STOP_WORDS.has(next)) return;
    const stem = stemWord(next, prepared.language);
    const slot = prepared.phrases.findIndex((q, j) => q.kind === 'word' && j !== i && stemWord(normalize(q.text).text, prepared.language) === stem);
    for (const pos of found.positions[slot] ?? []) {
      const k = pos - 1;
      if (pos < w.from || pos > w.to || k < 0 || norm.text.slice(scan.ends[k] ?? 0, scan.starts[pos] ?? 0) !== ' ') continue;
      const parts = prepared.names.get(i) ?? [];
      const surname = parts.length > 1 && namesMatch(parts.at(-1) ?? '', tokenText(norm.text, scan, k));
      // `Akhmat Kadyrov met` for `Ramzan Kadyrov met`: the same surname with another first name
      if (!(surname ? otherFirstName(found, k, parts.slice(0, -1)) : isOtherName(found, prepared, k))) continue;
      out.push({ claim: p.text, source: nameRunAt(found, k) });
      return;
    }
  });
  return out;
}

/** The capitalised run (up to three words) ending at token k, as the source wrote it. */
function nameRunAt(layer: Omit<LayerText, 'positions'>, k: number): string {
  const { norm, scan } = layer;
  let first = k;
  while (first > 0 && k - first < 2 && capitalAt(layer, first - 1) && !STOP_WORDS.has(tokenText(norm.text, scan, first - 1))
    && !TITLES.has(tokenText(norm.text, scan, first - 1)) && norm.text.slice(scan.ends[first - 1] ?? 0, scan.starts[first] ?? 0) === ' ') first--;
  return sliceOriginal(layer.original, norm, scan.starts[first] ?? 0, scan.ends[k] ?? 0);
}

/**
 * Another person with the claim's family name in the window: the feminine or masculine form
 * (`Zakharov` for `Zakharova`), or the surname with another first name (`Mikhail Zakharov, an
 * analyst,` for `Maria Zakharova`).
 */
function findNamesake(layer: Omit<LayerText, 'positions'>, parts: readonly string[], w: Window): string | undefined {
  const surname = parts.at(-1);
  if (!surname || surname.length < 4) return undefined;
  const given = parts.slice(0, -1).filter((g) => g.length > 0 && !STOP_WORDS.has(g));
  // the window starts at the claim's first word found: its sentence may name the person before it
  let from = Math.max(0, w.from);
  while (from > 0 && w.from - from < 30 && !endsSentence(layer, from - 1)) from--;
  for (let k = from; k <= w.to && k < layer.scan.count; k++) {
    const word = tokenText(layer.norm.text, layer.scan, k);
    if (!capitalAt(layer, k) || word.length < 4) continue;
    const other = isGenderedVariant(surname, word) && !namesMatch(surname, word);
    if (other || (given.length > 0 && namesMatch(surname, word) && otherFirstName(layer, k, given))) return nameRunAt(layer, k);
  }
  return undefined;
}
