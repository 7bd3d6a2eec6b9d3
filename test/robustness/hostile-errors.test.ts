// Hostile inputs, class "stack traces": a directory, nothing, a loop, a
// sparse 540 MB file or garbage where a file belongs (definition, patch,
// mail, header, table, syscalls.h, user patch, merge-driver input), git
// outside a repository or missing.  Each is a `path[:line[:col]]: error:`
// line with exit 1 (2 for usage) and never "internal error"; checkCase
// also refuses any stack line on stderr.
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/kernel-trees.js';
import { applyArgv, CASE_TIMEOUT_MS, checkCase, type HostileCase, plant, removeWorlds, sframeMail, sh, type World } from '../support/hostile-world.js';

afterAll(removeWorlds);

const X86_64 = 'arch/x86/entry/syscalls/syscall_64.tbl';
const TOO_LARGE = 'file too large (566231040 bytes; the limit is 67108864)';
/** A sparse 540 MB file: nothing may read it whole. */
const huge = (path: string) => (sh('mkdir', ['-p', join(path, '..')]), sh('rm', ['-rf', path]), sh('truncate', ['-s', '540M', path]));
const loop = (path: string) => (sh('mkdir', ['-p', join(path, '..')]), sh('rm', ['-rf', path]), symlinkSync(path, path));
const dir = (path: string) => (sh('rm', ['-rf', path]), mkdirSync(path, { recursive: true }));

const gen = (defs: string) => (w: World) => ['generate', defs, '--tree', w.tree, '--out', w.out, '--apply'];
const lint = (patch: string) => (w: World) => ['lint', '--tree', w.tree, patch];
const renumberArgv = (w: World) => ['renumber', '--patches', 'mails', '--tree', w.tree, '--out', w.out];
const series = (w: World) => ['series', 'split.yaml', '--tree', w.tree, '--out', w.out];
const merge = (o: string, a: string, b: string) => () => ['merge-driver', o, a, b, X86_64];

/** The split series (a user patch beside it) in the work directory; `patch` replaces the user patch's bytes. */
function split(w: World, patch?: (path: string) => void): void {
  plant(join(w.work, 'split.yaml'), sh('cat', [join(REPO_ROOT, 'test/fixtures/series/sframe-split.yaml')]));
  const path = join(w.work, 'sframe-entry-points.patch');
  plant(path, sh('cat', [join(REPO_ROOT, 'test/fixtures/series/sframe-entry-points.patch')]));
  patch?.(path);
}
const userPatch = (reason: string) => new RegExp(`^split\\.yaml:\\d+:\\d+: error: patch file 'sframe-entry-points\\.patch': ${reason.replace(/[()]/g, '\\$&')}$`, 'm');

function mergeFiles(w: World): void {
  for (const f of ['O', 'A', 'B']) sh('cp', [join(w.tree, X86_64), join(w.work, f)]);
}
/** The sframe mail, transformed, as mails/0001-x.patch. */
async function mail(w: World, change: (text: string) => string | Buffer): Promise<void> {
  plant(join(w.work, 'mails/0001-x.patch'), change((await sframeMail()).toString('utf8')));
}

const CASES: HostileCase[] = [
  // The definition.
  ['definition: a directory', { given: { setup: (w) => dir(join(w.work, 'defs.yaml')), argv: gen('defs.yaml') }, want: { code: 1, stderr: 'defs.yaml: error: is a directory, not a regular file' } }],
  ['definition: missing', { given: { argv: gen('nope.yaml') }, want: { code: 1, stderr: 'nope.yaml: error: no such definition file' } }],
  ['definition: a symlink loop', { given: { setup: (w) => loop(join(w.work, 'loop.yaml')), argv: gen('loop.yaml') }, want: { code: 1, stderr: 'loop.yaml: error: is a symbolic link loop (or a chain of more than 40 links)' } }],
  ['definition: a dangling symlink', { given: { setup: (w) => symlinkSync(join(w.work, 'gone.yaml'), join(w.work, 'dangling.yaml')), argv: gen('dangling.yaml') }, want: { code: 1, stderr: 'dangling.yaml: error: is a dangling symbolic link: its target does not exist' } }],
  ['definition: a sparse 540 MB file', { given: { setup: (w) => huge(join(w.work, 'big.yaml')), argv: gen('big.yaml') }, want: { code: 1, stderr: 'big.yaml: error: is 566231040 bytes; a definition may be at most 1 MiB (1048576 bytes)' } }],
  ['definition: empty', { given: { setup: (w) => writeFileSync(join(w.work, 'empty.yaml'), ''), argv: gen('empty.yaml') }, want: { code: 1, stderr: 'empty.yaml:1:1: error: expected object, received null' } }],
  ['definition: binary garbage with NUL bytes', { given: { setup: (w) => writeFileSync(join(w.work, 'bin.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 10])), argv: gen('bin.yaml') }, want: { code: 1, stderr: 'bin.yaml:1:1: error: expected object, received string' } }],
  ['definition: a YAML alias bomb', { given: { setup: (w) => writeFileSync(join(w.work, 'bomb.yaml'), ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [*${'abcdefgh'[i]}, *${'abcdefgh'[i]}, *${'abcdefgh'[i]}, *${'abcdefgh'[i]}, *${'abcdefgh'[i]}, *${'abcdefgh'[i]}, *${'abcdefgh'[i]}, *${'abcdefgh'[i]}, *${'abcdefgh'[i]}]`), ''].join('\n')), argv: gen('bomb.yaml') }, want: { code: 1, stderr: /^bomb\.yaml:\d+:\d+: error: YAML aliases expand too far \(more than \d+ expansions, as in a "billion laughs" attack\); a definition does not need nested anchors$/m } }],

  // Tree files.
  ['tree: the new uapi header is a directory', { given: { setup: (w) => dir(join(w.tree, 'include/uapi/linux/sframe.h')), argv: applyArgv }, want: { code: 1, stderr: 'include/uapi/linux/sframe.h: error: not a regular file (a directory)' } }],
  ['tree: syscalls.h is a directory', { given: { setup: (w) => dir(join(w.tree, 'include/linux/syscalls.h')), argv: applyArgv }, want: { code: 1, stderr: 'include/linux/syscalls.h: error: not a regular file (a directory)' } }],
  ['tree: syscalls.h is missing', { given: { setup: (w) => sh('rm', [join(w.tree, 'include/linux/syscalls.h')]), argv: applyArgv }, want: { code: 1, stderr: 'include/linux/syscalls.h: error: missing; is this a kernel tree?' } }],
  ['tree: sys_ni.c is a symlink loop', { given: { setup: (w) => loop(join(w.tree, 'kernel/sys_ni.c')), argv: applyArgv }, want: { code: 1, stderr: 'kernel/sys_ni.c: error: is a symlink; syswire follows no symlink inside the tree' } }],
  ['tree: the x86_64 table is a directory', { given: { setup: (w) => dir(join(w.tree, X86_64)), argv: applyArgv }, want: { code: 1, stderr: `${X86_64}: error: arch/x86/entry/syscalls/Makefile builds from this table, but it is a directory; a wire-up without it would be partial` } }],
  ['tree: the x86_64 table is a symlink loop', { given: { setup: (w) => loop(join(w.tree, X86_64)), argv: applyArgv }, want: { code: 1, stderr: `${X86_64}: error: arch/x86/entry/syscalls/Makefile builds from this table, but it is a symlink (syswire follows none inside the tree); a wire-up without it would be partial` } }],
  ['tree: a sparse 540 MB table', { given: { setup: (w) => huge(join(w.tree, X86_64)), argv: applyArgv }, want: { code: 1, stderr: `${X86_64}: error: ${TOO_LARGE}` } }],
  ['tree: a sparse 540 MB syscalls.h', { given: { setup: (w) => huge(join(w.tree, 'include/linux/syscalls.h')), argv: applyArgv }, want: { code: 1, stderr: `include/linux/syscalls.h: error: ${TOO_LARGE}` } }],
  ['tree: a table of random bytes', { given: { setup: (w) => plant(join(w.tree, X86_64), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))), argv: applyArgv }, want: { code: 1, stderr: `${X86_64}:1: error: a NUL byte; kernel source files are text (is the file corrupt?)` } }],
  ['tree: a table with a NUL byte in a row', { given: { setup: (w) => plant(join(w.tree, X86_64), sh('sed', ['s/^462 \tcommon  mseal/462 \tcommon  ms\\x00eal/', join(w.tree, X86_64)])), argv: applyArgv }, want: { code: 1, stderr: /^arch\/x86\/entry\/syscalls\/syscall_64\.tbl:\d+: error: a NUL byte; kernel source files are text \(is the file corrupt\?\)$/m } }],

  // lint PATCH.
  ['lint PATCH: a directory', { given: { setup: (w) => dir(join(w.work, 'pdir')), argv: lint('pdir') }, want: { code: 1, stderr: (w) => `${w.work}/pdir: error: not a regular file (a directory)` } }],
  ['lint PATCH: missing', { given: { argv: lint('nope.patch') }, want: { code: 1, stderr: (w) => `${w.work}/nope.patch: error: no such file` } }],
  ['lint PATCH: a symlink loop', { given: { setup: (w) => loop(join(w.work, 'loop.patch')), argv: lint('loop.patch') }, want: { code: 1, stderr: (w) => `${w.work}/loop.patch: error: symlink loop` } }],
  ['lint PATCH: a sparse 540 MB patch', { given: { setup: (w) => huge(join(w.work, 'big.patch')), argv: lint('big.patch') }, want: { code: 1, stderr: (w) => `${w.work}/big.patch: error: ${TOO_LARGE}` } }],
  ['lint PATCH: empty', { given: { setup: (w) => writeFileSync(join(w.work, 'empty.patch'), ''), argv: lint('empty.patch') }, want: { code: 1, stderr: (w) => `${w.work}/empty.patch: error: not a patch: no diff in it` } }],
  ['lint PATCH: a bad hunk header', { given: { setup: (w) => writeFileSync(join(w.work, 'bad.patch'), 'diff --git a/kernel/sys_ni.c b/kernel/sys_ni.c\n--- a/kernel/sys_ni.c\n+++ b/kernel/sys_ni.c\n@@ bogus @@\n+x\n'), argv: lint('bad.patch') }, want: { code: 1, stderr: (w) => `${w.work}/bad.patch: error: not a valid patch: bad hunk header: @@ bogus @@` } }],
  ['lint PATCH: a patch that does not apply', { given: { setup: (w) => writeFileSync(join(w.work, 'stale.patch'), 'diff --git a/kernel/sys_ni.c b/kernel/sys_ni.c\n--- a/kernel/sys_ni.c\n+++ b/kernel/sys_ni.c\n@@ -1,1 +1,2 @@\n no such line\n+x\n'), argv: lint('stale.patch') }, want: { code: 1, stderr: (w) => new RegExp(`^${w.work}/stale\\.patch: error: does not apply to ${w.tree}: error: patch failed: kernel/sys_ni\\.c:1$`, 'm') } }],

  // User patches of a series.
  ['series: the user patch is a directory', { given: { setup: (w) => split(w, dir), argv: series }, want: { code: 1, stderr: userPatch('not a regular file (a directory)') } }],
  ['series: the user patch is missing', { given: { setup: (w) => split(w, (p) => sh('rm', [p])), argv: series }, want: { code: 1, stderr: userPatch('no such file') } }],
  ['series: the user patch is a symlink loop', { given: { setup: (w) => split(w, loop), argv: series }, want: { code: 1, stderr: userPatch('symlink loop') } }],
  ['series: the user patch is empty', { given: { setup: (w) => split(w, (p) => writeFileSync(p, '')), argv: series }, want: { code: 1, stderr: 'sframe-entry-points.patch: error: not a patch mail (the file is empty)' } }],
  ['series: the user patch does not apply', { given: { setup: (w) => split(w, (p) => writeFileSync(p, sh('sed', ['s#^--- /dev/null#--- a/kernel/unwind/sframe-syscalls.c#; s#^new file mode 100644##', p]))), argv: series }, want: { code: 1, stderr: /^sframe-entry-points\.patch: error: does not apply: error: / } }],
  ['series: the user patch has a date git cannot read', { given: { setup: (w) => split(w, (p) => writeFileSync(p, sh('sed', ['s/^Date: .*/Date: not a date at all/', p]))), argv: series }, want: { code: 1, stderr: /^Josh Poimboeuf <jpoimboe@kernel\.org>: error: git cannot commit with date '.*': / } }],

  // The merge driver and its installer.
  ['merge-driver: %A is missing', { given: { setup: (w) => (mergeFiles(w), sh('rm', [join(w.work, 'A')])), argv: merge('O', 'A', 'B') }, want: { code: 1, stderr: 'A: error: no such file' } }],
  ['merge-driver: %B is binary', { given: { setup: (w) => (mergeFiles(w), writeFileSync(join(w.work, 'B'), Buffer.from('462\tcommon\tmseal\x00\x01\x02\n'))), argv: merge('O', 'A', 'B') }, want: { code: 1, stderr: `${X86_64}: error: conflict left to git: B is binary (has a NUL byte)` } }],
  ['merge-driver: %O is a directory', { given: { setup: (w) => (mergeFiles(w), dir(join(w.work, 'O'))), argv: merge('O', 'A', 'B') }, want: { code: 1, stderr: 'O: error: not a regular file (a directory)' } }],
  ['merge-driver: %O is a sparse 540 MB file', { given: { setup: (w) => (mergeFiles(w), huge(join(w.work, 'O'))), argv: merge('O', 'A', 'B') }, want: { code: 1, stderr: `O: error: ${TOO_LARGE}` } }],
  ['merge-driver: %A is a symlink loop', { given: { setup: (w) => (mergeFiles(w), loop(join(w.work, 'A'))), argv: merge('O', 'A', 'B') }, want: { code: 1, stderr: 'A: error: symlink loop' } }],
  ['merge-driver: three arguments instead of four (usage)', { given: { setup: mergeFiles, argv: () => ['merge-driver', 'O', 'A', 'B'] }, want: { code: 2, stderr: 'syswire merge-driver: expected %O %A %B %P' } }],
  ['install-merge-driver: outside a git repository', { given: { argv: () => ['install-merge-driver'] }, want: { code: 1, stderr: (w) => `${w.work}: error: not inside a git repository (pass --repo DIR)` } }],
  ['install-merge-driver: --repo does not exist', { given: { argv: (w) => ['install-merge-driver', '--repo', join(w.base, 'nope')] }, want: { code: 1, stderr: (w) => `${join(w.base, 'nope')}: error: not inside a git repository (pass --repo DIR)` } }],
  ['install-merge-driver: --repo is a file', { given: { argv: (w) => ['install-merge-driver', '--repo', join(w.canary, 'secret')] }, want: { code: 1, stderr: (w) => `${join(w.canary, 'secret')}: error: not inside a git repository (pass --repo DIR)` } }],

  // Mails of renumber --patches.
  ['mail: empty', { given: { setup: (w) => plant(join(w.work, 'mails/0001-empty.patch'), ''), argv: renumberArgv }, want: { code: 1, stderr: 'mails/0001-empty.patch: error: not a patch mail (the file is empty)' } }],
  ['mail: truncated inside its last hunk', { given: { setup: (w) => mail(w, (t) => t.split('\n').slice(0, -3).join('\n')), argv: renumberArgv }, want: { code: 1, stderr: /^mails\/0001-x\.patch: error: not a valid patch: scripts\/syscall\.tbl: hunk @@ -\d+,\d+ \+\d+,\d+ @@ is truncated$/m } }],
  ['mail: headers and message, no diff', { given: { setup: (w) => mail(w, (t) => t.slice(0, t.indexOf('\n---\n') + 1)), argv: renumberArgv }, want: { code: 1, stderr: 'mails/0001-x.patch: error: not a patch: the mail has no diff' } }],
  ['mail: headers only', { given: { setup: (w) => mail(w, (t) => t.slice(0, t.indexOf('\n\n') + 1)), argv: renumberArgv }, want: { code: 1, stderr: 'mails/0001-x.patch: error: not a patch: the mail has no diff' } }],
  ['mail: binary garbage with NUL bytes', { given: { setup: (w) => plant(join(w.work, 'mails/0001-bin.patch'), Buffer.from([0, 1, 2, 0xff, 0xfe, 10, 0, 9])), argv: renumberArgv }, want: { code: 1, stderr: 'mails/0001-bin.patch: error: not a patch mail (no From:/Subject:)' } }],
  ['mail: a symlink loop', { given: { setup: (w) => (mkdirSync(join(w.work, 'mails')), loop(join(w.work, 'mails/0001-loop.patch'))), argv: renumberArgv }, want: { code: 1, stderr: 'mails/0001-loop.patch: error: symlink loop' } }],
  ['mail: a sparse 540 MB mail', { given: { setup: (w) => huge(join(w.work, 'mails/0001-big.patch')), argv: renumberArgv }, want: { code: 1, stderr: `mails/0001-big.patch: error: ${TOO_LARGE}` } }],
  ['mail: a directory named like one', { given: { setup: (w) => dir(join(w.work, 'mails/0001-dir.patch')), argv: renumberArgv }, want: { code: 1, stderr: 'mails/0001-dir.patch: error: not a regular file (a directory)' } }],
  ['mail: CRLF line endings from a mail client are read as git am reads them (handled)', { given: { setup: (w) => mail(w, (t) => t.replace(/\n/g, '\r\n')), argv: renumberArgv }, want: { code: 0, stderr: /^$/, out: (w) => expect(readdirSync(w.out)).toEqual(['v3-0001-unwind-Add-sframe_-un-register-system-calls.patch']) } }],
  ['mail: a hunk that removes a table row', { given: { setup: (w) => mail(w, (t) => t.replace(/^ (462\s+common\s+mseal\s+sys_mseal)$/m, '-$1').replace(/^@@ -(\d+),3 \+(\d+),5 @@(.*\n(?:[ -].*\n)*?-462)/m, '@@ -$1,3 +$2,4 @@$3')), argv: renumberArgv }, want: { code: 1, stderr: /^mails\/0001-x\.patch: error: arch\/arm\/tools\/syscall\.tbl: @@ -\d+,3 \+\d+,4 @@: removes '462\tcommon\tmseal\t+sys_mseal'; only added rows can be moved\nnothing written: 1 problem$/m } }],
  ['--patches: the directory is missing', { given: { argv: renumberArgv }, want: { code: 1, stderr: (w) => `${join(w.work, 'mails')}: error: no such directory` } }],
  ['--patches: the directory is a file', { given: { setup: (w) => writeFileSync(join(w.work, 'mails'), 'x'), argv: renumberArgv }, want: { code: 1, stderr: (w) => `${join(w.work, 'mails')}: error: not a directory` } }],
  ['--patches: only a cover letter', { given: { setup: async (w) => plant(join(w.work, 'mails/v3-0000-cover-letter.patch'), await sframeMail()), argv: renumberArgv }, want: { code: 1, stderr: (w) => `${join(w.work, 'mails')}: error: no *.patch files` } }],
  ['renumber --from: not a kernel tree', { given: { argv: (w) => ['renumber', 'sframe.yaml', '--tree', w.tree, '--from', w.canary, '--out', w.out] }, want: { code: 1, stderr: (w) => `${w.canary}: error: not a kernel tree: no arch/ or scripts/ directory` } }],

  // git itself.
  ['git is not on PATH', { given: { bin: true, argv: (w) => ['series', 'sframe.yaml', '--tree', w.tree, '--out', w.out], env: () => ({ PATH: '/nonexistent' }) }, want: { code: 1, stderr: 'git: error: git not found on PATH (install the Debian package git)' } }],
];

describe('hostile errors: a located error, never a stack trace', () => {
  it.for(CASES)('%s', { timeout: CASE_TIMEOUT_MS }, async ([title, spec], ctx) => checkCase(title, spec, ctx));
});
