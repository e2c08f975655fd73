// PDF bytes → plain text (and the document title) with unpdf (pdf.js); a broken or image-only PDF yields a reason, not a throw.
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { tidyText } from './dom.js';

export type PdfText = { ok: true; text: string; pages: number; title?: string } | { ok: false; why: string; title?: string };

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

async function readTitle(pdf: PdfDocument): Promise<string | undefined> {
  try {
    const { info } = await getMeta(pdf);
    const title: unknown = info['Title'];
    return typeof title === 'string' && title.trim() ? title.trim() : undefined;
  } catch {
    return undefined;
  }
}

export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  try {
    // pdf.js may transfer (detach) the buffer it is given; the fetch result must stay intact.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      const title = await readTitle(pdf);
      const { text, totalPages } = await extractText(pdf, { mergePages: false });
      const joined = tidyText(text.join('\n'));
      const found = title ? { title } : {};
      if (!joined) return { ok: false, why: `PDF has ${totalPages} page(s) but no text layer (scanned image?)`, ...found };
      return { ok: true, text: joined, pages: totalPages, ...found };
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, why: `PDF text extraction failed: ${message.split('\n')[0] ?? ''}` };
  }
}
