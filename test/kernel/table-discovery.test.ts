/**
 * Table discovery: the walk (discoverTables) and find(1) in the background
 * (findTables) list the same tables, on real trees and on a scratch layout
 * with what the walk must skip (symlinks, include/ boot/ configs/, depth),
 * and findTables falls back to the walk where find cannot run.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverTables, findTables } from '../../src/kernel/table-discovery.js';
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
  ])('finds the same %s tables by walking and by find(1)', async (_v, root, count) => {
    const walked = discoverTables(root);
    expect(walked).toHaveLength(count);
    expect(await findTables(root)).toEqual(walked);
  });

  it('agrees on what to skip (symlinks, pruned directories, files too deep, other names) and on odd names', async () => {
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
    const walked = discoverTables(root);
    expect(walked).toEqual(['arch/foo/kernel/syscalls/syscall_n32.tbl', 'arch/foo/odd\nname/syscall.tbl', 'arch/foo/tools/syscall.tbl', 'arch/syscall.tbl', 'scripts/syscall.tbl']);
    expect(await findTables(root)).toEqual(walked);
  });

  it('walks instead when find(1) cannot run', async () => {
    const root = layout(['arch/foo/tools/syscall.tbl']);
    const path = process.env.PATH;
    process.env.PATH = join(scratch, 'no-such-bin');
    try {
      expect(await findTables(root)).toEqual(['arch/foo/tools/syscall.tbl']);
    } finally {
      process.env.PATH = path;
    }
  });

  it('reports what the walk reports when the tree cannot be listed', async () => {
    const root = layout([]);
    await expect(findTables(root)).rejects.toThrow(/ENOENT.*arch/);
  });
});
