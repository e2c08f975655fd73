// Folding one run's checks into the history: IABot-style strikes, recovery and content drift (pure).
import type { LinkStatus } from '../types.js';
import { CHECK_EFFECT, checkEffect, resolveRules, type RotRules } from './rules.js';
import type { CheckEntry, History, UrlHistory } from './schema.js';

/** What one run learnt about one cited URL. */
export interface SourceCheck {
  url: string;
  ref?: number;
  linkStatus: LinkStatus;
  httpStatus?: number;
  finalUrl?: string;
  textFingerprint?: string;
  matchedPhrases?: string[];
}

export interface BrokenChange {
  url: string;
  refs: number[];
  linkStatus: LinkStatus;
  strikes: number;
  /** ISO time of the first failed check since the last success. */
  since: string;
}

export interface RecoveredChange {
  url: string;
  refs: number[];
  linkStatus: LinkStatus;
  /** Strikes the URL had before this run. */
  strikesBefore: number;
  brokenSince: string;
}

export interface DriftChange {
  url: string;
  refs: number[];
  /** Phrases found at `previousAt` that the page no longer contains. */
  lostPhrases: string[];
  previousAt: string;
}

export interface RunChanges {
  at: string;
  /** First strike this run (the URL was healthy or unknown before). */
  newlyBroken: BrokenChange[];
  /** Failed this run and was already failing (not those that crossed into newlyDead this run). */
  stillBroken: BrokenChange[];
  /** Was failing (≥1 strike, or rot-dead), now ok/redirected: strikes reset. */
  recovered: RecoveredChange[];
  drifted: DriftChange[];
  /** Checked this run and now exactly one strike short of dead. */
  aboutToDie: BrokenChange[];
  /** Crossed strikesToDead this run. */
  newlyDead: BrokenChange[];
}

type Fold = { history: History; changes: RunChanges };

/**
 * The last fold of each run object, by the identity of its inputs: verify folds the run into the
 * history it loaded (for the report's changes), then the store folds the same run into the same
 * history object again when nothing was committed in between. The second is answered from here.
 */
const folds = new WeakMap<object, { h: History; checks: readonly SourceCheck[]; length: number; at: number; rules?: Partial<RotRules>; fold: Fold }>();

/**
 * Adds one run to the history. Pure: the clock is `run.at`, the input history is not touched. The
 * same unchanged inputs (the same objects) give the same result object: callers must not mutate it.
 */
export function recordRun(h: History, run: { at: Date; checks: SourceCheck[] }, rules?: Partial<RotRules>): Fold {
  const last = folds.get(run);
  if (last && last.h === h && last.checks === run.checks && last.length === run.checks.length
    && last.at === run.at.getTime() && last.rules === rules) return last.fold;
  const fold = foldRun(h, run, rules);
  folds.set(run, { h, checks: run.checks, length: run.checks.length, at: run.at.getTime(), ...(rules ? { rules } : {}), fold });
  return fold;
}

function foldRun(h: History, run: { at: Date; checks: SourceCheck[] }, rules?: Partial<RotRules>): Fold {
  const r = resolveRules(rules);
  const at = run.at.toISOString();
  const changes: RunChanges = {
    at, newlyBroken: [], stillBroken: [], recovered: [], drifted: [], aboutToDie: [], newlyDead: [],
  };
  const urls: Record<string, UrlHistory> = { ...h.urls };
  for (const check of mergeChecksByUrl(run.checks)) {
    const prev = Object.hasOwn(urls, check.url) ? urls[check.url] : undefined;
    // defineProperty, not assignment: a cited "URL" spelled __proto__ must stay a plain key.
    Object.defineProperty(urls, check.url, {
      value: applyCheck(prev, check, run.at, r, changes), enumerable: true, writable: true, configurable: true,
    });
  }
  const dead = new Set(changes.newlyDead.map((d) => d.url));
  changes.stillBroken = changes.stillBroken.filter((b) => !dead.has(b.url));
  return { history: { version: h.version, updatedAt: at, urls }, changes };
}

/**
 * "Did something newly break?" — the exit-code question for a scheduled job. `dead` (default):
 * a URL crossed the strike threshold or a source drifted away from its claim; a first strike alone
 * may be a blip, which is exactly what the strike rule exists to absorb. `broken`: also fail on a
 * first strike, for jobs that want the early warning. Recoveries are good news, never a failure.
 */
export function hasNews(changes: RunChanges, level: 'dead' | 'broken' = 'dead'): boolean {
  if (changes.newlyDead.length > 0 || changes.drifted.length > 0) return true;
  return level === 'broken' && changes.newlyBroken.length > 0;
}

interface MergedCheck extends SourceCheck {
  refs: number[];
}

/**
 * One URL cited by several footnotes is one fetch: merge refs and the phrases matched for each.
 * Sets, not array scans: a URL cited by thousands of footnotes stays linear.
 */
function mergeChecksByUrl(checks: readonly SourceCheck[]): MergedCheck[] {
  const byUrl = new Map<string, { check: SourceCheck; refs: Set<number>; phrases?: Set<string> }>();
  for (const c of checks) {
    let seen = byUrl.get(c.url);
    if (!seen) {
      seen = { check: { ...c }, refs: new Set() };
      byUrl.set(c.url, seen);
    }
    if (c.ref !== undefined) seen.refs.add(c.ref);
    if (c.matchedPhrases) {
      seen.phrases ??= new Set();
      for (const p of c.matchedPhrases) seen.phrases.add(p);
    }
    seen.check.textFingerprint ??= c.textFingerprint;
  }
  return [...byUrl.values()].map(({ check, refs, phrases }) => ({
    ...check, refs: [...refs].sort((a, b) => a - b), ...(phrases ? { matchedPhrases: [...phrases] } : {}),
  }));
}

function applyCheck(
  prev: UrlHistory | undefined,
  check: MergedCheck,
  at: Date,
  rules: RotRules,
  changes: RunChanges,
): UrlHistory {
  const base: UrlHistory = prev ?? { url: check.url, refs: [], checks: [], strikes: 0, rotDead: false };
  const entry = toEntry(check, at);
  const refs = check.refs.length > 0 ? check.refs : base.refs;
  const drift = detectDrift(base.checks, entry);
  if (drift) changes.drifted.push({ url: check.url, refs, ...drift });
  const next: UrlHistory = { ...base, refs, checks: [...base.checks, entry].slice(-rules.keepChecks) };

  const effect = checkEffect(check);
  if (effect === 'reset') return resetStrikes(next, base, check, changes);
  if (effect === 'strike') addStrike(next, base, check, at, rules, changes);
  const since = next.firstFailedAt;
  if (next.strikes > 0 && next.strikes === rules.strikesToDead - 1 && since) {
    changes.aboutToDie.push(broken(next, check.linkStatus, since));
  }
  return next;
}

function resetStrikes(next: UrlHistory, base: UrlHistory, check: MergedCheck, changes: RunChanges): UrlHistory {
  if ((base.strikes > 0 || base.rotDead) && base.firstFailedAt) {
    changes.recovered.push({
      url: next.url, refs: next.refs, linkStatus: check.linkStatus,
      strikesBefore: base.strikes, brokenSince: base.firstFailedAt,
    });
  }
  const { firstFailedAt: _f, lastStrikeAt: _l, deadSince: _d, ...rest } = next;
  return { ...rest, strikes: 0, rotDead: false };
}

/** Mutates `next` (a fresh copy): a failure adds a strike only ≥ minHours after the previous one. */
function addStrike(
  next: UrlHistory, base: UrlHistory, check: MergedCheck, at: Date, rules: RotRules, changes: RunChanges,
): void {
  const iso = at.toISOString();
  if (base.strikes === 0 || !base.lastStrikeAt || !base.firstFailedAt) {
    next.strikes = 1;
    next.firstFailedAt = iso;
    next.lastStrikeAt = iso;
    changes.newlyBroken.push(broken(next, check.linkStatus, iso));
  } else {
    const hours = (at.getTime() - Date.parse(base.lastStrikeAt)) / 3_600_000;
    if (hours >= rules.minHoursBetweenStrikes) {
      next.strikes = base.strikes + 1;
      next.lastStrikeAt = iso;
    }
    changes.stillBroken.push(broken(next, check.linkStatus, base.firstFailedAt));
  }
  if (next.strikes >= rules.strikesToDead && !base.rotDead) {
    next.rotDead = true;
    next.deadSince = iso;
    changes.newlyDead.push(broken(next, check.linkStatus, next.firstFailedAt ?? iso));
  }
}

/**
 * Drift needs both signals: the text changed (fingerprint) AND a phrase the page used to contain
 * is gone. Compared with the latest earlier readable check that carried both, so a drift is
 * reported once, not every week after.
 */
function detectDrift(
  earlier: readonly CheckEntry[], current: CheckEntry,
): { lostPhrases: string[]; previousAt: string } | undefined {
  if (CHECK_EFFECT[current.linkStatus] !== 'reset' || !current.fingerprint || !current.matchedPhrases) return undefined;
  const previous = earlier.findLast(
    (c) => CHECK_EFFECT[c.linkStatus] === 'reset' && c.fingerprint !== undefined && c.matchedPhrases !== undefined,
  );
  if (!previous?.matchedPhrases || previous.fingerprint === current.fingerprint) return undefined;
  const now = new Set(current.matchedPhrases);
  const lostPhrases = previous.matchedPhrases.filter((p) => !now.has(p));
  return lostPhrases.length > 0 ? { lostPhrases, previousAt: previous.at } : undefined;
}

function toEntry(check: MergedCheck, at: Date): CheckEntry {
  const entry: CheckEntry = { at: at.toISOString(), linkStatus: check.linkStatus };
  if (check.httpStatus !== undefined) entry.httpStatus = check.httpStatus;
  if (check.finalUrl !== undefined) entry.finalUrl = check.finalUrl;
  if (check.textFingerprint !== undefined) entry.fingerprint = check.textFingerprint;
  if (check.matchedPhrases !== undefined) entry.matchedPhrases = unique(check.matchedPhrases);
  return entry;
}

function broken(u: UrlHistory, linkStatus: LinkStatus, since: string): BrokenChange {
  return { url: u.url, refs: u.refs, linkStatus, strikes: u.strikes, since };
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}
