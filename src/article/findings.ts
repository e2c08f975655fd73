// Self-check of the article against its own reference list: back-link counts, orphans, strays.
import type { Finding, ListedReference } from '../types.js';

/**
 * No claim at all is a finding, not a pass: an article that is only a reference list (or whose
 * markers were lost in copying) verifies nothing, and --fail-on makes the run fail on it.
 */
export function checkClaims(claims: number, references: readonly ListedReference[]): Finding[] {
  if (claims > 0) return [];
  const listed = references.length > 0 ? `its reference list has ${references.length} row(s), but ` : '';
  return [{ kind: 'no-claims', message: `no claims found: ${listed}no sentence of the body carries a footnote marker` }];
}

/** `markers` holds every footnote number the body's markers carry, with its line, once per use. */
export function checkReferenceList(
  markers: { ref: number; line: number }[],
  references: ListedReference[],
): Finding[] {
  const uses = new Map<number, number>();
  const firstLine = new Map<number, number>();
  for (const m of markers) {
    uses.set(m.ref, (uses.get(m.ref) ?? 0) + 1);
    if (!firstLine.has(m.ref)) firstLine.set(m.ref, m.line);
  }
  const findings: Finding[] = [];
  const listed = new Set(references.map((r) => r.id));
  for (const ref of references) {
    const found = uses.get(ref.id) ?? 0;
    if (found === 0) {
      findings.push({ kind: 'reference-never-cited', ref: ref.id, line: ref.line,
        message: `reference ${ref.id} is in the list but no [${ref.id}] marker cites it` });
    } else if (found !== ref.uses) {
      findings.push({ kind: 'uses-mismatch', ref: ref.id, line: ref.line,
        message: `reference ${ref.id} lists ${ref.uses} use(s) but the body has ${found} [${ref.id}] marker(s)` });
    }
  }
  for (const [ref, line] of [...firstLine].sort((a, b) => a[0] - b[0])) {
    if (!listed.has(ref)) {
      findings.push({ kind: 'marker-without-reference', ref, line,
        message: `marker [${ref}] has no entry in the article's reference list` });
    }
  }
  return findings;
}
