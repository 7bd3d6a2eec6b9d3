import { describe, expect, it } from 'vitest';
import { seriesSchema } from '../../src/model/defs-schema.js';
import { planSeries } from '../../src/plan/series-builder.js';
import type { FileEdit } from '../../src/plan/file-edit.js';

const base = { name: 'frob', subject: 'frob: Add frob()', author: 'A U Thor <a@example.org>', body: 'Body.\n', signed_off_by: ['A U Thor <a@example.org>'] };
const edit = (path: string): FileEdit => ({ path, before: 'a\n', after: 'a\nb\n' });
const EDITS = ['arch/arm64/tools/syscall_32.tbl', 'arch/x86/entry/syscalls/syscall_32.tbl', 'arch/x86/entry/syscalls/syscall_64.tbl', 'include/uapi/asm-generic/unistd.h', 'kernel/sys_ni.c', 'scripts/syscall.tbl'].map(edit);
const SELFTEST = [edit('tools/testing/selftests/Makefile'), { path: 'tools/testing/selftests/frob/frob_test.c', before: undefined, after: 'x\n' }];
const call = { def: { name: 'frob' }, nr: 472 } as never;
const paths = (plan: ReturnType<typeof planSeries>) => plan.commits.map((c) => (c.kind === 'edits' ? c.edits.map((e) => e.path) : [c.file]));

describe('split: per-document', () => {
  it('gives the core, x86, the other arches, the selftest, then user patches', () => {
    const user = [{ file: 'impl.patch', text: 'X', position: 'after' as const }];
    const plan = planSeries(seriesSchema.parse({ ...base, split: 'per-document' }), [call], EDITS, user, { selftest: SELFTEST });
    expect(paths(plan)).toEqual([
      ['include/uapi/asm-generic/unistd.h', 'kernel/sys_ni.c', 'scripts/syscall.tbl'],
      ['arch/x86/entry/syscalls/syscall_32.tbl', 'arch/x86/entry/syscalls/syscall_64.tbl'],
      ['arch/arm64/tools/syscall_32.tbl'],
      ['tools/testing/selftests/Makefile', 'tools/testing/selftests/frob/frob_test.c'],
      ['impl.patch'],
    ]);
    expect(plan.commits.slice(0, 4).map((c) => (c.kind === 'edits' ? c.subject : ''))).toEqual(['frob: Add frob()', 'x86: Wire up frob system call', 'arch: Wire up frob system call', 'selftests/frob: Add tests for frob()']);
    const x86 = plan.commits[1]!;
    expect(x86.kind === 'edits' && x86.body).toBe('Add frob to the x86 system call tables: syscall_32.tbl for i386, and\nsyscall_64.tbl for x86_64 and x32.\n\nSigned-off-by: A U Thor <a@example.org>');
    expect(plan.cover?.subject).toBe('frob: Add frob()');
  });

  it('names the series instead of the calls when a subject would be folded', () => {
    const calls = ['frob_register_long_name', 'frob_unregister_long_name'].map((name, i) => ({ def: { name }, nr: 472 + i }) as never);
    const plan = planSeries(seriesSchema.parse({ ...base, split: 'per-document' }), calls, EDITS, [], { selftest: SELFTEST });
    expect(plan.commits.map((c) => (c.kind === 'edits' ? c.subject : ''))).toEqual(['frob: Add frob()', 'x86: Wire up the frob system calls', 'arch: Wire up the frob system calls', 'selftests/frob: Add tests for the new system calls']);
  });

  it('puts the rendered man pages between rules in the cover letter and asks for one', () => {
    const plan = planSeries(seriesSchema.parse({ ...base }), [call], EDITS, [], { manText: ['frob(2)  System Calls Manual\n\nNAME\n       frob - frob\n'] });
    expect(plan.commits).toHaveLength(1);
    expect(plan.cover?.blurb).toBe(`Body.\n\n${'='.repeat(72)}\nfrob(2)  System Calls Manual\n\nNAME\n       frob - frob\n${'='.repeat(72)}`);
  });
});
