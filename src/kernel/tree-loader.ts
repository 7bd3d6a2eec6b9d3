/**
 * Read a kernel tree from disk into the model.  Every file is checked by
 * tree-guard first, so a conflicted or CRLF tree is refused with the file
 * and line before anything is planned.
 */
import { existsSync, lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../io/byte-text.js';
import { confinePath, kindOf, PathError, readConfined } from '../io/path-guard.js';
import { buildKernelTree, MODEL_FILES, type KernelTree } from './kernel-tree.js';
import { discoverTableFiles } from './table-discovery.js';
import { assertEditable, TreeError } from './tree-guard.js';

export interface LoadedTree extends KernelTree {
  root: string;
}

export function loadKernelTree(root: string): LoadedTree {
  assertKernelRoot(root);
  const { tables, expected } = discoverTableFiles(root);
  for (const [table, makefile] of expected) {
    if (!tables.includes(table)) throw new TreeError(table, 0, `${makefile} builds from this table, but it is ${absence(root, table)}; a wire-up without it would be partial`);
  }
  return readKernelTree(root, tables);
}

/** Why a table the Makefiles name was not found. */
function absence(root: string, path: string): string {
  try {
    const stat = lstatSync(join(root, path));
    return stat.isSymbolicLink() ? 'a symlink (syswire follows none inside the tree)' : kindOf(stat);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : `unreadable (${(err as NodeJS.ErrnoException).code})`;
  }
}

function assertKernelRoot(root: string): void {
  let stat;
  try {
    stat = statSync(root);
  } catch {
    throw new TreeError(root, 0, 'kernel tree not found: no such directory (pass --tree DIR or set SYSWIRE_TREE)');
  }
  if (!stat.isDirectory()) throw new TreeError(root, 0, `kernel tree not found: not a directory (${kindOf(stat)})`);
  if (!existsSync(join(root, 'arch')) || !existsSync(join(root, 'scripts'))) {
    throw new TreeError(root, 0, 'not a kernel tree: no arch/ or scripts/ directory');
  }
}

function readKernelTree(root: string, tablePaths: readonly string[]): LoadedTree {
  const sources = new Map<string, string>();
  for (const path of [...tablePaths, ...MODEL_FILES]) {
    const bytes = readTreeBytes(root, path);
    if (bytes === undefined) continue;
    const source = decodeBytes(bytes);
    assertEditable(path, source);
    sources.set(path, source);
  }
  return { ...buildKernelTree(sources, tablePaths), root };
}

/** A reader of the tree's files by tree-relative path (undefined when absent). */
export function treeFileReader(root: string): (path: string) => string | undefined {
  return (path) => {
    const bytes = readTreeBytes(root, path);
    return bytes === undefined ? undefined : decodeBytes(bytes);
  };
}

/** Is a tree file executable (git's `100755`)?  Confined like a read; a missing file is not. */
export function isExecutable(root: string, path: string): boolean {
  try {
    const { stat } = confinePath(root, path);
    return stat !== undefined && stat.isFile() && (stat.mode & 0o111) !== 0;
  } catch (err) {
    if (err instanceof PathError) throw new TreeError(path, 0, err.reason);
    throw err;
  }
}

/** A tree file's bytes, confined to the tree (no symlink, no '..', regular and of sane size). */
export function readTreeBytes(root: string, path: string): Buffer | undefined {
  try {
    return readConfined(root, path);
  } catch (err) {
    if (err instanceof PathError) throw new TreeError(path, 0, err.reason);
    throw err;
  }
}
