/**
 * A table the tree's own Makefiles build from must be there: a tree
 * without it is refused with the Makefile's name, never wired partially.
 */
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverTableFiles } from '../../src/kernel/table-discovery.js';
import { loadKernelTree } from '../../src/kernel/tree-loader.js';
import { requireTree, scratchTree, TREE_61, TREE_612 } from '../support/kernel-trees.js';

const X86 = 'arch/x86/entry/syscalls';
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function scratch(): string {
  const { root, cleanup } = scratchTree(TREE_612, [`${X86}/Makefile`, 'arch/alpha/kernel/syscalls/Makefile', 'scripts/Makefile.asm-headers']);
  cleanups.push(cleanup);
  return root;
}

describe('tables the Makefiles expect', () => {
  it.each([
    ['6.12', TREE_612, 13],
    ['6.1', TREE_61, 13],
  ])('%s: every named table is found', (_v, tree, count) => {
    const { tables, expected } = discoverTableFiles(requireTree(tree));
    expect(expected.size).toBe(count);
    expect([...expected.keys()].filter((t) => !tables.includes(t))).toEqual([]);
  });

  it('a missing x86 table is refused, naming the Makefile', () => {
    const root = scratch();
    rmSync(join(root, X86, 'syscall_64.tbl'));
    expect(() => loadKernelTree(root)).toThrow(`${X86}/syscall_64.tbl: error: ${X86}/Makefile builds from this table, but it is missing; a wire-up without it would be partial`);
  });

  it('a table that is a symlink loop is refused', () => {
    const root = scratch();
    const table = join(root, 'arch/alpha/kernel/syscalls/syscall.tbl');
    rmSync(table);
    symlinkSync(table, table);
    expect(() => loadKernelTree(root)).toThrow('arch/alpha/kernel/syscalls/syscall.tbl: error: arch/alpha/kernel/syscalls/Makefile builds from this table, but it is a symlink (syswire follows none inside the tree)');
  });

  it('the generic table, named by scripts/Makefile.asm-headers (6.11+)', () => {
    const root = scratch();
    rmSync(join(root, 'scripts/syscall.tbl'));
    expect(() => loadKernelTree(root)).toThrow('scripts/syscall.tbl: error: scripts/Makefile.asm-headers builds from this table, but it is missing');
  });
});
