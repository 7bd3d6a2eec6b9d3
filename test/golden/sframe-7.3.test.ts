// sframe on the newest tree, 7.3 (after the s390 table lost its compat
// column in 6.19): the generated patch equals the committed golden
// (test/golden/sframe-7.3.patch; update on purpose with `vitest -u`) and
// applies with `git apply`; the tree itself lints with no error, the patch
// adds none, and `numbers` reads every table.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { formatFinding } from '../../src/lint/lint-finding.js';
import { lintPatches } from '../../src/lint/lint-patch.js';
import { diskContext, lintTree } from '../../src/lint/lint-tree.js';
import { diffEdits } from '../../src/patch/tree-diff.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { loadDefsFile } from '../support/definitions.js';
import { loadTree, readTreeFile, REPO_ROOT, scratchTree, TREE_73 } from '../support/kernel-trees.js';

const tree = loadTree(TREE_73);
const tmp = mkdtempSync(join(tmpdir(), 'syswire-73-'));
const cleanups: (() => void)[] = [() => rmSync(tmp, { recursive: true, force: true })];
afterAll(() => cleanups.forEach((c) => c()));

describe('sframe (v3) on 7.3', () => {
  const plan = planWireUp(tree, loadDefsFile('defs/sframe.yaml'), (p) => readTreeFile(TREE_73, p));
  const patch = diffEdits(plan.edits);

  it('matches the golden patch', async () => {
    await expect(patch).toMatchFileSnapshot('sframe-7.3.patch');
  });

  it('takes the next free numbers and touches the 21 files of a generic wire-up', () => {
    expect(plan.calls.map((c) => [c.def.name, c.nr])).toEqual([['sframe_register', 473], ['sframe_unregister', 474]]);
    expect(plan.edits).toHaveLength(21);
  });

  it("writes s390's rows in its 6.19 format (four fields, no compat column) and alpha +110", () => {
    const s390 = plan.edits.find((e) => e.path === 'arch/s390/kernel/syscalls/syscall.tbl')!;
    expect(s390.after).toContain('\n473\tcommon\tsframe_register\t\t\tsys_sframe_register\n');
    expect(patch).toContain('\n+583\tcommon\tsframe_register\t\t\tsys_sframe_register\n');
    expect(patch).toContain('-#define __NR_syscalls 473\n+#define __NR_syscalls 475\n');
  });

  it('git apply --check accepts it on the tree', () => {
    const { root, cleanup } = scratchTree(TREE_73);
    cleanups.push(cleanup);
    const file = join(root, 'sframe.patch');
    writeFileSync(file, patch);
    execFileSync('git', ['apply', '--check', file], { cwd: root });
  });

  it('lint: the tree has no error, and the patch adds no finding', () => {
    expect(lintTree(diskContext(tree, TREE_73)).filter((f) => f.severity === 'error').map(formatFinding)).toEqual([]);
    const file = join(tmp, 'sframe.patch');
    writeFileSync(file, patch);
    expect(lintPatches(tree, [file]).map(formatFinding)).toEqual([]);
  });

  it('numbers: one column per table, the newest calls in each', async () => {
    let out = '';
    const code = await runCli(['numbers', '--tree', TREE_73, '--json'], { stdout: (t) => (out += t), stderr: () => {}, cwd: REPO_ROOT, env: {} });
    expect(code).toBe(0);
    const data = JSON.parse(out) as { columns: string[]; rows: { name: string; generic: number | null; tables: Record<string, unknown[]> }[] };
    expect(data.columns).toHaveLength(17);
    const fchroot = data.rows.find((r) => r.name === 'fchroot')!;
    expect(fchroot.generic).toBe(472);
    expect(Object.keys(fchroot.tables)).toHaveLength(17);
  });
});
