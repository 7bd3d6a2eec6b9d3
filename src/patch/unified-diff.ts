/**
 * Turn file edits into one git-style unified diff, in process, with the
 * bytes `git diff <old-tree> <new-tree>` prints under the configuration
 * pinned in git.ts (core.abbrev=12, diff.renames=false, quotepath off).
 * git-diff-oracle.ts still asks real git, and the tests hold the two to
 * byte equality; `git apply` accepts the result on the original tree.
 *
 * Per changed file, in git's tree order (paths compared as UTF-8 bytes,
 * which is the order of a recursive tree walk, directories sorting as if
 * their names ended in '/'):
 *
 *   diff --git a/P b/P
 *   new file mode 100644 | deleted file mode 100644   (when one side is absent)
 *   index <old>..<new>[ 100644]      blob ids cut to 12 hex digits; the
 *                                    mode only when the file is on both sides
 *   --- a/P | /dev/null              only when there is a hunk (a new empty
 *   +++ b/P | /dev/null              file has none) ...
 *   @@ hunks (hunk-emitter.ts)
 *   Binary files a/P and b/P differ  ... or this, for a NUL byte in the
 *                                    first 8000 bytes of either side
 *
 * Unchanged files are left out.  A path with a control character, '"' or
 * '\' is written C-quoted ("a/x\ty"); a "---"/"+++" name with a space
 * gets a trailing TAB, as git does for GNU patch.  When one path is
 * edited twice the last edit wins, as it would on disk.
 *
 * Outside the model (FileEdit cannot express them, or no kernel edit
 * reaches them): modes other than 100644, symlinks, renames, a path that
 * is a file on one side and a directory on the other, files past git's
 * core.bigFileThreshold (512 MiB, which git treats as binary), and hunk
 * headers long enough for git's 128-byte cap to matter (ported, but it
 * needs line numbers of ten digits, so no test reaches it).
 */
import { hashBlob, NULL_OID } from './git-objects.js';
import type { FileEdit } from '../plan/file-edit.js';
import { emitHunks } from './hunk-emitter.js';
import { diffLines } from './line-diff.js';

/** A FileEdit that may also delete its file (after undefined). */
export interface FileChange {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

const MODE = '100644';
const ABBREV = 12;
const FIRST_FEW_BYTES = 8000;

/** Full blob id of a text (git-objects.ts hashBlob, or a caller's memo of it). */
export type BlobHasher = (text: string) => string;

/** The patch for planned edits, as `git diff` of the old and new trees prints it. */
export function diffEdits(edits: readonly FileEdit[], hash: BlobHasher = hashBlob): string {
  return diffFileChanges(edits, hash);
}

/** diffEdits, also for deleted files. */
export function diffFileChanges(changes: readonly FileChange[], hash: BlobHasher = hashBlob): string {
  const byPath = new Map<string, FileChange>();
  for (const change of changes) byPath.set(change.path, { ...change, before: wellFormed(change.before), after: wellFormed(change.after) });
  const paths = [...byPath.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return paths.map((p) => diffFile(byPath.get(p)!, hash)).join('');
}

function diffFile({ path, before, after }: FileChange, hash: BlobHasher): string {
  if (before === after) return '';
  const a = quotePath(`a/${path}`);
  const b = quotePath(`b/${path}`);
  const out = [`diff --git ${a} ${b}\n`];
  if (before === undefined) out.push(`new file mode ${MODE}\n`);
  if (after === undefined) out.push(`deleted file mode ${MODE}\n`);
  const both = before !== undefined && after !== undefined;
  out.push(`index ${blobId(before, hash)}..${blobId(after, hash)}${both ? ` ${MODE}` : ''}\n`);
  const oldName = before === undefined ? '/dev/null' : a;
  const newName = after === undefined ? '/dev/null' : b;
  if (isBinary(before) || isBinary(after)) {
    out.push(`Binary files ${oldName} and ${newName} differ\n`);
    return out.join('');
  }
  const hunks = emitHunks(diffLines(before ?? '', after ?? ''));
  if (hunks !== '') out.push(`--- ${oldName}${tabIfSpace(oldName)}\n+++ ${newName}${tabIfSpace(newName)}\n`, hunks);
  return out.join('');
}

const tabIfSpace = (name: string) => (name.includes(' ') ? '\t' : '');

/** The blob's SHA-1 (`blob <size>\0<bytes>`), abbreviated; all zeros for an absent side. */
function blobId(text: string | undefined, hash: BlobHasher): string {
  return (text === undefined ? NULL_OID : hash(text)).slice(0, ABBREV);
}

/** buffer_is_binary: a NUL among the first 8000 bytes. */
function isBinary(text: string | undefined): boolean {
  if (text === undefined) return false;
  const nul = text.indexOf('\0');
  return nul >= 0 && Buffer.byteLength(text.slice(0, nul), 'utf8') < FIRST_FEW_BYTES;
}

/** Lone surrogates are written to disk as U+FFFD; compare and hash them that way too. */
function wellFormed(text: string | undefined): string | undefined {
  if (text === undefined || !/[\ud800-\udfff]/.test(text)) return text;
  return Buffer.from(text, 'utf8').toString('utf8');
}

const C_ESCAPES: Record<string, string> = { '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '"': '"', '\\': '\\' };

/** quote_c_style with core.quotepath=false: only controls, DEL, '"' and '\' are escaped. */
function quotePath(name: string): string {
  if (!/[\x00-\x1f\x7f"\\]/.test(name)) return name;
  const body = name.replace(/[\x00-\x1f\x7f"\\]/g, (ch) => `\\${C_ESCAPES[ch] ?? ch.charCodeAt(0).toString(8).padStart(3, '0')}`);
  return `"${body}"`;
}
