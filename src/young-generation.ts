// The young generation's size during a verify: small, and kept there (main thread and reading threads).
import v8 from 'node:v8';

/** Set by the CLI's verify command as it starts; reading threads see it in their copy of the environment. */
const ASKED = 'CITECHECK_BOUND_YOUNG_GENERATION';

function setFlags(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  v8.setFlagsFromString('--min-semi-space-size=4');
}

/**
 * V8 doubles a young generation's two semi-spaces each time enough objects have survived scavenges,
 * up to 16 MB each on the main thread (Node 20; more on Node 24): a fetch stage keeps every response
 * in flight alive across scavenges, so the main thread's young generation ends at its largest, ~32 MB
 * of RSS that holds mostly garbage. A growth factor of 1 keeps it at its first size; an isolate
 * started later (a reading thread) begins at the minimum given here, which its limit (read-pool.ts
 * readerLimits: 8 MB, two 4 MB semi-spaces) also makes its largest. Set once the articles were
 * parsed instead, it saved nothing: parsing bench:verify's 2,000-claim article had grown it already.
 * Whole verify (drive3, alternating pairs, load 2.5–3.8): 2,000 small pages 215 → 188–192 MB peak RSS,
 * CPU 6.05–6.15 → 6.09–6.40 s; 2,000 news pages 241–253 → 220–222 MB at the same CPU; 10,000 sources
 * 309 → 275 MB, 24.2 → 24.4 s of CPU (an earlier pair: +4–12 %, the main thread scavenging more
 * often); Node 24, 2,000 small pages 291 → 247 MB at the same CPU.
 * A very large article parses slower with it (a 600 KB Markdown file 12–17 %, wikitext ~12 %), so
 * `extract` does not set it. Process-wide flags: only the CLI asks (a library caller's process is left alone).
 */
export function boundYoungGeneration(): void {
  process.env[ASKED] = '1';
  setFlags();
}

/**
 * In a reading thread: Node 20's V8 puts the growth factor back to 2 whenever an isolate starts (set
 * it, start a Worker, and the main thread's new space grows 2 → 32 MB), so each thread sets it again
 * as it starts, when the CLI asked for it.
 */
export function keepYoungGenerationBound(): void {
  if (process.env[ASKED] === '1') setFlags();
}
