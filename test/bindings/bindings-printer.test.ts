/**
 * The bindings printer as `generate` runs it: in a worker thread (the
 * compiled bindings-worker.js of dist/ and of the bundle), from the
 * precomputed run-time statements.  Whatever the path, the text must be
 * the one buildBindings prints in this thread.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bindingsModel, type BindingsModel } from '../../src/bindings/bindings-model.js';
import { printBindings } from '../../src/bindings/bindings-builder.js';
import { precomputedRuntimeText } from '../../src/bindings/runtime-source.js';
import type * as PrinterModule from '../../src/bindings/bindings-printer.js';
import { assignNumbers } from '../../src/plan/numbering.js';
import { loadDefsFile } from '../support/definitions.js';
import { loadTree, readTreeFile, REPO_ROOT, TREE_612 } from '../support/kernel-trees.js';

const DIST_PRINTER = join(REPO_ROOT, 'dist/bindings/bindings-printer.js');
const BUNDLE = join(REPO_ROOT, 'dist/bundle/syswire.cjs');
const out = mkdtempSync(join(tmpdir(), 'syswire-printer-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function model(defsPath: string): BindingsModel {
  const tree = loadTree(TREE_612);
  const loaded = loadDefsFile(defsPath);
  return bindingsModel({ defs: loaded.defs, defsPath, tree, calls: assignNumbers(tree, loaded), read: (p) => readTreeFile(TREE_612, p) });
}

async function distPrinter(): Promise<typeof PrinterModule> {
  if (!existsSync(DIST_PRINTER)) throw new Error(`${DIST_PRINTER} is missing: run 'npm run build' first (npm test does)`);
  return (await import(pathToFileURL(DIST_PRINTER).href)) as typeof PrinterModule;
}

describe('bindings printer (worker thread)', () => {
  it.each(['defs/sframe.yaml', 'test/fixtures/bindings/mixed.yaml'])('prints %s exactly as this thread does', async (defsPath) => {
    const m = model(defsPath);
    const printer = (await distPrinter()).startBindingsPrinter();
    try {
      expect(await printer.print(m)).toBe(printBindings(m));
    } finally {
      await printer.close();
    }
  });

  it('reports a failure inside the worker as an error, and can still be closed', async () => {
    const printer = (await distPrinter()).startBindingsPrinter();
    try {
      await expect(printer.print({ ...model('defs/sframe.yaml'), defs: undefined } as unknown as BindingsModel)).rejects.toThrow(/bindings printer: TypeError/);
    } finally {
      await printer.close();
    }
  });

  it('the bundled CLI writes the committed out/bindings/sframe.ts', () => {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run 'npm run build' first (npm test does)`);
    const res = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/syswire.js'), 'generate', 'defs/sframe.yaml', '--tree', TREE_612, '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(readFileSync(join(out, 'bindings/sframe.ts'), 'utf8')).toBe(readFileSync(join(REPO_ROOT, 'out/bindings/sframe.ts'), 'utf8'));
  });
});

describe('precomputed run-time statements', () => {
  it('survive the JSON round trip the build stores them in', () => {
    const stored = JSON.parse(precomputedRuntimeText()) as { sha1: string; files: { statements: unknown[] }[] };
    expect(stored.sha1).toMatch(/^[0-9a-f]{40}$/);
    expect(stored.files).toHaveLength(3);
    expect(stored.files.every((f) => f.statements.length > 0)).toBe(true);
    if (existsSync(join(REPO_ROOT, 'dist/runtime-statements.json'))) {
      expect(readFileSync(join(REPO_ROOT, 'dist/runtime-statements.json'), 'utf8')).toBe(precomputedRuntimeText());
    }
  });
});
