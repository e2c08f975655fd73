// references.json loading: each kind of mistake is an InputError naming the file and the field.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReferences, parseReferences } from '../src/config/load.js';
import { formatPath } from '../src/config/issues.js';
import { InputError } from '../src/errors.js';

const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error instanceof Error ? error.message : '';
  }
  throw new Error('expected an InputError');
};

describe('parseReferences', () => {
  it.each([
    ['wrong type', { references: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 'four' }] }, 'references[3].id: expected a number'],
    ['not a whole number', { references: [{ id: 1.5 }] }, 'references[0].id: expected a whole number'],
    ['not positive', { references: [{ id: 0 }] }, 'references[0].id: expected a number > 0'],
    ['missing id', { references: [{ url: 'https://example.org/' }] }, 'references[0].id: required'],
    ['unknown key', { references: [{ id: 1 }, { id: 2 }, { id: 3, foo: 'x' }] }, 'references[2]: unknown key "foo"'],
    ['unknown top-level key', { references: [], refs: [] }, '(root): unknown key "refs"'],
    ['duplicate id', { references: [{ id: 1 }, { id: 2 }, { id: 1 }] }, 'references[2].id: duplicate id 1'],
    ['empty phrase', { references: [{ id: 1, phrases: [''] }] }, 'references[0].phrases[0]: expected a non-empty string'],
    ['url of the wrong type', { references: [{ id: 1, url: 5 }] }, 'references[0].url: expected a string'],
    ['references not a list', { references: {} }, 'references: expected an array'],
    ['not an object', [], '(root): expected an object'],
  ])('%s', (_, json, expected) => {
    const message = messageOf(() => parseReferences(JSON.stringify(json), 'refs.json'));
    expect(message).toContain('refs.json: ');
    expect(message).toContain(expected);
  });

  it('reports bad JSON with the file name and where it broke', () => {
    const message = messageOf(() => parseReferences('{\n  "references": [\n    { "id": 1, }\n  ]\n}', 'refs.json'));
    expect(message).toMatch(/^refs\.json: invalid JSON: .*line 3/);
  });

  it('accepts a present but malformed URL (it becomes invalid-url later) and a BOM', () => {
    const config = parseReferences('\uFEFF{"references":[{"id":1,"url":"htp:/not a url"}]}', 'refs.json');
    expect(config.references[0]?.url).toBe('htp:/not a url');
  });

  it.each([
    [['references', 3, 'id'], 'references[3].id'], [['references', 0], 'references[0]'], [[], '(root)'],
    [['references', 1, 'phrases', 2], 'references[1].phrases[2]'],
  ])('formatPath(%j) = %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

describe('loadReferences', () => {
  const dir = mkdtempSync(join(tmpdir(), 'citecheck-refs-'));

  it('resolves the article against the folder of references.json', async () => {
    mkdirSync(join(dir, 'site'), { recursive: true });
    const file = join(dir, 'site', 'references.json');
    writeFileSync(file, JSON.stringify({ article: '../articles/a.txt', references: [{ id: 1 }] }));
    const loaded = await loadReferences(file);
    expect(loaded.dir).toBe(join(dir, 'site'));
    expect(resolve(loaded.articlePath ?? '')).toBe(join(dir, 'articles', 'a.txt'));
    expect(loaded.config.references).toEqual([{ id: 1 }]);
  });

  it('leaves articlePath out when the file names no article', async () => {
    const file = join(dir, 'no-article.json');
    writeFileSync(file, '{"references":[]}');
    expect((await loadReferences(file)).articlePath).toBeUndefined();
  });

  it('rejects a missing file with an InputError naming it', async () => {
    const file = join(dir, 'missing.json');
    await expect(loadReferences(file)).rejects.toThrow(InputError);
    await expect(loadReferences(file)).rejects.toThrow(`cannot read ${file}`);
  });

  it('loads the repository\'s references.json: 19 references, the seed article beside it', async () => {
    const loaded = await loadReferences('references.json');
    expect(loaded.articlePath).toBe(join('articles', 'russia-hamas-relations.txt'));
    const refs = loaded.config.references;
    expect(refs.map((r) => r.id)).toEqual([...Array(19).keys()].map((i) => i + 1));
    // The seed README knows no URL for these; none may be invented.
    expect(refs.filter((r) => r.url === undefined).map((r) => r.id)).toEqual([5, 6, 9, 10, 15]);
    expect(refs.find((r) => r.id === 2)).toMatchObject({ language: 'ru', date: '2021-05-21' });
    // True publication dates from the README, not the article's "cited as" dates.
    expect(refs.filter((r) => [8, 10, 14].includes(r.id)).map((r) => r.date)).toEqual(['2023-10-24', '2023-10-15', '2023-10-14']);
    expect(relative(process.cwd(), loaded.dir)).toBe('');
  });
});
