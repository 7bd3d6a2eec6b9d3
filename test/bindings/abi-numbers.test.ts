import { describe, expect, it } from 'vitest';
import { abiNumbers, readMacroBase } from '../../src/bindings/abi-numbers.js';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { assignNumbers } from '../../src/plan/numbering.js';
import { loadTree, readTreeFile, TREE_61, TREE_612 } from '../support/kernel-trees.js';

// The ABI bases, as the kernel's uapi headers define them.
const X32 = 0x40000000;
const MIPS = { o32: 4000, n64: 5000, n32: 6000 };
const ALPHA_OFFSET = 110;

const defs = (calls: string) => loadDefinitions('t.yaml', `series: { name: t, subject: t, author: "A B <a@b.c>" }\nsyscalls:\n${calls}`);

function numbersFor(treeDir: string, calls: string) {
  const tree = loadTree(treeDir);
  const loaded = defs(calls);
  const planned = assignNumbers(tree, loaded);
  return { planned, result: abiNumbers(tree, planned, (p) => readTreeFile(treeDir, p)) };
}

/** The number of `name` in a table file, read independently of the model: rows whose ABI is one of `abis`. */
function rowNumber(path: string, name: string, abis: string[]): number | null {
  for (const line of (readTreeFile(TREE_612, path) ?? '').split('\n')) {
    const f = line.split(/\s+/);
    if (!line.startsWith('#') && f[2] === name && abis.includes(f[1]!)) return Number(f[0]);
  }
  return null;
}

describe('syscall numbers per ABI (6.12)', () => {
  it('reads the bases from the uapi headers', () => {
    const read = (p: string) => readTreeFile(TREE_612, p);
    expect(readMacroBase({ header: 'arch/x86/include/uapi/asm/unistd.h', macro: '__X32_SYSCALL_BIT' }, read)).toBe(X32);
    for (const [sim, want] of [['_MIPS_SIM_ABI32', MIPS.o32], ['_MIPS_SIM_ABI64', MIPS.n64], ['_MIPS_SIM_NABI32', MIPS.n32]] as const) {
      expect(readMacroBase({ header: 'arch/mips/include/uapi/asm/unistd.h', macro: '__NR_Linux', when: sim }, read)).toBe(want);
    }
    expect(() => readMacroBase({ header: 'arch/x86/include/uapi/asm/unistd.h', macro: '__NOPE' }, read)).toThrow(/no '#define __NOPE'/);
  });

  it('takes existing syscalls from the table rows, by ABI selection', () => {
    const { result } = numbersFor(TREE_612, '  - { name: rt_sigaction }\n  - { name: cachestat }\n  - { name: memfd_secret }');
    const rt = result.numbers.get('rt_sigaction')!;
    expect(rt.x86_64).toBe(rowNumber('arch/x86/entry/syscalls/syscall_64.tbl', 'rt_sigaction', ['common', '64']));
    expect(rt.x32).toBe(X32 + rowNumber('arch/x86/entry/syscalls/syscall_64.tbl', 'rt_sigaction', ['x32'])!);
    const cs = result.numbers.get('cachestat')!;
    expect(cs['mips-o32']).toBe(MIPS.o32 + rowNumber('arch/mips/kernel/syscalls/syscall_o32.tbl', 'cachestat', ['o32'])!);
    expect(cs['mips-n32']).toBe(MIPS.n32 + rowNumber('arch/mips/kernel/syscalls/syscall_n32.tbl', 'cachestat', ['n32'])!);
    expect(cs.alpha).toBe(rowNumber('arch/alpha/kernel/syscalls/syscall.tbl', 'cachestat', ['common']));
    expect(cs.arm64).toBe(rowNumber('scripts/syscall.tbl', 'cachestat', ['common']));
    // memfd_secret carries its own tag: arm64 and riscv select it (Makefile.syscalls), loongarch does not.
    const ms = result.numbers.get('memfd_secret')!;
    expect(ms.arm64).toBe(rowNumber('scripts/syscall.tbl', 'memfd_secret', ['memfd_secret']));
    expect(ms.riscv64).toBe(ms.arm64);
    expect(ms.loongarch64).toBeNull();
    expect(ms.x86_64).toBe(rowNumber('arch/x86/entry/syscalls/syscall_64.tbl', 'memfd_secret', ['common']));
  });

  it('numbers new syscalls as the wire-up would, bases applied', () => {
    const { planned, result } = numbersFor(TREE_612, '  - { name: brand_new }');
    const nr = planned[0]!.nr;
    const row = result.numbers.get('brand_new')!;
    expect(row).toMatchObject({ x86_64: nr, x32: X32 + nr, i386: nr, arm64: nr, riscv32: nr, alpha: nr + ALPHA_OFFSET });
    expect(row).toMatchObject({ 'mips-o32': MIPS.o32 + nr, 'mips-n64': MIPS.n64 + nr, 'mips-n32': MIPS.n32 + nr, s390x: nr, sparc64: nr, m68k: nr });
  });

  it('leaves out excluded tables and ABI tags the ABI does not select', () => {
    const { result } = numbersFor(TREE_612, '  - { name: only_64, abi: { x86/64: 64 }, exclude: [mips/n32, powerpc] }');
    const row = result.numbers.get('only_64')!;
    expect(row.x86_64).not.toBeNull();
    expect(row.x32).toBeNull();
    expect(row['mips-n32']).toBeNull();
    expect(row['mips-o32']).not.toBeNull();
    expect(row.powerpc).toBeNull();
    expect(row.ppc64).toBeNull();
  });

  it('uses asm-generic/unistd.h numbers for generic arches in a 6.1 tree', () => {
    const { planned, result } = numbersFor(TREE_61, '  - { name: brand_new }\n  - { name: openat2 }');
    expect(result.numbers.get('brand_new')!.arm64).toBe(planned[0]!.nr);
    expect(result.numbers.get('openat2')!.riscv64).toBe(loadTree(TREE_61).generic.numbers.get('openat2'));
    expect(result.missing).toEqual([]);
  });
});
