#!/usr/bin/env node
// Commander glue only: flags → config → pipeline → reports → exit code.
import { realpathSync } from 'node:fs';
import { cacheCompiledModules } from './compile-cache.js';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { Command, CommanderError } from 'commander';
import { addReport, addReview, addVerify, addWorker } from './commands/register.js';
import { DEFAULT_MAX_INPUT_MB } from './article/limits.js';
import { EXIT, InputError } from './errors.js';
import { printErr, printOut, terminalSafeJson } from './terminal.js';
import { INPUT_FORMATS } from './types.js';
import { VERSION } from './version.js';

// Heavy modules (zod, the parsers, undici) are imported inside the actions so `--help` stays fast.


const EXTRACT_EXAMPLES = `
Examples:
  $ citecheck extract                       # the article named in ./references.json
  $ citecheck extract articles/russia-hamas-relations.txt
  $ citecheck extract --refs docs/references.json | jq '.uncited'
  $ citecheck extract examples/articles/riverside.md   # any format: txt, wiki-html, wikitext, markdown, html
  $ citecheck extract 'docs/**/*.md' | jq length      # several articles → a JSON array
  $ citecheck extract https://en.wikipedia.org/wiki/Grey_Point_Lighthouse | jq '.references[0].url'

Prints { title, claims, uncited, references, findings } as JSON on stdout; for several articles an
array of them, each with its "path" and "format". "references" are the ones verify checks: the
article's list with what its references.json adds (URLs most often); "listed": false marks an
entry only references.json has.`;

function addExtract(program: Command): void {
  program.command('extract')
    .description('parse an article: claims with their footnotes, uncited text, the reference list and self-check findings')
    .argument('[articles...]', 'article files, folders, globs or wiki page URLs (default: the "article" named in references.json)')
    .option('--refs <file>', 'references.json that names the article (default: ./references.json)')
    .option('--input-format <format>', `read every article with this reader: ${INPUT_FORMATS.join(', ')}`)
    .option('--max-input-size <MB>', 'refuse an article or references file larger than this', String(DEFAULT_MAX_INPUT_MB))
    .option('--links-as-citations', 'Markdown and docs HTML: each inline link cites the sentence it stands in')
    .option('--wiki-api <url>', 'MediaWiki REST API of the wiki the article URL is on (default https://HOST/w/rest.php)')
    .option('--revision <n>', 'with a wiki URL: read this revision id instead of the latest')
    .option('--allow-private-hosts', 'let the wiki fetch reach loopback and private addresses (tests, intranets)')
    .addHelpText('after', EXTRACT_EXAMPLES)
    .action(async (articles: string[], flags: { refs?: string; inputFormat?: string; maxInputSize?: string; linksAsCitations?: boolean; wikiApi?: string; revision?: string; allowPrivateHosts?: boolean }) => {
      const { runExtract } = await import('./commands/extract.js');
      // JSON escapes for C1 controls: the same data, nothing a terminal acts on.
      process.exitCode = await runExtract(articles, flags, (json) => process.stdout.write(`${terminalSafeJson(json)}\n`));
    });
}

const INIT_EXAMPLES = `
Examples:
  $ citecheck init saved-page.html                       # ./references.json from the page's own references
  $ citecheck init docs/guide.md --out docs/guide.references.json
  $ citecheck init article.txt --force                   # replace an existing file
  $ citecheck init https://en.wikipedia.org/wiki/Earth   # a wiki page by URL: "article" is the URL

Writes each reference the article lists (id, url, title, publisher, date, accessDate, archiveUrl,
language, quote) with empty "phrases" to fill in; never overwrites a file without --force.`;

function addInit(program: Command): void {
  program.command('init')
    .description('write a references.json from what an article already says about its references')
    .argument('<article>', 'the article file (any format), or a wiki page URL')
    .option('--out <file>', 'the file to write', 'references.json')
    .option('--force', 'overwrite the file if it exists')
    .option('--input-format <format>', `read the article with this reader: ${INPUT_FORMATS.join(', ')}`)
    .option('--links-as-citations', 'Markdown and docs HTML: each inline link cites the sentence it stands in')
    .option('--wiki-api <url>', 'with a wiki URL: the MediaWiki REST API of its wiki (default https://HOST/w/rest.php)')
    .option('--revision <n>', 'with a wiki URL: read this revision id instead of the latest')
    .option('--allow-private-hosts', 'let the wiki fetch reach loopback and private addresses (tests, intranets)')
    .addHelpText('after', INIT_EXAMPLES)
    .action(async (article: string, flags: { out: string; force?: boolean; inputFormat?: string; linksAsCitations?: boolean; wikiApi?: string; revision?: string; allowPrivateHosts?: boolean }) => {
      const { runInit } = await import('./commands/init.js');
      printOut(`${await runInit(article, flags)}\n`);
    });
}

export function buildProgram(): Command {
  const program = new Command('citecheck')
    .description('Check that an article\'s footnotes still say what the article claims.')
    .version(VERSION)
    .exitOverride()
    // Commander echoes what was typed (an unknown option, a bad value): strip escapes there too.
    .configureOutput({ writeOut: printOut, writeErr: printErr })
    .showHelpAfterError('(run citecheck --help for usage)');
  addVerify(program, VERSION);
  addExtract(program);
  addInit(program);
  addReport(program);
  addReview(program);
  addWorker(program);
  program.addHelpText('after', `
Examples:
  $ citecheck verify                                  # audit the article named in ./references.json
  $ citecheck verify articles/x.txt --refs x.json --format json,md,html,junit,sarif
  $ citecheck extract articles/russia-hamas-relations.txt
  $ citecheck verify examples/articles/ page.html      # many articles in one run
  $ citecheck init saved-page.html                    # a references.json to refine
  $ citecheck report reports/report.json --format html
  $ citecheck review                                  # decide on failing citations once; later runs honour it
  $ citecheck verify --help`);
  return program;
}

/** Runs the CLI and returns the exit code: InputError and usage errors → 2. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    // Actions that decide an exit code (verify: 0 or 1) leave it in process.exitCode.
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof InputError) {
      printErr(`citecheck: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`);
      return EXIT.usage;
    }
    if (error instanceof CommanderError) {
      // Commander has already printed the message (or the help / version text).
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

/**
 * V8 lets a heap grow before its next full collection by a factor that follows the heap's limit (a
 * quarter of the machine's memory by default): up to 4× what is live, most of it garbage a long run
 * never needed. Capped at 1.5× (a growth rule, not a limit: a run that needs more memory still gets
 * it), for every thread of the process: 10,000 sources (bench:verify) peaked at 362 MB instead of
 * 440 MB for 1.5–3 % more CPU; 2,000 small pages unchanged (250 MB, +2 % CPU). 30 % saved ~20 MB
 * more for 7 % more CPU. The flag exists on Node 20, 22 and 24 and is read at each collection.
 */
function boundHeapGrowth(): void {
  v8.setFlagsFromString('--heap-growing-percent=50');
}

/**
 * Node 20's V8 (11.x) hands a function to its optimising compiler once it has run ~66 KB of bytecode;
 * a run of a few seconds then spends more CPU compiling (on V8's background threads, once per reading
 * thread) than the optimised code gives back: 2,000 small pages (bench:verify, 3 alternating rounds)
 * took 7.6 s of CPU at the default, 6.4 s at 400 KB (−15 %), 0.4 s less wall time and ~15 MB less
 * peak RSS; 2,000 news pages −2 % CPU. Node 22+ (V8 12+) counts invocations instead and gained
 * nothing from the same kind of change, so only V8 11 is tuned (the flag does not exist later).
 */
function optimiseLater(): void {
  if (Number(process.versions.v8.split('.')[0]) <= 11) v8.setFlagsFromString('--interrupt-budget=400000');
}

if (isEntryPoint()) {
  cacheCompiledModules();
  boundHeapGrowth();
  optimiseLater();
  // `citecheck extract | head`: a reader that stops early is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv).then((code) => {
    process.exitCode = code;
  }, (error: unknown) => {
    printErr(`citecheck: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 70;
  });
}
