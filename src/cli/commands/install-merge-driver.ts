/**
 * `syswire install-merge-driver [--repo DIR] [--upstream ours|theirs|auto]
 * [--info]`: register the merge driver in a repository.
 *
 * - git config: `merge.syswire.name` and `merge.syswire.driver`, the latter
 *   running this installation's bin/syswire.js through node with `%O %A %B %P`;
 * - attributes: `*.tbl`, `unistd.h`, `syscalls.h` and `sys_ni.c` get
 *   `merge=syswire`, in `.gitattributes` at the top of the work tree, or in
 *   `.git/info/attributes` with `--info` (nothing to commit).
 *
 * Idempotent: lines already present are not added again.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { decodeBytes } from '../../io/byte-text.js';
import { writeFilesAtomic } from '../../io/file-writer.js';
import { readConfined } from '../../io/path-guard.js';
import { git } from '../../git/git-runner.js';
import { DiagnosticError } from '../../model/diagnostics.js';
import { parseUpstreamChoice, UPSTREAM_CHOICES } from '../../merge/upstream-side.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { INSTALL_MERGE_DRIVER } from '../command-specs.js';
import { EXIT, PACKAGE_ROOT, type CliContext } from '../context.js';

export const DRIVER = 'syswire';
export const ATTRIBUTE_PATTERNS = ['*.tbl', 'unistd.h', 'syscalls.h', 'sys_ni.c'];

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export function runInstallMergeDriver(args: string[], ctx: CliContext): number {
  const { values } = parseCommandArgs(INSTALL_MERGE_DRIVER, args);
  const repo = resolve(ctx.cwd, values.repo ?? '.');
  const upstream = parseUpstreamChoice(values.upstream);
  if (!upstream) throw new UsageError(`syswire install-merge-driver: --upstream must be one of ${UPSTREAM_CHOICES.join(', ')}`);
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], { cwd: repo }).trim();
  } catch {
    throw new DiagnosticError([{ file: repo, line: 0, col: 0, severity: 'error', message: 'not inside a git repository (pass --repo DIR)' }]);
  }
  const bin = join(PACKAGE_ROOT, 'bin', 'syswire.js');
  const driver = `${shellQuote(process.execPath)} ${shellQuote(bin)} merge-driver --upstream ${upstream} %O %A %B %P`;
  const attrFile = values.info ? resolve(top, git(['rev-parse', '--git-path', 'info/attributes'], { cwd: top }).trim()) : join(top, '.gitattributes');
  // Read like any file syswire did not write: a symlink, a FIFO or /dev/zero there is refused, not followed.
  const before = decodeBytes(readConfined(dirname(attrFile), basename(attrFile), attrFile, dirname(attrFile)) ?? Buffer.alloc(0));
  const present = new Set(before.split('\n').map((l) => l.trim().split(/\s+/).join(' ')));
  const missing = ATTRIBUTE_PATTERNS.map((p) => `${p} merge=${DRIVER}`).filter((l) => !present.has(l));
  // The attributes first: when they cannot be written, the git config is not touched either.
  if (missing.length > 0) {
    const head = before === '' || before.endsWith('\n') ? before : `${before}\n`;
    writeFilesAtomic(dirname(attrFile), [{ path: basename(attrFile), content: `${head}${missing.join('\n')}\n` }]);
  }
  git(['config', `merge.${DRIVER}.name`, 'syswire: renumber syscalls appended on both sides'], { cwd: top });
  git(['config', `merge.${DRIVER}.driver`, driver], { cwd: top });
  ctx.stdout(`merge driver '${DRIVER}' installed in ${top} (upstream = ${upstream}); ${missing.length} attribute line(s) added to ${attrFile}\n`);
  return EXIT.ok;
}
