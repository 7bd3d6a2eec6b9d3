import { describe, expect, it } from 'vitest';
import { fileKind, mergeSyscallFile } from '../../src/merge/syscall-merge.js';

describe('mergeSyscallFile', () => {
  const base = '1\tcommon\ta\tsys_a\n';
  it('keeps upstream rows and renumbers the branch after them, whichever side upstream is', () => {
    const up = `${base}2\tcommon\tu\tsys_u\n3\tcommon\tv\tsys_v\n`;
    const branch = `${base}2\tcommon\tb\tsys_b\n`;
    const want = `${up}4\tcommon\tb\tsys_b\n`;
    expect(mergeSyscallFile({ kind: 'table', base, ours: up, theirs: branch, upstream: 'ours' })).toMatchObject({ clean: true, text: want });
    expect(mergeSyscallFile({ kind: 'table', base, ours: branch, theirs: up, upstream: 'theirs' })).toMatchObject({ clean: true, text: want });
  });

  it('leaves a call added on both sides to git', () => {
    const ours = `${base}2\tcommon\tu\tsys_u\n`;
    const theirs = `${base}2\tcommon\tu\tsys_u2\n`;
    const outcome = mergeSyscallFile({ kind: 'table', base, ours, theirs, upstream: 'ours' });
    expect(outcome.clean).toBe(false);
    expect(outcome.text).toContain('<<<<<<< ours');
    expect(outcome.reasons[0]).toMatch(/both sides add u/);
  });

  it('unistd: renumbers the branch pairs and recomputes __NR_syscalls', () => {
    const pair = (name: string, nr: number) => `#define __NR_${name} ${nr}\n__SYSCALL(__NR_${name}, sys_${name})\n`;
    const header = (pairs: string, count: number) => `${pair('a', 1)}${pairs}\n#undef __NR_syscalls\n#define __NR_syscalls ${count}\n`;
    const up = header(pair('u', 2) + pair('v', 3), 4);
    const branch = header(pair('b', 2), 3);
    const outcome = mergeSyscallFile({ kind: 'unistd', base: header('', 2), ours: up, theirs: branch, upstream: 'ours' });
    expect(outcome).toMatchObject({ clean: true, text: header(pair('u', 2) + pair('v', 3) + pair('b', 4), 5) });
  });

  it('leaves an insertion that is not a list of rows to git', () => {
    const outcome = mergeSyscallFile({ kind: 'table', base, ours: `${base}2\tcommon\tu\tsys_u\n`, theirs: `${base}garbage row\n`, upstream: 'ours' });
    expect(outcome.clean).toBe(false);
    expect(outcome.reasons).toEqual(["a side's insertion is not a list of syscall rows"]);
  });

  it('classifies files', () => {
    expect(fileKind('arch/x86/entry/syscalls/syscall_64.tbl', '')).toBe('table');
    expect(fileKind('include/uapi/asm-generic/unistd.h', '#define __NR_read 63\n')).toBe('unistd');
    expect(fileKind('include/linux/syscalls.h', '')).toBe('text');
  });
});
