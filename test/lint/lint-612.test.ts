/**
 * `syswire lint` on the real 6.12 tree and on patches against it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { formatFinding, type Finding } from '../../src/lint/lint-finding.js';
import { lintPatches } from '../../src/lint/lint-patch.js';
import { diskContext, lintTree } from '../../src/lint/lint-tree.js';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import { diffEdits } from '../../src/patch/tree-diff.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { REPO_ROOT, TREE_612, loadTree, readTreeFile } from '../support/kernel-trees.js';

const tree = loadTree(TREE_612);
const tmp = mkdtempSync(join(tmpdir(), 'syswire-lint-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** "<table id> <syscall name>" of the row a finding points at. */
function rowOf(f: Finding): string {
  const model = tree.tables.find((t) => t.path === f.file)!;
  const row = model.table.rows.find((r) => r.line === f.line)!;
  return `${model.id} ${row.nr} ${row.name}`;
}

/** The sframe wire-up of defs/sframe.yaml against 6.12, as `syswire generate` writes it. */
function sframePatch(): string {
  const loaded = loadDefinitions('defs/sframe.yaml', readFileSync(join(REPO_ROOT, 'defs/sframe.yaml'), 'utf8'));
  return diffEdits(planWireUp(tree, loaded, (p) => readTreeFile(TREE_612, p)).edits);
}

function writePatch(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

describe('lint --tree 6.12', () => {
  const findings = lintTree(diskContext(tree, TREE_612));

  it('finds no errors', () => {
    expect(findings.filter((f) => f.severity === 'error').map(formatFinding)).toEqual([]);
  });

  it('warns only about the known irregular rows (kernel-conventions §5.2)', () => {
    const known = [
      // futex_waitv written with spaces
      ...['alpha 559', 'm68k 449', 'microblaze 449', 'powerpc 449', 'sh 449', 'sparc 449', 'xtensa 449'].map((r) => `${r} futex_waitv`),
      // mseal's original rows
      ...['alpha 572', 'sparc 462', 'xtensa 462', 'x86/32 462', 'x86/64 462'].map((r) => `${r} mseal`),
      'powerpc 450 set_mempolicy_home_node',
      'x86/32 450 set_mempolicy_home_node',
      'sparc 437 openat2',
      's390 425 io_uring_setup',
      's390 426 io_uring_enter',
      's390 427 io_uring_register',
      'mips/n64 450 set_mempolicy_home_node',
      ...['177 rt_sigqueueinfo', '178 rt_sigsuspend', '188 putpmsg', '198 pciconfig_read', '199 pciconfig_write', '200 pciconfig_iobase', '201 multiplexer'].map((r) => `powerpc ${r}`),
      ...['394 semctl', '396 shmctl', '397 shmat', '400 msgsnd', '401 msgrcv', '402 msgctl'].map((r) => `x86/32 ${r}`),
      'generic 38 renameat',
      // Not in §5.2's list, same kind as powerpc's `nospu ` + TAB: sparc pads
      // some 32/64 ABI tags with spaces before the TAB; s390 398 has a space
      // after its entry.
      ...['13 chown', '23 setuid', '24 getuid', '29 pause', '31 lchown32', '32 fchown32', '35 chown32', '44 getuid32', '56 mmap2', '69 geteuid32'].map((r) => `sparc ${r}`),
      's390 398 shmdt',
    ];
    // The 64-bit argument rules' warnings are named in scalar64-lint.test.ts.
    const warned = findings.filter((f) => f.severity === 'warning' && !['scalar64-compat', 'odd-slot-64'].includes(f.rule)).map(rowOf);
    expect(new Set(warned)).toEqual(new Set(known));
    // sparc's split 23 setuid and 29 pause are two rows each.
    expect(warned.length).toBe(new Set(warned).size + 2);
  });

  it('prints gcc-style findings and exits 0 with warnings only', async () => {
    const out: string[] = [];
    const code = await runCli(['lint', '--tree', TREE_612], { stdout: (t) => void out.push(t), stderr: () => {}, cwd: REPO_ROOT, env: {} });
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/^arch\/x86\/entry\/syscalls\/syscall_64\.tbl:\d+:4: warning: .* \[row-whitespace\]$/m);
  });
});

describe('lint PATCH on 6.12', () => {
  it('the v2 posting: its uapi header does not include <linux/types.h>', async () => {
    const findings = lintPatches(tree, [join(REPO_ROOT, 'test/fixtures/sframe-v2-uapi-header.patch')]);
    expect(findings.map(formatFinding)).toEqual(['include/uapi/linux/sframe.h:6:2: error: uapi header uses __u64 but does not include <linux/types.h> [uapi-header]']);
    const code = await runCli(['lint', 'test/fixtures/sframe-v2-uapi-header.patch', '--tree', TREE_612], { stdout: () => {}, stderr: () => {}, cwd: REPO_ROOT, env: {} });
    expect(code).toBe(1);
  });

  it('the generated sframe patch is clean', () => {
    expect(lintPatches(tree, [writePatch('good.patch', sframePatch())]).map(formatFinding)).toEqual([]);
  });

  it('a hand-made patch that forgets scripts/syscall.tbl and gives powerpc another number', () => {
    const sections = sframePatch().split(/^(?=diff --git )/m);
    const bad = sections
      .filter((s) => !s.startsWith('diff --git a/scripts/syscall.tbl'))
      .map((s) => (s.startsWith('diff --git a/arch/powerpc/') ? s.replace(/^\+464\t/m, '+465\t') : s))
      .join('');
    expect(bad).not.toBe(sframePatch());
    const findings = lintPatches(tree, [writePatch('bad.patch', bad)]);
    const brief = findings.map((f) => `${f.file} ${f.severity} ${f.rule} ${f.message.split(' ').slice(0, 3).join(' ')}`);
    expect(brief.sort()).toEqual(
      [
        'arch/powerpc/kernel/syscalls/syscall.tbl error number-mismatch sframe_unregister is numbered',
        'scripts/syscall.tbl error missing-row generic syscall sframe_register',
        'scripts/syscall.tbl error missing-row generic syscall sframe_unregister',
      ].sort(),
    );
    expect(findings.find((f) => f.rule === 'number-mismatch')!.message).toBe('sframe_unregister is numbered 465 here, but 464 everywhere else');
  });
});
