// A PDF's Flate streams measured before pdf.js decodes them: pdf.js inflates a stream whole, so a 2 MB file holding a 2 GB content stream took 4.4 GB.
import zlib from 'node:zlib';

const MB = 1024 * 1024;

/** The most a PDF's compressed streams may inflate to in all: 256 MB, or 32 × `--max-size` when that is more. */
export function pdfInflateCap(maxTextChars: number): number {
  return Math.max(256 * MB, 32 * maxTextChars);
}

/** Where each stream's data starts: after the `stream` keyword that closes a dictionary (`>> stream`), and its line break. */
function streamStart(pdf: Buffer, keyword: number): number | undefined {
  let before = keyword - 1;
  while (before >= 0 && (pdf[before] === 0x20 || pdf[before] === 0x0a || pdf[before] === 0x0d || pdf[before] === 0x09)) before -= 1;
  if (pdf[before] !== 0x3e || pdf[before - 1] !== 0x3e) return undefined; // not `>>`: the word inside some text
  let start = keyword + 'stream'.length;
  if (pdf[start] === 0x0d) start += 1;
  if (pdf[start] !== 0x0a) return undefined;
  return start + 1;
}

/** A zlib header (what FlateDecode holds): CM 8 and a check value divisible by 31. */
function isZlib(data: Buffer): boolean {
  const [a, b] = [data[0], data[1]];
  return a !== undefined && b !== undefined && (a & 0x0f) === 8 && ((a << 8) | b) % 31 === 0;
}

/**
 * True when the zlib streams of `pdf` inflate past `cap` bytes together. Each is inflated with a
 * ceiling of what is left (memory stays under the cap; the output is dropped); a stream that is not
 * zlib or is damaged is left to pdf.js.
 */
export function inflatesPast(bytes: Uint8Array, cap: number): boolean {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let left = cap;
  for (let at = pdf.indexOf('stream', 0, 'latin1'); at >= 0; at = pdf.indexOf('stream', at + 1, 'latin1')) {
    const start = streamStart(pdf, at);
    if (start === undefined) continue;
    const end = pdf.indexOf('endstream', start, 'latin1');
    if (end < 0) return false;
    at = end + 'endstream'.length - 1;
    const data = pdf.subarray(start, end);
    if (!isZlib(data)) continue;
    try {
      left -= zlib.inflateSync(data, { maxOutputLength: Math.max(1, left), finishFlush: zlib.constants.Z_SYNC_FLUSH }).length;
    } catch (error) {
      if (error instanceof RangeError) return true; // ERR_BUFFER_TOO_LARGE: past what is left
    }
    if (left <= 0) return true;
  }
  return false;
}
