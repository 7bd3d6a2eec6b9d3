/**
 * Refuse a table whose numbers scripts/syscalltbl.sh would reject: among
 * the rows an arch selects, numbers must be strictly ascending
 * (kernel-conventions §8.1).  Which ABIs an arch selects lives in its
 * Makefiles, so the check uses what every selection shares: `common` is
 * selected with every ABI, and an ABI is selected with itself.  Rows of two
 * other ABIs may repeat a number (sparc's `32`/`64` splits, the per-arch
 * 244-259 ranges of scripts/syscall.tbl).
 */
import { TableParseError, type SyscallTable, type TableRow } from './syscall-table-reader.js';

const COMMON = 'common';

export function assertTableOrder(table: SyscallTable): void {
  const lastByAbi = new Map<string, TableRow>();
  let lastAny: TableRow | undefined;
  for (const row of table.rows) {
    let clash = row.abi === COMMON ? lastAny : higher(lastByAbi.get(row.abi), lastByAbi.get(COMMON));
    if (clash && clash.nr < row.nr) clash = undefined;
    if (clash) {
      const what = clash.nr === row.nr ? 'duplicates' : 'is below';
      throw new TableParseError(
        table.path,
        row.line,
        `syscall number ${row.nr} (${row.abi} ${row.name}) ${what} ${clash.nr} (${clash.abi} ${clash.name}) at line ${clash.line}; scripts/syscalltbl.sh needs ascending numbers`,
      );
    }
    lastByAbi.set(row.abi, higher(lastByAbi.get(row.abi), row)!);
    lastAny = higher(lastAny, row);
  }
}

function higher(a: TableRow | undefined, b: TableRow | undefined): TableRow | undefined {
  return a === undefined ? b : b === undefined || a.nr >= b.nr ? a : b;
}
