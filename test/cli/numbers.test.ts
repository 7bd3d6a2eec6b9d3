// `syswire numbers`: one row per syscall, one column per table, through the
// real CLI; --tree and SYSWIRE_TREE select the tree.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { REPO_ROOT, requireTree, TREE_61, TREE_612 } from '../support/kernel-trees.js';

async function numbers(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['numbers', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: REPO_ROOT, env });
  return { code, stdout, stderr };
}

describe('numbers', () => {
  it('--json has a column per table and the offsets applied', async () => {
    const { code, stdout } = await numbers(['--tree', requireTree(TREE_612), '--json']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as { columns: string[]; rows: { name: string; generic: number | null; tables: Record<string, { nr: number; abi: string }[]> }[] };
    expect(data.columns).toHaveLength(17);
    const mseal = data.rows.find((r) => r.name === 'mseal')!;
    expect(mseal.generic).toBe(462);
    expect(mseal.tables['alpha']).toEqual([{ nr: 572, abi: 'common' }]);
    expect(mseal.tables['mips/n32']).toEqual([{ nr: 462, abi: 'n32' }]);
    expect(Object.keys(mseal.tables)).toHaveLength(17);
  });

  it('prints a text table and takes SYSWIRE_TREE', async () => {
    const { code, stdout } = await numbers([], { SYSWIRE_TREE: requireTree(TREE_61) });
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trimEnd().split('\n');
    expect(header).toMatch(/^syscall\s+generic\s+alpha\s+arm\s+ia64/);
    expect(rows.find((r) => r.startsWith('set_mempolicy_home_node '))).toMatch(/^set_mempolicy_home_node\s+450\s+560\s+450\s+450\s/);
  });

  it('refuses a directory that is not a kernel tree', async () => {
    const { code, stderr } = await numbers(['--tree', '/tmp']);
    expect(code).toBe(1);
    expect(stderr).toContain('not a kernel tree');
  });
});
