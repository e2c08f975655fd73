// Reading a response body: content-encoding decoding with node:zlib and a cap on the decoded bytes.
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';

export interface BodyRead {
  body: Uint8Array;
  /** The decoded body reached the cap and the rest was not read. */
  truncated: boolean;
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
export async function readBody(raw: Readable, contentEncoding: string | undefined, maxBytes: number): Promise<BodyRead> {
  const streams: Readable[] = [raw];
  try {
    let stream: Readable = raw;
    for (const coding of listEncodings(contentEncoding)) {
      stream = await decodeOne(stream, coding);
      streams.push(stream);
    }
    return await collect(stream, maxBytes);
  } catch (err) {
    if (isZlibError(err)) throw new DecodeError(`could not decode ${contentEncoding ?? ''} body`, { cause: err });
    throw err;
  } finally {
    for (const s of streams) if (!s.destroyed) s.destroy();
  }
}

async function collect(stream: Readable, maxBytes: number): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    if (size + buf.length > maxBytes) {
      chunks.push(buf.subarray(0, maxBytes - size));
      return { body: concat(chunks, maxBytes), truncated: true };
    }
    chunks.push(buf);
    size += buf.length;
  }
  return { body: concat(chunks, size), truncated: false };
}

/** One allocation of exactly the body size, so a 5 MB body never costs 10 MB. */
function concat(chunks: Buffer[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function isZlibError(err: unknown): boolean {
  if (!(err instanceof Error) || !('code' in err)) return false;
  const code = err.code;
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR_FORMAT_PADDING_1');
}
