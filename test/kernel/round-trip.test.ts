// Parsing is lossless: every table and header syswire reads (compat.h too) prints back to
// the same bytes, in the 6.1 and the 6.12 tree.
import { describe, expect, it } from 'vitest';
import { joinLines } from '../../src/kernel/text-lines.js';
import { printSyscallTable } from '../../src/kernel/syscall-table-reader.js';
import { loadTree, TREE_61, TREE_612 } from '../support/kernel-trees.js';

describe.each([
  ['6.12', TREE_612],
  ['6.1', TREE_61],
])('round trip on %s', (_version, dir) => {
  const tree = loadTree(dir);
  const printed = new Map<string, string>([
    ...tree.tables.map((t) => [t.path, printSyscallTable(t.table)] as const),
    [tree.unistd.path, joinLines(tree.unistd.text)],
    [tree.syscallsH.path, joinLines(tree.syscallsH.text)],
    [tree.sysNi.path, joinLines(tree.sysNi.text)],
  ]);
  if (tree.arm64Compat) printed.set(tree.arm64Compat.unistd32.path, joinLines(tree.arm64Compat.unistd32.text));
  if (tree.compatH) printed.set(tree.compatH.path, joinLines(tree.compatH.text));

  it.each([...printed.keys()])('%s prints back byte for byte', (path) => {
    expect(printed.get(path)).toBe(tree.sources.get(path));
  });

  it('covers every discovered table plus unistd.h, syscalls.h and sys_ni.c', () => {
    // 6.12: 16 arch tables + scripts/syscall.tbl; 6.1: 16 arch tables incl. ia64 + unistd32.h.
    expect(tree.tables.length).toBe(_version === '6.12' ? 17 : 16);
    expect(tree.compatH).toBeDefined();
    expect(printed.size).toBe(tree.tables.length + 4 + (tree.arm64Compat ? 1 : 0));
    console.log(`round trip ${_version}: ${printed.size} files unchanged`);
  });
});
