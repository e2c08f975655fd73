// Reads an article file (UTF-8, BOM tolerated) and parses it; unreadable input is an InputError.
import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import nodePath from 'node:path';
import { InputError } from '../errors.js';
import { describeFsError } from '../fs-errors.js';
import type { Article } from '../types.js';
import { stripBom } from './lines.js';
import { DEFAULT_MAX_INPUT_MB, type InputLimits } from './limits.js';
import { parseArticle } from './parse.js';

export type { InputLimits } from './limits.js';

const MB = 1024 * 1024;
const mb = (bytes: number): string => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

/** A FIFO, a socket or a device is refused before reading: a pipe never ends, /dev/zero never stops. */
function kindOf(s: Stats): string | undefined {
  if (s.isFile()) return undefined;
  if (s.isDirectory()) return 'it is a folder, not a file';
  if (s.isFIFO()) return 'it is a named pipe (FIFO), not a regular file';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'it is a device, not a regular file';
  if (s.isSocket()) return 'it is a socket, not a regular file';
  return 'not a regular file';
}

/** Reads at most `max + 1` bytes, so a file that grows while being read still cannot exceed the cap unseen. */
async function readCapped(handle: FileHandle, size: number, max: number): Promise<Buffer> {
  const buffer = Buffer.alloc(Math.min(size, max) + 1);
  let filled = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
    if (bytesRead === 0) return buffer.subarray(0, filled);
    filled += bytesRead;
    if (filled === buffer.length) return buffer;
  }
}

/** Refuses anything but a regular file (a FIFO, a device, a folder) before a reader streams it. */
export async function checkRegularFile(path: string, what: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${describeFsError(error)}`, `check the path of the ${what}`);
  }
  try {
    const kind = kindOf(await handle.stat());
    if (kind) throw new InputError(`cannot read ${path}: ${kind}`, `give the ${what} as a regular file`);
  } finally {
    await handle.close();
  }
}

/**
 * Reads a file for the CLI, turning system errors into a one-line reason. Opened non-blocking so a
 * FIFO cannot stall the open itself; only a regular file within the size cap is read.
 */
export async function readInputFile(path: string, what: string, limits: InputLimits = {}): Promise<Uint8Array> {
  const max = limits.maxBytes ?? DEFAULT_MAX_INPUT_MB * MB;
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${describeFsError(error)}`,
      `check the path of the ${what} (relative paths start at the current folder)`);
  }
  try {
    const stats = await handle.stat();
    const kind = kindOf(stats);
    if (kind) throw new InputError(`cannot read ${path}: ${kind}`, `give the ${what} as a regular file`);
    const bytes = await readCapped(handle, stats.size, max);
    if (bytes.length > max) {
      throw new InputError(`cannot read ${path}: it is ${mb(Math.max(stats.size, bytes.length))}, over --max-input-size ${max / MB} (MB)`,
        `check that this is the ${what}; if it is, raise --max-input-size`);
    }
    return bytes;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${path}: ${describeFsError(error)}`, `check the ${what} and its permissions`);
  } finally {
    await handle.close();
  }
}

/** A path as reports and CI annotations should name it: relative to the current folder when inside it. */
export function displayPath(file: string): string {
  const absolute = nodePath.resolve(file);
  const relative = nodePath.relative(process.cwd(), absolute);
  return relative !== '' && !relative.startsWith('..') && !nodePath.isAbsolute(relative) ? relative : absolute;
}

/** The article file as text: UTF-8 (BOM tolerated), not empty; anything else is an InputError. */
export async function readArticleText(path: string, limits: InputLimits = {}): Promise<string> {
  const bytes = await readInputFile(path, 'article', limits);
  let text: string;
  try {
    text = stripBom(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    throw new InputError(`cannot read ${path}: not UTF-8 text`,
      'save the article as UTF-8 (e.g. iconv -f windows-1251 -t utf-8)');
  }
  // An empty file is almost always a failed copy or a wrong path: say so instead of passing.
  if (text.trim() === '') {
    throw new InputError(`cannot use ${path}: the article is empty`, 'copy the article text into the file');
  }
  return text;
}

/** A browser-copied article (the `txt` reader); other formats go through readArticleFile (inputs.ts). */
export async function readArticle(path: string, limits: InputLimits = {}): Promise<Article> {
  return parseArticle(await readArticleText(path, limits), displayPath(path));
}
