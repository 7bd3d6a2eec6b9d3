// lint's 64-bit argument rules on the real 6.12 and 7.3 trees, which must
// give upstream's own oddities as warnings only (named below), and on
// patches: a loff_t call wired without its compat entry, and a misordered
// one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFinding } from '../../src/lint/lint-finding.js';
import { lintPatches } from '../../src/lint/lint-patch.js';
import { diskContext, lintTree } from '../../src/lint/lint-tree.js';
import { diffEdits } from '../../src/patch/tree-diff.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { loadDefsFile } from '../support/definitions.js';
import { loadTree, readTreeFile, TREE_612, TREE_73 } from '../support/kernel-trees.js';

const RULES = new Set(['scalar64-compat', 'odd-slot-64']);
const tmp = mkdtempSync(join(tmpdir(), 'syswire-scalar64-lint-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Upstream's calls with a 64-bit argument in an odd register, which predate the rule. */
const ODD = ['truncate64 length', 'ftruncate64 length', 'pread64 pos', 'pwrite64 pos', 'sync_file_range offset', 'sync_file_range nbytes', 'readahead offset', 'fadvise64_64 offset', 'fadvise64_64 len', 'fadvise64 offset'];

describe.each([
  ['6.12', TREE_612],
  ['7.3', TREE_73],
])('lint --tree %s', (_version, dir) => {
  const tree = loadTree(dir);
  const findings = lintTree(diskContext(tree, dir)).filter((f) => RULES.has(f.rule));

  it('reports no error for upstream calls', () => {
    expect(findings.filter((f) => f.severity === 'error').map(formatFinding)).toEqual([]);
  });

  it('warns about fanotify_mark, whose generic row has no compat entry, and the known odd-slot calls', () => {
    const compat = findings.filter((f) => f.rule === 'scalar64-compat').map((f) => `${f.file} ${/^(\w+) /.exec(f.message)![1]}`);
    expect(compat).toEqual(['scripts/syscall.tbl fanotify_mark']);
    const odd = findings.filter((f) => f.rule === 'odd-slot-64').map((f) => /^(\w+): 64-bit argument '(\w+)'/.exec(f.message)!.slice(1).join(' '));
    expect(new Set(odd)).toEqual(new Set(ODD));
    expect(odd).toHaveLength(ODD.length);
  });

  it('flags a loff_t call whose x86_32 row lost its compat entry, at that row', () => {
    const patch = diffEdits(planWireUp(tree, loadDefsFile('test/fixtures/range-call.yaml'), (p) => readTreeFile(dir, p)).edits);
    const good = join(tmp, `good-${_version}.patch`);
    writeFileSync(good, patch);
    expect(lintPatches(tree, [good]).filter((f) => RULES.has(f.rule)).map(formatFinding)).toEqual([]);
    const broken = patch.replace(/^(\+\d+\ti386\tfrob_fill\t+sys_frob_fill)\t+compat_sys_frob_fill$/m, '$1');
    expect(broken).not.toBe(patch);
    const bad = join(tmp, `bad-${_version}.patch`);
    writeFileSync(bad, broken);
    const out = lintPatches(tree, [bad]).filter((f) => RULES.has(f.rule));
    expect(out.map((f) => [f.file, f.severity, f.rule])).toEqual([['arch/x86/entry/syscalls/syscall_32.tbl', 'error', 'scalar64-compat']]);
    expect(out[0]!.message).toMatch(/^frob_fill takes 64-bit argument 'offset' \(prototype in include\/linux\/syscalls\.h\), which 32-bit callers pass in two registers, but this table sends them to sys_frob_fill: add compat_sys_frob_fill in the compat column$/);
  });

  it('warns at the prototype of a misordered call in a patch', () => {
    const patch = diffEdits(planWireUp(tree, loadDefsFile('test/fixtures/misordered-call.yaml'), (p) => readTreeFile(dir, p)).edits);
    const file = join(tmp, `misordered-${_version}.patch`);
    writeFileSync(file, patch);
    const out = lintPatches(tree, [file]).filter((f) => RULES.has(f.rule));
    expect(out.map((f) => `${f.file} ${f.severity} ${f.message}`)).toEqual([
      "include/linux/syscalls.h warning frob_sync: 64-bit argument 'nbytes' (arg 3) starts in 32-bit register 4; arm EABI, mips o32 and ppc32 insert a padding register before it",
      "include/linux/syscalls.h warning frob_sync: 64-bit argument 'offset' (arg 2) starts in 32-bit register 2; arm EABI, mips o32 and ppc32 insert a padding register before it",
    ]);
  });
});
