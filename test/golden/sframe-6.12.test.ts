// sframe on 6.12: the generated patch is compared with the committed golden
// (test/golden/sframe-6.12.patch, update on purpose with `vitest -u`), then
// checked with real git on a copy of the tree: `git apply --check` passes,
// applying it a second time is refused.  `generate --apply` twice changes
// nothing the second time.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { diffEdits } from '../../src/patch/tree-diff.js';
import { renderEntrySkeletons } from '../../src/render/entry-skeleton.js';
import { loadDefsFile } from '../support/definitions.js';
import { loadTree, readTreeFile, REPO_ROOT, scratchTree, TREE_612 } from '../support/kernel-trees.js';

const tree = loadTree(TREE_612);
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function generate(defs: string) {
  const loaded = loadDefsFile(defs);
  const plan = planWireUp(tree, loaded, (p) => readTreeFile(TREE_612, p));
  return { loaded, plan, patch: diffEdits(plan.edits) };
}

async function cli(args: string[], cwd = REPO_ROOT) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env: {} });
  return { code, stdout, stderr };
}

describe('sframe (v3) on 6.12', () => {
  const { loaded, plan, patch } = generate('defs/sframe.yaml');

  it('matches the golden patch', async () => {
    await expect(patch).toMatchFileSnapshot('sframe-6.12.patch');
  });

  it('matches the golden entry-point skeleton', async () => {
    await expect(renderEntrySkeletons(loaded.defs, plan.calls)).toMatchFileSnapshot('sframe-entry.c');
  });

  it('touches the 21 files of a generic wire-up', () => {
    expect(plan.edits).toHaveLength(21);
    expect(plan.calls.map((c) => [c.def.name, c.nr])).toEqual([['sframe_register', 463], ['sframe_unregister', 464]]);
  });

  it('writes the rows a maintainer would (alpha +110, i386, MIPS ABIs, s390 five columns)', () => {
    expect(patch).toContain('\n+573\tcommon\tsframe_register\t\t\tsys_sframe_register\n');
    expect(patch).toContain('\n+463\ti386\tsframe_register\t\tsys_sframe_register\n');
    expect(patch).toContain('\n+464\tn32\tsframe_unregister\t\tsys_sframe_unregister\n');
    expect(patch).toContain('\n+463  common\tsframe_register\t\tsys_sframe_register\t\tsys_sframe_register\n');
    expect(patch).toContain('-#define __NR_syscalls 463\n+#define __NR_syscalls 465\n');
  });

  it('emits a uapi header with SPDX, guard, linux/types.h and SIZE_VER0', () => {
    const header = plan.edits.find((e) => e.path === 'include/uapi/linux/sframe.h')!;
    expect(header.before).toBeUndefined();
    expect(header.after.split('\n').slice(0, 5)).toEqual(['/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */', '#ifndef _UAPI_LINUX_SFRAME_H', '#define _UAPI_LINUX_SFRAME_H', '', '#include <linux/types.h>']);
    expect(header.after).toContain('\t__u64 flags;\n');
    expect(header.after).toContain('#define SFRAME_SETUP_SIZE_VER0 40 /* sizeof first published struct */');
    expect(header.after.endsWith('#endif /* _UAPI_LINUX_SFRAME_H */\n')).toBe(true);
  });

  it('git apply --check accepts it on the tree; a second application is refused', () => {
    const { root, cleanup } = scratchTree(TREE_612);
    cleanups.push(cleanup);
    const file = join(root, 'sframe.patch');
    writeFileSync(file, patch);
    execFileSync('git', ['apply', '--check', file], { cwd: root });
    execFileSync('git', ['apply', file], { cwd: root });
    const again = spawnSync('git', ['apply', '--check', file], { cwd: root, encoding: 'utf8' });
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/patch does not apply|already exists/);
  });
});

describe('sframe v2 on 6.12', () => {
  it('matches the golden patch (no flags field, no SIZE_VER0)', async () => {
    const { patch } = generate('defs/sframe-v2.yaml');
    expect(patch).not.toContain('SIZE_VER0');
    await expect(patch).toMatchFileSnapshot('sframe-v2-6.12.patch');
  });
});

describe('generate CLI on a scratch copy of 6.12', () => {
  it('--apply edits the tree, a second run is a no-op, --check and --dry-run write nothing', async () => {
    const { root, cleanup } = scratchTree(TREE_612);
    cleanups.push(cleanup);
    const out = mkdtempSync(join(tmpdir(), 'syswire-out-'));
    cleanups.push(() => rmSync(out, { recursive: true, force: true }));

    const dry = await cli(['generate', 'defs/sframe.yaml', '--tree', root, '--out', out, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('A include/uapi/linux/sframe.h');
    expect(spawnSync('ls', [out], { encoding: 'utf8' }).stdout).toBe('');

    const stale = await cli(['generate', 'defs/sframe.yaml', '--tree', root, '--out', out, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('sframe.patch: error: stale');

    const first = await cli(['generate', 'defs/sframe.yaml', '--tree', root, '--out', out, '--apply']);
    expect(first.code).toBe(0);
    const patched = readFileSync(join(root, 'arch/alpha/kernel/syscalls/syscall.tbl'), 'utf8');
    expect(patched).toContain('574\tcommon\tsframe_unregister');
    expect(readFileSync(join(out, 'sframe.patch'), 'utf8')).toBe(generate('defs/sframe.yaml').patch);

    const second = await cli(['generate', 'defs/sframe.yaml', '--tree', root, '--out', out, '--apply']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('nothing to do');
    expect(second.stderr).toContain('sframe_register is already wired as 463');
    expect(readFileSync(join(root, 'arch/alpha/kernel/syscalls/syscall.tbl'), 'utf8')).toBe(patched);
  });

  it('refuses a colliding explicit number without touching the tree', async () => {
    const r = await cli(['generate', 'test/fixtures/bad-defs/colliding-number.yaml', '--tree', TREE_612, '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/collides with mseal/);
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli(['generate'])).code).toBe(2);
    expect((await cli(['generate', 'defs/sframe.yaml', '--bogus'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });
});
