/**
 * Which tree a command acts on: --tree, else SYSWIRE_TREE, else the kernel
 * tree holding the working directory (searched upwards, as git finds its
 * top level); never syswire's own demo tree.  Writing commands say which.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { REPO_ROOT, requireTree, TREE_61, TREE_612 } from '../support/kernel-trees.js';

const outside = mkdtempSync(join(tmpdir(), 'syswire-notree-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

async function run(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, env });
  return { code, out, err };
}

describe('the tree a command acts on', () => {
  it('is the kernel tree holding the working directory, from any depth', async () => {
    const res = await run(join(requireTree(TREE_61), 'arch/x86/entry'), ['generate', join(REPO_ROOT, 'defs/sframe.yaml'), '--dry-run']);
    expect(res.code, res.err).toBe(0);
    expect(res.out.split('\n')[0]).toBe(`tree: ${TREE_61}`);
  });

  it('is refused outside any kernel tree, with the reason, instead of falling back to the demo tree', async () => {
    const res = await run(outside, ['numbers']);
    expect(res.code).toBe(1);
    expect(res.err).toBe(`${outside}: error: not inside a kernel tree (no parent directory has Kbuild, Makefile, arch/ and scripts/); pass --tree DIR or set SYSWIRE_TREE\n`);
  });

  it('SYSWIRE_TREE wins over the working directory, and --tree over both', async () => {
    const cwd = join(requireTree(TREE_61), 'kernel');
    const byEnv = await run(cwd, ['generate', join(REPO_ROOT, 'defs/sframe.yaml'), '--dry-run'], { SYSWIRE_TREE: requireTree(TREE_612) });
    expect(byEnv.out.split('\n')[0]).toBe(`tree: ${TREE_612}`);
    const byFlag = await run(cwd, ['generate', join(REPO_ROOT, 'defs/sframe.yaml'), '--dry-run', '--tree', TREE_612], { SYSWIRE_TREE: outside });
    expect(byFlag.out.split('\n')[0]).toBe(`tree: ${TREE_612}`);
  });
});
