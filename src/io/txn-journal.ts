/**
 * The journal of a write transaction (file-writer.ts), in
 * `ROOT/.syswire-txn/journal.json`:
 *
 *   { "pid": 1234, "dirs": ["include/uapi/linux"],
 *     "entries": [{ "path": "kernel/sys_ni.c", "tmp": "kernel/.sys_ni.c.syswire-1234.tmp",
 *                   "backup": ".syswire-txn/old-3", "sha1": "<new bytes>" }] }
 *
 * A journal left by a killed run drives the next run's recovery, so one
 * found on disk is trusted only when it is what this module writes: every
 * path relative, without `..` and without a symlink along it, and every
 * backup a file of `.syswire-txn`.  A tree from a stranger could carry a
 * planted `.syswire-txn` naming `../../somewhere`.
 */
import { lstatSync, readFileSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { pathFormError } from './path-guard.js';

export const TXN = '.syswire-txn';

export interface JournalEntry {
  path: string;
  /** Temporary file beside the target, relative to the root. */
  tmp: string;
  /** Hard link of the old file inside TXN; absent for a new file. */
  backup?: string;
  /** SHA-1 of the new bytes: a created file is removed only when it still has them. */
  sha1: string;
}

export interface Journal {
  pid: number;
  entries: JournalEntry[];
  /** Directories created for new files, parents first. */
  dirs: string[];
}

export function writeJournal(txn: string, journal: Journal): void {
  writeFileSync(join(txn, 'journal.tmp'), JSON.stringify(journal));
  renameSync(join(txn, 'journal.tmp'), join(txn, 'journal.json'));
}

/** The journal this run wrote in `root` (for its own rollback). */
export function readOwnJournal(root: string): Journal {
  return JSON.parse(readFileSync(join(root, TXN, 'journal.json'), 'utf8')) as Journal;
}

/**
 * The journal a lock found in `root` holds: none (the run died before
 * writing it), a journal whose every path is confined, or why it is not
 * one this module wrote.
 */
export function readFoundJournal(root: string): { journal?: Journal; problem?: string } {
  let text: string;
  try {
    text = readFileSync(join(root, TXN, 'journal.json'), 'utf8');
  } catch {
    return {};
  }
  let journal: unknown;
  try {
    journal = JSON.parse(text);
  } catch {
    return { problem: 'not valid JSON' };
  }
  const problem = journalProblem(root, journal);
  return problem ? { problem } : { journal: journal as Journal };
}

const BACKUP = /^\.syswire-txn\/old-\d+$/;

function journalProblem(root: string, journal: unknown): string | undefined {
  const j = journal as Partial<Journal> | null;
  if (typeof j !== 'object' || j === null || !Array.isArray(j.entries) || !Array.isArray(j.dirs)) return 'no entries and dirs lists';
  for (const e of j.entries as Partial<JournalEntry>[]) {
    if (typeof e?.path !== 'string' || typeof e.tmp !== 'string' || typeof e.sha1 !== 'string') return 'an entry without path, tmp and sha1';
    if (e.backup !== undefined && !(typeof e.backup === 'string' && BACKUP.test(e.backup))) return `backup '${String(e.backup)}' is not a file of ${TXN}`;
    const bad = pathProblem(root, e.path) ?? pathProblem(root, e.tmp);
    if (bad) return bad;
  }
  for (const dir of j.dirs as unknown[]) {
    const bad = typeof dir === 'string' ? pathProblem(root, dir) : 'a directory that is not a path';
    if (bad) return bad;
  }
  return undefined;
}

/** A journal path's problem: its form (path-guard.ts), or a symlink along it. */
function pathProblem(root: string, path: string): string | undefined {
  const form = pathFormError(path);
  if (form) return `'${path}': ${form}`;
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join('/');
    const stat = lstatOptional(join(root, sub));
    if (stat === undefined) return undefined;
    if (stat.isSymbolicLink()) return `'${path}': '${sub}' is a symlink`;
  }
  return undefined;
}

function lstatOptional(full: string): Stats | undefined {
  try {
    return lstatSync(full);
  } catch {
    return undefined;
  }
}
