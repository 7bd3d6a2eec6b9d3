/**
 * What a command needs from its environment, passed in so commands stay
 * testable in-process: output streams, the working directory, variables.
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TreeError } from '../kernel/tree-guard.js';

export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** The package root (templates/, the ignored .cache/), from this module's location. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The tree a command acts on: `--tree DIR`, else `$SYSWIRE_TREE`, else the
 * kernel tree that holds the working directory, found the way git finds
 * its top level (the nearest directory, upwards, that is a kernel tree's
 * top).  There is no fallback: acting on some other tree than the one the
 * user stands in would surprise them (`npm start` names its demo tree).
 */
export function resolveTree(ctx: CliContext, flag: string | undefined): string {
  const chosen = flag ?? ctx.env.SYSWIRE_TREE;
  if (chosen) return isAbsolute(chosen) ? chosen : resolve(ctx.cwd, chosen);
  for (let dir = resolve(ctx.cwd); ; dir = dirname(dir)) {
    if (isKernelTop(dir)) return dir;
    if (dirname(dir) === dir) break;
  }
  throw new TreeError(ctx.cwd, 0, 'not inside a kernel tree (no parent directory has Kbuild, Makefile, arch/ and scripts/); pass --tree DIR or set SYSWIRE_TREE');
}

/** A kernel tree's top level: what the top Makefile and Kbuild sit beside. */
function isKernelTop(dir: string): boolean {
  const is = (name: string, kind: 'file' | 'dir') => {
    try {
      const st = statSync(join(dir, name));
      return kind === 'file' ? st.isFile() : st.isDirectory();
    } catch {
      return false;
    }
  };
  return is('Kbuild', 'file') && is('Makefile', 'file') && is('arch', 'dir') && is('scripts', 'dir');
}

/** The line a writing command prints first, so the user sees which tree it used. */
export function treeLine(ctx: CliContext, root: string): string {
  return `tree: ${displayPath(ctx, root) || '.'}\n`;
}

/** Exit codes: 0 success, 1 failure/invalid input/stale output, 2 usage error. */
export const EXIT = { ok: 0, fail: 1, usage: 2 } as const;

/** A path as the user would type it: relative below the working directory, absolute elsewhere. */
export function displayPath(ctx: CliContext, full: string): string {
  const rel = relative(ctx.cwd, full);
  return rel.startsWith('..') || isAbsolute(rel) ? full : rel;
}
