/**
 * row-whitespace (warning): a row that breaks its table's whitespace rule
 * (kernel-conventions §5.2).  Two checks:
 *
 * - every row: no trailing blanks, and gaps the table fills with TABs hold
 *   only TABs (s390's space-padded number column is filled with spaces by
 *   rule, which the learnt stop says);
 * - rows of the shared range, which are all written by the same rule:
 *   every gap must be the one the rule gives for the row's own fields and
 *   the table's learnt stops (tableRowGaps, what renderTableRow writes).
 *
 * Older blocks use other column positions (arm below 403) and are only held
 * to the first check.  The consumer scripts split on any whitespace, so
 * none of this breaks a build: warnings only.
 */
import { tableRowGaps } from '../kernel/row-gaps.js';
import type { TableRow } from '../kernel/syscall-table-reader.js';
import type { TableModel } from '../kernel/kernel-tree.js';
import { fieldStarts } from '../kernel/table-format.js';
import { sharedStart } from './shared-range.js';
import type { Finding, LintContext } from './lint-finding.js';

function blankProblem(model: TableModel, row: TableRow): { col: number; what: string } | undefined {
  const trailing = /[ \t]+$/.exec(row.raw);
  if (trailing) return { col: trailing.index + 1, what: 'trailing whitespace' };
  for (let gap = 0; gap < row.fields.length - 1; gap++) {
    const sep = row.separators[gap]!;
    if (model.format.stops[gap]?.fill !== 'spaces' && sep.includes(' ')) {
      const col = fieldOffset(row, gap) + row.fields[gap]!.length + 1;
      return { col, what: `a space between '${row.fields[gap]}' and '${row.fields[gap + 1]}' where the table uses TABs` };
    }
  }
  return undefined;
}

/** Character offset of field i in the raw row. */
function fieldOffset(row: TableRow, i: number): number {
  return row.fields.slice(0, i).join('').length + row.separators.slice(0, i).join('').length;
}

function show(text: string): string {
  return text.replace(/\t/g, '\\t');
}

export function checkRowWhitespace({ tree }: LintContext): Finding[] {
  const start = sharedStart(tree);
  const findings: Finding[] = [];
  for (const model of tree.tables) {
    for (const row of model.table.rows) {
      const warn = (col: number, message: string) => findings.push({ file: model.path, line: row.line, col, severity: 'warning', message, rule: 'row-whitespace' });
      const blank = blankProblem(model, row);
      if (blank) {
        warn(blank.col, `row breaks the table's whitespace rule: ${blank.what}`);
        continue;
      }
      const generic = tree.generic.numbers.get(row.name);
      if (generic === undefined || generic < start) continue;
      const gaps = tableRowGaps(row.fields, model.format.stops);
      const index = gaps.findIndex((gap, i) => gap !== row.separators[i]) + 1;
      if (index === 0) continue;
      const want = row.fields.map((f, i) => f + (gaps[i] ?? '')).join('');
      const diff = fieldOffset(row, index - 1) + row.fields[index - 1]!.length;
      const stop = model.format.stops[index - 1];
      const at = stop ? `'${row.fields[index]}' starts at column ${fieldStarts(row)[index]}, the rule puts it at ${stop.column}; ` : '';
      warn(diff + 1, `row breaks the table's whitespace rule: ${at}expected '${show(want)}'`);
    }
  }
  return findings;
}
