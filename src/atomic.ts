// Atomic file replacement (temp file in the same directory + fsync + rename) for reports, history, caches, WARCs.
import { rmSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** The few fs calls an atomic write needs; injectable so a test can make one step fail for real. */
export interface AtomicFs {
  open: typeof nodeFs.open;
  rename: typeof nodeFs.rename;
  rm: typeof nodeFs.rm;
}

export const realFs: AtomicFs = { open: nodeFs.open, rename: nodeFs.rename, rm: nodeFs.rm };

/** A file being written beside its target: nothing replaces the target until `commit`. */
export interface AtomicFile {
  write(data: string | Uint8Array): Promise<void>;
  /** fsync, rename over the target, fsync the folder. */
  commit(): Promise<void>;
  /** Removes the temp file; the target is left as it was. */
  discard(): Promise<void>;
  /** discard, synchronously and best effort: for a process about to exit on a signal. */
  discardNow(): void;
}

/**
 * Opens a temp file in the target's folder (rename(2) is only atomic within one filesystem) for a
 * file written piece by piece: readers see the old file or the complete new one, never a torn mix,
 * and a run killed mid-write leaves only a stray `.tmp` file beside an intact original.
 */
export async function openAtomic(file: string, fs: AtomicFs = realFs): Promise<AtomicFile> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  await nodeFs.mkdir(dir, { recursive: true });
  const handle = await fs.open(tmp, 'w');
  let open = true;
  const close = async () => { if (open) { open = false; await handle.close(); } };
  const discard = async () => {
    await close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  };
  return {
    // writeFile writes at the current position: pieces follow one another.
    write: async (data) => { await handle.writeFile(data); },
    commit: async () => {
      try {
        // fsync before rename, or a power cut can leave a renamed but empty file (ext4 delalloc).
        await handle.sync();
        await close();
        await fs.rename(tmp, file);
      } catch (error) {
        await discard();
        throw error;
      }
      await syncDirectory(dir);
    },
    discard,
    discardNow: () => { try { rmSync(tmp, { force: true }); } catch { /* exiting anyway */ } },
  };
}

/** Writes `data` to `file` atomically (see openAtomic). */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  fs: AtomicFs = realFs,
): Promise<void> {
  const out = await openAtomic(file, fs);
  try {
    await out.write(data);
  } catch (error) {
    await out.discard();
    throw error;
  }
  await out.commit();
}

/** Persists the rename itself; best effort because some platforms (Windows) cannot open a directory. */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await nodeFs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Directory fsync is unsupported here; the rename is still atomic, just not yet durable.
  }
}
