// The interactive review: one pending citation at a time on a terminal; each decision saved as it is made.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import type { Report } from '../report/schema.js';
import { terminalSafe } from '../terminal.js';
import { VERDICTS, type Verdict } from '../types.js';
import type { Target } from './decide.js';

export interface WalkIo {
  input: Readable;
  output: Writable;
  /** Opens a URL for the reviewer (a browser); false when nothing could be started. */
  open: (url: string) => boolean;
}

export interface Decision {
  target: Target;
  verdict: Verdict;
  note: string;
}

/** Page text can carry terminal escapes: the shared filter removes them whole; one line, no bidi overrides. */
const plain = (s: string, max = 400) => {
  const flat = terminalSafe(s).replace(/[\t\n\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function describe(report: Report, t: Target, index: number, total: number): string {
  const { claim, citation: c } = t;
  const source = report.sources.find((s) => s.ref === c.ref);
  const lines = [
    '', `[${index + 1}/${total}] claim ${claim.id} · line ${claim.line} · footnote [${c.ref}]`,
    `  “${plain(claim.text)}”`,
    `  link:      ${c.linkStatus}${source?.httpStatus !== undefined ? ` (HTTP ${source.httpStatus})` : ''} ${plain(source?.url ?? '(no URL)')}`,
    `  citecheck: ${c.review?.toolVerdict ?? c.verdict} — ${plain(c.reason)}`,
  ];
  if (c.evidence) lines.push(`  evidence:  “${plain(c.evidence.snippet)}”`);
  if (c.missing.length) lines.push(`  not found: ${plain(c.missing.join(' · '))}`);
  if (c.review?.status === 'stale') lines.push(`  earlier review is stale: ${plain(c.review.staleReason ?? '')}`);
  return `${lines.join('\n')}\n`;
}

const MENU = '  [a]ccept · [s]et verdict · [k] skip · [o]pen URL · [q]uit > ';

/** Walks the targets; `decide` is awaited (and saves) before the next one is shown. */
export async function walkReviews(
  report: Report, targets: readonly Target[], io: WalkIo, decide: (d: Decision) => Promise<void>,
): Promise<{ decided: number; skipped: number; quit: boolean }> {
  const rl = createInterface({ input: io.input, output: io.output, terminal: false });
  const ask = async (q: string) => (await rl.question(q).catch(() => 'q')).trim();
  let decided = 0;
  let skipped = 0;
  try {
    for (const [i, t] of targets.entries()) {
      io.output.write(describe(report, t, i, targets.length));
      for (;;) {
        const key = (await ask(MENU)).toLowerCase();
        if (key === 'q') return { decided, skipped, quit: true };
        if (key === 'k') { skipped += 1; break; }
        if (key === 'o') {
          const url = report.sources.find((s) => s.ref === t.citation.ref)?.url;
          io.output.write(url && io.open(url) ? `  opened ${plain(url)}\n` : `  cannot open a browser here; the URL: ${plain(url ?? '(none)')}\n`);
          continue;
        }
        let verdict: Verdict | undefined = key === 'a' ? (t.citation.review?.toolVerdict ?? t.citation.verdict) : undefined;
        if (key === 's') verdict = parseVerdict(await ask(`  verdict (${VERDICTS.join(', ')}) > `));
        if (!verdict) { io.output.write(key === 's' ? '  not a verdict\n' : '  type a, s, k, o or q\n'); continue; }
        const note = await ask('  note (why; Enter for none) > ');
        await decide({ target: t, verdict, note });
        decided += 1;
        io.output.write(`  saved: ${verdict}\n`);
        break;
      }
    }
    return { decided, skipped, quit: false };
  } finally {
    rl.close();
  }
}

function parseVerdict(s: string): Verdict | undefined {
  const word = s.trim().toLowerCase();
  return VERDICTS.find((v) => v === word) ?? VERDICTS.find((v) => word.length > 0 && v.startsWith(word));
}

/** The reviewer's browser: $BROWSER, else the platform's opener; never waits for it. */
export function openInBrowser(url: string): boolean {
  const command = process.env.BROWSER || (process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open');
  try {
    const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
    return child.pid !== undefined;
  } catch {
    return false;
  }
}
