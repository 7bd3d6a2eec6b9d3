/**
 * The only module that writes files.  A set of files is written all or
 * nothing, like git's `index.lock`:
 *
 * 1. lock: `ROOT/.syswire-txn/` is created (mkdir is atomic); a second run
 *    on the same root is refused while the first one lives;
 * 2. journal: the planned files, their temporary names and backups go to
 *    `.syswire-txn/journal.json` before anything else is written;
 * 3. stage: every new text is written to a temporary file beside its
 *    target, and every old file is hard-linked into `.syswire-txn/`;
 * 4. replace: the temporary files are renamed over their targets; when a
 *    rename fails, the files already replaced are put back from the
 *    backups;
 * 5. unlock: backups, journal and lock go.
 *
 * A run killed before step 5 leaves the lock with a dead pid and its
 * journal.  The next run restores every file from the backups (and removes
 * files it had created), says so, and then does its own work.  Paths are
 * confined to their root (path-guard.ts); files whose bytes would not
 * change are not touched, so running twice is a no-op.  Several roots (the
 * tree and --out) form one transaction: all of them are staged before any
 * file is replaced.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { encodeText } from './byte-text.js';
import { confinePath, PathError } from './path-guard.js';

export interface OutputFile {
  /** Path relative to the root. */
  path: string;
  content: string | Uint8Array;
}

export interface FileSet {
  root: string;
  files: readonly OutputFile[];
}

export class WriteError extends Error {}

const TXN = '.syswire-txn';

interface JournalEntry {
  path: string;
  /** Temporary file beside the target, relative to the root. */
  tmp: string;
  /** Hard link of the old file inside TXN; absent for a new file. */
  backup?: string;
  /** SHA-1 of the new bytes: a created file is removed only when it still has them. */
  sha1: string;
}

interface Journal {
  pid: number;
  entries: JournalEntry[];
  /** Directories created for new files, parents first. */
  dirs: string[];
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
  try {
    for (const p of active) {
      lock(p.root, note);
      locked.push(p.root);
    }
    const staged = active.flatMap((p) => stageSet(p.root, p.changed));
    replaceAll(staged);
  } finally {
    for (const root of locked) unlock(root);
  }
  return plans.map((p) => p.changed.map((f) => f.path));
}

function planSet(set: FileSet): { root: string; changed: { path: string; bytes: Buffer }[] } {
  mkdirSync(set.root, { recursive: true });
  const root = realpathSync(set.root);
  const changed = set.files.flatMap((f) => {
    const { full, stat } = guarded(() => confinePath(root, f.path));
    const bytes = typeof f.content === 'string' ? encodeText(f.content) : Buffer.from(f.content);
    if (stat !== undefined && readFileSync(full).equals(bytes)) return [];
    assertWritable(full, f.path, stat !== undefined);
    return [{ path: f.path, bytes }];
  });
  return { root, changed };
}

/** Replacing by rename ignores a file's own mode, so honour read-only files (and unwritable directories) here. */
function assertWritable(full: string, path: string, exists: boolean): void {
  try {
    if (exists && (statSync(full).mode & 0o222) === 0) throw new Error('read-only');
    if (exists) accessSync(full, constants.W_OK);
    let dir = dirname(full);
    while (!existsSync(dir)) dir = dirname(dir);
    accessSync(dir, constants.W_OK);
  } catch {
    throw new WriteError(`${path}: error: read-only or not writable; nothing was written`);
  }
}

/** Journal, then temporary files and backups; on any failure, nothing is left behind. */
function stageSet(root: string, changed: readonly { path: string; bytes: Buffer }[]): Staged[] {
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
  try {
    writeJournal(txn, journal);
    for (const dir of journal.dirs) mkdirSync(join(root, dir));
    for (const s of staged) {
      writeFileSync(join(root, s.entry.tmp), s.bytes, { mode: s.mode });
      if (s.entry.backup) backUp(join(root, s.entry.path), join(root, s.entry.backup));
    }
  } catch (err) {
    restore(root, journal);
    throw new WriteError(`${failedPath(err, root)}: error: ${describe(err)}; nothing was written`);
  }
  return staged;
}

/** Rename every temporary file over its target; on a failure, undo the renames done. */
function replaceAll(staged: readonly Staged[]): void {
  for (const [i, s] of staged.entries()) {
    try {
      renameSync(join(s.root, s.entry.tmp), join(s.root, s.entry.path));
    } catch (err) {
      for (const root of new Set(staged.map((x) => x.root))) restore(root, readJournal(join(root, TXN))!);
      const undone = i === 0 ? '' : `; the ${i} file${i > 1 ? 's' : ''} already replaced ${i > 1 ? 'were' : 'was'} restored`;
      throw new WriteError(`${join(s.root, s.entry.path)}: error: cannot replace: ${describe(err)}${undone}; nothing was written`);
    }
  }
}

function lock(root: string, note: (text: string) => void): void {
  const txn = join(root, TXN);
  try {
    mkdirSync(txn);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new WriteError(`${txn}: error: cannot lock: ${describe(err)}; nothing was written`);
    recover(root, note);
    mkdirSync(txn);
  }
  writeFileSync(join(txn, 'pid'), `${process.pid}\n`);
}

function unlock(root: string): void {
  rmSync(join(root, TXN), { recursive: true, force: true });
}

/** Undo what a dead run left (see the header); refuse while the run lives. */
function recover(root: string, note: (text: string) => void): void {
  const txn = join(root, TXN);
  const pid = Number(readOptional(join(txn, 'pid'))?.trim());
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
    throw new WriteError(`${txn}: error: another syswire run (pid ${pid}) is writing in ${root}; wait for it to finish; nothing was written`);
  }
  const journal = readJournal(txn);
  const restored = journal ? restore(root, journal) : 0;
  unlock(root);
  const what = restored > 0 ? `had replaced ${restored} of ${journal!.entries.length} files; the old files are restored` : 'had replaced no file; its temporary files are removed';
  note(`${root}: note: an interrupted syswire run${Number.isInteger(pid) ? ` (pid ${pid})` : ''} ${what}\n`);
}

/** Put back every file of `journal` and remove its temporary files; returns how many were restored. */
function restore(root: string, journal: Journal): number {
  let restored = 0;
  for (const e of journal.entries) {
    const full = join(root, e.path);
    rmSync(join(root, e.tmp), { force: true });
    if (e.backup) {
      const backup = join(root, e.backup);
      if (!existsSync(backup)) continue;
      if (existsSync(full) && statSync(full).ino === statSync(backup).ino) rmSync(backup);
      else {
        renameSync(backup, full);
        restored++;
      }
    } else if (existsSync(full) && sha1(readFileSync(full)) === e.sha1) {
      unlinkSync(full);
      restored++;
    }
  }
  for (const dir of [...journal.dirs].reverse()) {
    try {
      if (readdirSync(join(root, dir)).length === 0) rmdirSync(join(root, dir));
    } catch {
      // Absent, or not empty: someone else's now.
    }
  }
  return restored;
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

function writeJournal(txn: string, journal: Journal): void {
  writeFileSync(join(txn, 'journal.tmp'), JSON.stringify(journal));
  renameSync(join(txn, 'journal.tmp'), join(txn, 'journal.json'));
}

function readJournal(txn: string): Journal | undefined {
  const text = readOptional(join(txn, 'journal.json'));
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Journal;
  } catch {
    return undefined;
  }
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
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

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const known: Record<string, string> = { ENOSPC: 'no space left on device', EACCES: 'permission denied', EPERM: 'operation not permitted', EROFS: 'read-only file system', EDQUOT: 'disk quota exceeded' };
  return (e.code && known[e.code]) ?? e.code ?? String(err);
}

function failedPath(err: unknown, root: string): string {
  return (err as NodeJS.ErrnoException).path ?? root;
}
