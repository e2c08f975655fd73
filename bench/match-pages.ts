// Matching cost on bench:verify's pages: CPU per claim on small and ~80 KB news pages, read once, matched as verify does.
//   npm run bench:match-pages                                         (this build)
//   node build/bench/bench/match-pages.js --baseline /tmp/base/build/bench [--build /tmp/new/build/bench]
//        another build's matcher beside this one (e.g. main's `npm run bench:build` output): 20 pages at a time,
//        which goes first alternating, so the load of a shared machine falls on both alike; prints the ratio
//        and whether every result is identical. --build measures a copy of this build from another folder:
//        the one that reads the pages runs warmer or colder (an A/A run here showed up to 14 % on small pages).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readPage } from '../src/page/read.js';
import type { ClaimMatch } from '../src/judge/match.js';
import type { MatchAsk } from '../src/read-task.js';
import type { Page, SourceFetch } from '../src/types.js';
import { claimOf, newsPage, smallPage } from './verify-input.js';

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '7' },
    baseline: { type: 'string' },
    /** The build measured (default this one); another folder keeps it apart from the build that reads the pages. */
    build: { type: 'string' },
    /** `small`, `news` or both (comma-separated). */
    kinds: { type: 'string', default: 'small,news' },
  },
});

interface Matcher {
  label: string;
  matchAsks: (page: Page, asks: readonly MatchAsk[], url: string) => ClaimMatch[];
  forgetLayers: () => void;
}

async function loadMatcher(label: string, root: string): Promise<Matcher> {
  const source = (await import(path.join(root, 'src/read-source.js'))) as Pick<Matcher, 'matchAsks'>;
  const find = (await import(path.join(root, 'src/judge/find.js'))) as Pick<Matcher, 'forgetLayers'>;
  return { label, matchAsks: source.matchAsks, forgetLayers: find.forgetLayers };
}

interface Case { page: Page; asks: MatchAsk[]; url: string }

async function readCases(kind: 'small' | 'news', count: number): Promise<Case[]> {
  const cases: Case[] = [];
  for (let i = 1; i <= count; i++) {
    const url = `http://127.0.0.${1 + (i % 200)}:8080/item/${i}`;
    const html = kind === 'news' ? newsPage(i, url) : smallPage(i);
    const f: SourceFetch = { url, finalUrl: url, redirects: [], attempts: 1, elapsedMs: 0,
      outcome: { kind: 'response', status: 200, headers: { 'content-type': 'text/html; charset=utf-8' },
        body: new TextEncoder().encode(html), truncated: false } };
    const page = await readPage(f);
    if (page) cases.push({ page, url, asks: [{ text: claimOf(i), before: i > 1 ? claimOf(i - 1) : '' }] });
  }
  return cases;
}

/** Each page's claims matched as readSource does it (the page's cached layers dropped after its claims); CPU µs. */
function run(m: Matcher, cases: readonly Case[], out?: string[]): number {
  const started = process.cpuUsage();
  for (const c of cases) {
    const matches = m.matchAsks(c.page, c.asks, c.url);
    m.forgetLayers();
    if (out) out.push(JSON.stringify(matches));
  }
  const used = process.cpuUsage(started);
  return used.user + used.system;
}

/** Pages per measurement: reading the CPU clock costs a system call, small beside 20 matches. */
const BATCH = 20;

/**
 * One pass over every page with each matcher, BATCH pages at a time, which one goes first
 * alternating: on a shared machine both see the same load. CPU ms per matcher.
 */
function pass(matchers: readonly Matcher[], cases: readonly Case[], round: number): number[] {
  const sums = matchers.map(() => 0);
  for (let from = 0; from < cases.length; from += BATCH) {
    const batch = cases.slice(from, from + BATCH);
    const order = matchers.map((_, j) => j);
    if ((round + from / BATCH) % 2 === 1) order.reverse();
    for (const j of order) { const m = matchers[j]; if (m) sums[j] = (sums[j] ?? 0) + run(m, batch); }
  }
  return sums.map((us) => us / 1000);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;

async function main(): Promise<void> {
  const here = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const matchers = [await loadMatcher('this build', args.build ? path.resolve(args.build) : here)];
  if (args.baseline) matchers.unshift(await loadMatcher('baseline', path.resolve(args.baseline)));
  const count = Number(args.pages);
  const rounds = Number(args.rounds);
  for (const kind of (['small', 'news'] as const).filter((k) => args.kinds.split(',').includes(k))) {
    const cases = await readCases(kind, count);
    const results = matchers.map((m) => { const out: string[] = []; run(m, cases, out); return out; });
    const times = matchers.map((): number[] => []);
    for (let r = 0; r < rounds; r++) pass(matchers, cases, r).forEach((ms, k) => times[k]?.push(ms));
    const perClaim = times.map((t) => median(t) / cases.length);
    const chars = cases.reduce((a, c) => a + c.page.layers.reduce((b, l) => b + l.text.length, 0), 0) / cases.length;
    console.log(`${kind} pages (${cases.length}, ${(chars / 1000).toFixed(1)} K characters of text each), one claim each, median of ${rounds} passes:`);
    matchers.forEach((m, k) => console.log(`  ${m.label.padEnd(10)} ${(perClaim[k] ?? 0).toFixed(3)} ms CPU per claim`));
    if (matchers.length === 2) {
      const same = results[0]?.every((r, k) => r === results[1]?.[k]) ?? false;
      console.log(`  this build / baseline: ${((perClaim[1] ?? 0) / (perClaim[0] ?? 1)).toFixed(2)}×; results ${same ? 'identical' : 'DIFFER'}`);
    }
  }
}

await main();
