/**
 * The real kernel trees the tests run against: Debian's linux-source-6.12,
 * linux-source-6.1 and linux-source-7.3, unpacked by scripts/setup.sh into .cache/kernel/.
 * `npm test` runs the setup first, so a missing tree is a broken setup and
 * fails loudly instead of skipping.  The unit tier (vitest.unit.config.ts)
 * runs without trees and sets SYSWIRE_UNIT_TIER, so a tree read there fails
 * even where the trees exist.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKernelTree, type LoadedTree } from '../../src/kernel/tree-loader.js';
import { USER_ABIS } from '../../src/bindings/abi-catalog.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TREE_612 = join(REPO_ROOT, '.cache/kernel/linux-6.12');
export const TREE_61 = join(REPO_ROOT, '.cache/kernel/linux-6.1');
/** The newest tree: Debian's linux-source-7.3 from trixie-backports (scripts/setup.sh). */
export const TREE_73 = join(REPO_ROOT, '.cache/kernel/linux-7.3');

export function requireTree(dir: string): string {
  if (process.env['SYSWIRE_UNIT_TIER']) {
    throw new Error(`the unit tier reads no kernel tree, but this test reads ${dir}: name TREE_612/TREE_61 in it so vitest.unit.config.ts leaves it out`);
  }
  if (!existsSync(join(dir, '.syswire-complete'))) {
    throw new Error(`kernel tree ${dir} is missing: run 'bash scripts/setup.sh' (npm test does this)`);
  }
  return dir;
}

const cache = new Map<string, LoadedTree>();
export function loadTree(dir: string): LoadedTree {
  let tree = cache.get(dir);
  if (!tree) cache.set(dir, (tree = loadKernelTree(requireTree(dir))));
  return tree;
}

/** Read a file of a tree as text. */
export function readTreeFile(dir: string, path: string): string | undefined {
  const full = join(dir, path);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}

/**
 * A scratch copy of just the files syswire reads and writes (tables,
 * unistd.h, syscalls.h, sys_ni.c, arm64 headers, Makefile, the headers and
 * Makefile.syscalls the bindings read ABI bases from, plus `extra`), for
 * tests that modify a tree.  Removed by the returned cleanup.
 */
export function scratchTree(dir: string, extra: readonly string[] = []): { root: string; cleanup: () => void } {
  const tree = loadTree(dir);
  const root = mkdtempSync(join(tmpdir(), 'syswire-tree-'));
  mkdirSync(join(root, 'scripts'), { recursive: true });
  const bindingInputs = USER_ABIS.flatMap((abi) => [
    ...(typeof abi.base === 'object' ? [abi.base.header] : []),
    ...(Array.isArray(abi.abis) ? [] : [`arch/${(abi.abis as { generic: string }).generic}/kernel/Makefile.syscalls`]),
  ]);
  for (const path of new Set([...tree.sources.keys(), ...bindingInputs, ...extra])) {
    const from = join(dir, path);
    if (existsSync(from)) cpSync(from, join(root, path), { recursive: true });
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
