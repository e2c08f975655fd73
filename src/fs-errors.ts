// File-system error codes in words: what a user sees instead of ENOENT, EEXIST or EROFS.

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EEXIST: 'it is a file, not a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for this file system',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EIO: 'an input/output error from the device',
  EBUSY: 'the file is busy',
  EXDEV: 'a temporary file and its target are on different devices',
  // The history database (better-sqlite3) reports its file problems with SQLite's own codes.
  SQLITE_FULL: 'no space left on the device',
  SQLITE_READONLY: 'the database file is read-only',
  SQLITE_CANTOPEN: 'the database file cannot be opened',
  SQLITE_IOERR: 'an input/output error from the device',
  SQLITE_BUSY: 'the database is busy (another run is writing it)',
  SQLITE_PERM: 'permission denied',
};

/** The error's `code` when it is a file-system error Node raised (ENOENT, EACCES, …), else undefined. */
export function fsErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return undefined;
  if (error.code.startsWith('SQLITE_IOERR')) return 'SQLITE_IOERR';
  return 'syscall' in error || error.code in REASONS ? error.code : undefined;
}

/** `EROFS` → "the file system is read-only"; an unknown code is kept as it is. */
export function describeFsError(error: unknown): string {
  const code = fsErrorCode(error);
  if (code) return REASONS[code] ?? code;
  return error instanceof Error ? error.message : String(error);
}
