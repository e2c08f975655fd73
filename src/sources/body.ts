// Reading a response body: content-encoding decoding with node:zlib and a cap on the decoded bytes.
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { Truncation } from '../types.js';

export interface BodyRead {
  body: Uint8Array;
  /** The body is incomplete: it reached the cap, or the connection closed before Content-Length bytes came. */
  truncated: boolean;
  truncation?: Truncation;
}

/** undici's error when the connection closes before the bytes Content-Length announced have arrived. */
const SHORT_BODY = 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH';

function isShortBody(err: unknown): boolean {
  return err instanceof Error && 'code' in err && err.code === SHORT_BODY;
}

/**
 * The raw stream, ended cleanly instead of failing when the server announced more bytes than it
 * sent and closed: what did arrive is kept (marked `connection-closed`, so the judgement knows the
 * rest is missing), and for a compressed body the decoder must see an end, not an error, to flush.
 */
function endOnShortBody(raw: Readable, state: { short: boolean }): Readable {
  async function* pass(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of raw) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    } catch (err) {
      if (!isShortBody(err)) throw err;
      state.short = true;
    }
  }
  return Readable.from(pass(), { objectMode: false });
}

export class DecodeError extends Error {
  readonly code = 'E_DECOMPRESSION';
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'DecodeError';
  }
}

/** Lenient flushing: a gzip/deflate stream cut short still yields what it had (browsers do the same). */
const LENIENT = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
const LENIENT_BR = { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH };

/** The codings from a Content-Encoding header, outermost (applied last) first. */
export function listEncodings(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity')
    .reverse();
}

const KNOWN_CODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br']);

function createDecoder(coding: string, firstByte: number | undefined): zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(LENIENT);
    case 'deflate':
      // Many servers send raw deflate under this name; a zlib stream starts with 0x78 (CM=8, 32K window).
      return ((firstByte ?? 0x78) & 0x0f) === 8 ? zlib.createInflate(LENIENT) : zlib.createInflateRaw(LENIENT);
    case 'br':
      return zlib.createBrotliDecompress(LENIENT_BR);
    default:
      throw new DecodeError(`unsupported content-encoding: ${coding}`);
  }
}

/** The first byte of a stream, put back with unshift() so nothing is lost. */
function peekFirstByte(source: Readable): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const done = (value: number | undefined, err?: unknown): void => {
      source.off('readable', onReadable).off('error', onError);
      if (err) reject(err);
      else resolve(value);
    };
    const onError = (err: unknown): void => done(undefined, err);
    const onReadable = (): void => {
      const chunk: unknown = source.read();
      if (Buffer.isBuffer(chunk) && chunk.length > 0) {
        source.unshift(chunk);
        done(chunk[0]);
      } else done(undefined);
    };
    source.on('readable', onReadable).on('error', onError);
  });
}

async function decodeOne(source: Readable, coding: string): Promise<Readable> {
  const first = coding === 'deflate' ? await peekFirstByte(source) : undefined;
  const decoder = createDecoder(coding, first);
  // pipeline() forwards errors downstream and destroys upstream when the decoder is destroyed.
  pipeline(source, decoder, () => undefined);
  return decoder;
}

/**
 * Reads `raw` through its content codings and stops at `maxBytes` decoded bytes, destroying the
 * streams so a gzip bomb or an endless body never inflates past the cap (zlib output is pulled,
 * so backpressure bounds it). A truncated body is returned with `truncated: true`.
 */
export async function readBody(
  raw: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  /** Content-Length, when given: sizes the buffer (only trusted for unencoded bodies). */
  contentLength?: number,
): Promise<BodyRead> {
  const state = { short: false };
  const codings = listEncodings(contentEncoding);
  const unknown = codings.find((c) => !KNOWN_CODINGS.has(c));
  if (unknown !== undefined) {
    // Nothing reads the body: discard it, with a listener for the abort error undici emits then.
    raw.on('error', () => undefined).destroy();
    throw new DecodeError(`unsupported content-encoding: ${unknown}`);
  }
  // An unencoded body is read straight from undici's stream (collect() keeps what came before a
  // short close); a decoder needs an end instead of that error to flush, hence the tolerant stream.
  const streams: Readable[] = codings.length === 0 ? [raw] : [raw, endOnShortBody(raw, state)];
  try {
    let stream: Readable = streams.at(-1) ?? raw;
    for (const coding of codings) {
      stream = await decodeOne(stream, coding);
      streams.push(stream);
    }
    const hint = codings.length === 0 && contentLength !== undefined && contentLength > 0 ? contentLength : undefined;
    const read = await collect(stream, maxBytes, hint, state);
    // Cut at the cap first: the rest may have been lost too, but we had stopped reading anyway.
    return state.short && !read.truncated ? { ...read, truncated: true, truncation: 'connection-closed' } : read;
  } catch (err) {
    if (isZlibError(err)) throw new DecodeError(`could not decode ${contentEncoding ?? ''} body`, { cause: err });
    throw err;
  } finally {
    // A stream destroyed before anyone read it (undici's body) emits an abort error: we chose to
    // stop, so it is listened for here rather than left to crash the process as unhandled.
    for (const s of streams) if (!s.destroyed) s.on('error', () => undefined).destroy();
  }
}

/**
 * Reads the body into one buffer of its exact size, which moves to a reading thread without a copy.
 * With a known length that buffer is allocated first and filled; otherwise the chunks are kept and
 * joined once at the end. (A buffer doubling from 8 KB allocated 8+16+32+64+128 KB and copied most
 * of that for an 80 KB page, then sliced it to size: 328 KB allocated per page; joining, 80 KB.)
 */
async function collect(stream: Readable, maxBytes: number, sizeHint: number | undefined, state: { short: boolean }): Promise<BodyRead> {
  const body = new BodyBuffer(Math.min(maxBytes, sizeHint ?? 0));
  try {
    for await (const chunk of stream) {
      const buf: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      const room = maxBytes - body.size;
      body.add(buf.length > room ? buf.subarray(0, room) : buf);
      if (buf.length > room) return { body: body.bytes(), truncated: true, truncation: 'max-size' };
    }
  } catch (err) {
    if (!isShortBody(err)) throw err;
    state.short = true;
  }
  return { body: body.bytes(), truncated: false };
}

/** Bytes as they arrive: written into a buffer of the announced size while they fit, kept as chunks past it. */
class BodyBuffer {
  size = 0;
  private filled = 0;
  private readonly chunks: Uint8Array[] = [];
  private readonly first: Uint8Array;
  constructor(expected: number) {
    this.first = new Uint8Array(expected);
  }

  add(piece: Uint8Array): void {
    if (this.chunks.length === 0 && this.filled + piece.length <= this.first.length) {
      this.first.set(piece, this.filled);
      this.filled += piece.length;
    } else this.chunks.push(piece);
    this.size += piece.length;
  }

  /** The whole body in one buffer that owns all of its memory. */
  bytes(): Uint8Array {
    if (this.chunks.length === 0 && this.filled === this.first.length) return this.first;
    const out = new Uint8Array(this.size);
    out.set(this.first.subarray(0, this.filled));
    let at = this.filled;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function isZlibError(err: unknown): boolean {
  if (!(err instanceof Error) || !('code' in err)) return false;
  const code = err.code;
  // Brotli's decoder errors arrive as ERR__ERROR_FORMAT_…, ERR__ERROR_ALLOC_… (its names without the BROTLI_DECODER prefix).
  return typeof code === 'string' && /^(?:Z_|ERR_BROTLI|ERR__ERROR_)/.test(code);
}
