/**
 * `syswire numbers`: the tree's cross-architecture number table, one row
 * per syscall (in generic order, then arch-private calls by name) and one
 * column per table.  A cell is the number the table writes, with the ABI
 * tag when it is not the table's usual one (`453/64` in x86_64); split
 * 32/64 rows show both.  `--json` prints the same data.
 */
import { loadKernelTree } from '../../kernel/tree-loader.js';
import type { KernelTree } from '../../kernel/kernel-tree.js';
import { parseCommandArgs } from '../args.js';
import { NUMBERS } from '../command-specs.js';
import { EXIT, resolveTree, type CliContext } from '../context.js';

export interface NumberCell {
  nr: number;
  abi: string;
}

export interface NumberRow {
  name: string;
  generic: number | null;
  tables: Record<string, NumberCell[]>;
}

export function buildNumberTable(tree: KernelTree): { columns: string[]; rows: NumberRow[] } {
  const columns = tree.tables.map((t) => t.id);
  const rows = new Map<string, NumberRow>();
  const rowFor = (name: string) => {
    let row = rows.get(name);
    if (!row) rows.set(name, (row = { name, generic: tree.generic.numbers.get(name) ?? null, tables: {} }));
    return row;
  };
  for (const name of tree.generic.numbers.keys()) rowFor(name);
  for (const t of tree.tables) {
    for (const r of t.table.rows) (rowFor(r.name).tables[t.id] ??= []).push({ nr: r.nr, abi: r.abi });
  }
  const sorted = [...rows.values()].sort((a, b) => (a.generic ?? Infinity) - (b.generic ?? Infinity) || (a.name < b.name ? -1 : 1));
  return { columns, rows: sorted };
}

export function runNumbers(args: string[], ctx: CliContext): number {
  const { values } = parseCommandArgs(NUMBERS, args);
  const tree = loadKernelTree(resolveTree(ctx, values.tree));
  const table = buildNumberTable(tree);
  if (values.json) {
    ctx.stdout(`${JSON.stringify({ tree: tree.root, version: tree.era.version ?? null, ...table }, null, 1)}\n`);
    return EXIT.ok;
  }
  const usual = new Map(tree.tables.map((t) => [t.id, t.format.defaultAbi]));
  const header = ['syscall', 'generic', ...table.columns];
  const body = table.rows.map((r) => [
    r.name,
    r.generic === null ? '-' : String(r.generic),
    ...table.columns.map((c) => (r.tables[c] ?? []).map((cell) => (cell.abi === usual.get(c) ? String(cell.nr) : `${cell.nr}/${cell.abi}`)).join(',') || '-'),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' ').trimEnd();
  ctx.stdout([format(header), ...body.map(format)].join('\n') + '\n');
  return EXIT.ok;
}
