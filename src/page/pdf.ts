// PDF bytes → plain text (and the document title) with unpdf (pdf.js), page by page within a budget; a broken, image-only or oversized PDF yields a reason, not a throw.
import { getDocumentProxy, getMeta } from 'unpdf';
import { BudgetExceeded, DEFAULT_READ_BUDGET, startClock, type ReadBudget } from './budget.js';
import { tidyText } from './dom.js';
import { inflatesPast, pdfInflateCap } from './pdf-streams.js';

export type PdfText = { ok: true; text: string; pages: number; title?: string } | { ok: false; why: string; title?: string };

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type Clock = ReturnType<typeof startClock>;

async function readTitle(pdf: PdfDocument): Promise<string | undefined> {
  try {
    const { info } = await getMeta(pdf);
    const title: unknown = info['Title'];
    return typeof title === 'string' && title.trim() ? title.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** `work`, or BudgetExceeded when the page's clock runs out first (pdf.js yields between operations). */
async function withinTime<T>(work: Promise<T>, clock: Clock): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      try {
        clock.check();
      } catch (error) {
        reject(error);
      }
    }, clock.remainingMs() + 1);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One page after another (unpdf's extractText asks for every page at once: a page tree claiming a
 * million pages grew to gigabytes), stopping at the page, size and time budgets.
 */
async function readPages(pdf: PdfDocument, budget: ReadBudget, clock: Clock): Promise<string[]> {
  if (pdf.numPages > budget.pdfMaxPages) {
    throw new BudgetExceeded(`PDF has ${pdf.numPages} pages, over the --pdf-max-pages budget of ${budget.pdfMaxPages}`);
  }
  const texts: string[] = [];
  let chars = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    clock.check();
    const page = await withinTime(pdf.getPage(n), clock);
    const content = await withinTime(page.getTextContent(), clock);
    const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
    page.cleanup();
    chars += text.length;
    if (chars > budget.maxTextChars) {
      throw new BudgetExceeded(`PDF text passed the --max-size budget of ${budget.maxTextChars} characters by page ${n}`);
    }
    texts.push(text);
  }
  return texts;
}

export async function readPdfText(bytes: Uint8Array, budget: ReadBudget = DEFAULT_READ_BUDGET): Promise<PdfText> {
  const clock = startClock(budget);
  const cap = pdfInflateCap(budget.maxTextChars);
  if (inflatesPast(bytes, cap)) {
    return { ok: false, why: `PDF streams inflate past ${cap / (1024 * 1024)} MB (a compression bomb; the cap is 32 × --max-size, at least 256 MB)` };
  }
  let title: string | undefined;
  try {
    // pdf.js may transfer (detach) the buffer it is given; the fetch result must stay intact.
    const pdf = await withinTime(getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }), clock);
    try {
      title = await withinTime(readTitle(pdf), clock);
      const texts = await readPages(pdf, budget, clock);
      const joined = tidyText(texts.join('\n'));
      const found = title ? { title } : {};
      if (!joined) return { ok: false, why: `PDF has ${pdf.numPages} page(s) but no text layer (scanned image?)`, ...found };
      return { ok: true, text: joined, pages: pdf.numPages, ...found };
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    const found = title ? { title } : {};
    if (error instanceof BudgetExceeded) return { ok: false, why: error.message, ...found };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, why: `PDF text extraction failed: ${message.split('\n')[0] ?? ''}`, ...found };
  }
}
