/**
 * `syswire lint [--tree DIR]` and `syswire lint PATCH... [--tree DIR]`:
 * check a kernel tree, or what patches do to it, against the wire-up rules
 * (src/lint/lint-tree.ts lists them).  Findings are printed gcc-style,
 * `file:line:col: error|warning: message [rule]`, followed by a count.
 * Exit 1 when there is an error, 0 with warnings only.
 */
import { resolve } from 'node:path';
import { loadKernelTree } from '../../kernel/tree-loader.js';
import { formatFinding } from '../../lint/lint-finding.js';
import { diskContext, lintTree } from '../../lint/lint-tree.js';
import { parseCommandArgs } from '../args.js';
import { LINT } from '../command-specs.js';
import { EXIT, resolveTree, type CliContext } from '../context.js';

export async function runLint(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(LINT, args);
  const tree = loadKernelTree(resolveTree(ctx, values.tree));
  const findings =
    positionals.length === 0
      ? lintTree(diskContext(tree, tree.root))
      : (await import('../../lint/lint-patch.js')).lintPatches(tree, positionals.map((p) => resolve(ctx.cwd, p)));
  for (const f of findings) ctx.stdout(`${formatFinding(f)}\n`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  ctx.stderr(`syswire lint: ${errors} error(s), ${findings.length - errors} warning(s)\n`);
  return errors > 0 ? EXIT.fail : EXIT.ok;
}
