// `citecheck verify`: flags → inputs → verify() → report files → summary → exit code.
import path from 'node:path';
import { readArticle } from '../article/read.js';
import { loadReferences } from '../config/load.js';
import { InputError } from '../errors.js';
import { createProgress, shouldShowProgress } from '../progress.js';
import { exitCodeFor } from '../report/build.js';
import { appendStepSummary, githubAnnotations } from '../report/github.js';
import { renderMarkdown } from '../report/markdown.js';
import { formatsToFiles, parseFormats, writeReports } from '../report/write.js';
import { printSummary } from './summary.js';
import { parseVerdicts, positiveInt, positiveNumber } from './options.js';
import { verify } from '../verify.js';

export interface VerifyFlags {
  refs: string;
  out: string;
  format: string;
  failOn: string;
  timeout: string;
  concurrency: string;
  perHost: string;
  retries: string;
  maxSize: string;
  userAgent?: string;
  allowPrivateHosts?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

export async function runVerify(articleArg: string | undefined, flags: VerifyFlags, toolVersion: string): Promise<number> {
  const formats = parseFormats(flags.format);
  const failOn = parseVerdicts(flags.failOn, '--fail-on');
  const { config, articlePath } = await loadReferences(flags.refs);
  const file = articleArg ?? articlePath;
  if (!file) {
    throw new InputError(`no article given and ${flags.refs} names none`,
      'pass the article file (citecheck verify ARTICLE) or add "article" to references.json');
  }
  const article = await readArticle(file);
  const progress = createProgress({
    stream: process.stderr, enabled: shouldShowProgress(process.stderr, process.env, flags.quiet ?? false),
  });
  const { report } = await verify({
    article,
    references: config.references,
    toolVersion,
    failOn,
    fetch: {
      timeoutMs: positiveNumber(flags.timeout, '--timeout') * 1000,
      concurrency: positiveInt(flags.concurrency, '--concurrency'),
      perHost: positiveInt(flags.perHost, '--per-host'),
      retries: positiveInt(flags.retries, '--retries', 0),
      maxBytes: Math.round(positiveNumber(flags.maxSize, '--max-size') * 1024 * 1024),
      allowPrivateHosts: flags.allowPrivateHosts ?? false,
      ...(flags.userAgent ? { userAgent: flags.userAgent } : {}),
      onProgress: (p) => progress.update({
        done: p.done, total: p.total, inFlight: p.inFlight, slowestHost: p.slowest?.host, slowestMs: p.slowest?.elapsedMs,
      }),
    },
  });
  progress.done();
  const written = await writeReports(flags.out, formatsToFiles(report, formats, failOn));
  if (process.env.GITHUB_ACTIONS === 'true') {
    for (const line of githubAnnotations(report, failOn)) process.stdout.write(`${line}\n`);
    await appendStepSummary(renderMarkdown(report));
  }
  if (!flags.quiet) printSummary(report, written.map((w) => path.relative(process.cwd(), w) || w), flags.verbose ?? false);
  return exitCodeFor(report, failOn);
}
