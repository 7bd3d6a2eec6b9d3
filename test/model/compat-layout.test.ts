// Structs whose layout differs between compat ABIs and 64-bit ones: the
// differences come from the bindings' layout classes, a definition must
// say `compat: true` (or change the struct), and with it the calls taking
// the struct get a compat entry whose prototype reads struct compat_<name>.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compatLayoutDifferences } from '../../src/model/compat-layout.js';
import { loadDefinitions } from '../../src/model/defs-loader.js';
import type { FieldDef } from '../../src/model/defs-schema.js';
import { DiagnosticError, formatDiagnostic } from '../../src/model/diagnostics.js';
import { planWireUp } from '../../src/plan/wire-plan.js';
import { loadDefsFile } from '../support/definitions.js';
import { loadTree, readTreeFile, REPO_ROOT, TREE_612 } from '../support/kernel-trees.js';

const field = (name: string, type: FieldDef['type']): FieldDef => ({ name, type, doc: name, since: 0 });

describe('compatLayoutDifferences', () => {
  it('finds i386 alone for a __u64 after a __u32 (16 bytes there, 24 on x86_64 with a trailing __u32)', () => {
    const diffs = compatLayoutDifferences([field('a', '__u32'), field('b', '__u64'), field('c', '__u32')]);
    expect(diffs).toEqual([{ abi: 'i386', fields: [['b', 4, 8], ['c', 12, 16]], size: [16, 24] }]);
  });

  it.each([
    ['__aligned_u64', [field('a', '__u32'), field('b', '__aligned_u64')]],
    ['explicit padding', [field('a', '__u32'), field('pad', '__u32'), field('b', '__u64')]],
    ['32-bit fields only', [field('a', '__u32'), field('b', '__u16'), field('c', '__u16')]],
  ])('finds none with %s', (_title, fields) => {
    expect(compatLayoutDifferences(fields)).toEqual([]);
  });
});

describe('the definition', () => {
  const source = readFileSync(join(REPO_ROOT, 'test/fixtures/compat-struct.yaml'), 'utf8');
  const tree = loadTree(TREE_612);
  const plan = (file: string, text: string) => planWireUp(tree, loadDefinitions(file, text), (p) => readTreeFile(TREE_612, p));

  it('stops with the ABIs and offsets that differ when the struct does not say compat: true', () => {
    const without = source.replace('    compat: true\n', '');
    expect(without).not.toBe(source);
    let caught: unknown;
    try {
      plan('no-compat.yaml', without);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DiagnosticError);
    expect((caught as DiagnosticError).diagnostics.map(formatDiagnostic)).toEqual([
      "no-compat.yaml:14:11: error: struct frob_args lays out differently for compat ABIs than for 64-bit ones (i386: 'offset' at offset 4 (8 on 64-bit), 'flags' at offset 12 (16 on 64-bit), size 20 (24 on 64-bit)); set 'compat: true' on the struct to convert struct compat_frob_args in a compat entry, or change the struct (e.g. __aligned_u64, or explicit padding so every 64-bit field is 8-aligned)",
    ]);
  });

  it('with compat: true wires compat_sys_frob_args and declares struct compat_frob_args for its compat.h prototype', () => {
    const wired = plan('test/fixtures/compat-struct.yaml', source);
    expect(wired.calls[0]).toMatchObject({ compat: 'compat_sys_frob_args', compatWhy: 'struct-layout' });
    const compatH = wired.edits.find((e) => e.path === 'include/linux/compat.h')!.after;
    expect(compatH).toContain('struct compat_frob_args;\nasmlinkage long compat_sys_frob_args(struct compat_frob_args __user *uargs,\n');
    const x86 = wired.edits.find((e) => e.path === 'arch/x86/entry/syscalls/syscall_32.tbl')!.after;
    expect(x86).toMatch(/\ti386\tfrob_args\t+sys_frob_args\t+compat_sys_frob_args\n/);
    expect(loadDefsFile('test/fixtures/compat-struct.yaml').defs.structs[0]!.compat).toBe(true);
  });
});
