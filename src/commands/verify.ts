// `citecheck verify`: flags → inputs → verify() → report files, history, WARC → summary → exit code.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { checkRegularFile } from '../article/read.js';
import { historyLocation, openHistoryAt } from '../history/file.js';
import type { HistoryStore } from '../history/sqlite.js';
import { DEFAULT_HISTORY_KEEP, parseHistoryKeep } from '../history/keep.js';
import { createProgress, shouldShowProgress } from '../progress.js';
import { parseFormats } from '../report/formats.js';
import type { ReadBudget } from '../page/budget.js';
import { fetchSources, type FetchOptions } from '../sources/fetch.js';
import { verifyRun } from '../verify.js';
import { articleKey, defaultReviewsPath } from '../review/place.js';
import type { Review } from '../review/schema.js';
import { loadArticles, withUnread, type InputFlags } from './articles.js';
import { parseVerdicts, positiveInt, positiveNumber } from './options.js';
import { prepareOutputs, writing } from './outputs.js';
import { printErr, printOut } from '../terminal.js';
import { checkWikiFlags, wikiReader, type WikiFlags } from './wiki-input.js';
import { boundYoungGeneration } from '../young-generation.js';

export interface VerifyFlags extends InputFlags, WikiFlags {
  out: string;
  format: string;
  failOn: string;
  timeout: string;
  concurrency: string;
  workers?: string;
  perHost: string;
  retries: string;
  maxSize: string;
  readBudget: string;
  maxDepth: string;
  pdfMaxPages: string;
  userAgent?: string;
  allowPrivateHosts?: boolean;
  /** A path, `false` for --no-history, undefined for the default `<out>/history.db`. */
  history?: string | boolean;
  /** How long checks are kept: `365d`, `52w`, `2y`, `all`. */
  historyKeep?: string;
  archive?: boolean;
  waybackUrl?: string;
  changedOnly?: boolean;
  warc?: string;
  replay?: string;
  reviews?: string;
  queue?: string;
  resume?: string;
  quiet?: boolean;
  verbose?: boolean;
  wikiApi?: string;
  revision?: string;
}

function fetchOptions(flags: VerifyFlags): Partial<FetchOptions> {
  return {
    timeoutMs: positiveNumber(flags.timeout, '--timeout') * 1000,
    concurrency: positiveInt(flags.concurrency, '--concurrency'),
    perHost: positiveInt(flags.perHost, '--per-host'),
    retries: positiveInt(flags.retries, '--retries', 0),
    maxBytes: Math.round(positiveNumber(flags.maxSize, '--max-size') * 1024 * 1024),
    allowPrivateHosts: flags.allowPrivateHosts ?? false,
    ...(flags.userAgent ? { userAgent: flags.userAgent } : {}),
  };
}

function readOptions(flags: VerifyFlags): ReadBudget {
  return {
    timeMs: positiveNumber(flags.readBudget, '--read-budget') * 1000,
    maxDepth: positiveInt(flags.maxDepth, '--max-depth'),
    pdfMaxPages: positiveInt(flags.pdfMaxPages, '--pdf-max-pages'),
    maxTextChars: Math.round(positiveNumber(flags.maxSize, '--max-size') * 1024 * 1024),
  };
}

export async function runVerify(args: readonly string[], flags: VerifyFlags, toolVersion: string): Promise<number> {
  const formats = parseFormats(flags.format);
  const failOn = parseVerdicts(flags.failOn, '--fail-on');
  // A replay re-reads old evidence: it must never add strikes to (or clear them from) the history.
  const historyAt = flags.history === false || flags.replay ? undefined
    : historyLocation(typeof flags.history === 'string' ? flags.history : undefined, flags.out);
  const keepMs = parseHistoryKeep(flags.historyKeep ?? DEFAULT_HISTORY_KEEP);
  if (flags.changedOnly && !historyAt) {
    throw new InputError('--changed-only needs a history', flags.replay ? 'a replay keeps no history: drop --changed-only' : 'drop --no-history');
  }
  const baseFetch = fetchOptions(flags);
  const read = readOptions(flags);
  const workers = flags.workers === undefined ? 'auto' : positiveInt(flags.workers, '--workers', 0);
  checkWikiFlags(args, flags);
  // A verify's garbage is short-lived (responses in flight, each article's parse): a small young generation, kept small.
  boundYoungGeneration();
  const { articles, unread } = await loadArticles(args, flags, 'verify', wikiReader(flags, baseFetch.timeoutMs));
  // Review decisions are keyed by the article's path relative to the reviews file (a fetched article: its URL).
  const reviews = await Promise.all(articles.map((a) => loadArticleReviews(a.article.path, flags.reviews)));
  await prepareOutputs({ dirs: [flags.out], files: [...(historyAt ? [historyAt.database] : []), ...(flags.warc ? [flags.warc] : [])] });
  // Opened once the first requests are in flight (the pipeline asks for it then), not before them: a
  // damaged or newer database still stops the run, before any page is read or another request starts.
  let history: HistoryStore | undefined;
  const openHistory = historyAt && (async () => (history = await openHistoryAt(historyAt, {
    ...(keepMs === undefined ? {} : { keepMs }),
    notify: (line) => { if (!flags.quiet) printErr(`citecheck: ${line}\n`); },
  })));
  // A FIFO as the WARC would block the stream forever: only a regular file is replayed.
  if (flags.replay) await checkRegularFile(flags.replay, 'WARC file to replay');
  const replay = flags.replay ? await (await import('../sources/warc.js')).readWarc(flags.replay) : undefined;
  const showProgress = shouldShowProgress(process.stderr, process.env, flags.quiet ?? false);
  const progress = createProgress({ stream: process.stderr, enabled: showProgress });
  // No progress line, no per-request bookkeeping in the fetch stage.
  const fetch: Partial<FetchOptions> = showProgress ? {
    ...baseFetch,
    onProgress: (p) => progress.update({
      done: p.done, total: p.total, inFlight: p.inFlight, slowestHost: p.slowest?.host, slowestMs: p.slowest?.elapsedMs,
    }),
  } : baseFetch;
  // BullMQ and ioredis load only for fleet runs.
  const fleet = flags.queue === undefined && flags.resume === undefined ? undefined : (await import('./fleet.js')).verifyFleet(flags, baseFetch, read, flags.warc !== undefined, (done, total) => progress.update({ done, total, inFlight: 0 }));
  // The WARC is written as responses arrive (a temp file until the run ends), so no body waits in memory for it.
  const { warc } = flags;
  const evidence = warc === undefined ? undefined
    : await writing(warc, async () => (await import('../sources/warc.js')).openWarc(warc, { software: `citecheck/${toolVersion}` }));
  // Interrupted, the run leaves no half-written WARC beside the target (the file there before stays).
  const stopWriting = evidence && onInterrupt(() => evidence.discardNow());
  const result = await verifyRun({
    articles, toolVersion, failOn, fetch, read, workers, keepBodies: false,
    ...(evidence ? { evidence: evidence.add } : {}),
    ...(fleet ? { sourceStage: fleet.stage } : {}),
    ...(replay ? { replay } : {}),
    ...(openHistory ? { history: openHistory } : {}),
    ...(flags.archive || replay
      ? { archive: (await import('./archive.js')).archiveStep({ fetch: baseFetch, replay, lookups: flags.archive === true && !replay, out: flags.out, waybackUrl: flags.waybackUrl }) }
      : {}),
  }).catch(async (error: unknown) => { await evidence?.discard(); stopWriting?.(); throw error; });
  progress.done();
  // Evidence first: it is what the reports are based on.
  if (evidence && warc !== undefined) await writing(warc, () => evidence.close()).finally(stopWriting);
  // What builds, writes and prints the reports loads once the run is done, not before the first request.
  const [{ buildRunReport, runExitCode }, { applyReviews }, { renderFailureError, reportFiles, writeReportSet }] = await Promise.all([
    import('../report/run.js'), import('../review/apply.js'), import('../report/write.js'),
  ]);
  const report = buildRunReport(result.articles.map((a, i) => {
    const decided = reviews[i];
    return decided ? applyReviews(a.report, decided).report : a.report;
  }), result.changes);
  const { written, failed } = await writing(`reports in ${flags.out}`, () => writeReportSet(flags.out, reportFiles(report, formats, failOn)));
  await fleet?.cleanup();
  const store = history;
  if (store && result.run) {
    const { run } = result;
    // One transaction against the state as it is now: a concurrent run's checks are kept, not overwritten.
    await writing(store.file, async () => store.record(run));
  }
  store?.close();
  // A renderer's bug costs its own format only: the other reports and the history are written first.
  if (failed.length > 0) throw renderFailureError(failed);
  const [{ renderChanges }, { renderMarkdown }] = await Promise.all([import('../report/changes.js'), import('../report/markdown.js')]);
  if (process.env.GITHUB_ACTIONS === 'true') {
    const { appendStepSummary, githubAnnotations } = await import('../report/github.js');
    for (const line of githubAnnotations(report, failOn)) printOut(`${line}\n`);
    // A broken step-summary path is the runner's problem: warn, keep the run's verdict.
    await appendStepSummary(flags.changedOnly && report.changes ? renderChanges(report.changes) : renderMarkdown(report))
      .catch((e: unknown) => printErr(`citecheck: warning: cannot append to GITHUB_STEP_SUMMARY: ${String(e)}\n`));
  }
  const shown = written.map((w) => path.relative(process.cwd(), w) || w);
  if (flags.changedOnly) {
    const text = report.changes ? renderChanges(report.changes, { plain: true }) : 'Offline run: nothing recorded.\n';
    if (!flags.quiet) printOut(`${text}\nreports: ${shown.join(', ')}\n`);
    return withUnread(report.changes?.news ? 1 : 0, unread);
  }
  if (!flags.quiet) (await import('./summary.js')).printSummary(report, shown, failOn, flags.verbose ?? false);
  return withUnread(runExitCode(report, failOn), unread);
}


/** Until the returned function is called, SIGINT and SIGTERM run `cleanUp` and exit as the signal would (130, 143). */
function onInterrupt(cleanUp: () => void): () => void {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => { cleanUp(); process.exit(signal === 'SIGINT' ? 130 : 143); };
    process.once(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((off) => off());
}

/** The decisions for this article: from --reviews (must exist), else the file beside it (for a URL, ./); undefined without one. */
async function loadArticleReviews(articlePath: string, given: string | undefined): Promise<Review[] | undefined> {
  const file = given ?? defaultReviewsPath(articlePath);
  // The reviews module (its schema) loads only when there is a file to read.
  if (given === undefined && !existsSync(file)) return undefined;
  const { loadReviews } = await import('../review/file.js');
  const loaded = await loadReviews(file, { optional: given === undefined });
  const key = articleKey(file, articlePath);
  return loaded?.reviews.filter((r) => r.article === key);
}
