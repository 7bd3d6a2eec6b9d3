/**
 * The DEFS argument, as the commands read it.  The file is checked before
 * a byte is read: it must exist and be a regular file (a symlink to one
 * is fine, the user named it), so a directory, a FIFO or /dev/zero is a
 * `path: error:` line instead of a hang or a stack trace.  It must be at
 * most 1 MiB and UTF-8; every refusal is a DiagnosticError (exit 1).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { decodeDefinition, MAX_DEFINITION_BYTES, sizeProblem } from '../model/definition-text.js';
import { loadDefinitions, type LoadedDefs } from '../model/defs-loader.js';
import { kindOf } from '../io/path-guard.js';
import { DiagnosticError } from '../model/diagnostics.js';
import type { CliContext } from './context.js';

/** Load DEFS (relative to the working directory), or throw the located reasons it cannot be. */
export function loadDefsArg(ctx: CliContext, defsPath: string): { loaded: LoadedDefs; defsFile: string } {
  const defsFile = resolve(ctx.cwd, defsPath);
  const text = decodeDefinition(defsPath, readDefinitionBytes(defsPath, defsFile));
  return { loaded: loadDefinitions(defsPath, text), defsFile };
}

/** The bytes of a regular file of at most MAX_DEFINITION_BYTES. */
function readDefinitionBytes(defsPath: string, defsFile: string): Buffer {
  const refuse = (reason: string) => new DiagnosticError([{ file: defsPath, line: 0, col: 0, severity: 'error', message: reason }]);
  const st = statFollowing(defsFile, refuse);
  const kind = fileKind(st);
  if (kind) throw refuse(`is ${kind}, not a regular file`);
  const tooBig = sizeProblem(st.size);
  if (tooBig) throw refuse(tooBig);
  // O_NONBLOCK: should the path become a FIFO after the check, opening it does not wait for a writer.
  let fd: number;
  try {
    fd = openSync(defsFile, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    throw refuse(`cannot be read: ${errnoReason(err)}`);
  }
  try {
    const kindNow = fileKind(fstatSync(fd));
    if (kindNow) throw refuse(`is ${kindNow}, not a regular file`);
    // Read one byte past the limit, so a file that grew since the check is still refused.
    const buf = Buffer.alloc(MAX_DEFINITION_BYTES + 1);
    let length = 0;
    for (let n; length < buf.length && (n = readSync(fd, buf, length, buf.length - length, null)) > 0; ) length += n;
    const grown = sizeProblem(length, true);
    if (grown) throw refuse(grown);
    return buf.subarray(0, length);
  } catch (err) {
    if (err instanceof DiagnosticError) throw err;
    throw refuse(`cannot be read: ${errnoReason(err)}`);
  } finally {
    closeSync(fd);
  }
}

/** stat() through symlinks, with each failure said in words. */
function statFollowing(file: string, refuse: (reason: string) => DiagnosticError): Stats {
  try {
    return statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw refuse('is a symbolic link loop (or a chain of more than 40 links)');
    if (code === 'ENOENT' && isSymlink(file)) throw refuse('is a dangling symbolic link: its target does not exist');
    if (code === 'ENOENT' || code === 'ENOTDIR') throw refuse('no such definition file');
    throw refuse(`cannot be read: ${errnoReason(err)}`);
  }
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** `a directory`, `a FIFO`, ... (path-guard's words); undefined for a regular file. */
const fileKind = (st: Stats): string | undefined => (st.isFile() ? undefined : kindOf(st));

/** `permission denied (EACCES)` from a Node errno error. */
function errnoReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const words: Record<string, string> = { EACCES: 'permission denied', EPERM: 'operation not permitted', EISDIR: 'it is a directory', EIO: 'input/output error' };
  return e.code ? `${words[e.code] ?? e.message.replace(/^\w+: /, '').replace(/, \w+ '.*'$/, '')} (${e.code})` : String(err);
}
