/**
 * The lock of a write transaction (file-writer.ts): `ROOT/.syswire-txn/`
 * holding `pid`, the pid of the run that owns it.  Each step is atomic, so
 * a second run never sees a half-made lock and takes it for a dead one:
 *
 * - take: mkdir the directory, then link `pid.<pid>` (written in full) to
 *   `pid`; a directory without `pid` is a lock being taken or released,
 *   waited for, and only after PID_WAIT_MS taken for the leftover of a run
 *   killed between the two steps;
 * - refuse: `pid` names a live process;
 * - take over: `pid` names a dead process (a killed run).  Renaming its
 *   `pid` away succeeds for one run only; that run writes its own `pid`
 *   and rolls the dead run's journal back (file-writer.ts);
 * - release: journal first (without it no run restores anything), then the
 *   backups, `pid` last, then the directory.
 *
 * A `.syswire-txn` that is not a directory, or whose journal this module's
 * writer did not write (txn-journal.ts), is refused before anything in it
 * changes.
 */
import { linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeErrno } from './errno-text.js';
import { kindOf } from './path-guard.js';
import { readFoundJournal, TXN, type Journal } from './txn-journal.js';

/** How long a lock directory may lack its `pid` before it counts as a killed run's leftover. */
const PID_WAIT_MS = 2_000;
const POLL_MS = 10;

export class LockError extends Error {}

/** What a killed run left in a lock this run took over. */
export interface TakenOver {
  pid: number | undefined;
  journal: Journal | undefined;
}

/**
 * Take the lock of `root`; returns what a dead run left when its lock was
 * taken over.  Throws LockError (a message without the "nothing was
 * written" tail) when another run holds it or it is not syswire's.
 */
export function takeLock(root: string): TakenOver | undefined {
  const txn = join(root, TXN);
  const start = Date.now();
  for (;;) {
    // Each turn sees another run's step; runs that keep taking and releasing the lock are not waited for forever.
    if (Date.now() - start > 4 * PID_WAIT_MS) throw new LockError(`${txn}: error: cannot lock: other syswire runs keep taking the lock; try again`);
    const made = tryCall(() => mkdirSync(txn));
    if (made === undefined) {
      if (linkPid(txn)) return undefined;
      continue;
    }
    if (made.code !== 'EEXIST') throw new LockError(`${txn}: error: cannot lock: ${describeErrno(made)}`);
    const stat = lstatOrUndefined(txn);
    if (stat === undefined) continue; // Released meanwhile.
    if (!stat.isDirectory()) throw new LockError(`${txn}: error: is ${stat.isSymbolicLink() ? 'a symlink' : kindOf(stat)}, not the lock directory syswire makes: check it and remove it by hand`);
    const pid = readPid(txn);
    if (pid === undefined && Date.now() - start < PID_WAIT_MS) {
      sleep(POLL_MS);
      continue;
    }
    if (pid !== undefined && pid !== process.pid && isAlive(pid)) throw new LockError(`${txn}: error: another syswire run (pid ${pid}) is writing in ${root}; wait for it to finish`);
    const { journal, problem } = readFoundJournal(root);
    if (problem) throw new LockError(`${txn}/journal.json: error: ${problem}; syswire did not write this journal: check ${txn} and remove it by hand`);
    // One run wins the rename of the dead run's pid (or the link of a missing one); the others look again.
    const lost = pid === undefined ? undefined : tryCall(() => renameSync(join(txn, 'pid'), join(txn, `pid.dead-${process.pid}`)));
    if (lost?.code === 'ENOENT') continue;
    if (lost) throw new LockError(`${txn}/pid: error: cannot take over the lock of a dead run: ${describeErrno(lost)}`);
    if (!linkPid(txn)) continue;
    rmSync(join(txn, `pid.dead-${process.pid}`), { force: true });
    return { pid, journal };
  }
}

/** Remove the lock (see the header for the order). */
export function releaseLock(root: string): void {
  const txn = join(root, TXN);
  rmSync(join(txn, 'journal.json'), { force: true });
  clearLock(root);
  rmSync(join(txn, 'pid'), { force: true });
  tryCall(() => rmdirSync(txn));
}

/** Empty the lock but keep it held: what is left after a dead run's journal was rolled back. */
export function clearLock(root: string): void {
  const txn = join(root, TXN);
  rmSync(join(txn, 'journal.json'), { force: true });
  for (const name of readdirSync(txn)) if (name !== 'pid') rmSync(join(txn, name), { recursive: true, force: true });
}

/** Link a complete `pid.<pid>` to `pid`: false when another run's `pid` is there first. */
function linkPid(txn: string): boolean {
  const mine = join(txn, `pid.${process.pid}`);
  const failed = tryCall(() => {
    writeFileSync(mine, `${process.pid}\n`);
    linkSync(mine, join(txn, 'pid'));
  });
  tryCall(() => unlinkSync(mine));
  if (failed === undefined) return true;
  if (failed.code === 'EEXIST' || failed.code === 'ENOENT') return false;
  // A lock this run just made goes again (a dead run's lock is not empty: rmdir leaves it).
  tryCall(() => rmdirSync(txn));
  throw new LockError(`${join(txn, 'pid')}: error: cannot lock: ${describeErrno(failed)}`);
}

function readPid(txn: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(join(txn, 'pid'), 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : -1;
}

function isAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Run `fn`; its error, or undefined when it succeeded. */
function tryCall(fn: () => void): NodeJS.ErrnoException | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
