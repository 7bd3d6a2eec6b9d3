// Hostile inputs, class "half-applied trees", with real faults instead of
// planted files: the tree or --out on a tmpfs too small for the new files
// (ENOSPC at each step of the transaction: the lock, the journal, the
// first temporary file, one half way; inodes running out), a rename the
// kernel refuses (chattr +a on one target: every file before it is
// already replaced when it fails), an immutable file and a read-only bind
// mount (refused before anything is staged), and concurrent runs of the
// real bin on one tree.  Every failure must leave the tree and --out
// byte-identical with no temporary file and no .syswire-txn (but for the
// temporary files an append-only directory keeps, which the error names),
// exit 1 with a located error naming the path and the reason, and claim
// no write.
//
// Mounts and attributes need root: without it a case is skipped with its
// reason printed, and fails where CI is set (kernel-build.ts's missing()).
// Every mount and attribute is undone in the case's teardown, and again in
// afterAll should a case die half way.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFilesAtomic } from '../../src/io/file-writer.js';
import { loadKernelTree, treeFileReader } from '../../src/kernel/tree-loader.js';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { applyArgv, BIN, BIN_TIMEOUT_MS, CASE_TIMEOUT_MS, checkCase, collect, controlRun, diffSnapshots, type HostileCase, makeWorld, re, removeWorlds, type RunResult, runSyswire, SFRAME, snapshot, templateTree, type World } from '../support/hostile-world.js';

const PAGE = 4096;
/** Undo actions of mounts and attributes still in place (teardown empties it; afterAll is the safety net). */
const undos = new Map<string, () => void>();
afterAll(() => {
  for (const [what, undo] of [...undos].reverse()) {
    try {
      undo();
    } catch (err) {
      console.error(`real-faults: cannot undo ${what}: ${String(err)}`);
    }
  }
  undos.clear();
  removeWorlds();
});

function quiet(cmd: string, args: readonly string[]): { ok: boolean; err: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { ok: r.status === 0, err: `${r.stderr}`.trim() };
}
function must(cmd: string, args: readonly string[]): void {
  const r = quiet(cmd, args);
  if (!r.ok) throw new Error(`${cmd} ${args.join(' ')}: ${r.err}`);
}

let mountable: string | undefined | null = null;
/** Why tmpfs and bind mounts cannot be made here (not root, no mount permission), else undefined. */
function needsMount(): string | undefined {
  if (mountable !== null) return mountable;
  if (process.getuid?.() !== 0) return (mountable = 'needs root for mount and chattr');
  const dir = mkdtempSync(join(tmpdir(), 'syswire-mount-probe-'));
  const r = quiet('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', dir]);
  if (r.ok) must('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
  return (mountable = r.ok ? undefined : `mount -t tmpfs is not permitted here (${r.err})`);
}
/** chattr needs a file system with attributes (ext4, tmpfs since Linux 6.0), probed where the worlds live. */
function needsChattr(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'syswire-chattr-probe-'));
  const file = join(dir, 'f');
  writeFileSync(file, '');
  const r = quiet('chattr', ['+a', file]);
  if (r.ok) must('chattr', ['-a', file]);
  rmSync(dir, { recursive: true, force: true });
  return r.ok ? undefined : `chattr +a is not possible here (${r.err})`;
}

/**
 * Put `dir`'s current contents on a tmpfs mounted over it, with `freePages`
 * pages (and, when given, `freeInodes` inodes) left after the copy.  The
 * undo copies what the run left back to the disk below, so the case's
 * checks see it after the umount.
 */
function onTmpfs(dir: string, freePages: number, freeInodes?: number): void {
  const stash = mkdtempSync(join(tmpdir(), 'syswire-stash-'));
  must('cp', ['-a', `${dir}/.`, stash]);
  must('mount', ['-t', 'tmpfs', '-o', 'size=64m,mode=755', 'tmpfs', dir]);
  undos.set(dir, () => {
    const back = mkdtempSync(join(tmpdir(), 'syswire-stash-'));
    must('cp', ['-a', `${dir}/.`, back]);
    if (!quiet('umount', [dir]).ok) must('umount', ['-l', dir]);
    must('find', [dir, '-mindepth', '1', '-delete']);
    must('cp', ['-a', `${back}/.`, dir]);
    rmSync(back, { recursive: true, force: true });
  });
  must('cp', ['-a', `${stash}/.`, dir]);
  rmSync(stash, { recursive: true, force: true });
  const fs = statfsSync(dir);
  const size = (fs.blocks - fs.bfree) * fs.bsize + freePages * PAGE;
  const inodes = freeInodes === undefined ? [] : [`nr_inodes=${fs.files - fs.ffree + freeInodes}`];
  must('mount', ['-o', ['remount', `size=${size}`, ...inodes].join(','), dir]);
}

/** `chattr +FLAG path`, undone in the teardown. */
function chattr(flag: 'a' | 'i', path: string): void {
  must('chattr', [`+${flag}`, path]);
  undos.set(`${flag} ${path}`, () => void quiet('chattr', [`-${flag}`, path]));
}

/** A bind mount of `dir` on itself: another mount inside the tree, which rename(2) and link(2) do not cross. */
function bindMount(dir: string): void {
  must('mount', ['--bind', dir, dir]);
  undos.set(dir, () => {
    if (!quiet('umount', [dir]).ok) must('umount', ['-l', dir]);
  });
}

/** A read-only bind mount of `dir` on itself. */
function readOnly(dir: string): void {
  bindMount(dir);
  must('mount', ['-o', 'remount,ro,bind', dir]);
}

/** Undo the case's mounts and attributes, latest first (the checks run after it). */
function teardown(): void {
  for (const [what, undo] of [...undos].reverse()) {
    undos.delete(what);
    undo();
  }
}

/** The tree's targets in the order --apply renames them (--out's files come first). */
function renameOrder(): string[] {
  const root = templateTree();
  return planWireUp(loadKernelTree(root), loadDefinitions(SFRAME, readFileSync(SFRAME, 'utf8')), treeFileReader(root)).edits.map((e) => e.path);
}

/** A failure claims no write: no `wrote`, no `applied to` line. */
const claimsNothing = (_w: World, r: RunResult) => {
  expect(r.stdout).not.toMatch(/^(wrote|applied to) /m);
};
const needsBoth = () => needsMount() ?? needsChattr();

const enospc = (where: 'tree' | 'out', pages: number, inodes?: number) => (w: World) => onTmpfs(where === 'tree' ? w.tree : w.out, pages, inodes);
/** The full disk's error, located in the tree or in --out. */
const noSpace = (where: 'tree' | 'out') => (w: World) => new RegExp(`^${re(where === 'tree' ? w.tree : w.out)}/\\S+: error: (cannot lock: )?no space left on device; nothing was written$`, 'm');

const CASES: HostileCase[] = [
  // A full disk under the tree: the transaction fails at the lock, the journal, and the temporary files.
  ...[0, 1, 2, 60].map((pages): HostileCase => [
    `--apply, the tree on a tmpfs with ${pages} free pages: ENOSPC, tree and --out unchanged`,
    { given: { needs: needsMount, setup: enospc('tree', pages), argv: applyArgv, teardown }, want: { code: 1, stderr: noSpace('tree'), after: claimsNothing } },
  ]),
  ...[1, 3, 5].map((inodes): HostileCase => [
    `--apply, the tree on a tmpfs with ${inodes} free inodes: ENOSPC, tree and --out unchanged`,
    { given: { needs: needsMount, setup: enospc('tree', 1000, inodes), argv: applyArgv, teardown }, want: { code: 1, stderr: noSpace('tree'), after: claimsNothing } },
  ]),
  [
    '--apply, the tree on a tmpfs with room for the new files: applied',
    { given: { needs: needsMount, setup: enospc('tree', 150), argv: applyArgv, teardown }, want: { code: 0, stderr: /^$/, stdout: /^applied to .*: 21 files$/m, tree: 'applied', out: 'applied' } },
  ],
  // A full --out: the tree is not applied either (one transaction).
  ...[1, 2].map((pages): HostileCase => [
    `--apply, --out on a tmpfs with ${pages} free pages: ENOSPC, tree and --out unchanged`,
    { given: { needs: needsMount, setup: enospc('out', pages), argv: applyArgv, teardown }, want: { code: 1, stderr: noSpace('out'), after: claimsNothing } },
  ]),
  // A rename the kernel refuses: an append-only target cannot be replaced.
  ...(['first', 'last'] as const).map((which): HostileCase => [
    `--apply, the ${which} target of the tree is append-only (chattr +a): its rename fails, the files replaced before it are restored`,
    {
      given: {
        needs: needsBoth,
        setup: (w) => {
          const order = renameOrder();
          const path = which === 'first' ? order.find((p) => p !== 'include/uapi/linux/sframe.h')! : order.filter((p) => p !== 'include/uapi/linux/sframe.h').at(-1)!;
          chattr('a', join(w.tree, path));
        },
        argv: applyArgv,
        teardown,
      },
      want: {
        code: 1,
        stderr: (w) => {
          const order = renameOrder().filter((p) => p !== 'include/uapi/linux/sframe.h');
          const path = which === 'first' ? order[0]! : order.at(-1)!;
          return new RegExp(`^${re(join(w.tree, path))}: error: cannot replace: operation not permitted; the \\d+ files already replaced were restored; nothing was written$`, 'm');
        },
        after: claimsNothing,
      },
    },
  ]),
  [
    '--apply, arch/x86/entry/syscalls is append-only (chattr +a): the rename fails and its temporary files cannot be removed; the error says so',
    {
      given: { needs: needsBoth, setup: (w) => chattr('a', join(w.tree, 'arch/x86/entry/syscalls')), argv: applyArgv, teardown },
      want: {
        code: 1,
        stderr: (w) => {
          const tmp = (abi: number) => `${re(`${w.tree}/arch/x86/entry/syscalls/.syscall_${abi}.tbl.syswire-`)}\\d+\\.tmp \\(operation not permitted\\)`;
          return new RegExp(`^${re(w.tree)}/arch/x86/entry/syscalls/syscall_32\\.tbl: error: cannot replace: operation not permitted; the \\d+ files already replaced were restored; no file was changed, but the temporary files ${tmp(32)}, ${tmp(64)} could not be removed: remove them by hand$`, 'm');
        },
        tree: (w, _r, before) => expect(diffSnapshots(before, snapshot(w.tree))).toEqual([32, 64].map((abi) => expect.stringMatching(new RegExp(`^\\+ arch/x86/entry/syscalls/\\.syscall_${abi}\\.tbl\\.syswire-\\d+\\.tmp$`)))),
        after: claimsNothing,
      },
    },
  ],
  [
    '--apply, arch/x86/entry/syscalls is a bind mount (its backups cannot be hard links, nor renamed back) and the last target is append-only: every file is restored',
    {
      given: {
        needs: needsBoth,
        setup: (w) => {
          bindMount(join(w.tree, 'arch/x86/entry/syscalls'));
          chattr('a', join(w.tree, renameOrder().filter((p) => p !== 'include/uapi/linux/sframe.h').at(-1)!));
        },
        argv: applyArgv,
        teardown,
      },
      want: { code: 1, stderr: (w) => `${w.tree}/scripts/syscall.tbl: error: cannot replace: operation not permitted; the 23 files already replaced were restored; nothing was written`, after: claimsNothing },
    },
  ],
  [
    "--apply, a dead run's lock is immutable (chattr +i): refused, not waited for forever",
    {
      given: {
        needs: needsBoth,
        setup: (w) => {
          // pid 2^22 + 1 is above pid_max's default: a dead run.
          mkdirSync(join(w.tree, '.syswire-txn'));
          writeFileSync(join(w.tree, '.syswire-txn/pid'), '4194305\n');
          chattr('i', join(w.tree, '.syswire-txn'));
        },
        argv: applyArgv,
        teardown,
      },
      want: { code: 1, stderr: (w) => `${w.tree}/.syswire-txn/pid: error: cannot take over the lock of a dead run: operation not permitted; nothing was written`, after: claimsNothing },
    },
  ],
  [
    '--apply, a table is immutable (chattr +i): refused before anything is staged',
    {
      given: { needs: needsBoth, setup: (w) => chattr('i', join(w.tree, 'arch/x86/entry/syscalls/syscall_64.tbl')), argv: applyArgv, teardown },
      want: { code: 1, stderr: (w) => `${w.tree}/arch/x86/entry/syscalls/syscall_64.tbl: error: cannot be written: operation not permitted (immutable?); nothing was written`, after: claimsNothing },
    },
  ],
  [
    '--apply, arch/x86/entry/syscalls is a read-only bind mount: refused before anything is staged',
    {
      given: { needs: needsMount, setup: (w) => readOnly(join(w.tree, 'arch/x86/entry/syscalls')), argv: applyArgv, teardown },
      want: { code: 1, stderr: (w) => new RegExp(`^${re(w.tree)}/arch/x86/entry/syscalls/syscall_(32|64)\\.tbl: error: cannot be written: read-only file system; nothing was written$`, 'm'), after: claimsNothing },
    },
  ],
];

// A lock directory without its pid: a run between its mkdir and its pid, or one killed there.
const LOCK_CASES: HostileCase[] = [
  [
    'a lock without a pid yet is waited for: when a live pid appears in it, the run is refused',
    {
      given: {
        setup: (w) => mkdirSync(join(w.tree, '.syswire-txn')),
        run: async (w) => {
          const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
          try {
            const run = startBin(w, applyArgv(w));
            // --out is locked first: once its lock is there, the run is waiting for the tree's.
            while (!existsSync(join(w.out, '.syswire-txn')) && run.exited() === false) await delay(5);
            await delay(200);
            writeFileSync(join(w.tree, '.syswire-txn/pid'), `${holder.pid}\n`);
            const r = await run.done;
            return { ...r, stderr: r.stderr.replace(`(pid ${holder.pid})`, '(pid HOLDER)') };
          } finally {
            holder.kill('SIGKILL');
            rmSync(join(w.tree, '.syswire-txn/pid'), { force: true });
          }
        },
      },
      want: { code: 1, stderr: (w) => `${w.tree}/.syswire-txn: error: another syswire run (pid HOLDER) is writing in ${w.tree}; wait for it to finish; nothing was written`, after: claimsNothing },
    },
  ],
  [
    'a lock that stays without a pid (a run killed between its two steps) is taken over after the wait',
    {
      given: { setup: (w) => mkdirSync(join(w.tree, '.syswire-txn')), argv: applyArgv },
      want: { code: 0, stderr: (w) => `${w.tree}: note: an interrupted syswire run had replaced no file; its temporary files are removed`, tree: 'applied', out: 'applied' },
    },
  ],
];

describe('the lock of --apply', () => {
  it.for(LOCK_CASES)('%s', { timeout: CASE_TIMEOUT_MS }, async ([title, spec], ctx) => checkCase(title, spec, ctx));

  it('a plan made from bytes that changed before the lock was taken (another run finished meanwhile) is refused', () => {
    const root = mkdtempSync(join(tmpdir(), 'syswire-cas-'));
    try {
      writeFileSync(join(root, 'a.tbl'), 'new a (the other run)\n');
      writeFileSync(join(root, 'b.tbl'), 'old b\n');
      const files = [
        { path: 'b.tbl', content: 'new b\n', before: 'old b\n' },
        { path: 'a.tbl', content: 'new a (this run)\n', before: 'old a\n' },
      ];
      expect(() => writeFilesAtomic(root, files)).toThrow(`${root}/a.tbl: error: changed since syswire read it (another syswire run, an editor?): run again; nothing was written`);
      expect(readdirSync(root).sort()).toEqual(['a.tbl', 'b.tbl']);
      expect(readFileSync(join(root, 'b.tbl'), 'utf8')).toBe('old b\n');
      // A new file planned as absent must still be absent; with the bytes as planned, the write goes ahead.
      expect(() => writeFilesAtomic(root, [{ path: 'c.h', content: 'x\n', before: null }, { path: 'b.tbl', content: 'old b\n', before: 'old b\n' }])).not.toThrow();
      expect(() => writeFilesAtomic(root, [{ path: 'c.h', content: 'y\n', before: null }])).toThrow(/c\.h: error: changed since syswire read it/);
      expect(writeFilesAtomic(root, [{ path: 'a.tbl', content: 'newer a\n', before: 'new a (the other run)\n' }])).toEqual(['a.tbl']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('real faults: a full disk, a refused rename, a read-only mount', () => {
  it.for(CASES)('%s', { timeout: CASE_TIMEOUT_MS }, async ([title, spec], ctx) => checkCase(title, spec, ctx));
});

/** Start the real bin with `argv` in `w` (the run's stdout, stderr and exit). */
function startBin(w: World, argv: readonly string[], timeoutMs = BIN_TIMEOUT_MS): { pid: number; done: Promise<RunResult>; exited: () => boolean } {
  const child = spawn(process.execPath, [BIN, ...argv], { cwd: w.work, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: w.tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  return { pid: child.pid!, done: collect(child, timeoutMs), exited: () => child.exitCode !== null || child.signalCode !== null };
}
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const ROUNDS = Number(process.env.SYSWIRE_RACE_ROUNDS ?? 3);
const REFUSED = /^\/\S+\/\.syswire-txn: error: another syswire run \(pid \d+\) is writing in \/\S+; wait for it to finish; nothing was written$/m;

describe('concurrent --apply runs on one tree', () => {
  it(`two real processes at once, ${ROUNDS} times: one applies, the other is refused or finds nothing to do; never a mixed tree`, { timeout: 30_000 * ROUNDS }, async () => {
    const control = await controlRun();
    const tally = { oneRefused: 0, serial: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const w = makeWorld();
      // Two runs share the machine's cores: their kill timeout is the case's, not a single run's.
      const runs = await Promise.all([startBin(w, applyArgv(w), CASE_TIMEOUT_MS).done, startBin(w, applyArgv(w), CASE_TIMEOUT_MS).done]);
      const said = runs.map((r, i) => `run ${i}: exit ${r.code}\n${r.stderr}${r.stdout}`).join('\n');
      for (const r of runs) {
        expect(r.timedOut, said).toBe(false);
        expect(r.stderr, said).not.toMatch(/internal error|^\s+at /m);
      }
      const codes = runs.map((r) => r.code).sort();
      if (codes[1] === 1) {
        expect(codes, said).toEqual([0, 1]);
        expect(runs.find((r) => r.code === 1)!.stderr, said).toMatch(REFUSED);
        tally.oneRefused++;
      } else {
        expect(codes, said).toEqual([0, 0]);
        tally.serial++;
      }
      // Exactly the control run's tree: every table has the same numbers, no leftovers.
      expect(diffSnapshots(control.tree, snapshot(w.tree)), said).toEqual([]);
      if (round < ROUNDS - 1) continue;
      const lint = await runSyswire(w, ['lint', '--tree', w.tree]);
      expect(lint.code, lint.stderr).toBe(0);
      const again = await runSyswire(w, applyArgv(w));
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/^nothing to do: /m);
      expect(diffSnapshots(control.tree, snapshot(w.tree))).toEqual([]);
    }
    console.log(`concurrent --apply: ${ROUNDS} rounds: ${JSON.stringify(tally)}`);
  });

  it('a run that holds the lock (stopped with SIGSTOP inside its write) makes a second run refuse, then completes', { timeout: 60_000 }, async () => {
    const control = await controlRun();
    const { w, first } = await stoppedInLock();
    let second: RunResult;
    try {
      second = await runSyswire(w, applyArgv(w), { bin: true });
    } finally {
      process.kill(first.pid, 'SIGCONT');
    }
    const one = await first.done;
    expect(second.code, second.stderr).toBe(1);
    expect(second.stderr).toMatch(REFUSED);
    expect(second.stderr).toContain(`(pid ${first.pid})`);
    expect(second.stdout).not.toMatch(/^(wrote|applied to) /m);
    expect(one.code, one.stderr).toBe(0);
    expect(diffSnapshots(control.tree, snapshot(w.tree))).toEqual([]);
  });

  it('a run SIGKILLed while it holds the lock: the next run takes the lock over, restores what it finds and completes', { timeout: 60_000 }, async () => {
    const control = await controlRun();
    const { w, first } = await stoppedInLock();
    process.kill(first.pid, 'SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(w.tree, '.syswire-txn/pid'))).toBe(true);
    const next = await runSyswire(w, applyArgv(w));
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(new RegExp(`^${re(w.tree)}: note: an interrupted syswire run \\(pid ${first.pid}\\) had replaced (no file; its temporary files are removed|\\d+ of \\d+ files; the old files are restored)$`, 'm'));
    expect(diffSnapshots(control.tree, snapshot(w.tree))).toEqual([]);
  });
});

/**
 * A real `--apply` run stopped (SIGSTOP) while it holds the tree's lock:
 * a shell polls for the lock and stops the run at once; a run that got
 * through its write before the stop landed is tried again.
 */
async function stoppedInLock(): Promise<{ w: World; first: ReturnType<typeof startBin> }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const w = makeWorld();
    // The lock with its pid: a run stopped between making the lock and writing its pid is another case (see above).
    const lock = join(w.tree, '.syswire-txn/pid');
    // It waits stopped while another run starts, so its kill timeout is the case's.
    const first = startBin(w, applyArgv(w), CASE_TIMEOUT_MS * 2);
    // Builtins only, so the poll is fast; a zombie (the run ended) stops it.
    const poll = 'while ! [ -e "$1" ]; do read -r _ _ st _ < /proc/$2/stat || exit 1; [ "$st" = Z ] && exit 1; done; kill -STOP "$2"';
    const r = spawnSync('timeout', ['20', 'sh', '-c', poll, 'sh', lock, String(first.pid)]);
    if (r.status === 0 && existsSync(lock)) {
      if (attempt > 0) console.log(`stopped inside the lock at attempt ${attempt + 1}`);
      return { w, first };
    }
    if (r.status === 0) process.kill(first.pid, 'SIGCONT');
    await first.done;
  }
  throw new Error('the run never held the lock long enough to be stopped in 5 attempts');
}
