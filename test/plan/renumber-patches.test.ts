/**
 * What renumber --patches cannot place is reported, never guessed.  The new
 * base is plain 6.12 (next free number 463); patches are small hand-made
 * diffs against it.
 */
import { describe, expect, it } from 'vitest';
import { parsePatch } from '../../src/patch/patch-parser.js';
import { renumberPatches } from '../../src/plan/renumber-patches.js';
import { loadTree, readTreeFile, TREE_612 } from '../support/kernel-trees.js';

const X86 = 'arch/x86/entry/syscalls/syscall_64.tbl';
const UNISTD = 'include/uapi/asm-generic/unistd.h';

function run(diff: string) {
  const tree = loadTree(TREE_612);
  return renumberPatches(tree, [{ file: 'v1-0001-x.patch', diff: parsePatch(diff) }], (p) => readTreeFile(TREE_612, p));
}

const tableDiff = (lines: string) => `diff --git a/${X86} b/${X86}\n--- a/${X86}\n+++ b/${X86}\n@@ -1,1 +1,${lines.split('\n').length} @@\n${lines}\n`;

describe('renumberPatches', () => {
  it('moves a row numbered 470 to the next free number and reports it per table', () => {
    const res = run(tableDiff(' 462\tcommon\tmseal\t\t\tsys_mseal\n+470\tcommon\tfoo\t\t\tsys_foo').replace('@@ -1,1 +1,2 @@', '@@ -1 +1,2 @@'));
    expect(res.problems).toEqual([]);
    expect(res.moves).toEqual([{ name: 'foo', old: 470, new: 463, tables: [{ id: 'x86/64', old: 470, new: 463 }] }]);
    const after = res.edits[0]![0]!.after;
    expect(after).toMatch(/^462\s+common\s+mseal\s+sys_mseal\n463\tcommon\tfoo\t+sys_foo\n/m);
  });

  it('refuses a table hunk that removes a row', () => {
    const res = run(tableDiff('-462\tcommon\tmseal\t\t\tsys_mseal\n+470\tcommon\tfoo\t\t\tsys_foo').replace('@@ -1,1 +1,2 @@', '@@ -1 +1 @@'));
    expect(res.problems).toEqual([`v1-0001-x.patch: error: ${X86}: @@ -1 +1 @@: removes '462\tcommon\tmseal\t\t\tsys_mseal'; only added rows can be moved`]);
  });

  it('refuses a syscall the new base already has', () => {
    const res = run(tableDiff(' 461\tcommon\tlsm_list_modules\tsys_lsm_list_modules\n+462\tcommon\tmseal\t\t\tsys_mseal').replace('@@ -1,1 +1,2 @@', '@@ -1 +1,2 @@'));
    expect(res.problems.join('\n')).toMatch(/error: mseal is already in the new base \(as 462\)/);
  });

  it('refuses a unistd.h block it cannot anchor after the last __NR_ pair', () => {
    const diff = `diff --git a/${UNISTD} b/${UNISTD}\n--- a/${UNISTD}\n+++ b/${UNISTD}\n@@ -1,2 +1,4 @@\n #undef __NR_syscalls\n+#define __NR_foo 470\n+__SYSCALL(__NR_foo, sys_foo)\n #define __NR_syscalls 463\n`;
    const res = run(diff);
    expect(res.problems).toEqual([`v1-0001-x.patch: error: ${UNISTD}: @@ -1,2 +1,4 @@: could not place the block starting '#define __NR_foo 470' after the new base's last __NR_ pair`]);
  });
});
