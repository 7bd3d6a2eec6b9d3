/**
 * The DEFS argument and tree files, as the series commands read them: a
 * missing definition file is one `path: error:` line and exit 1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

/** A reader of the tree's files by tree-relative path (undefined when absent). */
export function treeFileReader(root: string): (path: string) => string | undefined {
  return (path) => {
    const full = join(root, path);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };
}
