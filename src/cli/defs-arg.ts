/**
 * The DEFS argument, as the commands read it: a missing definition file is
 * one `path: error:` line and exit 1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDefinitions, type LoadedDefs } from '../model/defs-loader.js';
import type { CliContext } from './context.js';

/** Load DEFS (relative to the working directory); undefined after reporting a missing file. */
export function loadDefsArg(ctx: CliContext, defsPath: string): { loaded: LoadedDefs; defsFile: string } | undefined {
  const defsFile = resolve(ctx.cwd, defsPath);
  if (!existsSync(defsFile)) {
    ctx.stderr(`${defsPath}: error: no such definition file\n`);
    return undefined;
  }
  return { loaded: loadDefinitions(defsPath, readFileSync(defsFile, 'utf8')), defsFile };
}
