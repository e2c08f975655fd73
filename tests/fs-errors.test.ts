// File-system failures are named in words, and only file-system failures are called that.
import { describe, expect, it } from 'vitest';
import { writing } from '../src/commands/outputs.js';
import { InputError } from '../src/errors.js';
import { describeFsError, fsErrorCode } from '../src/fs-errors.js';

const fsError = (code: string): Error => Object.assign(new Error(`${code}: boom`), { code, syscall: 'open' });

describe('describeFsError', () => {
  it.each([
    ['EROFS', /read-only/],
    ['EACCES', /permission denied/],
    ['EEXIST', /is a file/],
    ['ENOTDIR', /is a file/],
    ['ENOSPC', /no space left/],
  ])('%s is said in words', (code, words) => {
    expect(describeFsError(fsError(code))).toMatch(words);
    expect(describeFsError(fsError(code))).not.toMatch(code);
  });

  it('a RangeError is not a file-system error', () => {
    expect(fsErrorCode(new RangeError('Invalid string length'))).toBeUndefined();
  });
});

describe('writing()', () => {
  it('turns a file-system failure into one InputError naming what could not be written', async () => {
    const e = await writing('reports in out/', () => Promise.reject(fsError('ENOSPC'))).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect(String((e as Error).message)).toBe('cannot write reports in out/: no space left on the device');
  });

  it('lets a bug stay a bug instead of blaming the path and its permissions', async () => {
    const e = await writing('reports in out/', () => Promise.reject(new RangeError('Invalid string length'))).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RangeError);
  });
});

describe('the history database', () => {
  it.each([['SQLITE_FULL', /no space left/], ['SQLITE_READONLY', /read-only/], ['SQLITE_IOERR_WRITE', /input\/output/]])(
    '%s is a file-system error in words', (code, words) => {
      const e = Object.assign(new Error('sqlite says'), { code });
      expect(fsErrorCode(e)).toBeDefined();
      expect(describeFsError(e)).toMatch(words);
    });
});
