/**
 * syswire's own temporary directories: a scratch git repository, lint's
 * patched copy of a tree, mailinfo's output, git apply's single file.
 * They are made under $TMPDIR, written only here and removed by their
 * users.  Text is written with encodeText, so bytes that are not UTF-8
 * reach git as they were.  A write that fails (a full or read-only
 * $TMPDIR, a file-size limit) is a WriteError naming the file, not a
 * stack trace.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { encodeText } from './byte-text.js';
import { describeErrno, WriteError } from './file-writer.js';

/** A new directory `$TMPDIR/<prefix>XXXXXX`. */
export function makeScratchDir(prefix: string): string {
  const template = join(tmpdir(), prefix);
  try {
    return mkdtempSync(template);
  } catch (err) {
    throw scratchError(`${template}XXXXXX`, err);
  }
}

/** Write `content` (text through encodeText) to `full` inside a scratch directory, creating its parents. */
export function writeScratchFile(full: string, content: string | Uint8Array): void {
  try {
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof content === 'string' ? encodeText(content) : content);
  } catch (err) {
    throw scratchError(full, err);
  }
}

export function removeScratchDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

function scratchError(path: string, err: unknown): WriteError {
  return new WriteError(`${path}: error: ${describeErrno(err)} in syswire's temporary directory (is $TMPDIR full or read-only?)`);
}
