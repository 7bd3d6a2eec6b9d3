/**
 * The merge driver under real `git rebase` and `git merge`: a repository of
 * the 6.12 files syswire touches, upstream (main) adds the 6.13 xattrat
 * syscalls 463-466 with `syswire generate --apply`, the branch adds sframe
 * the same way on the 6.12 base.  After the rebase or merge the tree must be
 * exactly what `syswire generate defs/sframe.yaml --apply` writes on top of
 * the xattrat tree (sframe at 467/468, alpha 577/578), every file.
 *
 * The driver runs as git runs it, through bin/syswire.js, so dist/ must be
 * built (`npm test` runs `npm run build` first).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { git } from '../../src/git/git-runner.js';
import { REPO_ROOT, TREE_612, scratchTree } from '../support/kernel-trees.js';

const DIST = join(REPO_ROOT, 'dist/cli/run-cli.js');
const out: string[] = [];
const ctx = (cwd: string) => ({ stdout: (t: string) => void out.push(t), stderr: (t: string) => void out.push(t), cwd, env: {} });

let root = '';
let outDir = '';
let cleanup = () => {};
const run = (...args: string[]) => git(args, { cwd: root });

async function generateAndCommit(defs: string, message: string): Promise<void> {
  const code = await runCli(['generate', join(REPO_ROOT, defs), '--tree', root, '--out', outDir, '--apply'], ctx(REPO_ROOT));
  expect(code, out.join('')).toBe(0);
  run('add', '-A');
  run('commit', '-q', '-m', message);
}

/** Files that differ between two commits (empty when the trees are equal). */
const differing = (a: string, b: string) => run('diff', '--name-only', a, b).trim();

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run 'npm run build' first (npm test does)`);
  // generate also writes TypeScript bindings, which read the ABI bases from these headers.
  ({ root, cleanup } = scratchTree(TREE_612, ['arch/x86/include/uapi/asm/unistd.h', 'arch/mips/include/uapi/asm/unistd.h']));
  outDir = mkdtempSync(join(tmpdir(), 'syswire-out-'));
  run('init', '-q');
  expect(await runCli(['install-merge-driver', '--repo', root], ctx(root))).toBe(0);
  run('add', '-A');
  run('commit', '-q', '-m', 'linux 6.12 (syscall files only)');
  run('branch', 'sframe');
  await generateAndCommit('test/fixtures/xattrat.yaml', 'fs/xattr: add *at family syscalls');
  run('checkout', '-q', '-b', 'expected');
  await generateAndCommit('defs/sframe.yaml', 'sframe on top of xattrat (expected result)');
  run('checkout', '-q', 'sframe');
  await generateAndCommit('defs/sframe.yaml', 'unwind: Add sframe_(un)register() system calls');
  run('branch', 'sframe-merge');
}, 120_000);

afterAll(() => {
  cleanup();
  rmSync(outDir, { recursive: true, force: true });
});

describe('merge driver on a 6.12 repository (upstream: xattrat 463-466, branch: sframe)', () => {
  it('installs idempotently', async () => {
    const attributes = run('show', 'HEAD:.gitattributes');
    expect(await runCli(['install-merge-driver', '--repo', root], ctx(root))).toBe(0);
    expect(run('diff', '--name-only').trim()).toBe('');
    expect(attributes.split('\n').filter((l) => l === '*.tbl merge=syswire')).toHaveLength(1);
    expect(run('config', 'merge.syswire.driver')).toMatch(/bin\/syswire\.js merge-driver --upstream auto %O %A %B %P/);
  });

  it('--info writes .git/info/attributes instead, also idempotently', async () => {
    for (let i = 0; i < 2; i++) expect(await runCli(['install-merge-driver', '--repo', root, '--info', '--upstream', 'ours'], ctx(root))).toBe(0);
    const info = readFileSync(join(root, '.git/info/attributes'), 'utf8');
    expect(info.split('\n').filter((l) => l.endsWith('merge=syswire'))).toHaveLength(4);
    expect(run('config', 'merge.syswire.driver')).toMatch(/--upstream ours %O/);
    rmSync(join(root, '.git/info/attributes'));
    expect(await runCli(['install-merge-driver', '--repo', root], ctx(root))).toBe(0);
    expect(run('status', '--porcelain').trim()).toBe('');
  });

  it('git rebase main: sframe moves to 467/468 in every file', () => {
    run('checkout', '-q', 'sframe');
    run('rebase', '-q', 'main');
    expect(differing('HEAD', 'expected')).toBe('');
    expect(run('show', 'HEAD:arch/alpha/kernel/syscalls/syscall.tbl')).toMatch(/^578\tcommon\tsframe_unregister\t+sys_sframe_unregister$/m);
    expect(run('show', 'HEAD:include/uapi/asm-generic/unistd.h')).toMatch(/#define __NR_sframe_register 467\n[^]*#define __NR_syscalls 469\n/);
  });

  it('git merge main into the branch: the same tree', () => {
    run('checkout', '-q', 'sframe-merge');
    run('merge', '-q', '--no-edit', 'main');
    expect(differing('HEAD', 'expected')).toBe('');
  });

  it('anything else stays a conflict: both sides changing the same row', () => {
    run('checkout', '-q', '-b', 'edit-a', 'main');
    const path = 'arch/sh/kernel/syscalls/syscall.tbl';
    const edit = (from: string, to: string, message: string) => {
      const text = run('show', `HEAD:${path}`).replace(from, to);
      run('update-index', '--cacheinfo', `100644,${git(['hash-object', '-w', '--stdin'], { cwd: root, input: text }).trim()},${path}`);
      run('commit', '-q', '-m', message);
      run('checkout', '-q', '--', path);
    };
    edit('sys_mseal', 'sys_mseal_a', 'a');
    run('checkout', '-q', '-b', 'edit-b', 'main');
    edit('sys_mseal', 'sys_mseal_b', 'b');
    expect(() => run('merge', '-q', '--no-edit', 'edit-a')).toThrow(/CONFLICT|conflict/);
    expect(run('diff', '--name-only', '--diff-filter=U').trim()).toBe(path);
    run('merge', '--abort');
  });
});
