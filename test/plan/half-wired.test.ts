// A tree where a wire-up stopped half way (the tables have the rows,
// asm-generic/unistd.h and scripts/syscall.tbl do not): lint names the
// missing defines, and a new run completes the wire-up with the numbers the
// rows already have instead of giving the rest of the tree new ones.
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../support/cli-run.js';
import { REPO_ROOT, scratchTree, TREE_612 } from '../support/kernel-trees.js';

const DEFS = join(REPO_ROOT, 'defs/sframe.yaml');
const UNDONE = ['include/uapi/asm-generic/unistd.h', 'scripts/syscall.tbl', 'arch/arm/tools/syscall.tbl'];

describe('a half-wired tree', () => {
  const { root, cleanup } = scratchTree(TREE_612, ['include/linux/compat.h', 'kernel/sys_ni.c', 'include/uapi/linux']);
  const out = join(root, '..', `${root.split('/').pop()}-out`);
  afterAll(() => {
    cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  it('is found by lint and completed at the rows\' numbers', async () => {
    const first = await runCaptured('generate', DEFS, '--tree', root, '--out', out, '--apply');
    expect(first.code, first.err).toBe(0);
    const complete = new Map(UNDONE.map((p) => [p, readFileSync(join(root, p))]));
    for (const p of UNDONE) copyFileSync(join(TREE_612, p), join(root, p));

    const lint = await runCaptured('lint', '--tree', root);
    expect(lint.code).toBe(1);
    expect(lint.out + lint.err).toMatch(/include\/uapi\/asm-generic\/unistd\.h:\d+:1: error: sframe_register has rows numbered 463 \(generic numbering\) in the arch tables, but no __NR_sframe_register define here \[missing-row\]/);

    const again = await runCaptured('generate', DEFS, '--tree', root, '--out', out, '--apply');
    expect(again.code, again.err).toBe(0);
    for (const p of UNDONE) expect(readFileSync(join(root, p)).equals(complete.get(p)!), p).toBe(true);
    const clean = await runCaptured('lint', '--tree', root);
    expect(clean.out + clean.err).not.toMatch(/\[(missing-row|number-mismatch)\]/);
  });

  it('refuses rows that disagree', async () => {
    for (const p of UNDONE) copyFileSync(join(TREE_612, p), join(root, p));
    const table = join(root, 'arch/alpha/kernel/syscalls/syscall.tbl');
    const text = readFileSync(table, 'utf8');
    writeFileSync(table, text.replace(/^574(\tcommon\tsframe_unregister)/m, '580$1'));
    const run = await runCaptured('generate', DEFS, '--tree', root, '--out', out, '--dry-run');
    expect(run.code).not.toBe(0);
    expect(run.err).toContain('sframe_unregister already has rows with different numbers (470 in arch/alpha/kernel/syscalls/syscall.tbl, 464 in arch/arm');
    writeFileSync(table, text);
  });
});
