// The budgets for reading one page (time, HTML depth, PDF pages, text size): defaults and the clock (depth: depth.ts).

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
