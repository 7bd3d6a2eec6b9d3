/**
 * `syswire series DEFS [--tree DIR] [--out DIR] [--rfc] [--abbrev N] [--check]`:
 * write the definition's wire-up as a `git format-patch` series,
 * OUT/vN-0000-cover-letter.patch and OUT/vN-000M-<slug>.patch.
 *
 *   --rfc        [RFC PATCH vN M/T] (as `rfc: true` in the definition)
 *   --abbrev N   hex digits of `index` blob ids (default: the definition's, 12)
 *   --date DATE  the mails' date (default: the definition's `date`, else now)
 *   --mbox       also write OUT/<series>-vN.mbox, the whole thread in one file
 *   --check      exit 1 when the files in --out are stale, write nothing
 */
import { resolve } from 'node:path';
import { loadKernelTree } from '../../kernel/tree-loader.js';
import { parseCommandArgs } from '../args.js';
import { SERIES } from '../command-specs.js';
import { EXIT, resolveTree, treeLine, type CliContext } from '../context.js';
import { loadDefsArg } from '../defs-arg.js';
import { buildSeries, emitPatches, parseAbbrev } from '../series-output.js';
import { seriesMbox } from '../../posting/thread.js';

export function runSeries(args: string[], ctx: CliContext): number {
  const { values, positionals } = parseCommandArgs(SERIES, args);
  const abbrev = parseAbbrev('series', values.abbrev);
  const defsPath = positionals[0]!;
  const defs = loadDefsArg(ctx, defsPath);
  if (!defs) return EXIT.fail;
  const { loaded, defsFile } = defs;
  const tree = loadKernelTree(resolveTree(ctx, values.tree));
  ctx.stdout(treeLine(ctx, tree.root));
  const posting = { warn: (message: string) => ctx.stderr(`${message}\n`) };
  const files = buildSeries(loaded, defsFile, tree, { ...(values.rfc ? { rfc: true } : {}), ...(abbrev ? { abbrev } : {}), ...(values.date ? { date: values.date } : {}), posting });
  if (files.length === 0) {
    ctx.stdout(`nothing to do: every syscall of ${defsPath} is already wired in ${tree.root}\n`);
    return EXIT.ok;
  }
  const series = loaded.defs.series;
  const mbox = values.mbox ? [{ path: `${series.name}-v${series.version}.mbox`, content: seriesMbox(files.filter((f) => f.path.endsWith('.patch'))) }] : [];
  return emitPatches(ctx, resolve(ctx.cwd, values.out ?? 'out'), [...files, ...mbox], values.check, `syswire series ${defsPath}`);
}
