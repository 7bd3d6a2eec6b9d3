// History replay: on the 6.1 tree, the definitions of the generic syscalls
// 451-462 (cachestat ... mseal, as upstream merged them) must produce the
// rows the 6.12 tree has, byte for byte, in every table both trees have.
// The only exceptions are mseal's irregular rows (kernel-conventions §5.2).
import { describe, expect, it } from 'vitest';
import { parseSyscallTable } from '../../src/kernel/syscall-table-reader.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { loadDefsFile } from '../support/definitions.js';
import { loadTree, readTreeFile, TREE_61, TREE_612 } from '../support/kernel-trees.js';

// mseal's original patch left stray spaces in these tables; syswire follows the rule.
const MSEAL_IRREGULAR = new Set(['alpha', 'sparc', 'xtensa', 'x86/32', 'x86/64']);

const old = loadTree(TREE_61);
const current = loadTree(TREE_612);
const loaded = loadDefsFile('test/fixtures/replay-451-462.yaml');
const plan = planWireUp(old, loaded, (p) => readTreeFile(TREE_61, p));
const names = new Set(loaded.defs.syscalls.map((s) => s.name));

function addedRows(path: string) {
  const edit = plan.edits.find((e) => e.path === path);
  if (!edit) throw new Error(`no edit for ${path}`);
  return parseSyscallTable(path, edit.after).rows.filter((r) => names.has(r.name));
}

const shared = old.tables.filter((t) => current.tables.some((c) => c.path === t.path));
const cases = shared.flatMap((t) => {
  const want = current.tables.find((c) => c.path === t.path)!.table.rows.filter((r) => names.has(r.name));
  const got = addedRows(t.path);
  return want.map((w) => ({ id: t.id, name: w.name, want: w.raw, got: got.find((g) => g.name === w.name)?.raw }));
});

describe('history replay 451-462: 6.1 + definitions = 6.12', () => {
  it('numbers the calls 451-462 with auto numbering', () => {
    expect(plan.calls.map((c) => c.nr)).toEqual(Array.from({ length: 12 }, (_, i) => 451 + i));
  });

  it.each(cases.filter((c) => !(c.name === 'mseal' && MSEAL_IRREGULAR.has(c.id))).map((c) => [`${c.id} ${c.name}`, c] as const))('%s equals 6.12', (_k, c) => {
    expect(c.got).toBe(c.want);
  });

  it.each([...MSEAL_IRREGULAR])('mseal in %s: 6.12 has the irregular row, syswire the regular one', (id) => {
    const c = cases.find((x) => x.id === id && x.name === 'mseal')!;
    expect(c.got).not.toBe(c.want);
    expect(c.got!.replace(/\s+/g, ' ')).toBe(c.want.replace(/\s+/g, ' '));
  });

  it('reports the replay table', () => {
    const lines = shared.map((t) => {
      const mine = cases.filter((c) => c.id === t.id);
      const equal = mine.filter((c) => c.got === c.want).length;
      return `${t.id.padEnd(11)} equal ${equal}  differ ${mine.length - equal}`;
    });
    console.log(`history replay (6.1 -> 6.12), rows 451-462:\n${lines.join('\n')}`);
    expect(cases.length).toBe(shared.length * 12);
  });

  it('wires arm64 compat through unistd32.h and __NR_compat_syscalls on 6.1', () => {
    const unistd32 = plan.edits.find((e) => e.path === 'arch/arm64/include/asm/unistd32.h')!;
    expect(unistd32.after).toContain('#define __NR_mseal 462\n__SYSCALL(__NR_mseal, sys_mseal)\n\n/*\n * Please add new compat syscalls above this comment');
    const asm = plan.edits.find((e) => e.path === 'arch/arm64/include/asm/unistd.h')!;
    expect(asm.after).toMatch(/^#define __NR_compat_syscalls\t\t463$/m);
    expect(plan.edits.map((e) => e.path)).not.toContain('scripts/syscall.tbl');
  });

  it('gives ia64 its rows too (generic numbers, 4 columns)', () => {
    const rows = addedRows('arch/ia64/kernel/syscalls/syscall.tbl');
    expect(rows.map((r) => r.nr)).toEqual(Array.from({ length: 12 }, (_, i) => 451 + i));
    expect(rows[0]!.raw).toBe('451\tcommon\tcachestat\t\t\tsys_cachestat');
  });

  it('bumps __NR_syscalls to 463', () => {
    expect(plan.edits.find((e) => e.path === 'include/uapi/asm-generic/unistd.h')!.after).toMatch(/^#define __NR_syscalls 463$/m);
  });
});
