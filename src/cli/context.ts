/**
 * What a command needs from its environment, passed in so commands stay
 * testable in-process: output streams, the working directory, variables.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** The package root (where .cache/kernel lives), from this module's location. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The default tree: Debian's linux-source-6.12, unpacked by `npm run setup`. */
export const DEFAULT_TREE = resolve(PACKAGE_ROOT, '.cache/kernel/linux-6.12');

/** `--tree DIR`, else `SYSWIRE_TREE`, else the default 6.12 tree. */
export function resolveTree(ctx: CliContext, flag: string | undefined): string {
  const chosen = flag ?? ctx.env.SYSWIRE_TREE;
  if (chosen) return isAbsolute(chosen) ? chosen : resolve(ctx.cwd, chosen);
  return DEFAULT_TREE;
}

/** Exit codes: 0 success, 1 failure/invalid input/stale output, 2 usage error. */
export const EXIT = { ok: 0, fail: 1, usage: 2 } as const;

/** A path as the user would type it: relative below the working directory, absolute elsewhere. */
export function displayPath(ctx: CliContext, full: string): string {
  const rel = relative(ctx.cwd, full);
  return rel.startsWith('..') || isAbsolute(rel) ? full : rel;
}
