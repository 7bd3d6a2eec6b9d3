/**
 * The built tool as it ships: bin/, dist/ (tsc's output plus the runtime
 * helpers' sources `npm run build` copies), templates/ and package.json,
 * without src/.  `generate` run from such a copy must write the committed
 * bindings, so nothing at run time reads src/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, TREE_612 } from '../support/kernel-trees.js';

const scratch = mkdtempSync(join(tmpdir(), 'syswire-shipped-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the built tool without src/', () => {
  it('generate writes the committed bindings', () => {
    if (!existsSync(join(REPO_ROOT, 'dist/cli/run-cli.js'))) throw new Error("dist/ is missing: run 'npm run build' first (npm test does)");
    const pkg = join(scratch, 'syswire');
    for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(join(REPO_ROOT, part), join(pkg, part), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(pkg, 'node_modules'));
    // The definition is named as the golden's header names it, from a directory without src/ either.
    cpSync(join(REPO_ROOT, 'defs/sframe.yaml'), join(scratch, 'defs/sframe.yaml'));
    const out = join(scratch, 'out');
    const res = spawnSync(process.execPath, [join(pkg, 'bin/syswire.js'), 'generate', 'defs/sframe.yaml', '--tree', TREE_612, '--out', out], { cwd: scratch, encoding: 'utf8' });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(readFileSync(join(out, 'bindings/sframe.ts'), 'utf8')).toBe(readFileSync(join(REPO_ROOT, 'test/golden/bindings/sframe.ts'), 'utf8'));
  });
});
