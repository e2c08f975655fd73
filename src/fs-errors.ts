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
};

/** The error's `code` when it is a file-system error Node raised (ENOENT, EACCES, …), else undefined. */
export function fsErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return undefined;
  return 'syscall' in error || error.code in REASONS ? error.code : undefined;
}

/** `EROFS` → "the file system is read-only"; an unknown code is kept as it is. */
export function describeFsError(error: unknown): string {
  const code = fsErrorCode(error);
  if (code) return REASONS[code] ?? code;
  return error instanceof Error ? error.message : String(error);
}
