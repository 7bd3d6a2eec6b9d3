/**
 * Each lint rule on a 6.12 model with one hand-made defect, built in
 * memory from the tree's sources (no file is written).
 */
import { describe, expect, it } from 'vitest';
import { buildKernelTree } from '../../src/kernel/kernel-tree.js';
import { formatFinding } from '../../src/lint/lint-finding.js';
import { diskContext, lintTree } from '../../src/lint/lint-tree.js';
import { TREE_612, loadTree } from '../support/kernel-trees.js';

const base = loadTree(TREE_612);
const X86_32 = 'arch/x86/entry/syscalls/syscall_32.tbl';
const O32 = 'arch/mips/kernel/syscalls/syscall_o32.tbl';
const UNISTD = 'include/uapi/asm-generic/unistd.h';

/** Findings the edited tree has and 6.12 has not. */
function newFindings(edit: (sources: Map<string, string>) => void): string[] {
  const sources = new Map(base.sources);
  edit(sources);
  const tree = buildKernelTree(sources, base.tables.map((t) => t.path));
  const before = new Set(lintTree(diskContext(base, TREE_612)).map(formatFinding));
  // The odd-slot warnings sit at syscalls.h lines, which move when an edit there removes one.
  return lintTree({ ...diskContext(base, TREE_612), tree }).filter((f) => f.rule !== 'odd-slot-64').map(formatFinding).filter((f) => !before.has(f));
}

const replace = (sources: Map<string, string>, path: string, from: string | RegExp, to: string) => {
  const text = sources.get(path)!;
  const next = text.replace(from, to);
  expect(next, `${path}: edit did not apply`).not.toBe(text);
  sources.set(path, next);
};

describe('lint rules', () => {
  it.each([
    ['common in x86_32 is an error (the build selects i386 rows)', X86_32, '461\ti386\tlsm_list_modules', '461\tcommon\tlsm_list_modules', /syscall_32\.tbl:\d+:5: error: ABI 'common' is wrong for this table \(the table header says i386\).*\[abi-tag\]/],
    ['common in mips o32 is a warning (mips does not select by ABI)', O32, /^462\to32\t/m, '462\tcommon\t', /syscall_o32\.tbl:\d+:5: warning: ABI 'common' is wrong for this table \(the table header says o32\).*\[abi-tag\]/],
  ])('abi-tag: %s', (_title, path, from, to, want) => {
    const found = newFindings((s) => replace(s, path, from, to));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(want);
  });

  it('syscall-count: __NR_syscalls not bumped', () => {
    expect(newFindings((s) => replace(s, UNISTD, '#define __NR_syscalls 463', '#define __NR_syscalls 462'))).toEqual([
      expect.stringMatching(/^include\/uapi\/asm-generic\/unistd\.h:\d+:23: error: __NR_syscalls is 462, but the last syscall is mseal = 462; expected 463 \[syscall-count\]$/),
    ]);
  });

  it('missing-prototype: a shared-range call without its syscalls.h line', () => {
    const found = newFindings((s) => replace(s, 'include/linux/syscalls.h', /^asmlinkage long sys_mseal\(.*\n(?:.*\n)*?.*\);\n/m, ''));
    expect(found).toEqual([expect.stringMatching(/^include\/uapi\/asm-generic\/unistd\.h:\d+:\d+: error: no prototype for sys_mseal in include\/linux\/syscalls\.h.*\[missing-prototype\]$/)]);
  });

  it('row-whitespace: a shared-range row with one TAB too many is a warning', () => {
    const found = newFindings((s) => replace(s, 'arch/m68k/kernel/syscalls/syscall.tbl', /^462\tcommon\tmseal\t+/m, '462\tcommon\tmseal\t\t\t\t\t'));
    expect(found).toEqual([expect.stringMatching(/^arch\/m68k\/kernel\/syscalls\/syscall\.tbl:\d+:\d+: warning: .*'sys_mseal' starts at column 56, the rule puts it at 48.*\[row-whitespace\]$/)]);
  });

  it('number-mismatch and missing-row: alpha keeps its offset', () => {
    const found = newFindings((s) => {
      replace(s, 'arch/alpha/kernel/syscalls/syscall.tbl', /^572\tcommon  mseal/m, '573\tcommon  mseal');
      replace(s, 'arch/sh/kernel/syscalls/syscall.tbl', /^462\tcommon\tmseal.*\n/m, '');
    });
    expect(found).toEqual([
      expect.stringMatching(/^arch\/alpha\/kernel\/syscalls\/syscall\.tbl:\d+:1: error: mseal is numbered 573 here, but 572 \(generic 462 \+ this table's offset 110\) everywhere else \[number-mismatch\]$/),
      expect.stringMatching(/^arch\/sh\/kernel\/syscalls\/syscall\.tbl:\d+:1: error: generic syscall mseal \(462 in .*\) is missing from this table.*\[missing-row\]$/),
    ]);
  });
});
