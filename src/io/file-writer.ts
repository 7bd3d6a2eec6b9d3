/**
 * The only module that writes files.  Writes are atomic (a temporary file
 * in the same directory, then rename), keep the old file's mode, and skip
 * files whose content would not change, so running twice is a no-op.  A set
 * of files is written in two phases: every temporary file first, then the
 * renames, so a failure before the renames leaves every target untouched.
 * A run killed mid-way can leave its temporary files; the next run removes
 * those of processes that no longer exist.
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface OutputFile {
  /** Path relative to `root`. */
  path: string;
  content: string;
}

export class WriteError extends Error {}

/** Write the files that changed; returns the paths written. */
export function writeFilesAtomic(root: string, files: readonly OutputFile[]): string[] {
  for (const f of files) removeStaleTemps(join(root, f.path));
  const changed = files.filter((f) => {
    const full = join(root, f.path);
    return !existsSync(full) || readFileSync(full, 'utf8') !== f.content;
  });
  for (const f of changed) assertWritable(join(root, f.path), f.path);
  const staged: { tmp: string; full: string }[] = [];
  try {
    for (const f of changed) {
      const full = join(root, f.path);
      mkdirSync(dirname(full), { recursive: true });
      const tmp = join(dirname(full), `.${f.path.split('/').pop()}.syswire-${process.pid}.tmp`);
      const mode = existsSync(full) ? statSync(full).mode & 0o7777 : 0o644;
      writeFileSync(tmp, f.content, { mode });
      staged.push({ tmp, full });
    }
  } catch (err) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    throw new WriteError(`nothing written: ${(err as Error).message}`);
  }
  for (const s of staged) renameSync(s.tmp, s.full);
  return changed.map((f) => f.path);
}

/** Temporary files `.<name>.syswire-<pid>.tmp` next to `full` left by a dead process. */
function removeStaleTemps(full: string): void {
  const dir = dirname(full);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
  const prefix = `.${full.split('/').pop()}.syswire-`;
  for (const name of readdirSync(dir)) {
    const pid = name.startsWith(prefix) && name.endsWith('.tmp') ? Number(name.slice(prefix.length, -4)) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) rmSync(join(dir, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function assertWritable(full: string, path: string): void {
  try {
    // Root passes access(2) on read-only files, so honour the mode bits too.
    if (existsSync(full) && (statSync(full).mode & 0o222) === 0) throw new Error('read-only');
    if (existsSync(full)) accessSync(full, constants.W_OK);
    else {
      let dir = dirname(full);
      while (!existsSync(dir)) dir = dirname(dir);
      accessSync(dir, constants.W_OK);
    }
  } catch {
    throw new WriteError(`${path}: error: read-only or not writable; nothing was written`);
  }
}
