/**
 * Table discovery: every table of the real trees, and on a scratch layout
 * what the walk must skip (symlinks, include/ boot/ configs/, depth, other
 * names) and the odd names it must keep whole.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverTables } from '../../src/kernel/table-discovery.js';
import { TREE_61, TREE_612 } from '../support/kernel-trees.js';

const scratch = mkdtempSync(join(tmpdir(), 'syswire-discovery-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function layout(files: string[], links: [string, string][] = []): string {
  const root = mkdtempSync(join(scratch, 'tree-'));
  mkdirSync(join(root, 'scripts'));
  for (const f of files) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), '');
  }
  for (const [target, link] of links) {
    mkdirSync(dirname(join(root, link)), { recursive: true });
    symlinkSync(target, join(root, link));
  }
  return root;
}

describe('table discovery', () => {
  it.each([
    ['6.12', TREE_612, 17],
    ['6.1', TREE_61, 16],
  ])('finds the %s tables', (_v, root, count) => {
    const tables = discoverTables(root);
    expect(tables).toHaveLength(count);
    expect(tables).toContain('arch/x86/entry/syscalls/syscall_64.tbl');
  });

  it('skips symlinks, pruned directories, files too deep and other names; keeps odd names whole', () => {
    const root = layout(
      [
        'scripts/syscall.tbl',
        'arch/foo/tools/syscall.tbl',
        'arch/foo/kernel/syscalls/syscall_n32.tbl',
        'arch/foo/kernel/syscalls/syscall-extra.tbl',
        'arch/foo/kernel/syscalls/deeper/syscall.tbl',
        'arch/foo/include/syscall.tbl',
        'arch/foo/boot/syscall.tbl',
        'arch/foo/configs/syscall.tbl',
        'arch/foo/kernel/syscalls/syscall_64.tbl.orig',
        'arch/syscall.tbl',
        'arch/foo/odd\nname/syscall.tbl',
        'arch/foo/kernel/not a\nsyscall.tbl',
      ],
      [
        ['../../../scripts/syscall.tbl', 'arch/foo/tools/syscall_64.tbl'],
        ['../kernel', 'arch/foo/linked'],
      ],
    );
    expect(discoverTables(root)).toEqual(['arch/foo/kernel/syscalls/syscall_n32.tbl', 'arch/foo/odd\nname/syscall.tbl', 'arch/foo/tools/syscall.tbl', 'arch/syscall.tbl', 'scripts/syscall.tbl']);
  });

  it('reports a tree without arch/ that cannot be listed', () => {
    expect(() => discoverTables(layout([]))).toThrow(/ENOENT.*arch/);
  });
});
