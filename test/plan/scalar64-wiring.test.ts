// Learn from the tree: a call shaped like fallocate(2) (int, int, loff_t,
// loff_t) must be wired the way each real tree wires fallocate.  For every
// table the question is the same: does the table send 32-bit callers
// somewhere other than the native sys_ entry (a compat column, an arch
// wrapper such as x86's sys_ia32_fallocate or parisc_fallocate, or mips
// n32's entry column)?  syswire's row must answer it as the tree's own
// fallocate row does.  Where the tree names the generic compat_sys_fallocate
// the rows must have the same fields once name and number are swapped;
// compat.h and unistd.h must be equal byte for byte (frob_fill has
// fallocate's length).
import { describe, expect, it } from 'vitest';
import type { TableModel } from '../../src/kernel/kernel-tree.js';
import { parseSyscallTable } from '../../src/kernel/syscall-table-reader.js';
import { routesCompat } from '../../src/lint/scalar64-rule.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { loadDefsFile } from '../support/definitions.js';
import { loadTree, readTreeFile, TREE_612, TREE_73 } from '../support/kernel-trees.js';

describe.each([
  ['6.12', TREE_612],
  ['7.3', TREE_73],
])('a fallocate-shaped call on %s', (_version, dir) => {
  const tree = loadTree(dir);
  const plan = planWireUp(tree, loadDefsFile('test/fixtures/range-call.yaml'), (p) => readTreeFile(dir, p));
  const call = plan.calls[0]!;
  const newRows = (t: TableModel) => parseSyscallTable(t.path, plan.edits.find((e) => e.path === t.path)!.after).rows;

  it.each(tree.tables.map((t) => [t.id, t] as const))('%s: compat routing as for fallocate', (_id, t) => {
    expect(t.table.rows.some((r) => r.name === 'fallocate')).toBe(true);
    expect(routesCompat(newRows(t), 'frob_fill')).toBe(routesCompat(t.table.rows, 'fallocate'));
  });

  it('equals the tree\'s fallocate row wherever the tree names compat_sys_fallocate itself', () => {
    const generic = tree.tables.filter((t) => t.table.rows.some((r) => r.name === 'fallocate' && r.entry === 'sys_fallocate' && r.compat === 'compat_sys_fallocate'));
    expect(generic.length).toBeGreaterThan(0);
    for (const t of generic) {
      const reference = t.table.rows.find((r) => r.name === 'fallocate')!;
      const row = newRows(t).find((r) => r.name === 'frob_fill')!;
      // Fields, not bytes: old rows such as sparc's fallocate keep an older whitespace than new rows get.
      const fields = reference.raw.split(/\s+/).slice(1).map((f) => f.replace('fallocate', 'frob_fill'));
      expect(row.raw.split(/\s+/), t.id).toEqual([String(call.nr + t.format.offset), ...fields]);
    }
  });

  it('writes the compat.h prototype as compat.h writes compat_sys_fallocate', () => {
    const reference = tree.compatH!.prototypes.find((p) => p.entry === 'compat_sys_fallocate')!;
    const text = tree.compatH!.text.lines.slice(reference.first, reference.last + 1).join('\n').replaceAll('fallocate', 'frob_fill');
    expect(plan.edits.find((e) => e.path === 'include/linux/compat.h')!.after).toContain(`\n${text}\n`);
  });

  it('pairs the number with __SC_COMP in unistd.h, as fallocate', () => {
    const unistd = tree.unistd;
    const pair = unistd.pairs.find((p) => p.name === 'fallocate')!;
    const lines = unistd.text.lines.slice(pair.defineLine, pair.callLine + 1).join('\n');
    const expected = lines.replace(/ \d+$/m, ` ${call.nr}`).replaceAll('fallocate', 'frob_fill');
    expect(plan.edits.find((e) => e.path === unistd.path)!.after).toContain(`\n${expected}\n`);
  });

  it('writes the native prototype twice in syscalls.h, split for ARCH_SPLIT_ARG64 as fanotify_mark\'s is', () => {
    const text = tree.syscallsH.text.lines;
    const fanotify = text.findIndex((l) => l.startsWith('asmlinkage long sys_fanotify_mark('));
    expect(text[fanotify - 1]).toBe('#if defined(CONFIG_ARCH_SPLIT_ARG64)');
    expect(plan.edits.find((e) => e.path === 'include/linux/syscalls.h')!.after).toContain(
      '#if defined(CONFIG_ARCH_SPLIT_ARG64)\nasmlinkage long sys_frob_fill(int fd, int mode, unsigned int offset_1,\n\t\t\t      unsigned int offset_2, unsigned int len_1,\n\t\t\t      unsigned int len_2);\n' +
        '#else\nasmlinkage long sys_frob_fill(int fd, int mode, loff_t offset, loff_t len);\n#endif\n',
    );
  });
});
