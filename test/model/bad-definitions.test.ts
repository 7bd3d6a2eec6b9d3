// Bad definitions: each file in test/fixtures/bad-defs gives its own
// gcc-style diagnostics (all of them at once), exit code 1, and nothing is
// written.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { REPO_ROOT, requireTree, TREE_612 } from '../support/kernel-trees.js';

const DIR = 'test/fixtures/bad-defs';
const out = mkdtempSync(join(tmpdir(), 'syswire-bad-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const EXPECTED: Record<string, string[]> = {
  'wrong-type.yaml': ['7:11: error: syscalls[0].args: expected array, received string', '8:19: error: syscalls[0].configurable: expected boolean, received string'],
  'unknown-key.yaml': ["8:5: error: unknown key 'confgurable'"],
  'duplicate-name.yaml': ["8:11: error: duplicate syscall 'frobnicate' (first defined as syscalls[0])"],
  'colliding-number.yaml': ['7:13: error: number 462 for frobnicate collides with mseal in include/uapi/asm-generic/unistd.h'],
  'header-outside-tree.yaml': ["10:13: error: header path '../../etc/frob.h' is outside the kernel tree"],
  'yaml-syntax.yaml': ['8:1: error: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  'unknown-table.yaml': ["8:28: error: no table or arch 'vax' in this tree", "9:15: error: no table or arch 'ia64' in this tree"],
  'wrong-field-type.yaml': ['13:30: error: structs[0].fields[0].type: must be one of "__u8"'],
};

async function run(file: string) {
  let stderr = '';
  const code = await runCli(['generate', join(DIR, file), '--tree', requireTree(TREE_612), '--out', out], {
    stdout: () => {},
    stderr: (t) => (stderr += t),
    cwd: REPO_ROOT,
    env: {},
  });
  return { code, stderr };
}

describe('bad definitions', () => {
  it('has an expectation for every fixture', () => {
    expect(readdirSync(join(REPO_ROOT, DIR)).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (file, messages) => {
    const { code, stderr } = await run(file);
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(messages.length);
    messages.forEach((m, i) => expect(lines[i]).toContain(`${DIR}/${file}:${m}`));
    expect(existsSync(join(out, `${file.replace('.yaml', '')}.patch`))).toBe(false);
  });
});
