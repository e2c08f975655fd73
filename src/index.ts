// Public API: the pipeline, each stage's entry point, and the vocabulary they share.
export * from './types.js';
export {
  verify, verifyRun, type ArticleInput, type RunInput, type RunResult, type VerifyInput, type VerifyResult,
} from './verify.js';
export { InputError, EXIT } from './errors.js';

export { ReferencesFileSchema, type Reference, type ReferencesFile } from './config/schema.js';
export { loadReferences, parseReferences } from './config/load.js';
export { parseArticle } from './article/parse.js';
export { readArticle } from './article/read.js';
export { detectFormat, parseInputFormat } from './article/detect.js';
export { expandInputs, readArticleFile, type ArticleArg } from './article/inputs.js';
export { findReferencesFile, mergeReferences, referenceFromList } from './config/article-refs.js';

export { fetchSources, DEFAULT_FETCH_OPTIONS, type FetchOptions, type FetchProgress } from './sources/fetch.js';
export { isPublicAddress } from './sources/address.js';
export { readWarc, writeWarc } from './sources/warc.js';
export { readPage } from './page/read.js';

export { judgeLink } from './judge/link.js';
export { extractKeyPhrases } from './judge/phrases.js';
export { normalize } from './judge/normalize.js';
export { matchClaim, type ClaimMatch } from './judge/match.js';
export {
  claimVerdict, judgeCitation, PARTIAL_MIN_SCORE, SUPPORTED_MIN_SCORE, VERDICT_ORDER,
} from './judge/verdict.js';

export {
  ReportSchema, RunReportSchema, ReportFileSchema, REPORT_SCHEMA_VERSION, articleViews, isRunReport,
  type Report, type RunReport, type AnyReport, type ArticleReport, type Changes,
} from './report/schema.js';
export { buildRunReport, runExitCode } from './report/run.js';
export { buildReport, exitCodeFor } from './report/build.js';
export { renderMarkdown } from './report/markdown.js';
export { renderHtml } from './report/html.js';
export { renderJunit } from './report/junit.js';
export { renderSarif } from './report/sarif.js';
export { formatsToFiles, writeReports, type ReportFormat } from './report/write.js';

export * from './history/index.js';
export * from './archive/index.js';
