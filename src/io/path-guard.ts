/**
 * Confine a path that came from outside (a patch, a mail, a definition, a
 * tree) to a root directory before anything reads or writes it.  A path is
 * refused when it is absolute, empty, has a NUL byte or a `.`/`..`
 * component, or when any existing component below the root is a symlink
 * (a symlinked directory inside a tree could lead anywhere) or not a
 * directory.  The last component, when it exists, must be a regular file.
 */
import { lstatSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

export class PathError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: error: ${reason}`);
  }
}

/** Why `path` cannot name a file under a root, or undefined when its form is fine. */
export function pathFormError(path: string): string | undefined {
  if (path === '') return 'empty path';
  if (path.includes('\0')) return 'path has a NUL byte';
  if (path.startsWith('/')) return 'absolute path; only paths inside the tree are allowed';
  const parts = path.split('/');
  if (parts.some((p) => p === '..')) return "path leaves the tree ('..')";
  if (parts.some((p) => p === '' || p === '.')) return "path has an empty or '.' component";
  return undefined;
}

/**
 * `root`/`path` after checking every component (see the header); returns
 * the full path and the file's lstat, undefined when it does not exist.
 * `shown` is the name used in the error (default: the path), `scope` what
 * the root is to the user (the tree, or the directory a writer writes in).
 */
export function confinePath(root: string, path: string, shown = path, scope = 'the tree'): { full: string; stat: Stats | undefined } {
  const form = pathFormError(path);
  if (form) throw new PathError(shown, form);
  const parts = path.split('/');
  let full = root;
  for (const [i, part] of parts.entries()) {
    full = join(full, part);
    const stat = lstatOrUndefined(full);
    if (stat === undefined) return { full: join(root, path), stat: undefined };
    if (stat.isSymbolicLink()) throw new PathError(shown, `${i === parts.length - 1 ? '' : `'${parts.slice(0, i + 1).join('/')}' `}is a symlink; syswire follows no symlink inside ${scope}`);
    if (i < parts.length - 1 && !stat.isDirectory()) throw new PathError(shown, `'${parts.slice(0, i + 1).join('/')}' is not a directory`);
    if (i === parts.length - 1 && !stat.isFile()) throw new PathError(shown, `not a regular file (${kindOf(stat)})`);
    if (i === parts.length - 1) return { full, stat };
  }
  throw new PathError(shown, 'empty path');
}

function lstatOrUndefined(full: string): Stats | undefined {
  try {
    return lstatSync(full);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new PathError(full, `cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** What a file is, for messages. */
export function kindOf(stat: Stats): string {
  if (stat.isFile()) return 'a regular file';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isSymbolicLink()) return 'a symlink';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'a special file';
}

/** Files past this size are refused: no kernel source file or mail comes near it. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The bytes of `root`/`path`, confined as confinePath does and refused past
 * MAX_FILE_BYTES; undefined when the file does not exist.
 */
export function readConfined(root: string, path: string, shown = path, scope?: string): Buffer | undefined {
  const { full, stat } = confinePath(root, path, shown, scope);
  if (stat === undefined) return undefined;
  if (stat.size > MAX_FILE_BYTES) throw new PathError(shown, `file too large (${stat.size} bytes; the limit is ${MAX_FILE_BYTES})`);
  return readFileSync(full);
}

/**
 * The bytes of a file the user named (a definition's patch, a mail, a
 * merge driver's input): symlinks are followed, as the user chose the
 * name, but it must be a regular file of sane size.
 */
export function readRegularFile(full: string, shown = full): Buffer {
  let stat: Stats;
  try {
    stat = statSync(full);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new PathError(shown, code === 'ENOENT' ? 'no such file' : code === 'ELOOP' ? 'symlink loop' : `cannot be read (${code ?? String(err)})`);
  }
  if (!stat.isFile()) throw new PathError(shown, `not a regular file (${kindOf(stat)})`);
  if (stat.size > MAX_FILE_BYTES) throw new PathError(shown, `file too large (${stat.size} bytes; the limit is ${MAX_FILE_BYTES})`);
  return readFileSync(full);
}
