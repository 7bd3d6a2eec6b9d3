// What syswire learns from each real table: stops, ABI, compat style, offset.
import { describe, expect, it } from 'vitest';
import { loadTree, TREE_61, TREE_612 } from '../support/kernel-trees.js';

const tree = loadTree(TREE_612);
const byId = (id: string) => {
  const t = tree.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t.format;
};

describe('learnt table formats (6.12)', () => {
  it('discovers the 16 arch tables and scripts/syscall.tbl, not the arm64 symlink', () => {
    expect(tree.tables.map((t) => t.path)).not.toContain('arch/arm64/tools/syscall_64.tbl');
    expect(tree.tables.map((t) => t.id).sort()).toEqual(
      ['alpha', 'arm', 'arm64/32', 'generic', 'm68k', 'microblaze', 'mips/n32', 'mips/n64', 'mips/o32', 'parisc', 'powerpc', 's390', 'sh', 'sparc', 'x86/32', 'x86/64', 'xtensa'].sort(),
    );
  });

  it.each([
    ['alpha', 110, 'common', 'none', 48],
    ['x86/32', 0, 'i386', 'column', 40],
    ['x86/64', 0, 'common', 'none', 40],
    ['mips/n32', 0, 'n32', 'entry', 48],
    ['mips/n64', 0, 'n64', 'none', 48],
    ['mips/o32', 0, 'o32', 'column', 48],
    ['s390', 0, 'common', 'always', 40],
    ['arm', 0, 'common', 'none', 48],
    ['arm64/32', 0, 'common', 'column', 48],
    ['generic', 0, 'common', 'column', 48],
  ] as const)('%s: offset %i, abi %s, compat %s, entry stop %i', (id, offset, abi, compat, entryStop) => {
    const f = byId(id);
    expect([f.offset, f.defaultAbi, f.compat, f.stops[2]!.column]).toEqual([offset, abi, compat, entryStop]);
  });

  it('learns the compat stop from regular rows only (arm64/32: 80, not the old 40-based rows)', () => {
    expect(byId('arm64/32').stops[3]!.column).toBe(80);
    expect(byId('x86/32').stops[3]!.column).toBe(72);
  });

  it('learns the old s390 format: number space-padded to width 5', () => {
    expect(byId('s390').stops[0]).toEqual({ fill: 'spaces', column: 5 });
  });

  it('puts x86_64 rows before the x32 block', () => {
    const t = tree.tables.find((x) => x.id === 'x86/64')!;
    const last = t.table.lines[t.format.block.last]!;
    expect(last.kind === 'row' && last.name).toBe('mseal');
  });
});

describe('tree eras', () => {
  it('6.12 has scripts/syscall.tbl, no unistd32.h wiring, no ia64', () => {
    expect(tree.era).toMatchObject({ genericTable: true, arm64Unistd32: false, ia64: false, version: '6.12' });
  });
  it('6.1 wires arm64 compat through unistd32.h and still has ia64', () => {
    const old = loadTree(TREE_61);
    expect(old.era).toMatchObject({ genericTable: false, arm64Unistd32: true, ia64: true, version: '6.1' });
    expect(old.arm64Compat?.count.count).toBe(451);
  });
});
