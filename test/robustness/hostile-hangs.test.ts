// Hostile inputs, class "hangs": a read that never ends (a FIFO without a
// writer, /dev/zero, a row number past 2^53) where a file or a number is
// expected.  Every case runs the built bin, which is SIGKILLed after
// BIN_TIMEOUT_MS; each must instead be refused at once, with the path and
// the reason, and leave the world as it was.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { REPO_ROOT } from '../support/kernel-trees.js';
import { CASE_TIMEOUT_MS, checkCase, fifo, type Given, type HostileCase, plant, removeWorlds, sframeMail, sh, type Want, type World } from '../support/hostile-world.js';

beforeAll(() => void sh('test', ['-f', join(REPO_ROOT, 'dist/cli/run-cli.js')]), 10_000);
afterAll(removeWorlds);

const X86_64 = 'arch/x86/entry/syscalls/syscall_64.tbl';
const apply = (w: World) => ['generate', 'sframe.yaml', '--tree', w.tree, '--out', w.out, '--apply'];
const SYMLINK = 'is a symlink; syswire follows no symlink inside the tree';

/** A bin case: `given` runs `node bin/syswire.js` with the timeout. */
const bin = (title: string, given: Given, want: Want): HostileCase => [title, { given: { ...given, bin: true }, want }];

/** Replace `path` in the tree by a FIFO / by a symlink to /dev/zero. */
const fifoAt = (path: string) => (w: World) => fifo(join(w.tree, path));
const zeroAt = (path: string) => (w: World) => (sh('rm', ['-rf', join(w.tree, path)]), symlinkSync('/dev/zero', join(w.tree, path)));

/** Row 462 of x86_64 renumbered to `nr`. */
function rowNumber(nr: string) {
  return (w: World) => plant(join(w.tree, X86_64), sh('sed', ['s/^462 /' + nr + ' /', join(w.tree, X86_64)]));
}

const mergeArgv = (o: string, a: string, b: string) => () => ['merge-driver', o, a, b, X86_64];
function mergeFiles(w: World): void {
  for (const f of ['O', 'A', 'B']) sh('cp', [join(w.tree, X86_64), join(w.work, f)]);
}
const renumberArgv = (w: World) => ['renumber', '--patches', 'mails', '--tree', w.tree, '--out', w.out];

const CASES: HostileCase[] = [
  // Numbers.
  bin('a row numbered 99999999999999999999999', { setup: rowNumber('99999999999999999999999'), argv: apply }, { code: 1, stderr: /^arch\/x86\/entry\/syscalls\/syscall_64\.tbl:\d+: error: syscall number 99999999999999999999999 is out of range \(at most 999999\)$/m }),
  bin('a row numbered 2^53 + 1 (9007199254740993)', { setup: rowNumber('9007199254740993'), argv: apply }, { code: 1, stderr: /^arch\/x86\/entry\/syscalls\/syscall_64\.tbl:\d+: error: syscall number 9007199254740993 is out of range \(at most 999999\)$/m }),
  bin('a row numbered 1000000, one past the bound', { setup: rowNumber('1000000'), argv: () => ['numbers', '--tree', '../w/t/tree'] }, { code: 1, stderr: /^arch\/x86\/entry\/syscalls\/syscall_64\.tbl:\d+: error: syscall number 1000000 is out of range \(at most 999999\)$/m }),

  // The definition.
  bin('/dev/zero as the definition', { argv: (w) => ['generate', '/dev/zero', '--tree', w.tree, '--out', w.out, '--apply'] }, { code: 1, stderr: '/dev/zero: error: is a device, not a regular file' }),
  bin('a definition that is a symlink to /dev/zero', { setup: (w) => symlinkSync('/dev/zero', join(w.work, 'zero.yaml')), argv: (w) => ['generate', 'zero.yaml', '--tree', w.tree, '--out', w.out, '--apply'] }, { code: 1, stderr: 'zero.yaml: error: is a device, not a regular file' }),
  bin('a FIFO as the definition', { setup: (w) => fifo(join(w.work, 'fifo.yaml')), argv: (w) => ['generate', 'fifo.yaml', '--tree', w.tree, '--out', w.out, '--apply'] }, { code: 1, stderr: 'fifo.yaml: error: is a FIFO, not a regular file' }),
  bin('/dev/stdin (here /dev/null) as the definition', { argv: (w) => ['series', '/dev/stdin', '--tree', w.tree, '--out', w.out] }, { code: 1, stderr: '/dev/stdin: error: is a device, not a regular file' }),

  // Tree files.
  bin('compat.h is a symlink to /dev/zero', { setup: zeroAt('include/linux/compat.h'), argv: apply }, { code: 1, stderr: `include/linux/compat.h: error: ${SYMLINK}` }),
  bin('compat.h is a FIFO', { setup: fifoAt('include/linux/compat.h'), argv: apply }, { code: 1, stderr: 'include/linux/compat.h: error: not a regular file (a FIFO)' }),
  bin('syscalls.h is a FIFO', { setup: fifoAt('include/linux/syscalls.h'), argv: apply }, { code: 1, stderr: 'include/linux/syscalls.h: error: not a regular file (a FIFO)' }),
  bin('asm-generic/unistd.h is a FIFO', { setup: fifoAt('include/uapi/asm-generic/unistd.h'), argv: apply }, { code: 1, stderr: 'include/uapi/asm-generic/unistd.h: error: not a regular file (a FIFO)' }),
  bin('sys_ni.c is a symlink to /dev/zero', { setup: zeroAt('kernel/sys_ni.c'), argv: apply }, { code: 1, stderr: `kernel/sys_ni.c: error: ${SYMLINK}` }),
  bin('the top Makefile is a FIFO', { setup: fifoAt('Makefile'), argv: apply }, { code: 1, stderr: 'Makefile: error: not a regular file (a FIFO)' }),
  bin('the x86_64 table is a FIFO', { setup: fifoAt(X86_64), argv: apply }, { code: 1, stderr: `${X86_64}: error: arch/x86/entry/syscalls/Makefile builds from this table, but it is a FIFO; a wire-up without it would be partial` }),
  bin('scripts/syscall.tbl is a FIFO', { setup: fifoAt('scripts/syscall.tbl'), argv: apply }, { code: 1, stderr: 'scripts/syscall.tbl: error: not a regular file (a FIFO)' }),
  bin('the Makefile beside the x86 tables is a FIFO', { setup: fifoAt('arch/x86/entry/syscalls/Makefile'), argv: apply }, { code: 1, stderr: 'arch/x86/entry/syscalls/Makefile: error: not a regular file (a FIFO); syswire reads it to know which tables this tree builds' }),
  bin('scripts/Makefile.asm-headers is a FIFO', { setup: fifoAt('scripts/Makefile.asm-headers'), argv: apply }, { code: 1, stderr: 'scripts/Makefile.asm-headers: error: not a regular file (a FIFO); syswire reads it to know which tables this tree builds' }),
  bin('scripts/Makefile.asm-headers is a symlink to /dev/zero', { setup: zeroAt('scripts/Makefile.asm-headers'), argv: () => ['numbers', '--tree', '../w/t/tree'] }, { code: 1, stderr: `scripts/Makefile.asm-headers: error: ${SYMLINK}; syswire reads it to know which tables this tree builds` }),
  bin('the new uapi header is a FIFO already', { setup: fifoAt('include/uapi/linux/sframe.h'), argv: apply }, { code: 1, stderr: 'include/uapi/linux/sframe.h: error: not a regular file (a FIFO)' }),
  bin('lint: a FIFO among the uapi headers grep reads', { setup: fifoAt('include/uapi/linux/aaa-fifo.h'), argv: (w) => ['lint', '--tree', w.tree] }, { code: 0, stderr: /^syswire lint: 0 error\(s\), \d+ warning\(s\)$/m }),

  // Outputs.
  bin('--out/sframe.patch is a FIFO', { setup: (w) => fifo(join(w.out, 'sframe.patch')), argv: apply }, { code: 1, stderr: (w) => `${w.out}/sframe.patch: error: not a regular file (a FIFO); nothing was written` }),
  bin('--out is a FIFO', { setup: (w) => fifo(join(w.work, 'out-fifo')), argv: (w) => ['generate', 'sframe.yaml', '--tree', w.tree, '--out', 'out-fifo'] }, { code: 1, stderr: (w) => `${join(w.work, 'out-fifo')}: error: not a directory (a FIFO); nothing was written` }),
  bin('--out/sframe.patch is a symlink to /dev/full', { setup: (w) => symlinkSync('/dev/full', join(w.out, 'sframe.patch')), argv: (w) => ['generate', 'sframe.yaml', '--tree', w.tree, '--out', w.out] }, { code: 1, stderr: (w) => `${w.out}/sframe.patch: error: is a symlink; syswire follows no symlink inside ${w.out}; nothing was written` }),

  // Patches and mails.
  bin('lint PATCH: /dev/zero', { argv: (w) => ['lint', '--tree', w.tree, '/dev/zero'] }, { code: 1, stderr: '/dev/zero: error: not a regular file (a device)' }),
  bin('lint PATCH: a FIFO', { setup: (w) => fifo(join(w.work, 'fifo.patch')), argv: (w) => ['lint', '--tree', w.tree, 'fifo.patch'] }, { code: 1, stderr: (w) => `${w.work}/fifo.patch: error: not a regular file (a FIFO)` }),
  bin('renumber --patches: a mail that is a symlink to /dev/zero', { setup: (w) => (plant(join(w.work, 'mails/.keep'), ''), symlinkSync('/dev/zero', join(w.work, 'mails/0001-zero.patch'))), argv: renumberArgv }, { code: 1, stderr: 'mails/0001-zero.patch: error: not a regular file (a device)' }),
  bin('renumber --patches: a mail that is a FIFO', { setup: (w) => fifo(join(w.work, 'mails/0001-fifo.patch')), argv: renumberArgv }, { code: 1, stderr: 'mails/0001-fifo.patch: error: not a regular file (a FIFO)' }),
  bin('renumber --patches: the cover letter is a FIFO', { setup: async (w) => (plant(join(w.work, 'mails/v3-0001-x.patch'), await sframeMail()), fifo(join(w.work, 'mails/v3-0000-cover-letter.patch'))), argv: renumberArgv }, { code: 1, stderr: 'mails/v3-0000-cover-letter.patch: error: not a regular file (a FIFO)' }),
  bin('renumber --patches: the directory is a FIFO', { setup: (w) => fifo(join(w.work, 'mails')), argv: renumberArgv }, { code: 1, stderr: (w) => `${join(w.work, 'mails')}: error: not a directory` }),
  bin(
    'series: a user patch that is a FIFO',
    {
      setup: (w) => (plant(join(w.work, 'split.yaml'), sh('cat', [join(REPO_ROOT, 'test/fixtures/series/sframe-split.yaml')])), fifo(join(w.work, 'sframe-entry-points.patch'))),
      argv: (w) => ['series', 'split.yaml', '--tree', w.tree, '--out', w.out],
    },
    { code: 1, stderr: /^split\.yaml:\d+:\d+: error: patch file 'sframe-entry-points\.patch': not a regular file \(a FIFO\)$/m },
  ),

  // The merge driver and its installer.
  bin('merge-driver: %O is /dev/zero', { setup: mergeFiles, argv: mergeArgv('/dev/zero', 'A', 'B') }, { code: 1, stderr: '/dev/zero: error: not a regular file (a device)' }),
  bin('merge-driver: %A is a FIFO', { setup: (w) => (mergeFiles(w), fifo(join(w.work, 'A'))), argv: mergeArgv('O', 'A', 'B') }, { code: 1, stderr: 'A: error: not a regular file (a FIFO)' }),
  bin('merge-driver: %A is a symlink to /dev/zero', { setup: (w) => (mergeFiles(w), sh('rm', [join(w.work, 'A')]), symlinkSync('/dev/zero', join(w.work, 'A'))), argv: mergeArgv('O', 'A', 'B') }, { code: 1, stderr: 'A: error: not a regular file (a device)' }),
  bin('merge-driver: %B is /dev/urandom', { setup: mergeFiles, argv: mergeArgv('O', 'A', '/dev/urandom') }, { code: 1, stderr: '/dev/urandom: error: not a regular file (a device)' }),
  bin('install-merge-driver: .gitattributes is a FIFO', { setup: (w) => (sh('git', ['init', '-q', w.tree]), fifo(join(w.tree, '.gitattributes'))), argv: (w) => ['install-merge-driver', '--repo', w.tree] }, { code: 1, stderr: (w) => `${w.tree}/.gitattributes: error: not a regular file (a FIFO)` }),
  bin('install-merge-driver: .git/info/attributes is a symlink to /dev/zero', { setup: (w) => (sh('git', ['init', '-q', w.tree]), plant(join(w.tree, '.git/info/.keep'), ''), sh('rm', ['-f', join(w.tree, '.git/info/attributes')]), symlinkSync('/dev/zero', join(w.tree, '.git/info/attributes'))), argv: (w) => ['install-merge-driver', '--repo', w.tree, '--info'] }, { code: 1, stderr: (w) => `${w.tree}/.git/info/attributes: error: is a symlink; syswire follows no symlink inside ${w.tree}/.git/info` }),
];

describe('hostile hangs: no read waits forever, every case ends within seconds', () => {
  it.for(CASES)('%s', { timeout: CASE_TIMEOUT_MS }, async ([title, spec], ctx) => checkCase(title, spec, ctx));
});
