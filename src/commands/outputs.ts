// Output paths checked before any fetching, and file-system failures turned into one-line InputErrors.
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../article/read.js';
import { InputError } from '../errors.js';
import { describeFsError, fsErrorCode } from '../fs-errors.js';

const HINT = 'choose another folder (--out, --history, --warc)';

/**
 * Creates `dir` and its missing parents one by one (Node's recursive mkdir spins forever under /proc)
 * and proves it writable, so a bad --out stops the run before a single request is sent.
 */
async function ensureFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    const found = await stat(at).then((stats) => ({ stats, error: undefined }), (error: unknown) => ({ stats: undefined, error }));
    if (found.stats) {
      if (!found.stats.isDirectory()) {
        const where = at === path.resolve(dir) ? 'it' : displayPath(at);
        throw new InputError(`cannot write into ${dir}: ${where} is a file, not a folder`, HINT);
      }
      break;
    }
    const code = fsErrorCode(found.error);
    const parent = path.dirname(at);
    if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === at) {
      throw new InputError(`cannot write into ${dir}: ${describeFsError(found.error)}`, HINT);
    }
    missing.unshift(at);
    at = parent;
  }
  for (const folder of missing) {
    await mkdir(folder).catch(async (e: unknown) => {
      // Another run may have made it a moment ago; anything else is this path's problem.
      if (fsErrorCode(e) === 'EEXIST' && (await stat(folder)).isDirectory()) return;
      const reason = fsErrorCode(e) === 'ENOENT' ? 'this file system does not allow creating it' : describeFsError(e);
      throw new InputError(`cannot write into ${dir}: ${reason}`, HINT);
    });
  }
  await access(dir, constants.W_OK).catch((e: unknown) => {
    throw new InputError(`cannot write into ${dir}: ${describeFsError(e)}`, HINT);
  });
}

/** Creates the folders a run will write into, and refuses a target that is a folder, up front. */
export async function prepareOutputs(targets: { dirs: readonly string[]; files: readonly string[] }): Promise<void> {
  for (const dir of [...targets.dirs, ...targets.files.map((f) => path.dirname(f))]) await ensureFolder(dir);
  for (const file of targets.files) {
    const existing = await stat(file).catch(() => undefined);
    if (existing?.isDirectory()) throw new InputError(`cannot write ${file}: it is a folder`, 'name a file, e.g. evidence.warc.gz');
  }
}

/**
 * Runs a write; a file-system failure becomes an InputError naming what could not be written. Any
 * other error is a bug and stays one: calling it a permissions problem would send the user astray.
 */
export async function writing<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof InputError || !fsErrorCode(e)) throw e;
    throw new InputError(`cannot write ${what}: ${describeFsError(e)}`, 'free some space or choose another folder (--out)');
  }
}
