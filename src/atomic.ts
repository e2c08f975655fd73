// Atomic file replacement (temp file in the same directory + fsync + rename) for reports, history, caches, WARCs.
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

/**
 * Writes `data` to `file` so that readers see either the old file or the complete new one, never a
 * torn mix: a run killed mid-write leaves only a stray `.tmp` file beside an intact original.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  fs: AtomicFs = realFs,
): Promise<void> {
  const dir = path.dirname(file);
  // Same directory as the target: rename(2) is only atomic within one filesystem.
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  await nodeFs.mkdir(dir, { recursive: true });
  try {
    const handle = await fs.open(tmp, 'w');
    try {
      await handle.writeFile(data);
      // fsync before rename, or a power cut can leave a renamed but empty file (ext4 delalloc).
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
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
