// Loads wikiparser-node on demand: it is GPL-3.0 (citecheck is MIT), so it is an optional peer the user installs.
import { InputError } from '../../errors.js';

/** The part of wikiparser-node's default export the reader uses. */
export interface WikiParser {
  config: unknown;
  /** The tree is only read: wikiparser-node may cache node offsets (without it every offset costs a walk). */
  viewOnly: boolean;
  parse(wikitext: string): import('wikiparser-node').Token;
}

export type ParserLoader = () => Promise<WikiParser>;

function isMissingModule(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

/** Wraps a loader: a missing package becomes one line and an install hint (exit 2), not a stack trace. */
export function guardedLoader(load: () => Promise<WikiParser>): ParserLoader {
  return async () => {
    try {
      const parser = await load();
      parser.config = 'enwiki';
      parser.viewOnly = true;
      return parser;
    } catch (error) {
      if (!isMissingModule(error)) throw error;
      throw new InputError('reading wikitext needs wikiparser-node (GPL-3.0, not bundled with citecheck)',
        'npm install wikiparser-node');
    }
  };
}

export const loadWikiParser: ParserLoader = guardedLoader(async () => (await import('wikiparser-node')).default);
