// Reads an article file (UTF-8, BOM tolerated) and parses it; unreadable input is an InputError.
import { readFile } from 'node:fs/promises';
import nodePath from 'node:path';
import { InputError } from '../errors.js';
import type { Article } from '../types.js';
import { stripBom } from './lines.js';
import { parseArticle } from './parse.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file', EISDIR: 'it is a directory', EACCES: 'permission denied',
  EPERM: 'permission denied', ENOTDIR: 'a folder on the path is a file',
};

/** Reads a file for the CLI, turning system errors into a one-line reason. */
export async function readInputFile(path: string, what: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
    throw new InputError(`cannot read ${path}: ${REASONS[code] ?? (code || String(error))}`,
      `check the path of the ${what} (relative paths start at the current folder)`);
  }
}

/** A path as reports and CI annotations should name it: relative to the current folder when inside it. */
export function displayPath(file: string): string {
  const absolute = nodePath.resolve(file);
  const relative = nodePath.relative(process.cwd(), absolute);
  return relative !== '' && !relative.startsWith('..') && !nodePath.isAbsolute(relative) ? relative : absolute;
}

/** The article file as text: UTF-8 (BOM tolerated), not empty; anything else is an InputError. */
export async function readArticleText(path: string): Promise<string> {
  const bytes = await readInputFile(path, 'article');
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
export async function readArticle(path: string): Promise<Article> {
  return parseArticle(await readArticleText(path), displayPath(path));
}
