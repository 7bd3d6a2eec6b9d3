/**
 * number-mismatch: in the shared range every table writes a syscall's
 * generic number plus its own offset (alpha +110), and asm-generic/unistd.h
 * defines the generic number.  The expected number is the one most places
 * agree on; every place that differs is reported.
 */
import { mode } from '../kernel/table-format.js';
import { sharedRange } from './shared-range.js';
import type { Finding, LintContext } from './lint-finding.js';

interface Place {
  file: string;
  line: number;
  /** Generic number this place implies (table number minus offset). */
  nr: number;
  written: number;
  offset: number;
}

export function checkNumberAgreement({ tree }: LintContext): Finding[] {
  const findings: Finding[] = [];
  // Every place by syscall name, in one pass over the header and the tables.
  const byName = new Map<string, Place[]>();
  const add = (name: string, place: Place) => (byName.get(name) ?? byName.set(name, []).get(name)!).push(place);
  for (const pair of tree.unistd.pairs) {
    if (pair.callLine >= 0 && !byName.has(pair.name)) add(pair.name, { file: tree.unistd.path, line: pair.defineLine + 1, nr: pair.nr, written: pair.nr, offset: 0 });
  }
  for (const t of tree.tables) {
    for (const row of t.table.rows) add(row.name, { file: t.path, line: row.line, nr: row.nr - t.format.offset, written: row.nr, offset: t.format.offset });
  }
  for (const call of sharedRange(tree)) {
    const places = byName.get(call.name)!;
    const agreed = mode(places.map((p) => p.nr))!;
    for (const p of places.filter((x) => x.nr !== agreed)) {
      const expected = agreed + p.offset;
      const offset = p.offset === 0 ? '' : ` (generic ${agreed} + this table's offset ${p.offset})`;
      findings.push({
        file: p.file,
        line: p.line,
        col: 1,
        severity: 'error',
        message: `${call.name} is numbered ${p.written} here, but ${expected}${offset} everywhere else`,
        rule: 'number-mismatch',
      });
    }
  }
  return findings;
}
