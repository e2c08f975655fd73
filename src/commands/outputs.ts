// Output paths checked before any fetching, and file-system failures turned into one-line InputErrors.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';

const reasonOf = (e: unknown) => (e instanceof Error && 'code' in e ? String(e.code) : e instanceof Error ? e.message : String(e));

/** Creates the folders a run will write into, and refuses a target that is a folder, up front. */
export async function prepareOutputs(targets: { dirs: readonly string[]; files: readonly string[] }): Promise<void> {
  for (const dir of [...targets.dirs, ...targets.files.map((f) => path.dirname(f))]) {
    try {
      await mkdir(dir, { recursive: true });
    } catch (e) {
      throw new InputError(`cannot write into ${dir}: ${reasonOf(e)}`, 'choose another folder (--out, --history, --warc)');
    }
  }
  for (const file of targets.files) {
    const existing = await stat(file).catch(() => undefined);
    if (existing?.isDirectory()) throw new InputError(`cannot write ${file}: it is a folder`, 'name a file, e.g. evidence.warc.gz');
  }
}

/** Runs a write; a failure becomes an InputError naming what could not be written. */
export async function writing<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot write ${what}: ${reasonOf(e)}`, 'check the path and its permissions');
  }
}
