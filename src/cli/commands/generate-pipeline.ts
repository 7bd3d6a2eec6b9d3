/**
 * The work of `syswire generate` (see generate.ts for the options): load
 * the definition and the tree, plan, diff, print the bindings, then write,
 * check or apply.  The bindings builder is imported only when bindings are
 * printed, so `--dry-run` never loads ts-morph.
 */
import { resolve } from 'node:path';
import { loadKernelTree } from '../../kernel/tree-loader.js';
import { formatDiagnostic } from '../../model/diagnostics.js';
import { diffEdits } from '../../patch/tree-diff.js';
import { bindingsModel } from '../../bindings/bindings-model.js';
import { renderEntrySkeletons } from '../../render/entry-skeleton.js';
import { UsageError } from '../args.js';
import { loadDefsArg } from '../defs-arg.js';
import { EXIT, resolveTree, treeLine, type CliContext } from '../context.js';
import { summarizeEdits } from '../edit-summary.js';
import { emitOutputs, planOnTree } from '../series-output.js';

export type GenerateOptions = { tree?: string; out?: string; apply?: boolean; 'dry-run'?: boolean; check?: boolean; provisional?: boolean };

export async function generate(ctx: CliContext, defsPath: string, values: GenerateOptions): Promise<number> {
  const modes = (['apply', 'dry-run', 'check'] as const).filter((m) => values[m]);
  if (modes.length > 1) throw new UsageError(`syswire generate: --${modes[0]} and --${modes[1]} exclude each other`);
  const defsArg = loadDefsArg(ctx, defsPath);
  if (!defsArg) return EXIT.fail;
  const { loaded } = defsArg;
  const tree = loadKernelTree(resolveTree(ctx, values.tree));
  ctx.stdout(treeLine(ctx, tree.root));
  const { plan, readTreeFile } = planOnTree(tree, loaded);
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
  const model = bindingsModel({ defs: loaded.defs, defsPath, tree, calls: plan.calls, read: readTreeFile, provisional: values.provisional === true });
  outputs.push({ path: `bindings/${series.name}.ts`, content: (await import('../../bindings/bindings-builder.js')).printBindings(model) });
  const apply = values.apply ? { root: tree.root, files: plan.edits.map((e) => ({ path: e.path, content: e.after, before: e.before ?? null })) } : undefined;
  return emitOutputs(ctx, outDir, outputs, values.check, `syswire generate ${defsPath}`, apply);
}
