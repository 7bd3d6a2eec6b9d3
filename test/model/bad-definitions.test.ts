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
  // Limits and validation (test/model/definition-limits.test.ts has a case per rule).
  'not-c-args.yaml': [
    `7:12: error: syscalls[0].args[0]: "this is ))) not C" is not a single C parameter declaration: unbalanced ')'`,
    `7:33: error: syscalls[0].args[1]: "int fd\\n#include <linux/evil.h>" is not a single C parameter declaration: it must be a single line`,
    `7:68: error: syscalls[0].args[2]: "size_t len */" is not a single C parameter declaration: '*/' would close a comment`,
  ],
  'c-keywords.yaml': ["11:10: error: structs[0].doc: '*/' would close the C comment this text is printed in", "13:17: error: structs[0].fields[0].name: 'int' is a C keyword"],
  'kernel-macro-name.yaml': ["6:11: error: syscalls[0].name: 'syscalls' collides with the kernel's own macros: __NR_syscalls is the size of the generic table (asm-generic/unistd.h)"],
  'wired-header.yaml': ["10:13: error: header path 'include/uapi/asm-generic/unistd.h' is a file syswire edits to wire syscalls up; give the struct a uapi header of its own, e.g. include/uapi/linux/<name>.h"],
  'huge-number.yaml': [
    "7:13: error: syscalls[0].number: must be 'auto' or an integer from 0 to 1000000, not 9007199254740991 (tables add offsets of up to 6000, and every number must stay an exact integer)",
    "9:13: error: syscalls[1].number: must be 'auto' or an integer from 0 to 1000000, not 1e+23 (tables add offsets of up to 6000, and every number must stay an exact integer)",
  ],
  'alias-bomb.yaml': ['10:10: error: YAML aliases expand too far (more than 100 expansions, as in a "billion laughs" attack); a definition does not need nested anchors'],
  'latin1.yaml': ['4:15: error: invalid UTF-8 byte 0xe9: a definition must be UTF-8 text (convert it, e.g. with iconv -f latin1 -t utf-8)', '7:30: error: invalid UTF-8 byte 0xe8: a definition must be UTF-8 text (convert it, e.g. with iconv -f latin1 -t utf-8)'],
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
