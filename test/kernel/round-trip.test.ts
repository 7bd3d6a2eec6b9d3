// Parsing is lossless: every table and header syswire reads (compat.h too) prints back to
// the same bytes, in the 6.1, 6.12 and 7.3 trees.  Table rows are rebuilt from their parsed
// fields and separators (the raw line is dropped first); comments and blank lines, which
// have no fields, are their text.
import { describe, expect, it } from 'vitest';
import { joinLines } from '../../src/kernel/text-lines.js';
import { printTableRow, type SyscallTable } from '../../src/kernel/syscall-table-reader.js';
import { loadTree, TREE_61, TREE_612, TREE_73 } from '../support/kernel-trees.js';

/** The table printed from the parsed model: rows from fields + separators only. */
function rebuildTable(table: SyscallTable): string {
  const lines = table.lines.map((l) => (l.kind === 'row' ? printTableRow({ fields: [...l.fields], separators: [...l.separators] }) : l.raw));
  return joinLines({ lines, finalNewline: table.text.finalNewline });
}

describe.each([
  ['6.12', TREE_612],
  ['6.1', TREE_61],
  ['7.3', TREE_73],
])('round trip on %s', (_version, dir) => {
  const tree = loadTree(dir);
  const printed = new Map<string, string>([
    ...tree.tables.map((t) => [t.path, rebuildTable(t.table)] as const),
    [tree.unistd.path, joinLines(tree.unistd.text)],
    [tree.syscallsH.path, joinLines(tree.syscallsH.text)],
    [tree.sysNi.path, joinLines(tree.sysNi.text)],
  ]);
  if (tree.arm64Compat) printed.set(tree.arm64Compat.unistd32.path, joinLines(tree.arm64Compat.unistd32.text));
  if (tree.compatH) printed.set(tree.compatH.path, joinLines(tree.compatH.text));

  it.each([...printed.keys()])('%s prints back byte for byte', (path) => {
    expect(printed.get(path)).toBe(tree.sources.get(path));
  });

  it('each row holds what its fields say: number, ABI, name, entry points; one separator per gap', () => {
    for (const { table } of tree.tables) {
      for (const row of table.rows) {
        const where = `${table.path}:${row.line}`;
        expect([String(row.nr), row.abi, row.name, row.entry, row.compat], where).toEqual([0, 1, 2, 3, 4].map((i) => row.fields[i]));
        expect(row.separators.length - row.fields.length, where).toBeOneOf([-1, 0]);
        for (const sep of row.separators) expect(sep, where).toMatch(/^[ \t]+$/);
      }
    }
  });

  it('a changed separator or field shows in the rebuilt row (the rebuild does not echo the line)', () => {
    const row = tree.tables[0]!.table.rows[0]!;
    expect(printTableRow({ fields: row.fields, separators: [`${row.separators[0]} `, ...row.separators.slice(1)] })).not.toBe(row.raw);
    expect(printTableRow({ fields: ['999', ...row.fields.slice(1)], separators: row.separators })).toBe(row.raw.replace(/^\d+/, '999'));
  });

  it('covers every discovered table plus unistd.h, syscalls.h and sys_ni.c', () => {
    // 6.12 and 7.3: 16 arch tables + scripts/syscall.tbl; 6.1: 16 arch tables incl. ia64 + unistd32.h.
    expect(tree.tables.length).toBe(_version === '6.1' ? 16 : 17);
    expect(tree.compatH).toBeDefined();
    expect(printed.size).toBe(tree.tables.length + 4 + (tree.arm64Compat ? 1 : 0));
    console.log(`round trip ${_version}: ${printed.size} files unchanged`);
  });
});
