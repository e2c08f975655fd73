// Matching cost against page size: MB/s of page text for one claim at 100 KB, 1 MB and 5 MB.
import { extractKeyPhrases } from '../src/judge/phrases.js';
import { forgetLayers } from '../src/judge/find.js';
import { matchClaim } from '../src/judge/match.js';
import type { Page } from '../src/types.js';

const CLAIM = 'Khaled Mashal said on 7 October 2023 that Hamas "would never recognise Israel", as 1,200 people were killed.';

const FILLER = [
  'The regional council met on Tuesday to discuss the budget for road repairs and school buildings.',
  'Officials said the new bus timetable would take effect in the spring, after a consultation with residents.',
  'Государственная дума приняла закон о бюджете на следующий год во втором чтении.',
  'Temperatures are expected to fall below zero overnight, with snow likely on higher ground.',
  'A spokesperson for the ministry declined to comment on the report, citing an ongoing review.',
  'Shares in the company rose 3.4% after it reported better than expected quarterly results.',
];

/** A page of `bytes` characters: filler sentences with the evidence once in the middle. */
function makePage(bytes: number): Page {
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const s = FILLER[i++ % FILLER.length] ?? '';
    parts.push(s);
    size += s.length + 1;
    if (i % 40 === 0) parts.push('\n');
  }
  parts.splice(parts.length >> 1, 0,
    'Khaled Meshaal said on 7 October 2023 that the movement “would never recognise Israel”; about 1,200 people were killed.');
  const text = parts.join(' ');
  return { contentType: 'text/html', charset: 'utf-8', language: 'en', signals: {},
    layers: [{ layer: 'main', text }, { layer: 'page', text: `Home News Sport ${text} Footer` }] };
}

/** A claim the page does not hold: every layer, the page layer included, is scanned. */
const ABSENT = 'The mayor of Lyon resigned on 3 March 2019 after 2,345 residents signed a petition against the tram line.';

/** Cold: the page's normalised layers are not cached (the first claim citing a page). */
function measure(bytes: number, claim: string, label: string, cold = true): void {
  const page = makePage(bytes);
  const phrases = extractKeyPhrases(claim);
  const chars = page.layers.reduce((a, l) => a + l.text.length, 0);
  matchClaim(claim, phrases, page); // warm up caches and JIT
  const runs = bytes >= 5_000_000 ? 5 : bytes >= 1_000_000 ? 9 : 41;
  const times: number[] = [];
  let score = 0;
  for (let r = 0; r < runs; r++) {
    if (cold) forgetLayers();
    const started = process.hrtime.bigint();
    score = matchClaim(claim, phrases, page).score;
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  // the median: other processes share this machine's two cores
  const seconds = times.sort((a, b) => a - b)[runs >> 1] ?? 0;
  const mb = chars / 1e6;
  console.log(`${label.padEnd(7)} ${(bytes / 1000).toFixed(0).padStart(5)} KB page (${mb.toFixed(2)} MB of text in main + page layers): ` +
    `${(seconds * 1000).toFixed(1).padStart(7)} ms per match (median of ${runs}), ${(mb / seconds).toFixed(1).padStart(6)} MB/s, score ${score}`);
}

if (process.argv[2] !== 'absent') for (const bytes of [100_000, 1_000_000, 5_000_000]) measure(bytes, CLAIM, 'found');
for (const bytes of [100_000, 1_000_000, 5_000_000]) measure(bytes, ABSENT, 'absent');
// later claims citing the same page reuse its normalised layers (within an 8M-character budget)
measure(1_000_000, ABSENT, 'cached', false);
