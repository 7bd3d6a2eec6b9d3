/**
 * Helpers for the bindings tests: build a definition's bindings against a
 * real tree, compile TypeScript under `strict`, and load a generated module
 * (vitest transforms the .ts on import).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { buildBindings } from '../../src/bindings/bindings-builder.js';
import { assignNumbers } from '../../src/plan/numbering.js';
import { loadDefsFile } from './definitions.js';
import { loadTree, readTreeFile, REPO_ROOT } from './kernel-trees.js';

/** Bindings of a definition file (repo-relative) against a tree, numbered the way the wire plan numbers. */
export function bindingsFor(defsPath: string, treeDir: string, provisional = false): string {
  const tree = loadTree(treeDir);
  const loaded = loadDefsFile(defsPath);
  return buildBindings({ defs: loaded.defs, defsPath, tree, calls: assignNumbers(tree, loaded), read: (p) => readTreeFile(treeDir, p), provisional });
}

/** A scratch directory inside the repo (node_modules resolution works from there). */
export function scratchDir(name: string): string {
  const dir = join(REPO_ROOT, 'test/.tmp', `${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Type-check files under strict (plus noUncheckedIndexedAccess); returns the diagnostics as text. */
export function strictDiagnostics(files: Record<string, string>, dir: string): string[] {
  const paths = Object.entries(files).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
  const program = ts.createProgram(paths, {
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    noEmit: true,
    allowImportingTsExtensions: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** Write a generated module to a scratch dir and import it. */
export async function importBindings<T>(text: string, dir: string, name: string): Promise<T> {
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, text);
  return (await import(file)) as T;
}
