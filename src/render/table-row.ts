/**
 * Render one syscall table row by the whitespace rule of
 * kernel-conventions §5.2, using the stops learnt from the table itself:
 * each field is followed by TABs up to the next stop (exactly one TAB when
 * the field already reaches it), or, for s390's space-padded number column,
 * by spaces.  No trailing whitespace.
 */
import type { ColumnStop } from '../kernel/table-format.js';
import { tabsTo, visualEnd } from '../kernel/text-lines.js';
import { renderTemplate } from './engine.js';

/** The whitespace after each field but the last, by the table's stops: the rule itself. */
export function tableRowGaps(fields: readonly string[], stops: readonly ColumnStop[]): string[] {
  let col = 0;
  return fields.slice(0, -1).map((text, i) => {
    col = visualEnd(text, col);
    const stop = stops[i];
    const gap = stop?.fill === 'spaces' ? ' '.repeat(Math.max(1, stop.column - col)) : tabsTo(col, stop?.column ?? col + 1);
    col = visualEnd(gap, col);
    return gap;
  });
}

export function renderTableRow(fields: readonly string[], stops: readonly ColumnStop[]): string {
  const gaps = tableRowGaps(fields, stops);
  return renderTemplate('table-row.tbl.hbs', { cells: fields.map((text, i) => ({ text, gap: gaps[i] ?? '' })) });
}
