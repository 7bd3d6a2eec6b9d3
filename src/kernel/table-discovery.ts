/**
 * Find every syscall table of a kernel tree: `arch/<arch>/**\/syscall*.tbl`
 * plus `scripts/syscall.tbl` (6.11+).  Symlinks are skipped: arm64's
 * `tools/syscall_64.tbl` points at scripts/syscall.tbl and never appears in
 * a diff.  The walk is depth-limited (tables sit at most three directories
 * below arch/, e.g. arch/x86/entry/syscalls/) so it does not descend into
 * arch/<arch>/boot/dts, and skips include/, boot/ and configs/: about 3k
 * directory entries instead of 17k.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const TABLE = /^syscall(_\w+)?\.tbl$/;
const MAX_DEPTH = 3;
/** Directories that hold headers, boot images and defconfigs, never tables: not worth listing. */
const PRUNE = new Set(['include', 'boot', 'configs']);

/** Tree-relative paths of the tables, sorted. */
export function discoverTables(root: string): string[] {
  const found: string[] = [];
  walk(root, 'arch', 0, found);
  if (readdirSync(join(root, 'scripts')).includes('syscall.tbl')) found.push('scripts/syscall.tbl');
  return found.sort();
}

function walk(root: string, rel: string, depth: number, found: string[]): void {
  for (const ent of readdirSync(join(root, rel), { withFileTypes: true })) {
    const path = `${rel}/${ent.name}`;
    if (ent.isDirectory() && depth < MAX_DEPTH && !PRUNE.has(ent.name)) walk(root, path, depth + 1, found);
    else if (ent.isFile() && TABLE.test(ent.name)) found.push(path);
  }
}

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
