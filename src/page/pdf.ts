// PDF bytes → plain text with unpdf (pdf.js); a broken or image-only PDF yields a reason, not a throw.
import { extractText, getDocumentProxy } from 'unpdf';
import { tidyText } from './dom.js';

export type PdfText = { ok: true; text: string; pages: number } | { ok: false; why: string };

export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  try {
    // pdf.js may transfer (detach) the buffer it is given; the fetch result must stay intact.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      const { text, totalPages } = await extractText(pdf, { mergePages: false });
      const joined = tidyText(text.join('\n'));
      if (!joined) return { ok: false, why: `PDF has ${totalPages} page(s) but no text layer (scanned image?)` };
      return { ok: true, text: joined, pages: totalPages };
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, why: `PDF text extraction failed: ${message.split('\n')[0] ?? ''}` };
  }
}
