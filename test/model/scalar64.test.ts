// 64-bit scalar arguments: which declarations count, where they land in
// 32-bit registers, the order suggested for a misordered call, and the
// warnings a definition gets, located at the arg.
import { describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { alignedOrder, compatPrototypeArgs, isScalar64, oddSlotArgs } from '../../src/model/scalar64.js';
import { checkScalar64Args } from '../../src/model/scalar64-checks.js';
import { formatDiagnostic } from '../../src/model/diagnostics.js';
import { loadDefsFile } from '../support/definitions.js';

describe('isScalar64', () => {
  it.each([
    ['loff_t offset', true], ['const u64 mask', true], ['__u64 v', true], ['s64 v', true], ['__s64 v', true],
    ['long long v', true], ['unsigned long long v', true], ['signed long long int v', true],
    ['loff_t __user *offp', false], ['__u64 __user *p', false], ['unsigned long v', false], ['u32 v', false], ['int fd', false],
  ])('%s -> %s', (decl, want) => expect(isScalar64(decl)).toBe(want));
});

describe('register slots', () => {
  const cases: [string, string[], string[], string[] | undefined][] = [
    ['fallocate', ['int fd', 'int mode', 'loff_t offset', 'loff_t len'], [], undefined],
    ['sync_file_range', ['int fd', 'loff_t offset', 'loff_t nbytes', 'unsigned int flags'], ['offset', 'nbytes'], ['int fd', 'unsigned int flags', 'loff_t offset', 'loff_t nbytes']],
    ['readahead', ['int fd', 'loff_t offset', 'size_t count'], ['offset'], ['int fd', 'size_t count', 'loff_t offset']],
    ['pread64', ['unsigned int fd', 'char __user *buf', 'size_t count', 'loff_t pos'], ['pos'], ['loff_t pos', 'unsigned int fd', 'char __user *buf', 'size_t count']],
  ];
  it.each(cases)('%s', (_name, args, odd, order) => {
    expect(oddSlotArgs(args).map((a) => a.name)).toEqual(odd);
    expect(alignedOrder(args)).toEqual(order);
    if (order) expect(oddSlotArgs(order)).toEqual([]);
  });

  it('writes compat_arg_u64(name) for each 64-bit argument of the compat prototype', () => {
    expect(compatPrototypeArgs(['int fd', 'loff_t offset', '__u64 __user *p'])).toEqual(['int fd', 'compat_arg_u64(offset)', '__u64 __user *p']);
  });
});

describe('definition diagnostics', () => {
  it('warns at each misordered arg of test/fixtures/misordered-call.yaml, naming the ABIs and an order', () => {
    const out = checkScalar64Args(loadDefsFile('test/fixtures/misordered-call.yaml')).map(formatDiagnostic);
    expect(out).toEqual([
      "test/fixtures/misordered-call.yaml:9:22: warning: 64-bit argument 'offset' (arg 2) would start in 32-bit register 2: arm EABI, mips o32 and ppc32 insert a padding register before it, so the compat entry's halves are misread; start 64-bit arguments in register 1, 3 or 5, e.g. (fd, flags, offset, nbytes)",
      "test/fixtures/misordered-call.yaml:9:39: warning: 64-bit argument 'nbytes' (arg 3) would start in 32-bit register 4: arm EABI, mips o32 and ppc32 insert a padding register before it, so the compat entry's halves are misread; start 64-bit arguments in register 1, 3 or 5, e.g. (fd, flags, offset, nbytes)",
    ]);
  });

  it('has nothing to say about the fallocate-shaped call', () => {
    expect(checkScalar64Args(loadDefsFile('test/fixtures/range-call.yaml'))).toEqual([]);
  });

  const one = (yaml: string) => checkScalar64Args(loadDefinitions('x.yaml', `series: { name: x, subject: s, author: "A <a@b>" }\nsyscalls:\n${yaml}`)).map(formatDiagnostic);

  it('refuses compat: false for a call whose 32-bit callers split an argument', () => {
    expect(one('  - { name: frob, args: ["loff_t off"], compat: false }\n')).toEqual([
      "x.yaml:3:49: error: frob has 64-bit argument 'off', which 32-bit callers pass in two registers: it needs a compat entry (compat: true, or leave compat out)",
    ]);
  });

  it('refuses more than six registers once the 64-bit arguments are split', () => {
    expect(one('  - { name: frob, args: ["loff_t a", "loff_t b", "loff_t c", "int d"] }\n')).toEqual([
      "x.yaml:3:25: error: frob's arguments take 7 32-bit registers once each 64-bit one is split, more than the 6 a system call has; pass them in a struct",
    ]);
  });
});
