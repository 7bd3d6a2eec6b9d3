/**
 * `syswire generate DEFS`: definition + tree -> out/<series>.patch.
 *
 *   --apply    edit the tree in place (atomic writes; a second run is a no-op)
 *   --dry-run  list what would change, write nothing
 *   --check    exit 1 when the patch in --out is stale, write nothing
 *   --provisional  mark the numbers in out/bindings/<series>.ts provisional
 *                  even when the tree already has the calls (applied, not merged)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadKernelTree, treeFileReader } from '../../kernel/tree-loader.js';
import { formatDiagnostic } from '../../model/diagnostics.js';
import { writeFilesAtomic } from '../../io/file-writer.js';
import { planWireUp } from '../../plan/wire-plan.js';
import { diffEdits } from '../../patch/unified-diff.js';
import { renderEntrySkeletons } from '../../render/entry-skeleton.js';
import { parseCommandArgs } from '../args.js';
import { loadDefsArg } from '../defs-arg.js';
import { displayPath, EXIT, resolveTree, type CliContext } from '../context.js';
import { summarizeEdits } from '../edit-summary.js';

export async function runGenerate(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'generate',
    args,
    {
      tree: { type: 'string' },
      out: { type: 'string' },
      apply: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      check: { type: 'boolean' },
      provisional: { type: 'boolean' },
    },
    { min: 1, max: 1, names: 'one definition file: syswire generate DEFS' },
  );
  const defsPath = positionals[0]!;
  const defsArg = loadDefsArg(ctx, defsPath);
  if (!defsArg) return EXIT.fail;
  const { loaded } = defsArg;
  const tree = loadKernelTree(resolveTree(ctx, values.tree));
  const readTreeFile = treeFileReader(tree.root);
  const plan = planWireUp(tree, loaded, readTreeFile);
  for (const note of plan.notes) ctx.stderr(`${formatDiagnostic(note)}\n`);
  const outDir = resolve(ctx.cwd, values.out ?? 'out');
  const series = loaded.defs.series;
  const outputs = [{ path: `${series.name}.patch`, content: diffEdits(plan.edits) }];
  if (series.skeleton) outputs.push({ path: `${series.name}-entry.c`, content: renderEntrySkeletons(loaded.defs, plan.calls) });

  if (values['dry-run']) {
    ctx.stdout(summarizeEdits(plan));
    return EXIT.ok;
  }
  if (plan.edits.length === 0) {
    ctx.stdout(`nothing to do: every syscall of ${defsPath} is already wired in ${tree.root}\n`);
    return EXIT.ok;
  }
  // ts-morph is loaded only here, so numbers/lint stay fast.
  const { buildBindings } = await import('../../bindings/bindings-builder.js');
  const bindings = buildBindings({ defs: loaded.defs, defsPath, tree, calls: plan.calls, read: readTreeFile, provisional: values.provisional === true });
  outputs.push({ path: `bindings/${series.name}.ts`, content: bindings });
  if (values.check) {
    const stale = outputs.filter((o) => !existsSync(join(outDir, o.path)) || readFileSync(join(outDir, o.path), 'utf8') !== o.content);
    for (const o of stale) ctx.stderr(`${displayPath(ctx, join(outDir, o.path))}: error: stale; run 'syswire generate ${defsPath}'\n`);
    return stale.length > 0 ? EXIT.fail : EXIT.ok;
  }
  const written = new Set(writeFilesAtomic(outDir, outputs));
  for (const o of outputs) ctx.stdout(`${written.has(o.path) ? 'wrote' : 'up to date'} ${displayPath(ctx, join(outDir, o.path))}\n`);
  if (values.apply) {
    const applied = writeFilesAtomic(tree.root, plan.edits.map((e) => ({ path: e.path, content: e.after })));
    ctx.stdout(`applied to ${tree.root}: ${applied.length} files\n`);
  }
  return EXIT.ok;
}
