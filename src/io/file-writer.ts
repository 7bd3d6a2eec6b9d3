/**
 * The only module that writes files.  A set of files is written all or
 * nothing, like git's `index.lock`:
 *
 * 1. lock: `ROOT/.syswire-txn/` with the owner's pid (txn-lock.ts); a
 *    second run on the same root is refused while the first one lives.
 *    A file whose caller said what it was planned from (`before`) must
 *    still hold those bytes, or another run changed it meanwhile;
 * 2. journal: the planned files, their temporary names and backups go to
 *    `.syswire-txn/journal.json` before anything else is written;
 * 3. stage: every new text is written to a temporary file beside its
 *    target, and every old file is hard-linked into `.syswire-txn/`;
 * 4. replace: the temporary files are renamed over their targets; when a
 *    rename fails, the files already replaced are put back from the
 *    backups (should that fail too, the lock and its backups stay, and
 *    the error says so instead of "nothing was written");
 * 5. unlock: journal, backups and lock go.
 *
 * A run killed before step 5 leaves the lock with a dead pid and its
 * journal.  The next run restores every file from the backups (and removes
 * files it had created), says so, and then does its own work; a lock or
 * journal it did not write (txn-journal.ts) is refused, not followed.  Roots
 * that are not directories (`--out /dev/full`) are refused.  Paths are
 * confined to their root (path-guard.ts); files whose bytes would not
 * change are not touched, so running twice is a no-op.  Several roots (the
 * tree and --out) form one transaction: all of them are staged before any
 * file is replaced, and a failure staging one undoes the others too.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { encodeText } from './byte-text.js';
import { confinePath, kindOf, PathError } from './path-guard.js';
import { describeErrno } from './errno-text.js';
import { readOwnJournal, TXN, writeJournal, type Journal, type JournalEntry } from './txn-journal.js';
import { clearLock, LockError, releaseLock, takeLock, type TakenOver } from './txn-lock.js';

export interface OutputFile {
  /** Path relative to the root. */
  path: string;
  content: string | Uint8Array;
  /**
   * The bytes `content` was computed from (null: the file did not exist).
   * Checked once the lock is held: a file that changed since it was read
   * (another run finished meanwhile, an editor) is refused, and nothing is
   * written, so a plan made from a tree half way through another run's
   * renames never lands.
   */
  before?: string | Uint8Array | null;
}

/** A file that will change: its new bytes, and the bytes it was planned from when the caller said. */
interface Change {
  path: string;
  shown: string;
  bytes: Buffer;
  before?: Buffer | null;
}

export interface FileSet {
  root: string;
  files: readonly OutputFile[];
}

export class WriteError extends Error {
  constructor(
    message: string,
    /** The transaction could not be undone: its lock, journal and backups stay for the next run. */
    readonly keepLock = false,
  ) {
    super(message);
  }
}

interface Staged {
  root: string;
  entry: JournalEntry;
  bytes: Buffer;
  mode: number;
}

/** Write one set; returns the paths written.  `note` receives recovery messages. */
export function writeFilesAtomic(root: string, files: readonly OutputFile[], note?: (text: string) => void): string[] {
  return writeFileSets([{ root, files }], note)[0]!;
}

/** Write several sets as one transaction; returns each set's written paths. */
export function writeFileSets(sets: readonly FileSet[], note: (text: string) => void = () => {}): string[][] {
  const plans = sets.map((set) => planSet(set));
  const active = plans.filter((p) => p.changed.length > 0);
  const locked: string[] = [];
  let keep = false;
  try {
    for (const p of active) {
      lock(p.root, note);
      locked.push(p.root);
    }
    for (const p of active) for (const c of p.changed) assertUnchanged(p.root, c);
    replaceAll(stageAll(active));
  } catch (err) {
    // A rollback that could not put every file back keeps the lock, its journal and backups for the next run.
    keep = err instanceof WriteError && err.keepLock;
    throw err;
  } finally {
    if (!keep) for (const root of locked) releaseLock(root);
  }
  return plans.map((p) => p.changed.map((f) => f.path));
}

function planSet(set: FileSet): { root: string; changed: Change[] } {
  const root = rootOf(set.root);
  const changed = set.files.flatMap((f) => {
    const shown = join(set.root, f.path);
    const { full, stat } = guarded(() => confinePath(root, f.path, shown, set.root));
    const bytes = typeof f.content === 'string' ? encodeText(f.content) : Buffer.from(f.content);
    if (stat !== undefined && stat.size === bytes.length && readFileSync(full).equals(bytes)) return [];
    assertWritable(full, shown, stat !== undefined);
    const before = f.before === undefined || f.before === null ? f.before : typeof f.before === 'string' ? encodeText(f.before) : Buffer.from(f.before);
    return [{ path: f.path, shown, bytes, ...(before !== undefined ? { before } : {}) }];
  });
  return { root, changed };
}

/**
 * The real path of a root to write in (created when the files are
 * staged), refused when it or the nearest existing ancestor is not a
 * directory: `--out /dev/full`, `--out FILE`, `--out FILE/sub`.
 */
function rootOf(given: string): string {
  const rest: string[] = [];
  let dir = given;
  while (!existsSync(dir) && dirname(dir) !== dir) {
    rest.unshift(basename(dir));
    dir = dirname(dir);
  }
  const stat = statSync(dir);
  if (!stat.isDirectory()) {
    throw new WriteError(rest.length === 0 ? `${given}: error: not a directory (${kindOf(stat)}); nothing was written` : `${given}: error: '${dir}' is not a directory; nothing was written`);
  }
  return join(realpathSync(dir), ...rest);
}

/** Replacing by rename ignores a file's own mode, so honour read-only files (and unwritable directories) here. */
function assertWritable(full: string, shown: string, exists: boolean): void {
  if (exists && (statSync(full).mode & 0o222) === 0) throw new WriteError(`${shown}: error: read-only or not writable; nothing was written`);
  try {
    if (exists) accessSync(full, constants.W_OK);
    let dir = dirname(full);
    while (!existsSync(dir)) dir = dirname(dir);
    accessSync(dir, constants.W_OK);
  } catch (err) {
    // access(2) says EPERM for an immutable file (chattr +i), EROFS for a read-only mount.
    const why = (err as NodeJS.ErrnoException).code === 'EPERM' ? 'operation not permitted (immutable?)' : describeErrno(err);
    throw new WriteError(`${shown}: error: cannot be written: ${why}; nothing was written`);
  }
}

/** Under the lock: the file still holds the bytes its new content was planned from. */
function assertUnchanged(root: string, c: Change): void {
  if (c.before === undefined) return;
  const full = join(root, c.path);
  const now = existsSync(full) ? readFileSync(full) : null;
  if (now === null ? c.before === null : c.before !== null && now.equals(c.before)) return;
  throw new WriteError(`${c.shown}: error: changed since syswire read it (another syswire run, an editor?): run again; nothing was written`);
}

/** Stage every set; on any failure, every set staged so far (another root included) is undone. */
function stageAll(plans: readonly { root: string; changed: readonly Change[] }[]): Staged[] {
  const journals = new Map<string, Journal>();
  try {
    return plans.flatMap((p) => stageSet(p.root, p.changed, journals));
  } catch (err) {
    if (!(err instanceof StageError)) throw err;
    const roots = [...journals.keys()];
    const undo = roots.map((root) => restore(root, journals.get(root)!));
    throw rolledBack(`${err.at}: error: ${describeErrno(err.cause)}`, mergeUndo(undo), roots);
  }
}

class StageError extends Error {
  constructor(
    readonly at: string,
    override readonly cause: unknown,
  ) {
    super(at);
  }
}

/** Journal, then temporary files and backups; a failure throws StageError for stageAll to undo. */
function stageSet(root: string, changed: readonly Change[], journals: Map<string, Journal>): Staged[] {
  const txn = join(root, TXN);
  const journal: Journal = { pid: process.pid, entries: [], dirs: [] };
  const staged = changed.map((f, i): Staged => {
    const full = join(root, f.path);
    const name = f.path.split('/').pop()!;
    const tmp = join(dirname(f.path), `.${name}.syswire-${process.pid}.tmp`);
    const old = existsSync(full) ? statSync(full) : undefined;
    const entry: JournalEntry = { path: f.path, tmp, sha1: sha1(f.bytes), ...(old ? { backup: join(TXN, `old-${i}`) } : {}) };
    return { root, entry, bytes: f.bytes, mode: old ? old.mode & 0o7777 : 0o644 };
  });
  journal.entries = staged.map((s) => s.entry);
  for (const s of staged) for (const dir of missingDirs(root, dirname(s.entry.path))) if (!journal.dirs.includes(dir)) journal.dirs.push(dir);
  let at = join(txn, 'journal.json');
  journals.set(root, journal);
  try {
    writeJournal(txn, journal);
    for (const dir of journal.dirs) mkdirSync((at = join(root, dir)));
    for (const s of staged) {
      at = join(root, s.entry.path);
      writeFileSync(join(root, s.entry.tmp), s.bytes, { mode: s.mode });
      if (s.entry.backup) backUp(join(root, s.entry.path), join(root, s.entry.backup));
    }
  } catch (err) {
    throw new StageError(at, err);
  }
  return staged;
}

/** Rename every temporary file over its target; on a failure, undo the renames done. */
function replaceAll(staged: readonly Staged[]): void {
  for (const [i, s] of staged.entries()) {
    try {
      renameSync(join(s.root, s.entry.tmp), join(s.root, s.entry.path));
    } catch (err) {
      const roots = [...new Set(staged.map((x) => x.root))];
      const undo = mergeUndo(roots.map((root) => restore(root, readOwnJournal(root))));
      const undone = i === 0 || undo.failed.length > 0 ? '' : `; the ${i} file${i > 1 ? 's' : ''} already replaced ${i > 1 ? 'were' : 'was'} restored`;
      throw rolledBack(`${join(s.root, s.entry.path)}: error: cannot replace: ${describeErrno(err)}${undone}`, undo, roots);
    }
  }
}

/** The error of a failed transaction: "nothing was written" only when the rollback put every file back. */
function rolledBack(message: string, undo: Restored, roots: readonly string[]): WriteError {
  if (undo.failed.length === 0 && undo.left.length === 0) return new WriteError(`${message}; nothing was written`);
  // Every target is back, only temporary files stay (an append-only directory): name them, keep no lock.
  if (undo.failed.length === 0) return new WriteError(`${message}; no file was changed, but ${leftOver(undo.left)}`);
  const where = roots.map((r) => join(r, TXN)).join(' and ');
  return new WriteError(`${message}; rolling back failed for ${undo.failed.join(', ')}: the old files are kept in ${where}, and the next syswire run restores them`, true);
}

/** Take the lock of `root`, rolling back what a killed run left there (txn-lock.ts). */
function lock(root: string, note: (text: string) => void): void {
  let dead: TakenOver | undefined;
  try {
    mkdirSync(root, { recursive: true });
    dead = takeLock(root);
  } catch (err) {
    if (err instanceof LockError) throw new WriteError(`${err.message}; nothing was written`);
    throw new WriteError(`${(err as NodeJS.ErrnoException).path ?? root}: error: cannot lock: ${describeErrno(err)}; nothing was written`);
  }
  if (!dead) return;
  const txn = join(root, TXN);
  const undo = dead.journal ? restore(root, dead.journal) : { restored: 0, failed: [], left: [] };
  // The lock is this run's now: the backups it keeps stay for the next run.
  if (undo.failed.length > 0) throw new WriteError(`${txn}: error: cannot restore ${undo.failed.join(', ')} from an interrupted syswire run's backups; nothing was written`, true);
  clearLock(root);
  if (undo.left.length > 0) note(`${root}: warning: ${leftOver(undo.left)}\n`);
  const total = dead.journal?.entries.length ?? 0;
  const what = undo.restored > 0 ? `had replaced ${undo.restored} of ${total} files; the old files are restored` : 'had replaced no file; its temporary files are removed';
  note(`${root}: note: an interrupted syswire run${dead.pid !== undefined && dead.pid > 0 ? ` (pid ${dead.pid})` : ''} ${what}\n`);
}

interface Restored {
  restored: number;
  /** Paths that could not be put back (their backups stay in TXN). */
  failed: string[];
  /** Temporary files that could not be removed, with the reason. */
  left: string[];
}

function mergeUndo(undos: readonly Restored[]): Restored {
  return { restored: 0, failed: undos.flatMap((u) => u.failed), left: undos.flatMap((u) => u.left) };
}

function leftOver(left: readonly string[]): string {
  return `the temporary file${left.length > 1 ? 's' : ''} ${left.join(', ')} could not be removed: remove ${left.length > 1 ? 'them' : 'it'} by hand`;
}

/**
 * Put back every file of `journal` and remove its temporary files.  A
 * target that still has its old bytes (same inode as the backup, or the
 * same content when the backup had to be a copy) is left alone.
 */
function restore(root: string, journal: Journal): Restored {
  const undo: Restored = { restored: 0, failed: [], left: [] };
  for (const e of journal.entries) {
    const full = join(root, e.path);
    try {
      // unlink, not rmSync: rmSync answers an append-only directory's EPERM with ENOTDIR.
      unlinkSync(join(root, e.tmp));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') undo.left.push(`${join(root, e.tmp)} (${describeErrno(err)})`);
    }
    try {
      if (e.backup) {
        const backup = join(root, e.backup);
        if (!existsSync(backup)) continue;
        if (existsSync(full) && sameFile(full, backup)) rmSync(backup);
        else {
          putBack(backup, join(root, e.tmp), full);
          undo.restored++;
        }
      } else if (existsSync(full) && sha1(readFileSync(full)) === e.sha1) {
        unlinkSync(full);
        undo.restored++;
      }
    } catch (err) {
      undo.failed.push(`${e.path} (${describeErrno(err)})`);
    }
  }
  for (const dir of [...journal.dirs].reverse()) {
    try {
      if (readdirSync(join(root, dir)).length === 0) rmdirSync(join(root, dir));
    } catch {
      // Absent, or not empty: someone else's now.
    }
  }
  return undo;
}

/**
 * Rename a backup over its target; across a mount inside the root (a bind
 * mounted arch directory: EXDEV), copy it beside the target and rename
 * that, so the target is still replaced in one step.
 */
function putBack(backup: string, tmp: string, full: string): void {
  try {
    renameSync(backup, full);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    copyFileSync(backup, tmp);
    renameSync(tmp, full);
    unlinkSync(backup);
  }
}

function sameFile(a: string, b: string): boolean {
  const [sa, sb] = [statSync(a), statSync(b)];
  return sa.ino === sb.ino || (sa.size === sb.size && readFileSync(a).equals(readFileSync(b)));
}

function backUp(full: string, backup: string): void {
  try {
    linkSync(full, backup);
  } catch {
    copyFileSync(full, backup);
  }
}

/** `dir` and its ancestors below `root` that do not exist yet, parents first. */
function missingDirs(root: string, dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; d !== '.' && d !== '' && !existsSync(join(root, d)); d = dirname(d)) out.unshift(d);
  return out;
}



function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof PathError) throw new WriteError(`${err.message}; nothing was written`);
    throw err;
  }
}

const sha1 = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex');

