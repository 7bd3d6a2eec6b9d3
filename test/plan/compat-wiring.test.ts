// A call with a compat entry is wired the way each table wires
// epoll_pwait2 (441, __SC_COMP): a compat column where the table has one,
// the compat function in mips n32's entry column, the native entry repeated
// nowhere but s390's always-present column, plain rows in alpha, arm and
// x86_64.  The name has epoll_pwait2's length, so the rows must be equal
// once name and number are swapped.
import { describe, expect, it } from 'vitest';
import { parseSyscallTable } from '../../src/kernel/syscall-table-reader.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { loadDefsFile } from '../support/definitions.js';
import { loadTree, readTreeFile, TREE_612 } from '../support/kernel-trees.js';

const tree = loadTree(TREE_612);
const plan = planWireUp(tree, loadDefsFile('test/fixtures/compat-call.yaml'), (p) => readTreeFile(TREE_612, p));

describe('compat wiring on 6.12', () => {
  it.each(tree.tables.map((t) => [t.id, t] as const))('%s matches its epoll_pwait2 row', (_id, t) => {
    const reference = t.table.rows.find((r) => r.name === 'epoll_pwait2')!;
    const edit = plan.edits.find((e) => e.path === t.path)!;
    const row = parseSyscallTable(t.path, edit.after).rows.find((r) => r.name === 'frob_pwait42')!;
    const expected = reference.raw
      .replace(/^\d+/, String(463 + t.format.offset))
      .replaceAll('epoll_pwait2', 'frob_pwait42');
    expect(row.raw).toBe(expected);
  });

  it('puts the compat prototype, with the compat argument types, next to the newest compat call in compat.h', () => {
    const compat = plan.edits.find((e) => e.path === 'include/linux/compat.h')!.after;
    expect(compat).toContain(
      '\t\t\tcompat_size_t sigsetsize);\n' +
        'asmlinkage long compat_sys_frob_pwait42(int epfd,\n' +
        '\t\t\t\t\tstruct epoll_event __user *events,\n' +
        '\t\t\t\t\tint maxevents,\n' +
        '\t\t\t\t\tconst struct __kernel_timespec __user *timeout,\n' +
        '\t\t\t\t\tconst compat_sigset_t __user *sigmask,\n' +
        '\t\t\t\t\tcompat_size_t sigsetsize);\nasmlinkage long compat_sys_fcntl(',
    );
    expect(plan.edits.find((e) => e.path === 'include/linux/syscalls.h')!.after).not.toContain('compat_sys_frob_pwait42');
  });

  it('uses __SC_COMP in unistd.h and COND_SYSCALL_COMPAT in sys_ni.c', () => {
    const unistd = plan.edits.find((e) => e.path === 'include/uapi/asm-generic/unistd.h')!.after;
    expect(unistd).toContain('#define __NR_frob_pwait42 463\n__SC_COMP(__NR_frob_pwait42, sys_frob_pwait42, compat_sys_frob_pwait42)\n');
    const sysNi = plan.edits.find((e) => e.path === 'kernel/sys_ni.c')!.after;
    expect(sysNi).toMatch(/COND_SYSCALL_COMPAT\(epoll_pwait2\);\nCOND_SYSCALL\(frob_pwait42\);\nCOND_SYSCALL_COMPAT\(frob_pwait42\);\n/);
  });
});
