/**
 * `syswire generate DEFS`: definition + tree -> out/<series>.patch.
 *
 *   --apply    edit the tree in place (atomic writes; a second run is a no-op)
 *   --dry-run  list what would change, write nothing
 *   --check    exit 1 when the patch in --out is stale, write nothing
 *   --provisional  mark the numbers in out/bindings/<series>.ts provisional
 *                  even when the tree already has the calls (applied, not merged)
 *
 * The steps are in generate-pipeline.ts.
 */
import { parseCommandArgs } from '../args.js';
import { GENERATE } from '../command-specs.js';
import type { CliContext } from '../context.js';

export async function runGenerate(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(GENERATE, args);
  const { generate } = await import('./generate-pipeline.js');
  return generate(ctx, positionals[0]!, values);
}

