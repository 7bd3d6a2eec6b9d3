/** A failed file operation in words, for the error lines of the writers (file-writer.ts, txn-lock.ts). */

const KNOWN: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large (a file-size limit?)',
  ENOTDIR: 'not a directory',
  ENOENT: 'no such file or directory',
};

/** `no space left on device`, `file too large`, ... (else the errno code). */
export function describeErrno(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return (e.code && KNOWN[e.code]) ?? e.code ?? String(err);
}
