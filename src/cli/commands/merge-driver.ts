/**
 * `syswire merge-driver [--upstream ours|theirs|auto] %O %A %B %P`: the git
 * merge driver installed by `syswire install-merge-driver`.  git passes the
 * ancestor (%O), ours (%A, which also receives the result), theirs (%B) and
 * the path in the tree (%P).  Exit 0 when the file is merged; exit 1 leaves
 * git's conflict markers in %A and the conflict to the user.
 */
import { basename, dirname, resolve } from 'node:path';
import { decodeBytes } from '../../io/byte-text.js';
import { writeFilesAtomic } from '../../io/file-writer.js';
import { readRegularFile } from '../../io/path-guard.js';
import { fileKind, mergeSyscallFile } from '../../merge/syscall-merge.js';
import { parseUpstreamChoice, resolveUpstream, UPSTREAM_CHOICES } from '../../merge/upstream-side.js';
import { UsageError, parseCommandArgs } from '../args.js';
import { MERGE_DRIVER } from '../command-specs.js';
import { EXIT, type CliContext } from '../context.js';

export function runMergeDriver(args: string[], ctx: CliContext): number {
  const { values, positionals } = parseCommandArgs(MERGE_DRIVER, args);
  const choice = parseUpstreamChoice(values.upstream);
  if (!choice) throw new UsageError(`syswire merge-driver: --upstream must be one of ${UPSTREAM_CHOICES.join(', ')}`);
  const [basePath, oursPath, theirsPath, path] = positionals.map((p, i) => (i < 3 ? resolve(ctx.cwd, p) : p)) as [string, string, string, string];
  const inputs = [basePath, oursPath, theirsPath].map((file, i) => readRegularFile(file, positionals[i]));
  const binary = inputs.findIndex((bytes) => bytes.includes(0));
  if (binary >= 0) {
    ctx.stderr(`${path}: error: conflict left to git: ${positionals[binary]} is binary (has a NUL byte)\n`);
    return EXIT.fail;
  }
  const [base, ours, theirs] = inputs.map(decodeBytes) as [string, string, string];
  const upstream = resolveUpstream(choice, ctx.cwd);
  const outcome = mergeSyscallFile({ kind: fileKind(path, ours), base, ours, theirs, upstream });
  writeFilesAtomic(dirname(oursPath), [{ path: basename(oursPath), content: outcome.text }]);
  if (outcome.clean) {
    ctx.stderr(`syswire merge-driver: ${path}: merged (upstream = ${upstream})\n`);
    return EXIT.ok;
  }
  for (const reason of outcome.reasons) ctx.stderr(`${path}: error: conflict left to git: ${reason}\n`);
  return EXIT.fail;
}
