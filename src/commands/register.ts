// The `verify` and `report` subcommands' flags and help; their actions are imported lazily.
import { Command, Option } from 'commander';
import { DEFAULT_MAX_INPUT_MB } from '../article/limits.js';
import { INPUT_FORMATS } from '../types.js';

const VERIFY_EXAMPLES = `
Examples:
  $ citecheck verify                                   # the article and references in ./references.json
  $ citecheck verify saved-page.html                   # a Wikipedia page: URLs come from the page itself
  $ citecheck verify article.md notes.wiki page.html   # several articles, one report, each URL fetched once
  $ citecheck verify 'docs/**/*.md' --fail-on broken   # globs are expanded by citecheck (quote them)
  $ citecheck verify docs/                             # a folder: every article in it
  $ citecheck verify notes.txt --input-format markdown # choose the reader (txt, wiki-html, wikitext, markdown, html)
  $ citecheck verify articles/x.txt --refs x.refs.json --out audit/
  $ citecheck verify --format json,md,html,junit,sarif --fail-on broken,unsupported
  $ citecheck verify --concurrency 32 --per-host 1 --timeout 10
  $ citecheck verify --workers 4                       # read pages on 4 threads (default: one per 100 URLs, at most cores less one, one per core on 1–2 cores)
  $ citecheck verify --workers 0                       # read pages on the main thread
  $ citecheck verify --read-budget 5 --pdf-max-pages 2000   # tighter time, longer PDFs
  $ citecheck verify --allow-private-hosts             # intranet sources (the guard is on by default)
  $ citecheck verify --history reports/history.db --archive --changed-only   # weekly link-rot job
  $ citecheck verify --history-keep 52w               # keep a year of checks (the default: 365d; "all" keeps every one)
  $ citecheck verify --warc evidence.warc.gz           # keep every response as evidence
  $ citecheck verify --replay evidence.warc.gz         # re-run offline with the same verdicts
  $ citecheck verify https://en.wikipedia.org/wiki/Grey_Point_Lighthouse        # fetch the latest revision
  $ citecheck verify https://en.wikipedia.org/wiki/Earth --revision 1356767710  # repeat an audit exactly
  $ citecheck verify https://wiki.example.org/wiki/Page --wiki-api https://wiki.example.org/rest.php
  $ citecheck verify --queue redis://queue.lan:6379     # fetch on a fleet of \`citecheck worker\` processes

references.json is optional: the article's own references are the base; <name>.references.json or a
references.json beside the article (or --refs) adds entries and overrides fields by id.
Exit codes: 0 no citation has a --fail-on verdict · 1 one does · 2 bad input or usage.
Verdicts: supported, partial, unsupported, unverifiable, broken, missing.`;

const REPORT_EXAMPLES = `
Examples:
  $ citecheck report reports/report.json --format html
  $ citecheck report reports/report.json --format junit,sarif --out ci/`;

export function addVerify(program: Command, version: string): void {
  program.command('verify')
    .description('fetch every cited source, judge its link and whether it supports the claim, write reports')
    .argument('[articles...]', 'article files, folders, globs or wiki page URLs (default: the "article" named in references.json)')
    .option('--refs <file>', 'references.json: adds to and overrides the article\'s own references by id (default: beside the article)')
    .option('--input-format <format>', `read every article with this reader: ${INPUT_FORMATS.join(', ')} (default: by extension and content)`)
    .option('--links-as-citations', 'Markdown and docs HTML: each inline link cites the sentence it stands in')
    .option('--out <dir>', 'folder for the report files', 'reports')
    .option('--format <list>', 'report files to write: json,md,html,junit,sarif', 'json,md,html')
    .option('--fail-on <verdicts>', 'verdicts that make the exit code 1 (or "none")', 'broken,unsupported,missing')
    .option('--timeout <seconds>', 'per request: connect, headers and body', '20')
    .option('--concurrency <n>', 'requests in flight at most', '16')
    .option('--per-host <n>', 'requests in flight per host at most', '2')
    .option('--workers <n>', 'threads that read pages as they arrive (0: the main thread, once every response is in: the least CPU; default: one per 100 URLs, at most one per core on 1–2 cores, else one per core but one)')
    .option('--retries <n>', 'retries for 429, 5xx, timeouts and resets (honouring Retry-After)', '2')
    .option('--max-size <MB>', 'read at most this much of each page (decoded)', '5')
    .option('--max-input-size <MB>', 'refuse an article or references file larger than this', String(DEFAULT_MAX_INPUT_MB))
    .option('--read-budget <seconds>', 'time to read one page (parse HTML, extract PDF text); over it the page is unreadable', '20')
    .option('--max-depth <n>', 'deepest HTML element nesting read (e.g. 1000); a deeper page is unreadable', '512')
    .option('--pdf-max-pages <n>', 'PDFs with more pages than this are not read (e.g. 500)', '500')
    .option('--wiki-api <url>', 'MediaWiki REST API of the wiki the article URL is on (default https://HOST/w/rest.php)')
    .option('--revision <n>', 'with a wiki URL: read this revision id instead of the latest (the report records it)')
    .option('--user-agent <ua>', 'User-Agent header (default: citecheck/<version> with the project URL)')
    .option('--allow-private-hosts', 'let requests reach loopback and private addresses (tests, intranets)')
    .option('--history <file>', 'link-rot history database (SQLite): a source is dead only after 3 failed checks ≥72 h apart (default <out>/history.db; a .json file is imported once into the .db beside it)')
    .option('--no-history', 'do not read or write the history')
    .option('--history-keep <age>', 'delete checks older than this from the history: 365d, 52w, 2y or all', '365d')
    .option('--archive', 'look up Wayback Machine copies for broken, blocked, paywalled or drifted sources')
    .option('--changed-only', 'with --history: report only what changed; exit 1 only when something newly broke')
    .option('--warc <file>', 'write every request and response of this run to a WARC file (.warc.gz compresses)')
    .option('--replay <file>', 'take responses from a WARC file written by --warc instead of the network')
    .option('--queue <redis-url>', 'spread the fetching over `citecheck worker` processes sharing this Redis job queue')
    .option('--resume <run-id>', 'with --queue: continue an interrupted run (same arguments) from the results already in the queue')
    .option('--reviews <file>', 'reviewers\' decisions (default: citecheck.reviews.json beside the article, if present)')
    .addOption(new Option('--wayback-url <url>', 'Wayback Machine base URL (tests use a stand-in)').hideHelp())
    .addOption(new Option('-q, --quiet', 'print nothing but errors').conflicts('verbose'))
    .option('-v, --verbose', 'list every citation in the summary, not only the problems')
    .addHelpText('after', VERIFY_EXAMPLES)
    .action(async (articles: string[], flags) => {
      const { runVerify } = await import('./verify.js');
      process.exitCode = await runVerify(articles, flags, version);
    });
}

export function addReport(program: Command): void {
  program.command('report')
    .description('re-render a saved report.json into other formats, without any network')
    .argument('<report.json>', 'a report written by citecheck verify')
    .option('--format <list>', 'json,md,html,junit,sarif', 'html')
    .option('--out <dir>', 'folder for the files (default: the report\'s folder)')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText('after', REPORT_EXAMPLES)
    .action(async (file: string, flags: { format: string; out?: string; quiet?: boolean }) => {
      const { runReport } = await import('./report.js');
      process.exitCode = await runReport(file, flags);
    });
}

const REVIEW_EXAMPLES = `
Examples:
  $ citecheck review                                   # walk the failing and partial citations of reports/report.json
  $ citecheck review audit/report.json --reviews docs/citecheck.reviews.json
  $ citecheck review --claim c1a2b3c4d --ref 3 --verdict supported --note "says it in other words, para 4"
  $ citecheck review --list                            # every decision, and which are stale
  $ citecheck review --article docs/guide.md           # a run of several articles: one article at a time

A decision holds while the source's main text, its link status and the claim's text stay as the
reviewer saw them; then the citation shows the reviewer's verdict and does not fail the run. When
any of them changes, the review is stale and citecheck's own verdict returns.`;

export function addReview(program: Command): void {
  program.command('review')
    .description('record reviewers\' decisions on citations so the next runs do not ask again')
    .argument('[report.json]', 'a report written by citecheck verify', 'reports/report.json')
    .option('--article <path>', 'for a report of several articles: the one to review, by its path in the report')
    .option('--reviews <file>', 'the decisions file (default: citecheck.reviews.json beside the article)')
    .option('--claim <id>', 'with --ref and --verdict: decide one citation without a terminal')
    .option('--ref <n>', 'the footnote number of the citation')
    .option('--verdict <verdict>', 'supported, partial, unsupported, unverifiable, broken or missing')
    .option('--note <text>', 'why: what you saw')
    .option('--reviewer <name>', 'who decides (default: $CITECHECK_REVIEWER, git user.name, the login name)')
    .option('--list', 'print the decisions for the report\'s article and whether each still holds')
    .addHelpText('after', REVIEW_EXAMPLES)
    .action(async (report: string, flags) => {
      const { runReview } = await import('./review.js');
      process.exitCode = await runReview(report, flags);
    });
}

const WORKER_EXAMPLES = `
Examples:
  $ citecheck worker --queue redis://127.0.0.1:6379
  $ citecheck worker --queue redis://:secret@queue.lan:6379/2 --hosts 32 -v
  $ citecheck worker --queue redis://queue.lan:6379 --threads 7        # an 8-core machine

A worker takes units of work (all URLs of one host) from the queue that \`citecheck verify --queue\`
fills, fetches, reads and judges them, and returns compact results (never page bodies unless the run
asked for --warc evidence). Requests in flight on one worker ≤ --hosts × the run's --per-host; one
host is only ever worked on by one worker, so --per-host holds across the fleet. A worker that dies
mid-unit loses nothing: after --lock seconds another worker takes the unit over. Start as many as
you like, on as many machines; stop one with Ctrl-C (it finishes the units in hand).`;

export function addWorker(program: Command): void {
  program.command('worker')
    .description('process fleet units from a Redis job queue (see verify --queue)')
    .requiredOption('--queue <redis-url>', 'the Redis server the coordinating verify uses')
    .option('--hosts <n>', 'units (hosts) worked on at once', '16')
    .option('--threads <n>', 'threads that read pages as they arrive, shared by all units (0: the main thread; default: one per core on 1–2 cores, else one per core but one)')
    .addOption(new Option('--lock <seconds>', 'how long a unit stays with a silent worker before another takes it').default('30').hideHelp())
    .addOption(new Option('-q, --quiet', 'print nothing but errors').conflicts('verbose'))
    .option('-v, --verbose', 'print a line per finished unit')
    .addHelpText('after', WORKER_EXAMPLES)
    .action(async (flags) => {
      const { runWorker } = await import('./fleet.js');
      process.exitCode = await runWorker(flags);
    });
}
