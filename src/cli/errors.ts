/**
 * Turn the errors stages throw into printed diagnostics and an exit code.
 * Anything unexpected is a bug and is printed with its stack.
 */
import { TableParseError } from '../kernel/syscall-table-reader.js';
import { TreeError } from '../kernel/tree-guard.js';
import { DiagnosticError } from '../model/diagnostics.js';
import { WriteError } from '../io/file-writer.js';
import { PathError } from '../io/path-guard.js';
import { UsageError } from './args.js';
import { EXIT, type CliContext } from './context.js';

export function reportError(ctx: CliContext, err: unknown): number {
  if (err instanceof UsageError) {
    ctx.stderr(`${err.message}\n(see 'syswire ${err.command ? `${err.command} ` : ''}--help')\n`);
    return EXIT.usage;
  }
  if (err instanceof DiagnosticError || err instanceof TreeError || err instanceof TableParseError || err instanceof WriteError || err instanceof PathError) {
    ctx.stderr(`${err.message}\n`);
    return EXIT.fail;
  }
  ctx.stderr(`syswire: internal error: ${(err as Error).stack ?? String(err)}\n`);
  return EXIT.fail;
}
