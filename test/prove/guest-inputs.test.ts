// Inputs of the guest: the initramfs list, the bindings probe's view, and
// the compiler lines a failed build shows.
import { describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import type { PlannedCall } from '../../src/plan/numbering.js';
import { cpioList } from '../../src/prove/initramfs.js';
import { compilerErrors } from '../../src/prove/kernel-build.js';
import { probeView } from '../../src/prove/probe-view.js';

describe('cpioList', () => {
  it('makes every parent directory first, then /dev/console, then the files in order', () => {
    expect(cpioList([{ name: '/init', location: '/o/bin/init' }, { name: '/tests/i386/probe', location: '/o/bin/i386-probe' }])).toBe(
      [
        'dir /dev 0755 0 0',
        'dir /tests 0755 0 0',
        'dir /tests/i386 0755 0 0',
        'nod /dev/console 0600 0 0 c 5 1',
        'file /init /o/bin/init 0755 0 0',
        'file /tests/i386/probe /o/bin/i386-probe 0755 0 0',
        '',
      ].join('\n'),
    );
  });
});

describe('probeView', () => {
  const loaded = loadDefinitions(
    'p.yaml',
    [
      'series: { name: p, subject: s, author: "A <a@b>" }',
      'syscalls:',
      '  - { name: p_set, args: ["struct p_args __user *uargs", "size_t usize"], extensible: { struct_arg: uargs, size_arg: usize } }',
      '  - { name: p_flags, args: ["int fd", "unsigned int flags"] }',
      '  - { name: p_plain, args: ["int fd"] }',
      'structs:',
      '  - { name: p_args, header: include/uapi/linux/p.h, doc: d, extensible: true, fields: [{ name: a, type: __u64, doc: d }] }',
    ].join('\n'),
  );
  const calls: PlannedCall[] = loaded.defs.syscalls.map((def, index) => ({ def, index, nr: 500 + index, entry: `sys_${def.name}`, wired: false }));
  const numbers = new Map<string, Record<string, number | null>>([
    ['p_set', { i386: 500, x32: 1073742324 }],
    ['p_flags', { i386: 501, x32: null }],
    ['p_plain', { i386: 502, x32: 1073742326 }],
  ]);

  it('calls an extensible struct with size 0 and a flags argument with every bit set, both expecting EINVAL', () => {
    expect(probeView('i386', calls, numbers).probes).toEqual([
      { name: 'p_set', nr: 500, args: '0, 0, 0, 0, 0, 0', want: 'EINVAL', why: 'size 0 is below P_ARGS_SIZE_VER0' },
      { name: 'p_flags', nr: 501, args: '0, -1, 0, 0, 0, 0', want: 'EINVAL', why: 'every flag bit set, and unknown bits are refused' },
    ]);
  });

  it('skips, with the reason, a call without a refusing argument and one the ABI has no number for', () => {
    expect(probeView('x32', calls, numbers).skips).toEqual([
      { name: 'p_flags', why: 'the series does not wire it for x32' },
      { name: 'p_plain', why: 'no argument its entry skeleton refuses, so no errno to tell it from ENOSYS' },
    ]);
  });
});

describe('compilerErrors', () => {
  it("keeps gcc's error lines with their caret lines, and make's *** lines", () => {
    const log = [
      '  CC      kernel/sframe-entry.o',
      '../src/kernel/sframe-entry.c:12:9: error: unknown type name ‘sframe_setupx’',
      '   12 |         sframe_setupx kargs;',
      '      |         ^~~~~~~~~~~~~',
      '../src/kernel/sframe-entry.c:20:2: warning: unused variable',
      'make[4]: *** [../src/scripts/Makefile.build:287: kernel/sframe-entry.o] Error 1',
    ].join('\n');
    expect(compilerErrors(log)).toEqual([
      '../src/kernel/sframe-entry.c:12:9: error: unknown type name ‘sframe_setupx’',
      '   12 |         sframe_setupx kargs;',
      '      |         ^~~~~~~~~~~~~',
      'make[4]: *** [../src/scripts/Makefile.build:287: kernel/sframe-entry.o] Error 1',
    ]);
  });
});
