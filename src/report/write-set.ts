// Writes a set of report files all-or-nothing: every file to a temp file first, then every rename.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { realFs, syncDirectory, type AtomicFs } from '../atomic.js';
import { InputError } from '../errors.js';
import { describeFsError, fsErrorCode } from '../fs-errors.js';

/** One report file: its name in the folder and its text as pieces, produced only while it is written. */
export interface ReportFile {
  name: string;
  chunks: () => Iterable<string>;
}

/** A format whose renderer failed (a bug): the others are still written. */
export interface RenderFailure {
  name: string;
  error: unknown;
}

/**
 * Pieces are gathered to about this many characters per write call. Small enough that the pieces die
 * young: with 1 Mi characters, every scavenge during rendering copied the batch's pieces (GC pauses
 * ~50 ms of a 2,000-claim report's end phase, ~26 ms at 64 Ki); 16 Ki costs more in write calls.
 */
const BATCH_CHARS = 1 << 16;

const list = (names: readonly string[]): string => names.join(', ');

/** Each batch is rendered while the one before it is being written (one write in flight at a time). */
async function writeTemp(fs: AtomicFs, tmp: string, file: ReportFile): Promise<void> {
  const handle = await fs.open(tmp, 'w');
  let writing: Promise<unknown> = Promise.resolve();
  try {
    let batch: string[] = [];
    let size = 0;
    for (const piece of file.chunks()) {
      batch.push(piece);
      size += piece.length;
      if (size >= BATCH_CHARS) {
        const text = batch.join('');
        batch = [];
        size = 0;
        await writing;
        writing = handle.write(text);
      }
    }
    await writing;
    if (size > 0) await handle.write(batch.join(''));
    // fsync before rename, or a power cut can leave a renamed but empty file (ext4 delalloc).
    await handle.sync();
  } finally {
    // A renderer that failed mid-file leaves at most one write in flight: let it end before closing.
    await writing.catch(() => undefined);
    await handle.close();
  }
}

/**
 * Writes every file to a temp file beside its target, and only when all are on disk renames them
 * over the old ones: a full disk leaves the previous reports whole, never a mix of two runs. A
 * file-system failure is an InputError that says which reports were replaced; a renderer's failure
 * drops only that format and is returned, so report.json and the rest are still written.
 */
export async function writeReportSet(
  dir: string, files: readonly ReportFile[], fs: AtomicFs = realFs,
): Promise<{ written: string[]; failed: RenderFailure[] }> {
  for (const file of files) {
    if (path.basename(file.name) !== file.name || file.name.startsWith('.')) throw new Error(`not a plain file name: ${file.name}`);
    // A folder in a report's place would fail only at its rename, after the others were replaced.
    if (await stat(path.join(dir, file.name)).then((s) => s.isDirectory(), () => false)) {
      throw new InputError(`cannot write ${file.name} in ${dir}: it is a folder; no report was replaced`,
        'move that folder away or choose another folder (--out)');
    }
  }
  await mkdir(dir, { recursive: true });
  const tag = `${process.pid}.${randomBytes(6).toString('hex')}`;
  const staged: { name: string; tmp: string; target: string }[] = [];
  const failed: RenderFailure[] = [];
  const discard = (): Promise<unknown> => Promise.all(staged.map((s) => fs.rm(s.tmp, { force: true }).catch(() => undefined)));
  for (const file of files) {
    const target = path.join(dir, file.name);
    const tmp = path.join(dir, `.${file.name}.${tag}.tmp`);
    try {
      await writeTemp(fs, tmp, file);
      staged.push({ name: file.name, tmp, target });
    } catch (error) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      if (!fsErrorCode(error)) {
        failed.push({ name: file.name, error });
        continue;
      }
      await discard();
      throw new InputError(`cannot write ${file.name} in ${dir}: ${describeFsError(error)}; no report was replaced`,
        'free some space or choose another folder (--out); the previous reports are intact');
    }
  }
  const replaced: string[] = [];
  for (const [i, s] of staged.entries()) {
    try {
      await fs.rename(s.tmp, s.target);
      replaced.push(s.name);
    } catch (error) {
      await discard();
      const kept = staged.slice(i).map((k) => k.name);
      throw new InputError(`cannot replace ${s.name} in ${dir}: ${describeFsError(error)}; `
        + `${replaced.length ? `replaced ${list(replaced)}, ` : 'no report was replaced, '}kept the previous ${list(kept)}`,
      'fix the folder and run again so all reports come from one run');
    }
  }
  await syncDirectory(dir);
  return { written: staged.map((s) => s.target), failed };
}

/** The error a run ends with when a renderer failed after the other reports and the history were written. */
export function renderFailureError(failed: readonly RenderFailure[]): Error {
  const what = failed.map((f) => `${f.name} (${f.error instanceof Error ? f.error.message : String(f.error)})`).join(', ');
  return new Error(`could not render ${what}; the other reports were written`, { cause: failed[0]?.error });
}
