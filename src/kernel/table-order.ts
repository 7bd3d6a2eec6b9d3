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
    const candidates = row.abi === COMMON ? [lastAny] : [lastByAbi.get(row.abi), lastByAbi.get(COMMON)];
    const clash = candidates.filter((r): r is TableRow => r !== undefined && r.nr >= row.nr).sort((a, b) => b.nr - a.nr)[0];
    if (clash) {
      const what = clash.nr === row.nr ? 'duplicates' : 'is below';
      throw new TableParseError(
        table.path,
        row.line,
        `syscall number ${row.nr} (${row.abi} ${row.name}) ${what} ${clash.nr} (${clash.abi} ${clash.name}) at line ${clash.line}; scripts/syscalltbl.sh needs ascending numbers`,
      );
    }
    if (!lastByAbi.has(row.abi) || lastByAbi.get(row.abi)!.nr < row.nr) lastByAbi.set(row.abi, row);
    if (!lastAny || lastAny.nr < row.nr) lastAny = row;
  }
}
