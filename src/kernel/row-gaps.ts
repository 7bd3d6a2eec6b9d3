/**
 * The whitespace rule of syscall table rows (kernel-conventions §5.2): each
 * field but the last is followed by TABs up to the table's next stop
 * (exactly one TAB when the field already reaches it), or, for a column
 * the table pads with spaces (s390's numbers), by spaces.  Used to render
 * new rows and by lint to check existing ones.
 */
import type { ColumnStop } from './table-format.js';
import { tabsTo, visualEnd } from './text-lines.js';

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
