/**
 * The one place syswire runs the kernel tree's own Perl scripts
 * (scripts/get_maintainer.pl; git stays in src/git/git-runner.ts).  The
 * script runs from the tree's root, as its documentation says, with a clean
 * environment: no locale surprises, no pager, no terminal.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface PerlRun {
  /** Tree root: the script's working directory. */
  root: string;
  /** The script, relative to the root. */
  script: string;
  args: readonly string[];
  /** Given on stdin (a patch, for get_maintainer.pl). */
  input?: string;
}

/** Whether the tree has the script and perl is on PATH. */
export function hasPerlScript(root: string, script: string): boolean {
  return existsSync(join(root, script));
}

/** Run the script; its stdout, or an Error with its stderr. */
export function runPerlScript(run: PerlRun): string {
  try {
    return execFileSync('perl', [run.script, ...run.args], {
      cwd: run.root,
      input: run.input ?? '',
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', HOME: run.root },
    });
  } catch (err) {
    const e = err as { stderr?: string; code?: string; message: string };
    if (e.code === 'ENOENT') throw new Error('perl not found on PATH (install the Debian package perl)');
    throw new Error((e.stderr ?? '').trim().split('\n')[0] || e.message);
  }
}
