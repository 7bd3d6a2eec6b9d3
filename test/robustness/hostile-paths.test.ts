// Hostile inputs, class "writes outside the tree": diff paths in mails and
// patches that leave the tree (`../../victim`, absolute, `a/../..`, git's
// quoted octal), symlinked directories and files inside the tree, --out
// entries that are symlinks or not directories, and a planted
// `.syswire-txn` journal naming files outside.  Every case is refused with
// the path and the reason, and nothing under the world changes: the
// canary, `BASE/w/victim` (what `../../victim` names from the tree) and
// everything else (test/support/hostile-world.ts).
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { applyArgv, CASE_TIMEOUT_MS, checkCase, type HostileCase, plant, re, removeWorlds, sframeMail, sh, type World } from '../support/hostile-world.js';

afterAll(removeWorlds);

const VICTIM = 'victim: ../../victim from the tree\n';

/** A file diff creating `path` (as written, quoting included). */
const newFile = (path: string) => `diff --git a/${path} b/${path}\nnew file mode 100644\nindex 000000000000..0123456789ab\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1 @@\n+pwned\n`;
/** A file diff rewriting the victim's one line at `path`. */
const overwrite = (path: string) => `diff --git a/${path} b/${path}\nindex 0123456789ab..ba9876543210 100644\n--- a/${path}\n+++ b/${path}\n@@ -1 +1 @@\n-${VICTIM.trimEnd()}\n+pwned\n`;

/** The sframe mail with `diff` appended, as mails/0001-evil.patch. */
async function evilMail(w: World, diff: string): Promise<void> {
  plant(join(w.work, 'mails/0001-evil.patch'), Buffer.concat([await sframeMail(), Buffer.from(diff)]));
}
const renumberArgv = (w: World) => ['renumber', '--patches', 'mails', '--tree', w.tree, '--out', w.out];
const lintArgv = (w: World) => ['lint', '--tree', w.tree, 'evil.patch'];
const mailRefused = (path: string, reason: string) => new RegExp(`^mails/0001-evil\\.patch: error: not a valid patch: "${re(path)}": ${re(reason)}$`, 'm');
const LEAVES = "path leaves the tree ('..')";
const ABSOLUTE = 'absolute path; only paths inside the tree are allowed';

/** Replace a directory of the tree by a symlink to a copy of it in the canary directory. */
function symlinkDir(w: World, dir: string): void {
  sh('cp', ['-a', join(w.tree, dir), join(w.canary, 'linked')]);
  sh('rm', ['-rf', join(w.tree, dir)]);
  symlinkSync(join(w.canary, 'linked'), join(w.tree, dir));
}
/** Replace a file of the tree by a symlink to a copy of it in the canary directory. */
function symlinkFile(w: World, path: string): void {
  sh('cp', [join(w.tree, path), join(w.canary, 'linked-file')]);
  sh('rm', [join(w.tree, path)]);
  symlinkSync(join(w.canary, 'linked-file'), join(w.tree, path));
}

/** A `.syswire-txn` of a dead run (pid 2^22 + 1 is above pid_max's default), with `journal`. */
function plantJournal(w: World, journal: object): void {
  plant(join(w.tree, '.syswire-txn/pid'), '4194305\n');
  plant(join(w.tree, '.syswire-txn/journal.json'), JSON.stringify({ pid: 4194305, dirs: [], ...journal }));
}
const journalRefused = (w: World, reason: string) =>
  new RegExp(`^${re(w.tree)}/\\.syswire-txn/journal\\.json: error: ${re(reason)}; syswire did not write this journal: check ${re(w.tree)}/\\.syswire-txn and remove it by hand; nothing was written$`, 'm');

const CASES: HostileCase[] = [
  // renumber --patches: the mail's diff paths.
  ['renumber --patches: a new file at ../../victim', { given: { setup: (w) => evilMail(w, newFile('../../victim')), argv: renumberArgv }, want: { code: 1, stderr: mailRefused('../../victim', LEAVES) } }],
  ['renumber --patches: an existing file rewritten at ../../victim', { given: { setup: (w) => evilMail(w, overwrite('../../victim')), argv: renumberArgv }, want: { code: 1, stderr: mailRefused('../../victim', LEAVES) } }],
  ['renumber --patches: an absolute path to the canary', { given: { setup: (w) => evilMail(w, overwrite(join(w.canary, 'secret'))), argv: renumberArgv }, want: { code: 1, stderr: (w) => mailRefused(join(w.canary, 'secret'), ABSOLUTE) } }],
  ['renumber --patches: a/../../victim (`..` after the a/ prefix)', { given: { setup: (w) => evilMail(w, newFile('a/../../victim')), argv: renumberArgv }, want: { code: 1, stderr: mailRefused('a/../../victim', LEAVES) } }],
  ['renumber --patches: include/../../../victim (`..` inside the path)', { given: { setup: (w) => evilMail(w, newFile('include/../../../victim')), argv: renumberArgv }, want: { code: 1, stderr: mailRefused('include/../../../victim', LEAVES) } }],
  [
    "renumber --patches: git's quoted octal path \"b/\\056\\056/\\056\\056/victim\"",
    {
      given: { setup: (w) => evilMail(w, 'diff --git "a/\\056\\056/\\056\\056/victim" "b/\\056\\056/\\056\\056/victim"\nnew file mode 100644\n--- /dev/null\n+++ "b/\\056\\056/\\056\\056/victim"\n@@ -0,0 +1 @@\n+pwned\n'), argv: renumberArgv },
      want: { code: 1, stderr: mailRefused('../../victim', LEAVES) },
    },
  ],
  ['renumber --patches: a plain unified diff (quilt) to ../../victim', { given: { setup: (w) => evilMail(w, `--- a/victim\n+++ b/../../victim\n@@ -1 +1 @@\n-${VICTIM.trimEnd()}\n+pwned\n`), argv: renumberArgv }, want: { code: 1, stderr: mailRefused('../../victim', LEAVES) } }],
  ['renumber --patches: a rename to ../../victim', { given: { setup: (w) => evilMail(w, 'diff --git a/kernel/sys_ni.c b/../../victim\nsimilarity index 100%\nrename from kernel/sys_ni.c\nrename to ../../victim\n'), argv: renumberArgv }, want: { code: 1, stderr: mailRefused('../../victim', LEAVES) } }],
  ['renumber --patches: an empty path component (include//linux/x.h)', { given: { setup: (w) => evilMail(w, newFile('include//linux/x.h')), argv: renumberArgv }, want: { code: 1, stderr: mailRefused('include//linux/x.h', "path has an empty or '.' component") } }],
  ['renumber --patches: a ./ component', { given: { setup: (w) => evilMail(w, newFile('./include/x.h')), argv: renumberArgv }, want: { code: 1, stderr: mailRefused('./include/x.h', "path has an empty or '.' component") } }],
  [
    'renumber --patches: the new uapi header through a symlinked include/uapi/linux',
    {
      given: { setup: async (w) => (await evilMail(w, ''), plant(join(w.canary, 'linux/.keep'), ''), symlinkSync(join(w.canary, 'linux'), join(w.tree, 'include/uapi/linux'))), argv: renumberArgv },
      want: { code: 1, stderr: "include/uapi/linux/sframe.h: error: 'include/uapi/linux' is a symlink; syswire follows no symlink inside the tree" },
    },
  ],
  [
    'renumber --patches: the re-posted mail in --out is a symlink to the canary',
    {
      given: { setup: async (w) => (await evilMail(w, ''), symlinkSync(join(w.canary, 'secret'), join(w.out, 'v3-0001-unwind-Add-sframe_-un-register-system-calls.patch'))), argv: renumberArgv },
      want: { code: 1, stderr: (w) => `${w.out}/v3-0001-unwind-Add-sframe_-un-register-system-calls.patch: error: is a symlink; syswire follows no symlink inside ${w.out}; nothing was written` },
    },
  ],

  // lint PATCH: the patch is applied to a scratch copy, which must not be left either.
  ['lint PATCH: a new file at ../../victim', { given: { setup: (w) => plant(join(w.work, 'evil.patch'), newFile('../../victim')), argv: lintArgv }, want: { code: 1, stderr: (w) => `${w.work}/evil.patch: error: not a valid patch: "../../victim": ${LEAVES}` } }],
  ['lint PATCH: an absolute path to the canary', { given: { setup: (w) => plant(join(w.work, 'evil.patch'), overwrite(join(w.canary, 'secret'))), argv: lintArgv }, want: { code: 1, stderr: (w) => `${w.work}/evil.patch: error: not a valid patch: "${join(w.canary, 'secret')}": ${ABSOLUTE}` } }],
  ['lint PATCH: tree/../../victim in a plain diff', { given: { setup: (w) => plant(join(w.work, 'evil.patch'), `--- tree/../../victim\n+++ tree/../../victim\n@@ -1 +1 @@\n-${VICTIM.trimEnd()}\n+pwned\n`), argv: lintArgv }, want: { code: 1, stderr: (w) => `${w.work}/evil.patch: error: not a valid patch: "tree/../../victim": ${LEAVES}` } }],
  ['lint PATCH: a quoted octal path', { given: { setup: (w) => plant(join(w.work, 'evil.patch'), 'diff --git "a/\\056\\056/victim" "b/\\056\\056/victim"\n--- "a/\\056\\056/victim"\n+++ "b/\\056\\056/victim"\n@@ -1 +1 @@\n-x\n+pwned\n'), argv: lintArgv }, want: { code: 1, stderr: (w) => `${w.work}/evil.patch: error: not a valid patch: "../victim": ${LEAVES}` } }],
  [
    'lint PATCH: a header through a symlinked include/uapi/linux',
    {
      given: { setup: (w) => (plant(join(w.canary, 'linux/.keep'), ''), symlinkSync(join(w.canary, 'linux'), join(w.tree, 'include/uapi/linux')), plant(join(w.work, 'evil.patch'), newFile('include/uapi/linux/evil.h'))), argv: lintArgv },
      want: { code: 1, stderr: "include/uapi/linux/evil.h: error: 'include/uapi/linux' is a symlink; syswire follows no symlink inside the tree" },
    },
  ],

  // generate --apply: symlinks inside the tree, --out that is not a plain directory.
  ['generate --apply: include/uapi/linux is a symlink to another directory', { given: { setup: (w) => (plant(join(w.canary, 'linux/.keep'), ''), symlinkSync(join(w.canary, 'linux'), join(w.tree, 'include/uapi/linux'))), argv: applyArgv }, want: { code: 1, stderr: "include/uapi/linux/sframe.h: error: 'include/uapi/linux' is a symlink; syswire follows no symlink inside the tree" } }],
  ['generate --apply: include/uapi is a symlink', { given: { setup: (w) => symlinkDir(w, 'include/uapi'), argv: applyArgv }, want: { code: 1, stderr: "include/uapi/asm-generic/unistd.h: error: 'include/uapi' is a symlink; syswire follows no symlink inside the tree" } }],
  ['generate --apply: include/linux is a symlink (syscalls.h behind it)', { given: { setup: (w) => symlinkDir(w, 'include/linux'), argv: applyArgv }, want: { code: 1, stderr: "include/linux/syscalls.h: error: 'include/linux' is a symlink; syswire follows no symlink inside the tree" } }],
  ['generate --apply: kernel/ is a symlink (sys_ni.c behind it)', { given: { setup: (w) => symlinkDir(w, 'kernel'), argv: applyArgv }, want: { code: 1, stderr: "kernel/sys_ni.c: error: 'kernel' is a symlink; syswire follows no symlink inside the tree" } }],
  ['generate --apply: syscalls.h is a symlink to a file outside', { given: { setup: (w) => symlinkFile(w, 'include/linux/syscalls.h'), argv: applyArgv }, want: { code: 1, stderr: 'include/linux/syscalls.h: error: is a symlink; syswire follows no symlink inside the tree' } }],
  [
    'generate --apply: the x86_64 table is a symlink to a file outside',
    {
      given: { setup: (w) => symlinkFile(w, 'arch/x86/entry/syscalls/syscall_64.tbl'), argv: applyArgv },
      want: { code: 1, stderr: 'arch/x86/entry/syscalls/syscall_64.tbl: error: arch/x86/entry/syscalls/Makefile builds from this table, but it is a symlink (syswire follows none inside the tree); a wire-up without it would be partial' },
    },
  ],
  ['generate --apply: the arch/arm64/tools directory is a symlink', { given: { setup: (w) => symlinkDir(w, 'arch/arm64/tools'), argv: applyArgv }, want: { code: 1, stderr: 'arch/arm64/tools: error: a symlinked directory where syscall tables live; syswire follows no symlink inside the tree' } }],
  ['generate --apply: --out/sframe.patch is a symlink to the canary', { given: { setup: (w) => symlinkSync(join(w.canary, 'secret'), join(w.out, 'sframe.patch')), argv: applyArgv }, want: { code: 1, stderr: (w) => `${w.out}/sframe.patch: error: is a symlink; syswire follows no symlink inside ${w.out}; nothing was written` } }],
  ['generate: --out/sframe.patch is a symlink to /dev/full', { given: { setup: (w) => symlinkSync('/dev/full', join(w.out, 'sframe.patch')), argv: (w) => ['generate', 'sframe.yaml', '--tree', w.tree, '--out', w.out] }, want: { code: 1, stderr: (w) => `${w.out}/sframe.patch: error: is a symlink; syswire follows no symlink inside ${w.out}; nothing was written` } }],
  ['generate --apply: --out/bindings is a symlink to the canary directory', { given: { setup: (w) => symlinkSync(w.canary, join(w.out, 'bindings')), argv: applyArgv }, want: { code: 1, stderr: (w) => `${w.out}/bindings/sframe.ts: error: 'bindings' is a symlink; syswire follows no symlink inside ${w.out}; nothing was written` } }],
  ['generate --apply: --out is /dev/full', { given: { argv: (w) => ['generate', 'sframe.yaml', '--tree', w.tree, '--out', '/dev/full', '--apply'] }, want: { code: 1, stderr: '/dev/full: error: not a directory (a device); nothing was written' } }],
  ['generate --apply: --out is a regular file (the canary)', { given: { argv: (w) => ['generate', 'sframe.yaml', '--tree', w.tree, '--out', join(w.canary, 'secret'), '--apply'] }, want: { code: 1, stderr: (w) => `${join(w.canary, 'secret')}: error: not a directory (a regular file); nothing was written` } }],
  ['generate --apply: --out below a regular file', { given: { argv: (w) => ['generate', 'sframe.yaml', '--tree', w.tree, '--out', join(w.canary, 'secret/out'), '--apply'] }, want: { code: 1, stderr: (w) => `${join(w.canary, 'secret/out')}: error: '${join(w.canary, 'secret')}' is not a directory; nothing was written` } }],
  [
    'generate --apply: --out named through a symlink the user made is written where it points (intended)',
    {
      given: { setup: (w) => symlinkSync(w.out, join(w.work, 'out-link')), argv: (w) => ['generate', 'sframe.yaml', '--tree', w.tree, '--out', 'out-link', '--apply'] },
      want: { code: 0, stderr: /^$/, stdout: /^wrote out-link\/sframe\.patch$/m, tree: 'applied', out: 'applied' },
    },
  ],
  ['series: the patch file in --out is a symlink to the canary', { given: { setup: (w) => symlinkSync(join(w.canary, 'secret'), join(w.out, 'v3-0001-unwind-Add-sframe_-un-register-system-calls.patch')), argv: (w) => ['series', 'sframe.yaml', '--tree', w.tree, '--out', w.out] }, want: { code: 1, stderr: (w) => `${w.out}/v3-0001-unwind-Add-sframe_-un-register-system-calls.patch: error: is a symlink; syswire follows no symlink inside ${w.out}; nothing was written` } }],

  // A `.syswire-txn` planted in the tree (a tarball from a stranger): recovery must not follow it out.
  ['a planted journal removes ../../victim on "recovery"', { given: { setup: (w) => plantJournal(w, { entries: [{ path: '../../victim', tmp: 'x.tmp', sha1: sha1(VICTIM) }] }), argv: applyArgv }, want: { code: 1, stderr: (w) => journalRefused(w, `'../../victim': ${LEAVES}`) } }],
  ['a planted journal restores a "backup" over an absolute path', { given: { setup: (w) => plantJournal(w, { entries: [{ path: join(w.canary, 'secret'), tmp: 'x.tmp', backup: '.syswire-txn/old-0', sha1: sha1('x') }] }), argv: applyArgv }, want: { code: 1, stderr: (w) => journalRefused(w, `'${join(w.canary, 'secret')}': ${ABSOLUTE}`) } }],
  ['a planted journal names a backup outside .syswire-txn', { given: { setup: (w) => plantJournal(w, { entries: [{ path: 'kernel/sys_ni.c', tmp: 'kernel/.sys_ni.c.syswire-1.tmp', backup: '../../victim', sha1: sha1('x') }] }), argv: applyArgv }, want: { code: 1, stderr: (w) => journalRefused(w, "backup '../../victim' is not a file of .syswire-txn") } }],
  ['a planted journal removes directories outside', { given: { setup: (w) => plantJournal(w, { entries: [], dirs: ['../../canary'] }), argv: applyArgv }, want: { code: 1, stderr: (w) => journalRefused(w, `'../../canary': ${LEAVES}`) } }],
  ['a planted journal names a file through a symlinked directory', { given: { setup: (w) => (symlinkSync(w.canary, join(w.tree, 'evil')), plantJournal(w, { entries: [{ path: 'evil/secret', tmp: 'evil/x.tmp', sha1: sha1('canary: nothing may write here\n') }] })), argv: applyArgv }, want: { code: 1, stderr: (w) => journalRefused(w, "'evil/secret': 'evil' is a symlink") } }],
  ['.syswire-txn is a symlink to the canary directory', { given: { setup: (w) => (writeFileSync(join(w.canary, 'pid'), '4194305\n'), symlinkSync(w.canary, join(w.tree, '.syswire-txn'))), argv: applyArgv }, want: { code: 1, stderr: (w) => `${w.tree}/.syswire-txn: error: is a symlink, not the lock directory syswire makes: check it and remove it by hand; nothing was written` } }],

  // Other writers: install-merge-driver's .gitattributes, the merge driver's %A.
  [
    'install-merge-driver: .gitattributes is a symlink to the canary',
    {
      given: { setup: (w) => (sh('git', ['init', '-q', w.tree]), symlinkSync(join(w.canary, 'secret'), join(w.tree, '.gitattributes'))), argv: (w) => ['install-merge-driver', '--repo', w.tree] },
      want: { code: 1, stderr: (w) => `${w.tree}/.gitattributes: error: is a symlink; syswire follows no symlink inside ${w.tree}` },
    },
  ],
  [
    'merge-driver: %A is a symlink to the canary',
    {
      given: {
        setup: (w) => {
          for (const f of ['O', 'B']) sh('cp', [join(w.tree, 'arch/x86/entry/syscalls/syscall_64.tbl'), join(w.work, f)]);
          sh('cp', [join(w.tree, 'arch/x86/entry/syscalls/syscall_64.tbl'), join(w.canary, 'A')]);
          symlinkSync(join(w.canary, 'A'), join(w.work, 'A'));
        },
        argv: () => ['merge-driver', 'O', 'A', 'B', 'arch/x86/entry/syscalls/syscall_64.tbl'],
      },
      want: { code: 1, stderr: (w) => `${w.work}/A: error: is a symlink; syswire follows no symlink inside ${w.work}; nothing was written` },
    },
  ],
];

function sha1(text: string): string {
  return sh('sh', ['-c', `printf %s "$1" | sha1sum`, 'sh', text]).slice(0, 40);
}

describe('hostile paths: nothing is written outside the tree and --out', () => {
  it.for(CASES)('%s', { timeout: CASE_TIMEOUT_MS }, async ([title, spec], ctx) => checkCase(title, spec, ctx));
});
