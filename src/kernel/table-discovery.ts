/**
 * Find every syscall table of a kernel tree: `arch/<arch>/**\/syscall*.tbl`
 * plus `scripts/syscall.tbl` (6.11+).  Symlinked tables are skipped: arm64's
 * `tools/syscall_64.tbl` points at scripts/syscall.tbl and never appears in
 * a diff.  A symlinked directory on the way to tables is refused, and so
 * is a Makefile beside them that is not a regular file.  The walk is
 * depth-limited (tables sit at most three directories below arch/, e.g.
 * arch/x86/entry/syscalls/) so it does not descend into arch/<arch>/boot/dts,
 * and skips include/, boot/ and configs/: about 3k directory entries
 * instead of 17k.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { PathError, readConfined } from '../io/path-guard.js';
import { TreeError } from './tree-guard.js';

const TABLE = /^syscall(_\w+)?\.tbl$/;
const MAX_DEPTH = 3;
/** Directories that hold headers, boot images and defconfigs, never tables: not worth listing. */
const PRUNE = new Set(['include', 'boot', 'configs']);

/** Tree-relative paths of the tables, sorted. */
export function discoverTables(root: string): string[] {
  return discoverTableFiles(root).tables;
}

/**
 * The tables, and the tables the tree's own Makefiles build from: each
 * `$(src)/NAME.tbl` or `$(srctree)/PATH.tbl` named in a Makefile beside the
 * tables (and in scripts/Makefile.asm-headers, 6.11+), mapped to the
 * Makefile that names it.  Patterns (`syscall_%.tbl`) are left out.
 */
export function discoverTableFiles(root: string): { tables: string[]; expected: Map<string, string> } {
  const tables: string[] = [];
  const makefiles: string[] = [];
  walk(root, 'arch', 0, tables, makefiles);
  const scripts = readdirSync(join(root, 'scripts'));
  if (scripts.includes('syscall.tbl')) tables.push('scripts/syscall.tbl');
  if (scripts.includes('Makefile.asm-headers')) makefiles.push('scripts/Makefile.asm-headers');
  const expected = new Map<string, string>();
  for (const mk of makefiles.sort()) for (const table of tablesNamedIn(root, mk)) if (!expected.has(table)) expected.set(table, mk);
  return { tables: tables.sort(), expected };
}

const NAMED_TABLE = /\$\((src|srctree)\)\/(?:\$\(src\)\/)?([\w./-]+\.tbl)\b/g;

/** The tables a Makefile names; a Makefile that is a FIFO, a symlink or huge is refused, not read. */
function tablesNamedIn(root: string, makefile: string): string[] {
  let text: string;
  try {
    text = readConfined(root, makefile)?.toString('latin1') ?? '';
  } catch (err) {
    if (err instanceof PathError) throw new TreeError(makefile, 0, `${err.reason}; syswire reads it to know which tables this tree builds`);
    throw err;
  }
  const dir = makefile.slice(0, makefile.lastIndexOf('/'));
  return [...text.matchAll(NAMED_TABLE)].map((m) => posix.normalize(m[1] === 'src' || m[0].includes('$(src)/') ? `${dir}/${m[2]}` : m[2]!));
}

function walk(root: string, rel: string, depth: number, tables: string[], makefiles: string[]): void {
  for (const ent of readdirSync(join(root, rel), { withFileTypes: true })) {
    const path = `${rel}/${ent.name}`;
    // A symlinked arch/<arch>, .../kernel/syscalls, ...: its tables would silently drop out of the wire-up.
    if (ent.isSymbolicLink() && onTablePath(path) && !pointsToFile(join(root, path))) throw new TreeError(path, 0, 'a symlinked directory where syscall tables live; syswire follows no symlink inside the tree');
    if (ent.isDirectory() && depth < MAX_DEPTH && !PRUNE.has(ent.name)) walk(root, path, depth + 1, tables, makefiles);
    else if (ent.isFile() && TABLE.test(ent.name)) tables.push(path);
    else if (ent.name.startsWith('Makefile') && dirHoldsTables(rel)) makefiles.push(path);
  }
}

/** Directories on the way to tables: arch/<arch>, arch/<arch>/{tools,kernel,entry}, .../syscalls. */
const onTablePath = (rel: string) => /^arch\/[^/]+(\/(tools|kernel|entry)(\/syscalls)?)?$/.test(rel);

function pointsToFile(full: string): boolean {
  try {
    return statSync(full).isFile();
  } catch {
    return false;
  }
}

/** Where tables live: arch/<arch>/tools, arch/<arch>/kernel/syscalls, arch/x86/entry/syscalls. */
const dirHoldsTables = (rel: string) => /^arch\/[^/]+\/(tools|kernel\/syscalls|entry\/syscalls)$/.test(rel);

/**
 * A short, stable id for a table, used in definitions and reports:
 * `alpha`, `x86/64`, `mips/n32`, `arm64/32`; `generic` for scripts/syscall.tbl.
 */
export function tableId(path: string): string {
  if (path === 'scripts/syscall.tbl') return 'generic';
  const arch = path.split('/')[1] ?? path;
  const suffix = /syscall_(\w+)\.tbl$/.exec(path)?.[1];
  return suffix ? `${arch}/${suffix}` : arch;
}

export function tableArch(path: string): string {
  return path === 'scripts/syscall.tbl' ? 'generic' : (path.split('/')[1] ?? path);
}
