// Every row from generic number 424 up, in 6.12 and in 7.3, is rebuilt from
// its own fields with the table's learnt stops.  The only rows that differ
// are upstream's irregular ones (kernel-conventions §5.2), named here one by
// one for each tree.
import { describe, expect, it } from 'vitest';
import { renderTableRow } from '../../src/render/table-row.js';
import { loadTree, TREE_612, TREE_73 } from '../support/kernel-trees.js';

/** Irregular in both trees: rows no later release rewrote. */
const LASTING = [
  // futex_waitv: spaces instead of tabs
  'alpha:559', 'm68k:449', 'microblaze:449', 'powerpc:449', 'sh:449', 'sparc:449', 'xtensa:449',
  // mseal: stray spaces from the original patch
  'alpha:572', 'sparc:462', 'xtensa:462', 'x86/32:462', 'x86/64:462',
  // set_mempolicy_home_node: space before the tab (powerpc), one TAB too many (x86_32)
  'powerpc:450', 'x86/32:450',
  // openat2: three tabs where the rule gives four
  'sparc:437',
];

const TREES: [string, string, Set<string>][] = [
  // io_uring_*: runs of spaces before the compat column (6.19 rewrote s390's table without that column)
  ['6.12', TREE_612, new Set([...LASTING, 's390:425', 's390:426', 's390:427'])],
  ['7.3', TREE_73, new Set(LASTING)],
];

describe.each(TREES)('row emitter on %s', (_version, dir, irregular) => {
  const tree = loadTree(dir);
  const rows = tree.tables.flatMap((t) => t.table.rows.filter((r) => r.nr - t.format.offset >= 424).map((r) => ({ t, r, key: `${t.id}:${r.nr}` })));

  it.each(rows.filter((x) => !irregular.has(x.key)).map((x) => [x.key, x] as const))('%s is reproduced byte for byte', (_key, { t, r }) => {
    expect(renderTableRow(r.fields, t.format.stops)).toBe(r.raw);
  });

  it.each([...irregular])('%s is irregular upstream and differs from the rule', (key) => {
    const hit = rows.find((x) => x.key === key);
    expect(hit, `${key} not found`).toBeDefined();
    expect(renderTableRow(hit!.r.fields, hit!.t.format.stops)).not.toBe(hit!.r.raw);
  });

  it('reports the tally', () => {
    const equal = rows.filter((x) => renderTableRow(x.r.fields, x.t.format.stops) === x.r.raw).length;
    console.log(`row emitter on ${_version}: ${equal} of ${rows.length} rows equal, ${rows.length - equal} irregular`);
    expect(rows.length - equal).toBe(irregular.size);
  });
});
