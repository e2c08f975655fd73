// The budgets for reading one page (time, HTML depth, PDF pages, text size): defaults, and the checks that need no parser.

/** What reading one response may cost; a page over any of them is unreadable, with the limit named. */
export interface ReadBudget {
  /** Wall-clock time for reading one page, in ms (`--read-budget`, seconds on the command line). */
  timeMs: number;
  /** Deepest element nesting an HTML page may have (`--max-depth`). */
  maxDepth: number;
  /** Pages a PDF may have (`--pdf-max-pages`). */
  pdfMaxPages: number;
  /** Characters of text a PDF may yield (`--max-size`: the same cap as the bytes read). */
  maxTextChars: number;
}

export const DEFAULT_READ_BUDGET: Readonly<ReadBudget> = Object.freeze({
  timeMs: 20_000,
  maxDepth: 512, // Chromium's HTML parser stops nesting at 512 too: deeper pages do not render as written
  pdfMaxPages: 500,
  maxTextChars: 5 * 1024 * 1024,
});

/** A budget that tripped: the reason names the flag that sets it. */
export class BudgetExceeded extends Error {
  readonly code = 'E_READ_BUDGET';
  constructor(message: string) {
    super(message);
    this.name = 'BudgetExceeded';
  }
}

/**
 * The budget is checked between a read's stages, so a stage that never returns (a parser gone
 * superlinear on a page no check foresaw) is stopped from outside: its reading thread is ended at
 * twice the budget plus 5 s of the thread's own time (waiting for a thread does not count).
 */
export function hardStopMs(budget: Pick<ReadBudget, 'timeMs'>): number {
  return 2 * budget.timeMs + 5_000;
}

/** A clock for one page: `check()` throws BudgetExceeded once the time is spent. */
export function startClock(budget: Pick<ReadBudget, 'timeMs'>, now: () => number = performance.now.bind(performance)): { check(): void; remainingMs(): number } {
  const deadline = now() + budget.timeMs;
  return {
    check() {
      if (now() > deadline) throw new BudgetExceeded(`reading took longer than the --read-budget of ${budget.timeMs / 1000} s`);
    },
    remainingMs: () => Math.max(0, deadline - now()),
  };
}

// Elements that never hold children, and those whose end tag a parser implies (`<p>`, `<li>`…):
// neither makes the tree deeper, so neither is counted.
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'param', 'keygen', 'frame', 'basefont', 'bgsound',
]);
const FLAT = new Set([
  ...VOID,
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', 'rtc',
  'html', 'head', 'body',
]);
/** Where a self-closing slash closes (SVG, MathML) and where HTML resumes inside them (htmlparser2's lists). */
const FOREIGN = new Set(['svg', 'math']);
const HTML_INSIDE_FOREIGN = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** Their content is text up to their own end tag: `<div>` inside a script is not an element. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^>]*>?|<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>?/g;

/**
 * How deep the elements of `html` nest, by a stack of open tag names (an end tag closes up to its
 * match, as a parser does), without building a tree: linear, so it runs before the parser and
 * Readability, which grow superlinearly with depth. Stops counting once past `stopAt`. As in the
 * parser (linkedom's htmlparser2), `<div/>` opens a div: the slash closes only void elements and,
 * inside SVG or MathML, any element.
 */
export function measureDepth(html: string, stopAt = Infinity): number {
  const stack: string[] = [];
  const foreign = [false];
  let max = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (name === undefined) continue; // comment, doctype, CDATA, processing instruction
    if (m[1] === '/') {
      if ((FOREIGN.has(name) || HTML_INSIDE_FOREIGN.has(name)) && foreign.length > 1) foreign.pop();
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = TOKEN.lastIndex;
      TOKEN.lastIndex = close.exec(html)?.index ?? html.length;
      continue;
    }
    if (VOID.has(name)) continue;
    if (FOREIGN.has(name)) foreign.push(true);
    else if (HTML_INSIDE_FOREIGN.has(name)) foreign.push(false);
    if (FLAT.has(name) || (foreign.at(-1) === true && /\/\s*$/.test(m[3] ?? ''))) continue;
    stack.push(name);
    if (stack.length > max) max = stack.length;
    if (max > stopAt) break;
  }
  return max;
}
