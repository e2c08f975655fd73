// The first-run message: what `citecheck verify` needs when it finds nothing to check. Reused by every input path.
import { stat } from 'node:fs/promises';
import { InputError } from '../errors.js';

/** The references file looked for when --refs is not given. */
export const DEFAULT_REFS = 'references.json';

/** What to give citecheck, with one example; the hint line under every "nothing to check" error. */
export function whatToGive(command: string): string {
  return `give it an article file, a folder of articles, or a wiki URL, e.g. citecheck ${command} articles/my-article.txt`;
}

/** The error for a run with no article argument in a folder without a references.json. */
export function nothingToCheck(command: string): InputError {
  return new InputError(`no article given, and no ${DEFAULT_REFS} in this folder to name one`, whatToGive(command));
}

/** Throws the first-contact error when there is no article argument and the default references file is absent. */
export async function requireSomethingToCheck(command: string, article: string | undefined, refs: string): Promise<void> {
  if (article !== undefined || refs !== DEFAULT_REFS) return;
  const found = await stat(refs).then(() => true, () => false);
  if (!found) throw nothingToCheck(command);
}
